// Glossary work in steps (loading, merging, the service's asynchronous glossary build) gives exactly what
// the synchronous functions give, and the recognition comparison that decides whether documents are
// scanned again notices exactly the fields recognition reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { ID_PATTERN, isValidId, loadGlossaryFile, loadGlossaryFileSteps, mergeGlossary, mergeGlossarySteps } from '../../server/src/core/glossary/load';
import { formKey, formKeysEqual } from '../../server/src/core/glossary/forms';
import { PositionIndex } from '../../server/src/core/glossary/positions';
import type { Glossary, GlossaryEntry, GlossaryFile } from '../../server/src/core/glossary/model';
import { sameRecognition, sameRecognitionFields } from '../../server/src/core/glossary/recognitionFields';
import { runInSlices, runToEnd, type Steps } from '../../server/src/core/glossary/steps';
import { PolicyService } from '../../server/src/core/service';

const SAMPLE_GLOSSARY = readFileSync(path.join(__dirname, '..', '..', '..', 'samples', 'policy.glossary.yaml'), 'utf8');

/** A generated glossary with every kind of field and, every so often, problems of every kind. */
function generatedGlossary(entries: number, seed: number, options: { unusual?: boolean } = {}): string {
  const lines = ['# generated', `title: Generated ${seed}`, 'entries:'];
  for (let i = 0; i < entries; i++) {
    const n = (i * 7919 + seed) % 997;
    const id = `entry-${seed}-${i}`;
    switch (n % 9) {
      case 0:
        lines.push(`  - id: ${id}`, '    kind: official', `    name: Nguyễn Văn Số ${i}`, `    aliases: [Nguyen Van So ${i}]`, '    short: [Số]', '    roles:',
          '      - title: Deputy Minister of Foreign Affairs', '        native: Thứ trưởng Bộ Ngoại giao', '        from: 2021', `    related: [entry-${seed}-${i + 1}]`);
        break;
      case 1:
        lines.push(`  - id: ${id}`, '    kind: term', `    name: "strategic term ${n}"`, `    native: thuật ngữ ${n}`, '    status: deprecated');
        break;
      case 2:
        lines.push(`  - id: ${id}`, '    kind: resolution', `    name: Resolution ${i}`, `    number: ${i}-NQ/TW`, '    issuer: Politburo', '    date: 2025-01-24',
          '    summary: >', '      A folded summary', '      on two lines.');
        break;
      case 3:
        // Problems: an unknown key, a wrong type, a reference to no entry, reversed dates.
        // (A few references to no entry: each is compared with every id for a suggestion.)
        lines.push(`  - id: ${id}`, '    kind: event', `    name: Dialogue – ${i}`, '    alias: [x]', '    aliases: oops', `    related: [${i < 300 ? 'no-such-entry' : id}]`,
          '    roles:', '      - title: Host', '        from: 2024', '        to: 2020');
        break;
      case 4:
        // A duplicate id and a form shared with another entry.
        lines.push(`  - id: entry-${seed}-0`, '    kind: place', `    name: Nguyễn Văn Số ${Math.max(0, i - 4)}`);
        break;
      case 5:
        lines.push('  - kind: other', `    name: No id ${i}`);
        break;
      case 6:
        lines.push(`  - id: ${id}`, '    kind: organization', `    name: 'Organisation ''${i}'''`, '    case: sensitive', `    x-note: {a: 1}`);
        break;
      default:
        lines.push(`  - id: ${id}`, '    kind: agreement', `    name: Agreement ${i} # a comment`, `    use: entry-${seed}-${Math.max(0, i - 1)}`);
    }
    if (options.unusual && i % 101 === 50) lines.push('    x-anchor: &a [1, 2]', '    x-alias: *a');
  }
  lines.push('');
  return lines.join('\n');
}

/** Runs steps one at a time, counting the pauses. */
function stepwise<T>(steps: Steps<T>): { value: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { value: next.value, pauses };
    pauses++;
  }
}

const URI_A = 'file:///w/a.glossary.yaml';
const URI_B = 'file:///w/b.glossary.yaml';
const URI_C = 'file:///w/c.glossary.yaml';

