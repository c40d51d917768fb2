import type { Range, Severity } from '../types';
import { isReversedPeriod, isValidPartialDate } from './dates';
import { hasWord } from './forms';
import { PositionIndex } from './positions';
import {
  ENTRY_KINDS,
  type CaseRule,
  type EntryKind,
  type GlossaryEntry,
  type GlossaryFile,
  type GlossaryProblem,
  type GlossaryProblemCode,
  type Role,
  type TermStatus,
} from './model';
import { closestMatch } from './suggest';
import { runToEnd, type Steps } from './steps';
import { readYamlSteps, toPlainValue, type ReadYamlOptions, type YamlMap, type YamlNode, type YamlPair, type YamlScalar } from './syntax';

export { mergeGlossary, mergeGlossarySteps } from './merge';

/** Files larger than this (UTF-8 bytes) are not parsed. */
export const MAX_GLOSSARY_BYTES = 20 * 1024 * 1024;

export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

/** ID_PATTERN.test(id), without a regular expression (the loader checks every id and reference). */
export function isValidId(id: string): boolean {
  if (id.length === 0) return false;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue;
    if (i > 0 && (c === 46 || c === 95 || c === 45)) continue;
    return false;
  }
  return true;
}
export const TERM_STATUSES: readonly TermStatus[] = ['preferred', 'admitted', 'deprecated'];
export const CASE_RULES: readonly CaseRule[] = ['auto', 'sensitive', 'insensitive'];

/** The keys of an entry, in the order the documentation and the editor write them. */
export const ENTRY_KEYS = [
  'id',
  'kind',
  'name',
  'aliases',
  'native',
  'short',
  'roles',
  'number',
  'issuer',
  'date',
  'summary',
  'source',
  'related',
  'status',
  'use',
  'case',
] as const;
export type EntryKey = (typeof ENTRY_KEYS)[number];
export const ROOT_KEYS = ['title', 'entries'] as const;
export const ROLE_KEYS = ['title', 'native', 'from', 'to'] as const;

export interface LoadOptions extends Pick<ReadYamlOptions, 'maxDepth' | 'reader'> {
  /** Defaults to MAX_GLOSSARY_BYTES. */
  maxBytes?: number;
}

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The `extensions` of every entry without `x-` keys (frozen: entries are read only). */
const NO_EXTENSIONS: Record<string, unknown> = Object.freeze({});

/** Entries read between two pauses of loadGlossaryFileSteps when they come from the `yaml` package's tree. */
const ENTRIES_PER_STEP = 64;

/** Parses one glossary file. Never throws: every problem becomes a GlossaryProblem. */
export function loadGlossaryFile(uri: string, text: string, options: LoadOptions = {}): GlossaryFile {
  return runToEnd(loadGlossaryFileSteps(uri, text, options));
}

/** loadGlossaryFile in steps: it pauses every few entries (see steps.ts); the result is the same. */
export function* loadGlossaryFileSteps(uri: string, text: string, options: LoadOptions = {}): Steps<GlossaryFile> {
  const maxBytes = options.maxBytes ?? MAX_GLOSSARY_BYTES;
  if (text.length > maxBytes || (text.length * 3 > maxBytes && utf8Length(text) > maxBytes)) {
    const problem: GlossaryProblem = {
      code: 'file-too-large',
      severity: 'error',
      uri,
      range: FILE_START,
      message: `The glossary is larger than ${formatBytes(maxBytes)} and is not read. Split it into several glossary files.`,
    };
    return { uri, entries: [], problems: [problem], parsed: false };
  }
  if (text.includes('\u0000')) {
    const problem: GlossaryProblem = {
      code: 'binary-content',
      severity: 'error',
      uri,
      range: FILE_START,
      message: 'The file contains NUL bytes: it looks binary, not a YAML glossary, and is not read.',
    };
    return { uri, entries: [], problems: [problem], parsed: false };
  }
  try {
    const loader = new GlossaryLoader(uri, text, options);
    yield;
    return yield* loader.loadSteps();
  } catch (error) {
    // Defensive: the loader is written not to throw, but a glossary must never take the server down.
    const problem: GlossaryProblem = {
      code: 'yaml-syntax',
      severity: 'error',
      uri,
      range: FILE_START,
      message: `The glossary could not be read: ${String((error as Error)?.message ?? error)}`,
    };
    return { uri, entries: [], problems: [problem], parsed: false };
  }
}

