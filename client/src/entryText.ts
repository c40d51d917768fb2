// Text rules of the selection commands: entry ids, slugs and `[[id|text]]` annotations.
// Pure functions (no `vscode` import) so that they are unit-tested without an editor.
import { fold } from '../../server/src/core/recognition/fold';

/** The glossary's id rule; the server and the schema use the same pattern. */
export const ENTRY_ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

const MAX_SLUG_LENGTH = 64;

/** Letters that have no decomposition in Unicode and so survive diacritic folding. */
const UNDECOMPOSED: Record<string, string> = { ø: 'o', ł: 'l', æ: 'ae', œ: 'oe', ß: 'ss', þ: 'th', ı: 'i' };

/**
 * A proposed entry id for a piece of text: diacritics stripped (`Đ` too), lower case, every run of other
 * characters turned into one hyphen. `Nguyễn Mạnh Cường` gives `nguyen-manh-cuong`, `59-NQ/TW` gives `59-nq-tw`.
 * May be empty when the text has no Latin letter or digit.
 */
export function slugify(text: string): string {
  const folded = fold(text).replace(/[øłæœßþı]/g, (ch) => UNDECOMPOSED[ch] ?? ch);
  let slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG_LENGTH) {
    slug = slug.slice(0, MAX_SLUG_LENGTH);
    // Cut at a word boundary when there is one, so that the id does not end in half a word.
    const lastHyphen = slug.lastIndexOf('-');
    if (lastHyphen > 0) slug = slug.slice(0, lastHyphen);
  }
  return slug;
}

/** Why `id` cannot be used for a new entry, or undefined when it can. */
export function validateNewEntryId(id: string, existingIds: ReadonlySet<string>): string | undefined {
  if (id.length === 0) return 'Enter an id for the new entry.';
  if (!ENTRY_ID_PATTERN.test(id)) {
    return 'An id starts with a lower-case letter or digit and contains only lower-case letters, digits, ".", "_" and "-".';
  }
  if (existingIds.has(id)) return `The glossary already has an entry with the id '${id}'.`;
  return undefined;
}

/** The name a new entry gets from a selection: surrounding space trimmed, inner line breaks and runs of space made one space. */
export function entryNameFromSelection(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export type AnnotationResult = { replacement: string } | { error: string };

/**
 * The text that replaces a selection annotated as an entry. Space around the selection stays outside the
 * brackets; the shown text is left out (`[[id]]`) when it is exactly the entry's name.
 */
export function annotateText(selected: string, entry: { id: string; name: string }): AnnotationResult {
  const leading = /^\s*/.exec(selected)![0];
  const trailing = /\s*$/.exec(selected.slice(leading.length))![0];
  const shown = selected.slice(leading.length, selected.length - trailing.length);
  if (shown.length === 0) return { error: 'The selection is empty.' };
  // These would end the annotation early or make it unreadable to the annotation parser.
  if (shown.includes('[[') || shown.includes(']]') || shown.includes('|')) {
    return { error: 'The selection contains "[[", "]]" or "|", which cannot stand inside an annotation.' };
  }
  if (/[\r\n]/.test(shown)) return { error: 'An annotation cannot span several lines.' };
  const annotation = shown.normalize('NFC') === entry.name.normalize('NFC') ? `[[${entry.id}]]` : `[[${entry.id}|${shown}]]`;
  return { replacement: leading + annotation + trailing };
}

/**
 * Orders entries for a picker opened on a selection: the entries whose name matches the selected text come
 * first (same folded text, then one containing the other, then shared words), the rest by name.
 */
export function rankEntriesForSelection<T extends { id: string; name: string }>(entries: readonly T[], selected: string): T[] {
  const text = fold(entryNameFromSelection(selected));
  const words = new Set(text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1));
  const score = (entry: T): number => {
    const name = fold(entry.name);
    if (text.length === 0) return 3;
    if (name === text || entry.id === text) return 0;
    if (name.includes(text) || text.includes(name)) return 1;
    if (name.split(/[^\p{L}\p{N}]+/u).some((w) => words.has(w))) return 2;
    return 3;
  };
  return entries
    .map((entry) => ({ entry, score: score(entry) }))
    .sort((a, b) => a.score - b.score || a.entry.name.localeCompare(b.entry.name) || a.entry.id.localeCompare(b.entry.id))
    .map((ranked) => ranked.entry);
}
