/**
 * Whether `text` is a real calendar date written YYYY, YYYY-MM or YYYY-MM-DD (ASCII digits). Read
 * digit by digit: the loader checks every date of every entry and role.
 */
export function isValidPartialDate(text: string): boolean {
  const length = text.length;
  if (length !== 4 && length !== 7 && length !== 10) return false;
  const year = digitsAt(text, 0, 4);
  if (year < 0) return false;
  if (length === 4) return true;
  if (text.charCodeAt(4) !== 45) return false;
  const month = digitsAt(text, 5, 2);
  if (month < 1 || month > 12) return false;
  if (length === 7) return true;
  if (text.charCodeAt(7) !== 45) return false;
  const day = digitsAt(text, 8, 2);
  return day >= 1 && day <= daysInMonth(year, month);
}

/** The number written by the `count` ASCII digits at `from`, or -1 when one is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Whether `from` comes after `to`, compared at the precision both have (`2024-05` to `2024` is not
 * reversed: both fall in 2024).
 */
export function isReversedPeriod(from: string, to: string): boolean {
  const length = Math.min(from.length, to.length);
  return from.slice(0, length) > to.slice(0, length);
}
