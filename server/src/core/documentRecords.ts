import type { DocumentRecord } from './index';
import type { GlossaryCache } from './glossaryCache';
import { PolicyService } from './service';

/** The texts of the glossary files, as loaded by the service that asks for records. */
export interface GlossaryText {
  uri: string;
  text: string;
}

/** What became of one document read off the main thread. */
export type DocumentOutcome =
  | { uri: string; record: DocumentRecord }
  | { uri: string; skipped: string }
  | { uri: string; unreadable: true };

/**
 * Analyses documents with the glossary made from the given files' texts, exactly as the service that
 * holds the same files would, and answers compact index records. A worker thread runs one of these.
 */
export class DocumentRecordMaker {
  private readonly service: PolicyService;

  /** With a cache, the glossary is taken from it when it has the one of these texts. */
  constructor(glossaryFiles: readonly GlossaryText[], glossaryCache?: GlossaryCache) {
    this.service = new PolicyService({ glossaryCache });
    this.service.setGlossaryFiles(glossaryFiles.slice());
  }

  outcomeOf(uri: string, text: string | undefined): DocumentOutcome {
    if (text === undefined) return { uri, unreadable: true };
    const result = this.service.documentRecord({ uri, version: 0, text });
    return 'skipped' in result ? { uri, skipped: result.skipped } : { uri, record: result };
  }
}
