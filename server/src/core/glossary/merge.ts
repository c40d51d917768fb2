import type { Range } from '../types';
import { formKey, formKeyHash, formKeysEqual } from './forms';
import type { Glossary, GlossaryEntry, GlossaryFile, GlossaryProblem } from './model';
import { formRange, relatedRange, useRange } from './ranges';
import { runToEnd, type Steps } from './steps';
import { closestMatch } from './suggest';

/** At most this many other places are listed in a problem's related information. */
const MAX_RELATED = 20;
/** Suggesting a close id compares against every id: only done for glossaries up to this size... */
const MAX_IDS_FOR_SUGGESTIONS = 5000;
/** ...and for this many references to no entry per merge (thousands of them would take seconds). */
const MAX_SUGGESTIONS = 20;

/** Entries (or forms) handled between two pauses of mergeGlossarySteps. */
const ITEMS_PER_STEP = 1024;

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * What merging needs from one file's entries, computed once per loaded file (cached on its entries
 * array) so that re-merging after an edit of another file does not fold every form again.
 */
interface FileIndex {
  forms: FormIndex;
}

const fileIndexCache = new WeakMap<GlossaryEntry[], FileIndex>();

function* indexFileSteps(entries: GlossaryEntry[]): Steps<FileIndex> {
  const cached = fileIndexCache.get(entries);
  if (cached) return cached;
  const forms = new FormIndex(entries);
  yield* forms.fillSteps();
  const index: FileIndex = { forms };
  fileIndexCache.set(entries, index);
  return index;
}

/**
 * The written forms (name, aliases, native) of a file's entries in an open-addressing table keyed by
 * the hash of their formKey, so that hundreds of thousands of forms are compared without building a
 * string per form. Equal hashes are confirmed by comparing the keys themselves.
 */
class FormIndex {
  /** Per form ordinal: its entry (index in the file), slot in the entry and key hash. */
  readonly entry: Int32Array;
  readonly slot: Int32Array;
  private readonly hash: Int32Array;
  /** Buckets of first ordinals (-1 when empty). */
  private readonly table: Int32Array;
  private readonly mask: number;
  /** First ordinal -> all ordinals of that key, for keys on more than one entry of the file. */
  readonly shared = new Map<number, number[]>();
  /** First ordinals of each distinct key. */
  readonly firsts: number[] = [];

