import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isValidPartialDate } from '../../server/src/core/glossary/dates';

// The definition the digit-by-digit check must agree with: YYYY, YYYY-MM or YYYY-MM-DD, a real date.
function referenceIsValidPartialDate(text: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const year = Number(m[1]);
  // Day 0 of the next month is the last day of this one (setUTCFullYear: Date.UTC reads 0-99 as 1900-1999).
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, month, 0);
  return day >= 1 && day <= lastDay.getUTCDate();
}

const dateLike = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 2 }))
    .map(([y, m, d, parts]) => [String(y).padStart(4, '0'), String(m).padStart(2, '0'), String(d).padStart(2, '0')].slice(0, parts + 1).join('-')),
  fc.array(fc.constantFrom('0', '1', '2', '9', '-', '/', ' ', 'a', '٣', '\n'), { maxLength: 12 }).map((chars) => chars.join('')),
);

test('isValidPartialDate agrees with the regular-expression definition', () => {
  fc.assert(
    fc.property(dateLike, (text) => {
      assert.equal(isValidPartialDate(text), referenceIsValidPartialDate(text), JSON.stringify(text));
    }),
    { seed: 3, numRuns: 3000 },
  );
  for (const valid of ['2025', '2024-02', '2024-02-29', '2000-02-29', '0000-01-01', '1999-12-31']) assert.ok(isValidPartialDate(valid), valid);
  for (const invalid of ['2023-02-29', '1900-02-29', '2025-13', '2025-00', '2025-01-32', '2025-1-1', '20250', '2025-01-01\n', '', '２０２５']) {
    assert.ok(!isValidPartialDate(invalid), invalid);
  }
});
