// Custom messages between the client and the server, shared by both sides.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Location, Range, WorkspaceEdit } from 'vscode-languageserver-protocol';

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

export interface IndexEntry {
  id: string;
  name: string;
  kind: string;
  mentionCount: number;
  documents: { uri: string; mentions: { range: Range; text: string }[] }[];
}

/** The whole index for the "Policy Index" view: every entry with its mentions, grouped by document. */
export const IndexRequest = new RequestType<void, { entries: IndexEntry[] }, void>('policyGloss/index');

export interface EntrySummary {
  id: string;
  name: string;
  kind: string;
}

/** All glossary entries, for pickers. */
export const EntriesRequest = new RequestType<void, EntrySummary[], void>('policyGloss/entries');

/** Every mention of one entry across the workspace. */
export const MentionsOfEntryRequest = new RequestType<{ id: string }, Location[], void>('policyGloss/mentionsOfEntry');

export interface AddToGlossaryParams {
  id: string;
  kind: string;
  name: string;
  /** The document the text came from, so that the new entry can be written to the right glossary. */
  uri?: string;
}

/** The lossless edit that adds an entry to a glossary file (the client applies it), or an error message. */
export const AddToGlossaryRequest = new RequestType<AddToGlossaryParams, { edit?: WorkspaceEdit; error?: string }, void>('policyGloss/addToGlossary');

/**
 * The command each glossary code lens carries ("N mentions in M documents"). Its arguments are those of
 * `editor.action.showReferences`: the glossary file URI, the lens position and the mention Locations.
 */
export const SHOW_MENTIONS_COMMAND = 'policyGloss.showMentions';
