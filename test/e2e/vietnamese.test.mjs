// A Vietnamese document in a real VS Code: `Tổng Bí thư Tô Lâm` and `Nghị quyết 59-NQ/TW` show the
// same glossary cards as `General Secretary To Lam` and `Resolution 59-NQ/TW` in an English document.
// It uses the Vietnamese sample document that mentions the General Secretary, or (should the samples
// have none) a scratch document with such a sentence.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { e2eEnvironment, e2eTest } from './workbench.mjs';

const MENTION = 'Tổng Bí thư Tô Lâm';

function findVietnameseSample(folder) {
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) return walk(full);
      return /\.(txt|md)$/.test(entry.name) && readFileSync(full, 'utf8').includes(MENTION) ? [relative(folder, full)] : [];
    });
  return walk(folder).sort()[0];
}

const sample = findVietnameseSample(e2eEnvironment().folder);
const document = sample ?? 'vi/tong-bi-thu.txt';
const files = sample
  ? undefined
  : {
      [document]: 'date 2026-01-22\n\nTổng Bí thư Tô Lâm nhấn mạnh vai trò của đối ngoại.\nNghị quyết 59-NQ/TW coi hội nhập quốc tế là động lực phát triển.\n',
    };

const lines = (card) => card.split('\n').map((l) => l.trim()).filter(Boolean);

e2eTest(
  'a hover in a Vietnamese document shows the same glossary card as in English',
  async (workbench, t) => {
    // The card in an English document first, to compare with.
    await workbench.openFile('congress-foreign-policy.md');
    const english = lines(await workbench.hoverAt('To Lam', { until: (text) => text.includes('Tô Lâm ·') }));
    await workbench.focusWorkbench();

    await workbench.openFile(document);
    const content = readFileSync(join(workbench.folder, document), 'utf8');
    const occurrence = content.slice(0, content.indexOf(MENTION)).split('Tô Lâm').length; // the one after the title
    const card = await workbench.hoverAt('Tô Lâm', { occurrence, until: (text) => text.includes('Tô Lâm ·') });
    const vietnamese = lines(card);
    assert.equal(vietnamese[0], 'Tô Lâm · official', 'the entry, by its canonical name');
    assert.equal(vietnamese[0], english[0], 'the same entry as in the English document');
    const role = vietnamese.find((l) => l.includes('Tổng Bí thư'));
    assert.ok(role, `the Vietnamese title of the role: ${JSON.stringify(vietnamese)}`);
    assert.match(role, /General Secretary/, 'next to the English title');
    assert.ok(vietnamese.includes('Also written: To Lam'), `the unaccented form: ${JSON.stringify(vietnamese)}`);
    const mentioned = (l) => l.startsWith('Mentioned in ');
    assert.equal(vietnamese.find(mentioned), english.find(mentioned), 'the same mention counts, English and Vietnamese together');

    const hover = workbench.hoverWidget();
    const line = workbench.activeEditor().locator('.view-line', { hasText: MENTION });
    const tabs = workbench.page.locator('.editor-group-container.active .title.tabs');
    await workbench.screenshot('hover-vietnamese', { clip: await workbench.regionAround([tabs, hover, line], { margin: 0 }), docsImage: 'hover-vietnamese' });

    await t.test('the role title is in the document’s language first', () => {
      assert.ok(role.indexOf('Tổng Bí thư') < role.indexOf('General Secretary'), role);
    });

    // A Vietnamese reference to a resolution: its number shows the resolution card.
    await workbench.focusWorkbench();
    const resolution = lines(await workbench.hoverAt('59-NQ/TW', { until: (text) => text.includes(' · document') }));
    assert.equal(resolution[0], 'Resolution on international integration in the new situation · document');
  },
  { files },
);
