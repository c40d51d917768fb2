// Properties of recognition and of the language service on hostile Unicode text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadGlossaryFile, mergeGlossary } from '../../server/src/core/glossary/load';
import type { Glossary } from '../../server/src/core/glossary/model';
import { analyzeDocument, compileGlossary, type CompiledGlossary, type DocumentAnalysis } from '../../server/src/core/recognition';
import { PolicyService } from '../../server/src/core/service';
import { Counter, type FuzzProperty } from './registry';
import { assertRangeInside, assertSpanInside, ReferenceLines } from './spans';
import { documentText } from './unicodeText';

export const GLOSSARY_URI = 'file:///w/policy.glossary.yaml';
export const EXTRA_GLOSSARY_URI = 'file:///w/extra.glossary.yaml';

/** Entries that provoke what the sample glossary lacks: shared numbers, RTL, emoji, CJK, `Đ`, sensitive case. */
export const EXTRA_GLOSSARY = `entries:
  - id: law-59-state
    kind: resolution
    name: Law numbered fifty-nine
    number: 59/2025/QH15
  - id: dang-thi-ngoc-thinh
    kind: official
    name: Đặng Thị Ngọc Thịnh
    aliases: [Dang Thi Ngoc Thinh]
    roles:
      - title: Vice President
        native: Phó Chủ tịch nước
        from: 2016
        to: 2021
  - id: arab-league
    kind: organization
    name: Arab League
    native: جامعة الدول العربية
  - id: lunar-new-year
    kind: event
    name: Tết Nguyên Đán
    aliases: ["🎍 Tết"]
  - id: asean-plus-three
    kind: organization
    name: ASEAN Plus Three
    native: 东盟10+3
  - id: oreilly
    kind: other
    name: O’Reilly Report
    case: sensitive
  - id: who-term
    kind: term
    name: who
    status: deprecated
    use: strategic-autonomy
`;

export const SAMPLE_GLOSSARY_TEXT = readFileSync(join(__dirname, '..', '..', '..', 'samples', 'policy.glossary.yaml'), 'utf8');

let cached: { glossary: Glossary; compiled: CompiledGlossary } | undefined;

/** The sample glossary plus the extra entries, merged and compiled once. */
export function fuzzGlossary(): { glossary: Glossary; compiled: CompiledGlossary } {
  if (!cached) {
    const glossary = mergeGlossary([loadGlossaryFile(GLOSSARY_URI, SAMPLE_GLOSSARY_TEXT), loadGlossaryFile(EXTRA_GLOSSARY_URI, EXTRA_GLOSSARY)]);
    cached = { glossary, compiled: compileGlossary(glossary) };
  }
  return cached;
}

/** A service with the fuzz glossary loaded. */
export function fuzzService(): PolicyService {
  const service = new PolicyService({ roots: ['file:///w'] });
  service.setGlossaryFiles([
    { uri: GLOSSARY_URI, text: SAMPLE_GLOSSARY_TEXT },
    { uri: EXTRA_GLOSSARY_URI, text: EXTRA_GLOSSARY },
  ]);
  return service;
}

// Letters of scripts written without spaces (Han, kana) and letters outside the Basic Multilingual
// Plane form words of their own (Unicode word boundaries break around ideographs; the tokenizer reads
// astral letters as separate words), so a name may end right before them.
const LETTER_OR_DIGIT = /^(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}]$/u;
const MARK_CHAR = /\p{M}/u;

/**
 * True when `offset` lies inside a word: a letter, digit or mark follows, and a letter or digit (with
 * any marks after it) precedes. A mark with no letter before it joins no word.
 */
function insideWord(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const next = String.fromCodePoint(text.codePointAt(offset)!);
  if (next.length > 1 || (!LETTER_OR_DIGIT.test(next) && !MARK_CHAR.test(next))) return false;
  let i = offset;
  for (;;) {
    if (i <= 0) return false;
    const low = text.charCodeAt(i - 1);
    const ch = low >= 0xdc00 && low <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text[i - 1];
    if (MARK_CHAR.test(ch)) {
      i -= ch.length;
      continue;
    }
    return ch.length === 1 && LETTER_OR_DIGIT.test(ch);
  }
}

