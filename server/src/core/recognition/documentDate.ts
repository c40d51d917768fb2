// A document's date and language settings from its head: YAML front matter, a leading `date` line, or a
// dateline (`Hanoi, January 22, 2026`, `22/01/2026`, `Hà Nội, ngày 22 tháng 01 năm 2026`).

/** The YAML front matter of a document: top-level `key: value` pairs between `---` lines. */
export interface FrontMatter {
  /** Offset just after the closing line. */
  end: number;
  values: Map<string, string>;
}

const MAX_FRONT_MATTER = 64 * 1024;

export function readFrontMatter(text: string): FrontMatter | undefined {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const open = /^---[ \t]*\r?\n/.exec(text.slice(bom, bom + 8));
  if (!open) return undefined;
  const head = text.slice(0, MAX_FRONT_MATTER);
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  const bodyStart = bom + open[0].length;
  const rest = head.slice(bodyStart);
  const m = close.exec(rest);
  if (!m) return undefined;
  const body = rest.slice(0, m.index);
  let end = bodyStart + m.index + m[0].length;
  if (text.charCodeAt(end) === 13) end++;
  if (text.charCodeAt(end) === 10) end++;
  const values = new Map<string, string>();
  for (const line of body.split(/\r?\n/)) {
    const kv = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/.exec(line);
    if (!kv) continue;
    let value = kv[2].replace(/[ \t]+#.*$/, '').trim();
    if (/^(['"]).*\1$/.test(value)) value = value.slice(1, -1);
    values.set(kv[1].toLowerCase(), value);
  }
  return { end, values };
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};

const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?';
const DATE_FORMS: [RegExp, (m: RegExpExecArray) => [number, number, number]][] = [
  [new RegExp(`^${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i'), (m) => [+m[3], MONTHS[m[1].toLowerCase()], +m[2]]],
  [new RegExp(`^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i'), (m) => [+m[3], MONTHS[m[2].toLowerCase()], +m[1]]],
  [/^(\d{4})-(\d{2})-(\d{2})\b/, (m) => [+m[1], +m[2], +m[3]]],
  [/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/, (m) => [+m[3], +m[2], +m[1]]],
  [/^(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu, (m) => [+m[3], +m[2], +m[1]]],
];

function iso(year: number, month: number, day: number): string | undefined {
  if (!(month >= 1 && month <= 12) || year < 1000 || year > 9999) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!(day >= 1 && day <= days)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Reads a date written at the start of `text` in one of the accepted forms. */
function readDate(text: string): string | undefined {
  for (const [pattern, parts] of DATE_FORMS) {
    const m = pattern.exec(text);
    if (m) return iso(...parts(m));
  }
  return undefined;
}

/** Reads an ISO date of any precision (`2026`, `2026-01`, `2026-01-22`, a timestamp) or another accepted form. */
function readDateValue(value: string): string | undefined {
  const v = value.normalize('NFC').trim();
  const isoMatch = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (isoMatch) {
    const [, y, mo, d] = isoMatch;
    if (d) return iso(+y, +mo, +d);
    if (mo) return +mo >= 1 && +mo <= 12 ? `${y}-${mo}` : undefined;
    return y;
  }
  return readDate(v);
}

const DATELINE_LINES = 15;
const DATELINE_CHARS = 4000;
const PLACE = /^(?:[\p{Lu}][\p{L}\p{M}.'’ -]{1,40},\s*)?(?:(?:ngày|Ngày)\s+)?/u;

/**
 * The document's date: front matter `date:`, else a leading `date 2026-01-22` line, else a dateline
 * near the top (a line that starts with a date, optionally after a place and a comma). `frontMatter` is
 * the document's front matter when the caller has read it already (null: it has none).
 */
export function detectDocumentDate(text: string, frontMatter?: FrontMatter | null): string | undefined {
  const front = frontMatter === undefined ? readFrontMatter(text) : (frontMatter ?? undefined);
  if (front?.values.has('date')) {
    const date = readDateValue(front.values.get('date')!);
    if (date) return date;
  }
  const lines = headLines(text, front?.end ?? 0);
  if (lines.length === 0) return undefined;
  const leading = /^date\s*:?\s+(.+)$/i.exec(lines[0]);
  if (leading) {
    const date = readDateValue(leading[1]);
    if (date) return date;
  }
  for (const line of lines) {
    const place = PLACE.exec(line);
    const date = readDate(line.slice(place ? place[0].length : 0));
    if (date) return date;
  }
  return undefined;
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The first non-empty lines (trimmed) of the DATELINE_CHARS characters from `from`, in NFC so that
 * Vietnamese words (`ngày`, `tháng`) and place lengths read the same in NFD text. Only those lines are
 * looked at, and only those with a character outside ASCII are normalised (the rest are NFC already).
 */
function headLines(text: string, from: number): string[] {
  const headEnd = Math.min(text.length, from + DATELINE_CHARS);
  const lines: string[] = [];
  for (let at = from; at < headEnd && lines.length < DATELINE_LINES; ) {
    let next = text.indexOf('\n', at);
    if (next < 0 || next > headEnd) next = headEnd;
    // Trimming drops the carriage return of a CR LF line end; NFC leaves white space alone.
    const line = text.slice(at, next).trim();
    if (line.length > 0) lines.push(NON_ASCII.test(line) ? line.normalize('NFC') : line);
    at = next + 1;
  }
  return lines;
}
