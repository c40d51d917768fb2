import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { CodeFix } from '../../server/src/core/results';
import { PolicyService } from '../../server/src/core/service';
import { parseSettings, type QuickFixLanguage } from '../../server/src/core/settings';
import type { TextFile } from '../../server/src/core/types';
import { applyTextEdits, positionOf, rangeOf } from '../helpers/text';

const GLOSSARY = `entries:
  - id: pham-minh-chinh
    kind: official
    name: Phạm Minh Chính
    aliases: [Pham Minh Chinh]
    native: Phạm Minh Chính
    roles:
      - title: Prime Minister
        native: Thủ tướng Chính phủ
        from: 2021-04-05
      - title: Head of the Central Organisation Commission
        native: Trưởng Ban Tổ chức Trung ương
        from: 2016-02-04
        to: 2021-04-05
  - id: people-to-people-diplomacy
    kind: term
    name: people-to-people diplomacy
    native: ngoại giao nhân dân
  - id: mass-diplomacy
    kind: term
    name: mass diplomacy
    status: deprecated
    use: people-to-people-diplomacy
  - id: resolution-59
    kind: resolution
    name: Resolution 59
    number: 59-NQ/TW
`;

function service(): PolicyService {
  const s = new PolicyService({ roots: ['file:///w'] });
  s.setGlossaryFile('file:///w/policy.glossary.yaml', GLOSSARY);
  return s;
}

let version = 0;
const doc = (text: string): TextFile => ({ uri: `file:///w/doc${++version}.txt`, version: 1, text });

function fixesAt(s: PolicyService, file: TextFile, needle: string, language?: QuickFixLanguage): CodeFix[] {
  return s.getCodeFixes(file, rangeOf(file.text, needle), undefined, language);
}

function applied(file: TextFile, fix: CodeFix): string {
  const edits = fix.changes.edits.find((e) => e.uri === file.uri)?.edits ?? [];
  return applyTextEdits(file.text, edits);
}

function card(s: PolicyService, file: TextFile, needle: string): string {
  const hover = s.getHover(file, positionOf(file.text, needle, 2));
  assert.ok(hover, `expected a hover on ${needle}`);
  return hover.markdown;
}

/** The role lines of a card, in order. */
const roleLines = (markdown: string) => markdown.split('\n').filter((line) => line.startsWith('- '));

const VI_TEXT =
  'Ngày 12/3/2025, Thủ tướng Chính phủ Phạm Minh Chính chủ trì phiên họp về ngoại giao nhân dân và nhấn mạnh yêu cầu đổi mới tư duy trong công tác đối ngoại của các bộ, ngành.\n';
const EN_TEXT = '2025-03-12\nPrime Minister Pham Minh Chinh chaired a meeting on people-to-people diplomacy with the ministries.\n';