function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && (text.charCodeAt(offset - 1) & 0xfc00) === 0xd800 && (text.charCodeAt(offset) & 0xfc00) === 0xdc00;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;
}

function describe(node: YamlNode): string {
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  if (node.value === null) return 'nothing';
  if (typeof node.value === 'string') return 'text';
  return typeof node.value === 'number' ? 'a number' : 'a boolean';
}

function isEmptyValue(node: YamlNode): boolean {
  return node.kind === 'scalar' && node.value === null && node.start === node.end;
}

class GlossaryLoader {
  private readonly positions: PositionIndex;
  private problems: GlossaryProblem[] = [];

  constructor(
    private readonly uri: string,
    private readonly text: string,
    private readonly options: LoadOptions,
  ) {
    this.positions = new PositionIndex(text);
  }

  *loadSteps(): Steps<GlossaryFile> {
    const { uri, text } = this;
    const replacement = text.indexOf('\ufffd');
    if (replacement >= 0) {
      let count = 0;
      for (let i = replacement; i >= 0; i = text.indexOf('\ufffd', i + 1)) count++;
      this.report('invalid-encoding', 'warning', replacement, replacement + 1,
        `The file is not valid UTF-8: ${count} ${count === 1 ? 'sequence was' : 'sequences were'} replaced by U+FFFD (first here). Save it as UTF-8.`);
    }
    // The fast reader hands entries over one by one (checked here, then dropped); if it declines
    // half-way, what it handed over is discarded and the entries are read from the full tree; if the
    // text turns out unreadable, only the reading problems count.
    const checkpoint = this.problems.length;
    let entries: GlossaryEntry[] = [];
    const stream = { key: 'entries', onItem: (item: YamlNode) => this.readEntryItem(item, entries) };
    const tree = yield* readYamlSteps(text, { maxDepth: this.options.maxDepth, reader: this.options.reader, stream, lineStarts: this.positions.newlineStarts });
    if (tree.reader !== 'fast' || !tree.readable) {
      this.problems.length = checkpoint;
      entries = [];
    }
    for (const issue of tree.issues) this.report(issue.code, issue.severity, issue.start, issue.end, issue.message);
    if (!tree.readable) return { uri, entries: [], problems: this.problems, parsed: false };
    let title: string | undefined;
    const root = tree.root;
    if (root === null || isEmptyValue(root)) return { uri, entries, problems: this.problems, parsed: true };
    if (root.kind !== 'map') {
      this.report('invalid-type', 'error', root.start, root.end, `A glossary is a mapping with an \`entries\` list, not ${describe(root)}.`);
      return { uri, entries, problems: this.problems, parsed: true };
    }
    const fields = this.collectKeys(root, ROOT_KEYS, 'glossary');
    const titlePair = fields.get('title');
    if (titlePair) title = this.readText(titlePair, 'title');
    const entriesPair = fields.get('entries');
    if (!entriesPair) {
      const first = root.pairs[0]?.key ?? root;
      this.report('missing-key', 'error', first.start, first.end, 'The glossary has no `entries` list.');
    } else if (!isEmptyValue(entriesPair.value)) {
      const list = entriesPair.value;
      if (list.kind !== 'seq') {
        this.reportNode('invalid-type', 'error', entriesPair, `\`entries\` must be a list of entries, not ${describe(list)}.`);
      } else if (!list.streamed) {
        for (let i = 0; i < list.items.length; i++) {
          this.readEntryItem(list.items[i], entries);
          if (i % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
        }
      }
    }
    this.problems.sort(byPosition);
    const file: GlossaryFile = { uri, entries, problems: this.problems, parsed: true };
    if (title !== undefined) file.title = title;
    return file;
  }

  private readEntryItem(item: YamlNode, entries: GlossaryEntry[]): void {
    if (item.kind !== 'map') {
      this.reportItem('invalid-type', item, `An entry is a mapping with at least \`id\`, \`kind\` and \`name\`, not ${describe(item)}.`);
      return;
    }
    const entry = this.readEntry(item);
    if (entry) entries.push(entry);
  }

  private range(start: number, end: number): Range {
    // Parser error positions may point one past the end of the text.
    const length = this.text.length;
    let from = Math.max(0, Math.min(start, length));
    let to = Math.max(from, Math.min(end, length));
    // Nor may they fall between the halves of a surrogate pair (an emoji): widen to the whole character.
    if (splitsSurrogatePair(this.text, from)) from--;
    if (splitsSurrogatePair(this.text, to)) to++;
    return this.positions.rangeOf(from, to);
  }

  private report(code: GlossaryProblemCode, severity: Severity, start: number, end: number, message: string, related?: GlossaryProblem['related']): void {
    const problem: GlossaryProblem = { code, severity, uri: this.uri, range: this.range(start, end), message };
    if (related) problem.related = related;
    this.problems.push(problem);
  }

  /** Reports on a pair's value, or on its key when the value is empty (an empty range is hard to see). */
  private reportNode(code: GlossaryProblemCode, severity: Severity, pair: YamlPair, message: string, related?: GlossaryProblem['related']): void {
    const node = isEmptyValue(pair.value) ? pair.key : pair.value;
    this.report(code, severity, node.start, node.end, message, related);
  }

  /** Reports on a list item; an empty item is reported on its `-`. */
  private reportItem(code: GlossaryProblemCode, item: YamlNode, message: string): void {
    if (isEmptyValue(item)) {
      let dash = item.start;
      while (dash > 0 && this.text[dash - 1] === ' ') dash--;
      if (this.text[dash - 1] === '-') dash--;
      this.report(code, 'error', dash, Math.max(dash + 1, item.start), message);
    } else {
      this.report(code, 'error', item.start, item.end, message);
    }
  }

  /**
   * The known keys of a mapping (first occurrence). Reports unknown keys (`x-` ones are allowed),
   * repeated keys and keys that are not text.
   */
  private collectKeys(map: YamlMap, known: readonly string[], what: string): KeyedPairs {
    const fields = new KeyedPairs();
    for (const pair of map.pairs) {
      const key = pair.key;
      if (key.kind !== 'scalar' || key.value === null) {
        this.report('invalid-type', 'error', key.start, Math.max(key.end, key.start + 1), 'Keys must be plain text.');
        continue;
      }
      const name = keyName(key, this.text);
      const first = fields.get(name);
      if (first) {
        this.report('duplicate-key', 'error', key.start, key.end, `\`${name}\` is repeated in this ${what}; the first one is used.`, [
          { uri: this.uri, range: this.range(first.key.start, first.key.end), message: `first \`${name}\`` },
        ]);
        continue;
      }
      fields.add(name, pair);
      if (name.startsWith('x-')) fields.hasExtensions = true;
      else if (!known.includes(name)) {
        const suggestion = closestMatch(name, known);
        const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
        this.report('unknown-key', 'warning', key.start, key.end,
          `Unknown key \`${name}\` in this ${what}.${hint} Keys of your own must start with \`x-\`.`);
      }
    }
    return fields;
  }

  /** Text value of a pair: a string, or a number as written (`number: 1234`). */
  private readText(pair: YamlPair, name: string): string | undefined {
    const node = pair.value;
    const text = this.textOf(node);
    if (text === undefined) {
      this.reportNode('invalid-type', 'error', pair, `\`${name}\` must be text, not ${describe(node)}.`);
    }
    return text;
  }

  private textOf(node: YamlNode): string | undefined {
    if (node.kind !== 'scalar') return undefined;
    if (typeof node.value === 'string') return node.value;
    if (typeof node.value === 'number') return node.style === 'plain' ? this.text.slice(node.start, node.end) : String(node.value);
    return undefined;
  }

  /** Methods rather than closures inside readEntry: it runs once per entry. */
  private reportMissing(firstKey: YamlNode, key: string, why: string): void {
    this.report('missing-key', 'error', firstKey.start, firstKey.end, `This entry has no \`${key}\` (${why}); it is skipped.`);
  }

  private readOptionalText(fields: KeyedPairs, key: EntryKey): string | undefined {
    const pair = fields.get(key);
    return pair ? this.readText(pair, key) : undefined;
  }

  private readEntry(map: YamlMap): GlossaryEntry | undefined {
    const fields = this.collectKeys(map, ENTRY_KEYS, 'entry');
    // An empty mapping (`- {}`) has no first key: the problem goes on the mapping itself.
    const firstKey = map.pairs[0]?.key ?? map;

    let usable = true;
    // id
    const idPair = fields.get('id');
    let id: string | undefined;
    if (!idPair) {
      this.reportMissing(firstKey, 'id', 'a unique identifier such as `strategic-autonomy`');
      usable = false;
    } else if (idPair.value.kind !== 'scalar' || typeof idPair.value.value !== 'string') {
      this.reportNode('invalid-type', 'error', idPair, `\`id\` must be text, not ${describe(idPair.value)}; this entry is skipped.`);
      usable = false;
    } else {
      id = idPair.value.value;
      if (id.length === 0) {
        this.reportNode('invalid-id', 'error', idPair, 'The id is empty; this entry is skipped.');
        usable = false;
      } else if (!isValidId(id)) {
        this.reportNode('invalid-id', 'error', idPair,
          `Invalid id \`${id}\`: use lower-case letters, digits, \`.\`, \`_\` and \`-\`, starting with a letter or digit (e.g. \`${suggestId(id)}\`).`);
      }
    }
    // kind
    const kindPair = fields.get('kind');
    let kind: EntryKind | undefined;
    if (!kindPair) {
      this.reportMissing(firstKey, 'kind', ENTRY_KINDS.join(', '));
      usable = false;
    } else {
      const value = kindPair.value.kind === 'scalar' ? kindPair.value.value : undefined;
      const known = typeof value === 'string' ? ENTRY_KINDS.find((k) => k === value) : undefined;
      if (known) {
        // The constant, not the parsed string: one copy per kind however many entries.
        kind = known;
      } else if (typeof value === 'string') {
        const suggestion = closestMatch(value, ENTRY_KINDS);
        this.reportNode('invalid-kind', 'error', kindPair,
          `Unknown kind \`${value}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}; kinds are ${ENTRY_KINDS.join(', ')}. This entry is skipped.`);
        usable = false;
      } else {
        this.reportNode('invalid-type', 'error', kindPair, `\`kind\` must be one of ${ENTRY_KINDS.join(', ')}, not ${describe(kindPair.value)}; this entry is skipped.`);
        usable = false;
      }
    }
    // name
    const namePair = fields.get('name');
    let name: string | undefined;
    if (!namePair) {
      this.reportMissing(firstKey, 'name', 'its canonical written form');
      usable = false;
    } else {
      name = this.readText(namePair, 'name');
      if (name === undefined) usable = false;
      else if (!hasWord(name)) {
        this.reportNode('empty-form', 'error', namePair, 'The name has no letter or digit, so it can never be recognised; this entry is skipped.');
        usable = false;
      }
    }

    const aliases = this.readForms(fields.get('aliases'), 'aliases');
    const nativePair = fields.get('native');
    let native = nativePair ? this.readText(nativePair, 'native') : undefined;
    if (native !== undefined && !hasWord(native)) {
      this.reportNode('empty-form', 'warning', nativePair!, 'This form has no letter or digit and is ignored.');
      native = undefined;
    }
    const shortPair = fields.get('short');
    const short = shortPair ? this.readForms(shortPair, 'short') : undefined;
    const roles = fitted(this.readRoles(fields.get('roles')));
    const number = this.readOptionalText(fields, 'number');
    const issuer = this.readOptionalText(fields, 'issuer');
    const date = this.readDate(fields.get('date'), 'date');
    const summary = this.readOptionalText(fields, 'summary');
    const source = this.readOptionalText(fields, 'source');
    const related = this.readIds(fields.get('related'), 'related');
    const statusPair = fields.get('status');
    const status = this.readEnum(statusPair, 'status', TERM_STATUSES, 'invalid-status');
    const usePair = fields.get('use');
    let use: string | undefined;
    if (usePair) {
      if (usePair.value.kind === 'scalar' && typeof usePair.value.value === 'string' && !isValidId(usePair.value.value)) {
        this.reportNode('invalid-id', 'error', usePair, `\`${usePair.value.value}\` is not a valid id, so it can name no entry.`);
      } else if (usePair.value.kind === 'scalar' && typeof usePair.value.value === 'string') {
        use = usePair.value.value;
      } else {
        this.reportNode('invalid-type', 'error', usePair, `\`use\` must be the id of another entry, not ${describe(usePair.value)}.`);
      }
    }
    if (status === 'deprecated' && use === undefined) {
      this.reportNode('deprecated-without-use', 'warning', statusPair!, 'A deprecated term needs `use`: the id of the term to use instead.');
    }
    const caseRule = this.readEnum(fields.get('case'), 'case', CASE_RULES, 'invalid-case');
    let extensions = NO_EXTENSIONS;
    // Most entries have no `x-` keys: no second pass over their keys, and one shared empty object.
    if (fields.hasExtensions) {
      extensions = {};
      for (const pair of map.pairs) {
        if (pair.key.kind !== 'scalar' || pair.key.value === null) continue;
        const key = keyName(pair.key, this.text);
        if (key.startsWith('x-') && !Object.prototype.hasOwnProperty.call(extensions, key)) {
          Object.defineProperty(extensions, key, { value: toPlainValue(pair.value), enumerable: true, writable: true, configurable: true });
        }
      }
    }

    if (!usable || id === undefined || kind === undefined || name === undefined) return undefined;
    const entry: GlossaryEntry = {
      id,
      kind,
      name,
      aliases: fitted(aliases.values),
      roles,
      related: fitted(related.values),
      case: caseRule ?? 'auto',
      extensions,
      location: { uri: this.uri, range: this.range(map.start, map.end) },
      idLocation: { uri: this.uri, range: this.range(idPair!.value.start, idPair!.value.end) },
    };
    if (native !== undefined) entry.native = native;
    if (short !== undefined) entry.short = fitted(short.values);
    if (number !== undefined) entry.number = number;
    if (issuer !== undefined) entry.issuer = issuer;
    if (date !== undefined) entry.date = date;
    if (summary !== undefined) entry.summary = summary;
    if (source !== undefined) entry.source = source;
    if (status !== undefined) entry.status = status;
    if (use !== undefined) entry.use = use;
    // Packed in the order glossary/ranges.ts reads them.
    const packed = this.packScratch;
    packed.length = 0;
    this.pack(packed, namePair!.value.start, namePair!.value.end);
    for (let i = 0; i < aliases.spans.length; i += 2) this.pack(packed, aliases.spans[i], aliases.spans[i + 1]);
    if (native !== undefined) this.pack(packed, nativePair!.value.start, nativePair!.value.end);
    if (use !== undefined) this.pack(packed, usePair!.value.start, usePair!.value.end);
    for (let i = 0; i < related.spans.length; i += 2) this.pack(packed, related.spans[i], related.spans[i + 1]);
    entry.valueRanges = packed.slice();
    return entry;
  }

  /** Where readEntry packs an entry's value ranges before copying them at their size. */
  private readonly packScratch: number[] = [];

  private pack(packed: number[], start: number, end: number): void {
    this.positions.pushPosition(start, packed);
    this.positions.pushPosition(end, packed);
  }

  /** A list of written forms; bad items are reported and left out. */
  private readForms(pair: YamlPair | undefined, name: string): { values: string[]; spans: number[] } {
    const values: string[] = [];
    const spans: number[] = [];
    if (!pair) return { values, spans };
    const list = pair.value;
    if (list.kind !== 'seq') {
      this.reportNode('invalid-type', 'error', pair, `\`${name}\` must be a list of written forms (e.g. \`[${name === 'short' ? 'Cuong' : 'Nguyen Manh Cuong'}]\`), not ${describe(list)}.`);
      return { values, spans };
    }
    for (const item of list.items) {
      const text = this.textOf(item);
      if (text === undefined) {
        this.reportItem('invalid-type', item, `Each item of \`${name}\` must be text, not ${describe(item)}.`);
        continue;
      }
      if (!hasWord(text)) {
        this.report('empty-form', 'warning', item.start, item.end, 'This form has no letter or digit and is ignored.');
        continue;
      }
      values.push(text);
      spans.push(item.start, item.end);
    }
    return { values, spans };
  }

  /** A list of entry ids (`related`). */
  private readIds(pair: YamlPair | undefined, name: string): { values: string[]; spans: number[] } {
    const values: string[] = [];
    const spans: number[] = [];
    if (!pair) return { values, spans };
    const list = pair.value;
    if (list.kind !== 'seq') {
      this.reportNode('invalid-type', 'error', pair, `\`${name}\` must be a list of entry ids (e.g. \`[ministry-of-foreign-affairs]\`), not ${describe(list)}.`);
      return { values, spans };
    }
    for (const item of list.items) {
      if (item.kind !== 'scalar' || typeof item.value !== 'string') {
        this.reportItem('invalid-type', item, `Each item of \`${name}\` must be an entry id, not ${describe(item)}.`);
        continue;
      }
      if (!isValidId(item.value)) {
        this.report('invalid-id', 'error', item.start, item.end, `\`${item.value}\` is not a valid id, so it can name no entry.`);
        continue;
      }
      values.push(item.value);
      spans.push(item.start, item.end);
    }
    return { values, spans };
  }

  private readEnum<T extends string>(pair: YamlPair | undefined, name: string, allowed: readonly T[], code: GlossaryProblemCode): T | undefined {
    if (!pair) return undefined;
    const value = pair.value.kind === 'scalar' ? pair.value.value : undefined;
    const known = allowed.find((a) => a === value);
    if (known !== undefined) return known;
    if (typeof value === 'string') {
      const suggestion = closestMatch(value, allowed);
      this.reportNode(code, 'error', pair, `Invalid ${name} \`${value}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}; use one of ${allowed.join(', ')}.`);
    } else {
      this.reportNode('invalid-type', 'error', pair, `\`${name}\` must be one of ${allowed.join(', ')}, not ${describe(pair.value)}.`);
    }
    return undefined;
  }

  /** A date: YYYY (text or number), YYYY-MM or YYYY-MM-DD, a real calendar date. */
  private readDate(pair: YamlPair | undefined, name: string): string | undefined {
    if (!pair) return undefined;
    const node = pair.value;
    let text: string | undefined;
    if (node.kind === 'scalar') {
      if (typeof node.value === 'number') text = Number.isInteger(node.value) && node.value >= 1000 && node.value <= 9999 ? String(node.value) : undefined;
      else if (typeof node.value === 'string') text = isValidPartialDate(node.value) ? node.value : undefined;
    }
    if (text === undefined) {
      const shown = node.kind === 'scalar' && node.value !== null ? ` \`${this.text.slice(node.start, node.end)}\`` : '';
      this.reportNode('invalid-date', 'error', pair, `Invalid \`${name}\`${shown}: write a real date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-01-24).`);
    }
    return text;
  }

  private readRoles(pair: YamlPair | undefined): Role[] {
    const roles: Role[] = [];
    if (!pair) return roles;
    const list = pair.value;
    if (list.kind !== 'seq') {
      this.reportNode('invalid-type', 'error', pair, `\`roles\` must be a list of roles, each with a \`title\`, not ${describe(list)}.`);
      return roles;
    }
    for (const item of list.items) {
      if (item.kind !== 'map') {
        this.reportItem('invalid-type', item, `A role is a mapping with \`title\` and optional \`native\`, \`from\`, \`to\`, not ${describe(item)}.`);
        continue;
      }
      const fields = this.collectKeys(item, ROLE_KEYS, 'role');
      const titlePair = fields.get('title');
      let title: string | undefined;
      if (!titlePair) {
        const first = item.pairs[0]?.key ?? item;
        this.report('missing-key', 'error', first.start, first.end, 'This role has no `title`; it is skipped.');
      } else {
        title = this.readText(titlePair, 'title');
      }
      const nativePair = fields.get('native');
      const native = nativePair ? this.readText(nativePair, 'native') : undefined;
      const fromPair = fields.get('from');
      const toPair = fields.get('to');
      const from = this.readDate(fromPair, 'from');
      const to = this.readDate(toPair, 'to');
      if (from !== undefined && to !== undefined && isReversedPeriod(from, to)) {
        this.reportNode('reversed-dates', 'warning', toPair!, `This role ends (${to}) before it starts (${from}).`, [
          { uri: this.uri, range: this.range(fromPair!.value.start, fromPair!.value.end), message: 'start of the role' },
        ]);
      }
      if (title === undefined) continue;
      let role: Role;
      // The usual roles as one literal each (their fields inside the object, no separate property store).
      if (native !== undefined && from !== undefined) role = to !== undefined ? { title, native, from, to } : { title, native, from };
      else {
        role = { title };
        if (native !== undefined) role.native = native;
        if (from !== undefined) role.from = from;
        if (to !== undefined) role.to = to;
      }
      roles.push(role);
    }
    return roles;
  }
}

/** The empty lists of entries (most entries have no `related`, many no aliases or roles): one frozen array. */
const NO_ITEMS: never[] = Object.freeze([]) as never[];

/**
 * The list without the spare room that growing it by push leaves (a list of one item keeps room for
 * sixteen), or the shared empty list: an entry's lists live as long as the glossary, in every copy the
 * garbage collector makes.
 */
function fitted<T>(list: T[]): T[] {
  return list.length === 0 ? NO_ITEMS : list.slice();
}

/** The pairs of a mapping by key name, first occurrence only. Small arrays: mappings have a few keys. */
class KeyedPairs {
  /** Some key starts with `x-`. */
  hasExtensions = false;
  private readonly names: string[] = [];
  private readonly pairs: YamlPair[] = [];

  add(name: string, pair: YamlPair): void {
    this.names.push(name);
    this.pairs.push(pair);
  }

  get(name: string): YamlPair | undefined {
    const i = this.names.indexOf(name);
    return i < 0 ? undefined : this.pairs[i];
  }
}

function byPosition(a: GlossaryProblem, b: GlossaryProblem): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** A key's name as written: numbers and booleans by their source text. */
function keyName(key: YamlScalar, text: string): string {
  return typeof key.value === 'string' ? key.value : text.slice(key.start, key.end);
}

/** A valid id close to an invalid one, for the message. */
function suggestId(id: string): string {
  const slug = id
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[Đđ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/-+$/, '');
  return slug || 'my-entry';
}
