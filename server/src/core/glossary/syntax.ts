// The YAML of a glossary file as a small tree of plain objects with exact source offsets. Two readers
// produce it: a fast reader for the block-style YAML glossaries are written in (readFastYaml), and the
// `yaml` package's Document API for everything else; both give the same tree for the same text.
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, type Document, type Node } from 'yaml';
import { readFastYamlSteps, type ItemStream, type SliceReader } from './fastYaml';
import { runToEnd, type Steps } from './steps';

export type { ItemStream };
import type { ScalarValue } from './scalars';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

export interface YamlScalar {
  kind: 'scalar';
  /** The resolved value; an empty value (`key:` with nothing after it) is null with start === end. */
  value: ScalarValue;
  style: ScalarStyle;
  /** UTF-16 offsets of the scalar's text (quotes included; block scalars: header to last content character). */
  start: number;
  end: number;
  /** An explicit tag other than the core schema's, as written (e.g. `!foo`). */
  tag?: string;
}

export interface YamlPair {
  key: YamlNode;
  value: YamlNode;
}

export interface YamlMap {
  kind: 'map';
  flow: boolean;
  pairs: YamlPair[];
  start: number;
  end: number;
}

export interface YamlSeq {
  kind: 'seq';
  flow: boolean;
  items: YamlNode[];
  /** The items were handed to ReadYamlOptions.stream as they were read and are not kept here. */
  streamed?: boolean;
  start: number;
  end: number;
}

export type YamlNode = YamlScalar | YamlMap | YamlSeq;

export type YamlIssueCode = 'yaml-syntax' | 'too-many-aliases' | 'nesting-too-deep' | 'unsupported-tag';

export interface YamlIssue {
  code: YamlIssueCode;
  severity: 'error' | 'warning';
  message: string;
  start: number;
  end: number;
}

export interface YamlTree {
  /** Null for an empty document or one that could not be read. */
  root: YamlNode | null;
  issues: YamlIssue[];
  /** False when the text is not YAML the loader can use (syntax error, alias bomb, nesting beyond the parser). */
  readable: boolean;
  /** Which reader produced the tree (the fast one declines anything outside the subset it knows). */
  reader: 'fast' | 'yaml';
}

export interface ReadYamlOptions {
  /** Collections nested deeper than this are cut off with a `nesting-too-deep` issue. */
  maxDepth?: number;
  /** `yaml` skips the fast reader (tests compare the two). */
  reader?: 'auto' | 'yaml';
  /**
   * Lets the fast reader hand over the items of one top-level list as it reads them. When the tree
   * comes from the `yaml` package instead (`reader: 'yaml'`), nothing was streamed that counts: the
   * caller discards what it received and reads the items from the tree.
   */
  stream?: ItemStream;
  /** newlineStarts(text) when the caller has it already (the fast reader then does not count lines again). */
  lineStarts?: Int32Array;
}

export const DEFAULT_MAX_DEPTH = 64;
/** Passed to the `yaml` package: beyond this many alias expansions a document is treated as an alias bomb. */
export const MAX_ALIAS_COUNT = 1000;
/** Nodes an alias may expand to in total, a second guard against expansion attacks and self-references. */
const MAX_ALIAS_EXPANSION = 100_000;

/** Reads YAML text into a YamlTree. Never throws. */
export function readYaml(text: string, options: ReadYamlOptions = {}): YamlTree {
  return runToEnd(readYamlSteps(text, options));
}

/** readYaml in steps: the fast reader pauses between streamed items (the `yaml` package reads in one go). */
export function* readYamlSteps(text: string, options: ReadYamlOptions = {}): Steps<YamlTree> {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (options.reader !== 'yaml') {
    const fast = yield* readFastYamlSteps(text, maxDepth, options.stream, (start, end, sliceMaxDepth) => readSliceWithYamlPackage(text, start, end, sliceMaxDepth), options.lineStarts);
    if (fast !== undefined) return { ...fast, reader: 'fast' };
  }
  return readWithYamlPackage(text, maxDepth);
}

const recentTrees: { text: string; tree: YamlTree }[] = [];
const MAX_CACHED_CHARS = 8_000_000;

/**
 * readYaml with default options, remembering the trees of the last few texts: editor requests on the
 * same glossary text (definition, completion, links, edits) then read it once. Trees are shared:
 * treat them as read-only.
 */
