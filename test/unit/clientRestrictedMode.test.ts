import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type * as vscode from 'vscode';
import {
  createRestrictedModeMiddleware,
  isInsideFolder,
  mayOpenInRestrictedMode,
  RESTRICTED_MODE_NOTE,
  targetOfUri,
} from '../../client/src/restrictedMode';

const FOLDER = '/home/ana/policy';
const file = (fsPath: string) => ({ scheme: 'file', fsPath });
const web = { scheme: 'https', fsPath: '/x' };

describe('Restricted Mode targets', () => {
  it('tells files inside a folder from files outside, resolving ..', () => {
    assert.equal(isInsideFolder('/home/ana/policy/notes/a.txt', FOLDER), true);
    assert.equal(isInsideFolder(FOLDER, FOLDER), true);
    assert.equal(isInsideFolder('/home/ana/policy/../../../etc/passwd', FOLDER), false);
    assert.equal(isInsideFolder('/home/ana/policy-other/a.txt', FOLDER), false);
    assert.equal(isInsideFolder('/home/ana/policy/..hidden', FOLDER), true);
  });

  it('allows web links and workspace files only', () => {
    assert.equal(mayOpenInRestrictedMode(web, [FOLDER]), true);
    assert.equal(mayOpenInRestrictedMode(file('/home/ana/policy/a.txt'), [FOLDER]), true);
    assert.equal(mayOpenInRestrictedMode(file('/etc/passwd'), [FOLDER]), false);
    assert.equal(mayOpenInRestrictedMode({ scheme: 'command', fsPath: 'evil' }, [FOLDER]), false);
    assert.equal(mayOpenInRestrictedMode(file('/home/ana/policy/a.txt'), []), false);
  });

  it('reads URI strings', () => {
    assert.deepEqual(targetOfUri(pathToFileURL('/etc/passwd').href), file('/etc/passwd'));
    assert.equal(targetOfUri('HTTPS://example.org/a').scheme, 'https');
    assert.deepEqual(targetOfUri('file://remote-host/share'), { scheme: 'file', fsPath: process.platform === 'win32' ? '\\\\remote-host\\share' : '' });
    assert.deepEqual(targetOfUri('no scheme'), { scheme: '', fsPath: '' });
  });
});

describe('Restricted Mode middleware', () => {
  const warnings: string[] = [];
  let trusted = false;
  const middleware = createRestrictedModeMiddleware({ isTrusted: () => trusted, workspaceFolders: () => [FOLDER], warn: (m) => warnings.push(m) });
  const token = {} as vscode.CancellationToken;
  const document = {} as vscode.TextDocument;
  const position = {} as vscode.Position;
  const link = (target?: { scheme: string; fsPath: string }) => ({ range: {}, target }) as unknown as vscode.DocumentLink;
  const location = (fsPath: string) => ({ uri: file(fsPath), range: {} }) as unknown as vscode.Location;

  it('drops document links that leave the workspace, unless the workspace is trusted', async () => {
    const links = [link(file('/home/ana/policy/sources/a.txt')), link(file('/etc/passwd')), link(web), link(undefined)];
    trusted = false;
    const kept = await middleware.provideDocumentLinks!(document, token, async () => links);
    assert.deepEqual(kept, [links[0], links[2], links[3]]);
    trusted = true;
    assert.deepEqual(await middleware.provideDocumentLinks!(document, token, async () => links), links);
  });

  it('strips the target of a resolved link that leaves the workspace', async () => {
    trusted = false;
    const resolved = await middleware.resolveDocumentLink!(link(undefined), token, async () => link(file('/etc/passwd')));
    assert.equal(resolved?.target, undefined);
    assert.equal(resolved?.tooltip, RESTRICTED_MODE_NOTE);
  });

  it('filters definitions: single locations, lists and location links', async () => {
    trusted = false;
    const inside = location('/home/ana/policy/policy.glossary.yaml');
    const outside = location('/etc/passwd');
    assert.equal(await middleware.provideDefinition!(document, position, token, async () => outside), undefined);
    assert.equal(await middleware.provideDefinition!(document, position, token, async () => inside), inside);
    assert.deepEqual(await middleware.provideDefinition!(document, position, token, async () => [outside, inside]), [inside]);
    const linkOutside = { targetUri: file('/etc/passwd'), targetRange: {} } as unknown as vscode.LocationLink;
    assert.deepEqual(await middleware.provideDefinition!(document, position, token, async () => [linkOutside]), []);
  });

  it('refuses to show a document outside the workspace, and says why', async () => {
    trusted = false;
    warnings.length = 0;
    let shown = 0;
    const next = async () => {
      shown++;
      return { success: true };
    };
    assert.deepEqual(await middleware.window!.showDocument!({ uri: pathToFileURL('/etc/passwd').href }, next), { success: false });
    assert.deepEqual(warnings, [RESTRICTED_MODE_NOTE]);
    assert.deepEqual(await middleware.window!.showDocument!({ uri: pathToFileURL('/home/ana/policy/a.txt').href }, next), { success: true });
    assert.equal(shown, 1);
  });
});
