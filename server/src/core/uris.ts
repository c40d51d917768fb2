// URI arithmetic for workspace files, on `file:` URIs as strings, with no file-system access, so that the
// core stays independent of Node and of the protocol library.

/** A root URI without a trailing slash, so that prefix tests need exactly one `/` after it. */
export function normalizeRootUri(uri: string): string {
  return uri.endsWith('/') ? uri.slice(0, -1) : uri;
}

/** The path of `uri` relative to the first root that contains it (`/`-separated, decoded), or undefined. */
export function relativePathIn(uri: string, roots: readonly string[]): string | undefined {
  for (const root of roots) {
    const prefix = normalizeRootUri(root) + '/';
    if (uri.startsWith(prefix)) return safeDecode(uri.slice(prefix.length));
  }
  return undefined;
}

/** True when `uri` is one of the roots or lies below one. */
export function isInsideRoots(uri: string, roots: readonly string[]): boolean {
  return roots.some((root) => {
    const r = normalizeRootUri(root);
    return uri === r || uri.startsWith(r + '/');
  });
}

/** True when `uri` equals `folder` or lies below it (for folder deletions). */
export function isSameOrBelow(uri: string, folder: string): boolean {
  const f = normalizeRootUri(folder);
  return uri === f || uri.startsWith(f + '/');
}

/** The last path segment of a URI, decoded. */
export function baseName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  return safeDecode(path.slice(path.lastIndexOf('/') + 1));
}

/** The folder of a URI, without a trailing slash. */
export function dirName(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Where an entry's `source` points, after checking it against the workspace. */
export type SourceTarget =
  | { kind: 'url'; url: string }
  /** A file inside the workspace; `line` is 0-based. */
  | { kind: 'file'; uri: string; line?: number; path: string }
  /** A path that resolves outside the workspace, or a scheme other than http(s): shown as text, never opened. */
  | { kind: 'text'; text: string };

/**
 * The URI of the file a `file:` URI really names (symbolic links followed), or undefined when it cannot
 * be told (no such file). Supplied by the runtime: the core does not touch the file system.
 */
export type RealUri = (uri: string) => string | undefined;

/**
 * Resolves a `source` value. Only http(s) URLs become links; a relative path (resolved against the
 * glossary file's folder, with an optional `#L12` line) becomes a file target only when it stays inside
 * a workspace root, also after following symbolic links when `realUri` is given (a shared folder may
 * hold a link to a private file). Everything else (absolute paths, `..` escapes, `file:`, `command:`,
 * `javascript:`) is text.
 */
export function resolveSource(source: string, glossaryUri: string, roots: readonly string[], realUri?: RealUri): SourceTarget {
  const value = source.trim();
  if (/^https?:\/\/[^\s]+$/i.test(value)) {
    try {
      const url = new URL(value);
      if (url.protocol === 'http:' || url.protocol === 'https:') return { kind: 'url', url: url.href };
    } catch {
      // fall through: shown as text
    }
    return { kind: 'text', text: value };
  }
  // Anything with a scheme, an absolute path or a drive letter is never resolved.
  if (value === '' || /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('/') || value.startsWith('\\') || value.includes('\\')) {
    return { kind: 'text', text: value };
  }
  const match = /^(.*?)(?:#L(\d+))?$/.exec(value)!;
  const path = match[1];
  const line = match[2] !== undefined ? Math.max(0, Number(match[2]) - 1) : undefined;
  if (!glossaryUri.startsWith('file:')) return { kind: 'text', text: value };
  let resolved: string;
  try {
    resolved = new URL(path.split('/').map(encodeURIComponent).join('/'), glossaryUri).href;
  } catch {
    return { kind: 'text', text: value };
  }
  if (!isInsideRoots(resolved, roots) || resolved === normalizeRootUri(glossaryUri)) return { kind: 'text', text: value };
  const real = realUri?.(resolved);
  if (real !== undefined && !isInsideRoots(real, roots.map((root) => realUri!(root) ?? root))) return { kind: 'text', text: value };
  return line === undefined ? { kind: 'file', uri: resolved, path } : { kind: 'file', uri: resolved, line, path };
}