/** Every span of an analysis, with a label, checked against the document. */
export function assertAnalysisInside(text: string, analysis: DocumentAnalysis, glossary: Glossary): void {
  const lines = new ReferenceLines(text);
  let previousEnd = -1;
  for (const [i, m] of analysis.mentions.entries()) {
    const what = `mention ${i} (${m.entryId} ${m.match} ${JSON.stringify(m.text)})`;
    assertSpanInside(lines, m, what);
    assert.ok(glossary.byId.has(m.entryId), `${what}: unknown entry`);
    assert.equal(m.kind, glossary.byId.get(m.entryId)!.kind, `${what}: kind`);
    assert.ok(m.end > m.start, `${what}: empty`);
    assert.ok(m.start >= previousEnd, `${what}: overlaps the mention before it`);
    previousEnd = m.end;
    if (m.match !== 'annotation') {
      // Whole words: a mention neither starts nor ends inside a word.
      assert.ok(!insideWord(text, m.start), `${what}: starts inside a word`);
      assert.ok(!insideWord(text, m.end), `${what}: ends inside a word`);
    }
    if (m.title) assertSpanInside(lines, m.title, `${what} title`);
    if (m.document?.typeWord) assertSpanInside(lines, m.document.typeWord, `${what} type word`);
  }
  for (const [i, a] of analysis.ambiguous.entries()) {
    const what = `ambiguous ${i} (${a.entryIds.join(',')})`;
    assertSpanInside(lines, a, what);
    assert.ok(a.entryIds.length >= 2, `${what}: fewer than two entries`);
    for (const id of a.entryIds) assert.ok(glossary.byId.has(id), `${what}: unknown entry ${id}`);
    if (a.document?.typeWord) assertSpanInside(lines, a.document.typeWord, `${what} type word`);
  }
  for (const [i, c] of analysis.candidates.entries()) {
    const what = `candidate ${i} (${c.kind} ${JSON.stringify(c.text)})`;
    assertSpanInside(lines, c, what);
    if (c.titleSpan) assertSpanInside(lines, c.titleSpan, `${what} title`);
    if (c.document?.typeWord) assertSpanInside(lines, c.document.typeWord, `${what} type word`);
  }
  for (const [i, a] of analysis.annotations.entries()) {
    const what = `annotation ${i} (${JSON.stringify(a.text)})`;
    assertSpanInside(lines, a, what);
    assertSpanInside(lines, a.idSpan, `${what} id`);
    assert.ok(a.start <= a.idSpan.start && a.idSpan.end <= a.end, `${what}: id outside the annotation`);
    assert.equal(a.known, glossary.byId.has(a.id), `${what}: known`);
  }
  for (const s of analysis.languageSpans ?? []) assert.ok(0 <= s.start && s.start <= s.end && s.end <= text.length, 'language span outside the document');
}

const recognitionCounts = new Counter();

const recognitionInside: FuzzProperty = {
  name: 'property: recognition on hostile Unicode never throws and every span lies inside the document on UTF-16 boundaries',
  seed: 8001,
  runs: 200,
  reset: () => recognitionCounts.clear(),
  property: () => {
    const { glossary, compiled } = fuzzGlossary();
    return fc.property(documentText(glossary, { longLines: true }), (text) => {
      const analysis = analyzeDocument(text, compiled);
      assertAnalysisInside(text, analysis, glossary);
      recognitionCounts.add('inputs');
      recognitionCounts.add('mentions', analysis.mentions.length);
      recognitionCounts.add('annotations', analysis.annotations.length);
      recognitionCounts.add('candidates', analysis.candidates.length);
      recognitionCounts.add('ambiguous', analysis.ambiguous.length);
      if (text.length > 5000) recognitionCounts.add('long');
      if (/[\uD800-\uDFFF]/.test(text)) recognitionCounts.add('surrogates');
    });
  },
  coverage: () => {
    const c = recognitionCounts;
    const n = c.get('inputs');
    const missing = ['mentions', 'annotations', 'candidates', 'ambiguous', 'long', 'surrogates'].filter((k) => c.get(k) < Math.min(5, n / 20));
    return missing.length ? `too few ${missing.join(', ')} (${c})` : undefined;
  },
};

