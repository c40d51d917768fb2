// Lossless edits of glossary files. Every change the product makes to a glossary goes through here:
// each function locates the nodes to change in the YAML tree (exact source offsets from the fast
// reader or from the `yaml` package's Document API), replaces only their text, and returns minimal
// TextEdits. Comments, key order, quoting, blank lines and line endings elsewhere stay byte for byte.
// Before answering, the edited text is read again and compared with the intended data; an edit that
// would change anything else is refused with a message instead.
import type { Range, TextEdit } from '../types';
import { ENTRY_KINDS, type CaseRule, type EntryKind, type TermStatus } from './model';
import { ENTRY_KEYS, ID_PATTERN, type EntryKey } from './load';
import { PositionIndex } from './positions';
import { writeScalar, type WrittenStyle } from './scalars';
import { readYaml, readYamlCached, toPlainValue, type YamlMap, type YamlNode, type YamlPair, type YamlScalar, type YamlSeq, type YamlTree } from './syntax';

export type GlossaryEditResult =
  | {
      ok: true;
      /** Non-overlapping edits in document order (empty when nothing needed to change). */
      edits: TextEdit[];
      /** The text with the edits applied. */
      text: string;
    }
  | { ok: false; message: string };

export interface NewRole {
  title: string;
  native?: string;
  from?: string | number;
  to?: string | number;
}

/** The fields of a new entry, as they will be written (in the documented key order, `x-` keys last). */
export interface NewGlossaryEntry {
  id: string;
  kind: EntryKind;
  name: string;
  aliases?: string[];
  native?: string;
  short?: string[];
  roles?: NewRole[];
  number?: string;
  issuer?: string;
  date?: string | number;
  summary?: string;
  source?: string;
  related?: string[];
  status?: TermStatus;
  use?: string;
  case?: CaseRule;
  [extension: `x-${string}`]: string | number | boolean | undefined;
}

/** A value setEntryField can write: text or a number, a list of texts, or undefined to remove the key. */
export type EntryFieldValue = string | number | string[] | undefined;

const LIST_KEYS = new Set<string>(['aliases', 'short', 'related']);

/** Applies non-overlapping edits (any order) to a text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new PositionIndex(text);
  const spans = edits
    .map((edit) => ({ start: index.offsetAt(edit.range.start, text), end: index.offsetAt(edit.range.end, text), newText: edit.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let last = 0;
  for (const span of spans) {
    out += text.slice(last, span.start) + span.newText;
    last = Math.max(last, span.end);
  }
  return out + text.slice(last);
}

/**
 * Renames an entry id in one glossary file: the `id` value of every entry that has it, and every
 * `use` and `related` value naming it. Each scalar keeps its quoting style (a plain scalar is quoted
 * only when the new id would otherwise read as something else, such as a number).
 */
export function renameEntryId(text: string, oldId: string, newId: string): GlossaryEditResult {
  if (!ID_PATTERN.test(newId)) return fail(`\`${newId}\` is not a valid id: use lower-case letters, digits, \`.\`, \`_\` and \`-\`, starting with a letter or digit.`);
  const doc = readForEdit(text);
  if (!doc.ok) return doc;
  const { entries } = doc;
  if (oldId === newId) return done(text, []);
  const replacements: Replacement[] = [];
  const renameScalar = (node: YamlNode, inFlow: boolean) => {
    if (node.kind === 'scalar' && node.value === oldId) replacements.push(replaceScalar(node, newId, inFlow));
  };
  for (const item of entries?.seq?.items ?? []) {
    if (item.kind !== 'map') continue;
    const id = pairOf(item, 'id');
    if (id && id.value.kind === 'scalar' && id.value.value === newId) return fail(`An entry with the id \`${newId}\` already exists in this file.`);
    if (id) renameScalar(id.value, false);
    const use = pairOf(item, 'use');
    if (use) renameScalar(use.value, false);
    const related = pairOf(item, 'related');
    if (related) {
      if (related.value.kind === 'seq') for (const ref of related.value.items) renameScalar(ref, related.value.flow);
      else renameScalar(related.value, false);
    }
  }
  return finish(text, doc.tree, replacements, (data) => {
    for (const entry of entryObjects(data)) {
      if (entry.id === oldId) entry.id = newId;
      if (entry.use === oldId) entry.use = newId;
      if (Array.isArray(entry.related)) entry.related = entry.related.map((r) => (r === oldId ? newId : r));
      else if (entry.related === oldId) entry.related = newId;
    }
    return data;
  });
}