test('loading in steps gives exactly what loading at once gives (sample, generated, unusual and broken glossaries)', () => {
  const texts = [
    SAMPLE_GLOSSARY,
    generatedGlossary(3000, 1),
    generatedGlossary(2000, 2, { unusual: true }),
    generatedGlossary(500, 3).replace('entries:', 'entries: [a'),
    '',
    'entries: 3\n',
  ];
  for (const text of texts) {
    const expected = loadGlossaryFile(URI_A, text);
    const { value, pauses } = stepwise(loadGlossaryFileSteps(URI_A, text));
    assert.deepEqual(value, expected);
    if (expected.entries.length > 1000) assert.ok(pauses > 10, `a large file pauses while it loads (${pauses} pauses)`);
  }
  // And through the `yaml` package's tree.
  const text = generatedGlossary(300, 4);
  assert.deepEqual(stepwise(loadGlossaryFileSteps(URI_A, text, { reader: 'yaml' })).value, loadGlossaryFile(URI_A, text, { reader: 'yaml' }));
});

test('loads in steps interleaved with each other give what each gives alone', () => {
  const texts = [generatedGlossary(1500, 5), generatedGlossary(1200, 6, { unusual: true }), SAMPLE_GLOSSARY];
  const uris = [URI_A, URI_B, URI_C];
  const expected = texts.map((text, i) => loadGlossaryFile(uris[i], text));
  const running = texts.map((text, i) => loadGlossaryFileSteps(uris[i], text));
  const results: (GlossaryFile | undefined)[] = [];
  while (results.filter(Boolean).length < running.length) {
    running.forEach((steps, i) => {
      if (results[i]) return;
      const next = steps.next();
      if (next.done) results[i] = next.value;
    });
  }
  assert.deepEqual(results, expected);
});

test('merging in steps gives exactly what merging at once gives, with every cross-file problem', () => {
  const a = loadGlossaryFile(URI_A, generatedGlossary(2500, 7));
  const b = loadGlossaryFile(URI_B, generatedGlossary(1800, 7));
  const c = loadGlossaryFile(URI_C, SAMPLE_GLOSSARY);
  const expected = mergeGlossary([a, b, c]);
  const codes = new Set(expected.problems.map((p) => p.code));
  for (const code of ['duplicate-id', 'ambiguous-form', 'unknown-reference', 'unknown-key', 'invalid-type', 'reversed-dates', 'missing-key']) {
    assert.ok(codes.has(code as never), `the generated glossaries have ${code}`);
  }
  const { value, pauses } = stepwise(mergeGlossarySteps([a, b, c]));
  assert.ok(pauses > 3, `merging pauses (${pauses} pauses)`);
  assert.deepEqual(value, expected);
  // A file that no longer parses keeps its last entries, in steps as at once.
  const broken = loadGlossaryFile(URI_B, 'entries: [');
  assert.deepEqual(stepwise(mergeGlossarySteps([a, broken, c], expected)).value, mergeGlossary([a, broken, c], expected));
});

test('merging finds the same duplicate ids as a plain reference, in file order', () => {
  const text = (ids: string[]) => `entries:\n${ids.map((id, i) => `  - id: ${id}\n    kind: term\n    name: term ${id} ${i}\n`).join('')}`;
  fc.assert(
    fc.property(fc.array(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 6 }), { minLength: 1, maxLength: 4 }), (idLists) => {
      const files = idLists.map((ids, f) => loadGlossaryFile(`file:///w/${f}.glossary.yaml`, text(ids)));
      const glossary = mergeGlossary(files);
      const all = files.flatMap((file) => file.entries);
      const firstOf = new Map<string, GlossaryEntry>();
      for (const entry of all) if (!firstOf.has(entry.id)) firstOf.set(entry.id, entry);
      assert.deepEqual(glossary.entries, all.filter((entry) => firstOf.get(entry.id) === entry));
      assert.deepEqual([...glossary.byId.keys()].sort(), [...firstOf.keys()].sort());
      const duplicates = glossary.problems.filter((p) => p.code === 'duplicate-id');
      const expectedCount = all.filter((entry) => all.filter((other) => other.id === entry.id).length > 1).length;
      assert.equal(duplicates.length, expectedCount);
    }),
    { numRuns: 100, seed: 7 },
  );
});

