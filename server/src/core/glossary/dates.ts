const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Whether `text` is a real calendar date written YYYY, YYYY-MM or YYYY-MM-DD. */
export function isValidPartialDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= daysInMonth(Number(m[1]), month);
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
