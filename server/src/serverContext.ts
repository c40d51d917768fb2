import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver';
import type { PolicyService } from './core/service';
import type { TextFile } from './core/types';

/** What every feature needs: the service and the open documents. */
export interface ServerContext {
  service: PolicyService;
  documents: TextDocuments<TextDocument>;
  getTextFile(uri: string): TextFile | undefined;
}