export function readYamlCached(text: string): YamlTree {
  const hit = recentTrees.findIndex((c) => c.text === text);
  if (hit >= 0) {
    const [entry] = recentTrees.splice(hit, 1);
    recentTrees.unshift(entry);
    return entry.tree;
  }
  const tree = readYaml(text);
  // Trees take about fifteen times their text in memory: very large texts are not kept.
  if (text.length > MAX_CACHED_CHARS) return tree;
  recentTrees.unshift({ text, tree });
  let total = 0;
  for (let i = 0; i < recentTrees.length; i++) {
    total += recentTrees[i].text.length;
    if (i >= 4 || total > MAX_CACHED_CHARS) {
      recentTrees.length = i;
      break;
    }
  }
  return tree;
}

/** Some whole lines of the text read on their own (see SliceReader). */
function readSliceWithYamlPackage(text: string, start: number, end: number, maxDepth: number): ReturnType<SliceReader> {
  const tree = readWithYamlPackage(text.slice(start, end), maxDepth);
  const issues = tree.issues.map((issue) => ({ ...issue, start: issue.start + start, end: issue.end + start }));
  if (!tree.readable) {
    // An alias to an anchor outside the slice, or a resource limit: only the whole text can tell.
    if (issues.some((issue) => issue.code !== 'yaml-syntax' || /alias|anchor/i.test(issue.message))) return undefined;
    return { errors: issues };
  }
  return { root: tree.root && shifted(tree.root, start), issues };
}

/** The node with every offset moved by `delta`. */
function shifted(node: YamlNode, delta: number): YamlNode {
  if (node.kind === 'scalar') return { ...node, start: node.start + delta, end: node.end + delta };
  if (node.kind === 'seq') return { ...node, items: node.items.map((item) => shifted(item, delta)), start: node.start + delta, end: node.end + delta };
  return { ...node, pairs: node.pairs.map((pair) => ({ key: shifted(pair.key, delta), value: shifted(pair.value, delta) })), start: node.start + delta, end: node.end + delta };
}

function readWithYamlPackage(text: string, maxDepth: number): YamlTree {
  const issues: YamlIssue[] = [];
  // The yaml package recurses once per level: `[[[[...` 100k deep costs seconds and hundreds of MB
  // before its stack overflows. Absurd flow nesting is refused up front instead.
  const tooDeep = flowNestingBeyond(text, MAX_FLOW_NESTING);
  if (tooDeep >= 0) {
    issues.push({ code: 'nesting-too-deep', severity: 'error', message: 'The YAML is nested too deeply to read.', start: tooDeep, end: tooDeep + 1 });
    return { root: null, issues, readable: false, reader: 'yaml' };
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
  } catch (error) {
    // The package reports most resource problems itself; this catches anything it lets through.
    const tooDeep = error instanceof RangeError;
    issues.push({
      code: tooDeep ? 'nesting-too-deep' : 'yaml-syntax',
      severity: 'error',
      message: tooDeep ? 'The YAML is nested too deeply to read.' : `The YAML could not be read: ${String((error as Error)?.message ?? error)}`,
      start: 0,
      end: 0,
    });
    return { root: null, issues, readable: false, reader: 'yaml' };
  }
  for (const error of doc.errors) {
    const tooDeep = error.code === 'RESOURCE_EXHAUSTION';
    issues.push({
      code: tooDeep ? 'nesting-too-deep' : 'yaml-syntax',
      severity: 'error',
      message: tooDeep ? 'The YAML is nested too deeply to read.' : firstLine(error.message),
      start: error.pos[0],
      end: Math.max(error.pos[0], error.pos[1]),
    });
  }
  for (const warning of doc.warnings) {
    const unresolvedTag = warning.code === 'TAG_RESOLVE_FAILED';
    issues.push({
      code: unresolvedTag ? 'unsupported-tag' : 'yaml-syntax',
      severity: 'warning',
      message: unresolvedTag ? `${firstLine(warning.message)}; the value is read as plain text.` : firstLine(warning.message),
      start: warning.pos[0],
      end: Math.max(warning.pos[0], warning.pos[1]),
    });
  }
  if (doc.errors.length > 0) return { root: null, issues, readable: false, reader: 'yaml' };
  try {
    const root = new YamlConverter(doc, text, maxDepth, issues).convertRoot();
    return { root, issues, readable: true, reader: 'yaml' };
  } catch (error) {
    if (error instanceof AliasBomb) {
      issues.push({ code: 'too-many-aliases', severity: 'error', message: error.message, start: error.start, end: error.end });
      return { root: null, issues, readable: false, reader: 'yaml' };
    }
    issues.push({ code: 'yaml-syntax', severity: 'error', message: `The YAML could not be read: ${String((error as Error)?.message ?? error)}`, start: 0, end: 0 });
    return { root: null, issues, readable: false, reader: 'yaml' };
  }
}

