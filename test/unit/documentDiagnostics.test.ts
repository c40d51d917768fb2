import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { computeDocumentDiagnostics, DEFAULT_SEVERITIES, DOCUMENT_DIAGNOSTIC_CODES } from '../../server/src/core/diagnostics';
import { analysis, annotation, glossaryOf, mention, span } from '../helpers/analysis';

const GLOSSARY = glossaryOf(`entries:
  - id: to-lam
    kind: official
    name: Tô Lâm
    aliases: [To Lam]
    roles:
      - title: General Secretary
        from: 2024-08-03
      - title: State President
        from: 2024-05-22
        to: 2024-10-21
  - id: nguyen-manh-cuong
    kind: official
    name: Nguyễn Mạnh Cường
    aliases: [Nguyen Manh Cuong]
    roles:
      - title: Deputy Minister of Foreign Affairs
        native: Thứ trưởng Bộ Ngoại giao
        from: 2021
  - id: people-to-people-diplomacy
    kind: term
    name: people-to-people diplomacy
    status: preferred
  - id: mass-diplomacy
    kind: term
    name: mass diplomacy
    status: deprecated
    use: people-to-people-diplomacy
`);

describe('document diagnostics', () => {
  it('reports a title the official never held, with the held titles for the fix', () => {
    const text = 'Foreign Minister Nguyen Manh Cuong spoke.';
    const m = { ...mention(text, 'Nguyen Manh Cuong', 'nguyen-manh-cuong', 'official', 'alias'), title: { ...span(text, 'Foreign Minister'), historical: false } };
    const [d, ...rest] = computeDocumentDiagnostics(analysis({ mentions: [m], date: '2025-01-01' }), GLOSSARY);
    assert.equal(rest.length, 0);
    assert.equal(d.code, 'title-mismatch');
    assert.deepEqual(d.range, span(text, 'Foreign Minister').range);
    assert.deepEqual(d.data, { code: 'title-mismatch', entryId: 'nguyen-manh-cuong', heldTitles: ['Deputy Minister of Foreign Affairs'] });
  });

  it('offers the Vietnamese titles for a title written in Vietnamese', () => {
    const text = 'Bộ trưởng Ngoại giao Nguyễn Mạnh Cường phát biểu.';
    const title = { ...span(text, 'Bộ trưởng Ngoại giao'), historical: false, lang: 'vi' as const };
    const m = { ...mention(text, 'Nguyễn Mạnh Cường', 'nguyen-manh-cuong', 'official'), title };
    const [d] = computeDocumentDiagnostics(analysis({ mentions: [m] }), GLOSSARY);
    assert.deepEqual(d.data, { code: 'title-mismatch', entryId: 'nguyen-manh-cuong', heldTitles: ['Thứ trưởng Bộ Ngoại giao'], lang: 'vi' });
    const held = { ...m, title: { ...span(text, 'Bộ trưởng Ngoại giao'), text: 'Thứ trưởng Ngoại giao', historical: false, lang: 'vi' as const } };
    assert.deepEqual(computeDocumentDiagnostics(analysis({ mentions: [held] }), GLOSSARY), []);
  });

  it('checks no form of address against the roles', () => {
    const text = 'Đồng chí Nguyễn Mạnh Cường phát biểu.';
    const title = { ...span(text, 'Đồng chí'), historical: false, honorific: true, lang: 'vi' as const };
    const m = { ...mention(text, 'Nguyễn Mạnh Cường', 'nguyen-manh-cuong', 'official'), title };
    assert.deepEqual(computeDocumentDiagnostics(analysis({ mentions: [m] }), GLOSSARY), []);
  });

  it('accepts a held title written differently', () => {
    const text = 'Deputy Foreign Minister Nguyen Manh Cuong spoke.';
    const m = { ...mention(text, 'Nguyen Manh Cuong', 'nguyen-manh-cuong', 'official', 'alias'), title: { ...span(text, 'Deputy Foreign Minister'), historical: false } };
    assert.deepEqual(computeDocumentDiagnostics(analysis({ mentions: [m], date: '2025-01-01' }), GLOSSARY), []);
  });

  it('hints at a title not held at the document date, unless marked historical', () => {
    const text = 'State President To Lam visited.';
    const title = { ...span(text, 'State President'), historical: false };
    const m = { ...mention(text, 'To Lam', 'to-lam', 'official', 'alias'), title };
    const [d] = computeDocumentDiagnostics(analysis({ mentions: [m], date: '2026-01-21' }), GLOSSARY);
    assert.equal(d.code, 'title-outdated');
    assert.equal(d.severity, 'hint');
    assert.deepEqual(d.data, { code: 'title-outdated', entryId: 'to-lam', currentTitles: ['General Secretary'], lang: undefined });
    const historical = { ...m, title: { ...title, historical: true } };
    assert.deepEqual(computeDocumentDiagnostics(analysis({ mentions: [historical], date: '2026-01-21' }), GLOSSARY), []);
    // Held on that date: nothing to say; no date: nothing to compare.
    assert.deepEqual(computeDocumentDiagnostics(analysis({ mentions: [m], date: '2024-07-01' }), GLOSSARY), []);
    assert.deepEqual(computeDocumentDiagnostics(analysis({ mentions: [m] }), GLOSSARY), []);
  });

  it('reports partial diacritics but not plain ASCII or capitals', () => {
    const text = 'Nguyễn Manh Cường, Nguyen Manh Cuong and NGUYỄN MẠNH CƯỜNG.';
    const mentions = [
      mention(text, 'Nguyễn Manh Cường', 'nguyen-manh-cuong', 'official', 'name'),
      mention(text, 'Nguyen Manh Cuong', 'nguyen-manh-cuong', 'official', 'alias'),
      mention(text, 'NGUYỄN MẠNH CƯỜNG', 'nguyen-manh-cuong', 'official', 'name'),
    ];
    const diagnostics = computeDocumentDiagnostics(analysis({ mentions }), GLOSSARY);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'name-variant');
    assert.equal(diagnostics[0].start, 0);
    assert.deepEqual(diagnostics[0].data, { code: 'name-variant', entryId: 'nguyen-manh-cuong', suggestions: ['Nguyễn Mạnh Cường', 'Nguyen Manh Cuong'] });
  });

  it('reports a deprecated term with the preferred one, struck through', () => {
    const text = 'They praised mass diplomacy.';
    const [d] = computeDocumentDiagnostics(analysis({ mentions: [mention(text, 'mass diplomacy', 'mass-diplomacy', 'term')] }), GLOSSARY);
    assert.equal(d.code, 'deprecated-term');
    assert.deepEqual(d.tags, ['deprecated']);
    assert.match(d.message, /people-to-people diplomacy/);
    assert.deepEqual(d.data, { code: 'deprecated-term', entryId: 'mass-diplomacy', preferredId: 'people-to-people-diplomacy', preferredName: 'people-to-people diplomacy' });
  });

  it('reports candidates, ambiguous references and unknown annotations', () => {
    const text = 'Law No. 250/2025/QH15; Deputy Prime Minister Ho Duc Phoc; Resolution 59; [[no-such-id|x]].';
    const result = computeDocumentDiagnostics(
      analysis({
        candidates: [
          { ...span(text, '250/2025/QH15'), kind: 'document' },
          { ...span(text, 'Ho Duc Phoc'), kind: 'official', title: 'Deputy Prime Minister', name: 'Ho Duc Phoc' },
        ],
        ambiguous: [{ ...span(text, 'Resolution 59'), entryIds: ['to-lam', 'nguyen-manh-cuong'] }],
        annotations: [annotation(text, '[[no-such-id|x]]', false)],
      }),
      GLOSSARY,
    );
    assert.deepEqual(result.map((d) => d.code), ['unknown-document', 'unknown-official', 'ambiguous-reference', 'unknown-annotation']);
    assert.deepEqual(result[3].range, span(text, 'no-such-id').range);
    assert.equal(result[3].severity, 'error');
    assert.equal(result[2].related?.length, 2);
  });

  it('applies per-code severity overrides and hides codes set to off', () => {
    const text = 'They praised mass diplomacy.';
    const a = analysis({ mentions: [mention(text, 'mass diplomacy', 'mass-diplomacy', 'term')] });
    assert.equal(computeDocumentDiagnostics(a, GLOSSARY, { 'deprecated-term': 'error' })[0].severity, 'error');
    assert.deepEqual(computeDocumentDiagnostics(a, GLOSSARY, { 'deprecated-term': 'off' }), []);
  });

  it('has a default severity for every code', () => {
    for (const code of DOCUMENT_DIAGNOSTIC_CODES) assert.ok(DEFAULT_SEVERITIES[code], code);
  });
});
