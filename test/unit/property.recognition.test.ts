// Recognition and the language service on random Unicode text (seeded; `npm run fuzz` runs longer),
// and the inputs those properties found, kept as examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, detectDocumentDate } from '../../server/src/core/recognition';
import { fuzzGlossary, RECOGNITION_PROPERTIES } from '../fuzz/recognitionProperties';
import { runBounded } from '../fuzz/registry';

for (const property of RECOGNITION_PROPERTIES) test(property.name, () => runBounded(property));

const mentionsOf = (text: string) => analyzeDocument(text, fuzzGlossary().compiled).mentions.map((m) => [m.entryId, m.match]);

test('found by fuzzing: a short paragraph in NFD is read in the same language as in NFC (marks are not letters)', () => {
  const text = '[[to-lam]] Lâm State President ASEAN Trung À𐀀 Cường ';
  assert.deepEqual(mentionsOf(text.normalize('NFD')), mentionsOf(text.normalize('NFC')));
  assert.deepEqual(mentionsOf(text.normalize('NFC')), [['to-lam', 'annotation'], ['to-lam', 'short'], ['asean', 'alias']]);
  // A mark Vietnamese uses, on a letter Vietnamese does not (`ŕ`), makes no Vietnamese letter in either form.
  const other = "Lê Hoài Trung Doi Moi To Lam’s Chu tich Cường Tŕung's ";
  assert.deepEqual(mentionsOf(other.normalize('NFD')), mentionsOf(other.normalize('NFC')));
  assert.equal(analyzeDocument(other.normalize('NFD'), fuzzGlossary().compiled).lang, analyzeDocument(other.normalize('NFC'), fuzzGlossary().compiled).lang);
});

test('found by fuzzing: a Vietnamese dateline in NFD gives the document date', () => {
  for (const text of ['Hà Nội, ngày 22 tháng 1 năm 2026\nText.', 'Bộ trưởng Bộ Ngoại giao Hà Nội, 22/1/2026 ']) {
    assert.equal(detectDocumentDate(text.normalize('NFD')), '2026-01-22', text);
    assert.equal(detectDocumentDate(text.normalize('NFC')), '2026-01-22', text);
  }
});

test('found by fuzzing: long runs of joined matches next to a path, an @ or a :// cost time linear in the text', () => {
  // These took minutes (the URL and e-mail patterns ran over the surrounding 4 KB once per match).
  for (const head of ['30/2020/NĐ-CP–', '/', 'a@b x/', 'a://b x/']) {
    const text = head + 'who-'.repeat(50_000) + '@@';
    const started = Date.now();
    const found = mentionsOf(text).length;
    const ms = Date.now() - started;
    assert.ok(found >= 49_000, `${head}: ${found} mentions`);
    assert.ok(ms < 5000, `${JSON.stringify(head)}: ${ms} ms for ${text.length} characters`);
  }
  // Links are still recognised as links.
  assert.deepEqual(mentionsOf('See https://example.org/who-who and who@example.org or who.jpg, then WHO.'), [['who', 'alias']]);
});
