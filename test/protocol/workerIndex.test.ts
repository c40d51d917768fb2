import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { CodeLensRequest, CodeLensResolveRequest, ReferencesRequest, type Location } from 'vscode-languageserver-protocol';
import { IndexRequest } from '../../server/src/protocol';
import { LspTestClient } from '../helpers/lspClient';
import { positionOf } from '../helpers/text';
import { TempWorkspace } from '../helpers/workspace';

const GLOSSARY = `entries:
  - id: asean
    kind: organization
    name: Association of Southeast Asian Nations
    aliases: [ASEAN]
  - id: to-lam
    kind: official
    name: Tô Lâm
    aliases: [To Lam]
`;

/** Enough documents for the server to index them on worker threads. */
const DOCUMENTS = 260;

function documentText(i: number): string {
  // Every third document names To Lam on its second line; every document names ASEAN (some twice).
  const second = i % 3 === 0 ? `To Lam spoke in note ${i}.` : `Nothing else in note ${i}.`;
  return `ASEAN met in note ${i}.\n${second}\n${i % 5 === 0 ? 'ASEAN closed the meeting.\n' : ''}`;
}

describe('initial index on worker threads over stdio', () => {
  let workspace: TempWorkspace;
  let client: LspTestClient;
  const files: Record<string, string> = { 'policy.glossary.yaml': GLOSSARY };
  for (let i = 0; i < DOCUMENTS; i++) files[`notes/${String(i).padStart(3, '0')}.txt`] = documentText(i);

  before(async () => {
    workspace = new TempWorkspace(files);
    client = await LspTestClient.start(workspace.root);
  });
  after(async () => {
    await client.stop();
    workspace.dispose();
  });

  it('indexes every document, without falling back to the main thread', () => {
    assert.equal(client.lastStatus!.documents, DOCUMENTS);
    assert.deepEqual(client.logMessages.filter((m) => /worker threads/.test(m.message)), []);
  });

  it('answers references with every mention, by document and position', async () => {
    const first = workspace.uri('notes/000.txt');
    await client.open(first, files['notes/000.txt']);
    const locations = (await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: first },
      position: positionOf(files['notes/000.txt'], 'To Lam', 1),
      context: { includeDeclaration: false },
    }))!;
    const expected: Location[] = [];
    for (let i = 0; i < DOCUMENTS; i += 3) {
      const name = `notes/${String(i).padStart(3, '0')}.txt`;
      expected.push({ uri: workspace.uri(name), range: { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } } });
    }
    assert.deepEqual(locations, expected);
  });

  it('counts mentions in the glossary lens and lists them in the index view', async () => {
    const glossary = workspace.uri('policy.glossary.yaml');
    await client.open(glossary, GLOSSARY, 'yaml');
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: glossary } }))!;
    const asean = lenses.find((l) => (l.data as { entryId: string }).entryId === 'asean')!;
    const resolved = await client.connection.sendRequest(CodeLensResolveRequest.type, asean);
    const expectedMentions = DOCUMENTS + Math.ceil(DOCUMENTS / 5);
    assert.equal(resolved.command!.title, `${expectedMentions} mentions in ${DOCUMENTS} documents`);
    const index = await client.connection.sendRequest(IndexRequest, undefined);
    const entry = index.entries.find((e) => e.id === 'asean')!;
    assert.equal(entry.mentionCount, expectedMentions);
    const fifth = entry.documents.find((d) => d.uri === workspace.uri('notes/005.txt'))!;
    assert.deepEqual(fifth.mentions.map((m) => [m.text, m.range.start.line]), [['ASEAN', 0], ['ASEAN', 2]]);
  });
});
