import { ENTRY_KINDS, type EntryKind, type Glossary, type GlossaryEntry } from './glossary/model';
import { KIND_HEADINGS } from './kindHeadings';
import { fold } from './recognition/fold';
import type { Mention } from './recognition/mention';
import type { InlayHint, SemanticToken, SymbolNode, WorkspaceSymbol } from './results';
import type { PolicyService } from './service';
import type { LineMap } from './text';
import type { Range, TextFile } from './types';

/** The entities a document mentions, grouped by kind, each spanning its first to its last mention. */
export function getDocumentSymbols(service: PolicyService, file: TextFile): SymbolNode[] {
  if (service.hasGlossaryFile(file.uri)) return [];
  const doc = service.analyzed(file);
  const byEntry = new Map<string, Mention[]>();
  for (const m of doc.references) {
    const list = byEntry.get(m.entryId);
    if (list) list.push(m);
    else byEntry.set(m.entryId, [m]);
  }
  const groups: SymbolNode[] = [];
  for (const kind of ENTRY_KINDS) {
    const children: SymbolNode[] = [];
    for (const [id, mentions] of byEntry) {
      const entry = service.getEntry(id);
      if (!entry || entry.kind !== kind) continue;
      children.push({
        name: entry.name,
        detail: `${mentions.length} mention${mentions.length === 1 ? '' : 's'}`,
        kind,
        range: span(mentions[0].range, mentions[mentions.length - 1].range),
        selectionRange: mentions[0].range,
        deprecated: entry.status === 'deprecated',
        children: [],
      });
    }
    if (children.length > 0) groups.push(group(KIND_HEADINGS[kind], children));
  }
  const missing = doc.analysis.candidates.map(
    (c): SymbolNode => ({ name: c.text, detail: c.kind, kind: 'mention', range: c.range, selectionRange: c.range, children: [] }),
  );
  if (missing.length > 0) groups.push(group('Not in the glossary', missing));
  return groups;
}

function group(name: string, children: SymbolNode[]): SymbolNode {
  const range = children.map((c) => c.range).reduce(span);
  return { name, kind: 'group', detail: `${children.length}`, range, selectionRange: children[0].selectionRange, children };
}

function span(a: Range, b: Range): Range {
  const first = (p: Range['start'], q: Range['start']) => (p.line < q.line || (p.line === q.line && p.character <= q.character) ? p : q);
  const last = (p: Range['start'], q: Range['start']) => (first(p, q) === p ? q : p);
  return { start: first(a.start, b.start), end: last(a.end, b.end) };
}

/**
 * Entries whose id, name or aliases contain the query's letters in order (case and diacritics folded),
 * best first: prefix matches, then contiguous, then scattered.
 */
export function getWorkspaceSymbols(service: PolicyService, query: string, limit = 500): WorkspaceSymbol[] {
  const q = fold(query).replace(/\s+/g, '');
  const glossary = service.getGlossary();
  const forms = q ? searchFormsOf(glossary) : undefined;
  const scored: { entry: GlossaryEntry; score: number }[] = [];
  for (let i = 0; i < glossary.entries.length; i++) {
    const entry = glossary.entries[i];
    const score = forms ? matchScore(q, forms[i]) : 3;
    if (score > 0) scored.push({ entry, score });
  }
  scored.sort((a, b) => b.score - a.score || a.entry.name.localeCompare(b.entry.name));
  return scored.slice(0, limit).map(({ entry }) => ({
    name: entry.name,
    kind: entry.kind,
    containerName: entry.id,
    location: { uri: entry.idLocation.uri, range: entry.idLocation.range },
    deprecated: entry.status === 'deprecated',
  }));
}

/** Per glossary, each entry's searchable forms folded once: queries then only compare strings. */
const searchForms = new WeakMap<Glossary, string[][]>();

function searchFormsOf(glossary: Glossary): string[][] {
  let forms = searchForms.get(glossary);
  if (forms) return forms;
  forms = glossary.entries.map((entry) => {
    const folded: string[] = [];
    for (const form of [entry.name, entry.id, ...entry.aliases, entry.native ?? '', entry.number ?? '']) {
      if (form) folded.push(fold(form).replace(/\s+/g, ''));
    }
    return folded;
  });
  searchForms.set(glossary, forms);
  return forms;
}

function matchScore(q: string, forms: readonly string[]): number {
  let best = 0;
  for (const f of forms) {
    if (f.startsWith(q)) return 3;
    if (f.includes(q)) best = Math.max(best, 2);
    else if (best < 1 && isSubsequence(q, f)) best = 1;
  }
  return best;
}

function isSubsequence(q: string, text: string): boolean {
  let i = 0;
  for (let j = 0; j < text.length && i < q.length; j++) if (text[j] === q[i]) i++;
  return i === q.length;
}

/** One token per mention line (tokens never cross lines), by entry kind; deprecated entries marked. */
export function getSemanticTokens(service: PolicyService, file: TextFile): SemanticToken[] {
  if (service.hasGlossaryFile(file.uri)) return [];
  const doc = service.analyzed(file);
  const tokens: SemanticToken[] = [];
  const annotationsByStart = new Map(doc.analysis.annotations.map((a) => [a.start, a]));
  for (const m of doc.references) {
    const entry = service.getEntry(m.entryId);
    if (!entry) continue;
    const deprecated = entry.status === 'deprecated';
    // In an annotation only the id is coloured; the grammar handles the brackets and shown text.
    const annotation = m.match === 'annotation' ? annotationsByStart.get(m.start) : undefined;
    const [start, end] = annotation ? [annotation.idSpan.start, annotation.idSpan.end] : [m.start, m.end];
    pushLineTokens(tokens, doc.lineMap, doc.text, start, end, entry.kind, deprecated);
  }
  return tokens;
}

function pushLineTokens(out: SemanticToken[], lineMap: LineMap, text: string, start: number, end: number, kind: EntryKind, deprecated: boolean): void {
  let from = start;
  while (from < end) {
    const pos = lineMap.positionAt(from);
    const nextLineStart = lineMap.offsetAt({ line: pos.line + 1, character: 0 });
    let to = Math.min(end, nextLineStart > from ? nextLineStart : end);
    // Do not colour the line break itself.
    while (to > from && (text[to - 1] === '\n' || text[to - 1] === '\r')) to--;
    if (to > from) out.push({ line: pos.line, character: pos.character, length: to - from, kind, deprecated });
    if (nextLineStart <= from) break;
    from = nextLineStart;
  }
}

/** After each short name (`Cuong`), who it resolves to. */
export function getInlayHints(service: PolicyService, file: TextFile, range?: Range): InlayHint[] {
  if (service.hasGlossaryFile(file.uri)) return [];
  const doc = service.analyzed(file);
  const hints: InlayHint[] = [];
  for (const m of doc.references) {
    if (m.match !== 'short') continue;
    if (range && (m.range.end.line < range.start.line || m.range.start.line > range.end.line)) continue;
    const entry = service.getEntry(m.entryId);
    if (!entry) continue;
    hints.push({ position: m.range.end, label: entry.name, tooltip: `${m.text} is ${entry.name} (${entry.id})` });
  }
  return hints;
}
