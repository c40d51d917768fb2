// Runs the same core as the language server over files on disk: loads the glossary, analyses each
// document and gathers the results in path order for the output formats.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DocumentDiagnostic, SeverityOverrides } from '../core/diagnostics';
import type { DocumentAnalysis } from '../core/recognition/mention';
import { PolicyService } from '../core/service';
import { LineMap } from '../core/text';
import type { Range, Severity } from '../core/types';
import { createPathMatcher, DEFAULT_DOCUMENT_PATTERNS, DEFAULT_GLOSSARY_PATTERNS } from '../core/workspace';
import { collectFiles, readTextFile, toDisplayPath, type FoundFile, type InvalidUtf8, type ReadOutcome } from './files';
import type { Progress } from './progress';

/** The code of the diagnostic for a document with bytes that are not UTF-8 (glossary files get the same code from the loader). */
export const INVALID_ENCODING_CODE = 'invalid-encoding';

/** A diagnostic in a document or a glossary file, located by display path. */
export interface FileDiagnostic {
  path: string;
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  related?: { path: string; range: Range; message: string }[];
}

export interface DocumentResult {
  path: string;
  /** Present when the run asked for the analysis (scan). */
  analysis?: DocumentAnalysis;
  diagnostics: FileDiagnostic[];
}

/** A file that was not read, with the reason. */
export interface SkippedFile {
  path: string;
  reason: string;
}

export interface RunResult {
  /** Display paths of the glossary files, sorted. */
  glossaryFiles: string[];
  entries: number;
  glossaryDiagnostics: FileDiagnostic[];
  /** Sorted by path. */
  documents: DocumentResult[];
  skipped: SkippedFile[];
  /** Remarks about the run as a whole (nothing found, directories that could not be listed). */
  notes: string[];
}

export interface RunOptions {
  paths: string[];
  /** Glossary files named with --glossary; when empty, glossaries are found under the paths. */
  glossaryFiles: string[];
  maxFileSize: number;
  /** Per-code severities of document diagnostics (`off` drops the code), as in the editor's settings. */
  severity?: SeverityOverrides;
  /** Keep each document's analysis (mentions, candidates, date), not just its diagnostics. */
  keepAnalysis: boolean;
  progress?: Progress;
  /** Called as soon as something worth a note happens, so that long runs report early. */
  onNote?: (note: string) => void;
}

/** A glossary that cannot be read: the run stops (exit code 2). */
export class GlossaryReadError extends Error {}

const isGlossaryPath = createPathMatcher(DEFAULT_GLOSSARY_PATTERNS);
const isDocumentPath = createPathMatcher(DEFAULT_DOCUMENT_PATTERNS);

