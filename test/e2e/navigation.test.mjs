// Navigation in a real VS Code: Go to Definition jumps from a mention to its glossary entry, Peek
// Definition shows the entry under the mention, Find All References lists every mention of an entry
// across the workspace's documents (English and Vietnamese) and its definition.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2eEnvironment, e2eTest, mentionsOf, scanWorkspace, waitFor } from './workbench.mjs';

/** 1-based line of the glossary entry with this id (its `- id:` line). */
function entryLine(glossaryText, id) {
  const index = glossaryText.split('\n').findIndex((line) => new RegExp(`^\\s*-\\s*id:\\s*${id}\\s*$`).test(line));
  assert.ok(index >= 0, `the sample glossary has an entry ${id}`);
  return index + 1;
}

e2eTest('Go to Definition on a mention opens the glossary at the entry, also from a short name', async (workbench) => {
  const glossary = readFileSync(join(e2eEnvironment().folder, 'policy.glossary.yaml'), 'utf8');
  const expectedLine = entryLine(glossary, 'nguyen-manh-cuong');
  await workbench.openFile('congress-foreign-policy.md');
  // The hover answers once the server has read the glossary.
  await workbench.hoverAt('Nguyen Manh Cuong', { until: (text) => text.includes('Nguyễn Mạnh Cường') });
  await workbench.focusWorkbench();

  for (const mention of ['Nguyen Manh Cuong', 'Cuong said']) {
    await workbench.openFile('congress-foreign-policy.md');
    const content = readFileSync(join(workbench.folder, 'congress-foreign-policy.md'), 'utf8');
    const at = content.split('\n').findIndex((line) => line.includes(mention));
    await workbench.goTo(at + 1, content.split('\n')[at].indexOf(mention) + 2);
    await workbench.runCommand('Go to Definition');
    const tab = await waitFor(
      async () => {
        const active = await workbench.activeTab();
        return active.title === 'policy.glossary.yaml' ? active : undefined;
      },
      { timeoutMs: 15_000, describe: () => `the glossary to open after Go to Definition on "${mention}"` },
    );
    assert.match(tab.uri, /\/policy\.glossary\.yaml$/, 'the active editor shows the glossary file');
    assert.equal(tab.breadcrumbs[0], 'policy.glossary.yaml', `the breadcrumb names the glossary: ${JSON.stringify(tab.breadcrumbs)}`);
    const cursor = await workbench.cursorPosition();
    assert.equal(cursor?.line, expectedLine, `"${mention}" leads to line ${expectedLine} (- id: nguyen-manh-cuong), the status bar says ${JSON.stringify(cursor)}`);
    if (mention === 'Nguyen Manh Cuong') {
      // For the picture: the entries' code lenses ("N mentions in M documents") resolve a moment later.
      await workbench.page
        .locator('.editor-group-container.active .codelens-decoration', { hasText: /mentions? in/ })
        .first()
        .waitFor({ state: 'visible', timeout: 5_000 })
        .catch(() => undefined);
      await workbench.parkMouse();
      const group = workbench.page.locator('.editor-group-container.active');
      await workbench.screenshot('definition-glossary-entry', { clip: await workbench.regionAround([group], { margin: 0 }), docsImage: 'go-to-definition' });
    }
  }

  // Peek Definition shows the entry in place, under the short name.
  await workbench.openFile('congress-foreign-policy.md');
  const content = readFileSync(join(workbench.folder, 'congress-foreign-policy.md'), 'utf8');
  const at = content.split('\n').findIndex((line) => line.startsWith('Cuong said'));
  await workbench.goTo(at + 1, 3);
  await workbench.runCommand('Peek Definition');
  const peek = workbench.page.locator('.zone-widget .peekview-widget');
  await peek.waitFor({ state: 'visible' });
  await waitFor(async () => ((await peek.innerText()).includes('nguyen-manh-cuong') ? true : undefined), {
    timeoutMs: 10_000,
    describe: () => 'the peek to show the entry',
  });
  const peekText = (await peek.innerText()).replace(/\u00a0/g, ' '); // Monaco renders spaces as no-break spaces
  assert.match(peekText, /policy\.glossary\.yaml/, 'the peek names the glossary file');
  assert.match(peekText, /name: Nguyễn Mạnh Cường/, 'and shows the entry');
  await workbench.parkMouse();
  const group = workbench.page.locator('.editor-group-container.active');
  await workbench.screenshot('definition-peek', { clip: await workbench.regionAround([group], { margin: 0 }) });
});

