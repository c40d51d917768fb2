import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadGlossaryFile, mergeGlossary } from '../../server/src/core/glossary/load';
import { analyzeDocument, compileGlossary, VIETNAMESE_TITLES, type CompiledGlossary } from '../../server/src/core/recognition';

const GLOSSARY_YAML = readFileSync(join(__dirname, '../../../test/fixtures/recognition/test.glossary.yaml'), 'utf8');

function compile(yaml: string): CompiledGlossary {
  return compileGlossary(mergeGlossary([loadGlossaryFile('file:///w/test.glossary.yaml', yaml)]));
}

const glossary = compile(GLOSSARY_YAML);

const mentions = (text: string, compiled = glossary) =>
  analyzeDocument(text, compiled).mentions.map((m) => `${m.entryId} ${JSON.stringify(m.text)} ${m.match}`);

describe('Vietnamese: document references', () => {
  it('finds Vietnamese references with and without số', () => {
    const text = [
      'Bộ Chính trị ban hành Nghị quyết số 59-NQ/TW; Nghị quyết 59 được nhắc lại nhiều lần.',
      'Kết luận số 35-KL/TW và Chỉ thị 05-CT/TW vẫn còn hiệu lực.',
      'Chính phủ ban hành Nghị định 30/2020/NĐ-CP; Thủ tướng ký Quyết định số 123/QĐ-TTg.',
      'Quốc hội thông qua Luật số 250/2025/QH15. NGHỊ QUYẾT 59 LÀ TRỌNG TÂM.',
    ].join('\n');
    const analysis = analyzeDocument(text, glossary);
    assert.deepEqual(
      analysis.mentions.map((m) => [m.entryId, m.text, m.document?.typeWord?.text, m.document?.typeMismatch ?? false]),
      [
        ['resolution-59', '59-NQ/TW', 'Nghị quyết', false],
        ['resolution-59', 'Nghị quyết 59', 'Nghị quyết', false],
        ['conclusion-35', '35-KL/TW', 'Kết luận', false],
        ['directive-05', '05-CT/TW', 'Chỉ thị', false],
        ['decree-30', '30/2020/NĐ-CP', 'Nghị định', false],
        ['decision-123', '123/QĐ-TTg', 'Quyết định', false],
        ['law-250', '250/2025/QH15', 'Luật', false],
        ['resolution-59', 'NGHỊ QUYẾT 59', 'NGHỊ QUYẾT', false],
      ],
    );
  });

  it('flags a type word that does not fit the number’s type code', () => {
    const analysis = analyzeDocument('Văn bản ghi Nghị quyết số 123/QĐ-TTg và Nghị định 59-NQ/TW; Decree 250/2025/QH15.', glossary);
    assert.deepEqual(
      analysis.mentions.map((m) => [m.text, m.document?.typeWordCodes, m.document?.typeMismatch]),
      [
        ['123/QĐ-TTg', ['NQ'], true],
        ['59-NQ/TW', ['ND'], true],
        ['250/2025/QH15', ['ND'], true],
      ],
    );
    const candidate = analyzeDocument('Nghị quyết số 15/QĐ-TTg chưa có trong bảng thuật ngữ.', glossary).candidates[0];
    assert.deepEqual([candidate.kind, candidate.text, candidate.document?.typeMismatch], ['document', '15/QĐ-TTg', true]);
  });

  it('accepts the types a National Assembly number may have', () => {
    const analysis = analyzeDocument('Nghị quyết số 250/2025/QH15 và Luật 250/2025/QH15.', glossary);
    assert.deepEqual(analysis.mentions.map((m) => m.document?.typeMismatch ?? false), [false, false]);
  });
});

