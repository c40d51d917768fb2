// Finding and reading the files a command works on. Everything here is synchronous: the CLI runs once
// over a tree and sorts its output at the end, so there is nothing to overlap with the reads.
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Directories never walked, whatever `.gitignore` says. */
const EXCLUDED_DIRECTORIES = new Set(['node_modules', '.git']);

/** A file found under a PATH argument (or the PATH itself). */
export interface FoundFile {
  /** Absolute path on disk. */
  absolutePath: string;
  /** The PATH argument joined with the file's path relative to it, with `/` separators. */
  displayPath: string;
  /** Path relative to the PATH argument (the file name for a file argument), matched against glob patterns. */
  relativePath: string;
  /** True when the file was named on the command line rather than found by walking a directory. */
  explicit: boolean;
}

/** A place that could not be listed while walking; reported as a note, not fatal. */
export interface WalkProblem {
  displayPath: string;
  message: string;
}

/** A PATH argument that names nothing readable: bad usage. */
export class MissingPathError extends Error {}

/** Writes a path with `/` separators so that output is the same on every platform. */
export function toDisplayPath(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * Lists the files under each PATH: a file is taken as it is; a directory is walked in name order,
 * honouring `.gitignore` files (those inside it and those of its parents up to the repository root),
 * skipping node_modules and .git, and never following symbolic links (so link loops cannot hang).
 * A file reached from two arguments is listed once, under the first.
 */
export function collectFiles(
  pathArgs: string[],
  onProgress?: (found: number) => void,
): { files: FoundFile[]; problems: WalkProblem[] } {
  const files: FoundFile[] = [];
  const problems: WalkProblem[] = [];
  const seen = new Set<string>();
  const add = (file: FoundFile) => {
    if (seen.has(file.absolutePath)) return;
    seen.add(file.absolutePath);
    files.push(file);
    onProgress?.(files.length);
  };
  for (const arg of pathArgs) {
    const absolute = path.resolve(arg);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      throw new MissingPathError(`no such file or directory: ${arg}`);
    }
    if (stats.isDirectory()) {
      const layers = parentIgnoreLayers(absolute);
      walk(absolute, path.normalize(arg), '', layers, add, problems);
    } else if (stats.isFile()) {
      add({ absolutePath: absolute, displayPath: toDisplayPath(path.normalize(arg)), relativePath: path.basename(absolute), explicit: true });
    } else {
      throw new MissingPathError(`not a file or directory: ${arg}`);
    }
  }
  return { files, problems };
}

interface IgnoreLayer {
  /** The directory holding the `.gitignore`. */
  base: string;
  rules: Ignore;
}

function walk(
  dir: string,
  displayRoot: string,
  relativeDir: string,
  layers: IgnoreLayer[],
  add: (file: FoundFile) => void,
  problems: WalkProblem[],
): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    problems.push({ displayPath: toDisplayPath(path.join(displayRoot, relativeDir)), message: `cannot list directory (${errorCode(error)})` });
    return;
  }
  const own = readIgnoreLayer(dir);
  const active = own ? [...layers, own] : layers;
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
    // Symbolic links are neither followed nor read: following directory links could loop, and a
    // linked file would be checked twice under two names.
    if (entry.isDirectory()) {
      if (EXCLUDED_DIRECTORIES.has(entry.name) || isIgnored(active, full, true)) continue;
      walk(full, displayRoot, relative, active, add, problems);
    } else if (entry.isFile()) {
      if (isIgnored(active, full, false)) continue;
      add({ absolutePath: full, displayPath: toDisplayPath(path.join(displayRoot, relative)), relativePath: relative, explicit: false });
    }
  }
}