  /** Empty until fillSteps has run. */
  constructor(private readonly entries: GlossaryEntry[]) {
    let total = 0;
    for (const entry of entries) total += 1 + entry.aliases.length + (entry.native === undefined ? 0 : 1);
    this.entry = new Int32Array(total);
    this.slot = new Int32Array(total);
    this.hash = new Int32Array(total);
    let size = 16;
    while (size < total * 2) size *= 2;
    this.table = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  /** Forms indexed so far. */
  private ordinal = 0;

  *fillSteps(): Steps<void> {
    // The work is done by a plain method between the pauses: a loop inside a generator stays slow (it
    // is not optimised while it runs).
    const count = this.entries.length;
    for (let from = 0; from < count; from += ITEMS_PER_STEP) {
      if (from > 0) yield;
      this.fill(from, Math.min(count, from + ITEMS_PER_STEP));
    }
  }

  /** Indexes the forms of entries[from, to). */
  private fill(from: number, to: number): void {
    const entries = this.entries;
    let ordinal = this.ordinal;
    for (let e = from; e < to; e++) {
      const entry = entries[e];
      const slots = 1 + entry.aliases.length + (entry.native === undefined ? 0 : 1);
      for (let slot = 0; slot < slots; slot++) {
        const form = formText(entry, slot);
        const hash = formKeyHash(form);
        if (hash < 0) continue;
        this.entry[ordinal] = e;
        this.slot[ordinal] = slot;
        this.hash[ordinal] = hash;
        const first = this.find(hash, form);
        if (first < 0) {
          this.insert(hash, ordinal);
          this.firsts.push(ordinal);
        } else {
          const list = this.shared.get(first);
          const last = list ? list[list.length - 1] : first;
          // The same form twice on one entry (`Tô Lâm` and `To Lam`) is not ambiguous.
          if (this.entry[last] === e) continue;
          if (list) list.push(ordinal);
          else this.shared.set(first, [first, ordinal]);
        }
        ordinal++;
      }
    }
    this.ordinal = ordinal;
  }

  formOf(ordinal: number): string {
    return formText(this.entries[this.entry[ordinal]], this.slot[ordinal]);
  }

  hashOf(ordinal: number): number {
    return this.hash[ordinal];
  }

  /** The first ordinal whose key equals formKey(form), or -1. */
  find(hash: number, form: string): number {
    for (let b = hash & this.mask; ; b = (b + 1) & this.mask) {
      const ordinal = this.table[b];
      if (ordinal < 0) return -1;
      if (this.hash[ordinal] === hash && formKeysEqual(form, this.formOf(ordinal))) return ordinal;
    }
  }

  /** Every ordinal of the key whose first ordinal is `first`. */
  ordinalsOf(first: number): number[] {
    return this.shared.get(first) ?? [first];
  }

  private insert(hash: number, ordinal: number): void {
    let b = hash & this.mask;
    while (this.table[b] >= 0) b = (b + 1) & this.mask;
    this.table[b] = ordinal;
  }
}

interface FormPlace {
  entry: GlossaryEntry;
  form: string;
  range: Range;
}

/**
 * Merges loaded files into one glossary and adds the problems only visible across files: duplicate
 * ids, the same written form on two entries, `use`/`related` naming no entry. The first definition
 * of an id (in file order) is the one used.
 *
 * `previous` supplies the last good version of a file that no longer parses, so that a syntax error
 * does not make its entries vanish while the user types: such a file keeps those entries and gets a
 * `stale-entries` note. Linear in the number of entries; per-file work is cached across merges.
 */
export function mergeGlossary(files: GlossaryFile[], previous?: Glossary): Glossary {
  return runToEnd(mergeGlossarySteps(files, previous));
}

/** mergeGlossary in steps: it pauses every thousand or so entries (see steps.ts); the result is the same. */
export function* mergeGlossarySteps(files: GlossaryFile[], previous?: Glossary): Steps<Glossary> {
  const previousByUri = new Map<string, GlossaryFile>();
  for (const file of previous?.files ?? []) previousByUri.set(file.uri, file);

  const merged: GlossaryFile[] = files.map((file) => {
    const effective: GlossaryFile = { ...file, problems: file.problems.slice() };
    delete effective.staleEntries;
    if (file.parsed) return effective;
    const last = previousByUri.get(file.uri);
    if (!last || last.entries.length === 0) return effective;
    const count = last.entries.length;
    effective.entries = last.entries;
    effective.staleEntries = count;
    effective.problems.push({
      code: 'stale-entries',
      severity: 'information',
      uri: file.uri,
      range: FILE_START,
      message: `This file cannot be read right now; ${count} ${count === 1 ? 'entry is' : 'entries are'} kept from its last readable version until it is fixed.`,
    });
    return effective;
  });

  const fileByUri = new Map<string, GlossaryFile>();
  for (const file of merged) fileByUri.set(file.uri, file);
  // Positions in a stale file belong to an older text: problems are not placed there.
  const addProblem = (problem: GlossaryProblem) => {
    const file = fileByUri.get(problem.uri);
    if (file && file.staleEntries === undefined) file.problems.push(problem);
  };
  const indexes: FileIndex[] = [];
  for (const file of merged) indexes.push(yield* indexFileSteps(file.entries));

  // Ids: the first definition (in file order) wins; every copy of a repeated id is listed.
  const byId = new Map<string, GlossaryEntry>();
  const copies = new Map<string, GlossaryEntry[]>();
  for (const file of merged) {
    for (let from = 0; from < file.entries.length; from += ITEMS_PER_STEP) {
      yield;
      addIds(file.entries, from, Math.min(file.entries.length, from + ITEMS_PER_STEP), byId, copies);
    }
  }
  let entries: GlossaryEntry[];
  if (copies.size === 0) {
    entries = ([] as GlossaryEntry[]).concat(...merged.map((file) => file.entries));
  } else {
    entries = [];
    for (const file of merged) for (const entry of file.entries) if (byId.get(entry.id) === entry) entries.push(entry);
  }

  for (const [id, list] of copies) {
    for (const entry of list) {
      const others = list.filter((other) => other !== entry);
      addProblem({
        code: 'duplicate-id',
        severity: 'error',
        uri: entry.idLocation.uri,
        range: entry.idLocation.range,
        message: `The id \`${id}\` is defined ${list.length} times; ids must be unique over all glossary files.${entry === list[0] ? '' : ' The first definition is used.'}`,
        related: others.slice(0, MAX_RELATED).map((other) => ({ uri: other.idLocation.uri, range: other.idLocation.range, message: `\`${id}\` also defined here` })),
      });
    }
  }

  // Written forms shared by entries with different ids, within a file (cached) or across files. A
  // shared key is named by one of its forms (file, first ordinal).
  const shared: { file: number; first: number }[] = [];
  for (let f = 0; f < indexes.length; f++) for (const first of indexes[f].forms.shared.keys()) shared.push({ file: f, first });
  if (indexes.length > 1) {
    // Probe the smaller files' forms in the larger ones: cheap when one large file dominates.
    const order = indexes.map((_, f) => f).sort((a, b) => indexes[b].forms.firsts.length - indexes[a].forms.firsts.length);
    for (let i = 1; i < order.length; i++) {
      const forms = indexes[order[i]].forms;
      const larger = order.slice(0, i).map((f) => indexes[f].forms);
      for (let from = 0; from < forms.firsts.length; from += ITEMS_PER_STEP) {
        yield;
        probeForms(forms, from, Math.min(forms.firsts.length, from + ITEMS_PER_STEP), larger, order[i], shared);
      }
    }
  }
  const reportedKeys = new Set<string>();
  for (const { file, first } of shared) {
    const form = indexes[file].forms.formOf(first);
    const hash = indexes[file].forms.hashOf(first);
    const key = formKey(form);
    if (reportedKeys.has(key)) continue;
    reportedKeys.add(key);
    const places: FormPlace[] = [];
    for (let f = 0; f < merged.length; f++) {
      const forms = indexes[f].forms;
      const firstHere = forms.find(hash, form);
      if (firstHere < 0) continue;
      for (const ordinal of forms.ordinalsOf(firstHere)) {
        const entry = merged[f].entries[forms.entry[ordinal]];
        const slot = forms.slot[ordinal];
        places.push({ entry, form: formText(entry, slot), range: formRange(entry, slot) ?? entry.idLocation.range });
      }
    }
    if (new Set(places.map((p) => p.entry.id)).size < 2) continue;
    for (const place of places) {
      const others = places.filter((other) => other.entry.id !== place.entry.id);
      const ids = [...new Set(others.map((o) => o.entry.id))];
      const names = ids.slice(0, 3).map((id) => `\`${id}\``).join(', ') + (ids.length > 3 ? ` and ${ids.length - 3} more` : '');
      addProblem({
        code: 'ambiguous-form',
        severity: 'warning',
        uri: place.entry.location.uri,
        range: place.range,
        message: `\`${place.form}\` is also a written form of ${names}: a mention of it is ambiguous.`,
        related: others.slice(0, MAX_RELATED).map((o) => ({ uri: o.entry.location.uri, range: o.range, message: `\`${o.form}\` in \`${o.entry.id}\`` })),
      });
    }
  }

  // References to no entry. Ranges are looked up only for the rare reference that names no entry.
  let suggestionsLeft = byId.size <= MAX_IDS_FOR_SUGGESTIONS ? MAX_SUGGESTIONS : 0;
  /** Reports a reference to no entry; true when it looked for a suggestion (as costly as checking thousands of entries). */
  const reportUnknown = (file: GlossaryFile, entry: GlossaryEntry, ref: string, key: 'use' | 'related', index: number): boolean => {
    let suggestion: string | undefined;
    if (suggestionsLeft > 0) {
      suggestionsLeft--;
      suggestion = closestMatch(ref, byId.keys());
    }
    const range = key === 'use' ? useRange(entry) : relatedRange(entry, index);
    addProblem({
      code: 'unknown-reference',
      severity: 'error',
      uri: file.uri,
      range: range ?? entry.idLocation.range,
      message: `\`${key}\` names \`${ref}\`, but no entry has this id.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`,
    });
    return suggestion !== undefined;
  };
  for (const file of merged) {
    // A pause after every few thousand entries, and after each suggestion looked for.
    for (let from = 0; from < file.entries.length; ) {
      yield;
      from = checkReferences(file, from, Math.min(file.entries.length, from + ITEMS_PER_STEP), byId, reportUnknown);
    }
  }

  for (const file of merged) file.problems.sort(byPosition);
  return { files: merged, entries, byId, problems: merged.flatMap((file) => file.problems) };
}

/** Adds to `shared` the keys of forms.firsts[from, to) (of file `file`) that one of the `larger` files has too. */
function probeForms(forms: FormIndex, from: number, to: number, larger: readonly FormIndex[], file: number, shared: { file: number; first: number }[]): void {
  for (let k = from; k < to; k++) {
    const first = forms.firsts[k];
    const form = forms.formOf(first);
    for (let j = 0; j < larger.length; j++) {
      if (larger[j].find(forms.hashOf(first), form) >= 0) {
        shared.push({ file, first });
        break;
      }
    }
  }
}

/** Adds the ids of entries[from, to) to byId (first definition) or, repeated, to copies. */
function addIds(entries: GlossaryEntry[], from: number, to: number, byId: Map<string, GlossaryEntry>, copies: Map<string, GlossaryEntry[]>): void {
  for (let e = from; e < to; e++) {
    const entry = entries[e];
    const first = byId.get(entry.id);
    if (first === undefined) byId.set(entry.id, entry);
    else {
      const list = copies.get(entry.id);
      if (list) list.push(entry);
      else copies.set(entry.id, [first, entry]);
    }
  }
}

/**
 * Checks the references (`use`, `related`) of file.entries[from, to), reporting those that name no
 * entry; returns where it stopped: `to`, or earlier, right after an entry whose report looked for a
 * suggestion (a pause should follow).
 */
function checkReferences(
  file: GlossaryFile,
  from: number,
  to: number,
  byId: ReadonlyMap<string, GlossaryEntry>,
  reportUnknown: (file: GlossaryFile, entry: GlossaryEntry, ref: string, key: 'use' | 'related', index: number) => boolean,
): number {
  const entries = file.entries;
  for (let e = from; e < to; e++) {
    const entry = entries[e];
    let costly = false;
    if (entry.use !== undefined && !byId.has(entry.use)) costly = reportUnknown(file, entry, entry.use, 'use', 0);
    const related = entry.related;
    for (let i = 0; i < related.length; i++) if (!byId.has(related[i]) && reportUnknown(file, entry, related[i], 'related', i)) costly = true;
    if (costly) return e + 1;
  }
  return to;
}

function formText(entry: GlossaryEntry, slot: number): string {
  if (slot === 0) return entry.name;
  return slot <= entry.aliases.length ? entry.aliases[slot - 1] : (entry.native ?? '');
}

function byPosition(a: GlossaryProblem, b: GlossaryProblem): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