describe('Vietnamese: officials', () => {
  it('gives names the Vietnamese titles of their roles and built-in ones', () => {
    const text = 'Tổng Bí thư Tô Lâm và Thủ tướng Chính phủ Phạm Minh Chính tiếp Thứ trưởng Bộ Ngoại giao Nguyễn Mạnh Cường.';
    const analysis = analyzeDocument(text, glossary);
    assert.deepEqual(
      analysis.mentions.map((m) => [m.entryId, m.title?.text, m.title?.lang]),
      [
        ['to-lam', 'Tổng Bí thư', 'vi'],
        ['pham-minh-chinh', 'Thủ tướng Chính phủ', 'vi'],
        ['nguyen-manh-cuong', 'Thứ trưởng Bộ Ngoại giao', 'vi'],
      ],
    );
    assert.ok(VIETNAMESE_TITLES.includes('Phó Thủ tướng'));
  });

  it('takes đồng chí, ông and bà before a name as forms of address', () => {
    const analysis = analyzeDocument('Đồng chí Tô Lâm gặp ông Lê Hoài Trung và bà Nguyễn Thị Hà.', glossary);
    assert.deepEqual(
      analysis.mentions.map((m) => [m.entryId, m.title?.text, m.title?.honorific]),
      [
        ['to-lam', 'Đồng chí', true],
        ['le-hoai-trung', 'ông', true],
      ],
    );
    // A form of address alone proposes nobody.
    assert.deepEqual(analysis.candidates, []);
  });

  it('takes short names after a full mention, with a title or form of address before them', () => {
    const text = 'Thứ trưởng Nguyễn Mạnh Cường phát biểu. Ông Cường cho biết Thứ trưởng Cường sẽ dự họp. Cường cũng nói thêm.';
    assert.deepEqual(mentions(text), [
      'nguyen-manh-cuong "Nguyễn Mạnh Cường" name',
      'nguyen-manh-cuong "Cường" short',
      'nguyen-manh-cuong "Cường" short',
    ]);
  });

  it('does not read Chính in Chính phủ as the Prime Minister', () => {
    const text = 'Thủ tướng Phạm Minh Chính chủ trì phiên họp. Chính phủ sẽ ban hành nghị định mới.';
    assert.deepEqual(
      analyzeDocument(text, glossary).mentions.map((m) => m.entryId),
      ['pham-minh-chinh'],
    );
    // Right after a role title the short name stands (`Thủ tướng Chính` is the Prime Minister).
    assert.deepEqual(mentions('Thủ tướng Chính nhấn mạnh tự chủ chiến lược.'), [
      'pham-minh-chinh "Chính" short',
      'strategic-autonomy "tự chủ chiến lược" native',
    ]);
  });

  it('proposes titled officials the glossary lacks', () => {
    const text = 'Phó Thủ tướng Hồ Đức Phớc và Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên dự họp; Đồng chí Trần Cẩm Tú phát biểu.';
    const candidates = analyzeDocument(text, glossary).candidates.map((c) => [c.title, c.name]);
    assert.deepEqual(candidates, [
      ['Phó Thủ tướng', 'Hồ Đức Phớc'],
      ['Bộ trưởng Bộ Công Thương', 'Nguyễn Hồng Diên'],
      ['Đồng chí', 'Trần Cẩm Tú'],
    ]);
    assert.deepEqual(
      analyzeDocument('Nguyễn Văn An, Thứ trưởng Bộ Ngoại giao, cho biết.', glossary).candidates.map((c) => [c.name, c.title]),
      [['Nguyễn Văn An', 'Thứ trưởng Bộ Ngoại giao']],
    );
  });

  it('marks nguyên and cố before a title as historical', () => {
    const analysis = analyzeDocument('Nguyên Bộ trưởng Bộ Công an Tô Lâm và cố Chủ tịch nước Lương Cường.', glossary);
    assert.deepEqual(analysis.mentions.map((m) => m.title?.historical), [true, true]);
  });
});

describe('Vietnamese: diacritics of native forms', () => {
  it('matches a native form only with its diacritics', () => {
    assert.deepEqual(mentions('Việt Nam đề cao tự chủ chiến lược. TỰ CHỦ CHIẾN LƯỢC.'), [
      'strategic-autonomy "tự chủ chiến lược" native',
      'strategic-autonomy "TỰ CHỦ CHIẾN LƯỢC" native',
    ]);
    assert.deepEqual(mentions('Viet Nam de cao tu chu chien luoc; tư chu chiên lươc is misspelt.'), []);
  });

  it('matches the stripped spelling when the entry lists it as an alias', () => {
    assert.deepEqual(mentions('Công cuộc Đổi mới; Doi Moi in English; doi moi in lower case.'), [
      'doi-moi "Đổi mới" native',
      'doi-moi "Doi Moi" alias',
      'doi-moi "doi moi" alias',
    ]);
  });

  it('holds in both directions: a native form written without diacritics needs them absent', () => {
    const compiled = compile(`entries:
  - id: doi-moi-plain
    kind: term
    name: Renewal policy
    native: Doi moi
`);
    assert.deepEqual(mentions('Doi moi and DOI MOI, not Đổi mới.', compiled), ['doi-moi-plain "Doi moi" native', 'doi-moi-plain "DOI MOI" native']);
  });

  it('keeps names matching with or without diacritics', () => {
    assert.deepEqual(
      analyzeDocument('Thành phố Hồ Chí Minh; Thanh pho Ho Chi Minh; Ho Chi Minh City.', glossary).mentions.map((m) => [m.entryId, m.match]),
      [
        ['ho-chi-minh-city', 'native'],
        ['ho-chi-minh', 'alias'],
        ['ho-chi-minh-city', 'name'],
      ],
    );
  });

  it('applies the same rule to Vietnamese titles', () => {
    assert.deepEqual(
      analyzeDocument('Tong Bi thu To Lam; Tổng Bí thư To Lam.', glossary).mentions.map((m) => m.title?.text),
      [undefined, 'Tổng Bí thư'],
    );
  });
});

describe('Vietnamese: language', () => {
  it('applies the Vietnamese short-name rule only in Vietnamese paragraphs', () => {
    const text = [
      'Deputy Minister Nguyen Manh Cuong spoke in Hanoi on Tuesday, and the delegates listened to him.',
      '',
      'Cường nhấn mạnh vai trò của ngoại giao nhân dân trong giai đoạn mới của đất nước.',
      '',
      'Cuong said the talks with the delegation went well and that more meetings would follow.',
    ].join('\n');
    const analysis = analyzeDocument(text, glossary);
    assert.equal(analysis.lang, 'en');
    assert.deepEqual(analysis.languageSpans?.map((s) => s.lang), ['vi']);
    assert.deepEqual(
      analysis.mentions.map((m) => [m.entryId, m.text]),
      [
        ['nguyen-manh-cuong', 'Nguyen Manh Cuong'],
        ['people-to-people-diplomacy', 'ngoại giao nhân dân'],
        ['nguyen-manh-cuong', 'Cuong'],
      ],
    );
  });

  it('lets front matter lang decide', () => {
    const text = '---\nlang: vi\n---\nThứ trưởng Nguyễn Mạnh Cường said: Cường will attend.';
    const analysis = analyzeDocument(text, glossary);
    assert.equal(analysis.lang, 'vi');
    assert.deepEqual(analysis.mentions.map((m) => m.match), ['name']);
  });
});
