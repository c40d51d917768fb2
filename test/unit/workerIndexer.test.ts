import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { PolicyService } from '../../server/src/core/service';
import { DocumentQueue, indexDocuments, indexWorkspace, type CancellationFlag, type IndexerHooks } from '../../server/src/core/workspaceIndexer';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace';
import type { WorkerIndexerOptions } from '../../server/src/node/indexWorkerPool';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

function hooks(extra: Partial<IndexerHooks> = {}): IndexerHooks {
  return {
    isGlossary: (uri) => uri.endsWith('.glossary.yaml'),
    isDocument: (uri) => uri.endsWith('.txt') || uri.endsWith('.md'),
    isOpen: () => false,
    ...extra,
  };
}

/** Indexes a folder with the given worker settings; reports what the pass said along the way. */
async function indexFolder(root: string, indexing: WorkerIndexerOptions, flag: CancellationFlag = { cancelled: false }) {
  const service = new PolicyService();
  const failures: string[] = [];
  const skipped: string[] = [];
  const progress: [number, number][] = [];
  const completed = await indexWorkspace(
    service,
    new NodeWorkspace([root], indexing),
    hooks({ onWorkerFailure: (reason) => failures.push(reason), onSkip: (uri) => skipped.push(uri), onProgress: (done, total) => progress.push([done, total]) }),
    flag,
  );
  return { service, completed, failures, skipped, progress };
}

/** Everything the index answers, per entry of the glossary. */
function snapshot(service: PolicyService) {
  const ids = service.getGlossary().entries.map((e) => e.id);
  return {
    uris: service.index.uris().sort(),
    stale: service.staleDocumentUris(),
    entries: ids.map((id) => ({ id, documents: service.index.documentsOf(id), annotations: service.index.annotationsOf(id), count: service.index.countOf(id) })),
  };
}

const IN_THREAD: WorkerIndexerOptions = { minDocuments: Number.POSITIVE_INFINITY };
const ON_WORKERS: WorkerIndexerOptions = { minDocuments: 1, maxWorkers: 2 };