/**
 * Appends an entry to `entries`, indented like the existing entries, with the file's line ending,
 * list style (flow `[a, b]` or block) and blank-line separation; creates `entries:` if missing.
 */
export function addEntry(text: string, fields: NewGlossaryEntry): GlossaryEditResult {
  if (!ID_PATTERN.test(fields.id)) return fail(`\`${fields.id}\` is not a valid id: use lower-case letters, digits, \`.\`, \`_\` and \`-\`, starting with a letter or digit.`);
  if (!(ENTRY_KINDS as readonly string[]).includes(fields.kind)) return fail(`\`${fields.kind}\` is not a kind: use one of ${ENTRY_KINDS.join(', ')}.`);
  if (!fields.name || fields.name.trim() === '') return fail('A new entry needs a name.');
  const doc = readForEdit(text);
  if (!doc.ok) return doc;
  const { root, entries } = doc;
  const eol = lineEnding(text);
  const positions = new OffsetIndex(text);
  for (const item of entries?.seq?.items ?? []) {
    const id = item.kind === 'map' ? pairOf(item, 'id') : undefined;
    if (id && id.value.kind === 'scalar' && id.value.value === fields.id) return fail(`An entry with the id \`${fields.id}\` already exists in this file.`);
  }
  const style = detectStyle(text, entries?.seq, positions);
  const entryLines = renderEntry(fields, style);
  const itemText = (dashColumn: number, keyColumn: number) =>
    entryLines
      .map((line, i) => (i === 0 ? ' '.repeat(dashColumn) + '-' + ' '.repeat(Math.max(1, keyColumn - dashColumn - 1)) + line : line === '' ? '' : ' '.repeat(keyColumn) + line))
      .join(eol);
  const expectedEntry = plainEntry(fields);
  const expect = (data: unknown): unknown => {
    const root = (isRecord(data) ? data : {}) as Record<string, unknown>;
    const list = Array.isArray(root.entries) ? root.entries : [];
    root.entries = [...list, expectedEntry];
    return root;
  };

  if (root === null || (root.kind === 'scalar' && root.value === null && root.start === root.end)) {
    // An empty file (or only comments): write `entries:` at the end.
    const prefix = text.length === 0 || endsWithLineBreak(text) ? '' : eol;
    const insert = `${prefix}entries:${eol}${itemText(2, 4)}${eol}`;
    return finish(text, doc.tree, [{ start: text.length, end: text.length, newText: insert }], expect);
  }
  if (root.kind !== 'map' || root.flow) return fail('The glossary is not a block mapping with an `entries` list; add the entry by hand.');
  if (!entries) {
    const rootColumn = positions.column(root.start);
    if (rootColumn !== 0) return fail('The glossary is indented unusually; add the entry by hand.');
    const prefix = endsWithLineBreak(text) ? '' : eol;
    const insert = `${prefix}entries:${eol}${itemText(2, 4)}${eol}`;
    return finish(text, doc.tree, [{ start: text.length, end: text.length, newText: insert }], expect);
  }
  const { pair, seq } = entries;
  const keyColumn = positions.column(pair.key.start);
  if (!seq) {
    // `entries:` with nothing after it: the list goes below the key's line.
    const lineEnd = positions.lineEnd(pair.key.end);
    return finish(text, doc.tree, [{ start: lineEnd, end: lineEnd, newText: eol + itemText(keyColumn + 2, keyColumn + 4) }], expect);
  }
  if (seq.flow) {
    if (seq.items.length > 0) return fail('`entries` is written as a flow list `[...]`; add the entry by hand.');
    // `entries: []`: drop the brackets, then write a block list below.
    const lineEnd = positions.lineEnd(seq.end);
    const insert = eol + itemText(keyColumn + 2, keyColumn + 4);
    const removeFrom = pair.key.end + 1;
    if (lineEnd === seq.end) return finish(text, doc.tree, [{ start: removeFrom, end: seq.end, newText: insert }], expect);
    return finish(text, doc.tree, [{ start: removeFrom, end: seq.end, newText: '' }, { start: lineEnd, end: lineEnd, newText: insert }], expect);
  }
  if (seq.items.length === 0) return fail('Unexpected `entries` list; add the entry by hand.');
  const dashColumn = positions.column(seq.start);
  const first = seq.items[0];
  const itemKeyColumn = first.kind === 'map' && !first.flow ? positions.column(first.start) : dashColumn + 2;
  const last = seq.items[seq.items.length - 1];
  const insertAt = positions.lineEnd(last.end);
  const separator = style.blankLineBetweenEntries ? eol + eol : eol;
  return finish(text, doc.tree, [{ start: insertAt, end: insertAt, newText: separator + itemText(dashColumn, itemKeyColumn) }], expect);
}

