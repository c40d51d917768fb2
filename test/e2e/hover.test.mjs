// The packaged extension in a real VS Code: open a sample document, hover an official, read the problem counts.
import assert from 'node:assert/strict';
import { e2eTest } from './workbench.mjs';

e2eTest('a hover on an official in the congress document shows the glossary card', async (workbench) => {
  await workbench.openFile('congress-foreign-policy.md');
  await workbench.screenshot('hover-1-document-open');

  const hover = await workbench.hoverAt('Nguyen Manh Cuong', { until: (text) => text.includes('Nguyễn Mạnh Cường') });
  assert.match(hover, /Nguyễn Mạnh Cường/);
  await workbench.screenshot('hover-2-nguyen-manh-cuong');

  // The server has analysed the document once the hover answers; its problems are now counted.
  await workbench.focusWorkbench();
  const counts = await workbench.problemsCount();
  for (const kind of ['errors', 'warnings', 'infos', 'total']) {
    assert.ok(Number.isInteger(counts[kind]) && counts[kind] >= 0, `${kind} is a count: ${JSON.stringify(counts)}`);
  }
  const panel = await workbench.problemsPanel();
  assert.equal(panel.total, counts.total, `the Problems panel agrees with the status bar: ${JSON.stringify(panel)}`);
  await workbench.screenshot('hover-3-problems-panel');
});
