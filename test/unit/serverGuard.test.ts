import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CancellationToken, ResponseError } from 'vscode-languageserver';
import { guard, guardNotification } from '../../server/src/serverContext';

describe('handler guard', () => {
  const logged: string[] = [];
  const context = { logError: (message: string, error?: unknown) => logged.push(`${message}: ${error instanceof Error ? error.message : error}`) };

  it('answers with the fallback and logs when a handler throws or rejects', async () => {
    logged.length = 0;
    const sync = guard(context, 'hover', null, (): string | null => {
      throw new Error('boom');
    });
    assert.equal(await sync({}, CancellationToken.None), null);
    const rejected = guard(context, 'references', [] as string[], async () => Promise.reject(new Error('late boom')));
    assert.deepEqual(await rejected({}, CancellationToken.None), []);
    const fromParams = guard(context, 'resolve', { from: (p: { id: number }) => p }, (): { id: number } => {
      throw new Error('resolve boom');
    });
    assert.deepEqual(await fromParams({ id: 7 }, CancellationToken.None), { id: 7 });
    assert.deepEqual(logged, ['hover failed: boom', 'references failed: late boom', 'resolve failed: resolve boom']);
  });

  it('passes answers through and lets deliberate ResponseErrors reach the client', async () => {
    const ok = guard(context, 'ok', 0, (p: number) => p + 1);
    assert.equal(await ok(1, CancellationToken.None), 2);
    const refused = guard(context, 'rename', null, () => {
      throw new ResponseError(-32600, 'not a valid id');
    });
    await assert.rejects(refused({}, CancellationToken.None), /not a valid id/);
  });

  it('logs a failing notification handler', async () => {
    logged.length = 0;
    await guardNotification(context, 'watchedFiles', () => {
      throw new Error('disk gone');
    })({});
    assert.deepEqual(logged, ['watchedFiles failed: disk gone']);
  });
});
