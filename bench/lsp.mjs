#!/usr/bin/env node
// The language-server figures: the bundled server (dist/server.js) over stdio on a generated workspace.
//
//   node bench/lsp.mjs [--documents N] [--bytes N] [--entries N] [--hovers N] [--edits N]
//                      [--glossary-edits N] [--only index,hover,...] [--phase-limit SECONDS]
//                      [--cpu-prof DIR] [--profile-phases DIR] [--server BUNDLE]
//                      [--universe N] [--big BYTES] [--seed S] [--help]
//
// --cpu-prof DIR profiles the whole server process; --profile-phases DIR writes one CPU profile of the
// server per phase (index.cpuprofile, keystroke.cpuprofile, ...) through a preloaded signal handler.
// Each phase stops early after --phase-limit seconds (45 by default) so that a slow server cannot make
// the run endless; each figure reports its sample count n.
//
// Prints one JSON object (the figures) on the last line of stdout.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SERVER_BUNDLE } from './lib/build.mjs';
import { BenchLspClient, delay } from './lib/lspClient.mjs';
import { createRandom } from './lib/random.mjs';
import { mb, positionMapper, round1, summarize } from './lib/stats.mjs';
import { BIG_DOCUMENT_BYTES, DEFAULT_SEED, ensureWorkspace } from './generate.mjs';

export const PHASES = ['index', 'restart', 'hover', 'definition', 'references', 'symbols', 'keystroke', 'glossaryEdit'];

const languageOf = (path) => (path.endsWith('.md') ? 'markdown' : 'plaintext');
const now = () => performance.now();