test('runInSlices gives the result of running to the end; small work ends before it returns', async () => {
  const text = generatedGlossary(400, 8);
  let finished = false;
  const small = runInSlices(
    (function* () {
      const file = yield* loadGlossaryFileSteps(URI_A, SAMPLE_GLOSSARY);
      finished = true;
      return file;
    })(),
    1000,
  );
  assert.equal(finished, true, 'within the first slice');
  assert.deepEqual(await small, loadGlossaryFile(URI_A, SAMPLE_GLOSSARY));
  // With no time per slice, every pause gives the event loop a turn: a timer set now runs in between.
  let turns = 0;
  const timer = setInterval(() => turns++, 0);
  try {
    const file = await runInSlices(loadGlossaryFileSteps(URI_A, generatedGlossary(3000, 9)), 0);
    assert.equal(file.entries.length, loadGlossaryFile(URI_A, generatedGlossary(3000, 9)).entries.length);
    assert.ok(turns > 0, 'other work ran while it loaded');
  } finally {
    clearInterval(timer);
  }
  assert.deepEqual(runToEnd(loadGlossaryFileSteps(URI_A, text)), loadGlossaryFile(URI_A, text));
  await assert.rejects(
    runInSlices(
      (function* () {
        yield;
        throw new Error('broken step');
      })(),
    ),
    /broken step/,
  );
});

const ENTRY: GlossaryEntry = {
  id: 'nguyen-manh-cuong',
  kind: 'official',
  name: 'Nguyễn Mạnh Cường',
  aliases: ['Nguyen Manh Cuong'],
  native: 'Nguyễn Mạnh Cường',
  short: ['Cường'],
  roles: [{ title: 'Deputy Minister', native: 'Thứ trưởng', from: '2021', to: '2025' }],
  number: '1/NQ-CP',
  issuer: 'Government',
  date: '2021',
  summary: 'Summary',
  source: 'https://example.org',
  related: ['mofa'],
  status: 'preferred',
  use: 'other',
  case: 'auto',
  extensions: { 'x-a': 1 },
  location: { uri: URI_A, range: { start: { line: 1, character: 2 }, end: { line: 9, character: 0 } } },
  idLocation: { uri: URI_A, range: { start: { line: 1, character: 8 }, end: { line: 1, character: 25 } } },
  valueRanges: [1, 2, 1, 3],
};

function glossaryOf(entries: GlossaryEntry[]): Glossary {
  return { files: [], entries, byId: new Map(entries.map((e) => [e.id, e])), problems: [] };
}

