// What link and definition targets may be opened in an untrusted workspace (Restricted Mode), and the
// language client middleware that enforces it. No runtime `vscode` import, so that both are unit-tested.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { CancellationToken, ResponseError } from 'vscode-languageserver-protocol';

/** The parts of a `vscode.Uri` the rule needs. */
export interface TargetUri {
  scheme: string;
  fsPath: string;
}

/** True when `file` is `folder` itself or lies under it, after resolving `.` and `..`. */
export function isInsideFolder(file: string, folder: string): boolean {
  const relative = path.relative(path.resolve(folder), path.resolve(file));
  const leavesFolder = relative === '..' || relative.startsWith(`..${path.sep}`);
  return !leavesFolder && !path.isAbsolute(relative);
}

/**
 * In Restricted Mode a glossary's `source:` may only lead to web pages or to files inside a workspace folder:
 * a shared glossary must not be able to open `../../etc/passwd` or any other file of the machine.
 */
export function mayOpenInRestrictedMode(target: TargetUri, workspaceFolders: readonly string[]): boolean {
  if (target.scheme === 'http' || target.scheme === 'https') return true;
  if (target.scheme !== 'file') return false;
  return workspaceFolders.some((folder) => isInsideFolder(target.fsPath, folder));
}

/** A URI string as a target; a `file:` URI that cannot be read gets no path (and so is never inside a folder). */
export function targetOfUri(uri: string): TargetUri {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(uri)?.[1].toLowerCase() ?? '';
  if (scheme !== 'file') return { scheme, fsPath: '' };
  try {
    return { scheme, fsPath: fileURLToPath(uri) };
  } catch {
    return { scheme, fsPath: '' };
  }
}

export interface WorkspaceTrust {
  isTrusted(): boolean;
  /** File system paths of the workspace folders. */
  workspaceFolders(): readonly string[];
  /** Tells the user why something did not open. */
  warn(message: string): void;
}

export const RESTRICTED_MODE_NOTE = 'Policy Gloss does not open files outside the workspace in Restricted Mode.';

/**
 * In Restricted Mode, document links, definitions and `window/showDocument` requests that lead outside the
 * workspace are dropped; in a trusted workspace everything passes unchanged.
 */
export function createRestrictedModeMiddleware(trust: WorkspaceTrust): Middleware {
  const mayOpen = (target: TargetUri) => trust.isTrusted() || mayOpenInRestrictedMode(target, trust.workspaceFolders());
  return {
    async provideDocumentLinks(document, token, next) {
      const links = await next(document, token);
      return links?.filter((link) => link.target === undefined || mayOpen(link.target));
    },
    async resolveDocumentLink(link, token, next) {
      const resolved = await next(link, token);
      if (resolved?.target && !mayOpen(resolved.target)) {
        resolved.target = undefined;
        resolved.tooltip = RESTRICTED_MODE_NOTE;
      }
      return resolved;
    },
    async provideDefinition(document, position, token, next) {
      const definition = await next(document, position, token);
      if (!definition) return definition;
      if (!Array.isArray(definition)) return mayOpen(definition.uri) ? definition : undefined;
      return (definition as (vscode.Location | vscode.LocationLink)[]).filter((target) =>
        mayOpen('targetUri' in target ? target.targetUri : target.uri),
      ) as vscode.Location[] | vscode.LocationLink[];
    },
    window: {
      async showDocument(params, next) {
        if (!mayOpen(targetOfUri(params.uri))) {
          trust.warn(RESTRICTED_MODE_NOTE);
          return { success: false };
        }
        const result = await next(params, CancellationToken.None);
        return result instanceof ResponseError ? { success: false } : result;
      },
    },
  };
}