describe('hover cards in both languages', () => {
  it('puts the native title first in a Vietnamese document and the English title first in an English one', () => {
    const s = service();
    const vi = card(s, doc(VI_TEXT), 'Phạm Minh Chính');
    const en = card(s, doc(EN_TEXT), 'Pham Minh Chinh');
    assert.deepEqual(roleLines(vi), [
      '- Thủ tướng Chính phủ (Prime Minister), 2021\\-04\\-05 – present _(held on 2025\\-03\\-12)_',
      '- Trưởng Ban Tổ chức Trung ương (Head of the Central Organisation Commission), 2016\\-02\\-04 – 2021\\-04\\-05',
    ]);
    assert.deepEqual(roleLines(en), [
      '- Prime Minister (Thủ tướng Chính phủ), 2021\\-04\\-05 – present _(held on 2025\\-03\\-12)_',
      '- Head of the Central Organisation Commission (Trưởng Ban Tổ chức Trung ương), 2016\\-02\\-04 – 2021\\-04\\-05',
    ]);
    // Apart from the role lines the card is the same, and shows the English name and the Vietnamese form.
    const rest = (markdown: string) => markdown.split('\n').filter((line) => !line.startsWith('- '));
    assert.deepEqual(rest(vi), rest(en));
    assert.match(vi, /\*\*Phạm Minh Chính\*\*/);
    assert.match(vi, /Native: Phạm Minh Chính/);
    assert.match(vi, /Also written: Pham Minh Chinh/);
  });

  it('follows the paragraph: a Vietnamese quote in an English report gets native titles first', () => {
    const s = service();
    const text = `${EN_TEXT}\nThe ministries agreed that the new plan should be reviewed again before the end of the year, and that the agencies would report to the government on the progress of the work every quarter.\n\n${VI_TEXT}`;
    const file = doc(text);
    assert.ok(s.analyzed(file).analysis.lang === 'en', 'the document is English');
    const en = card(s, file, 'Pham Minh Chinh');
    const vi = card(s, file, 'Phạm Minh Chính');
    assert.match(roleLines(en)[0], /^- Prime Minister \(Thủ tướng Chính phủ\)/);
    assert.match(roleLines(vi)[0], /^- Thủ tướng Chính phủ \(Prime Minister\)/);
  });
});

describe('document type word against the number', () => {
  it('warns when a Vietnamese type word contradicts the code, and the fix writes the right word', () => {
    const s = service();
    const file = doc('Thủ tướng Chính phủ đã ban hành Nghị quyết số 123/QĐ-TTg về việc kiện toàn các cơ quan đối ngoại của Chính phủ.\n');
    const diagnostic = s.getDiagnostics(file).find((d) => d.code === 'document-type-mismatch');
    assert.ok(diagnostic, 'expected a type mismatch');
    assert.equal(diagnostic.severity, 'warning');
    assert.equal(file.text.slice(diagnostic.start, diagnostic.end), 'Nghị quyết');
    const fixes = fixesAt(s, file, 'Nghị quyết').filter((f) => f.diagnostic.code === 'document-type-mismatch');
    assert.equal(fixes.length, 1);
    assert.ok(applied(file, fixes[0]).includes('ban hành Quyết định số 123/QĐ-TTg về'));
    // English fixes write the English word in place of the Vietnamese one.
    const english = fixesAt(s, file, 'Nghị quyết', 'english').filter((f) => f.diagnostic.code === 'document-type-mismatch');
    assert.ok(applied(file, english[0]).includes('ban hành Decision số 123/QĐ-TTg'));
  });

  it('warns on an English type word too, and stays quiet when word and code agree', () => {
    const s = service();
    const wrong = doc('The government issued Resolution No. 30/2020/NĐ-CP on clerical work last year.\n');
    const d = s.getDiagnostics(wrong).find((x) => x.code === 'document-type-mismatch');
    assert.ok(d);
    const fix = fixesAt(s, wrong, 'Resolution').find((f) => f.diagnostic.code === 'document-type-mismatch');
    assert.ok(fix);
    assert.ok(applied(wrong, fix).includes('issued Decree No. 30/2020/NĐ-CP'));
    const vietnamese = fixesAt(s, wrong, 'Resolution', 'vietnamese').find((f) => f.diagnostic.code === 'document-type-mismatch');
    assert.ok(applied(wrong, vietnamese!).includes('issued Nghị định No. 30/2020/NĐ-CP'));

    const right = doc('Chính phủ ban hành Nghị định 30/2020/NĐ-CP và Bộ Chính trị ban hành Nghị quyết số 59-NQ/TW về hội nhập quốc tế.\n');
    assert.deepEqual(s.getDiagnostics(right).filter((x) => x.code === 'document-type-mismatch'), []);
  });

  it('can be turned off through the severity setting', () => {
    const s = service();
    const file = doc('Bộ Chính trị ban hành Chỉ thị số 59-NQ/TW về hội nhập quốc tế trong tình hình mới.\n');
    assert.equal(s.getDiagnostics(file).filter((d) => d.code === 'document-type-mismatch').length, 1);
    assert.equal(s.getDiagnostics(file, { 'document-type-mismatch': 'off' }).filter((d) => d.code === 'document-type-mismatch').length, 0);
  });
});

