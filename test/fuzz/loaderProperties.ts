// Fuzzing the glossary loader beyond the well-formed generator of test/helpers/glossaryGen.ts: YAML
// written from random data (anchors, aliases, odd scalars), token-level mutations (tags, anchors, merge
// keys, directives, flow brackets, tabs, BOM, NEL, lone surrogates), and arbitrary text.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Document, parseDocument } from 'yaml';
import { loadGlossaryFile, mergeGlossary } from '../../server/src/core/glossary/load';
import { ENTRY_KINDS, GLOSSARY_PROBLEM_CODES, type GlossaryEntry, type GlossaryFile } from '../../server/src/core/glossary/model';
import { formRange, relatedRange, useRange } from '../../server/src/core/glossary/ranges';
import { compileGlossary } from '../../server/src/core/recognition';
import { glossaryArbitrary, renderGlossary, type GenGlossary } from '../helpers/glossaryGen';
import { Counter, type FuzzProperty } from './registry';
import { assertRangeInside, ReferenceLines } from './spans';
import { ASTRAL, COMBINING_MARKS, LONE_SURROGATES } from './unicodeText';

const URI = 'file:///w/fuzz.glossary.yaml';
const OTHER_URI = 'file:///w/other.glossary.yaml';

/** The message of the loader's last-resort catch: reaching it means an internal exception. */
const INTERNAL_FAILURE = /^The glossary could not be read:/;

const counts = new Counter();

/** Everything the loader returns lies inside the file, has a known code, and loading is deterministic. */
export function assertLoadedSoundly(text: string, file: GlossaryFile): void {
  const lines = new ReferenceLines(text);
  for (const problem of file.problems) {
    assert.ok((GLOSSARY_PROBLEM_CODES as readonly string[]).includes(problem.code), `unknown problem code ${problem.code}`);
    assert.doesNotMatch(problem.message, INTERNAL_FAILURE, 'the loader failed internally');
    assert.ok(problem.message.trim().length > 0, `${problem.code}: empty message`);
    assertRangeInside(lines, problem.range, `problem ${problem.code}`);
    for (const related of problem.related ?? []) if (related.uri === file.uri) assertRangeInside(lines, related.range, `problem ${problem.code} related`);
  }
  for (const entry of file.entries) {
    const what = `entry ${entry.id}`;
    assert.ok((ENTRY_KINDS as readonly string[]).includes(entry.kind), `${what}: kind ${entry.kind}`);
    assert.equal(typeof entry.name, 'string', `${what}: name`);
    assert.ok(entry.aliases.every((a) => typeof a === 'string') && entry.related.every((r) => typeof r === 'string'), `${what}: lists of text`);
    assertRangeInside(lines, entry.location.range, `${what} location`);
    assertRangeInside(lines, entry.idLocation.range, `${what} id`);
    for (let slot = 0; slot <= entry.aliases.length + 1; slot++) {
      const range = formRange(entry, slot);
      if (range) assertRangeInside(lines, range, `${what} form ${slot}`);
    }
    const use = useRange(entry);
    if (use) assertRangeInside(lines, use, `${what} use`);
    entry.related.forEach((_, i) => {
      const range = relatedRange(entry, i);
      if (range) assertRangeInside(lines, range, `${what} related ${i}`);
    });
    // Values are plain data, never functions or class instances made by tags.
    for (const value of Object.values(entry.extensions)) assertPlainData(value, `${what} x- value`);
  }
  counts.add('inputs');
  counts.add('entries', file.entries.length);
  counts.add('problems', file.problems.length);
  if (!file.parsed) counts.add('unparsed');
}

function assertPlainData(value: unknown, what: string, depth = 0): void {
  assert.ok(depth < 200, `${what}: nested too deep`);
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return;
  assert.notEqual(typeof value, 'function', `${what}: a function`);
  assert.equal(typeof value, 'object', `${what}: ${typeof value}`);
  const proto = Object.getPrototypeOf(value);
  assert.ok(proto === Object.prototype || proto === Array.prototype || proto === null, `${what}: an instance of ${proto?.constructor?.name}`);
  for (const v of Object.values(value as object)) assertPlainData(v, what, depth + 1);
}

/** Loads alone and merged with a second file; compiles for recognition. Nothing may throw. */
function loadEverywhere(text: string): GlossaryFile {
  const file = loadGlossaryFile(URI, text);
  assertLoadedSoundly(text, file);
  assert.deepEqual(loadGlossaryFile(URI, text), file, 'loading twice gives different results');
  const other = loadGlossaryFile(OTHER_URI, 'entries:\n  - id: other\n    kind: term\n    name: other term\n');
  const merged = mergeGlossary([file, other], mergeGlossary([file]));
  const lines = new ReferenceLines(text);
  for (const problem of merged.problems) if (problem.uri === URI) assertRangeInside(lines, problem.range, `merged problem ${problem.code}`);
  compileGlossary(merged);
  return file;
}