/** The `.gitignore` files of the directories above `dir`, up to the repository root (if `dir` is in one). */
function parentIgnoreLayers(dir: string): IgnoreLayer[] {
  const parents: string[] = [];
  let current = path.dirname(dir);
  let inRepository = existsSync(path.join(dir, '.git'));
  while (!inRepository) {
    parents.unshift(current);
    if (existsSync(path.join(current, '.git'))) inRepository = true;
    const up = path.dirname(current);
    if (up === current) break;
    current = up;
  }
  if (!inRepository) return [];
  return parents.map(readIgnoreLayer).filter((layer): layer is IgnoreLayer => layer !== undefined);
}

function readIgnoreLayer(dir: string): IgnoreLayer | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(dir, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return { base: dir, rules: ignore({ ignorecase: false }).add(text) };
}

/** Git's rule: the deepest `.gitignore` with an opinion on the path decides, so `!pattern` can re-include. */
function isIgnored(layers: IgnoreLayer[], absolutePath: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const layer of layers) {
    const relative = toDisplayPath(path.relative(layer.base, absolutePath));
    if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) continue;
    const result = layer.rules.test(isDirectory ? `${relative}/` : relative);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

export function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}

/** What reading a file gave. */
export type ReadOutcome =
  | { kind: 'text'; text: string; invalidUtf8?: InvalidUtf8 }
  | { kind: 'binary' }
  | { kind: 'too-large'; size: number }
  | { kind: 'unreadable'; reason: string };

/** Invalid UTF-8 found while decoding: how many replacement characters it produced and where the first is. */
export interface InvalidUtf8 {
  replacements: number;
  /** UTF-16 offset of the first replacement character in the decoded text. */
  firstOffset: number;
}

/** How many leading bytes are searched for a NUL to tell binary files from text (git does the same). */
const BINARY_SNIFF_BYTES = 8000;

export interface ReadOptions {
  /** A larger file is not read at all. */
  maxBytes?: number;
  /** Report a file with a NUL byte near its start as binary instead of decoding it. */
  detectBinary?: boolean;
}

/**
 * Reads a file as UTF-8. A byte order mark is dropped; invalid bytes become U+FFFD and are reported;
 * a file with a NUL byte near its start is binary; a file over `maxBytes` is not read at all.
 */
export function readTextFile(absolutePath: string, { maxBytes = Infinity, detectBinary = true }: ReadOptions = {}): ReadOutcome {
  let bytes: Buffer;
  try {
    const size = statSync(absolutePath).size;
    if (size > maxBytes) return { kind: 'too-large', size };
    bytes = readFileSync(absolutePath);
  } catch (error) {
    return { kind: 'unreadable', reason: errorCode(error) };
  }
  // The size is checked again: the file may have grown between stat and read.
  if (bytes.length > maxBytes) return { kind: 'too-large', size: bytes.length };
  if (detectBinary && bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { kind: 'binary' };
  return decodeText(bytes);
}

export function decodeText(bytes: Uint8Array): { kind: 'text'; text: string; invalidUtf8?: InvalidUtf8 } {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const firstInvalid = firstInvalidUtf8Byte(bytes);
  if (firstInvalid === -1) return { kind: 'text', text };
  // U+FFFD written in the file itself is legitimate; only the extra ones come from invalid bytes.
  const replacements = countReplacementChars(text) - countEncodedReplacementChars(bytes);
  const firstOffset = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, firstInvalid)).length;
  return { kind: 'text', text, invalidUtf8: { replacements: Math.max(1, replacements), firstOffset } };
}

function countReplacementChars(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) count++;
  return count;
}

function countEncodedReplacementChars(bytes: Uint8Array): number {
  let count = 0;
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) count++;
  }
  return count;
}

/** The offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) min = 0xa0; // overlong
      if (b === 0xed) max = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) min = 0x90; // overlong
      if (b === 0xf4) max = 0x8f; // above U+10FFFF
    } else return i;
    if (i + length > bytes.length) return i;
    if (bytes[i + 1] < min || bytes[i + 1] > max) return i;
    for (let k = 2; k < length; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return i;
    i += length;
  }
  return -1;
}
