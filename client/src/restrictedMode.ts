// What link and definition targets may be opened in an untrusted workspace (Restricted Mode).
// Pure (no `vscode` import) so that the rule is unit-tested.
import * as path from 'node:path';

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
