import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { GlossaryText } from '../../server/src/core/documentRecords';
import { compiledOfSnapshot, snapshotOf, type GlossaryCache, type GlossarySnapshot } from '../../server/src/core/glossaryCache';
import { loadGlossaryFile, mergeGlossary } from '../../server/src/core/glossary/load';
import { analyzeDocument, compileGlossary } from '../../server/src/core/recognition';
import { PolicyService } from '../../server/src/core/service';
import { indexWorkspace, type IndexerHooks } from '../../server/src/core/workspaceIndexer';
import { FileGlossaryCache, GLOSSARY_CACHE_FILE, MAX_CACHED_GLOSSARY_CHARS, writeGlossaryCache } from '../../server/src/node/fileGlossaryCache';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace';
import type { WorkerIndexerOptions } from '../../server/src/node/indexWorkerPool';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const SAMPLES = path.join(REPO_ROOT, 'samples');

/** Every file under a folder whose name ends with one of the suffixes. */
function filesUnder(folder: string, suffixes: string[]): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && suffixes.some((s) => entry.name.endsWith(s))) out.push(path.join(entry.parentPath ?? entry.path, entry.name));
  }
  return out.sort();
}

function textsOf(files: string[]): GlossaryText[] {
  return files.map((file) => ({ uri: pathToFileURL(file).toString(), text: readFileSync(file, 'utf8') })).sort((a, b) => (a.uri < b.uri ? -1 : 1));
}

/** The glossary text with every other entry left out. */
function everyOtherEntry(text: string): string {
  return text
    .split(/(?=^ {2}- id: )/m)
    .filter((part, k) => k === 0 || k % 2 === 1)
    .join('');
}

/** A cache in memory that keeps snapshots as bytes, as a cache on disk does, and counts what it is asked. */
class BytesCache implements GlossaryCache {
  readonly saved = new Map<string, Buffer>();
  loads = 0;
  hits = 0;
  saves = 0;

  load(texts: readonly GlossaryText[]): GlossarySnapshot | undefined {
    this.loads++;
    const bytes = this.saved.get(JSON.stringify(texts));
    if (!bytes) return undefined;
    this.hits++;
    return deserialize(bytes) as GlossarySnapshot;
  }

  save(texts: readonly GlossaryText[], snapshot: GlossarySnapshot): void {
    this.saves++;
    this.saved.set(JSON.stringify(texts), serialize(snapshot));
  }
}

/** What the service answers about a glossary: entries, problems, and the analyses of documents. */
function answersOf(service: PolicyService, documents: readonly GlossaryText[]) {
  return {
    entries: service.getGlossary().entries,
    problems: service.getGlossary().problems,
    files: service.getGlossary().files,
    diagnostics: documents.map((d) => service.getDiagnostics({ uri: d.uri, version: 1, text: d.text })),
  };
}

