import { ENTRY_KINDS, type EntryKind } from '../core/glossary/model';
import type { Connection } from 'vscode-languageserver';
import { AddToGlossaryRequest, EntriesRequest, IndexRequest, MentionsOfEntryRequest, type IndexEntry } from '../protocol';
import { guard, type ServerContext } from '../serverContext';
import { toWorkspaceEdit } from './convert';

/** The requests of the thin client: the index view, entry pickers, mentions, and adding entries. */
export function registerCustomRequests(connection: Connection, context: ServerContext): void {
  connection.onRequest(
    IndexRequest,
    guard(context, 'index', { entries: [] }, () => {
      context.flushPendingChanges();
      const { service } = context;
      const entries: IndexEntry[] = service.getGlossary().entries.map((entry) => {
        const documents = service.index.documentsOf(entry.id).map(({ uri, mentions }) => ({
          uri,
          mentions: mentions.map((m) => ({ range: m.range, text: m.text })),
        }));
        return { id: entry.id, name: entry.name, kind: entry.kind, mentionCount: documents.reduce((n, d) => n + d.mentions.length, 0), documents };
      });
      return { entries };
    }),
  );

  connection.onRequest(
    EntriesRequest,
    guard(context, 'entries', [], () => context.service.getGlossary().entries.map((e) => ({ id: e.id, name: e.name, kind: e.kind }))),
  );

  connection.onRequest(
    MentionsOfEntryRequest,
    guard(context, 'mentionsOfEntry', [], (params) => {
      context.flushPendingChanges();
      if (typeof params?.id !== 'string') return [];
      return context.service.index.locationsOf(params.id);
    }),
  );

  connection.onRequest(
    AddToGlossaryRequest,
    guard(context, 'addToGlossary', { error: 'The entry could not be added; see the server log.' }, (params) => {
      if (typeof params?.id !== 'string' || typeof params.name !== 'string' || typeof params.kind !== 'string') {
        return { error: 'An entry needs an id, a kind and a name.' };
      }
      if (!(ENTRY_KINDS as readonly string[]).includes(params.kind)) return { error: `'${params.kind}' is not a kind (${ENTRY_KINDS.join(', ')}).` };
      const result = context.service.addEntry(
        { id: params.id.trim(), kind: params.kind as EntryKind, name: params.name.replace(/\s+/g, ' ').trim() },
        typeof params.uri === 'string' ? params.uri : undefined,
      );
      if ('error' in result) return { error: result.error };
      const edit = toWorkspaceEdit(result, context.clientCapabilities());
      return edit ? { edit } : { error: 'There is no glossary file yet, and the editor cannot create one.' };
    }),
  );
}
