// Parts of the scan written for speed, each checked against the plain version it replaces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeDocument } from '../../server/src/core/recognition';
import { readDocumentNumberAt, readDocumentNumberByPattern } from '../../server/src/core/recognition/documentNumber';
import { mayHaveUrl } from '../../server/src/core/recognition/links';
import { foldedWord, TokenList, tokenize, T_PARAGRAPH, wordEquals, wordEqualsUnits } from '../../server/src/core/recognition/tokens';
import { fuzzGlossary } from '../fuzz/recognitionProperties';

/** Text made mostly of the characters that matter to the piece under test. */
const textOf = (units: string[], maxLength = 60) => fc.array(fc.constantFrom(...units), { maxLength }).map((parts) => parts.join(''));

test('mayHaveUrl answers as /:\\/\\/|www\\./i does', () => {
  const reference = (text: string) => /:\/\/|www\./i.test(text);
  fc.assert(
    fc.property(textOf(['w', 'W', 'ww', '.', ':', '/', '://', 'www.', 'WwW.', ' ', 'x', 'ẃ', '\n']), (text) => {
      assert.equal(mayHaveUrl(text), reference(text), JSON.stringify(text));
    }),
    { numRuns: 3000, seed: 7 },
  );
  for (const text of ['www.', 'a www.b', 'WWW.X', 'x://', '', 'ww.', 'w.w.w.', 'wwx.', '.www']) assert.equal(mayHaveUrl(text), reference(text), text);
});

/** The words of a text as the tokenizer must find them: runs of letters, digits and marks, starting with a letter or digit. */
function referenceWords(text: string): { start: number; end: number; paragraph: boolean }[] {
  const out: { start: number; end: number; paragraph: boolean }[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu)) {
    const gap = text.slice(previousEnd, m.index);
    // A paragraph break: two line breaks or more after the last character that is neither white space nor a mark.
    let newlines = 0;
    for (const ch of gap) {
      if (ch === '\n' || ch === '\u2028' || ch === '\u2029') newlines++;
      else if (!/\s|\p{M}/u.test(ch)) newlines = 0;
    }
    out.push({ start: m.index, end: m.index + m[0].length, paragraph: newlines >= 2 });
    previousEnd = m.index + m[0].length;
  }
  return out;
}

test('tokenize finds the words and paragraph breaks of text with spaces, tabs, line breaks and punctuation', () => {
  const tokens = new TokenList();
  fc.assert(
    fc.property(textOf(['a', 'B', 'ơ', 'Đ', '1', '\u0301', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '.', ',', '-', '’', '\u2028'], 80), (text) => {
      tokens.reset();
      tokenize(text, 0, text.length, tokens);
      const found = [];
      for (let k = 0; k < tokens.count; k++) found.push({ start: tokens.start[k], end: tokens.end[k], paragraph: (tokens.flags[k] & T_PARAGRAPH) !== 0 });
      assert.deepEqual(found, referenceWords(text), JSON.stringify(text));
    }),
    { numRuns: 2000, seed: 11 },
  );
});

test('mentions come sorted by start, then end, whether or not they were found in order', () => {
  const { compiled } = fuzzGlossary();
  const words = ['To Lam', 'General Secretary', 'Cường', 'ASEAN', '59-NQ/TW', '[[to-lam]]', 'Resolution 59', 'ông', 'the', 'Lâm', 'Nguyễn Mạnh Cường'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { maxLength: 30 }), fc.array(fc.constantFrom(' ', ', ', '\n', '\n\n', ' - '), { maxLength: 30 }), (parts, gaps) => {
      const text = parts.map((part, k) => part + (gaps[k] ?? ' ')).join('');
      const mentions = analyzeDocument(text, compiled).mentions;
      const sorted = [...mentions].sort((a, b) => a.start - b.start || a.end - b.end);
      assert.deepEqual(mentions, sorted, JSON.stringify(text));
    }),
    { numRuns: 500, seed: 3 },
  );
});

test('wordEqualsUnits and wordEquals say whether a word folds to the given units', () => {
  // Letters that fold alike or to several units, marks (NFD), a letter outside the BMP.
  const letters = ['a', 'A', 'ă', 'Ấ', 'đ', 'Đ', 'e', 'ß', 'ﬁ', '\u0301', '\u0323', 'n', 'N', '1', '𐐀', 'Ω', 'ω'];
  const word = fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(word, word, (written, other) => {
      for (const folded of [foldedWord(written, 0, written.length), foldedWord(other, 0, other.length)]) {
        // The folded word sits inside a larger array, as in the scan's table of a glossary's words.
        const around = `xy${folded}z`;
        const packed = new Uint16Array(around.length);
        for (let k = 0; k < around.length; k++) packed[k] = around.charCodeAt(k);
        const expected = foldedWord(written, 0, written.length) === folded;
        assert.equal(wordEqualsUnits(written, 0, written.length, packed, 2, 2 + folded.length), expected, `${written} ${folded}`);
        assert.equal(wordEquals(written, 0, written.length, folded), expected, `${written} ${folded}`);
      }
    }),
    { numRuns: 3000, seed: 5 },
  );
});

test('readDocumentNumberAt (answers kept by run) answers as the patterns do, whatever surrounds the number', () => {
  // Numbers and pieces of numbers, next to what may or may not continue them.
  const pieces = [
    '59-NQ/TW', '30/2020/NĐ-CP', '123/QĐ-TTg', '250/2025/QH15', '01/2021/TTLT-BNG-BCA', '59 - NQ / TW', '30/2020/ND–CP',
    '45-HD/BTCTW', '1234/NQ-UBTVQH15', '5', '59', '2020', '/', '-', '–', ' ', '\u00a0', '  ', 'NQ', 'TW', 'Đ', 'ă', 'x',
    '\u0301', '.', ',', '\n', '𐐀', '\ud800', '(', '1/2', '12-KL/TW',
  ];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(text, (t) => {
      for (let offset = 0; offset < t.length; offset++) {
        const code = t.charCodeAt(offset);
        if (code < 0x30 || code > 0x39) continue;
        assert.deepEqual(readDocumentNumberAt(t, offset), readDocumentNumberByPattern(t, offset), `${JSON.stringify(t)} at ${offset}`);
      }
    }),
    { numRuns: 4000, seed: 13 },
  );
  // A run longer than is kept is read by the patterns.
  const long = `12/2020/NĐ-${'CP-'.repeat(30)}CP`;
  assert.deepEqual(readDocumentNumberAt(long, 0), readDocumentNumberByPattern(long, 0));
});
