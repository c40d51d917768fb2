import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ResponseError, type CancellationToken, type ClientCapabilities, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { PolicyService } from './core/service';
import type { Settings } from './core/settings';
import type { TextFile } from './core/types';

/** What every feature needs: the service, the open documents, settings and the client's abilities. */
export interface ServerContext {
  connection: Connection;
  service: PolicyService;
  documents: TextDocuments<TextDocument>;
  settings(): Settings;
  clientCapabilities(): ClientCapabilities;
  /** True when `uri` is a glossary file by the settings. */
  isGlossaryUri(uri: string): boolean;
  /** True when `uri` is a document the server serves (by path; open documents also need a served language). */
  isDocumentUri(uri: string): boolean;
  /**
   * The text of an open document or glossary file that the server serves, or undefined. Glossary files
   * that are not open are answered from the text they were loaded from.
   */
  getTextFile(uri: string): TextFile | undefined;
  /** Applies pending document changes to the index, so that workspace-wide answers match the editor. */
  flushPendingChanges(): void;
  log(message: string): void;
  logError(message: string, error?: unknown): void;
}

/**
 * Wraps a request handler so that an exception (or a rejected promise) is logged and answered with a
 * fallback: one broken feature never takes the server down. A ResponseError is a deliberate answer
 * (say, an invalid new name) and goes to the client as it is.
 */
export function guard<P, R>(
  context: Pick<ServerContext, 'logError'>,
  name: string,
  fallback: R | { from: (params: P) => R },
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    try {
      return await handler(params, token);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      context.logError(`${name} failed`, error);
      return isFallbackOf<P, R>(fallback) ? fallback.from(params) : fallback;
    }
  };
}

function isFallbackOf<P, R>(fallback: R | { from: (params: P) => R }): fallback is { from: (params: P) => R } {
  return typeof fallback === 'object' && fallback !== null && 'from' in fallback && typeof fallback.from === 'function';
}

/** Wraps a notification handler the same way (there is no answer to fall back to). */
export function guardNotification<P>(context: Pick<ServerContext, 'logError'>, name: string, handler: (params: P) => void | Promise<void>): (params: P) => Promise<void> {
  return async (params) => {
    try {
      await handler(params);
    } catch (error) {
      context.logError(`${name} failed`, error);
    }
  };
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
