import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { ambiguousCard, entryCard, unknownNumberCard, type CardContext } from '../../server/src/core/hoverCards';
import { glossaryOf } from '../helpers/analysis';

const GLOSSARY = glossaryOf(
  `entries:
  - id: to-lam
    kind: official
    name: Tô Lâm
    aliases: [To Lam]
    roles:
      - title: General Secretary
        native: Tổng Bí thư
        from: 2024-08-03
      - title: State President
        from: 2024-05-22
        to: 2024-10-21
    related: [cpv]
    source: https://example.org/to-lam
  - id: cpv
    kind: organization
    name: Communist Party of Vietnam
    summary: "<img src=x onerror=alert(1)> [click](command:workbench.action.quit) **bold**"
    source: ../../etc/passwd
  - id: resolution-59
    kind: resolution
    name: Resolution on international integration
    number: 59-NQ/TW
    issuer: Politburo
    date: 2025-01-24
    source: notes/r59.md#L3
  - id: ppd
    kind: term
    name: people-to-people diplomacy
    status: preferred
  - id: mass-diplomacy
    kind: term
    name: mass diplomacy
    native: ngoại giao quần chúng
    status: deprecated
    use: ppd
`,
  'file:///w/policy.glossary.yaml',
);

const context = (extra: Partial<CardContext> = {}): CardContext => ({
  glossary: GLOSSARY,
  roots: ['file:///w'],
  counts: { mentions: 5, documents: 2 },
  ...extra,
});
const entry = (id: string) => GLOSSARY.byId.get(id)!;

describe('hover cards', () => {
  it('shows an official with diacritics, roles with periods (current first), aliases, related, source and counts', () => {
    const card = entryCard(entry('to-lam'), context({ documentDate: '2024-06-01' }));
    assert.match(card, /\*\*Tô Lâm\*\*/);
    const president = card.indexOf('State President');
    const secretary = card.indexOf('General Secretary');
    assert.ok(president > 0 && president < secretary, 'the role held on the document date comes first');
    assert.match(card, /State President, 2024\\-05\\-22 – 2024\\-10\\-21 _\(held on 2024\\-06\\-01\)_/);
    assert.match(card, /Tổng Bí thư/);
    assert.match(card, /Also written: To Lam/);
    assert.match(card, /Related: Communist Party of Vietnam \(cpv\)/);
    assert.match(card, /Source: \[https:\/\/example\\\.org\/to\\-lam\]\(https:\/\/example\.org\/to-lam\)/);
    assert.match(card, /Mentioned in 2 documents \(5 mentions\)/);
  });

  it('renders the summary as untrusted Markdown: formatting kept, no HTML, no command links', () => {
    const card = entryCard(entry('cpv'), context());
    assert.doesNotMatch(card, /<img/);
    assert.doesNotMatch(card, /\]\(command:/);
    assert.match(card, /&lt;img src=x onerror=alert\(1\)&gt; click \*\*bold\*\*/);
    // A path outside the workspace is plain text, never a link.
    assert.match(card, /Source: \\\.\\\.\/\\\.\\\.\/etc\/passwd/);
    assert.doesNotMatch(card, /\]\(file:/);
  });

  it('shows a document with its number decoded, issuer and date; a workspace source as text', () => {
    const card = entryCard(entry('resolution-59'), context({ decode: (n) => ({ number: n, type: 'Resolution', typeCode: 'NQ', issuer: 'Party Central Committee', issuerCode: 'TW' }) }));
    assert.match(card, /Number: 59\\-NQ\/TW \(Resolution \(NQ\), Party Central Committee \(TW\)\)/);
    assert.match(card, /Issued by: Politburo/);
    assert.match(card, /Date: 2025\\-01\\-24/);
    assert.match(card, /Source: notes\/r59\\\.md\\#L3 \(workspace file\)/);
  });

  it('shows a deprecated term with its native form and the preferred term', () => {
    const card = entryCard(entry('mass-diplomacy'), context({ counts: { mentions: 1, documents: 1 } }));
    assert.match(card, /_deprecated_/);
    assert.match(card, /Native: ngoại giao quần chúng/);
    assert.match(card, /Deprecated: use \*\*people\\-to\\-people diplomacy\*\* \(ppd\)/);
    assert.match(card, /Mentioned in 1 document \(1 mention\)/);
  });

  it('keeps a URL inside its link even when it holds brackets or parentheses', () => {
    const glossary = glossaryOf('entries:\n  - id: x\n    kind: other\n    name: X\n    source: "https://example.org/a)[y](command:evil"\n');
    const card = entryCard(glossary.byId.get('x')!, context({ glossary }));
    assert.match(card, /\]\(https:\/\/example\.org\/a%29%5By%5D%28command:evil\)/);
  });

  it('decodes an unknown number and lists the entries of an ambiguous reference', () => {
    const card = unknownNumberCard('250/2025/QH15', { number: '250/2025/QH15', type: 'Law or Resolution', issuer: '15th National Assembly', issuerCode: 'QH15', year: '2025' });
    assert.match(card, /Type: Law or Resolution/);
    assert.match(card, /Issuer: 15th National Assembly \(QH15\)/);
    assert.match(card, /Year: 2025/);
    const ambiguous = ambiguousCard('Resolution 59', [entry('resolution-59'), entry('cpv')]);
    assert.match(ambiguous, /resolution\\-59/);
    assert.match(ambiguous, /cpv/);
  });
});