/** The References view's tree: per file (folder/name), the highlighted text of each result row. */
async function referenceRows(workbench) {
  const { page } = workbench;
  // File rows start collapsed after the first: expand them all.
  for (let i = 0; i < 50; i++) {
    const collapsed = page.locator('.part.sidebar .monaco-list-row[aria-level="1"][aria-expanded="false"]');
    if ((await collapsed.count()) === 0) break;
    await collapsed.first().locator('.monaco-tl-twistie').click();
  }
  const rows = await page.locator('.part.sidebar .monaco-list-row').evaluateAll((elements) =>
    elements.map((e) => ({
      level: Number(e.getAttribute('aria-level')),
      name: e.querySelector('.label-name')?.textContent ?? '',
      folder: e.querySelector('.label-description')?.textContent ?? '',
      highlights: [...e.querySelectorAll('.highlight')].map((h) => h.textContent),
    })),
  );
  const byFile = {};
  let file;
  for (const row of rows) {
    if (row.level === 1) {
      file = row.folder ? `${row.folder}/${row.name}` : row.name;
      byFile[file] = [];
    } else if (file) {
      byFile[file].push(...row.highlights);
    }
  }
  return byFile;
}

e2eTest('Find All References lists every mention of a resolution across English and Vietnamese documents', async (workbench) => {
  const scan = scanWorkspace(e2eEnvironment().folder);
  const mentions = mentionsOf(scan, 'resolution-59');
  const expected = { 'policy.glossary.yaml': ['resolution-59'] }; // the definition: the entry's id
  for (const m of mentions) (expected[m.path] ??= []).push(m.text);
  assert.ok(Object.keys(expected).some((p) => p.startsWith('vi/')), 'the samples mention the resolution in a Vietnamese document');

  await workbench.openFile('integration-briefing.txt');
  await workbench.hoverAt('59-NQ/TW', { until: (text) => text.includes('Resolution on international integration') });
  await workbench.focusWorkbench();
  await workbench.runCommand('Find All References');

  const message = workbench.page.locator('.part.sidebar .message', { hasText: /results? in \d+ files?/ });
  await message.waitFor({ state: 'visible' });
  const summary = /(\d+) results? in (\d+) files?/.exec(await message.innerText());
  assert.deepEqual(
    { results: Number(summary[1]), files: Number(summary[2]) },
    { results: mentions.length + 1, files: Object.keys(expected).length },
    'the References view counts every mention and the definition',
  );
  // Expanded rows render their results a moment later.
  const count = (map) => Object.values(map).reduce((n, list) => n + list.length, 0);
  let actual = {};
  await waitFor(
    async () => {
      actual = await referenceRows(workbench);
      return count(actual) >= mentions.length + 1 ? actual : undefined;
    },
    { timeoutMs: 10_000, describe: () => `every result row (seen: ${JSON.stringify(actual)})` },
  ).catch(() => undefined); // the comparison below says what is missing
  const sorted = (map) => Object.fromEntries(Object.entries(map).map(([k, v]) => [k, [...v].sort()]).sort(([a], [b]) => a.localeCompare(b)));
  assert.deepEqual(sorted(actual), sorted(expected), 'each file lists the mentions the index has, with the mentioned text highlighted');

  const sideBar = workbench.page.locator('.part.sidebar');
  const editor = workbench.page.locator('.editor-group-container.active');
  await workbench.page.keyboard.press('Control+1'); // focus the editor: the tree shows no focus outline
  await workbench.parkMouse();
  await workbench.screenshot('references-view', { clip: await workbench.regionAround([sideBar, editor], { margin: 0 }), docsImage: 'references' });
});
