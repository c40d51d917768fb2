import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadGlossaryFile, mergeGlossary } from '../../server/src/core/glossary/load';
import { analyzeDocument, compileGlossary, detectDocumentDate, readFrontMatter } from '../../server/src/core/recognition';

const GLOSSARY_YAML = readFileSync(join(__dirname, '../../../test/fixtures/recognition/test.glossary.yaml'), 'utf8');
const glossary = compileGlossary(mergeGlossary([loadGlossaryFile('file:///w/test.glossary.yaml', GLOSSARY_YAML)]));

describe('document date', () => {
  it('reads front matter first', () => {
    assert.equal(detectDocumentDate('---\ntitle: Notes\ndate: 2026-01-21\n---\nHanoi, January 22, 2026\n'), '2026-01-21');
    assert.equal(detectDocumentDate('---\r\ndate: "2025-02"\r\n---\r\nText'), '2025-02');
    assert.equal(detectDocumentDate('---\ndate: 2026-01-21T08:30:00Z\n---\n'), '2026-01-21');
    assert.equal(detectDocumentDate('---\ndate: 2024\n---\n'), '2024');
  });

  it('reads a leading date line', () => {
    assert.equal(detectDocumentDate('date 2026-01-22\n\nNotes on bamboo diplomacy'), '2026-01-22');
    assert.equal(detectDocumentDate('\n\nDate: 2025-02-10\nBRIEFING'), '2025-02-10');
  });

  it('recognises datelines near the top', () => {
    const cases: [string, string][] = [
      ['Hanoi, January 22, 2026 – The Party Congress opened.', '2026-01-22'],
      ['HANOI, 22 January 2026\nThe Congress opened.', '2026-01-22'],
      ['Title\nThursday, Jan. 22, 2026\nText', '2026-01-22'],
      ['Headline\n22/01/2026\nText', '2026-01-22'],
      ['Hà Nội, ngày 22 tháng 01 năm 2026\nNội dung', '2026-01-22'],
      ['Ho Chi Minh City, 2026-01-05: delegates met.', '2026-01-05'],
    ];
    for (const [text, date] of cases) assert.equal(detectDocumentDate(text), date, text);
  });

  it('gives none when there is none, or only an impossible one', () => {
    assert.equal(detectDocumentDate('Foreign policy at the Congress\n\nDelegates met in 2026.'), undefined);
    assert.equal(detectDocumentDate('31/02/2026 is not a date'), undefined);
    assert.equal(detectDocumentDate('---\ndate: soon\n---\nText'), undefined);
    assert.equal(detectDocumentDate(''), undefined);
    // A date deep in the text is not a dateline.
    assert.equal(detectDocumentDate(`${'Line of text\n'.repeat(40)}January 22, 2026`), undefined);
  });

  it('reads the first 15 non-empty lines of the head, whatever their line ends', () => {
    const lines = (n: number, end: string) => `${'Line of text'.concat(end).repeat(n)}${end}${end}Hà Nội, ngày 22 tháng 1 năm 2026${end}`;
    for (const end of ['\n', '\r\n']) {
      assert.equal(detectDocumentDate(lines(14, end)), '2026-01-22');
      assert.equal(detectDocumentDate(lines(14, end).normalize('NFD')), '2026-01-22');
      assert.equal(detectDocumentDate(lines(15, end)), undefined);
    }
    // Only the first 4,000 characters after the front matter count.
    assert.equal(detectDocumentDate(`${' '.repeat(3990)}\nJanuary 22, 2026`), undefined);
    assert.equal(detectDocumentDate(`---\ntitle: x\n---\n${' '.repeat(3970)}\nJanuary 22, 2026`), '2026-01-22');
  });

  it('takes the front matter its caller has read already', () => {
    const texts = ['---\ndate: 2026-01-21\n---\nHanoi, January 22, 2026\n', '---\ntitle: Notes\n---\nHanoi, January 22, 2026\n', 'Hanoi, January 23, 2026\n'];
    for (const text of texts) assert.equal(detectDocumentDate(text, readFrontMatter(text) ?? null), detectDocumentDate(text), text);
    assert.equal(detectDocumentDate(texts[0], readFrontMatter(texts[0])), '2026-01-21');
    assert.equal(detectDocumentDate(texts[2], null), '2026-01-23');
  });

  it('is part of the analysis', () => {
    assert.equal(analyzeDocument('date 2026-01-22\n\nGeneral Secretary To Lam spoke.', glossary).date, '2026-01-22');
    assert.equal(analyzeDocument('General Secretary To Lam spoke.', glossary).date, undefined);
  });

  it('reads front matter keys and leaves the rest', () => {
    const front = readFrontMatter('---\ndate: 2026-01-21  # the day\nlang: vi\ntags: [a, b]\n---\nBody');
    assert.equal(front?.values.get('date'), '2026-01-21');
    assert.equal(front?.values.get('lang'), 'vi');
    assert.equal(readFrontMatter('No front matter\n---\n'), undefined);
    assert.equal(readFrontMatter('---\nnever closed'), undefined);
  });
});

describe('document language', () => {
  const english = 'General Secretary To Lam said foreign affairs would remain a strategic pillar of national development in the years ahead.';
  const vietnamese = 'Tổng Bí thư Tô Lâm nhấn mạnh đối ngoại tiếp tục là trụ cột chiến lược của sự phát triển đất nước trong những năm tới.';

  it('tells English from Vietnamese text', () => {
    assert.equal(analyzeDocument(english, glossary).lang, 'en');
    assert.equal(analyzeDocument(vietnamese, glossary).lang, 'vi');
    assert.equal(analyzeDocument(vietnamese.normalize('NFD'), glossary).lang, 'vi');
  });

  it('is not fooled by Vietnamese names in English text', () => {
    const text = 'Nguyễn Mạnh Cường, Lương Cường and Phạm Minh Chính attended the session in Hà Nội on Tuesday, officials said.';
    assert.equal(analyzeDocument(text, glossary).lang, 'en');
  });

  it('marks paragraphs in the other language', () => {
    const text = `${english}\n\n${vietnamese}\n\n${english}`;
    const analysis = analyzeDocument(text, glossary);
    assert.equal(analysis.lang, 'en');
    assert.deepEqual(analysis.languageSpans?.map((s) => [s.lang, text.slice(s.start, s.end)]), [['vi', vietnamese]]);
  });

  it('follows front matter lang over the text', () => {
    assert.equal(analyzeDocument(`---\nlang: vi\n---\n${english}`, glossary).lang, 'vi');
    assert.equal(analyzeDocument(`---\nlang: en-US\n---\n${vietnamese}`, glossary).lang, 'en');
    assert.equal(analyzeDocument(`---\nlang: fr\n---\n${vietnamese}`, glossary).lang, 'vi');
  });
});
