import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { loadGlossaryFile, mergeGlossary } from '../../server/src/core/glossary/load';
import { analyzeDocument, compileGlossary, isInsideLink, type CompiledGlossary } from '../../server/src/core/recognition';
import { compileGlossarySteps } from '../../server/src/core/recognition/compile';

// Officials who share a given name share one short-form pattern in the compiled glossary; these tests
// check that a shared short name still resolves as the rules say, however many share it.

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trương', 'Mai', 'Tạ'];
const MIDDLES = ['Thị', 'Văn', 'Hải', 'Minh', 'Ngọc', 'Thanh', 'Thu', 'Hồng', 'Kim', 'Bảo', 'Phương', 'Quỳnh', 'Hoài', 'Diệu', 'Mỹ', 'Như', 'Tuyết', 'Xuân', 'Hạnh', 'Lan', 'Bích', 'Cẩm', 'Hà', 'Khánh', 'Tú'];
const SHARED = 500;

/** Official k: a distinct full name ending in the shared given name `Yến`. */
const nameOf = (k: number) => `${SURNAMES[k % SURNAMES.length]} ${MIDDLES[Math.floor(k / SURNAMES.length)]} Yến`;
const idOf = (k: number) => `yen-${k}`;

function rolesOf(k: number): string {
  if (k === 17) return '\n    roles:\n      - title: Deputy Minister of Foreign Affairs';
  if (k === 100 || k === 200) return '\n    roles:\n      - title: Minister of Planning';
  return '';
}

function sharedGlossaryYaml(): string {
  const lines = ['entries:'];
  for (let k = 0; k < SHARED; k++) lines.push(`  - id: ${idOf(k)}\n    kind: official\n    name: ${nameOf(k)}${rolesOf(k)}`);
  // Three officials written exactly alike: one pattern, three entries.
  for (let k = 1; k <= 3; k++) lines.push(`  - id: twin-${k}\n    kind: official\n    name: Đỗ Quang Khải`);
  return `${lines.join('\n')}\n`;
}

function compileYaml(yaml: string): CompiledGlossary {
  return compileGlossary(mergeGlossary([loadGlossaryFile('file:///w/shared.glossary.yaml', yaml)]));
}

const compiled = compileYaml(sharedGlossaryYaml());

function mentions(text: string): string[] {
  return analyzeDocument(text, compiled).mentions.map((m) => `${m.entryId}:${m.match}`);
}

describe('recognition: a short name shared by many officials', () => {
  it('compiles the shared given name into one pattern with every official as a target', () => {
    const shortPatterns: number[] = [];
    for (let p = 0; p < compiled.patternWritten.length; p++) if (compiled.patternWritten[p] === 'Yến') shortPatterns.push(p);
    assert.equal(shortPatterns.length, 1);
    const p = shortPatterns[0];
    const targets = Array.from(compiled.patternTargets.subarray(compiled.patternTargetStart[p], compiled.patternTargetStart[p + 1]));
    assert.equal(targets.length, SHARED);
    assert.deepEqual(targets, [...targets].sort((a, b) => a - b));
    // Each official lists the shared pattern among its short forms.
    for (const k of [0, 17, 499]) {
      const index = compiled.entryIndex.get(idOf(k))!;
      const own = Array.from(compiled.entryShortPatterns.subarray(compiled.entryShortStart[index], compiled.entryShortStart[index + 1]));
      assert.deepEqual(own, [p]);
    }
  });

  it('takes a bare short name only after a full mention of one of them', () => {
    const analysis = analyzeDocument('Yến said the talks went well.', compiled);
    assert.deepEqual(analysis.mentions, []);
    assert.deepEqual(analysis.ambiguous, []);
  });

  it('gives a bare short name to the official mentioned in full most recently', () => {
    const text = `${nameOf(3)} met ${nameOf(250)}. Yến said the talks went well. Later ${nameOf(3)} spoke, and Yến thanked the hosts.`;
    assert.deepEqual(mentions(text), [`${idOf(3)}:name`, `${idOf(250)}:name`, `${idOf(250)}:short`, `${idOf(3)}:name`, `${idOf(3)}:short`]);
  });

  it('gives a short name after a title to the holder of that role, whoever was mentioned last', () => {
    assert.deepEqual(mentions('Deputy Foreign Minister Yến said the talks went well.'), [`${idOf(17)}:short`]);
    const text = `${nameOf(3)} spoke first. Deputy Foreign Minister Yến answered. Yến then left.`;
    assert.deepEqual(mentions(text), [`${idOf(3)}:name`, `${idOf(17)}:short`, `${idOf(3)}:short`]);
  });

  it('reports a titled short name that two holders fit as ambiguous, unless one was mentioned in full', () => {
    const analysis = analyzeDocument(`${nameOf(300)} arrived. Minister of Planning Yến spoke.`, compiled);
    assert.deepEqual(analysis.mentions.map((m) => m.entryId), [idOf(300)]);
    assert.equal(analysis.ambiguous.length, 1);
    assert.deepEqual(analysis.ambiguous[0].entryIds, [idOf(100), idOf(200)]);
    assert.equal(analysis.ambiguous[0].match, 'short');
    assert.deepEqual(mentions(`${nameOf(200)} arrived. Minister of Planning Yến spoke.`), [`${idOf(200)}:name`, `${idOf(200)}:short`]);
    // The answer is cached per title: asking again in another document gives the same.
    assert.deepEqual(mentions(`${nameOf(100)} arrived. Minister of Planning Yến spoke.`), [`${idOf(100)}:name`, `${idOf(100)}:short`]);
  });

  it('reports a full name shared by several entries as ambiguous, listing each once', () => {
    const analysis = analyzeDocument('Đỗ Quang Khải arrived. Khải spoke.', compiled);
    assert.deepEqual(analysis.mentions, []);
    assert.deepEqual(analysis.ambiguous.map((a) => [a.text, a.entryIds]), [['Đỗ Quang Khải', ['twin-1', 'twin-2', 'twin-3']]]);
  });

  it('resolves every bare short name in a long document to the latest full mention (random documents)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: SHARED - 1 }), fc.constant(-1)), { minLength: 1, maxLength: 60 }), (steps) => {
        const sentences: string[] = [];
        const expected: string[] = [];
        let latest = -1;
        for (const k of steps) {
          if (k >= 0) {
            sentences.push(`${nameOf(k)} arrived at the ministry for the talks.`);
            expected.push(`${idOf(k)}:name`);
            latest = k;
          } else {
            // English prose: in a Vietnamese paragraph a bare short name is not taken.
            sentences.push('Yến spoke to the press about the results of the meeting.');
            if (latest >= 0) expected.push(`${idOf(latest)}:short`);
          }
        }
        assert.deepEqual(mentions(sentences.join(' ')), expected);
      }),
      { numRuns: 100 },
    );
  });
});

