import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HoverRequest, type Hover, type MarkupContent, type Position } from 'vscode-languageserver-protocol';
import { fileUri, LspTestClient, REPO_ROOT } from '../helpers/lspClient';
import { positionOf, rangeOf } from '../helpers/text';
import { TempWorkspace } from '../helpers/workspace';

const SAMPLES = path.join(REPO_ROOT, 'samples');
const sample = (name: string) => ({ uri: fileUri(SAMPLES, name), text: readFileSync(path.join(SAMPLES, name), 'utf8') });

describe('hover over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start(SAMPLES);
  });
  after(async () => {
    await client.stop();
  });

  const hoverAt = async (uri: string, position: Position): Promise<Hover | null> =>
    client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  const markdown = (hover: Hover | null) => {
    assert.ok(hover, 'expected a hover');
    const contents = hover.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    return contents.value;
  };

  it('announces hover and reports the sample glossary loaded', () => {
    assert.equal(client.initializeResult?.capabilities.hoverProvider, true);
    assert.ok((client.lastStatus?.entries ?? 0) >= 10, `entries: ${client.lastStatus?.entries}`);
  });

  it('shows the card of an official mentioned without diacritics: name, roles, current role first, aliases', async () => {
    const { uri, text } = sample('congress-foreign-policy.md');
    await client.open(uri, text, 'markdown');
    const hover = await hoverAt(uri, positionOf(text, 'Nguyen Manh Cuong', 3));
    const card = markdown(hover);
    assert.match(card, /\*\*Nguyễn Mạnh Cường\*\*/);
    assert.match(card, /Deputy Minister of Foreign Affairs \(Thứ trưởng Bộ Ngoại giao\), 2021 – present _\(held on 2026\\-01\\-21\)_/);
    assert.match(card, /Also written: Nguyen Manh Cuong/);
    assert.match(card, /Related: Ministry of Foreign Affairs/);
    assert.match(card, /Mentioned in \d+ documents? \(\d+ mentions?\)/);
    assert.deepEqual(hover!.range, rangeOf(text, 'Nguyen Manh Cuong'));
  });

  it('puts the role held at the document date first', async () => {
    const { uri, text } = sample('congress-foreign-policy.md');
    const card = markdown(await hoverAt(uri, positionOf(text, 'To Lam', 1)));
    const secretary = card.indexOf('General Secretary');
    assert.ok(secretary > 0 && secretary < card.indexOf('State President') && secretary < card.indexOf('Minister of Public Security'));
  });

  it('shows the same card on a short name', async () => {
    const { uri, text } = sample('congress-foreign-policy.md');
    const card = markdown(await hoverAt(uri, positionOf(text, 'Cuong said', 1)));
    assert.match(card, /\*\*Nguyễn Mạnh Cường\*\*/);
  });

  it('decodes the number of a document entry and shows issuer, date and summary', async () => {
    const { uri, text } = sample('congress-foreign-policy.md');
    const card = markdown(await hoverAt(uri, positionOf(text, '59-NQ/TW', 2)));
    assert.match(card, /Number: 59\\-NQ\/TW \(Resolution \(NQ\), Party Central Committee \(TW\)\)/);
    assert.match(card, /Issued by: Politburo/);
    assert.match(card, /Date: 2025\\-01\\-24/);
    assert.match(card, /international integration/);
  });

  it('decodes a document number that the glossary lacks', async () => {
    const { uri, text } = sample('integration-briefing.txt');
    await client.open(uri, text);
    const card = markdown(await hoverAt(uri, positionOf(text, '250/2025/QH15', 4)));
    assert.match(card, /not in the glossary/);
    assert.match(card, /Issuer: 15th National Assembly \(QH15\)/);
    assert.match(card, /Year: 2025/);
    const decree = markdown(await hoverAt(uri, positionOf(text, '30/2020/NĐ-CP', 4)));
    assert.match(decree, /Type: Decree \(NĐ\)/);
    assert.match(decree, /Issuer: Government \(CP\)/);
  });

  it('shows a term with its native form and status', async () => {
    const { uri, text } = sample('bamboo-diplomacy.policy.txt');
    await client.open(uri, text, 'policytext');
    const card = markdown(await hoverAt(uri, positionOf(text, 'people-to-people diplomacy', 3)));
    assert.match(card, /\*\*people\\-to\\-people diplomacy\*\* · _term_ · _preferred_/);
    assert.match(card, /Native: ngoại giao nhân dân/);
  });

  it('hovers an entry id in a glossary file', async () => {
    const { uri, text } = sample('policy.glossary.yaml');
    const card = markdown(await hoverAt(uri, positionOf(text, 'related: [ministry-of-foreign-affairs]', 12)));
    assert.match(card, /\*\*Ministry of Foreign Affairs\*\*/);
  });

  it('answers nothing on a word that is no mention', async () => {
    const uri = fileUri(SAMPLES, 'scratch.txt');
    await client.open(uri, 'Nothing of note here.');
    const hover = await hoverAt(uri, { line: 0, character: 2 });
    assert.equal(hover, null);
  });
});

describe('hover renders glossary text untrusted', () => {
  let workspace: TempWorkspace;
  let client: LspTestClient;
  before(async () => {
    workspace = new TempWorkspace({
      'evil.glossary.yaml': `entries:
  - id: evil
    kind: organization
    name: Evil Corp
    summary: "<script>alert(1)</script> <img src=x onerror=alert(1)> [run](command:workbench.action.quit) [js](javascript:alert(1)) ![i](file:///etc/passwd)"
    source: "javascript:alert(1)"
  - id: outside
    kind: organization
    name: Outside Org
    source: ../../../etc/passwd
  - id: inside
    kind: organization
    name: Inside Org
    source: "https://example.org/a)[x](command:evil"
`,
    });
    client = await LspTestClient.start(workspace.root);
  });
  after(async () => {
    await client.stop();
    workspace.dispose();
  });

  it('sends no HTML, no command, javascript or file links', async () => {
    const uri = workspace.uri('a.txt');
    const text = 'Evil Corp, Outside Org and Inside Org met.';
    await client.open(uri, text);
    for (const name of ['Evil Corp', 'Outside Org', 'Inside Org']) {
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, name, 1) });
      const card = (hover!.contents as MarkupContent).value;
      assert.doesNotMatch(card, /<script|<img/, name);
      // A link needs an unescaped `](`; escaped brackets show as text.
      assert.doesNotMatch(card, /(^|[^\\])\]\((command|javascript|file):/, name);
    }
  });
});