// --- YAML written from random data ---------------------------------------------------------------

const KEYS = ['id', 'kind', 'name', 'aliases', 'native', 'short', 'roles', 'number', 'issuer', 'date', 'summary', 'source', 'related', 'status', 'use', 'case', 'title', 'from', 'to', 'x-note', 'alias', 'entries', '<<', '__proto__', 'constructor'];
const SCALARS: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('term', 'official', 'resolution', 'deprecated', 'preferred', 'auto', 'x', 'Tô Lâm', '59-NQ/TW', '2024-02-30', '2021', '', ' ', '~', 'null', 'yes', 'no', '0x1F', '1e400', '.nan', '-.inf'),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.date({ noInvalidDate: true }),
);

const yamlValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown; map: Record<string, unknown>; list: unknown[] }>((tie) => ({
  value: fc.oneof({ depthSize: 'xsmall', withCrossShrink: true }, SCALARS, tie('map'), tie('list')),
  map: fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 })), tie('value'), { maxKeys: 4 }),
  list: fc.array(tie('value'), { maxLength: 3 }),
})).value;

const entryLike: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    id: fc.oneof(fc.constantFrom('a', 'b-1', 'to-lam', 'A B', '', '1'), SCALARS),
    kind: fc.oneof(fc.constantFrom(...ENTRY_KINDS, 'person'), SCALARS),
    name: fc.oneof(fc.constantFrom('Tô Lâm', 'strategic autonomy', '!!!', '🎍'), SCALARS),
    aliases: fc.oneof(fc.array(fc.oneof(fc.string({ maxLength: 8 }), SCALARS), { maxLength: 3 }), yamlValue),
    roles: fc.oneof(fc.array(fc.record({ title: SCALARS, from: SCALARS, to: SCALARS }, { requiredKeys: [] }), { maxLength: 2 }), yamlValue),
    related: fc.oneof(fc.array(fc.constantFrom('a', 'b-1', 'zzz'), { maxLength: 3 }), yamlValue),
    extra: yamlValue,
  },
  { requiredKeys: [] },
);

/** YAML text from random data; repeated objects become anchors and aliases. */
const yamlFromData: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof({ weight: 4, arbitrary: fc.record({ title: SCALARS, entries: fc.array(entryLike, { maxLength: 6 }) }, { requiredKeys: ['entries'] }) }, { weight: 1, arbitrary: yamlValue }),
    fc.boolean(),
    fc.constantFrom<'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL'>('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL'),
    fc.boolean(),
  )
  .map(([data, share, defaultStringType, flow]) => {
    // A shared object is written once with an anchor and referred to by aliases.
    if (share && data && typeof data === 'object' && Array.isArray((data as { entries?: unknown[] }).entries)) {
      const entries = (data as { entries: unknown[] }).entries;
      if (entries.length > 0) entries.push(entries[0], entries[0]);
    }
    const doc = new Document(data, { aliasDuplicateObjects: true });
    return doc.toString({ defaultStringType, collectionStyle: flow ? 'flow' : 'any', lineWidth: 0 });
  });

// --- token-level mutations -------------------------------------------------------------------------

const YAML_TOKENS = [
  '&a ', '*a', '*undefined', '&a [*a]', '!!js/function "function(){return process}" ', '!!js/undefined ', '!!js/regexp /x/ ', '!!python/object:os.system ', '!custom ', '!!binary ', '!!set ', '!!omap ', '!!timestamp ', '!<tag:yaml.org,2002:str> ',
  '<<: *a', '<<: {x-a: 1}', '? ', '? [a, b]\n: c', '---\n', '...\n', '%YAML 1.1\n', '%TAG ! tag:example.com,2000:\n', '{', '}', '[', ']', ', ', '- ', '- - ', ': ', '|', '>', '|-', '>+2', '"', "'", '#', '\t', '\uFEFF', '\u0085', '\u2028', '\r', '\r\n', '\n', '\n  ', '\n    - ', '\\', '\\x', '@', '`', '%',
  ...LONE_SURROGATES, ...ASTRAL.slice(0, 3), ...COMBINING_MARKS.slice(0, 3), '\uFFFD', '\u0001', '\u001B', '[[[[[[[[[[', '{a: {b: {c: {d: ', 'x'.repeat(300),
];