/**
 * Sets (or with `undefined` removes) one key of the first entry with `id`. An existing value is
 * replaced in place (a scalar keeps its quoting style); a new key is written after the keys that
 * come before it in the documented order. `roles` and the required keys cannot be removed here.
 */
export function setEntryField(text: string, id: string, key: EntryKey | `x-${string}`, value: EntryFieldValue): GlossaryEditResult {
  if (key === 'roles') return fail('`roles` cannot be set by this edit.');
  if (!(ENTRY_KEYS as readonly string[]).includes(key) && !key.startsWith('x-')) return fail(`\`${key}\` is not a key of a glossary entry.`);
  if (value === undefined && (key === 'id' || key === 'kind' || key === 'name')) return fail(`\`${key}\` is required and cannot be removed.`);
  if (LIST_KEYS.has(key) && value !== undefined && !Array.isArray(value)) return fail(`\`${key}\` takes a list of texts.`);
  if (!LIST_KEYS.has(key) && Array.isArray(value) && !key.startsWith('x-')) return fail(`\`${key}\` takes a single value.`);
  if (key === 'id' && typeof value === 'string') return renameEntryIdOnly(text, id, value);
  const doc = readForEdit(text);
  if (!doc.ok) return doc;
  const positions = new OffsetIndex(text);
  const items = doc.entries?.seq?.items ?? [];
  const entryIndex = items.findIndex((item) => item.kind === 'map' && scalarValue(pairOf(item, 'id')?.value) === id);
  if (entryIndex < 0) return fail(`No entry with the id \`${id}\` in this file.`);
  const entry = items[entryIndex] as YamlMap;
  if (entry.flow) return fail('This entry is written as a flow mapping `{...}`; edit it by hand.');
  const eol = lineEnding(text);
  const style = detectStyle(text, doc.entries?.seq, positions);
  const keyColumn = positions.column(entry.start);
  const existing = pairOf(entry, key);
  const expect = (data: unknown): unknown => {
    const target = entryObjects(data)[entryIndex];
    if (value === undefined) delete target[key];
    else target[key] = value;
    return data;
  };

  if (existing) {
    if (value === undefined) {
      // Remove the whole lines of the pair (never the line holding the entry's `-`).
      const lineStart = positions.lineStart(existing.key.start);
      if (positions.column(existing.key.start) !== keyColumn || text.slice(lineStart, existing.key.start).trim() !== '') {
        return fail(`\`${key}\` shares its line with other text; remove it by hand.`);
      }
      const end = positions.nextLineStart(Math.max(existing.key.end, existing.value.end));
      return finish(text, doc.tree, [{ start: lineStart, end, newText: '' }], expect);
    }
    const old = existing.value;
    if (old.kind === 'scalar' && old.start !== old.end && !Array.isArray(value)) {
      return finish(text, doc.tree, [replaceScalar(old, String(value), false, typeof value === 'number')], expect);
    }
    if (old.kind === 'seq' && old.flow && Array.isArray(value)) {
      const itemStyle = old.items[0]?.kind === 'scalar' ? writtenStyle(old.items[0]) : 'plain';
      return finish(text, doc.tree, [{ start: old.start, end: old.end, newText: flowList(value, itemStyle) }], expect);
    }
    if (old.kind === 'seq' && !old.flow && Array.isArray(value) && value.length > 0) {
      const dashColumn = positions.column(old.start);
      const lines = value.map((v, i) => (i === 0 ? '' : ' '.repeat(dashColumn)) + '- ' + writeScalar(v, 'plain', false));
      return finish(text, doc.tree, [{ start: old.start, end: old.end, newText: lines.join(eol) }], expect);
    }
    // Anything else (an empty value, a block list becoming empty, a mapping): rewrite after the colon.
    const rendered = renderValue(value, style, keyColumn, eol);
    const colon = existing.key.end;
    const end = old.start === old.end ? old.start : old.end;
    // A comment right after an empty value needs a space before it once a value is written there.
    const spaceBeforeComment = text[end] === '#' ? ' ' : '';
    const newText = (rendered.startsWith(eol) ? rendered : ' ' + rendered) + spaceBeforeComment;
    return finish(text, doc.tree, [{ start: colon + 1, end, newText }], expect);
  }
  if (value === undefined) return done(text, []);
  // A new key: after the last key that precedes it in the documented order (x- keys go last).
  const order = (name: string) => {
    const i = (ENTRY_KEYS as readonly string[]).indexOf(name);
    return i < 0 ? ENTRY_KEYS.length : i;
  };
  let after = entry.pairs[0];
  for (const pair of entry.pairs) {
    const name = scalarValue(pair.key);
    if (typeof name === 'string' && order(name) <= order(key)) after = pair;
  }
  const insertAt = positions.lineEnd(Math.max(after.key.end, after.value.end));
  const rendered = renderValue(value, style, keyColumn, eol);
  const line = `${eol}${' '.repeat(keyColumn)}${key}:${rendered.startsWith(eol) ? rendered : ' ' + rendered}`;
  return finish(text, doc.tree, [{ start: insertAt, end: insertAt, newText: line }], expect);
}

