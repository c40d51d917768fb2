// The "Policy Index" tree as plain data: kinds, then entries, then documents, then mentions.
// Pure (no `vscode` import): the view only maps these nodes to tree items.
import type { Range } from 'vscode-languageserver-protocol';
import type { IndexEntry } from '../../server/src/protocol';
import { ENTRY_KINDS } from '../../server/src/core/glossary/model';
import { kindHeading } from '../../server/src/core/kindHeadings';

export interface KindNode {
  type: 'kind';
  /** Unique among all nodes of one tree, stable across refreshes (keeps the expansion state). */
  key: string;
  kind: string;
  label: string;
  mentionCount: number;
  children: EntryNode[];
}

export interface EntryNode {
  type: 'entry';
  key: string;
  id: string;
  name: string;
  kind: string;
  mentionCount: number;
  children: DocumentNode[];
}

export interface DocumentNode {
  type: 'document';
  key: string;
  entryId: string;
  uri: string;
  children: MentionNode[];
}

export interface MentionNode {
  type: 'mention';
  key: string;
  entryId: string;
  uri: string;
  range: Range;
  /** The mention as written in the document. */
  text: string;
}

export type IndexNode = KindNode | EntryNode | DocumentNode | MentionNode;

function kindOrder(kind: string): number {
  const index = (ENTRY_KINDS as readonly string[]).indexOf(kind);
  return index === -1 ? ENTRY_KINDS.length : index;
}

function comparePositions(a: Range['start'], b: Range['start']): number {
  return a.line - b.line || a.character - b.character;
}

/**
 * Builds the tree from the server's index. Kinds follow the glossary's kind order (unknown kinds after, by
 * name), entries sort by name, documents by URI, mentions by position. Entries without mentions are kept,
 * so that the view also shows what the workspace never mentions.
 */
export function buildIndexTree(entries: readonly IndexEntry[]): KindNode[] {
  const kinds = new Map<string, KindNode>();
  // Tree item ids must be unique; a duplicate id in the glossary or a repeated mention must not break the view.
  const seenKeys = new Map<string, number>();
  const uniqueKey = (key: string): string => {
    const seen = seenKeys.get(key) ?? 0;
    seenKeys.set(key, seen + 1);
    return seen === 0 ? key : `${key}#${seen}`;
  };
  for (const entry of entries) {
    let kindNode = kinds.get(entry.kind);
    if (!kindNode) {
      kindNode = { type: 'kind', key: `kind:${entry.kind}`, kind: entry.kind, label: kindHeading(entry.kind), mentionCount: 0, children: [] };
      kinds.set(entry.kind, kindNode);
    }
    const documents: DocumentNode[] = (entry.documents ?? [])
      .map((document) => ({
        type: 'document' as const,
        key: uniqueKey(`document:${entry.id}:${document.uri}`),
        entryId: entry.id,
        uri: document.uri,
        children: [...(document.mentions ?? [])]
          .sort((a, b) => comparePositions(a.range.start, b.range.start))
          .map((mention) => ({
            type: 'mention' as const,
            key: uniqueKey(`mention:${entry.id}:${document.uri}:${mention.range.start.line}:${mention.range.start.character}`),
            entryId: entry.id,
            uri: document.uri,
            range: mention.range,
            text: mention.text,
          })),
      }))
      .filter((document) => document.children.length > 0)
      .sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    const mentionCount = entry.mentionCount ?? documents.reduce((sum, document) => sum + document.children.length, 0);
    kindNode.children.push({ type: 'entry', key: uniqueKey(`entry:${entry.id}`), id: entry.id, name: entry.name, kind: entry.kind, mentionCount, children: documents });
    kindNode.mentionCount += mentionCount;
  }
  const tree = [...kinds.values()];
  for (const kindNode of tree) {
    kindNode.children.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }
  return tree.sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.kind.localeCompare(b.kind));
}
