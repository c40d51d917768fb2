import { strict as assert } from 'node:assert';
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { makeTree, parseJson, range, removeTree, runCli, TREE_GLOSSARY } from './runCli';

interface ScanOutput {
  glossary: { files: string[]; entries: number };
  documents: {
    path: string;
    mentions: { id: string; text: string; range: ReturnType<typeof range> }[];
    diagnostics: { code: string; severity: string; message: string; range: ReturnType<typeof range> }[];
  }[];
}
interface CheckJson {
  documents: number;
  skipped: { path: string; reason: string }[];
  diagnostics: { path: string; code: string; severity: string; range: ReturnType<typeof range> }[];
  summary: { errors: number; warnings: number };
}

const trees: string[] = [];
function tree(files: Record<string, string | Uint8Array>): string {
  const root = makeTree(files);
  trees.push(root);
  return root;
}
after(() => trees.forEach(removeTree));

const documentPaths = (output: ScanOutput) => output.documents.map((d) => d.path);

describe('policy-gloss file selection', () => {
  it('honours .gitignore files, nested ones and negations, and skips node_modules and .git', () => {
    const root = tree({
      'ws/terms.glossary.yaml': TREE_GLOSSARY,
      'ws/.gitignore': 'drafts/\n*.draft.md\n!keep.draft.md\n',
      'ws/a.txt': 'ASEAN\n',
      'ws/drafts/ignored.txt': 'ASEAN\n',
      'ws/plan.draft.md': 'ASEAN\n',
      'ws/keep.draft.md': 'ASEAN\n',
      'ws/sub/.gitignore': 'local.txt\n',
      'ws/sub/local.txt': 'ASEAN\n',
      'ws/sub/shared.txt': 'ASEAN\n',
      'ws/other/local.txt': 'ASEAN\n',
      'ws/node_modules/pkg/readme.md': 'ASEAN\n',
      'ws/deep/node_modules/x.txt': 'ASEAN\n',
      'ws/.git/notes.txt': 'ASEAN\n',
      'ws/.git/info.glossary.yaml': 'entries: []\n',
    });
    const output = parseJson(runCli(['scan', 'ws'], { cwd: root })) as ScanOutput;
    assert.deepEqual(output.glossary.files, ['ws/terms.glossary.yaml']);
    assert.deepEqual(documentPaths(output), ['ws/a.txt', 'ws/keep.draft.md', 'ws/other/local.txt', 'ws/sub/shared.txt']);
  });

  it('honours the .gitignore files of parent folders up to the repository root', () => {
    const root = tree({
      'repo/.gitignore': 'private/\n',
      'repo/docs/.gitignore': '*.tmp.txt\n',
      'repo/docs/inner/terms.glossary.yaml': TREE_GLOSSARY,
      'repo/docs/inner/a.txt': 'ASEAN\n',
      'repo/docs/inner/b.tmp.txt': 'ASEAN\n',
      'repo/docs/inner/private/c.txt': 'ASEAN\n',
    });
    mkdirSync(path.join(root, 'repo', '.git'));
    const output = parseJson(runCli(['scan', 'repo/docs/inner'], { cwd: root })) as ScanOutput;
    assert.deepEqual(documentPaths(output), ['repo/docs/inner/a.txt']);

    // Outside a repository only the .gitignore files inside the walked folder count.
    const loose = tree({ 'x/.gitignore': 'b.txt\n', 'x/y/terms.glossary.yaml': TREE_GLOSSARY, 'x/y/a.txt': 'A\n', 'x/y/b.txt': 'B\n' });
    const looseOutput = parseJson(runCli(['scan', 'x/y'], { cwd: loose })) as ScanOutput;
    assert.deepEqual(documentPaths(looseOutput), ['x/y/a.txt', 'x/y/b.txt']);
  });

  it('checks a file named on the command line even when .gitignore excludes it', () => {
    const root = tree({ '.gitignore': 'secret.txt\n', 'terms.glossary.yaml': TREE_GLOSSARY, 'secret.txt': 'ASEAN\n' });
    const output = parseJson(runCli(['scan', 'secret.txt', 'terms.glossary.yaml'], { cwd: root })) as ScanOutput;
    assert.deepEqual(documentPaths(output), ['secret.txt']);
  });

  it('does not follow symbolic links, so a link loop finishes at once', { skip: process.platform === 'win32' }, () => {
    const root = tree({ 'ws/terms.glossary.yaml': TREE_GLOSSARY, 'ws/sub/a.txt': 'ASEAN\n' });
    symlinkSync('..', path.join(root, 'ws', 'sub', 'loop'));
    symlinkSync(path.join(root, 'ws'), path.join(root, 'ws', 'self'));
    symlinkSync('a.txt', path.join(root, 'ws', 'sub', 'link.txt'));
    symlinkSync('missing.txt', path.join(root, 'ws', 'dangling.txt'));
    const run = runCli(['scan', 'ws'], { cwd: root, timeoutMs: 20_000 });
    assert.equal(run.signal, null, 'the walk finished');
    assert.equal(run.status, 0);
    assert.deepEqual(documentPaths(parseJson(run) as ScanOutput), ['ws/sub/a.txt']);
  });
});

