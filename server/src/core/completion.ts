import type { Glossary, GlossaryEntry } from './glossary/model';
import { entryCard } from './hoverCards';
import { fold } from './recognition/fold';
import type { CompletionEntry, CompletionResult } from './results';
import type { PolicyService } from './service';
import { LineMap } from './text';
import type { Position, Range, TextFile } from './types';
import { glossaryValueAt } from './glossaryFeatures';

/** At most this many items per answer; typing more narrows the list and asks again. */
const MAX_ITEMS = 200;
const ID_CHAR = /[a-z0-9._-]/i;

export function getCompletions(service: PolicyService, file: TextFile, position: Position): CompletionResult {
  if (service.hasGlossaryFile(file.uri)) {
    const glossaryLines = new LineMap(file.text);
    return glossaryIdCompletions(service, file.text, glossaryLines.offsetAt(position), glossaryLines);
  }
  // The document's analysis is cached per version, and so is its line map.
  const lineMap = service.analyzed(file).lineMap;
  const offset = lineMap.offsetAt(position);
  const lineStart = lineMap.offsetAt({ line: position.line, character: 0 });
  const before = file.text.slice(lineStart, offset);
  const annotation = /\[\[([a-z0-9._-]*)$/i.exec(before);
  if (annotation) return annotationCompletions(service, file.text, offset, annotation[1], lineMap);
  return nameCompletions(service, before, offset, lineMap);
}

/** After `[[`: entry ids, with names and kinds; closes the annotation unless it is already closed. */
function annotationCompletions(service: PolicyService, text: string, offset: number, typed: string, lineMap: LineMap): CompletionResult {
  let end = offset;
  while (end < text.length && ID_CHAR.test(text[end])) end++;
  const closed = text.startsWith(']]', end) || text[end] === '|';
  const range = lineMap.rangeOf(offset - typed.length, end);
  return idItems(service, typed, range, (entry) => (closed ? entry.id : `${entry.id}]]`));
}

/** In a glossary file, on a `use` or `related` value (even an empty one being typed): ids of entries. */
function glossaryIdCompletions(service: PolicyService, text: string, offset: number, lineMap: LineMap): CompletionResult {
  const value = glossaryValueAt(text, offset);
  if (!value || value.kind === 'id') return { items: [], isIncomplete: false };
  return idItems(service, text.slice(value.start, offset), lineMap.rangeOf(value.start, value.end), (entry) => entry.id);
}

function idItems(service: PolicyService, typed: string, range: Range, insert: (entry: GlossaryEntry) => string): CompletionResult {
  const glossary = service.getGlossary();
  const query = fold(typed);
  const matches: { entry: GlossaryEntry; foldedName: string }[] = [];
  let isIncomplete = false;
  const names = foldedNames(glossary);
  for (let i = 0; i < glossary.entries.length; i++) {
    const entry = glossary.entries[i];
    if (query && !entry.id.includes(query) && !names[i].includes(query)) continue;
    if (matches.length >= MAX_ITEMS) {
      isIncomplete = true;
      break;
    }
    matches.push({ entry, foldedName: names[i] });
  }
  const items = matches.map(
    ({ entry, foldedName }): CompletionEntry => ({
      label: entry.id,
      kind: entry.kind,
      detail: `${entry.name} (${entry.kind})`,
      documentation: card(service, entry),
      newText: insert(entry),
      range,
      // Typing a name finds the id too.
      filterText: `${entry.id} ${foldedName}`,
      sortText: entry.id.startsWith(query) ? `0${entry.id}` : `1${entry.id}`,
    }),
  );
  return { items, isIncomplete };
}

const foldedNameTables = new WeakMap<Glossary, string[]>();

/** Every entry's name folded, in entry order (built once per glossary). */
function foldedNames(glossary: Glossary): string[] {
  let names = foldedNameTables.get(glossary);
  if (!names) foldedNameTables.set(glossary, (names = glossary.entries.map((e) => fold(e.name))));
  return names;
}

function card(service: PolicyService, entry: GlossaryEntry): string {
  return entryCard(entry, { glossary: service.getGlossary(), roots: service.getRoots(), realUri: service.realUri, counts: service.countsOf(entry.id), decode: (n) => service.decodeNumber(n) });
}

// --- canonical names from a typed alias prefix ---------------------------------------------------

interface NameForm {
  folded: string;
  written: string;
  entry: GlossaryEntry;
}

const formTables = new WeakMap<Glossary, NameForm[]>();

/** Written forms of every entry, folded and sorted, for prefix search (built once per glossary). */
function formTable(glossary: Glossary): NameForm[] {
  let table = formTables.get(glossary);
  if (table) return table;
  table = [];
  for (const entry of glossary.entries) {
    for (const written of [entry.name, ...entry.aliases]) {
      const folded = fold(written).replace(/\s+/g, ' ').trim();
      if (folded.length >= 3) table.push({ folded, written, entry });
    }
  }
  table.sort((a, b) => (a.folded < b.folded ? -1 : a.folded > b.folded ? 1 : 0));
  formTables.set(glossary, table);
  return table;
}

/**
 * As a user types the start of a known name or alias (`Nguyen Manh`), offers the canonical name
 * (`Nguyễn Mạnh Cường`). Only for a capitalised start of at least three letters, so that prose is
 * not interrupted by every word.
 */
function nameCompletions(service: PolicyService, before: string, offset: number, lineMap: LineMap): CompletionResult {
  const words = /((?:[\p{L}\p{M}][\p{L}\p{M}'’.-]*\s+){0,3}[\p{L}\p{M}][\p{L}\p{M}'’.-]*)$/u.exec(before);
  if (!words) return { items: [], isIncomplete: false };
  const table = formTable(service.getGlossary());
  const text = words[1];
  // Try the longest run of words first: `Nguyen Manh` before `Manh`.
  const starts = [0];
  for (const m of text.matchAll(/\s+/g)) starts.push(m.index! + m[0].length);
  for (const s of starts) {
    const typed = text.slice(s);
    if (!/^\p{Lu}/u.test(typed) || typed.replace(/[^\p{L}]/gu, '').length < 3) continue;
    const prefix = fold(typed).replace(/\s+/g, ' ');
    const found = prefixSearch(table, prefix);
    if (found.length === 0) continue;
    // Of an entry's forms, the one that starts exactly as typed describes the item best.
    found.sort((a, b) => Number(b.written.startsWith(typed)) - Number(a.written.startsWith(typed)));
    const range = lineMap.rangeOf(offset - typed.length, offset);
    const seen = new Set<string>();
    const items: CompletionEntry[] = [];
    for (const form of found) {
      if (seen.has(form.entry.id)) continue;
      seen.add(form.entry.id);
      items.push({
        label: form.entry.name,
        kind: form.entry.kind,
        detail: form.written === form.entry.name ? form.entry.kind : `${form.entry.kind} · ${form.written}`,
        documentation: card(service, form.entry),
        newText: form.entry.name,
        range,
        // The editor filters without folding diacritics: keep what was typed as the start.
        filterText: typed + form.written.slice(typed.length),
        sortText: form.entry.name,
      });
      if (items.length >= 50) break;
    }
    return { items, isIncomplete: true };
  }
  return { items: [], isIncomplete: false };
}

function prefixSearch(table: NameForm[], prefix: string): NameForm[] {
  let low = 0;
  let high = table.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (table[mid].folded < prefix) low = mid + 1;
    else high = mid;
  }
  const out: NameForm[] = [];
  for (let i = low; i < table.length && table[i].folded.startsWith(prefix) && out.length < 200; i++) {
    // A complete form needs no completion.
    if (table[i].folded !== prefix) out.push(table[i]);
  }
  return out;
}