test('the recognition comparison changes exactly when a field recognition reads changes', () => {
  const copy = (): GlossaryEntry => structuredClone(ENTRY);
  assert.ok(sameRecognitionFields(ENTRY, copy()));
  const relevant: ((e: GlossaryEntry) => void)[] = [
    (e) => (e.id = 'other-id'),
    (e) => (e.kind = 'term'),
    (e) => (e.name = 'Nguyễn Mạnh Cương'),
    (e) => (e.aliases = ['Nguyen Manh Cuong', 'NMC']),
    (e) => (e.aliases = ['Nguyen Manh Cuonq']),
    (e) => (e.native = undefined),
    (e) => (e.short = undefined),
    (e) => (e.short = []),
    (e) => (e.short = ['Cuong']),
    (e) => (e.roles = []),
    (e) => (e.roles[0].title = 'Minister'),
    (e) => (e.roles[0].native = undefined),
    (e) => (e.roles[0].from = '2020'),
    (e) => (e.roles[0].to = undefined),
    (e) => (e.number = '2/NQ-CP'),
    (e) => (e.case = 'sensitive'),
    (e) => (e.status = 'deprecated'),
    (e) => (e.use = undefined),
  ];
  for (const change of relevant) {
    const entry = copy();
    change(entry);
    assert.equal(sameRecognitionFields(ENTRY, entry), false, `${change}`);
    assert.equal(sameRecognition(glossaryOf([ENTRY]), glossaryOf([entry])), false, `${change}`);
  }
  const irrelevant: ((e: GlossaryEntry) => void)[] = [
    (e) => (e.summary = 'Another summary'),
    (e) => (e.source = undefined),
    (e) => (e.issuer = 'Politburo'),
    (e) => (e.date = '2022'),
    (e) => (e.related = []),
    (e) => (e.extensions = {}),
    (e) => (e.location.range.start.line = 40),
    (e) => (e.idLocation.uri = URI_B),
    (e) => (e.valueRanges = undefined),
  ];
  for (const change of irrelevant) {
    const entry = copy();
    change(entry);
    assert.ok(sameRecognitionFields(ENTRY, entry), `${change}`);
    assert.ok(sameRecognition(glossaryOf([ENTRY]), glossaryOf([entry])), `${change}`);
  }
  // Entries added, removed or reordered.
  const other = { ...copy(), id: 'other' };
  assert.equal(sameRecognition(glossaryOf([ENTRY]), glossaryOf([ENTRY, other])), false);
  assert.equal(sameRecognition(glossaryOf([ENTRY, other]), glossaryOf([other, ENTRY])), false);
  assert.ok(sameRecognition(glossaryOf([ENTRY, other]), glossaryOf([copy(), other])));
});

test('the service recompiles exactly when recognition changes, over a glossary edit', () => {
  const service = new PolicyService();
  const text = generatedGlossary(200, 10);
  assert.equal(service.setGlossaryFile(URI_A, text).recognitionChanged, true);
  assert.equal(service.setGlossaryFile(URI_A, text.replace('A folded summary', 'Another summary')).recognitionChanged, false);
  assert.equal(service.setGlossaryFile(URI_A, `# moved\n${text}`).recognitionChanged, false);
  const added = `${text}  - id: added\n    kind: term\n    name: added term\n`;
  assert.equal(service.setGlossaryFile(URI_A, added).recognitionChanged, true);
  assert.equal(service.setGlossaryFile(URI_A, added.replace('name: added term', 'name: added terms')).recognitionChanged, true);
  assert.equal(service.setGlossaryFile(URI_B, 'entries: []\n').recognitionChanged, false);
  assert.equal(service.deleteGlossaryFile(URI_A).recognitionChanged, true);
});

function sameGlossary(actual: Glossary, expected: Glossary): void {
  assert.deepEqual(actual.entries, expected.entries);
  assert.deepEqual(actual.problems, expected.problems);
  assert.deepEqual(actual.files, expected.files);
}

test('the asynchronous glossary build gives what the synchronous one gives, and serves the old glossary until it is complete', async () => {
  const big = generatedGlossary(6000, 11);
  const small = SAMPLE_GLOSSARY;
  const reference = new PolicyService();
  reference.setGlossaryFiles([
    { uri: URI_A, text: big },
    { uri: URI_B, text: small },
  ]);

  const service = new PolicyService();
  service.setGlossaryFile(URI_B, small);
  const before = service.getGlossary();
  const update = service.updateGlossaryFiles([{ uri: URI_A, text: big }]);
  assert.equal(service.glossaryBuilding, true, 'a large glossary is prepared over several turns');
  assert.equal(service.getGlossary(), before, 'meanwhile the glossary in use is the old one');
  assert.equal(service.hasGlossaryFile(URI_A), false);
  assert.deepEqual(await update, { recognitionChanged: true });
  assert.equal(service.glossaryBuilding, false);
  sameGlossary(service.getGlossary(), reference.getGlossary());
  assert.equal(service.getGlossaryText(URI_A), big);

  // Small changes end within the call, as the synchronous API does.
  const edited = small.replace('name: Tô Lâm', 'name: Tô Lâm Edited');
  const done = service.updateGlossaryFiles([{ uri: URI_B, text: edited }]);
  assert.equal(service.glossaryBuilding, true, 'the big file is merged again');
  reference.setGlossaryFile(URI_B, edited);
  assert.deepEqual(await done, { recognitionChanged: true });
  sameGlossary(service.getGlossary(), reference.getGlossary());

  // No change at all.
  assert.deepEqual(await service.updateGlossaryFiles([{ uri: URI_B, text: edited }]), { recognitionChanged: false });
  // A deletion.
  reference.deleteGlossaryFile(URI_A);
  assert.deepEqual(await service.updateGlossaryFiles([{ uri: URI_A, text: undefined }]), { recognitionChanged: true });
  sameGlossary(service.getGlossary(), reference.getGlossary());
  assert.deepEqual(service.glossaryFileUris(), [URI_B]);
});