describe('indexing on worker threads', () => {
  let scratch: string;
  let generated: string;
  let samples: string;

  before(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'policy-gloss-workers-'));
    const out = path.join(scratch, 'generated');
    const args = ['--entries', '300', '--universe', '2000', '--documents', '40', '--bytes', '240000', '--big', '30000', '--seed', 'workers', '--out', out];
    const stdout = execFileSync(process.execPath, [path.join(REPO_ROOT, 'bench', 'generate.mjs'), ...args], { encoding: 'utf8' });
    generated = (JSON.parse(stdout.trim().split('\n').pop()!) as { root: string }).root;
    samples = path.join(scratch, 'samples');
    cpSync(path.join(REPO_ROOT, 'samples'), samples, { recursive: true });
    // A binary file is skipped the same way on both paths.
    writeFileSync(path.join(samples, 'binary.txt'), 'abc\u0000def');
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  for (const [name, folder] of [
    ['the samples', () => samples],
    ['a generated workspace', () => generated],
  ] as const) {
    it(`builds the same index as the main thread does, on ${name}`, async () => {
      const alone = await indexFolder(folder(), IN_THREAD);
      const parallel = await indexFolder(folder(), ON_WORKERS);
      assert.equal(alone.completed, true);
      assert.equal(parallel.completed, true);
      assert.deepEqual(parallel.failures, []);
      assert.ok(alone.service.index.documentCount > 3, 'documents were indexed');
      assert.ok(snapshot(alone.service).entries.some((e) => e.count.mentions > 0), 'mentions were found');
      assert.deepEqual(snapshot(parallel.service), snapshot(alone.service));
      assert.deepEqual(parallel.skipped, alone.skipped);
      const total = alone.progress.at(-1)![1];
      assert.deepEqual(parallel.progress.at(-1), [total, total]);
    });
  }

  it('builds the same index without reading ahead and with a small read-ahead window', async () => {
    const alone = await indexFolder(generated, IN_THREAD);
    for (const readAheadWindow of [0, 3]) {
      const parallel = await indexFolder(generated, { ...ON_WORKERS, readAheadWindow });
      assert.equal(parallel.completed, true);
      assert.deepEqual(parallel.failures, []);
      assert.deepEqual(snapshot(parallel.service), snapshot(alone.service));
    }
  });

  it('falls back to the main thread when the worker file is missing, and loses nothing', async () => {
    const alone = await indexFolder(samples, IN_THREAD);
    const parallel = await indexFolder(samples, { ...ON_WORKERS, script: path.join(scratch, 'no-such-worker.js') });
    assert.equal(parallel.completed, true);
    assert.equal(parallel.failures.length, 1);
    assert.match(parallel.failures[0], /missing/);
    assert.deepEqual(snapshot(parallel.service), snapshot(alone.service));
  });

  it('falls back to the main thread when a worker crashes, and loses nothing', async () => {
    const crashing = path.join(scratch, 'crashing-worker.js');
    writeFileSync(crashing, "require('node:worker_threads').parentPort.on('message', () => { throw new Error('worker crashed'); });\n");
    const alone = await indexFolder(generated, IN_THREAD);
    const parallel = await indexFolder(generated, { ...ON_WORKERS, script: crashing });
    assert.equal(parallel.completed, true);
    assert.match(parallel.failures[0], /worker crashed/);
    assert.deepEqual(snapshot(parallel.service), snapshot(alone.service));
  });

  it('goes on with the other workers when one fails on a batch, and indexes that batch on the main thread', async () => {
    const workspace = new NodeWorkspace([generated]);
    const victim = (await workspace.listFiles()).find((uri) => uri.endsWith('.md'))!;
    const failing = path.join(scratch, 'failing-worker.js');
    // Fails on the batch holding one document, answers every other batch as the real worker does.
    const realWorker = path.join(REPO_ROOT, 'out', 'server', 'src', 'node', 'indexWorker.js');
    writeFileSync(
      failing,
      `require('node:worker_threads').parentPort.on('message', (request) => { if (request.uris.includes(${JSON.stringify(victim)})) throw new Error('failed on one batch'); });\nrequire(${JSON.stringify(realWorker)});\n`,
    );
    const alone = await indexFolder(generated, IN_THREAD);
    const parallel = await indexFolder(generated, { ...ON_WORKERS, script: failing });
    assert.equal(parallel.completed, true);
    assert.deepEqual(parallel.failures.length, 1);
    assert.match(parallel.failures[0], /failed on one batch/);
    assert.deepEqual(snapshot(parallel.service), snapshot(alone.service));
  });

  it('stops delivering when the pass is cancelled', async () => {
    const workspace = new NodeWorkspace([generated], ON_WORKERS);
    const uris = (await workspace.listFiles()).filter((uri) => uri.endsWith('.txt') || uri.endsWith('.md'));
    const flag = { cancelled: false };
    let deliveries = 0;
    const result = await workspace.parallelIndexer.run(uris, [], () => {
      deliveries++;
      flag.cancelled = true;
    }, flag);
    assert.equal(result.cancelled, true);
    assert.equal(deliveries, 1);
    assert.ok(result.undelivered.length > 0);
  });

  it('shares one queue between the workers and the caller: every document is taken once', async () => {
    const workspace = new NodeWorkspace([generated], ON_WORKERS);
    const uris = (await workspace.listFiles()).filter((uri) => uri.endsWith('.txt') || uri.endsWith('.md'));
    const queue = new DocumentQueue(uris);
    const byWorkers: string[] = [];
    const run = workspace.parallelIndexer.run(queue, [], (outcomes) => byWorkers.push(...outcomes.map((o) => o.uri)), { cancelled: false });
    // The caller takes small batches while the workers run, as a pass does on its own thread.
    const byCaller: string[] = [];
    for (let batch = queue.take(3); batch.length > 0; batch = queue.take(3)) {
      byCaller.push(...batch);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const result = await run;
    assert.deepEqual(result, { cancelled: false, undelivered: [], failure: undefined });
    assert.ok(byWorkers.length > 0, 'the workers took batches');
    assert.equal(new Set([...byWorkers, ...byCaller]).size, byWorkers.length + byCaller.length, 'no document was taken twice');
    assert.deepEqual([...byWorkers, ...byCaller].sort(), uris.slice().sort());
  });

  it('marks records made with the glossary texts of the pass as stale when the glossary changed during its load', async () => {
    const glossaryUri = pathToFileURL(path.join(samples, 'policy.glossary.yaml')).toString();
    const edited = `${readFileSync(path.join(samples, 'policy.glossary.yaml'), 'utf8')}\n  - id: added-official\n    kind: official\n    name: Nguyen Van Added\n`;
    const service = new PolicyService();
    // An editor's edit of the glossary arrives while the pass loads the glossary from disk.
    const update = service.updateGlossaryFiles.bind(service);
    let edits = 0;
    service.updateGlossaryFiles = (changes) => {
      const loaded = update(changes);
      if (edits++ === 0) void update([{ uri: glossaryUri, text: edited }]);
      return loaded;
    };
    const completed = await indexWorkspace(service, new NodeWorkspace([samples], ON_WORKERS), hooks(), { cancelled: false });
    assert.equal(completed, true);
    assert.equal(service.getGlossaryText(glossaryUri), edited);
    const stale = service.staleDocumentUris().filter((uri) => uri !== glossaryUri);
    assert.ok(stale.length > 0, 'records from the workers are stale');
    // Scanning the stale documents again gives the index the edited glossary gives.
    assert.equal(await indexDocuments(service, new NodeWorkspace([samples], ON_WORKERS), stale, hooks(), { cancelled: false }), true);
    assert.deepEqual(service.staleDocumentUris(), []);
    const fresh = new PolicyService();
    fresh.setGlossaryFile(glossaryUri, edited);
    await indexDocuments(fresh, new NodeWorkspace([samples], IN_THREAD), service.index.uris(), hooks(), { cancelled: false });
    assert.deepEqual(snapshot(service), snapshot(fresh));
  });

  it('merges nothing when the pass is cancelled while this thread loads the glossary', async () => {
    const service = new PolicyService();
    const flag = { cancelled: false };
    const update = service.updateGlossaryFiles.bind(service);
    service.updateGlossaryFiles = async (changes) => {
      const loaded = await update(changes);
      // Workers have been running since before the load; give them time to deliver.
      await new Promise((resolve) => setTimeout(resolve, 300));
      flag.cancelled = true;
      return loaded;
    };
    const completed = await indexWorkspace(service, new NodeWorkspace([generated], ON_WORKERS), hooks(), flag);
    assert.equal(completed, false);
    assert.equal(service.index.documentCount, 0);
  });

  it('fails the pass when merging an answer fails, as the main thread alone would', async () => {
    const workspace = new NodeWorkspace([generated], ON_WORKERS);
    const uris = (await workspace.listFiles()).filter((uri) => uri.endsWith('.txt') || uri.endsWith('.md'));
    await assert.rejects(
      workspace.parallelIndexer.run(uris, [], () => {
        throw new Error('merge failed');
      }, { cancelled: false }),
      /merge failed/,
    );
  });

  it('records made by workers are stale once the glossary changes', async () => {
    const { service } = await indexFolder(samples, ON_WORKERS);
    assert.deepEqual(service.staleDocumentUris(), []);
    const glossaryUri = pathToFileURL(path.join(samples, 'policy.glossary.yaml')).toString();
    service.setGlossaryFile(glossaryUri, `${service.getGlossaryText(glossaryUri)}\n  - id: added-term\n    kind: term\n    name: added term\n`);
    assert.deepEqual(service.staleDocumentUris().sort(), service.index.uris().sort());
  });
});
