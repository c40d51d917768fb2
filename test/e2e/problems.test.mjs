// The problem counts helper reads real, non-zero counts: VS Code's own JSON support reports a known error.
import assert from 'node:assert/strict';
import { e2eTest } from './workbench.mjs';

e2eTest(
  'problem counts from the status bar and the Problems panel include a known JSON error',
  async (workbench) => {
    await workbench.openFile('settings-with-error.json');
    const counts = await workbench.waitForProblems((c) => c.errors >= 1);
    const panel = await workbench.problemsPanel();
    assert.equal(panel.total, counts.total, `the Problems panel agrees with the status bar: ${JSON.stringify({ counts, panel })}`);
    assert.ok(
      panel.rows.some((row) => /^Error: Trailing comma/.test(row)),
      `the Problems panel lists the trailing comma: ${JSON.stringify(panel.rows)}`,
    );
    await workbench.screenshot('problems-json-error');
  },
  { files: { 'settings-with-error.json': '{ "a": 1, }\n' } },
);