describe('glossary cache', () => {
  let scratch: string;
  let glossaryTexts: GlossaryText[];
  let documentTexts: GlossaryText[];
  let generatedGlossary: GlossaryText[];
  let generatedDocuments: GlossaryText[];
  let generatedRoot: string;

  before(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'policy-gloss-cache-'));
    glossaryTexts = textsOf(filesUnder(SAMPLES, ['.glossary.yaml']));
    documentTexts = textsOf(filesUnder(SAMPLES, ['.txt', '.md']));
    const out = path.join(scratch, 'generated');
    const args = ['--entries', '400', '--universe', '2000', '--documents', '30', '--bytes', '200000', '--big', '20000', '--seed', 'cache', '--out', out];
    const stdout = execFileSync(process.execPath, [path.join(REPO_ROOT, 'bench', 'generate.mjs'), ...args], { encoding: 'utf8' });
    const generated = JSON.parse(stdout.trim().split('\n').pop()!) as { root: string; glossaryDir?: string };
    generatedRoot = generated.root;
    generatedGlossary = textsOf(filesUnder(generatedRoot, ['.glossary.yaml']));
    generatedDocuments = textsOf(filesUnder(generatedRoot, ['.txt', '.md']));
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('gives back a compiled glossary that recognises exactly what the built one does', () => {
    for (const [glossary, documents] of [
      [glossaryTexts, documentTexts],
      [generatedGlossary, generatedDocuments],
    ] as const) {
      assert.ok(glossary.length > 0 && documents.length > 0);
      const files = glossary.map((t) => loadGlossaryFile(t.uri, t.text));
      const built = compileGlossary(mergeGlossary(files));
      const restored = compiledOfSnapshot(deserialize(serialize(snapshotOf(files, built))) as GlossarySnapshot);
      assert.notEqual(restored.glossary, built.glossary, 'a copy, not the same objects');
      let mentions = 0;
      for (const document of documents) {
        const expected = analyzeDocument(document.text, built);
        mentions += expected.mentions.length;
        assert.deepEqual(analyzeDocument(document.text, restored), expected, document.uri);
      }
      assert.ok(mentions > documents.length, 'the documents mention entries');
    }
  });

  it('lets a new service skip building a glossary it was given before, with the same answers', async () => {
    const cache = new BytesCache();
    const first = new PolicyService({ glossaryCache: cache });
    first.setGlossaryFiles(glossaryTexts);
    assert.equal(cache.hits, 0);
    assert.equal(first.saveGlossaryToCache(), true);
    assert.equal(first.saveGlossaryToCache(), false, 'saved once');

    // The synchronous load (worker threads) and the asynchronous one (the server) both take it.
    const second = new PolicyService({ glossaryCache: cache });
    assert.deepEqual(second.setGlossaryFiles(glossaryTexts), { recognitionChanged: true });
    assert.equal(cache.hits, 1);
    const third = new PolicyService({ glossaryCache: cache });
    assert.deepEqual(await third.updateGlossaryFiles(glossaryTexts), { recognitionChanged: true });
    assert.equal(cache.hits, 2);
    const expected = answersOf(first, documentTexts);
    assert.ok(expected.diagnostics.some((d) => d.length > 0));
    assert.deepEqual(answersOf(second, documentTexts), expected);
    assert.deepEqual(answersOf(third, documentTexts), expected);
    assert.equal(second.saveGlossaryToCache(), false, 'the cache holds it already');
    assert.equal(cache.saves, 1);

    // Edits after a restored start work as after a built one.
    const edited = glossaryTexts.map((t, k) => (k === 0 ? { uri: t.uri, text: `${t.text}\n  - id: cache-test-entry\n    kind: term\n    name: Quiet Harbour Doctrine\n` } : t));
    const document = { uri: 'file:///w/note.txt', version: 1, text: 'The Quiet Harbour Doctrine was named.' };
    for (const service of [first, third]) await service.updateGlossaryFiles([edited[0]]);
    const hover = first.getHover(document, { line: 0, character: 6 });
    assert.ok(hover, 'the new entry is recognised');
    assert.deepEqual(third.getHover(document, { line: 0, character: 6 }), hover);
    assert.deepEqual(answersOf(third, [document]), answersOf(first, [document]));
  });

  it('builds the glossary when the cache has another glossary, or answers something that does not fit', () => {
    const cache = new BytesCache();
    const first = new PolicyService({ glossaryCache: cache });
    first.setGlossaryFiles(glossaryTexts);
    first.saveGlossaryToCache();
    const other = glossaryTexts.map((t) => ({ uri: t.uri, text: `${t.text}\n# a comment changes the text\n` }));
    const changed = new PolicyService({ glossaryCache: cache });
    changed.setGlossaryFiles(other);
    assert.equal(cache.hits, 0);
    assert.deepEqual(answersOf(changed, documentTexts).diagnostics, answersOf(first, documentTexts).diagnostics);

    const broken: GlossaryCache[] = [
      { load: () => ({ files: [], glossary: {}, tables: {} }) as unknown as GlossarySnapshot, save: () => undefined },
      { load: () => 'not a snapshot' as unknown as GlossarySnapshot, save: () => undefined },
      {
        load: () => {
          throw new Error('disk on fire');
        },
        save: () => undefined,
      },
    ];
    for (const glossaryCache of broken) {
      const service = new PolicyService({ glossaryCache });
      service.setGlossaryFiles(glossaryTexts);
      assert.deepEqual(answersOf(service, documentTexts), answersOf(first, documentTexts));
    }
  });

  it('does not keep a glossary with a file that does not parse (it depends on that file\'s earlier text)', async () => {
    const cache = new BytesCache();
    const service = new PolicyService({ glossaryCache: cache });
    await service.updateGlossaryFiles(glossaryTexts);
    await service.updateGlossaryFiles([{ uri: glossaryTexts[0].uri, text: `${glossaryTexts[0].text}\n  - id: [unclosed\n` }]);
    assert.ok(service.getGlossary().files.some((f) => f.staleEntries !== undefined), 'the file keeps its last readable entries');
    assert.equal(service.saveGlossaryToCache(), false);
    assert.equal(cache.saves, 0);
  });

  describe('in a file', () => {
    it('keeps one glossary per folder, read back only for the same texts and the same code', () => {
      const folder = path.join(scratch, 'storage', 'nested');
      const logs: string[] = [];
      const cache = new FileGlossaryCache(folder, 'code-1', (m) => logs.push(m));
      const service = new PolicyService({ glossaryCache: cache });
      service.setGlossaryFiles(glossaryTexts);
      assert.equal(service.saveGlossaryToCache(), true);
      const file = path.join(folder, GLOSSARY_CACHE_FILE);
      assert.ok(existsSync(file));
      assert.deepEqual(readdirSync(folder), [GLOSSARY_CACHE_FILE], 'no file left aside');
      assert.match(logs.join('\n'), /kept the glossary/);
      assert.ok(cache.load(glossaryTexts));
      assert.equal(new FileGlossaryCache(folder, 'code-2').load(glossaryTexts), undefined, 'written by other code');
      assert.equal(cache.load([{ uri: glossaryTexts[0].uri, text: 'entries: []\n' }]), undefined, 'other texts');
      assert.equal(cache.load(glossaryTexts.map((t) => ({ uri: `${t.uri}.moved`, text: t.text }))), undefined, 'other files');
    });

    it('reads a damaged file as nothing, and the glossary is built as without a cache', () => {
      const folder = path.join(scratch, 'damaged');
      const cache = new FileGlossaryCache(folder, 'code');
      const first = new PolicyService({ glossaryCache: cache });
      first.setGlossaryFiles(glossaryTexts);
      first.saveGlossaryToCache();
      const file = path.join(folder, GLOSSARY_CACHE_FILE);
      const good = readFileSync(file);
      const header = good.indexOf(0x0a) + 1;
      const damaged = [
        good.subarray(0, header + 100),
        Buffer.concat([good.subarray(0, header), Buffer.alloc(good.length - header, 0xff)]),
        Buffer.concat([good.subarray(0, header), serialize({ files: 'nothing' })]),
        good.subarray(0, header - 5),
        Buffer.alloc(0),
      ];
      for (const bytes of damaged) {
        writeFileSync(file, bytes);
        const logs: string[] = [];
        const service = new PolicyService({ glossaryCache: new FileGlossaryCache(folder, 'code', (m) => logs.push(m)) });
        service.setGlossaryFiles(glossaryTexts);
        assert.deepEqual(answersOf(service, documentTexts), answersOf(first, documentTexts));
      }
    });

    it('fails quietly where it cannot write, and keeps nothing of a very large glossary', () => {
      const blocker = path.join(scratch, 'a-file');
      writeFileSync(blocker, 'not a folder');
      const logs: string[] = [];
      const blocked = new FileGlossaryCache(path.join(blocker, 'storage'), 'code', (m) => logs.push(m));
      const service = new PolicyService({ glossaryCache: blocked });
      service.setGlossaryFiles(glossaryTexts);
      service.saveGlossaryToCache();
      assert.match(logs.join('\n'), /could not be written/);

      const folder = path.join(scratch, 'large');
      const large = new FileGlossaryCache(folder, 'code');
      const texts = [{ uri: 'file:///w/large.glossary.yaml', text: `entries: []\n${'#'.repeat(MAX_CACHED_GLOSSARY_CHARS)}\n` }];
      const files = texts.map((t) => loadGlossaryFile(t.uri, t.text));
      large.save(texts, snapshotOf(files, compileGlossary(mergeGlossary(files))));
      assert.equal(existsSync(path.join(folder, GLOSSARY_CACHE_FILE)), false);
    });
  });

  describe('on worker threads', () => {
    const hooks: IndexerHooks = {
      isGlossary: (uri) => uri.endsWith('.glossary.yaml'),
      isDocument: (uri) => uri.endsWith('.txt') || uri.endsWith('.md'),
      isOpen: () => false,
    };
    const ON_WORKERS: WorkerIndexerOptions = { minDocuments: 1, maxWorkers: 2 };

    async function indexWith(root: string, indexing: WorkerIndexerOptions, glossaryCache?: GlossaryCache) {
      const service = new PolicyService({ glossaryCache });
      const failures: string[] = [];
      assert.equal(await indexWorkspace(service, new NodeWorkspace([root], indexing), { ...hooks, onWorkerFailure: (r) => failures.push(r) }, { cancelled: false }), true);
      assert.deepEqual(failures, []);
      const ids = service.getGlossary().entries.map((e) => e.id);
      /** The index's documents and mentions of each entry named (of this glossary or another). */
      const rootUri = pathToFileURL(root).toString();
      const indexOf = (names: readonly string[]) =>
        names.map((id) => ({ id, documents: service.index.documentsOf(id).map((d) => ({ path: d.uri.slice(rootUri.length), mentions: d.mentions })) }));
      return { service, ids, index: indexOf(ids), indexOf };
    }

    it('takes the glossary from the cache on every thread', async () => {
      // The cache is made to hold, for the workspace's own glossary texts, the glossary of other texts:
      // the index then shows that glossary's entries wherever the documents were read.
      const root = path.join(scratch, 'planted');
      cpSync(generatedRoot, root, { recursive: true });
      const own = textsOf(filesUnder(root, ['.glossary.yaml']));
      const planted = own.map((t) => ({ uri: t.uri, text: everyOtherEntry(t.text) }));
      assert.notEqual(planted[0].text, own[0].text);
      const folder = path.join(scratch, 'planted-storage');
      const cache = new FileGlossaryCache(folder);
      const files = planted.map((t) => loadGlossaryFile(t.uri, t.text));
      assert.ok('bytes' in writeGlossaryCache({ texts: own, ...cache.options }, snapshotOf(files, compileGlossary(mergeGlossary(files)))));

      const plantedRoot = path.join(scratch, 'planted-texts');
      cpSync(generatedRoot, plantedRoot, { recursive: true });
      for (const t of planted) writeFileSync(path.join(plantedRoot, path.relative(root, new URL(t.uri).pathname)), t.text);
      const expected = await indexWith(plantedRoot, { minDocuments: Number.POSITIVE_INFINITY });
      const withCache = await indexWith(root, { ...ON_WORKERS, glossaryCache: cache }, cache);
      const withoutCache = await indexWith(root, ON_WORKERS);
      assert.ok(expected.ids.length < withoutCache.ids.length, 'the planted glossary has fewer entries');
      assert.deepEqual(withCache.ids, expected.ids);
      // Over the entries of both glossaries: those left out of the planted one are mentioned nowhere.
      const everyId = withoutCache.ids;
      assert.deepEqual(withCache.indexOf(everyId), expected.indexOf(everyId));
      assert.notDeepEqual(withCache.indexOf(everyId), withoutCache.indexOf(everyId));
      assert.ok(withCache.index.some((e) => e.documents.length > 0));
    });

    it('builds the same index with a cache, empty or full, as without one', async () => {
      const folder = path.join(scratch, 'worker-storage');
      const cache = new FileGlossaryCache(folder);
      const without = await indexWith(generatedRoot, ON_WORKERS);
      const firstStart = await indexWith(generatedRoot, { ...ON_WORKERS, glossaryCache: cache }, cache);
      assert.equal(firstStart.service.saveGlossaryToCache(), true);
      const restart = await indexWith(generatedRoot, { ...ON_WORKERS, glossaryCache: cache }, cache);
      assert.equal(restart.service.saveGlossaryToCache(), false, 'it came from the cache');
      assert.deepEqual(firstStart.index, without.index);
      assert.deepEqual(restart.index, without.index);
    });
  });
});
