import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  annotateText,
  ENTRY_ID_PATTERN,
  entryNameFromSelection,
  rankEntriesForSelection,
  slugify,
  validateNewEntryId,
} from '../../client/src/entryText';
import { countLabel } from '../../client/src/format';

describe('slugify', () => {
  it('strips Vietnamese diacritics, including Đ', () => {
    assert.equal(slugify('Nguyễn Mạnh Cường'), 'nguyen-manh-cuong');
    assert.equal(slugify('Đảng Cộng sản Việt Nam'), 'dang-cong-san-viet-nam');
    assert.equal(slugify('Tô Lâm'), 'to-lam');
  });

  it('gives the same id for composed and decomposed text', () => {
    const composed = 'Phạm Minh Chính'.normalize('NFC');
    assert.equal(slugify(composed.normalize('NFD')), slugify(composed));
  });

  it('turns document numbers and punctuation into single hyphens', () => {
    assert.equal(slugify('59-NQ/TW'), '59-nq-tw');
    assert.equal(slugify('250/2025/QH15'), '250-2025-qh15');
    assert.equal(slugify('  "Strategic   autonomy" (term) '), 'strategic-autonomy-term');
  });

  it('maps letters that have no decomposition', () => {
    assert.equal(slugify('Søren Łukasz Straße'), 'soren-lukasz-strasse');
  });

  it('is empty when nothing Latin is left', () => {
    assert.equal(slugify('中国'), '');
    assert.equal(slugify(' -- '), '');
  });

  it('cuts long text at a word boundary', () => {
    const slug = slugify('Resolution on breakthroughs in science technology innovation and national digital transformation');
    assert.ok(slug.length <= 64, slug);
    assert.ok(!slug.endsWith('-'));
    assert.ok('resolution-on-breakthroughs-in-science-technology-innovation-and-national'.startsWith(slug));
  });

  it('always gives an empty string or a valid id, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        const slug = slugify(text);
        assert.ok(slug === '' || ENTRY_ID_PATTERN.test(slug), JSON.stringify(slug));
        assert.equal(slugify(slug), slug);
      }),
      { seed: 20250124, numRuns: 300 },
    );
  });
});

describe('validateNewEntryId', () => {
  const existing = new Set(['to-lam']);
  it('accepts a fresh id that follows the pattern', () => {
    assert.equal(validateNewEntryId('luong-cuong', existing), undefined);
    assert.equal(validateNewEntryId('59-nq.tw_2', existing), undefined);
  });
  it('rejects empty, badly formed and taken ids with a reason', () => {
    assert.match(validateNewEntryId('', existing)!, /Enter an id/);
    for (const bad of ['-lead', 'Upper', 'has space', 'đ', '.dot', 'a/b']) {
      assert.match(validateNewEntryId(bad, existing)!, /starts with a lower-case letter or digit/, bad);
    }
    assert.match(validateNewEntryId('to-lam', existing)!, /already has an entry/);
  });
});

describe('entryNameFromSelection', () => {
  it('trims and joins lines', () => {
    assert.equal(entryNameFromSelection('  Nguyễn Mạnh\n  Cường \t'), 'Nguyễn Mạnh Cường');
  });
});

describe('annotateText', () => {
  const entry = { id: 'nguyen-manh-cuong', name: 'Nguyễn Mạnh Cường' };
  it('keeps the shown text when it differs from the name', () => {
    assert.deepEqual(annotateText('Nguyen Manh Cuong', entry), { replacement: '[[nguyen-manh-cuong|Nguyen Manh Cuong]]' });
    assert.deepEqual(annotateText('Cuong', entry), { replacement: '[[nguyen-manh-cuong|Cuong]]' });
  });
  it('leaves the text out when it is the name, in either normal form', () => {
    assert.deepEqual(annotateText('Nguyễn Mạnh Cường', entry), { replacement: '[[nguyen-manh-cuong]]' });
    assert.deepEqual(annotateText('Nguyễn Mạnh Cường'.normalize('NFD'), entry), { replacement: '[[nguyen-manh-cuong]]' });
  });
  it('keeps surrounding space outside the brackets', () => {
    assert.deepEqual(annotateText(' Cuong\n', entry), { replacement: ' [[nguyen-manh-cuong|Cuong]]\n' });
  });
  it('refuses text that would break the annotation', () => {
    for (const text of ['a ]] b', 'x|y', '[[z', 'two\nlines', '   ']) {
      assert.ok('error' in annotateText(text, entry), text);
    }
  });
});

describe('rankEntriesForSelection', () => {
  const entries = [
    { id: 'to-lam', name: 'Tô Lâm' },
    { id: 'luong-cuong', name: 'Lương Cường' },
    { id: 'nguyen-manh-cuong', name: 'Nguyễn Mạnh Cường' },
    { id: 'strategic-autonomy', name: 'strategic autonomy' },
  ];
  it('puts the folded exact match first, then containment, then shared words', () => {
    const ranked = rankEntriesForSelection(entries, 'Nguyen Manh Cuong').map((entry) => entry.id);
    assert.deepEqual(ranked, ['nguyen-manh-cuong', 'luong-cuong', 'strategic-autonomy', 'to-lam']);
    assert.equal(rankEntriesForSelection(entries, 'autonomy')[0].id, 'strategic-autonomy');
  });
  it('sorts by name when nothing is selected and keeps every entry', () => {
    const ranked = rankEntriesForSelection(entries, '');
    assert.equal(ranked.length, entries.length);
    assert.deepEqual(ranked.map((entry) => entry.id), ['luong-cuong', 'nguyen-manh-cuong', 'strategic-autonomy', 'to-lam']);
  });
});

describe('countLabel', () => {
  it('uses the singular for one only', () => {
    assert.equal(countLabel(1, 'mention'), '1 mention');
    assert.equal(countLabel(0, 'mention'), '0 mentions');
    assert.equal(countLabel(2, 'entry', 'entries'), '2 entries');
  });
});
