// Text inside a URL, an e-mail address or a file name is not prose: `le-hoai-trung.jpg` does not mention
// Le Hoai Trung. Checked only where something matched, so it costs nothing on the rest of the text.

const MAX_CHUNK = 2048;

const FILE_EXTENSIONS = new Set([
  'jpg', 'jpeg', 'png', 'gif', 'webp', 'svg', 'bmp', 'tif', 'tiff', 'heic', 'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt',
  'pptx', 'odt', 'rtf', 'txt', 'md', 'html', 'htm', 'php', 'aspx', 'asp', 'xml', 'json', 'yaml', 'yml', 'csv', 'zip',
  'rar', '7z', 'mp3', 'mp4', 'mov', 'avi', 'wav', 'js', 'ts', 'css',
]);

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200b);
}

/** A character that may be part of a file name or path (`le-hoai-trung.jpg`, `docs/notes.md`). */
function isPathChar(ch: string): boolean {
  return /[\p{L}\p{N}\p{M}_.~\-/\\%+]/u.test(ch);
}

/** True when `text[start, end)` lies (partly) inside a URL, an e-mail address or a file name. */
export function isInsideLink(text: string, start: number, end: number): boolean {
  let chunkStart = start;
  while (chunkStart > 0 && start - chunkStart < MAX_CHUNK && !isSpace(text.charCodeAt(chunkStart - 1))) chunkStart--;
  let chunkEnd = end;
  while (chunkEnd < text.length && chunkEnd - end < MAX_CHUNK && !isSpace(text.charCodeAt(chunkEnd))) chunkEnd++;
  // Plain words with ordinary punctuation (a full stop at the end at most): nothing to check.
  let suspicious = false;
  for (let k = chunkStart; k < chunkEnd && !suspicious; k++) {
    const code = text.charCodeAt(k);
    if (code === 0x3a || code === 0x40 || code === 0x2f || code === 0x5c) suspicious = true;
    else if (code === 0x2e && k + 1 < chunkEnd && /[\p{L}\p{N}]/u.test(text[k + 1])) suspicious = true;
  }
  if (!suspicious) return false;
  const chunk = text.slice(chunkStart, chunkEnd);
  const s = start - chunkStart;
  const e = end - chunkStart;
  const overlaps = (a: number, b: number) => a < e && s < b;

  // URLs: scheme://... or www.... up to a closing bracket, quote or the chunk's end.
  for (const m of chunk.matchAll(/(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"'()[\]]*/gi)) {
    if (overlaps(m.index!, m.index! + m[0].length)) return true;
  }
  // E-mail addresses.
  for (const m of chunk.matchAll(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu)) {
    if (overlaps(m.index!, m.index! + m[0].length)) return true;
  }
  // File names and paths: the run of path characters around the match, ending in a known extension.
  let runStart = s;
  while (runStart > 0 && isPathChar(chunk[runStart - 1])) runStart--;
  let runEnd = e;
  while (runEnd < chunk.length && isPathChar(chunk[runEnd])) runEnd++;
  const run = chunk.slice(runStart, runEnd).replace(/[.]+$/, '');
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(run);
  if (ext && FILE_EXTENSIONS.has(ext[1].toLowerCase()) && run.length > ext[0].length) return true;
  // A path with a slash and a dotted file at its end (`docs/resolution-59-notes.md` is caught above).
  return false;
}
