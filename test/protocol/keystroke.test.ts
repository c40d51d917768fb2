import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { ReferencesRequest, type Location, type Position } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lspClient';
import { positionOf } from '../helpers/text';
import { TempWorkspace } from '../helpers/workspace';
import { GLOSSARY_TEXT } from '../helpers/editedDocuments';

const PARAGRAPHS = [
  'Deputy Minister Nguyen Manh Cuong met the delegation and Cuong spoke of mass diplomacy.',
  'Ambassador Tran Quoc Cuong arrived; later Cuong said the talks under 59-NQ/TW went well.',
  'The weather was mild and the markets were calm; nobody in particular was mentioned here.',
  'Foreign Minister Nguyen Manh Cuong answered questions about Decree 30/2020/NĐ-CP.',
  'Ông Cường phát biểu tại hội nghị của các nước và những người được mời đến dự.',
];

/** A document of many paragraphs (several segments of the server's analysis). */
function longDocument(paragraphs: number): string {
  const parts: string[] = [];
  for (let k = 0; k < paragraphs; k++) parts.push(`${k}. ${PARAGRAPHS[(k * 7) % PARAGRAPHS.length]}`);
  return `${parts.join('\n\n')}\n`;
}

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

describe('edits of a long open document over stdio', () => {
  let workspace: TempWorkspace;
  let client: LspTestClient;
  let uri: string;
  let otherUri: string;
  let text = longDocument(900);
  let documentVersion = 1;
  const OTHER = 'General Secretary To Lam chaired the meeting.\n';

  before(async () => {
    workspace = new TempWorkspace({ 'policy.glossary.yaml': GLOSSARY_TEXT, 'notes/long.md': text, 'notes/other.md': OTHER });
    uri = workspace.uri('notes/long.md');
    otherUri = workspace.uri('notes/other.md');
    client = await LspTestClient.start(workspace.root);
    await client.openAndDiagnose(uri, text, 'markdown');
    await client.openAndDiagnose(otherUri, OTHER, 'markdown');
  });
  after(async () => {
    await client.stop();
    workspace.dispose();
  });

  /** Replaces `[start, end)` with `insert` as an incremental change and waits for that version's diagnostics. */
  const edit = async (start: number, end: number, insert: string) => {
    const range = { start: positionAt(text, start), end: positionAt(text, end) };
    text = text.slice(0, start) + insert + text.slice(end);
    const version = ++documentVersion;
    const published = client.nextDiagnostics(uri, (p) => p.version === version);
    await client.change(uri, [{ range, text: insert }]);
    return published;
  };

  const referencesOfToLam = async () =>
    ((await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: otherUri },
      position: positionOf(OTHER, 'To Lam', 1),
      context: { includeDeclaration: false },
    })) as Location[]).filter((l) => l.uri === uri);

  it('counts a mention typed into the document in references right away and after the typing pause', async () => {
    assert.deepEqual(await referencesOfToLam(), [], 'the long document does not mention To Lam yet');
    const at = text.indexOf('The weather', text.length / 2);
    await edit(at, at, 'General Secretary To Lam spoke. ');
    const line = positionAt(text, at + 'General Secretary '.length);
    const expected = [{ uri, range: { start: line, end: { line: line.line, character: line.character + 'To Lam'.length } } }];
    assert.deepEqual(await referencesOfToLam(), expected, 'a request right after the edit sees it');
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.deepEqual(await referencesOfToLam(), expected, 'and after the pause');
    // Taken out again, while typing: gone from the answer at once.
    await edit(at, at + 'General Secretary To Lam spoke. '.length, '');
    assert.deepEqual(await referencesOfToLam(), []);
  });

  it('publishes after each keystroke what a fresh open of the final text gives', async () => {
    // Deterministic positions spread over the document; the edits break and make names, blank lines and titles.
    const inserts = ['x', ' ', '\n\n', 'Cuong ', 'Nguyen Manh Cuong ', 'Tran Quoc Cuong', 'former\n\n', 'General Secretary ', '\n', 'mass diplomacy '];
    let seed = 20261124;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    let last = await edit(0, 0, '');
    for (let k = 0; k < 40; k++) {
      const start = Math.floor(random() * text.length);
      if (random() < 0.3) last = await edit(start, Math.min(text.length, start + 1 + Math.floor(random() * 40)), '');
      else last = await edit(start, start, inserts[Math.floor(random() * inserts.length)]);
    }
    const fresh = await client.openAndDiagnose(workspace.uri('notes/fresh.md'), text, 'markdown');
    assert.ok(fresh.diagnostics.length > 100, `${fresh.diagnostics.length} diagnostics`);
    assert.deepEqual(last.diagnostics, fresh.diagnostics);
  });
});
