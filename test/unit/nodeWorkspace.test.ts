import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace';

describe('NodeWorkspace.listFiles', () => {
  let scratch: string;
  before(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'policy-gloss-list-'));
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('lists every file under the roots once, sorted, without node_modules, .git or symbolic links', async () => {
    const root = path.join(scratch, 'root');
    const expected: string[] = [];
    const file = (relative: string, listed = true) => {
      const full = path.join(root, relative);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, relative);
      if (listed) expected.push(pathToFileURL(full).toString());
    };
    file('policy.glossary.yaml');
    file('a.txt');
    file('notes/b.md');
    file('notes/deeper/c d.txt');
    file('notes/deeper/Đà Nẵng.txt');
    file('node_modules/pkg/readme.md', false);
    file('notes/node_modules/x.txt', false);
    file('.git/HEAD', false);
    file('.hidden/e.txt');
    // Many folders: more than one time slice of listing on a slow disk.
    for (let i = 0; i < 300; i++) file(`many/f${i}/g/doc${i}.txt`);
    mkdirSync(path.join(root, 'empty'));
    symlinkSync(path.join(root, 'notes'), path.join(root, 'link-to-notes'));
    symlinkSync(path.join(root, 'a.txt'), path.join(root, 'link-to-a.txt'));
    const other = path.join(scratch, 'other');
    mkdirSync(other);
    writeFileSync(path.join(other, 'z.txt'), 'z');
    expected.push(pathToFileURL(path.join(other, 'z.txt')).toString());

    const listed = await new NodeWorkspace([root, other, path.join(scratch, 'missing')]).listFiles();
    assert.deepEqual(listed, expected.sort());
  });
});