/** Runs the figures on one workspace size. `log` gets progress lines (stderr). */
export async function runLspBench(options) {
  const {
    seed = DEFAULT_SEED,
    documents,
    bytes,
    entries,
    universe = 100_000,
    bigDocumentBytes = BIG_DOCUMENT_BYTES,
    hovers = 1000,
    edits = 200,
    glossaryEdits = 10,
    referenceRepeats = 20,
    symbolQueries = 50,
    reindexWaitMs = 30_000,
    /** Each phase stops early after this long (the figures then say how many samples they have). */
    phaseLimitMs = 45_000,
    only = PHASES,
    cpuProfDir,
    phaseProfileDir,
    serverBundle = SERVER_BUNDLE,
    log = () => {},
  } = options;
  const ws = ensureWorkspace({ seed, entries, documents, bytes, universe, bigDocumentBytes, log });
  const root = ws.root;
  const uriOf = (path) => pathToFileURL(join(root, path)).toString();
  const random = createRandom(seed, 'lsp-requests', documents, bytes, entries);
  const result = {
    workspace: { documents: ws.documents, bytes: ws.bytes, mb: mb(ws.bytes), entries, bigDocumentBytes: ws.big.bytes },
    errors: [],
  };
  const nodeArgs = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [];
  if (phaseProfileDir) {
    mkdirSync(phaseProfileDir, { recursive: true });
    nodeArgs.push('--require', join(dirname(fileURLToPath(import.meta.url)), 'lib', 'phase-profiler.cjs'));
  }
  const client = new BenchLspClient(serverBundle, nodeArgs, phaseProfileDir ? { POLICY_GLOSS_BENCH_PROFILE_DIR: phaseProfileDir } : {});
  // The extension gives the server its workspace storage for the glossary cache; a fresh folder here, so
  // that the first start builds the glossary as on a first ever start, and the restart finds it kept.
  const cacheFolder = mkdtempSync(join(tmpdir(), 'policy-gloss-bench-storage-'));
  const initializationOptions = { glossaryCacheFolder: cacheFolder };
  /** Toggles the server's profiler (phase profiles only) and waits until it has answered. */
  const toggleProfiler = async (phase, marker) => {
    if (!phaseProfileDir) return;
    rmSync(join(phaseProfileDir, marker), { force: true });
    writeFileSync(join(phaseProfileDir, 'phase'), phase);
    process.kill(client.child.pid, 'SIGUSR2');
    for (let k = 0; k < 600 && !existsSync(join(phaseProfileDir, marker)); k++) await delay(50);
  };
  /** The server's resident memory after each phase (MB), and its peak so far: where memory grows. */
  result.memoryByPhase = {};
  const recordMemory = (phase) => {
    const m = client.memory();
    result.memoryByPhase[phase] = { rssMb: mb(m.rss), peakRssMb: mb(m.peakRss) };
  };
  const attempt = async (name, body) => {
    if (!only.includes(name)) return;
    await toggleProfiler(name, 'started');
    const started = now();
    try {
      await body();
    } catch (error) {
      result.errors.push(`${name}: ${error?.message ?? error}`);
    }
    await toggleProfiler(name, 'stopped');
    recordMemory(name);
    log(`  ${name} done in ${((now() - started) / 1000).toFixed(1)} s`);
  };

  try {
    // --- complete index: from `initialized` to the status that says the index is complete ----------------
    await client.initialize(root, initializationOptions);
    const indexed = client.waitForStatus((s) => !s.indexing);
    const progressEnd = client.waitForProgressEnd().catch(() => undefined);
    await toggleProfiler('index', 'started');
    const t0 = now();
    await client.initialized();
    const status = await indexed;
    const indexMs = now() - t0;
    await Promise.race([progressEnd, delay(1000)]);
    await toggleProfiler('index', 'stopped');
    result.index = {
      ms: Math.round(indexMs),
      progressEndMs: client.progressEnds.length > 0 ? Math.round(client.progressEnds[0] - t0) : null,
      documents: status.documents,
      entries: status.entries,
      glossaryErrors: status.glossaryErrors,
      mbPerSecond: round1(ws.bytes / 1e6 / (indexMs / 1000)),
    };
    recordMemory('index');
    log(`  index: ${result.index.ms} ms for ${status.documents} documents`);

    // --- open the documents a user works on -------------------------------------------------------
    const openDocs = ws.open.map((o) => ({ ...o, uri: uriOf(o.path), text: readFileSync(join(root, o.path), 'utf8') }));
    const big = { ...ws.big, uri: uriOf(ws.big.path), text: readFileSync(join(root, ws.big.path), 'utf8') };
    for (const doc of [...openDocs, big]) doc.position = positionMapper(doc.text);
    const needsOpen = only.some((p) => p !== 'index');
    if (needsOpen) {
      const opened = [];
      for (const doc of openDocs) {
        opened.push(client.waitForDiagnostics((p) => p.uri === doc.uri));
        await client.open(doc.uri, doc.text, languageOf(doc.path));
      }
      await Promise.all(opened);
      const t = now();
      const bigDiagnostics = client.waitForDiagnostics((p) => p.uri === big.uri);
      await client.open(big.uri, big.text, 'markdown');
      const published = await bigDiagnostics;
      result.openBigDocument = { ms: Math.round(now() - t), diagnostics: published.diagnostics.length };
      recordMemory('open');
    }

    // Mentions written by the generator in the open documents, of entries the glossary has.
    const targets = [];
    for (const doc of [...openDocs, big]) {
      const known = doc.mentions.filter((m) => m[2] < entries);
      if (known.length > 0) targets.push({ doc, mentions: known });
    }
    const randomTarget = () => {
      const t = random.pick(targets);
      const [offset, length, entryIndex, match] = random.pick(t.mentions);
      let at = offset + Math.floor(length / 2);
      if (/\s/.test(t.doc.text[at])) at = offset;
      return { uri: t.doc.uri, position: t.doc.position(at), entryIndex, match };
    };

    const timeRequests = async (method, count) => {
      const samples = [];
      let answered = 0;
      const deadline = now() + phaseLimitMs;
      for (let k = 0; k < count && now() < deadline; k++) {
        const target = randomTarget();
        const t = now();
        const response = await client.request(method, { textDocument: { uri: target.uri }, position: target.position });
        samples.push(now() - t);
        if (response && (!Array.isArray(response) || response.length > 0)) answered++;
      }
      return { ...summarize(samples), answered };
    };

    await attempt('hover', async () => {
      result.hover = await timeRequests('textDocument/hover', hovers);
    });
    await attempt('definition', async () => {
      result.definition = await timeRequests('textDocument/definition', hovers);
    });

    // --- references of the entry mentioned once in every document -------------------------------
    await attempt('references', async () => {
      const doc = openDocs.find((d) => d.mentions.some((m) => m[2] === 0));
      if (!doc) throw new Error('no open document mentions the hot entry');
      const m = doc.mentions.find((x) => x[2] === 0);
      const position = doc.position(m[0] + 1);
      const samples = [];
      let count = 0;
      const deadline = now() + phaseLimitMs;
      for (let k = 0; k < referenceRepeats && now() < deadline; k++) {
        const t = now();
        const locations = await client.request('textDocument/references', { textDocument: { uri: doc.uri }, position, context: { includeDeclaration: false } });
        samples.push(now() - t);
        count = locations?.length ?? 0;
      }
      result.references = { ...summarize(samples), locations: count, expectedMentions: ws.hot.mentions, entry: ws.hot.id };
    });

    // --- workspace symbols: prefixes of names, as a user types them --------------------------------
    await attempt('symbols', async () => {
      const words = [];
      for (const t of targets) for (const m of t.mentions) words.push(t.doc.text.slice(m[0], m[0] + m[1]));
      const samples = [];
      let results = 0;
      const deadline = now() + phaseLimitMs;
      for (let k = 0; k < symbolQueries && now() < deadline; k++) {
        const word = random.pick(words).replace(/\s+/g, ' ');
        const query = word.slice(0, random.between(2, Math.min(8, word.length)));
        const t = now();
        const symbols = await client.request('workspace/symbol', { query });
        samples.push(now() - t);
        results += symbols?.length ?? 0;
      }
      result.workspaceSymbols = { ...summarize(samples), meanResults: Math.round(results / samples.length) };
    });

    // --- one-character edits of the 1 MB open document ----------------------------------------------
    await attempt('keystroke', async () => {
      const samples = [];
      const deadline = now() + phaseLimitMs;
      // An even number of edits, so that the document ends as it began.
      for (let k = 0; k < edits && (k % 2 === 1 || now() < deadline); k++) {
        // Insert a letter, then take it out again: the text stays the same size over the run.
        const insert = k % 2 === 0;
        if (insert) big.editAt = big.position(random.int(big.text.length));
        const at = big.editAt;
        const change = insert
          ? { range: { start: at, end: at }, text: 'x' }
          : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
        const t = now();
        const version = client.change(big.uri, [change]);
        await client.waitForDiagnostics((p) => p.uri === big.uri && p.version === version, 60_000);
        samples.push(now() - t);
      }
      result.keystroke = summarize(samples);
    });

    // --- a glossary edit re-diagnoses the open documents --------------------------------------------
    await attempt('glossaryEdit', async () => {
      if (needsOpen) await client.close(big.uri);
      const glossaryPath = ws.glossaryFiles[0];
      const glossaryUri = uriOf(glossaryPath);
      const glossaryText = readFileSync(join(root, glossaryPath), 'utf8');
      const glossaryPosition = positionMapper(glossaryText);
      const openUris = new Set(openDocs.map((d) => d.uri));
      /** Resolves once every open document has new diagnostics. */
      const allDiagnosed = (timeoutMs) => {
        const waiting = new Set(openUris);
        return new Promise((resolve, reject) => {
          const stop = client.onDiagnostics((p) => {
            waiting.delete(p.uri);
            if (waiting.size > 0) return;
            stop();
            clearTimeout(timer);
            resolve();
          });
          const timer = setTimeout(() => {
            stop();
            reject(new Error(`timed out waiting for the diagnostics of ${waiting.size} documents`));
          }, timeoutMs);
        });
      };
      const first = allDiagnosed(120_000);
      const t = now();
      await client.open(glossaryUri, glossaryText, 'yaml');
      await first;
      result.openGlossary = { ms: Math.round(now() - t) };
      // Type a letter into an alias that documents use, then delete it: each edit changes recognition.
      const aliasLine = /^ {4}aliases: \[(Nguyen Manh Cuong)\]/m.exec(glossaryText) ?? /^ {4}aliases: \[([^\],]+)/m.exec(glossaryText);
      if (!aliasLine) throw new Error('no alias to edit in the glossary');
      // Inside the alias, right after its last letter (not after a closing bracket: that would be a YAML error).
      const editOffset = aliasLine.index + aliasLine[0].indexOf(aliasLine[1]) + aliasLine[1].length;
      const at = glossaryPosition(editOffset);
      const samples = [];
      const deadline = now() + phaseLimitMs;
      for (let k = 0; k < glossaryEdits && (k % 2 === 1 || now() < deadline); k++) {
        const insert = k % 2 === 0;
        const change = insert
          ? { range: { start: at, end: at }, text: 'x' }
          : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
        const done = allDiagnosed(120_000);
        const t1 = now();
        client.change(glossaryUri, [change]);
        await done;
        samples.push(now() - t1);
      }
      result.glossaryEdit = { ...summarize(samples), openDocuments: openUris.size };
      // The documents on disk are scanned again after the edits (information only; waited for up to a limit).
      const t2 = now();
      const finished = await client.waitForStatus((s) => !s.indexing, reindexWaitMs).then(() => true, () => false);
      result.reindexAfterGlossaryEdit = { ms: Math.round(now() - t2), finished };
    });
  } catch (error) {
    result.errors.push(String(error?.stack ?? error));
  } finally {
    const memory = client.memory();
    result.peakRss = memory.peakRss;
    result.peakRssMb = mb(memory.peakRss);
    await client.shutdown();
    if (client.stderr.trim()) result.serverStderr = client.stderr.slice(0, 2000);
    const errorsLogged = client.logs.filter((l) => /error|failed/i.test(l));
    if (errorsLogged.length > 0) result.serverErrors = errorsLogged.slice(0, 10);
  }
  // --- complete index after a restart: a second server on the same workspace and storage, where the
  // first kept its glossary as it shut down ---------------------------------------------------------
  if (only.includes('restart') && result.index) {
    try {
      result.restart = await measureRestart(serverBundle, root, initializationOptions, client, ws.bytes);
      log(`  restart: ${result.restart.ms} ms, glossary ${result.restart.glossaryFromCache ? 'from the cache' : 'built'}`);
    } catch (error) {
      result.errors.push(`restart: ${error?.message ?? error}`);
    }
  }
  rmSync(cacheFolder, { recursive: true, force: true });
  return result;
}

