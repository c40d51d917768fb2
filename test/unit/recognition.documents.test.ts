import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadGlossaryFile, mergeGlossary } from '../../server/src/core/glossary/load';
import {
  analyzeDocument,
  compileGlossary,
  DOCUMENT_TYPE_CODES,
  normalizeDocumentNumber,
  parseDocumentNumber,
  PARTY_ISSUER_CODES,
  STATE_ISSUER_CODES,
  type CompiledGlossary,
} from '../../server/src/core/recognition';

const GLOSSARY_YAML = readFileSync(join(__dirname, '../../../test/fixtures/recognition/test.glossary.yaml'), 'utf8');

function compile(yaml: string): CompiledGlossary {
  return compileGlossary(mergeGlossary([loadGlossaryFile('file:///w/test.glossary.yaml', yaml)]));
}

const glossary = compile(GLOSSARY_YAML);

describe('document numbers: parsing', () => {
  it('parses Party numbers', () => {
    assert.deepEqual(parseDocumentNumber('59-NQ/TW'), {
      text: '59-NQ/TW',
      normalized: '59-NQ/TW',
      number: '59',
      typeCode: 'NQ',
      type: 'Resolution',
      typeNative: 'Nghị quyết',
      issuerCode: 'TW',
      issuer: 'Party Central Committee',
      issuerNative: 'Ban Chấp hành Trung ương',
      system: 'party',
    });
    assert.deepEqual(
      ['05-CT/TW', '35-KL/TW', '09-QĐi/TW', '45-HD/BTCTW', '12-TB/BBT'].map((n) => {
        const p = parseDocumentNumber(n)!;
        return [p.number, p.typeCode, p.type, p.issuerCode, p.issuer, p.system];
      }),
      [
        ['05', 'CT', 'Directive', 'TW', 'Party Central Committee', 'party'],
        ['35', 'KL', 'Conclusion', 'TW', 'Party Central Committee', 'party'],
        ['09', 'QĐi', 'Regulation', 'TW', 'Party Central Committee', 'party'],
        ['45', 'HD', 'Guidance', 'BTCTW', 'Central Organisation Commission', 'party'],
        ['12', 'TB', 'Notice', 'BBT', 'Secretariat', 'party'],
      ],
    );
  });

  it('parses State numbers with and without a year', () => {
    const law = parseDocumentNumber('250/2025/QH15')!;
    assert.deepEqual([law.number, law.year, law.typeCode, law.issuerCode, law.issuer, law.system], ['250', '2025', undefined, 'QH15', '15th National Assembly', 'state']);
    const decree = parseDocumentNumber('30/2020/NĐ-CP')!;
    assert.deepEqual([decree.number, decree.year, decree.typeCode, decree.type, decree.issuerCode, decree.issuer], ['30', '2020', 'NĐ', 'Decree', 'CP', 'Government']);
    const decision = parseDocumentNumber('123/QĐ-TTg')!;
    assert.deepEqual([decision.number, decision.year, decision.type, decision.issuerCode, decision.issuer], ['123', undefined, 'Decision', 'TTg', 'Prime Minister']);
    const circular = parseDocumentNumber('01/2021/TT-BNG')!;
    assert.deepEqual([circular.type, circular.issuer], ['Circular', 'Ministry of Foreign Affairs']);
    const standing = parseDocumentNumber('1234/NQ-UBTVQH15')!;
    assert.deepEqual([standing.type, standing.issuer], ['Resolution', 'Standing Committee of the 15th National Assembly']);
    const joint = parseDocumentNumber('02/2023/TTLT-BNG-BCA')!;
    assert.deepEqual([joint.type, joint.issuerCode, joint.issuer], ['Joint circular', 'BNG-BCA', 'Ministry of Foreign Affairs']);
  });

  it('reads numbers with a number word, spaces, other dashes and D for Đ', () => {
    assert.equal(parseDocumentNumber('No. 59-NQ/TW')?.normalized, '59-NQ/TW');
    assert.equal(parseDocumentNumber('Số 123/QĐ-TTg')?.issuer, 'Prime Minister');
    assert.equal(parseDocumentNumber('30/2020/ND-CP')?.type, 'Decree');
    assert.equal(parseDocumentNumber('59 – NQ/TW')?.normalized, '59-NQ/TW');
  });

  it('rejects dates, ranges, scores and unknown type codes', () => {
    for (const text of ['22/01/2026', '2021-2025', '3-1', '12/2020/XY-CP', '59-nq/tw', '30/2020/CP', 'NQ/TW', '']) {
      assert.equal(parseDocumentNumber(text), undefined, text);
    }
  });

  it('normalises spaces, dashes, Đ, case and leading zeros for comparison', () => {
    const key = normalizeDocumentNumber('30/2020/NĐ-CP');
    for (const variant of ['30/2020/ND-CP', '30 / 2020 / NĐ–CP', '030/2020/nđ-cp', 'No. 30/2020/NĐ-CP']) {
      assert.equal(normalizeDocumentNumber(variant), key, variant);
    }
    assert.equal(normalizeDocumentNumber('05-CT/TW'), normalizeDocumentNumber('5-CT/TW'));
    assert.notEqual(normalizeDocumentNumber('59-NQ/TW'), normalizeDocumentNumber('59-KL/TW'));
  });

  it('exports the known codes so that an unknown number can be explained', () => {
    assert.equal(DOCUMENT_TYPE_CODES.NQ.name, 'Resolution');
    assert.equal(DOCUMENT_TYPE_CODES.ND.name, 'Decree');
    assert.equal(DOCUMENT_TYPE_CODES.QD.name, 'Decision');
    assert.equal(DOCUMENT_TYPE_CODES.CT.name, 'Directive');
    assert.equal(DOCUMENT_TYPE_CODES.KL.name, 'Conclusion');
    assert.equal(DOCUMENT_TYPE_CODES.TT.name, 'Circular');
    assert.equal(DOCUMENT_TYPE_CODES.L.name, 'Law');
    assert.equal(PARTY_ISSUER_CODES.TW.name, 'Party Central Committee');
    assert.equal(PARTY_ISSUER_CODES.BCT.name, 'Politburo');
    assert.equal(STATE_ISSUER_CODES.BCT.name, 'Ministry of Industry and Trade');
    assert.equal(STATE_ISSUER_CODES.CP.name, 'Government');
    assert.equal(STATE_ISSUER_CODES.TTG.name, 'Prime Minister');
    assert.equal(STATE_ISSUER_CODES.BNG.name, 'Ministry of Foreign Affairs');
  });
});

