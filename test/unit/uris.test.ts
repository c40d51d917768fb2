import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { baseName, isInsideRoots, isSameOrBelow, relativePathIn, resolveSource } from '../../server/src/core/uris';

const ROOT = 'file:///w/project';
const GLOSSARY = 'file:///w/project/glossary/policy.glossary.yaml';

describe('uris', () => {
  it('finds paths relative to a root, decoded', () => {
    assert.equal(relativePathIn('file:///w/project/docs/a%20b.txt', [ROOT]), 'docs/a b.txt');
    assert.equal(relativePathIn('file:///w/project2/a.txt', [ROOT]), undefined);
    assert.equal(isInsideRoots('file:///w/project', [ROOT + '/']), true);
    assert.equal(isSameOrBelow('file:///w/project/docs/a.txt', 'file:///w/project/docs'), true);
    assert.equal(isSameOrBelow('file:///w/project/docs2/a.txt', 'file:///w/project/docs'), false);
    assert.equal(baseName('file:///w/project/docs/a%20b.txt'), 'a b.txt');
  });

  it('links only http(s) URLs', () => {
    assert.deepEqual(resolveSource('https://example.org/x?y=1', GLOSSARY, [ROOT]), { kind: 'url', url: 'https://example.org/x?y=1' });
    for (const bad of ['javascript:alert(1)', 'command:workbench.action.quit', 'file:///etc/passwd', 'data:text/html,x']) {
      assert.equal(resolveSource(bad, GLOSSARY, [ROOT]).kind, 'text', bad);
    }
  });

  it('resolves workspace paths against the glossary folder, with an optional line', () => {
    assert.deepEqual(resolveSource('notes/r59.txt#L12', GLOSSARY, [ROOT]), {
      kind: 'file',
      uri: 'file:///w/project/glossary/notes/r59.txt',
      line: 11,
      path: 'notes/r59.txt',
    });
    assert.deepEqual(resolveSource('../docs/a b.md', GLOSSARY, [ROOT]), { kind: 'file', uri: 'file:///w/project/docs/a%20b.md', path: '../docs/a b.md' });
  });

  it('never resolves a path outside the workspace', () => {
    for (const outside of ['../../etc/passwd', '/etc/passwd', 'C:\\Windows\\win.ini', '..\\..\\x', '../../../w/other/x.txt']) {
      assert.equal(resolveSource(outside, GLOSSARY, [ROOT]).kind, 'text', outside);
    }
    assert.equal(resolveSource('docs/a.txt', GLOSSARY, []).kind, 'text');
  });

  it('follows symbolic links when told how: a link inside that leads out is text', () => {
    // docs/out.txt -> /home/me/private.txt; docs/in.txt -> /w/project/notes/x.txt; the root itself is reached
    // through a link (/w -> /data/w), as temporary folders often are.
    const links: Record<string, string> = {
      'file:///w/project': 'file:///data/w/project',
      'file:///w/project/glossary/docs/out.txt': 'file:///home/me/private.txt',
      'file:///w/project/glossary/docs/in.txt': 'file:///data/w/project/notes/x.txt',
      'file:///w/project/glossary/docs/plain.txt': 'file:///data/w/project/glossary/docs/plain.txt',
    };
    const realUri = (uri: string) => links[uri];
    assert.deepEqual(resolveSource('docs/out.txt', GLOSSARY, [ROOT], realUri), { kind: 'text', text: 'docs/out.txt' });
    assert.equal(resolveSource('docs/in.txt', GLOSSARY, [ROOT], realUri).kind, 'file');
    assert.equal(resolveSource('docs/plain.txt#L3', GLOSSARY, [ROOT], realUri).kind, 'file');
    // A file that does not exist (no real path) keeps its workspace target: opening it shows it is missing.
    assert.equal(resolveSource('docs/missing.txt', GLOSSARY, [ROOT], realUri).kind, 'file');
    assert.equal(resolveSource('docs/out.txt', GLOSSARY, [ROOT]).kind, 'file', 'without realUri only the path is checked');
  });
});
