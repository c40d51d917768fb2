import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseJson, range, runCli } from './runCli';

interface ScanRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface ScanOutput {
  version: number;
  glossary: { files: string[]; entries: number };
  documents: {
    path: string;
    date: string | null;
    mentions: { id: string; kind: string; text: string; match: string; range: ScanRange }[];
    candidates: { kind: string; text: string; range: ScanRange }[];
    diagnostics: { code: string; severity: string; message: string; range: ScanRange }[];
  }[];
}

const MATCH_KINDS = ['name', 'alias', 'native', 'short', 'number', 'annotation'];
const CANDIDATE_KINDS = ['resolution', 'document', 'official'];

/** Checks the exact shape: these keys in this order, with these types, and nothing else. */
function assertScanShape(output: ScanOutput): void {
  assert.deepEqual(Object.keys(output), ['version', 'glossary', 'documents']);
  assert.equal(output.version, 1);
  assert.deepEqual(Object.keys(output.glossary), ['files', 'entries']);
  assert.ok(output.glossary.files.every((f) => typeof f === 'string'));
  assert.ok(Number.isInteger(output.glossary.entries));
  const assertRange = (r: ScanRange) => {
    assert.deepEqual(Object.keys(r), ['start', 'end']);
    for (const p of [r.start, r.end]) {
      assert.deepEqual(Object.keys(p), ['line', 'character']);
      assert.ok(Number.isInteger(p.line) && p.line >= 0 && Number.isInteger(p.character) && p.character >= 0);
    }
  };
  for (const doc of output.documents) {
    assert.deepEqual(Object.keys(doc), ['path', 'date', 'mentions', 'candidates', 'diagnostics']);
    assert.ok(doc.date === null || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(doc.date), String(doc.date));
    for (const m of doc.mentions) {
      assert.deepEqual(Object.keys(m), ['id', 'kind', 'text', 'match', 'range']);
      assert.ok(MATCH_KINDS.includes(m.match), m.match);
      assertRange(m.range);
    }
    for (const c of doc.candidates) {
      assert.deepEqual(Object.keys(c), ['kind', 'text', 'range']);
      assert.ok(CANDIDATE_KINDS.includes(c.kind), c.kind);
      assertRange(c.range);
    }
    for (const d of doc.diagnostics) {
      assert.deepEqual(Object.keys(d), ['code', 'severity', 'message', 'range']);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
      assertRange(d.range);
    }
  }
  const paths = output.documents.map((d) => d.path);
  assert.deepEqual(paths, [...paths].sort(), 'documents are sorted by path');
}

