import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

// The benchmark workspace generator must give the same bytes for the same seed, or figures from two
// runs would not be comparable.
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const GENERATOR = path.join(REPO_ROOT, 'bench', 'generate.mjs');

function generate(out: string, seed: string): { digest: string; documents: number } {
  const args = [GENERATOR, '--entries', '300', '--universe', '2000', '--documents', '12', '--bytes', '60000', '--big', '20000', '--seed', seed, '--out', out];
  const stdout = execFileSync(process.execPath, args, { encoding: 'utf8' });
  return JSON.parse(stdout.trim().split('\n').pop()!) as { digest: string; documents: number };
}

/** Every file under `dir`, relative path -> bytes. */
function readTree(dir: string, prefix = ''): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) for (const [k, v] of readTree(dir, relative)) files.set(k, v);
    else files.set(relative, readFileSync(path.join(dir, relative)));
  }
  return files;
}

test('bench generator: the same seed gives the same bytes, another seed other bytes', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'bench-generate-'));
  try {
    const first = generate(path.join(scratch, 'a'), 'seed-one');
    const second = generate(path.join(scratch, 'b'), 'seed-one');
    const other = generate(path.join(scratch, 'c'), 'seed-two');
    const a = readTree(path.join(scratch, 'a'));
    const b = readTree(path.join(scratch, 'b'));
    assert.ok(a.size > 12, `expected documents, a glossary and a manifest, got ${a.size} files`);
    assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort());
    for (const [file, bytes] of a) assert.ok(bytes.equals(b.get(file)!), `${file} differs between two runs with the same seed`);
    assert.equal(first.digest, second.digest);
    assert.equal(first.documents, 13, 'twelve documents and the large one');
    assert.notEqual(other.digest, first.digest);
    // The glossary is format v1 and lists the entries asked for.
    const glossary = a.get(path.join('root', 'glossary', 'policy.glossary.yaml'))!.toString('utf8');
    assert.equal(glossary.match(/^ {2}- id: /gm)?.length, 300);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