/** `setEntryField(text, id, 'id', newId)`: the entry's own id only, references untouched. */
function renameEntryIdOnly(text: string, id: string, newId: string): GlossaryEditResult {
  if (!ID_PATTERN.test(newId)) return fail(`\`${newId}\` is not a valid id.`);
  const doc = readForEdit(text);
  if (!doc.ok) return doc;
  const items = doc.entries?.seq?.items ?? [];
  const entryIndex = items.findIndex((item) => item.kind === 'map' && scalarValue(pairOf(item, 'id')?.value) === id);
  if (entryIndex < 0) return fail(`No entry with the id \`${id}\` in this file.`);
  const pair = pairOf(items[entryIndex] as YamlMap, 'id')!;
  return finish(text, doc.tree, [replaceScalar(pair.value as YamlScalar, newId, false)], (data) => {
    entryObjects(data)[entryIndex].id = newId;
    return data;
  });
}

// ---------------------------------------------------------------------------------------------
// What is at an offset (for definition, completion, hover and rename in glossary files)

export type GlossaryNodeRole = 'id' | 'use' | 'related' | 'key' | 'value';

export interface GlossaryNodeAt {
  /**
   * `id`: an entry's id value; `use` / `related`: an id reference (possibly empty, being typed);
   * `key`: a key; `value`: any other value.
   */
  role: GlossaryNodeRole;
  /** The id of the entry the offset is in, when it has one. */
  entryId?: string;
  /** The key the node belongs to (the key itself for role `key`); for role values inside `roles`, the role's key. */
  key?: string;
  /** Keys and list indexes from the root to the node, e.g. ['entries', 3, 'related', 1]. */
  path: (string | number)[];
  /** The scalar's value as text ('' for an empty value being typed). */
  value: string;
  /** The scalar's text (quotes included), or an empty span at the offset for an empty value. */
  span: { start: number; end: number; range: Range };
  /** The whole entry, when the offset is inside one. */
  entrySpan?: { start: number; end: number; range: Range };
}

/**
 * What is at `offset` (UTF-16) in a glossary file. Works on broken YAML too, line by line, for the
 * cases completion needs (`use:` and `related:` values being typed).
 */
