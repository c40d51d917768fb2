import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { PolicyService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { indexWorkspace, type IndexerHooks } from '../../server/src/core/workspaceIndexer';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace';
import { readSmallTextNow, readTextNow } from '../../server/src/node/readText';

const GLOSSARY = `entries:
  - id: cuong
    kind: official
    name: Nguyễn Mạnh Cường
    aliases: [Nguyen Manh Cuong]
  - id: autonomy
    kind: term
    name: strategic autonomy
`;

function hooks(): IndexerHooks {
  return {
    isGlossary: (uri) => uri.endsWith('.glossary.yaml'),
    isDocument: (uri) => uri.endsWith('.txt'),
    isOpen: () => false,
  };
}

/** What the index answers for every entry of the glossary. */
function snapshot(service: PolicyService) {
  return {
    uris: service.index.uris().sort(),
    entries: service.getGlossary().entries.map((e) => ({ id: e.id, documents: service.index.documentsOf(e.id), count: service.index.countOf(e.id) })),
  };
}

describe('reading files synchronously', () => {
  let scratch: string;
  before(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'policy-gloss-sync-read-'));
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('answers what the asynchronous read answers: texts, missing files, folders, URIs that are no files', async () => {
    const workspace = new NodeWorkspace([scratch]);
    writeFileSync(path.join(scratch, 'plain.txt'), 'Resolution 59-NQ/TW\r\nsecond line\n');
    writeFileSync(path.join(scratch, 'vietnamese.txt'), 'Phó Thủ tướng Nguyễn Mạnh Cường 🌏');
    writeFileSync(path.join(scratch, 'empty.txt'), '');
    writeFileSync(path.join(scratch, 'bom.txt'), '\ufeffwith a byte order mark');
    writeFileSync(path.join(scratch, 'invalid.txt'), Buffer.from([0x61, 0xff, 0xfe, 0x62]));
    mkdirSync(path.join(scratch, 'folder.txt'), { recursive: true });
    const uris = [
      ...['plain.txt', 'vietnamese.txt', 'empty.txt', 'bom.txt', 'invalid.txt', 'folder.txt', 'missing.txt'].map((name) => pathToFileURL(path.join(scratch, name)).toString()),
      'untitled:Untitled-1',
      'file://remote-host/share/x.txt',
    ];
    for (const uri of uris) {
      const expected = await workspace.readFile(uri);
      assert.equal(readTextNow(uri), expected, uri);
      assert.equal(readSmallTextNow(uri), expected, uri);
      assert.equal(workspace.readFileNow(uri), expected, uri);
    }
    assert.equal(readTextNow(uris[1]), 'Phó Thủ tướng Nguyễn Mạnh Cường 🌏');
  });

  it('leaves a file larger than the limit to the asynchronous read', () => {
    const file = path.join(scratch, 'eleven.txt');
    writeFileSync(file, '0123456789\n');
    const uri = pathToFileURL(file).toString();
    assert.equal(readSmallTextNow(uri, 10), null);
    assert.equal(readSmallTextNow(uri, 11), '0123456789\n');
  });

  it('indexes the same when some files are read synchronously and the others asynchronously', async () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't'];
    const sentences = ['Nguyễn Mạnh Cường met the press.', 'Nguyen Manh Cuong spoke on strategic autonomy.', 'Nothing to see.', 'strategic autonomy and Cường'];
    const files = fc.array(fc.array(fc.constantFrom(...sentences), { maxLength: 6 }), { minLength: 1, maxLength: names.length });
    // For each file: read synchronously (text), left to the asynchronous read (null), or unreadable now (undefined).
    const ways = fc.array(fc.constantFrom('now', 'later', 'gone'), { minLength: names.length, maxLength: names.length });
    await fc.assert(
      fc.asyncProperty(files, ways, async (texts, how) => {
        const contents = new Map<string, string>([['file:///w/policy.glossary.yaml', GLOSSARY]]);
        texts.forEach((lines, i) => contents.set(`file:///w/${names[i]}.txt`, lines.join('\n')));
        const readLater: string[] = [];
        // A file read later is gone by then as well when its way is 'gone'.
        const way = (uri: string) => how[names.indexOf(uri.slice('file:///w/'.length, -'.txt'.length))];
        const both = Object.assign(new InMemoryWorkspace(contents), {
          readFileNow: (uri: string) => (way(uri) === 'now' ? contents.get(uri) : way(uri) === 'gone' ? undefined : null),
        });
        const plainRead = both.readFile.bind(both);
        both.readFile = async (uri: string) => {
          if (uri.endsWith('.txt')) readLater.push(uri);
          return way(uri) === 'gone' ? undefined : plainRead(uri);
        };
        const withSync = new PolicyService();
        assert.equal(await indexWorkspace(withSync, both, hooks(), { cancelled: false }), true);
        const expectedContents = new Map([...contents].filter(([uri]) => !uri.endsWith('.txt') || way(uri) !== 'gone'));
        const plain = new PolicyService();
        assert.equal(await indexWorkspace(plain, new InMemoryWorkspace(expectedContents), hooks(), { cancelled: false }), true);
        assert.deepEqual(snapshot(withSync), snapshot(plain));
        const found = texts.some((lines, i) => way(`file:///w/${names[i]}.txt`) !== 'gone' && lines.some((line) => line !== 'Nothing to see.'));
        assert.equal(withSync.index.countOf('cuong').mentions + withSync.index.countOf('autonomy').mentions > 0, found, 'mentions were found');
        assert.deepEqual(readLater.sort(), [...contents.keys()].filter((uri) => uri.endsWith('.txt') && way(uri) === 'later').sort());
      }),
      { numRuns: 40 },
    );
  });
});