test('a change during a running glossary build ends with the newest content, and every caller hears of it', async () => {
  const first = generatedGlossary(6000, 12);
  const second = generatedGlossary(6000, 13);
  const service = new PolicyService();
  const updates: Promise<unknown>[] = [];
  updates.push(service.updateGlossaryFiles([{ uri: URI_A, text: first }]));
  // Let the first build run for a few turns, then change the same file and add another.
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
  assert.equal(service.glossaryBuilding, true);
  updates.push(service.updateGlossaryFiles([{ uri: URI_A, text: second }]));
  updates.push(service.updateGlossaryFiles([{ uri: URI_B, text: SAMPLE_GLOSSARY }]));
  const results = await Promise.all(updates);
  assert.deepEqual(results, [{ recognitionChanged: true }, { recognitionChanged: true }, { recognitionChanged: true }]);
  const reference = new PolicyService();
  reference.setGlossaryFiles([
    { uri: URI_A, text: second },
    { uri: URI_B, text: SAMPLE_GLOSSARY },
  ]);
  sameGlossary(service.getGlossary(), reference.getGlossary());
  assert.equal(service.getGlossaryText(URI_A), second);

  // A synchronous change during a build wins over the older asynchronous one of the same file.
  const pending = service.updateGlossaryFiles([{ uri: URI_A, text: first }]);
  service.setGlossaryFile(URI_A, generatedGlossary(10, 14));
  await pending;
  assert.equal(service.getGlossaryText(URI_A), generatedGlossary(10, 14));
  assert.equal(service.glossaryBuilding, false);
});

test('fast comparisons agree with their definitions: formKeysEqual with formKey, isValidId with ID_PATTERN', () => {
  const letters = fc.constantFrom('a', 'A', 'ă', 'Ấ', 'ệ', 'đ', 'Đ', 'e\u0301', ' ', '-', '–', '’', '.', '1', 'ß', 'ﬁ', '😀', '\u200b', 'Ω');
  const form = fc.array(letters, { maxLength: 8 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(form, form, (a, b) => {
      assert.equal(formKeysEqual(a, b), formKey(a) === formKey(b));
      assert.equal(formKeysEqual(a, a), true);
    }),
    { numRuns: 2000, seed: 3 },
  );
  const idChars = fc.constantFrom('a', 'z', '0', '9', '.', '_', '-', 'A', ' ', 'é', '\n', '/');
  fc.assert(
    fc.property(fc.array(idChars, { maxLength: 6 }).map((parts) => parts.join('')), (id) => assert.equal(isValidId(id), ID_PATTERN.test(id))),
    { numRuns: 2000, seed: 4 },
  );
});

test('positions looked up in any order are those of a plain count of lines', () => {
  const lines = Array.from({ length: 200 }, (_, i) => 'x'.repeat(i % 7));
  for (const text of [lines.join('\n'), lines.join('\r\n'), `${lines.join('\n')}\n`]) {
    const index = new PositionIndex(text);
    const expected = (offset: number) => {
      const before = text.slice(0, offset).replace(/\r\n/g, '\n');
      const line = before.split('\n').length - 1;
      return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
    };
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: text.length }), { minLength: 1, maxLength: 40 }), (offsets) => {
        for (const offset of offsets) {
          // Offsets inside a CRLF belong to the line's end.
          const at = text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 : offset;
          assert.deepEqual(index.positionAt(offset), expected(at), `offset ${offset}`);
        }
      }),
      { numRuns: 200, seed: 6 },
    );
  }
});