/** Starts a second server on the same workspace and storage, and times its complete index as the first one's. */
async function measureRestart(serverBundle, root, initializationOptions, first, bytes) {
  const kept = (client) => client.logs.some((line) => line.startsWith('Glossary cache: kept'));
  const second = new BenchLspClient(serverBundle, [], {});
  try {
    await second.initialize(root, initializationOptions);
    const indexed = second.waitForStatus((s) => !s.indexing);
    const t0 = now();
    await second.initialized();
    const status = await indexed;
    const ms = now() - t0;
    return {
      ms: Math.round(ms),
      documents: status.documents,
      mbPerSecond: round1(bytes / 1e6 / (ms / 1000)),
      glossaryKept: kept(first),
      glossaryFromCache: second.logs.some((line) => line.startsWith('Glossary cache: read')),
      peakRssMb: mb(second.memory().peakRss),
    };
  } finally {
    await second.shutdown();
  }
}

function parseArgs(argv) {
  const args = { documents: 100, bytes: 1_000_000, entries: 10_000, hovers: 1000, edits: 200, glossaryEdits: 10, only: PHASES };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i];
    if (a === '--documents') args.documents = Number(value());
    else if (a === '--bytes') args.bytes = Number(value());
    else if (a === '--entries') args.entries = Number(value());
    else if (a === '--universe') args.universe = Number(value());
    else if (a === '--big') args.bigDocumentBytes = Number(value());
    else if (a === '--hovers') args.hovers = Number(value());
    else if (a === '--edits') args.edits = Number(value());
    else if (a === '--glossary-edits') args.glossaryEdits = Number(value());
    else if (a === '--only') args.only = value().split(',');
    else if (a === '--cpu-prof') args.cpuProfDir = value();
    else if (a === '--profile-phases') args.phaseProfileDir = value();
    else if (a === '--server') args.serverBundle = value();
    else if (a === '--phase-limit') args.phaseLimitMs = Number(value()) * 1000;
    else if (a === '--seed') args.seed = value();
    else if (a === '--help' || a === '-h') args.help = true;
    else throw new Error(`unknown option ${a}`);
  }
  return args;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    // The usage is the comment at the top of this file.
    const usage = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1).filter((line) => line.startsWith('//')).map((line) => line.replace(/^\/\/ ?/, ''));
    process.stdout.write(`${usage.join('\n')}\n\nPhases: ${PHASES.join(', ')}. The largest workspace of the benchmark, index only:\n  node bench/lsp.mjs --documents 10000 --bytes 100000000 --entries 10000 --universe 100000 --only index\n`);
    process.exit(0);
  }
  const result = await runLspBench({ ...args, log: (m) => process.stderr.write(`${m}\n`) });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
