// Text inside a URL, an e-mail address or a file name is not prose: `le-hoai-trung.jpg` does not mention
// Le Hoai Trung. URLs and e-mail addresses are found once per text; file names only where something matched.

/** File names are at most 255 characters: the run around a match is not followed further. */
const MAX_NAME = 255;

const FILE_EXTENSIONS = new Set([
  'jpg', 'jpeg', 'png', 'gif', 'webp', 'svg', 'bmp', 'tif', 'tiff', 'heic', 'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt',
  'pptx', 'odt', 'rtf', 'txt', 'md', 'html', 'htm', 'php', 'aspx', 'asp', 'xml', 'json', 'yaml', 'yml', 'csv', 'zip',
  'rar', '7z', 'mp3', 'mp4', 'mov', 'avi', 'wav', 'js', 'ts', 'css',
]);

/** Per UTF-16 unit: 0 not yet known, 1 part of a path, 2 not. */
const PATH_UNITS = new Uint8Array(0x10000);
for (let code = 0; code < 128; code++) {
  const ascii = (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || '_.~-/\\%+'.includes(String.fromCharCode(code));
  PATH_UNITS[code] = ascii ? 1 : 2;
}

/** A unit that may be part of a file name or path (`le-hoai-trung.jpg`, `docs/notes.md`): letters, digits, marks. */
function isPathUnit(code: number): boolean {
  let known = PATH_UNITS[code];
  if (known === 0) PATH_UNITS[code] = known = /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}

function isAsciiAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

const URL_PATTERN = /(?:[a-z][a-z0-9+.-]{0,31}:\/\/|www\.)[^\s<>"'()[\]]*/gi;
const EMAIL_PATTERN = /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63})+/gu;

/** The URL and e-mail spans of one text, sorted by start, with the running maximum of their ends. */
interface LinkSpans {
  text: string;
  starts: number[];
  maxEnds: number[];
}

let lastSpans: LinkSpans | undefined;

/**
 * URLs and e-mail addresses of the whole text, found once per text (recognition asks for every match
 * of a document): one linear pass per pattern, so that a long run of matches costs no more than the text.
 */
function linkSpans(text: string): LinkSpans {
  if (lastSpans?.text === text) return lastSpans;
  const found: [number, number][] = [];
  if (mayHaveUrl(text)) for (const m of text.matchAll(URL_PATTERN)) found.push([m.index!, m.index! + m[0].length]);
  if (text.includes('@')) for (const m of text.matchAll(EMAIL_PATTERN)) found.push([m.index!, m.index! + m[0].length]);
  found.sort((a, b) => a[0] - b[0]);
  const starts: number[] = [];
  const maxEnds: number[] = [];
  for (const [start, end] of found) {
    starts.push(start);
    maxEnds.push(Math.max(end, maxEnds.length ? maxEnds[maxEnds.length - 1] : 0));
  }
  lastSpans = { text, starts, maxEnds };
  return lastSpans;
}

/**
 * Whether the text has `://` or `www.` (any case), as `/:\/\/|www\./i` tests but faster: the search
 * for a substring runs in native code, and `www.` is looked for only before the text's full stops.
 */
export function mayHaveUrl(text: string): boolean {
  if (text.includes('://')) return true;
  for (let dot = text.indexOf('.', 3); dot >= 0; dot = text.indexOf('.', dot + 1)) {
    if ((text.charCodeAt(dot - 1) | 0x20) === 0x77 && (text.charCodeAt(dot - 2) | 0x20) === 0x77 && (text.charCodeAt(dot - 3) | 0x20) === 0x77) return true;
  }
  return false;
}

/** True when `text[start, end)` lies (partly) inside a URL, an e-mail address or a file name. */
export function isInsideLink(text: string, start: number, end: number): boolean {
  // URLs and e-mail addresses: is there a span that starts before `end` and ends after `start`?
  const spans = linkSpans(text);
  let low = 0;
  let high = spans.starts.length - 1;
  let last = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans.starts[mid] < end) {
      last = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (last >= 0 && spans.maxEnds[last] > start) return true;
  // File names and paths: the run of path characters around the match, ending in a known extension.
  let runStart = start;
  while (runStart > 0 && start - runStart < MAX_NAME && isPathUnit(text.charCodeAt(runStart - 1))) runStart--;
  let runEnd = end;
  while (runEnd < text.length && runEnd - end < MAX_NAME && isPathUnit(text.charCodeAt(runEnd))) runEnd++;
  // Without its trailing dots the run ends in `.ext` (one to five ASCII letters or digits, a known
  // extension) with something before it. Read in place: most matches end in a space.
  let runStop = runEnd;
  while (runStop > runStart && text.charCodeAt(runStop - 1) === 0x2e) runStop--;
  let extStart = runStop;
  while (extStart > runStart && runStop - extStart <= 5 && isAsciiAlnum(text.charCodeAt(extStart - 1))) extStart--;
  const extLength = runStop - extStart;
  if (extLength < 1 || extLength > 5 || extStart - 1 < runStart || text.charCodeAt(extStart - 1) !== 0x2e) return false;
  return runStop - runStart > extLength + 1 && FILE_EXTENSIONS.has(text.slice(extStart, runStop).toLowerCase());
}
