import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { loadGlossaryFile, mergeGlossary } from '../../server/src/core/glossary/load';
import { analyzeDocument, compileGlossary, type DocumentAnalysis } from '../../server/src/core/recognition';

// Runs recognition over the sample workspace and compares what it finds with a hand-checked list in
// test/fixtures/recognition/samples.expected.tsv (one finding a line: file, position, what, entry or
// kind, text, and the title or type-word details). Precision and recall are printed; both must be 100%.

const REPO_ROOT = join(__dirname, '../../..');
const SAMPLES = join(REPO_ROOT, 'samples');
const EXPECTED = join(REPO_ROOT, 'test/fixtures/recognition/samples.expected.tsv');

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out.sort();
}

const show = (text: string) => JSON.stringify(text);

/** One line per finding, in the format of the expected list. */
function findings(file: string, analysis: DocumentAnalysis): string[] {
  const at = (range: { start: { line: number; character: number } }) => `${range.start.line + 1}:${range.start.character + 1}`;
  const lines: string[] = [];
  for (const m of analysis.mentions) {
    const details: string[] = [m.match];
    if (m.title) details.push(`title=${show(m.title.text)}${m.title.historical ? ' historical' : ''}${m.title.honorific ? ' honorific' : ''}`);
    if (m.document?.typeMismatch) details.push('type-mismatch');
    lines.push([file, at(m.range), 'mention', m.entryId, show(m.text), details.join(' ')].join('\t'));
  }
  for (const a of analysis.ambiguous) lines.push([file, at(a.range), 'ambiguous', a.entryIds.join(','), show(a.text), a.match ?? ''].join('\t'));
  for (const c of analysis.candidates) {
    const details = c.kind === 'official' ? `title=${show(c.title ?? '')}` : c.document?.typeMismatch ? 'type-mismatch' : '';
    lines.push([file, at(c.range), 'candidate', c.kind, show(c.text), details].join('\t'));
  }
  for (const a of analysis.annotations.filter((x) => !x.known)) lines.push([file, at(a.range), 'unknown-annotation', a.id, show(a.text), ''].join('\t'));
  return lines;
}

describe('recognition over the sample workspace', () => {
  it('finds exactly the hand-checked mentions, candidates and ambiguities', (t) => {
    const files = filesUnder(SAMPLES);
    const glossaryFiles = files.filter((f) => /\.glossary\.ya?ml$/.test(f));
    const documents = files.filter((f) => /\.(txt|md)$/.test(f));
    assert.ok(glossaryFiles.length > 0 && documents.length >= 4);
    const glossary = mergeGlossary(glossaryFiles.map((f) => loadGlossaryFile(`file://${f}`, readFileSync(f, 'utf8'))));
    const compiled = compileGlossary(glossary);

    const actual = documents.flatMap((f) => findings(relative(SAMPLES, f).split('\\').join('/'), analyzeDocument(readFileSync(f, 'utf8'), compiled)));
    const expected = readFileSync(EXPECTED, 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.trim() && !line.startsWith('#'));

    const expectedSet = new Set(expected);
    const actualSet = new Set(actual);
    const truePositives = actual.filter((line) => expectedSet.has(line)).length;
    const precision = actual.length ? truePositives / actual.length : 1;
    const recall = expected.length ? truePositives / expected.length : 1;
    const summary = `samples: ${documents.length} documents, ${expected.length} expected findings; precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%`;
    t.diagnostic(summary);
    console.log(summary);

    const unexpected = actual.filter((line) => !expectedSet.has(line));
    const missed = expected.filter((line) => !actualSet.has(line));
    assert.deepEqual({ unexpected, missed }, { unexpected: [], missed: [] });
    assert.equal(actual.length, new Set(actual).size, 'no finding twice');
  });
});
