import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { DocumentQueue } from '../../server/src/core/workspaceIndexer';
import { newTakenCounter, publishTaken, readAhead, warmFile } from '../../server/src/node/readAhead';

const uris = (n: number) => Array.from({ length: n }, (_, k) => `file:///w/${String(k).padStart(4, '0')}.txt`);

describe('reading ahead of the index', () => {
  it('reads in queue order, never a file already taken, never more than the window ahead', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 40 }), fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 50 }), (count, window, steps) => {
        const list = uris(count);
        const counter = newTakenCounter();
        const read: number[] = [];
        let step = 0;
        readAhead(list, counter, {
          window,
          read: (uri) => {
            const k = list.indexOf(uri);
            const taken = Atomics.load(counter, 0);
            assert.ok(k >= taken, `file ${k} was read after the index took it (${taken} taken)`);
            assert.ok(k < taken + window, `file ${k} was read more than ${window} ahead of ${taken}`);
            read.push(k);
          },
          // The indexing takes some documents whenever the reading is far enough ahead.
          wait: () => publishTaken(counter, Math.min(count, Atomics.load(counter, 0) + steps[step++ % steps.length])),
        });
        for (let j = 1; j < read.length; j++) assert.ok(read[j] > read[j - 1], 'in queue order, each file once');
        // Whatever the indexing had not taken when the reading went past it was read.
        if (count > 0) assert.equal(read[0], 0);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('skips to the indexing when it has overtaken the reading', () => {
    const list = uris(100);
    const counter = newTakenCounter();
    const read: string[] = [];
    readAhead(list, counter, {
      window: 10,
      read: (uri) => {
        read.push(uri);
        // The indexing races ahead while file 3 is read.
        if (uri === list[3]) publishTaken(counter, 60);
      },
      wait: () => publishTaken(counter, 100),
    });
    assert.deepEqual(read, [...list.slice(0, 4), ...list.slice(60, 70)]);
  });

  it('stops at once when everything has been taken', () => {
    const counter = newTakenCounter();
    publishTaken(counter, 5);
    let reads = 0;
    assert.equal(readAhead(uris(5), counter, { window: 8, read: () => reads++, wait: () => assert.fail('waited') }), 0);
    assert.equal(reads, 0);
  });

  it('follows a DocumentQueue: every take tells how many documents are gone', () => {
    const queue = new DocumentQueue(uris(10));
    const seen: number[] = [];
    queue.onTake = (taken) => seen.push(taken);
    queue.take(3);
    queue.take(4);
    queue.take(10);
    assert.deepEqual(seen, [3, 7, 10]);
    assert.equal(queue.taken, 10);
    assert.deepEqual(queue.upcoming(), []);
  });

  it('warms files without failing on what cannot be read', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'policy-gloss-read-ahead-'));
    try {
      const file = path.join(dir, 'a.txt');
      writeFileSync(file, 'x'.repeat(100_000));
      const scratch = Buffer.alloc(4096);
      warmFile(pathToFileURL(file).toString(), scratch);
      warmFile(pathToFileURL(path.join(dir, 'missing.txt')).toString(), scratch);
      warmFile(pathToFileURL(dir).toString(), scratch);
      warmFile('untitled:Untitled-1', scratch);
      // The scratch buffer was read into: reading happened.
      assert.equal(scratch.toString('utf8', 0, 4), 'xxxx');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