describe('policy-gloss scan', () => {
  it('prints the index of the workspace in the documented shape', () => {
    const run = runCli(['scan', 'workspace']);
    assert.equal(run.status, 0);
    assert.equal(run.stderr, '');
    const output = parseJson(run) as ScanOutput;
    assertScanShape(output);
    assert.deepEqual(output.glossary, { files: ['workspace/policy.glossary.yaml'], entries: 4 });
    assert.deepEqual(
      output.documents.map((d) => d.path),
      ['workspace/briefing.txt', 'workspace/notes/summit.md'],
    );

    const [briefing, summit] = output.documents;
    assert.equal(briefing.date, null, 'no front matter, date line or dateline');
    assert.deepEqual(briefing.mentions, [
      { id: 'ministry-of-foreign-affairs', kind: 'organization', text: 'MOFA', match: 'alias', range: range(2, 4, 2, 8) },
      { id: 'strategic-autonomy', kind: 'term', text: 'strategic autonomy', match: 'name', range: range(2, 44, 2, 62) },
      { id: 'le-hoai-trung', kind: 'official', text: 'Lê Hoài Trung', match: 'name', range: range(3, 0, 3, 13) },
      { id: 'asean', kind: 'organization', text: 'ASEAN', match: 'alias', range: range(3, 50, 3, 55) },
    ]);
    assert.deepEqual(briefing.candidates, []);
    assert.deepEqual(briefing.diagnostics, []);
    assert.deepEqual(summit.mentions, [
      { id: 'strategic-autonomy', kind: 'term', text: 'tự chủ chiến lược', match: 'native', range: range(2, 20, 2, 37) },
    ]);
  });

  it('lists every kind of match, the candidates the glossary lacks, the date and the diagnostics', () => {
    const run = runCli(['scan', 'findings']);
    assert.equal(run.status, 0, 'scan does not fail on findings');
    const output = parseJson(run) as ScanOutput;
    assertScanShape(output);
    assert.deepEqual(output.glossary, { files: ['findings/findings.glossary.yaml'], entries: 3 });
    const [report] = output.documents;
    assert.equal(report.path, 'findings/report.md');
    assert.equal(report.date, '2026-01-22');
    assert.deepEqual(report.mentions, [
      { id: 'le-hoai-trung', kind: 'official', text: 'Lê Hoài Trung', match: 'name', range: range(5, 28, 5, 41) },
      { id: 'le-hoai-trung', kind: 'official', text: 'Trung', match: 'short', range: range(6, 0, 6, 5) },
      { id: 'asean', kind: 'organization', text: 'ASEAN', match: 'alias', range: range(6, 28, 6, 33) },
      { id: 'resolution-59', kind: 'resolution', text: '59-NQ/TW', match: 'number', range: range(8, 32, 8, 40) },
      { id: 'asean', kind: 'organization', text: '[[asean]]', match: 'annotation', range: range(9, 4, 9, 13) },
    ]);
    assert.deepEqual(report.candidates, [
      { kind: 'official', text: 'Ho Duc Phoc', range: range(7, 22, 7, 33) },
      { kind: 'document', text: '250/2025/QH15', range: range(8, 53, 8, 66) },
    ]);
    assert.deepEqual(
      report.diagnostics.map((d) => [d.code, d.range]),
      [
        ['unknown-official', range(7, 22, 7, 33)],
        ['unknown-document', range(8, 53, 8, 66)],
        ['unknown-annotation', range(9, 20, 9, 33)],
      ],
    );
    assert.equal(report.diagnostics[2].severity, 'error');
  });

  it('names each document by the PATH as given joined with its relative path', () => {
    const viaDot = parseJson(runCli(['scan', './workspace/notes/../'])) as ScanOutput;
    assert.deepEqual(
      viaDot.documents.map((d) => d.path),
      ['workspace/briefing.txt', 'workspace/notes/summit.md'],
    );
    const nested = parseJson(runCli(['scan', '--glossary', 'workspace/policy.glossary.yaml', 'workspace/notes'])) as ScanOutput;
    assert.deepEqual(nested.glossary.files, ['workspace/policy.glossary.yaml']);
    assert.deepEqual(nested.documents.map((d) => d.path), ['workspace/notes/summit.md']);
    assert.equal(nested.documents[0].mentions.length, 1);
  });

  it('lists a file reached through two PATHs once', () => {
    const output = parseJson(runCli(['scan', 'workspace', 'workspace/notes', 'workspace/briefing.txt'])) as ScanOutput;
    assert.deepEqual(output.documents.map((d) => d.path), ['workspace/briefing.txt', 'workspace/notes/summit.md']);
  });

  it('recognises with the --glossary files instead of those found under PATH', () => {
    const output = parseJson(runCli(['scan', '--glossary', 'other-glossary/extra.glossary.yaml', 'workspace'])) as ScanOutput;
    assertScanShape(output);
    assert.deepEqual(output.glossary, { files: ['other-glossary/extra.glossary.yaml'], entries: 1 });
    assert.deepEqual(output.documents[0].mentions, [
      { id: 'regional-cooperation', kind: 'term', text: 'regional cooperation', match: 'name', range: range(3, 26, 3, 46) },
    ]);
    assert.deepEqual(output.documents[1].mentions, []);
  });

  it('scans documents with a broken glossary and still exits 0', () => {
    const run = runCli(['scan', 'broken']);
    assert.equal(run.status, 0);
    const output = parseJson(run) as ScanOutput;
    assertScanShape(output);
    assert.deepEqual(output.glossary.files, ['broken/broken.glossary.yaml']);
    assert.deepEqual(output.documents.map((d) => d.path), ['broken/report.txt']);
  });

  it('prints the same bytes on every run', () => {
    assert.equal(runCli(['scan', 'workspace', 'broken']).stdout, runCli(['scan', 'workspace', 'broken']).stdout);
  });
});
