import picomatch from 'picomatch';

/** The file system as the service sees it; the server backs it with disk, tests with memory. */
export interface Workspace {
  /** Every file below the workspace roots (as URIs), excluding node_modules and .git. */
  listFiles(): Promise<string[]>;
  /** The file's text, or undefined if it cannot be read. */
  readFile(uri: string): Promise<string | undefined>;
}

export const DEFAULT_GLOSSARY_PATTERNS = ['**/*.glossary.yaml', '**/*.glossary.yml', '**/glossary.yaml'];
export const DEFAULT_DOCUMENT_PATTERNS = ['**/*.txt', '**/*.md'];

/** Matches workspace-relative paths against glob patterns. */
export function createPathMatcher(patterns: string[]): (relativePath: string) => boolean {
  const isMatch = picomatch(patterns, { dot: false, nocase: false });
  return (relativePath) => isMatch(relativePath.replace(/\\/g, '/'));
}

/** An in-memory workspace for tests and tools: URI to text. */
export class InMemoryWorkspace implements Workspace {
  constructor(private readonly files: Map<string, string>) {}
  async listFiles(): Promise<string[]> {
    return [...this.files.keys()].sort();
  }
  async readFile(uri: string): Promise<string | undefined> {
    return this.files.get(uri);
  }
}