export function glossaryNodeAt(text: string, offset: number): GlossaryNodeAt | undefined {
  if (offset < 0 || offset > text.length) return undefined;
  const tree = readYamlCached(text);
  const positions = new OffsetIndex(text);
  if (!tree.readable) return nodeAtByLines(text, offset, positions);
  const root = tree.root;
  if (!root || root.kind !== 'map') return undefined;
  const entriesPair = pairOf(root, 'entries');
  if (!entriesPair) return undefined;
  if (within(entriesPair.key, offset)) return atKey(entriesPair, ['entries'], positions);
  const seq = entriesPair.value;
  if (seq.kind !== 'seq') return undefined;
  const index = seq.items.findIndex((item) => item.start <= offset && offset <= item.end);
  if (index < 0) return undefined;
  const entry = seq.items[index];
  if (entry.kind !== 'map') return undefined;
  const entryId = scalarValue(pairOf(entry, 'id')?.value);
  const base = {
    entryId: typeof entryId === 'string' ? entryId : undefined,
    entrySpan: spanOf(entry.start, entry.end, positions),
  };
  const path: (string | number)[] = ['entries', index];
  for (const pair of entry.pairs) {
    const key = scalarValue(pair.key);
    if (typeof key !== 'string') continue;
    if (within(pair.key, offset)) return { ...atKey(pair, [...path, key], positions), ...base };
    const found = nodeInValue(text, pair, key, offset, positions, [...path, key]);
    if (found) return { ...found, ...base };
  }
  return undefined;
}

function nodeInValue(
  text: string,
  pair: YamlPair,
  key: string,
  offset: number,
  positions: OffsetIndex,
  path: (string | number)[],
): Omit<GlossaryNodeAt, 'entryId' | 'entrySpan'> | undefined {
  const value = pair.value;
  const role: GlossaryNodeRole = key === 'id' || key === 'use' || key === 'related' ? key : 'value';
  // An empty value: anywhere after the colon on the key's line.
  if (value.kind === 'scalar' && value.value === null && value.start === value.end) {
    if (offset > pair.key.end && offset <= positions.lineEnd(pair.key.end)) {
      return { role, key, path, value: '', span: spanOf(offset, offset, positions) };
    }
    return undefined;
  }
  if (value.kind === 'scalar') {
    if (!within(value, offset)) return undefined;
    return { role, key, path, value: scalarText(value, text), span: spanOf(value.start, value.end, positions) };
  }
  if (value.kind === 'seq') {
    if (offset < value.start || offset > value.end) return undefined;
    for (let i = 0; i < value.items.length; i++) {
      const item = value.items[i];
      if (item.kind === 'scalar' && (within(item, offset) || (item.start === item.end && item.start === offset))) {
        return { role, key, path: [...path, i], value: item.value === null ? '' : scalarText(item, text), span: spanOf(item.start, item.end, positions) };
      }
      if (item.kind === 'map' && item.start <= offset && offset <= item.end) {
        for (const inner of item.pairs) {
          const innerKey = scalarValue(inner.key);
          if (typeof innerKey !== 'string') continue;
          if (within(inner.key, offset)) return { ...atKey(inner, [...path, i, innerKey], positions) };
          if (inner.value.kind === 'scalar' && within(inner.value, offset)) {
            return { role: 'value', key: innerKey, path: [...path, i, innerKey], value: scalarText(inner.value, text), span: spanOf(inner.value.start, inner.value.end, positions) };
          }
        }
      }
    }
    // Inside a flow list between items (`[a, |]`): a new item being typed.
    if (value.flow && offset > value.start && offset < value.end) {
      return { role, key, path: [...path, value.items.length], value: '', span: spanOf(offset, offset, positions) };
    }
  }
  return undefined;
}

function atKey(pair: YamlPair, path: (string | number)[], positions: OffsetIndex): GlossaryNodeAt {
  const key = String(scalarValue(pair.key));
  return { role: 'key', key, path, value: key, span: spanOf(pair.key.start, pair.key.end, positions) };
}