/** NFC offsets to NFD offsets, cluster by cluster (a cluster: a code point and the marks after it). */
function nfdOffsetMap(nfc: string): Map<number, number> | undefined {
  const clusters = nfc.match(/[^\p{M}][\p{M}]*|[\p{M}]+/gsu) ?? [];
  const map = new Map<number, number>([[0, 0]]);
  let from = 0;
  let to = 0;
  let joined = '';
  for (const cluster of clusters) {
    const decomposed = cluster.normalize('NFD');
    // Inside a cluster that normalisation leaves alone (`]` and a stray mark) every offset maps too.
    if (decomposed === cluster) for (let i = 1; i < cluster.length; i++) map.set(from + i, to + i);
    joined += decomposed;
    from += cluster.length;
    to += decomposed.length;
    map.set(from, to);
  }
  // Normalisation is cluster-local for all but exotic inputs; those are skipped.
  return joined === nfc.normalize('NFD') ? map : undefined;
}

const normalizationCounts = new Counter();

const nfcNfd: FuzzProperty = {
  name: 'property: NFC and NFD forms of the same text give the same mentions (same entries, ranges mapped)',
  seed: 8002,
  runs: 300,
  reset: () => normalizationCounts.clear(),
  property: () => {
    const { glossary, compiled } = fuzzGlossary();
    return fc.property(documentText(glossary, { loneSurrogates: false }), (source) => {
      const nfc = source.normalize('NFC');
      const nfd = source.normalize('NFD');
      const map = nfdOffsetMap(nfc);
      fc.pre(map !== undefined);
      const a = analyzeDocument(nfc, compiled);
      const b = analyzeDocument(nfd, compiled);
      const mapped = (start: number, end: number, what: string) => {
        assert.ok(map!.has(start) && map!.has(end), `${what} ${start}..${end} in the NFC text splits a character and its marks`);
        return [map!.get(start), map!.get(end)];
      };
      assert.deepEqual(
        b.mentions.map((m) => [m.entryId, m.match, m.start, m.end]),
        a.mentions.map((m) => [m.entryId, m.match, ...mapped(m.start, m.end, `mention ${m.entryId}`)]),
        'mentions differ between NFC and NFD',
      );
      assert.deepEqual(
        b.ambiguous.map((r) => [r.entryIds, r.start, r.end]),
        a.ambiguous.map((r) => [r.entryIds, ...mapped(r.start, r.end, 'ambiguous reference')]),
        'ambiguous references differ between NFC and NFD',
      );
      assert.deepEqual(
        b.annotations.map((r) => [r.id.normalize('NFC'), r.known, r.start, r.end]),
        a.annotations.map((r) => [r.id.normalize('NFC'), r.known, ...mapped(r.start, r.end, 'annotation')]),
        'annotations differ between NFC and NFD',
      );
      assert.equal(b.date, a.date, 'document date differs between NFC and NFD');
      normalizationCounts.add('inputs');
      normalizationCounts.add('mentions', a.mentions.length);
      if (nfc !== nfd) normalizationCounts.add('different forms');
      if (a.mentions.some((m) => /[^\x00-\x7f]/.test(m.text))) normalizationCounts.add('non-ASCII mentions');
    });
  },
  coverage: () => {
    const c = normalizationCounts;
    const n = c.get('inputs');
    return c.get('different forms') < n / 3 || c.get('non-ASCII mentions') < n / 10 ? `${c}` : undefined;
  },
};