/** Far beyond any glossary (the converter cuts values off at maxDepth anyway), far below what hurts. */
const MAX_FLOW_NESTING = 1000;

/**
 * The offset of the first `[` or `{` nested more than `limit` deep, or -1. Quoted scalars and comments
 * are skipped; brackets inside plain or block scalars may be counted too, which only errs on the side
 * of reading the text.
 */
function flowNestingBeyond(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > limit) return i;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      if (depth > 0) depth--;
    } else if (c === 0x22 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c /* \ */) i++;
    } else if (c === 0x27 /* ' */ && (i === 0 || /[\s[{,:]/.test(text[i - 1]))) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x27; i++);
    } else if (c === 0x23 /* # */ && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a) i++;
    }
  }
  return -1;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}

class AliasBomb extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

const CORE_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
]);

const STYLES: Record<string, ScalarStyle> = {
  PLAIN: 'plain',
  QUOTE_SINGLE: 'single',
  QUOTE_DOUBLE: 'double',
  BLOCK_LITERAL: 'literal',
  BLOCK_FOLDED: 'folded',
};

/** Converts the `yaml` package's nodes into YamlNodes, resolving aliases under a budget. */
class YamlConverter {
  private aliasesChecked = false;
  private aliasExpansion = 0;
  private readonly expanding = new Set<Node>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly text: string,
    private readonly maxDepth: number,
    private readonly issues: YamlIssue[],
  ) {}

  convertRoot(): YamlNode | null {
    const contents = this.doc.contents;
    return contents ? this.convert(contents as Node, 0, false) : null;
  }

  private convert(node: Node, depth: number, inAlias: boolean, at?: { start: number; end: number }): YamlNode {
    if (inAlias && ++this.aliasExpansion > MAX_ALIAS_EXPANSION) {
      throw new AliasBomb('Aliases expand to too many nodes; the file is treated as an alias bomb.', at?.start ?? 0, at?.end ?? 0);
    }
    if (isAlias(node)) return this.convertAlias(node as Node & { source: string; resolve(doc: Document): Node | undefined }, depth);
    if (isScalar(node)) return this.convertScalar(node, at);
    const start = at?.start ?? node.range?.[0] ?? 0;
    if (depth >= this.maxDepth) {
      this.issues.push({
        code: 'nesting-too-deep',
        severity: 'error',
        message: `Nested deeper than ${this.maxDepth} levels; the value is ignored.`,
        start,
        end: start + 1,
      });
      return { kind: 'scalar', value: null, style: 'plain', start, end: start };
    }
    // Flow collections end at their closing bracket; block ones at their last child (the package's
    // range also covers trailing comments and line breaks).
    const flowEnd = node.range && (node as { flow?: boolean }).flow ? node.range[1] : start;
    if (isMap(node)) {
      const pairs: YamlPair[] = [];
      for (const pair of node.items) pairs.push(this.convertPair(pair.key as Node | null, pair.value as Node | null, depth, inAlias));
      return this.collection('map', node.flow === true, pairs, start, flowEnd);
    }
    if (isSeq(node)) {
      const items: YamlNode[] = [];
      for (const item of node.items) {
        if (isPair(item)) {
          const pair = this.convertPair(item.key as Node | null, item.value as Node | null, depth + 1, inAlias);
          items.push({ kind: 'map', flow: true, pairs: [pair], start: pair.key.start, end: Math.max(pair.key.end, pair.value.end) });
        } else if (item == null) {
          items.push({ kind: 'scalar', value: null, style: 'plain', start, end: start });
        } else {
          items.push(this.convert(item as Node, depth + 1, inAlias));
        }
      }
      return this.collection('seq', node.flow === true, items, start, flowEnd);
    }
    return { kind: 'scalar', value: null, style: 'plain', start, end: start };
  }

  private collection(kind: 'map', flow: boolean, children: YamlPair[], start: number, minEnd: number): YamlMap;
  private collection(kind: 'seq', flow: boolean, children: YamlNode[], start: number, minEnd: number): YamlSeq;
  private collection(kind: 'map' | 'seq', flow: boolean, children: (YamlPair | YamlNode)[], start: number, minEnd: number): YamlMap | YamlSeq {
    let end = Math.max(start, minEnd);
    for (const child of children) {
      const childEnd = 'key' in child ? Math.max(child.key.end, child.value.end) : child.end;
      if (childEnd > end) end = childEnd;
    }
    return kind === 'map'
      ? { kind, flow, pairs: children as YamlPair[], start, end }
      : { kind, flow, items: children as YamlNode[], start, end };
  }

  private convertPair(key: Node | null, value: Node | null, depth: number, inAlias: boolean): YamlPair {
    const keyNode: YamlNode = key ? this.convert(key, depth + 1, inAlias) : { kind: 'scalar', value: null, style: 'plain', start: 0, end: 0 };
    if (!key && value?.range) {
      keyNode.start = keyNode.end = value.range[0];
    }
    const valueNode: YamlNode = value ? this.convert(value, depth + 1, inAlias) : { kind: 'scalar', value: null, style: 'plain', start: keyNode.end, end: keyNode.end };
    return { key: keyNode, value: valueNode };
  }

  private convertScalar(node: Scalar, at?: { start: number; end: number }): YamlScalar {
    const range = node.range ?? [0, 0, 0];
    const style = STYLES[node.type ?? 'PLAIN'] ?? 'plain';
    let start = range[0];
    let end = range[1];
    if (style === 'literal' || style === 'folded') end = blockScalarEnd(this.text, start, end);
    if (at) {
      start = at.start;
      end = at.end;
    }
    const raw = node.value as unknown;
    const value: ScalarValue =
      raw === null || typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? raw : String(raw);
    const scalar: YamlScalar = { kind: 'scalar', value, style, start, end };
    if (node.tag && !CORE_TAGS.has(node.tag)) scalar.tag = node.tag;
    return scalar;
  }

  private convertAlias(alias: Node & { source: string; resolve(doc: Document): Node | undefined }, depth: number): YamlNode {
    const start = alias.range?.[0] ?? 0;
    const end = alias.range?.[1] ?? start;
    if (!this.aliasesChecked) {
      this.aliasesChecked = true;
      try {
        this.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch (error) {
        throw new AliasBomb(`Too many alias expansions (${firstLine(String((error as Error)?.message ?? error))}); the file is treated as an alias bomb.`, start, end);
      }
    }
    const target = alias.resolve(this.doc);
    if (!target || this.expanding.has(target)) {
      // An unknown anchor, or an alias inside the node it names: read as an empty value.
      return { kind: 'scalar', value: null, style: 'plain', start, end };
    }
    this.expanding.add(target);
    try {
      const converted = this.convert(target, depth, true, { start, end });
      if (converted.kind !== 'scalar') {
        converted.start = start;
        converted.end = Math.max(end, start);
      }
      return converted;
    } finally {
      this.expanding.delete(target);
    }
  }
}

/** The end of a block scalar's last content character (the package's range also covers trailing line breaks). */
function blockScalarEnd(text: string, start: number, packageEnd: number): number {
  const headerEnd = lineEndAt(text, start);
  let end = packageEnd;
  while (end > headerEnd && isWhitespace(text.charCodeAt(end - 1))) end--;
  return end > headerEnd ? end : start + 1;
}

function lineEndAt(text: string, offset: number): number {
  const lf = text.indexOf('\n', offset);
  const end = lf < 0 ? text.length : lf;
  return end > offset && text[end - 1] === '\r' ? end - 1 : end;
}

function isWhitespace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

/** The JSON-like value of a node (extension values, schema checks). Depth is bounded by the reader. */
export function toPlainValue(node: YamlNode): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(toPlainValue);
  const out: Record<string, unknown> = {};
  for (const pair of node.pairs) {
    const key = pair.key.kind === 'scalar' ? String(pair.key.value) : JSON.stringify(toPlainValue(pair.key));
    // defineProperty, not assignment: a key named `__proto__` must stay plain data.
    Object.defineProperty(out, key, { value: toPlainValue(pair.value), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