/** Line-based reading for text that is not valid YAML right now (the user is typing). */
function nodeAtByLines(text: string, offset: number, positions: OffsetIndex): GlossaryNodeAt | undefined {
  const lineStart = positions.lineStart(offset);
  const lineEnd = positions.lineEnd(offset);
  const line = text.slice(lineStart, lineEnd);
  const column = offset - lineStart;
  const entryId = findEntryIdAbove(text, lineStart);
  const base = entryId === undefined ? {} : { entryId };
  const keyed = /^(\s*(?:-\s+)?)(id|use|related)(\s*:\s*)(.*)$/.exec(line);
  if (keyed) {
    const key = keyed[2] as 'id' | 'use' | 'related';
    const valueStart = keyed[1].length + keyed[2].length + keyed[3].length;
    if (column < valueStart) {
      if (column >= keyed[1].length && column <= keyed[1].length + key.length) {
        const start = lineStart + keyed[1].length;
        return { role: 'key', key, path: [key], value: key, span: spanOf(start, start + key.length, positions), ...base };
      }
      return undefined;
    }
    const token = tokenAround(line, column, valueStart);
    return { role: key, key, path: [key], value: token.value, span: spanOf(lineStart + token.start, lineStart + token.end, positions), ...base };
  }
  // A block list item under `related:`.
  const item = /^(\s*)-\s*(.*)$/.exec(line);
  if (item) {
    const dashColumn = item[1].length;
    for (let start = positions.previousLineStart(lineStart); start >= 0; start = positions.previousLineStart(start)) {
      const previous = text.slice(start, positions.lineEnd(start));
      if (previous.trim() === '' || /^\s*#/.test(previous)) continue;
      const indent = previous.length - previous.trimStart().length;
      if (/^\s*-\s/.test(previous) && indent === dashColumn) continue;
      if (/^\s*(?:-\s+)?related\s*:\s*(#.*)?$/.test(previous) && indent <= dashColumn) {
        const valueStart = line.indexOf('-') + 1;
        if (column < valueStart) return undefined;
        const token = tokenAround(line, column, valueStart);
        return { role: 'related', key: 'related', path: ['related'], value: token.value, span: spanOf(lineStart + token.start, lineStart + token.end, positions), ...base };
      }
      break;
    }
  }
  return undefined;
}

/** The id-like token (or quoted text) around a column, from `from` on; brackets and commas separate. */
function tokenAround(line: string, column: number, from: number): { start: number; end: number; value: string } {
  const separator = /[\s,[\]{}#]/;
  let start = column;
  while (start > from && !separator.test(line[start - 1])) start--;
  let end = column;
  while (end < line.length && !separator.test(line[end])) end++;
  let value = line.slice(start, end);
  const quoted = /^(['"])(.*?)\1?$/.exec(value);
  if (quoted) value = quoted[2];
  return { start, end, value };
}

/** The id of the nearest `id:` line above (broken YAML: a best guess). */
function findEntryIdAbove(text: string, lineStart: number): string | undefined {
  const lines = text.slice(Math.max(0, lineStart - 20000), lineStart).split(/\r\n|\n|\r/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /^\s*(?:-\s+)?id\s*:\s*['"]?([^'"\s#]+)/.exec(lines[i]);
    if (m) return m[1];
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Internals

interface Replacement {
  start: number;
  end: number;
  newText: string;
}

type ReadDoc =
  | {
      ok: true;
      tree: YamlTree;
      root: YamlNode | null;
      /** The `entries` pair; `seq` is missing when its value is empty (`entries:` alone). */
      entries?: { pair: YamlPair; seq?: YamlSeq };
    }
  | { ok: false; message: string };

function readForEdit(text: string): ReadDoc {
  const tree = readYamlCached(text);
  if (!tree.readable) return fail('The glossary has YAML errors; fix them before editing it.');
  const root = tree.root;
  if (!root || root.kind !== 'map') return { ok: true, tree, root };
  const pair = pairOf(root, 'entries');
  if (!pair) return { ok: true, tree, root };
  if (pair.value.kind === 'seq') return { ok: true, tree, root, entries: { pair, seq: pair.value } };
  if (pair.value.kind === 'scalar' && pair.value.value === null) return { ok: true, tree, root, entries: { pair } };
  return fail('`entries` is not a list; fix the glossary before editing it.');
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

function done(text: string, edits: TextEdit[]): GlossaryEditResult {
  return { ok: true, edits, text: applyTextEdits(text, edits) };
}

/**
 * Applies the replacements, reads the result again and checks that its data is exactly the old data
 * changed by `expect`; refuses the edit otherwise.
 */
function finish(text: string, before: YamlTree, replacements: Replacement[], expect: (data: unknown) => unknown): GlossaryEditResult {
  const sorted = replacements.slice().sort((a, b) => a.start - b.start);
  let out = '';
  let last = 0;
  for (const r of sorted) {
    out += text.slice(last, r.start) + r.newText;
    last = r.end;
  }
  out += text.slice(last);
  const after = readYaml(out);
  const expected = expect(before.root ? toPlainValue(before.root) : null);
  if (!after.readable || !sameData(after.root ? toPlainValue(after.root) : null, expected)) {
    return fail('This edit cannot be made without changing other parts of the glossary; make it by hand.');
  }
  const positions = new PositionIndex(text);
  const edits = sorted.map((r) => ({ range: positions.rangeOf(r.start, r.end), newText: r.newText }));
  return { ok: true, edits, text: out };
}

/** A replacement of a scalar's text by `value` in the same style where that reads back as `value`. */
function replaceScalar(node: YamlScalar, value: string, inFlow: boolean, asNumber = false): Replacement {
  const newText = asNumber ? value : writeScalar(value, writtenStyle(node), inFlow);
  return { start: node.start, end: node.end, newText };
}

function writtenStyle(node: YamlNode): WrittenStyle {
  if (node.kind !== 'scalar') return 'plain';
  return node.style === 'single' ? 'single' : node.style === 'double' ? 'double' : 'plain';
}

function pairOf(map: YamlMap, key: string): YamlPair | undefined {
  return map.pairs.find((pair) => pair.key.kind === 'scalar' && pair.key.value === key);
}

function scalarValue(node: YamlNode | undefined): unknown {
  return node && node.kind === 'scalar' ? node.value : undefined;
}

function scalarText(node: YamlScalar, text: string): string {
  if (typeof node.value === 'string') return node.value;
  return text.slice(node.start, node.end);
}

function within(node: YamlNode, offset: number): boolean {
  return node.start <= offset && offset <= node.end && node.start !== node.end;
}

function spanOf(start: number, end: number, positions: OffsetIndex): { start: number; end: number; range: Range } {
  return { start, end, range: positions.rangeOf(start, end) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function entryObjects(data: unknown): Record<string, unknown>[] {
  if (!isRecord(data) || !Array.isArray(data.entries)) return [];
  return data.entries.map((e) => (isRecord(e) ? e : {}));
}

function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameData(item, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && sameData(a[key], b[key]));
  }
  return false;
}

function lineEnding(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

function endsWithLineBreak(text: string): boolean {
  return text.endsWith('\n') || text.endsWith('\r');
}

interface WritingStyle {
  /** Lists (`aliases`, `short`, `related`) as `[a, b]` or as block lists. */
  flowLists: boolean;
  /** Columns between a key and the `-` of its block list items. */
  listIndent: number;
  blankLineBetweenEntries: boolean;
}

/** How the file writes things, from its existing entries (the sample's style when it has none). */
function detectStyle(text: string, seq: YamlSeq | undefined, positions: OffsetIndex): WritingStyle {
  const style: WritingStyle = { flowLists: true, listIndent: 2, blankLineBetweenEntries: false };
  if (!seq) return style;
  let listSeen = false;
  for (const item of seq.items) {
    if (item.kind !== 'map' || listSeen) continue;
    for (const pair of item.pairs) {
      const key = scalarValue(pair.key);
      if ((typeof key === 'string' && LIST_KEYS.has(key)) || key === 'roles') {
        if (pair.value.kind !== 'seq') continue;
        if (key !== 'roles') style.flowLists = pair.value.flow;
        if (!pair.value.flow && pair.value.items.length > 0) {
          style.listIndent = Math.max(0, positions.column(pair.value.start) - positions.column(pair.key.start));
        }
        if (key !== 'roles') {
          listSeen = true;
          break;
        }
      }
    }
  }
  if (seq.items.length >= 2) {
    const previous = seq.items[seq.items.length - 2];
    const last = seq.items[seq.items.length - 1];
    const between = text.slice(positions.nextLineStart(previous.end), positions.lineStart(last.start));
    style.blankLineBetweenEntries = between.split(/\r\n|\n|\r/).some((line, i, all) => i < all.length - 1 && line.trim() === '');
  }
  return style;
}

/** The lines of an entry, relative to its key column; the first line follows the `- `. */
function renderEntry(fields: NewGlossaryEntry, style: WritingStyle): string[] {
  const lines: string[] = [];
  const keys: string[] = [...ENTRY_KEYS, ...Object.keys(fields).filter((k) => k.startsWith('x-')).sort()];
  for (const key of keys) {
    const value = (fields as unknown as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (key === 'roles') {
      const roles = value as NewRole[];
      if (roles.length === 0) {
        lines.push('roles: []');
        continue;
      }
      lines.push('roles:');
      const pad = ' '.repeat(style.listIndent);
      for (const role of roles) {
        const roleLines: string[] = [];
        for (const roleKey of ['title', 'native', 'from', 'to'] as const) {
          const v = role[roleKey];
          if (v === undefined) continue;
          roleLines.push(`${roleKey}: ${typeof v === 'number' ? String(v) : writeScalar(v, 'plain', false)}`);
        }
        roleLines.forEach((line, i) => lines.push(i === 0 ? `${pad}- ${line}` : `${pad}  ${line}`));
      }
      continue;
    }
    const rendered = renderValue(value as EntryFieldValue, style, 0, '\n');
    if (rendered.startsWith('\n')) {
      lines.push(`${key}:`, ...rendered.slice(1).split('\n'));
    } else {
      lines.push(`${key}: ${rendered}`);
    }
  }
  return lines;
}

/**
 * A value as written after `key:`: inline text, or (for block lists) a line break followed by the
 * item lines indented for a key at `keyColumn`.
 */
function renderValue(value: EntryFieldValue | boolean, style: WritingStyle, keyColumn: number, eol: string): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return writeScalar(value, 'plain', false);
  if (Array.isArray(value)) {
    if (style.flowLists || value.length === 0) return flowList(value, 'plain');
    const pad = ' '.repeat(keyColumn + style.listIndent);
    return value.map((v) => `${eol}${pad}- ${writeScalar(v, 'plain', false)}`).join('');
  }
  return '';
}

function flowList(values: string[], itemStyle: WrittenStyle): string {
  return `[${values.map((v) => writeScalar(v, itemStyle, true)).join(', ')}]`;
}

/** The data a new entry reads back as. */
function plainEntry(fields: NewGlossaryEntry): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (key === 'roles') {
      out.roles = (value as NewRole[]).map((role) => {
        const r: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(role)) if (v !== undefined) r[k] = v;
        return r;
      });
    } else out[key] = value;
  }
  return out;
}

/** Offsets, columns and line boundaries of a text (lines end at `\n`, `\r\n` or `\r`). */
class OffsetIndex {
  private readonly positions: PositionIndex;

  constructor(private readonly text: string) {
    this.positions = new PositionIndex(text);
  }

  rangeOf(start: number, end: number): Range {
    return this.positions.rangeOf(start, end);
  }

  column(offset: number): number {
    return offset - this.lineStart(offset);
  }

  lineStart(offset: number): number {
    let i = offset;
    while (i > 0 && this.text[i - 1] !== '\n' && this.text[i - 1] !== '\r') i--;
    return i;
  }

  /** The offset of the line break ending the line of `offset` (or the text's end). */
  lineEnd(offset: number): number {
    let i = offset;
    while (i < this.text.length && this.text[i] !== '\n' && this.text[i] !== '\r') i++;
    return i;
  }

  /** The start of the line after the line of `offset` (the text's end for the last line). */
  nextLineStart(offset: number): number {
    const end = this.lineEnd(offset);
    if (end >= this.text.length) return end;
    return this.text[end] === '\r' && this.text[end + 1] === '\n' ? end + 2 : end + 1;
  }

  /** The start of the line before the line starting at `lineStart`, or -1. */
  previousLineStart(lineStart: number): number {
    if (lineStart <= 0) return -1;
    let i = lineStart - 1;
    if (this.text[i] === '\n' && i > 0 && this.text[i - 1] === '\r') i--;
    return this.lineStart(i);
  }
}