const tokenMutations = fc.array(fc.record({ at: fc.nat(), delete: fc.nat({ max: 6 }), token: fc.constantFrom(...YAML_TOKENS) }), { minLength: 1, maxLength: 5 });

function applyTokenMutations(text: string, mutations: { at: number; delete: number; token: string }[]): string {
  let out = text;
  for (const m of mutations) {
    const at = m.at % (out.length + 1);
    out = out.slice(0, at) + m.token + out.slice(Math.min(out.length, at + m.delete));
  }
  return out;
}

// --- arbitrary text ------------------------------------------------------------------------------

const yamlishText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.constantFrom(...YAML_TOKENS, 'entries', 'id', 'kind', 'name', 'term', 'a', ' ', '  ', '\n'), { maxLength: 60 }).map((t) => t.join('')),
);

const generated: FuzzProperty = {
  name: 'fuzz: the loader reads YAML written from random data (anchors, aliases, odd scalars) soundly',
  seed: 8201,
  runs: 200,
  reset: () => counts.clear(),
  property: () => fc.property(yamlFromData, (text) => void loadEverywhere(text)),
  coverage: () => (counts.get('entries') < 20 ? `${counts}` : undefined),
};

const mutated: FuzzProperty = {
  name: 'fuzz: the loader reads glossaries mutated with YAML tokens (tags, anchors, merge keys, directives, BOM, lone surrogates) soundly',
  seed: 8202,
  runs: 400,
  reset: () => counts.clear(),
  property: () => fc.property(glossaryArbitrary, tokenMutations, (g, mutations) => void loadEverywhere(applyTokenMutations(renderGlossary(g), mutations))),
  coverage: () => (counts.get('entries') < 100 || counts.get('unparsed') < 10 ? `${counts}` : undefined),
};

const arbitrary: FuzzProperty = {
  name: 'fuzz: the loader reads arbitrary text soundly',
  seed: 8203,
  runs: 400,
  property: () => fc.property(yamlishText, (text) => void loadEverywhere(text)),
};

// --- one broken entry does not disturb the others --------------------------------------------------

const BROKEN_ITEMS = ['just text', '[a, b]', '42', '~', '!custom {id: x}', '*nowhere', '{id: [}', '|\n  block', '- nested', '&anchor'];

function entryData(entry: GlossaryEntry): unknown {
  const { location: _l, idLocation: _i, valueRanges: _v, ...data } = entry;
  return data;
}

const brokenEntry: FuzzProperty = {
  name: 'property: an entry replaced by garbage leaves every other entry loading exactly as without it',
  seed: 8204,
  runs: 200,
  property: () =>
    fc.property(
      glossaryArbitrary.filter((g) => g.entries.length >= 2),
      fc.nat(),
      fc.constantFrom(...BROKEN_ITEMS),
      (g: GenGlossary, which, garbage) => {
        const target = which % g.entries.length;
        const without: GenGlossary = { ...g, entries: g.entries.filter((_, i) => i !== target) };
        // The garbage item stands where the entry was, at the same dash column.
        const marker: GenGlossary = structuredClone(g);
        marker.entries[target] = { before: g.entries[target].before, fields: [['id', { scalar: { value: 'garbage-marker', quote: 'plain' } }]] };
        const markerText = renderGlossary(marker);
        const markerLine = markerText.split(g.eol).find((l) => /^\s*-\s+id: garbage-marker$/.test(l))!;
        const brokenText = markerText.replace(markerLine, markerLine.replace(/id: garbage-marker$/, garbage.replace(/\n/g, g.eol + ' '.repeat(g.dashColumn + 2))));
        const withoutText = renderGlossary(without);
        // Only files that read as YAML can say which entries are valid.
        const yaml = parseDocument(brokenText, { logLevel: 'silent' });
        let readable = yaml.errors.length === 0;
        try {
          yaml.toJS({ mapAsMap: true });
        } catch {
          readable = false; // e.g. an alias of no anchor
        }
        fc.pre(readable);
        const broken = loadGlossaryFile(URI, brokenText);
        const reference = loadGlossaryFile(URI, withoutText);
        assertLoadedSoundly(brokenText, broken);
        assert.equal(broken.parsed, true);
        assert.deepEqual(broken.entries.map(entryData), reference.entries.map(entryData));
        assert.ok(broken.problems.length > reference.problems.length, 'the garbage item is reported');
      },
    ),
};

export const LOADER_PROPERTIES: FuzzProperty[] = [generated, mutated, arbitrary, brokenEntry];
