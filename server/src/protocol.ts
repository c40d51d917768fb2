// Custom messages between the client and the server, shared by both sides.
import { NotificationType } from 'vscode-languageserver-protocol';

export interface StatusParams {
  /** True while the workspace index is being built. */
  indexing: boolean;
  entries: number;
  glossaryFiles: number;
  glossaryErrors: number;
  documents: number;
}

/** Sent by the server whenever the glossary or the index changes. */
export const StatusNotification = new NotificationType<StatusParams>('policyGloss/status');