export function run(options: RunOptions): RunResult {
  const { progress } = options;
  const skipped: SkippedFile[] = [];
  const notes: string[] = [];
  const note = (text: string) => {
    notes.push(text);
    options.onNote?.(text);
  };
  const skip = (file: SkippedFile) => {
    skipped.push(file);
    options.onNote?.(`skipped ${file.path}: ${file.reason}`);
  };

  const found = collectFiles(options.paths, (count) => progress?.update('Finding files', count));
  for (const problem of found.problems) note(`${problem.displayPath}: ${problem.message}`);

  // An explicitly named glossary file is always a glossary; found ones count only without --glossary.
  const glossaryFiles: FoundFile[] = options.glossaryFiles.map((arg) => ({
    absolutePath: path.resolve(arg),
    displayPath: toDisplayPath(path.normalize(arg)),
    relativePath: path.basename(arg),
    explicit: true,
  }));
  const documents: FoundFile[] = [];
  for (const file of found.files) {
    if (isGlossaryPath(file.relativePath)) {
      if (file.explicit || options.glossaryFiles.length === 0) glossaryFiles.push(file);
    } else if (file.explicit || isDocumentPath(file.relativePath)) {
      documents.push(file);
    }
  }
  const uniqueGlossaries = uniqueByAbsolutePath(glossaryFiles).sort(byDisplayPath);
  documents.sort(byDisplayPath);

  // `source:` paths of glossary entries resolve only inside the checked folders, as in the editor.
  const roots = options.paths.map((arg) => {
    const absolute = path.resolve(arg);
    return pathToFileURL(statSync(absolute).isDirectory() ? absolute : path.dirname(absolute)).href;
  });
  const service = new PolicyService({ roots });
  const displayPathOfUri = new Map<string, string>();
  const glossaryDiagnostics: FileDiagnostic[] = [];
  for (const file of uniqueGlossaries) {
    // The glossary loader itself reports binary content, invalid UTF-8 and size, as the editor shows them.
    const outcome = readTextFile(file.absolutePath, { detectBinary: false });
    if (outcome.kind !== 'text') throw new GlossaryReadError(`cannot read glossary ${file.displayPath}: ${describeUnread(outcome)}`);
    const uri = pathToFileURL(file.absolutePath).href;
    displayPathOfUri.set(uri, file.displayPath);
    service.setGlossaryFile(uri, outcome.text);
  }
  const glossary = service.getGlossary();
  for (const problem of glossary.problems) {
    const displayOf = (uri: string) =>
      displayPathOfUri.get(uri) ?? (uri.startsWith('file:') ? toDisplayPath(path.relative(process.cwd(), fileURLToPath(uri))) : uri);
    glossaryDiagnostics.push({
      path: displayOf(problem.uri),
      code: problem.code,
      severity: problem.severity,
      message: problem.message,
      range: problem.range,
      ...(problem.related?.length
        ? { related: problem.related.map((r) => ({ path: displayOf(r.uri), range: r.range, message: r.message })) }
        : {}),
    });
  }
  if (uniqueGlossaries.length === 0) {
    note(`no glossary file found (looked for ${DEFAULT_GLOSSARY_PATTERNS.join(', ')}); name one with --glossary FILE`);
  }
  if (documents.length === 0) note(`no documents found (looked for ${DEFAULT_DOCUMENT_PATTERNS.join(', ')})`);

  const results: DocumentResult[] = [];
  documents.forEach((file, index) => {
    progress?.update('Checking documents', index, documents.length);
    const outcome = readTextFile(file.absolutePath, { maxBytes: options.maxFileSize });
    if (outcome.kind !== 'text') {
      skip({ path: file.displayPath, reason: describeUnread(outcome, options.maxFileSize) });
      return;
    }
    const textFile = { uri: pathToFileURL(file.absolutePath).href, version: 1, text: outcome.text };
    const diagnostics: FileDiagnostic[] = service.getDiagnostics(textFile, options.severity).map((d) => toFileDiagnostic(file.displayPath, d));
    if (outcome.invalidUtf8) diagnostics.push(invalidEncodingDiagnostic(file.displayPath, outcome.text, outcome.invalidUtf8));
    results.push({
      path: file.displayPath,
      analysis: options.keepAnalysis ? service.analyze(textFile) : undefined,
      diagnostics: diagnostics.sort(byPosition),
    });
  });
  progress?.clear();

  return {
    glossaryFiles: uniqueGlossaries.map((f) => f.displayPath),
    entries: glossary.entries.length,
    glossaryDiagnostics: glossaryDiagnostics.sort(byPathThenPosition),
    documents: results,
    skipped,
    notes,
  };
}

/** Every diagnostic of a run, glossary files and documents together, sorted by path then position. */
export function allDiagnostics(result: RunResult): FileDiagnostic[] {
  return [...result.glossaryDiagnostics, ...result.documents.flatMap((d) => d.diagnostics)].sort(byPathThenPosition);
}

function toFileDiagnostic(displayPath: string, d: DocumentDiagnostic): FileDiagnostic {
  return { path: displayPath, code: d.code, severity: d.severity, message: d.message, range: d.range };
}

function invalidEncodingDiagnostic(displayPath: string, text: string, invalid: InvalidUtf8): FileDiagnostic {
  const count = invalid.replacements === 1 ? '1 sequence was' : `${invalid.replacements} sequences were`;
  return {
    path: displayPath,
    code: INVALID_ENCODING_CODE,
    severity: 'warning',
    message: `The file is not valid UTF-8: ${count} replaced by U+FFFD (first here). Save it as UTF-8.`,
    range: new LineMap(text).rangeOf(invalid.firstOffset, invalid.firstOffset + 1),
  };
}

function describeUnread(outcome: Exclude<ReadOutcome, { kind: 'text' }>, maxFileSize = Infinity): string {
  switch (outcome.kind) {
    case 'binary':
      return 'binary file';
    case 'too-large':
      return `${formatSize(outcome.size)} is over the ${formatSize(maxFileSize)} limit (--max-file-size)`;
    case 'unreadable':
      return READ_ERRORS[outcome.reason] ?? outcome.reason;
  }
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

function uniqueByAbsolutePath(files: FoundFile[]): FoundFile[] {
  const seen = new Set<string>();
  return files.filter((f) => !seen.has(f.absolutePath) && seen.add(f.absolutePath));
}

/** Plain code-unit order: the same on every machine, whatever its locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byDisplayPath(a: FoundFile, b: FoundFile): number {
  return compareStrings(a.displayPath, b.displayPath);
}

export function comparePositions(a: Range, b: Range): number {
  return (
    a.start.line - b.start.line ||
    a.start.character - b.start.character ||
    a.end.line - b.end.line ||
    a.end.character - b.end.character
  );
}

function byPosition(a: { range: Range }, b: { range: Range }): number {
  return comparePositions(a.range, b.range);
}

function byPathThenPosition(a: FileDiagnostic, b: FileDiagnostic): number {
  return compareStrings(a.path, b.path) || comparePositions(a.range, b.range);
}
