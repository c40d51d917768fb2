// The Policy Index view in a real VS Code: the Policy Gloss view container lists kinds, then entries
// with mention counts, then documents, then mentions; clicking a mention opens the document there.
// Expected rows come from the sample glossary and the command-line index of the samples.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { e2eEnvironment, e2eTest, mentionsOf, scanWorkspace, waitFor } from './workbench.mjs';

/** An entry row's accessible label: "<name>\n<kind> · <id>\n<N> mentions in <M> documents". */
function parseEntryLabel(label) {
  const m = /^(.*)\n(\w+) · (\S+)\n(\d+) mentions? in (\d+) documents?/.exec(label);
  assert.ok(m, `an entry row's label: ${JSON.stringify(label)}`);
  return { name: m[1], kind: m[2], id: m[3], mentions: Number(m[4]), documents: Number(m[5]) };
}

e2eTest('the Policy Index view lists kinds, entries with mention counts, documents and mentions', async (workbench) => {
  const folder = e2eEnvironment().folder;
  const entries = parse(readFileSync(join(folder, 'policy.glossary.yaml'), 'utf8')).entries;
  const scan = scanWorkspace(folder);
  const { page } = workbench;

  await page.locator('.activitybar .action-item a[aria-label="Policy Gloss"]').click();
  // A container with a single view shows the view's name in the side bar's title.
  await page.locator('.part.sidebar .title-label', { hasText: 'Policy Index' }).waitFor({ state: 'visible' });
  // The view fills in once the server has indexed the workspace; the sample index fits on screen.
  let rows = [];
  await waitFor(
    async () => {
      rows = await workbench.sideBarRows();
      return rows.filter((r) => r.level === 2).length === entries.length ? rows : undefined;
    },
    { timeoutMs: 60_000, describe: () => `a row per glossary entry (${entries.length}; seen: ${JSON.stringify(rows.map((r) => r.text))})` },
  );

  // Kinds, each followed by its entries.
  const kinds = [];
  for (const row of rows) {
    if (row.level === 1) {
      const m = /^(.*) (\d+) entr(?:y|ies)$/.exec(row.label);
      assert.ok(m, `a kind row says how many entries it has: ${JSON.stringify(row.label)}`);
      kinds.push({ title: m[1], count: Number(m[2]), entries: [] });
    } else if (row.level === 2) {
      kinds.at(-1).entries.push(parseEntryLabel(row.label));
    }
  }
  assert.ok(kinds.some((k) => k.title === 'Officials') && kinds.some((k) => k.title === 'Terms'), `kind rows: ${JSON.stringify(kinds.map((k) => k.title))}`);
  for (const kind of kinds) {
    assert.equal(kind.entries.length, kind.count, `${kind.title}: the count matches the rows below it`);
    const kindsBelow = new Set(kind.entries.map((e) => e.kind));
    assert.equal(kindsBelow.size, 1, `${kind.title} holds entries of one kind: ${JSON.stringify(kind.entries)}`);
    const [entryKind] = kindsBelow;
    const expectedIds = entries.filter((e) => e.kind === entryKind).map((e) => e.id).sort();
    assert.deepEqual(kind.entries.map((e) => e.id).sort(), expectedIds, `${kind.title}: every ${entryKind} entry of the glossary`);
  }
  for (const row of kinds.flatMap((k) => k.entries)) {
    const entry = entries.find((e) => e.id === row.id);
    const mentions = mentionsOf(scan, row.id);
    assert.deepEqual(
      { name: row.name, mentions: row.mentions, documents: row.documents },
      { name: entry.name, mentions: mentions.length, documents: new Set(mentions.map((m) => m.path)).size },
      `the row of ${row.id}`,
    );
  }

  // An entry opens to its documents, a document to its mentions.
  const id = 'nguyen-manh-cuong';
  const expectedMentions = mentionsOf(scan, id);
  const entryRow = page.locator('.part.sidebar .monaco-list-row[aria-level="2"]', { hasText: 'Nguyễn Mạnh Cường' });
  await entryRow.locator('.monaco-tl-twistie').click();
  const documentRows = page.locator('.part.sidebar .monaco-list-row[aria-level="3"]');
  await documentRows.first().waitFor({ state: 'visible' });
  const documents = (await documentRows.evaluateAll((elements) => elements.map((e) => e.getAttribute('aria-label')))).map((label) => {
    const m = /^(.*) (\d+) mentions?$/.exec(label);
    assert.ok(m, `a document row: ${JSON.stringify(label)}`);
    return { path: m[1], mentions: Number(m[2]) };
  });
  const expectedDocuments = [...new Set(expectedMentions.map((m) => m.path))].map((path) => ({
    path,
    mentions: expectedMentions.filter((m) => m.path === path).length,
  }));
  const byPath = (a, b) => a.path.localeCompare(b.path);
  assert.deepEqual([...documents].sort(byPath), [...expectedDocuments].sort(byPath), 'the documents that mention the entry');

  const first = documents.find((d) => d.path === 'congress-foreign-policy.md');
  assert.ok(first, 'the congress document mentions the entry');
  const congressRow = documentRows.filter({ hasText: 'congress-foreign-policy.md' });
  if ((await congressRow.getAttribute('aria-expanded')) !== 'true') await congressRow.locator('.monaco-tl-twistie').click();
  const mentionRows = page.locator('.part.sidebar .monaco-list-row[aria-level="4"]');
  await waitFor(async () => ((await mentionRows.count()) === first.mentions ? true : undefined), {
    timeoutMs: 10_000,
    describe: () => `${first.mentions} mention rows`,
  });
  // Each mention row is "<document>:<line>:<column>" (1-based) and shows the mentioned text.
  const mentionLabels = await mentionRows.evaluateAll((elements) => elements.map((e) => ({ label: e.getAttribute('aria-label'), name: e.querySelector('.label-name')?.textContent })));
  const expectedLabels = expectedMentions
    .filter((m) => m.path === 'congress-foreign-policy.md')
    .map((m) => ({ label: `congress-foreign-policy.md:${m.range.start.line + 1}:${m.range.start.character + 1}`, name: m.text }));
  assert.deepEqual(mentionLabels, expectedLabels, 'the mentions in document order, with their text and position');

  // Clicking a mention opens the document at it.
  const target = expectedMentions.filter((m) => m.path === 'congress-foreign-policy.md').at(-1);
  await mentionRows.last().click();
  await waitFor(async () => ((await workbench.activeTab()).title === 'congress-foreign-policy.md' ? true : undefined), {
    timeoutMs: 10_000,
    describe: () => 'the document to open',
  });
  const cursor = await waitFor(async () => {
    const position = await workbench.cursorPosition();
    return position?.line === target.range.start.line + 1 ? position : undefined;
  }, { timeoutMs: 10_000, describe: () => `the cursor on line ${target.range.start.line + 1}` });
  assert.ok(
    cursor.column >= target.range.start.character + 1 && cursor.column <= target.range.end.character + 1,
    `the cursor is on the mention: ${JSON.stringify({ cursor, target })}`,
  );

  await workbench.page.keyboard.press('Control+1'); // focus the editor: the tree shows no focus outline
  await workbench.parkMouse();
  const sideBar = page.locator('.part.sidebar');
  const editor = page.locator('.editor-group-container.active');
  await workbench.screenshot('policy-index-view', { clip: await workbench.regionAround([sideBar, editor], { margin: 0 }), docsImage: 'policy-index' });
});
