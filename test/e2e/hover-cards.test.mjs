// Hover cards in a real VS Code: an official (roles at the document's date, aliases), a resolution
// from its number (decoded number, issuer, date, summary), and a number the glossary lacks (decoded).
import assert from 'node:assert/strict';
import { e2eEnvironment, e2eTest, mentionsOf, scanWorkspace } from './workbench.mjs';

/** "Mentioned in N documents (M mentions)" from the card, as numbers. */
function mentionedIn(card) {
  const m = /Mentioned in (\d+) documents? \((\d+) mentions?\)/.exec(card);
  assert.ok(m, `the card says where the entry is mentioned: ${JSON.stringify(card)}`);
  return { documents: Number(m[1]), mentions: Number(m[2]) };
}

/** The same counts from the command-line index of the workspace. */
function indexedCounts(scan, id) {
  const mentions = mentionsOf(scan, id);
  return { documents: new Set(mentions.map((m) => m.path)).size, mentions: mentions.length };
}

e2eTest('a hover on an official shows the card with the role held at the document date', async (workbench) => {
  const scan = scanWorkspace(e2eEnvironment().folder);
  await workbench.openFile('congress-foreign-policy.md'); // dated 2026-01-21 in its front matter
  const card = await workbench.hoverAt('Nguyen Manh Cuong', { until: (text) => text.includes('Nguyễn Mạnh Cường') });

  const lines = card.split('\n').map((line) => line.trim());
  assert.equal(lines[0], 'Nguyễn Mạnh Cường · official', 'the canonical name with diacritics and the kind head the card');
  assert.ok(
    lines.includes('Deputy Minister of Foreign Affairs (Thứ trưởng Bộ Ngoại giao), 2021 – present (held on 2026-01-21)'),
    `the role, its Vietnamese title and period, held at the document's date: ${JSON.stringify(lines)}`,
  );
  assert.ok(lines.includes('Also written: Nguyen Manh Cuong'), `the alias: ${JSON.stringify(lines)}`);
  assert.deepEqual(mentionedIn(card), indexedCounts(scan, 'nguyen-manh-cuong'));

  const hover = workbench.hoverWidget();
  const line = workbench.activeEditor().locator('.view-line', { hasText: 'Deputy Foreign Minister Nguyen Manh Cuong' });
  const tabs = workbench.page.locator('.editor-group-container.active .title.tabs');
  await workbench.screenshot('hover-official', { clip: await workbench.regionAround([tabs, hover, line], { margin: 0 }) });
});

e2eTest('a hover on a document number shows the resolution card, and a decoded card for an unknown number', async (workbench, t) => {
  const scan = scanWorkspace(e2eEnvironment().folder);
  await workbench.openFile('integration-briefing.txt');
  const card = await workbench.hoverAt('59-NQ/TW', { until: (text) => text.includes('Resolution on international integration') });
  const lines = card.split('\n').map((line) => line.trim());
  assert.equal(lines[0], 'Resolution on international integration in the new situation · document');
  const number = lines.find((l) => l.startsWith('Number: '));
  assert.ok(number, `the card shows the number: ${JSON.stringify(lines)}`);
  assert.match(number, /^Number: 59-NQ\/TW \(.*Resolution.*\(NQ\).*\(TW\)\)$/, 'the number is decoded: type NQ, issuer TW');
  assert.ok(lines.includes('Issued by: Politburo'), `the issuer: ${JSON.stringify(lines)}`);
  assert.ok(lines.includes('Date: 2025-01-24'), `the date: ${JSON.stringify(lines)}`);
  assert.ok(lines.some((l) => l.startsWith('Source: docs/resolution-59-notes.md')), `the source: ${JSON.stringify(lines)}`);
  assert.deepEqual(mentionedIn(card), indexedCounts(scan, 'resolution-59'));

  const hover = workbench.hoverWidget();
  const mentionLine = workbench.activeEditor().locator('.view-line', { hasText: 'Resolution No. 59-NQ/TW' });
  const tabs = workbench.page.locator('.editor-group-container.active .title.tabs');
  const clip = await workbench.regionAround([tabs, hover, mentionLine], { margin: 0 });
  clip.height += 12;
  await workbench.screenshot('hover-document', { clip, docsImage: 'hover-card' });

  await t.test('the summary is rendered as Markdown, not shown as source', async () => {
    const html = await hover.innerHTML();
    assert.ok(!card.includes('**international integration**'), 'no literal Markdown markers in the card');
    assert.match(html, /<(strong|b)>international integration<\/(strong|b)>/);
  });

  await workbench.focusWorkbench();
  const unknown = await workbench.hoverAt('250/2025/QH15', { whole: true, until: (text) => text.includes('not in the glossary') && text.includes('Year') });
  assert.match(unknown, /Document 250\/2025\/QH15 is not in the glossary\./, 'the unknown-document problem');
  assert.match(unknown, /policy-gloss\(unknown-document\)/, 'with its code');
  assert.match(unknown, /250\/2025\/QH15 · document not in the glossary/, 'a card for the number');
  assert.match(unknown, /Issuer: .*National Assembly \(QH15\)/, 'the issuer decoded from QH15');
  assert.match(unknown, /Year: 2025/, 'the year decoded from the number');
  await workbench.screenshot('hover-unknown-document');
});