describe('policy-gloss file reading', () => {
  it('reads UTF-8 with a byte order mark; positions do not count the mark', () => {
    const root = tree({
      'terms.glossary.yaml': '\uFEFF' + TREE_GLOSSARY,
      'bom.txt': '\uFEFFLê Hoài Trung met ASEAN envoys.\r\nASEAN\r\n',
    });
    const run = runCli(['scan', '.'], { cwd: root });
    const output = parseJson(run) as ScanOutput;
    assert.equal(output.glossary.entries, 2);
    const [doc] = output.documents;
    assert.equal(doc.path, 'bom.txt');
    assert.deepEqual(
      doc.mentions.map((m) => [m.id, m.text, m.range]),
      [
        ['le-hoai-trung', 'Lê Hoài Trung', range(0, 0, 0, 13)],
        ['asean', 'ASEAN', range(0, 18, 0, 23)],
        ['asean', 'ASEAN', range(1, 0, 1, 5)],
      ],
    );
    assert.deepEqual(doc.diagnostics, []);
  });

  it('reports invalid UTF-8 per file as a warning at the first bad byte, and keeps checking', () => {
    const bad = Buffer.concat([
      Buffer.from('First line\nBad ', 'utf8'),
      // 0xFF never occurs in UTF-8; 0xC3 starts a sequence that the space then breaks.
      Buffer.from([0xff, 0xc3]),
      Buffer.from(' here, ASEAN\n', 'utf8'),
    ]);
    const root = tree({
      'terms.glossary.yaml': TREE_GLOSSARY,
      'bad.txt': bad,
      // A replacement character written in the file itself is valid UTF-8.
      'good.txt': 'Replacement \uFFFD character, ASEAN\n',
    });
    const check = runCli(['check', '.'], { cwd: root });
    assert.equal(check.status, 0, 'warnings alone do not fail');
    assert.equal(
      check.stdout,
      'bad.txt:2:5: warning invalid-encoding The file is not valid UTF-8: 2 sequences were replaced by U+FFFD (first here). Save it as UTF-8.\n' +
        'Checked 2 documents and 1 glossary file: 1 warning.\n',
    );

    const scan = parseJson(runCli(['scan', '.'], { cwd: root })) as ScanOutput;
    const badDoc = scan.documents.find((d) => d.path === 'bad.txt')!;
    assert.deepEqual(badDoc.diagnostics.map((d) => [d.code, d.severity, d.range]), [['invalid-encoding', 'warning', range(1, 4, 1, 5)]]);
    // Two U+FFFD stand for the two bad bytes, so the mention after them is at character 13.
    assert.deepEqual(badDoc.mentions.map((m) => [m.id, m.range]), [['asean', range(1, 13, 1, 18)]]);
    assert.deepEqual(scan.documents.find((d) => d.path === 'good.txt')!.diagnostics, []);
  });

  it('leaves invalid UTF-8 in a glossary file to the glossary loader, which reports it once', () => {
    const root = tree({
      'terms.glossary.yaml': Buffer.concat([Buffer.from('# \xe9', 'latin1'), Buffer.from(`\n${TREE_GLOSSARY}`, 'utf8')]),
      'my notes/a b.md': Buffer.concat([Buffer.from('ASEAN '), Buffer.from([0xc0, 0x80]), Buffer.from('\n')]),
    });
    const json = parseJson(runCli(['check', '--format', 'json', '.'], { cwd: root })) as CheckJson;
    assert.deepEqual(
      json.diagnostics.map((d) => [d.path, d.code, d.severity, d.range.start]),
      [
        ['my notes/a b.md', 'invalid-encoding', 'warning', { line: 0, character: 6 }],
        ['terms.glossary.yaml', 'invalid-encoding', 'warning', { line: 0, character: 2 }],
      ],
    );
    const scan = parseJson(runCli(['scan', '.'], { cwd: root })) as ScanOutput;
    assert.equal(scan.glossary.entries, 2);
    assert.deepEqual(scan.documents.map((d) => [d.path, d.mentions.map((m) => m.id)]), [['my notes/a b.md', ['asean']]]);

    // Paths become URI references in SARIF.
    const sarif = parseJson(runCli(['check', '--format', 'sarif', '.'], { cwd: root })) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    assert.deepEqual(
      sarif.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri),
      ['my%20notes/a%20b.md', 'terms.glossary.yaml'],
    );
  });

  it('applies --max-warnings: more warnings than N exit 1 with a message', () => {
    const root = tree({
      'terms.glossary.yaml': TREE_GLOSSARY,
      'one.txt': Buffer.from([0x41, 0xff, 0x0a]),
      'two.txt': Buffer.from([0x42, 0xfe, 0x0a]),
    });
    const atLimit = runCli(['check', '--max-warnings', '2', '.'], { cwd: root });
    assert.equal(atLimit.status, 0);
    assert.equal(atLimit.stderr, '');
    const overLimit = runCli(['check', '--max-warnings', '1', '.'], { cwd: root });
    assert.equal(overLimit.status, 1);
    assert.equal(overLimit.stderr, 'policy-gloss: 2 warnings found, more than --max-warnings 1 allows\n');
    assert.match(overLimit.stdout, /: 2 warnings\.\n$/);
    const zero = runCli(['check', '--max-warnings=0', '--format', 'sarif', '.'], { cwd: root });
    assert.equal(zero.status, 1);
    assert.equal((parseJson(zero) as { runs: { results: unknown[] }[] }).runs[0].results.length, 2);
  });

  it('skips binary files with a note on stderr', () => {
    const root = tree({
      'terms.glossary.yaml': TREE_GLOSSARY,
      'image.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      'utf16.txt': Buffer.from('\uFEFFASEAN', 'utf16le'),
      'a.txt': 'ASEAN\n',
    });
    const run = runCli(['check', '.'], { cwd: root });
    assert.equal(run.status, 0);
    assert.equal(run.stderr, 'policy-gloss: skipped image.txt: binary file\npolicy-gloss: skipped utf16.txt: binary file\n');
    assert.equal(run.stdout, 'Checked 1 document and 1 glossary file: no problems (2 files skipped).\n');

    const json = parseJson(runCli(['check', '--format', 'json', '.'], { cwd: root })) as CheckJson;
    assert.deepEqual(json.skipped, [
      { path: 'image.txt', reason: 'binary file' },
      { path: 'utf16.txt', reason: 'binary file' },
    ]);
    const scan = parseJson(runCli(['scan', '.'], { cwd: root })) as ScanOutput;
    assert.deepEqual(documentPaths(scan), ['a.txt']);
  });

  it('skips files over the size limit with a note', () => {
    const root = tree({
      'terms.glossary.yaml': TREE_GLOSSARY,
      'big.md': 'ASEAN '.repeat(400),
      'small.md': 'ASEAN\n',
    });
    const run = runCli(['check', '--max-file-size', '1K', '.'], { cwd: root });
    assert.equal(run.status, 0);
    assert.equal(run.stderr, 'policy-gloss: skipped big.md: 2.3 KB is over the 1 KB limit (--max-file-size)\n');
    assert.equal(run.stdout, 'Checked 1 document and 1 glossary file: no problems (1 file skipped).\n');
    const sarif = parseJson(runCli(['check', '--max-file-size=1024', '--format', 'sarif', '.'], { cwd: root })) as {
      runs: { invocations: { toolExecutionNotifications: { message: { text: string }; locations: unknown[] }[] }[] }[];
    };
    const [notification] = sarif.runs[0].invocations[0].toolExecutionNotifications;
    assert.match(notification.message.text, /over the 1 KB limit/);
    assert.deepEqual(notification.locations, [{ physicalLocation: { artifactLocation: { uri: 'big.md', uriBaseId: '%SRCROOT%' } } }]);
    // The default limit is far above this file.
    assert.equal(runCli(['check', '.'], { cwd: root }).stdout, 'Checked 2 documents and 1 glossary file: no problems.\n');
  });

  it('reports a binary glossary file as a glossary error, not as a skipped file', () => {
    const root = tree({ 'terms.glossary.yaml': Buffer.from([0x65, 0x00, 0x01]), 'a.txt': 'ASEAN\n' });
    const run = runCli(['check', '.'], { cwd: root });
    assert.equal(run.status, 1);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /^terms\.glossary\.yaml:1:1: error binary-content /);
  });

  it('exits 2 when a glossary found under PATH cannot be read', { skip: process.platform === 'win32' || process.getuid?.() === 0 }, () => {
    const root = tree({ 'terms.glossary.yaml': TREE_GLOSSARY, 'a.txt': 'ASEAN\n' });
    chmodSync(path.join(root, 'terms.glossary.yaml'), 0o000);
    const run = runCli(['check', '.'], { cwd: root });
    chmodSync(path.join(root, 'terms.glossary.yaml'), 0o644);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, 'policy-gloss: cannot read glossary terms.glossary.yaml: permission denied\n');
  });

  it('notes on stderr when no glossary or no document is found, without failing', () => {
    const root = tree({ 'a.txt': 'ASEAN\n', 'empty/.keep': '' });
    const noGlossary = runCli(['check', '.'], { cwd: root });
    assert.equal(noGlossary.status, 0);
    assert.match(noGlossary.stderr, /^policy-gloss: no glossary file found \(looked for \*\*\/\*\.glossary\.yaml, .*\); name one with --glossary FILE\n$/);
    assert.equal(noGlossary.stdout, 'Checked 1 document and 0 glossary files: no problems.\n');

    const noDocuments = runCli(['scan', 'empty'], { cwd: root });
    assert.equal(noDocuments.status, 0);
    assert.match(noDocuments.stderr, /no documents found \(looked for \*\*\/\*\.txt, \*\*\/\*\.md\)/);
    assert.deepEqual(parseJson(noDocuments), { version: 1, glossary: { files: [], entries: 0 }, documents: [] });
  });

  it('writes no progress when stderr is not a terminal', () => {
    const files: Record<string, string> = { 'terms.glossary.yaml': TREE_GLOSSARY };
    for (let i = 0; i < 300; i++) files[`docs/d${String(i).padStart(3, '0')}.txt`] = 'Lê Hoài Trung and ASEAN.\n'.repeat(20);
    const root = tree(files);
    const run = runCli(['check', '.'], { cwd: root });
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, 'Checked 300 documents and 1 glossary file: no problems.\n');
  });
});
