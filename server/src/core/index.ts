import type { EntryKind } from './glossary/model';
import type { Annotation, DocumentAnalysis, Mention } from './recognition/mention';

/** What the index keeps of one document: the places that refer to entries, nothing else. */
export interface IndexedDocument {
  uri: string;
  /** Mentions including known annotations, sorted by start offset. */
  mentions: readonly Mention[];
  /** Annotations whose id names an entry (rename rewrites their ids). */
  annotations: readonly Annotation[];
  /** The document's date, if recognition found one. */
  date?: string;
}

/** One mention with the document it is in. */
export interface MentionLocation {
  uri: string;
  mention: Mention;
}

/**
 * The references of a document: its mentions plus each known annotation that recognition did not
 * already report as a mention, sorted by position. Annotations are mentions too (find references,
 * counts and the index view list them).
 */
export function referencesOf(analysis: DocumentAnalysis, kindOf: (id: string) => EntryKind | undefined): Mention[] {
  const mentions = analysis.mentions.slice();
  for (const annotation of analysis.annotations) {
    const kind = annotation.known ? kindOf(annotation.id) : undefined;
    if (!kind) continue;
    const covered = analysis.mentions.some(
      (m) => m.entryId === annotation.id && m.start < annotation.end && annotation.start < m.end,
    );
    if (covered) continue;
    mentions.push({
      entryId: annotation.id,
      kind,
      match: 'annotation',
      start: annotation.start,
      end: annotation.end,
      range: annotation.range,
      text: annotation.text,
    });
  }
  return mentions.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Every mention in the workspace's documents, by document and by entry, so that references, counts and
 * the index view are answered from memory. Updating a document replaces exactly its contribution.
 */
export class MentionIndex {
  private readonly documents = new Map<string, IndexedDocument>();
  /** entry id -> document uri -> mentions of the entry in that document. */
  private readonly byEntry = new Map<string, Map<string, Mention[]>>();

  get documentCount(): number {
    return this.documents.size;
  }

  has(uri: string): boolean {
    return this.documents.has(uri);
  }

  get(uri: string): IndexedDocument | undefined {
    return this.documents.get(uri);
  }

  uris(): string[] {
    return [...this.documents.keys()];
  }

  set(document: IndexedDocument): void {
    this.delete(document.uri);
    this.documents.set(document.uri, document);
    for (const mention of document.mentions) {
      let perDocument = this.byEntry.get(mention.entryId);
      if (!perDocument) this.byEntry.set(mention.entryId, (perDocument = new Map()));
      let list = perDocument.get(document.uri);
      if (!list) perDocument.set(document.uri, (list = []));
      list.push(mention);
    }
  }

  delete(uri: string): boolean {
    const old = this.documents.get(uri);
    if (!old) return false;
    this.documents.delete(uri);
    for (const mention of old.mentions) {
      const perDocument = this.byEntry.get(mention.entryId);
      if (!perDocument) continue;
      perDocument.delete(uri);
      if (perDocument.size === 0) this.byEntry.delete(mention.entryId);
    }
    return true;
  }

  /** Removes every document for which `predicate` holds; returns their URIs. */
  deleteWhere(predicate: (uri: string) => boolean): string[] {
    const removed = [...this.documents.keys()].filter(predicate);
    for (const uri of removed) this.delete(uri);
    return removed;
  }

  clear(): void {
    this.documents.clear();
    this.byEntry.clear();
  }

  /** Mentions of one entry, ordered by document URI and then by position. */
  mentionsOf(entryId: string): MentionLocation[] {
    const perDocument = this.byEntry.get(entryId);
    if (!perDocument) return [];
    const out: MentionLocation[] = [];
    for (const uri of [...perDocument.keys()].sort()) {
      for (const mention of perDocument.get(uri)!) out.push({ uri, mention });
    }
    return out;
  }

  /** How often an entry is mentioned and in how many documents, without building a list. */
  countOf(entryId: string): { mentions: number; documents: number } {
    const perDocument = this.byEntry.get(entryId);
    if (!perDocument) return { mentions: 0, documents: 0 };
    let mentions = 0;
    for (const list of perDocument.values()) mentions += list.length;
    return { mentions, documents: perDocument.size };
  }

  /** Mentions grouped by document for one entry (URIs sorted). */
  documentsOf(entryId: string): { uri: string; mentions: readonly Mention[] }[] {
    const perDocument = this.byEntry.get(entryId);
    if (!perDocument) return [];
    return [...perDocument.keys()].sort().map((uri) => ({ uri, mentions: perDocument.get(uri)! }));
  }

  /** Ids of every entry that has at least one mention. */
  mentionedEntryIds(): string[] {
    return [...this.byEntry.keys()];
  }

  /** Known annotations of an entry across the workspace (for rename). */
  annotationsOf(entryId: string): { uri: string; annotation: Annotation }[] {
    const out: { uri: string; annotation: Annotation }[] = [];
    const perDocument = this.byEntry.get(entryId);
    if (!perDocument) return out;
    for (const uri of [...perDocument.keys()].sort()) {
      for (const annotation of this.documents.get(uri)!.annotations) {
        if (annotation.id === entryId) out.push({ uri, annotation });
      }
    }
    return out;
  }
}
