import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { describeServerHealth, RestartWindow } from '../../client/src/serverHealth';

const status = { indexing: false, entries: 27, glossaryFiles: 2, glossaryErrors: 0, documents: 5 };

describe('RestartWindow', () => {
  it('allows the configured number of restarts within the window, then refuses', () => {
    const window = new RestartWindow(3, 60_000);
    assert.deepEqual([0, 1000, 2000].map((t) => window.recordCrash(t).restart), [true, true, true]);
    assert.deepEqual(window.recordCrash(3000), { restart: false, recentCrashes: 4 });
  });

  it('forgets crashes older than the window', () => {
    const window = new RestartWindow(2, 10_000);
    window.recordCrash(0);
    window.recordCrash(5_000);
    assert.deepEqual(window.recordCrash(20_000), { restart: true, recentCrashes: 1 });
    assert.equal(window.recordCrash(21_000).restart, true);
    assert.equal(window.recordCrash(22_000).restart, false);
  });
});

describe('describeServerHealth', () => {
  it('shows the entry count and opens Problems when running', () => {
    const display = describeServerHealth({ phase: 'running', status });
    assert.equal(display.text, '$(book) 27 entries');
    assert.equal(display.action, 'openProblems');
    assert.equal(display.alert, false);
    assert.match(display.tooltip, /27 glossary entries from 2 glossary files/);
    assert.match(display.tooltip, /5 documents indexed/);
  });

  it('adds glossary errors and uses the singular for one', () => {
    const display = describeServerHealth({ phase: 'running', status: { ...status, entries: 1, glossaryErrors: 3 } });
    assert.equal(display.text, '$(book) 1 entry $(error) 3');
    assert.match(display.tooltip, /3 glossary errors/);
  });

  it('spins while indexing and while starting', () => {
    assert.equal(describeServerHealth({ phase: 'running', status: { ...status, indexing: true } }).text, '$(sync~spin) 27 entries');
    assert.match(describeServerHealth({ phase: 'starting' }).text, /^\$\(sync~spin\)/);
  });

  it('shows a restart after a crash, then a stopped server that a click restarts', () => {
    const restarting = describeServerHealth({ phase: 'starting', crash: { recentCrashes: 1, maxRestarts: 5, restarting: true } });
    assert.equal(restarting.text, '$(sync~spin) Policy Gloss restarting');
    assert.match(restarting.tooltip, /crash 1 of 5/);
    const stopped = describeServerHealth({ phase: 'stopped', crash: { recentCrashes: 6, maxRestarts: 5, restarting: false } });
    assert.equal(stopped.action, 'restartServer');
    assert.equal(stopped.alert, true);
    assert.match(stopped.tooltip, /crashed 6 times/);
  });

  it('offers a restart when the server was stopped without a crash', () => {
    assert.equal(describeServerHealth({ phase: 'stopped' }).action, 'restartServer');
  });
});