describe('document numbers: in text', () => {
  const found = (text: string) => analyzeDocument(text, glossary).mentions.map((m) => `${m.entryId} ${m.text}`);

  it('finds numbers of both systems with or without No. or Số', () => {
    const text = [
      'The Politburo issued Resolution No. 59-NQ/TW, Directive 05-CT/TW and Conclusion 35-KL/TW.',
      'The National Assembly passed Law No. 250/2025/QH15; Decree 30/2020/NĐ-CP and Decision 123/QĐ-TTg followed.',
      'Under số 59-NQ/TW and 30/2020/ND-CP (written with D).',
    ].join('\n');
    assert.deepEqual(found(text), [
      'resolution-59 59-NQ/TW',
      'directive-05 05-CT/TW',
      'conclusion-35 35-KL/TW',
      'law-250 250/2025/QH15',
      'decree-30 30/2020/NĐ-CP',
      'decision-123 123/QĐ-TTg',
      'resolution-59 59-NQ/TW',
      'decree-30 30/2020/ND-CP',
    ]);
  });

  it('keeps the parsed number and the type word with the mention', () => {
    const [mention] = analyzeDocument('Resolution No. 59-NQ/TW sets the course.', glossary).mentions;
    assert.equal(mention.match, 'number');
    assert.equal(mention.document?.number?.type, 'Resolution');
    assert.equal(mention.document?.typeWord?.text, 'Resolution');
    assert.equal(mention.document?.typeMismatch, undefined);
  });

  it('finds short references to the one entry of that type and number', () => {
    const text = 'BRIEFING: RESOLUTION 59. Resolution No. 59 and Resolution 59 matter; Conclusion 35 too. Decree No. 30 applies.';
    const analysis = analyzeDocument(text, glossary);
    assert.deepEqual(
      analysis.mentions.map((m) => [m.entryId, m.text]),
      [
        ['resolution-59', 'RESOLUTION 59'],
        ['resolution-59', 'Resolution No. 59'],
        ['resolution-59', 'Resolution 59'],
        ['conclusion-35', 'Conclusion 35'],
        ['decree-30', 'Decree No. 30'],
      ],
    );
    assert.deepEqual(analysis.candidates, []);
  });

  it('does not take a short reference that names no entry or is only a word', () => {
    assert.deepEqual(found('Resolution 60 and Decision 59 are not in the glossary; the resolution 59 of the council neither.'), []);
    assert.deepEqual(found('the resolution No. 59 counts'), ['resolution-59 resolution No. 59']);
  });

  it('reports a short reference that fits several entries as ambiguous', () => {
    const compiled = compile(`entries:
  - id: resolution-59-party
    kind: resolution
    name: Party resolution 59
    number: 59-NQ/TW
  - id: resolution-59-government
    kind: resolution
    name: Government resolution 59
    number: 59/NQ-CP
`);
    const analysis = analyzeDocument('Resolution 59 was cited; 59/NQ-CP was meant.', compiled);
    assert.deepEqual(analysis.ambiguous.map((a) => [a.text, a.entryIds]), [['Resolution 59', ['resolution-59-party', 'resolution-59-government']]]);
    assert.deepEqual(analysis.mentions.map((m) => m.entryId), ['resolution-59-government']);
  });

  it('reports numbers with no entry as candidates: resolutions for NQ, else documents', () => {
    const text = 'Resolution 57-NQ/TW, Decree 15/2020/NĐ-CP, Resolution 103/2023/QH15 and Law 20/2023/QH15 are missing.';
    const candidates = analyzeDocument(text, glossary).candidates.map((c) => [c.kind, c.text, c.document?.number?.type]);
    assert.deepEqual(candidates, [
      ['resolution', '57-NQ/TW', 'Resolution'],
      ['document', '15/2020/NĐ-CP', 'Decree'],
      ['resolution', '103/2023/QH15', undefined],
      ['document', '20/2023/QH15', undefined],
    ]);
  });

  it('ignores dates, ranges, page numbers and numbers inside links', () => {
    const text = 'On 22/01/2026 (2021-2025 term, pp. 3-4) see https://example.org/59-NQ/TW and file 59-NQ-TW.pdf.';
    const analysis = analyzeDocument(text, glossary);
    assert.deepEqual([analysis.mentions, analysis.candidates], [[], []]);
  });
});