const determinism: FuzzProperty = {
  name: 'property: recognition gives the same result for a text whatever was analysed before it',
  seed: 8003,
  runs: 150,
  property: () => {
    const { glossary, compiled } = fuzzGlossary();
    const text = documentText(glossary, { maxPieces: 20 });
    return fc.property(text, text, (first, second) => {
      const before = analyzeDocument(first, compiled);
      analyzeDocument(second, compiled);
      const after = analyzeDocument(first, compiled);
      assert.deepEqual(after, before);
    });
  },
};

const serviceCounts = new Counter();

const serviceFeatures: FuzzProperty = {
  name: 'property: every language feature answers at any position of hostile text without throwing, with ranges inside the document',
  seed: 8004,
  runs: 120,
  reset: () => serviceCounts.clear(),
  property: () => {
    const { glossary } = fuzzGlossary();
    const service = fuzzService();
    let version = 0;
    return fc.property(documentText(glossary, { maxPieces: 25 }), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), (text, picks) => {
      const file = { uri: 'file:///w/doc.txt', version: ++version, text };
      const lines = new ReferenceLines(text);
      service.indexDocument(file, { cache: true });
      const diagnostics = service.getDiagnostics(file);
      for (const d of diagnostics) {
        const { start, end } = assertRangeInside(lines, d.range, `diagnostic ${d.code}`);
        assert.deepEqual([d.start, d.end], [start, end], `diagnostic ${d.code}: offsets and range disagree`);
        assert.ok(d.message.length > 0, `diagnostic ${d.code}: no message`);
      }
      serviceCounts.add('diagnostics', diagnostics.length);
      for (const fix of service.getCodeFixes(file, { start: { line: 0, character: 0 }, end: lines.positionAt(text.length) })) {
        for (const change of fix.changes.edits) {
          if (change.uri !== file.uri) continue;
          for (const edit of change.edits) assertRangeInside(lines, edit.range, `fix "${fix.title}"`);
        }
        serviceCounts.add('fixes');
      }
      for (const token of service.getSemanticTokens(file)) {
        assertRangeInside(lines, { start: { line: token.line, character: token.character }, end: { line: token.line, character: token.character + token.length } }, 'semantic token');
      }
      for (const hint of service.getInlayHints(file)) assertRangeInside(lines, { start: hint.position, end: hint.position }, 'inlay hint');
      const walk = (nodes: ReturnType<PolicyService['getDocumentSymbols']>) => {
        for (const node of nodes) {
          assertRangeInside(lines, node.range, `symbol ${node.name}`);
          assertRangeInside(lines, node.selectionRange, `symbol ${node.name} selection`);
          walk(node.children);
        }
      };
      walk(service.getDocumentSymbols(file));
      // Random places, and the starts of what recognition found (where features have most to say).
      const found = service.analyze(file);
      const offsets = [...picks.map((pick) => (text.length === 0 ? 0 : pick % (text.length + 1))), ...[...found.mentions, ...found.candidates, ...found.annotations, ...found.ambiguous].slice(0, 4).map((s) => s.start)];
      for (const offset of offsets) {
        const position = lines.positionAt(offset);
        const hover = service.getHover(file, position);
        if (hover) {
          assertRangeInside(lines, hover.range, 'hover');
          serviceCounts.add('hovers');
        }
        for (const location of [...service.getDefinition(file, position), ...service.getDocumentHighlights(file, position), ...service.getReferences(file, position, true)]) {
          if (location.uri === file.uri) assertRangeInside(lines, location.range, 'location');
        }
        for (const item of service.getCompletions(file, position).items) assertRangeInside(lines, item.range, `completion ${item.label}`);
        const rename = service.prepareRename(file, position);
        if (rename && 'range' in rename) assertRangeInside(lines, rename.range, 'prepare rename');
      }
    });
  },
  coverage: () => (serviceCounts.get('hovers') < 10 || serviceCounts.get('diagnostics') < 10 || serviceCounts.get('fixes') < 5 ? `${serviceCounts}` : undefined),
};

export const RECOGNITION_PROPERTIES: FuzzProperty[] = [recognitionInside, nfcNfd, determinism, serviceFeatures];
