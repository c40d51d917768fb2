import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';

/** The position of the `occurrence`-th `needle` in `text`, `delta` characters into it. */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 0): Position {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`'${needle}' (occurrence ${occurrence}) not found`);
  }
  return positionAt(text, index + delta);
}

/** The range of the `occurrence`-th `needle` in `text`. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  const start = positionOf(text, needle, 0, occurrence);
  return { start, end: positionAt(text, offsetAt(text, start) + needle.length) };
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

export function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.slice(offset).search(/\r\n|\r|\n/);
    if (next < 0) return text.length;
    offset += next + (text.startsWith('\r\n', offset + next) ? 2 : 1);
  }
  return Math.min(offset + position.character, text.length);
}

/** The text a range covers. */
export function textAt(text: string, range: Range): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}

/** Applies LSP text edits (all relative to the original text) and returns the new text. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const withOffsets = edits.map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }));
  withOffsets.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/**
 * Applies a WorkspaceEdit to texts given by URI (`changes` or `documentChanges`, creating files) and
 * returns every changed file's new text.
 */
export function applyWorkspaceEdit(edit: WorkspaceEdit, textOf: (uri: string) => string): Map<string, string> {
  const out = new Map<string, string>();
  const current = (uri: string) => out.get(uri) ?? textOf(uri);
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) out.set(uri, applyTextEdits(current(uri), edits));
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind === 'create') out.set(change.uri, '');
      continue;
    }
    out.set(change.textDocument.uri, applyTextEdits(current(change.textDocument.uri), change.edits as TextEdit[]));
  }
  return out;
}