describe('recognition: compiling in steps', () => {
  it('yields every few thousand entries and compiles the same glossary as compileGlossary', () => {
    const lines = ['entries:'];
    for (let k = 0; k < 9000; k++) lines.push(`  - id: term-${k}\n    kind: term\n    name: policy term ${k} alpha`);
    lines.push(`  - id: yen\n    kind: official\n    name: ${nameOf(7)}`);
    const glossary = mergeGlossary([loadGlossaryFile('file:///w/steps.glossary.yaml', `${lines.join('\n')}\n`)]);
    const steps = compileGlossarySteps(glossary);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    assert.ok(yields >= 3, `yielded ${yields} times`);
    const text = `The policy term 4711 alpha and POLICY TERM 12 ALPHA; ${nameOf(7)} said Yến would come.`;
    const byStep = analyzeDocument(text, step.value);
    assert.deepEqual(byStep, analyzeDocument(text, compileGlossary(glossary)));
    assert.deepEqual(
      byStep.mentions.map((m) => m.entryId),
      ['term-4711', 'term-12', 'yen', 'yen'],
    );
  });
});

/** isInsideLink's file-name rule as first written (a slice and two patterns per match), for comparison. */
function insideFileNameReference(text: string, start: number, end: number): boolean {
  const isPathChar = (ch: string) => {
    const code = ch.charCodeAt(0);
    if (code < 128) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || '_.~-/\\%+'.includes(ch);
    return /[\p{L}\p{N}\p{M}]/u.test(ch);
  };
  let runStart = start;
  while (runStart > 0 && start - runStart < 255 && isPathChar(text[runStart - 1])) runStart--;
  let runEnd = end;
  while (runEnd < text.length && runEnd - end < 255 && isPathChar(text[runEnd])) runEnd++;
  const run = text.slice(runStart, runEnd).replace(/[.]+$/, '');
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(run);
  const extensions = new Set([
    'jpg', 'jpeg', 'png', 'gif', 'webp', 'svg', 'bmp', 'tif', 'tiff', 'heic', 'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt',
    'pptx', 'odt', 'rtf', 'txt', 'md', 'html', 'htm', 'php', 'aspx', 'asp', 'xml', 'json', 'yaml', 'yml', 'csv', 'zip',
    'rar', '7z', 'mp3', 'mp4', 'mov', 'avi', 'wav', 'js', 'ts', 'css',
  ]);
  return !!ext && extensions.has(ext[1].toLowerCase()) && run.length > ext[0].length;
}

describe('recognition: file names around a match', () => {
  it('finds file names exactly as a slice of the run around the match would', () => {
    const piece = fc.constantFrom('le', 'hoai', 'Trung', 'ảnh', '-', '.', '..', 'jpg', 'JPG', 'png', 'pdf', 'docx', 'md', 'txt', 'html', 'jpeg', '7z', 'abcdef', ' ', '/', '_', '5', '\u0301', '\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), fc.nat(), fc.nat(), (pieces, a, b) => {
        const text = pieces.join('');
        if (text.length === 0) return;
        const start = a % text.length;
        const end = start + (b % (text.length - start + 1));
        // No URL or e-mail address in this alphabet: only the file-name rule decides.
        assert.equal(isInsideLink(text, start, end), insideFileNameReference(text, start, end), JSON.stringify({ text, start, end }));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a name inside an image file name out, and a name before a full stop in', () => {
    const text = 'See le-hoai-trung.jpg and Le Hoai Trung.';
    assert.equal(isInsideLink(text, 4, 6), true);
    assert.equal(isInsideLink(text, text.indexOf('Le Hoai'), text.length - 1), false);
  });
});
