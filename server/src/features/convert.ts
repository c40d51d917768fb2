// Conversions from the core's answers to protocol types.
import {
  CompletionItemKind,
  DiagnosticSeverity,
  DiagnosticTag,
  SymbolKind,
  type ClientCapabilities,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { DocumentDiagnostic } from '../core/diagnostics';
import { ENTRY_KINDS, type EntryKind, type GlossaryProblem } from '../core/glossary/model';
import type { WorkspaceChanges } from '../core/results';
import type { Severity } from '../core/types';

/** The `source` of every diagnostic this server reports. */
export const DIAGNOSTIC_SOURCE = 'policy-gloss';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspSeverity(severity: Severity): DiagnosticSeverity {
  return SEVERITIES[severity];
}

/** `line`: the first line of the group the diagnostic's range is relative to (see getDiagnosticGroups). */
export function documentDiagnosticToLsp(d: DocumentDiagnostic, capabilities: ClientCapabilities, line = 0): Diagnostic {
  const range = line === 0 ? d.range : { start: { line: d.range.start.line + line, character: d.range.start.character }, end: { line: d.range.end.line + line, character: d.range.end.character } };
  const out: Diagnostic = { range, severity: toLspSeverity(d.severity), code: d.code, source: DIAGNOSTIC_SOURCE, message: d.message };
  if (d.tags?.length) out.tags = d.tags.map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
  if (d.related?.length && capabilities.textDocument?.publishDiagnostics?.relatedInformation) {
    out.relatedInformation = d.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message }));
  }
  if (d.data) out.data = d.data;
  return out;
}

export function glossaryProblemToLsp(p: GlossaryProblem, capabilities: ClientCapabilities): Diagnostic {
  const out: Diagnostic = { range: p.range, severity: toLspSeverity(p.severity), code: p.code, source: DIAGNOSTIC_SOURCE, message: p.message };
  if (p.related?.length && capabilities.textDocument?.publishDiagnostics?.relatedInformation) {
    out.relatedInformation = p.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message }));
  }
  return out;
}

const SYMBOL_KINDS: Record<EntryKind, SymbolKind> = {
  resolution: SymbolKind.File,
  official: SymbolKind.Class,
  term: SymbolKind.String,
  organization: SymbolKind.Namespace,
  agreement: SymbolKind.Interface,
  event: SymbolKind.Event,
  place: SymbolKind.Package,
  other: SymbolKind.Key,
};

export function toSymbolKind(kind: EntryKind | 'group' | 'mention'): SymbolKind {
  if (kind === 'group') return SymbolKind.Module;
  if (kind === 'mention') return SymbolKind.Field;
  return SYMBOL_KINDS[kind];
}

const COMPLETION_KINDS: Record<EntryKind, CompletionItemKind> = {
  resolution: CompletionItemKind.File,
  official: CompletionItemKind.Class,
  term: CompletionItemKind.Text,
  organization: CompletionItemKind.Module,
  agreement: CompletionItemKind.Interface,
  event: CompletionItemKind.Event,
  place: CompletionItemKind.Reference,
  other: CompletionItemKind.Value,
};

export function toCompletionKind(kind: EntryKind | undefined): CompletionItemKind {
  return kind ? COMPLETION_KINDS[kind] : CompletionItemKind.Text;
}

/** Semantic token types: one per entry kind, named like the kind. */
export const SEMANTIC_TOKEN_TYPES: string[] = [...ENTRY_KINDS];
export const SEMANTIC_TOKEN_MODIFIERS = ['deprecated'];

/**
 * A WorkspaceEdit the client can apply. Creating a file needs `documentChanges` with resource
 * operations; when the client lacks them such changes cannot be expressed and undefined is returned.
 */
export function toWorkspaceEdit(changes: WorkspaceChanges, capabilities: ClientCapabilities): WorkspaceEdit | undefined {
  const workspaceEdit = capabilities.workspace?.workspaceEdit;
  if (changes.create.length > 0) {
    const canCreate = workspaceEdit?.documentChanges && workspaceEdit.resourceOperations?.includes('create');
    if (!canCreate) return undefined;
    return {
      documentChanges: [
        ...changes.create.map((uri) => ({ kind: 'create' as const, uri, options: { ignoreIfExists: true } })),
        ...changes.edits.map((g) => ({ textDocument: { uri: g.uri, version: null }, edits: g.edits })),
      ],
    };
  }
  const out: { [uri: string]: { range: WorkspaceChanges['edits'][number]['edits'][number]['range']; newText: string }[] } = {};
  for (const group of changes.edits) out[group.uri] = group.edits;
  return { changes: out };
}
