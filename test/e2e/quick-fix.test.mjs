// Quick fixes in a real VS Code, chosen from the Ctrl+. menu as a user does: a deprecated term replaced
// by the preferred one, a mistyped annotation id corrected, and an unknown document number added to
// the glossary file (which changes by an insertion only). Each test edits a scratch copy of the samples.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2eTest, waitFor } from './workbench.mjs';

const NOTES = [
  'date 2025-03-01',
  '',
  'The ministry still speaks of mass diplomacy in its plans.',
  'See [[resolution-95]] for the integration goals.',
  '',
].join('\n');

/** Puts the cursor inside `text` on its line of the open file (1-based line and column). */
async function cursorInside(workbench, content, text) {
  const lines = content.split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  assert.ok(index >= 0, `"${text}" is in the document`);
  await workbench.goTo(index + 1, lines[index].indexOf(text) + 2);
}

async function waitForLine(workbench, expected) {
  let lines = [];
  await waitFor(
    async () => {
      lines = await workbench.visibleLines();
      return lines.includes(expected) ? true : undefined;
    },
    { timeoutMs: 10_000, describe: () => `the line ${JSON.stringify(expected)} in the editor (lines: ${JSON.stringify(lines)})` },
  );
}

e2eTest(
  'quick fixes replace a deprecated term and correct a mistyped annotation id',
  async (workbench) => {
    await workbench.openFile('notes.txt');
    const before = await workbench.waitForProblems((c) => c.errors >= 1 && c.warnings >= 1, { timeoutMs: 60_000 });

    await cursorInside(workbench, NOTES, 'mass diplomacy');
    const replace = "Replace with 'people-to-people diplomacy'";
    const termFixes = await workbench.openQuickFixMenu({ until: (titles) => titles.includes(replace) });
    assert.equal(termFixes[0], replace, `the preferred term comes first: ${JSON.stringify(termFixes)}`);
    await workbench.parkMouse();
    const menu = workbench.page.locator('.action-widget').first();
    const line = workbench.activeEditor().locator('.view-line', { hasText: 'mass diplomacy' });
    const tabs = workbench.page.locator('.editor-group-container.active .title.tabs');
    const clip = await workbench.regionAround([tabs, menu, line], { margin: 0 });
    clip.height += 24;
    await workbench.screenshot('quick-fix-menu', { clip, docsImage: 'quick-fix' });
    await workbench.chooseQuickFix(replace);
    await waitForLine(workbench, 'The ministry still speaks of people-to-people diplomacy in its plans.');

    await cursorInside(workbench, NOTES, 'resolution-95');
    const idFixes = await workbench.openQuickFixMenu({ until: (titles) => titles.some((t) => t.startsWith("Change to 'resolution-59'")) });
    const change = idFixes.find((t) => t.startsWith("Change to 'resolution-59'"));
    assert.equal(change, "Change to 'resolution-59' (Resolution on international integration in the new situation)");
    await workbench.chooseQuickFix(change);
    await waitForLine(workbench, 'See [[resolution-59]] for the integration goals.');

    // Saved, the file differs from the original exactly by the two fixes.
    await workbench.save();
    const expected = NOTES.replace('mass diplomacy', 'people-to-people diplomacy').replace('[[resolution-95]]', '[[resolution-59]]');
    let saved;
    // The server side writes the file after the editor is marked saved: wait for the write to land.
    await waitFor(
      async () => {
        saved = readFileSync(join(workbench.folder, 'notes.txt'), 'utf8');
        return saved === expected ? true : undefined;
      },
      { timeoutMs: 10_000, describe: () => 'notes.txt on disk to hold both fixes' },
    ).catch(() => undefined);
    assert.equal(saved, expected);
    // Both problems are gone.
    await workbench.waitForProblems((c) => c.errors === before.errors - 1 && c.warnings === before.warnings - 1);
  },
  { files: { 'notes.txt': NOTES } },
);

e2eTest(
  'the quick fix on an unknown document number adds an entry to the glossary file',
  async (workbench) => {
    const glossaryPath = join(workbench.folder, 'policy.glossary.yaml');
    const glossaryBefore = readFileSync(glossaryPath, 'utf8');
    await workbench.openFile('integration-briefing.txt');
    await workbench.hoverAt('250/2025/QH15', { whole: true, until: (text) => text.includes('is not in the glossary') });
    await workbench.focusWorkbench();
    const before = await workbench.problemsCount();

    const fixes = await workbench.openQuickFixMenu({ until: (titles) => titles.some((t) => t.startsWith('Add ')) });
    const add = fixes.find((t) => t.startsWith('Add '));
    assert.match(add, /^Add '.*250\/2025\/QH15' to the glossary$/);
    await workbench.chooseQuickFix(add);

    // The glossary on disk gains the entry; every byte that was there stays (an insertion only).
    const glossaryAfter = await waitFor(
      async () => {
        const text = readFileSync(glossaryPath, 'utf8');
        return text.includes('number: 250/2025/QH15') ? text : undefined;
      },
      { timeoutMs: 15_000, describe: () => 'the new entry in policy.glossary.yaml' },
    );
    let prefix = 0;
    while (prefix < glossaryBefore.length && glossaryBefore[prefix] === glossaryAfter[prefix]) prefix++;
    let suffix = 0;
    while (
      suffix < glossaryBefore.length - prefix &&
      glossaryBefore[glossaryBefore.length - 1 - suffix] === glossaryAfter[glossaryAfter.length - 1 - suffix]
    ) suffix++;
    assert.equal(prefix + suffix, glossaryBefore.length, 'the glossary changed by one insertion');
    const inserted = glossaryAfter.slice(prefix, glossaryAfter.length - suffix);
    assert.match(inserted, /- id: [a-z0-9][a-z0-9._-]*\n\s+kind: \w+\n\s+name: .*250\/2025\/QH15/, `an entry was inserted: ${JSON.stringify(inserted)}`);

    // The number is now a known document: no problem, and the hover shows the new entry's card.
    await workbench.waitForProblems((c) => c.total === before.total - 1);
    const card = await workbench.hoverAt('250/2025/QH15', { until: (text) => !text.includes('not in the glossary') && text.includes('250/2025/QH15') });
    assert.match(card.split('\n')[0], /250\/2025\/QH15/, `the card of the new entry: ${JSON.stringify(card)}`);
  },
  { files: {} },
);
