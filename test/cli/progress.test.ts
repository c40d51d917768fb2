import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { Progress } from '../../server/src/cli/progress';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { isTTY, writes, write: (text: string) => writes.push(text) };
}

describe('CLI progress display', () => {
  it('draws on a terminal once a run is long enough, at a bounded rate, and clears its line', () => {
    let time = 0;
    const stream = fakeStream(true);
    const progress = new Progress(stream, () => time);
    progress.update('Checking documents', 1, 10);
    assert.deepEqual(stream.writes, [], 'nothing during the first moments');
    time = 400;
    progress.update('Checking documents', 2, 10);
    time = 450;
    progress.update('Checking documents', 3, 10);
    time = 520;
    progress.update('Finding files', 40);
    assert.deepEqual(stream.writes, ['\r\x1b[2KChecking documents 2/10', '\r\x1b[2KFinding files 40']);
    progress.clear();
    assert.equal(stream.writes.at(-1), '\r\x1b[2K');
    progress.clear();
    assert.equal(stream.writes.length, 3, 'clearing twice writes once');
  });

  it('never writes when the stream is not a terminal', () => {
    let time = 0;
    const stream = fakeStream(false);
    const progress = new Progress(stream, () => time);
    for (let i = 0; i < 20; i++) {
      time += 1000;
      progress.update('Checking documents', i, 20);
    }
    progress.clear();
    assert.deepEqual(stream.writes, []);
  });
});
