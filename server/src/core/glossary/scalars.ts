// YAML 1.2 core-schema scalar rules shared by the fast reader and the editor: what a plain scalar
// resolves to, and how to write a string so that it reads back as the same string.

export type ScalarValue = string | number | boolean | null;

const NULL_PLAIN = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_PLAIN = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT_DEC = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** The value of a plain (unquoted, untagged) scalar under the YAML 1.2 core schema, as the `yaml` package resolves it. */
export function resolvePlainScalar(source: string): ScalarValue {
  const c = source.charCodeAt(0);
  // Only these first characters can start a non-string; checking first keeps ordinary text cheap.
  const mayBeSpecial =
    source.length === 0 || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70;
  if (!mayBeSpecial) return source;
  if (c >= 48 && c <= 57 && !mayBeNumberAfterDigit(source)) return source;
  if (NULL_PLAIN.test(source)) return null;
  if (BOOL_PLAIN.test(source)) return source[0] === 't' || source[0] === 'T';
  if (INT_OCT.test(source)) return parseInt(source.substring(2), 8);
  if (INT_DEC.test(source)) return parseInt(source, 10);
  if (INT_HEX.test(source)) return parseInt(source.substring(2), 16);
  if (FLOAT_SPECIAL.test(source)) {
    if (source.slice(-3).toLowerCase() === 'nan') return NaN;
    return source[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (FLOAT_EXP.test(source) || FLOAT.test(source)) return parseFloat(source);
  return source;
}

/**
 * For a source starting with a digit: false when no number rule can match, so that dates and document
 * numbers (`2025-01-24`, `59-NQ/TW`) skip the regular expressions. A number has a sign only first or
 * right after an exponent mark, and never a `/`, `:` or space.
 */
function mayBeNumberAfterDigit(source: string): boolean {
  for (let i = 1; i < source.length; i++) {
    const d = source.charCodeAt(i);
    if (d === 45 || d === 43) {
      const before = source.charCodeAt(i - 1);
      if (before !== 101 && before !== 69) return false;
    } else if (d === 47 || d === 58 || d === 32) {
      return false;
    }
  }
  return true;
}

const PLAIN_FIRST_FORBIDDEN = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);
// Characters never written plain: control characters, line breaks, BOM, and the Unicode line/paragraph separators.
const UNSAFE_ANYWHERE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
const FLOW_INDICATORS = /[,[\]{}]/;

/** Whether `value` can be written as a plain scalar and read back as the same string. */
export function canWritePlain(value: string, inFlow: boolean): boolean {
  if (value.length === 0) return false;
  if (PLAIN_FIRST_FORBIDDEN.has(value[0])) return false;
  if (value[0] === ' ' || value[value.length - 1] === ' ') return false;
  if (UNSAFE_ANYWHERE.test(value)) return false;
  if (value.includes(': ') || value.includes(' #') || value.endsWith(':')) return false;
  if (inFlow && (FLOW_INDICATORS.test(value) || value.includes(':'))) return false;
  if (/^(?:---|\.\.\.)/.test(value)) return false;
  return resolvePlainScalar(value) === value;
}

/** A double-quoted YAML scalar for `value` (JSON escapes are valid YAML escapes). */
export function doubleQuoted(value: string): string {
  // JSON.stringify escapes C0 controls and lone surrogates; YAML also wants these non-printables escaped.
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** A single-quoted YAML scalar for `value`, or undefined when single quotes cannot carry it on one line. */
export function singleQuoted(value: string): string | undefined {
  if (UNSAFE_ANYWHERE.test(value)) return undefined;
  return `'${value.replace(/'/g, "''")}'`;
}

export type WrittenStyle = 'plain' | 'single' | 'double';

/**
 * Writes `value` as a one-line scalar, in `preferred` style when that style reads back as the same
 * string, else in the nearest style that does (plain -> double quotes, single -> double quotes).
 */
export function writeScalar(value: string, preferred: WrittenStyle, inFlow: boolean): string {
  if (preferred === 'plain' && canWritePlain(value, inFlow)) return value;
  if (preferred === 'single') {
    const single = singleQuoted(value);
    if (single !== undefined) return single;
  }
  return doubleQuoted(value);
}