describe('the language quick fixes write', () => {
  it('reads quickFixLanguage with auto as the default and reports a bad value', () => {
    assert.equal(parseSettings({}).settings.quickFixLanguage, 'auto');
    assert.equal(parseSettings({ quickFixLanguage: 'vietnamese' }).settings.quickFixLanguage, 'vietnamese');
    const bad = parseSettings({ quickFixLanguage: 'french' });
    assert.equal(bad.settings.quickFixLanguage, 'auto');
    assert.equal(bad.problems[0]?.setting, 'policyGloss.quickFixLanguage');
  });

  it('writes title fixes in the chosen language (auto: the language the title is written in)', () => {
    const s = service();
    const file = doc('Ngày 12/3/2025, Bộ trưởng Bộ Ngoại giao Phạm Minh Chính tiếp Đại sứ các nước tại trụ sở Chính phủ ở Hà Nội.\n');
    const first = (language?: QuickFixLanguage) => {
      const fix = fixesAt(s, file, 'Bộ trưởng Bộ Ngoại giao', language).find((f) => f.diagnostic.code === 'title-mismatch');
      assert.ok(fix, `expected a title fix (${language})`);
      return applied(file, fix);
    };
    assert.ok(first().includes('2025, Thủ tướng Chính phủ Phạm Minh Chính tiếp'));
    assert.ok(first('vietnamese').includes('2025, Thủ tướng Chính phủ Phạm Minh Chính tiếp'));
    assert.ok(first('english').includes('2025, Prime Minister Phạm Minh Chính tiếp'));
  });

  it('writes the deprecated term replacement and name spellings in the chosen language', () => {
    const s = service();
    const file = doc('Officials praised mass diplomacy and Phạm Minh Chinh in the report on the regional visit.\n');
    const replacement = (language?: QuickFixLanguage) =>
      applied(file, fixesAt(s, file, 'mass diplomacy', language).find((f) => f.diagnostic.code === 'deprecated-term')!);
    assert.ok(replacement().includes('praised people-to-people diplomacy and'));
    assert.ok(replacement('english').includes('praised people-to-people diplomacy and'));
    assert.ok(replacement('vietnamese').includes('praised ngoại giao nhân dân and'));

    const variant = (language?: QuickFixLanguage) =>
      fixesAt(s, file, 'Phạm Minh Chinh', language).filter((f) => f.diagnostic.code === 'name-variant').map((f) => applied(file, f));
    assert.ok(variant('english')[0].includes('and Pham Minh Chinh in'));
    assert.ok(variant('vietnamese')[0].includes('and Phạm Minh Chính in'));
  });

  it('fills a new official entry in the chosen language', () => {
    const s = service();
    const file = doc('Ngày 5/6/2025, Thủ tướng Chính phủ Phạm Minh Chính tiếp Thứ trưởng Lê Văn Thành tại Hà Nội để bàn công tác đối ngoại.\n');
    const added = (language?: QuickFixLanguage) => {
      const fix = fixesAt(s, file, 'Lê Văn Thành', language).find((f) => f.diagnostic.code === 'unknown-official');
      assert.ok(fix, `expected an add-to-glossary fix (${language})`);
      const edits = fix.changes.edits.find((e) => e.uri.endsWith('policy.glossary.yaml'))!.edits;
      return applyTextEdits(GLOSSARY, edits).slice(GLOSSARY.length - 1);
    };
    const auto = added();
    assert.match(auto, /name: Lê Văn Thành/);
    assert.match(auto, /Le Van Thanh/);
    const english = added('english');
    assert.match(english, /name: Le Van Thanh/);
    assert.match(english, /native: Lê Văn Thành/);
  });
});
