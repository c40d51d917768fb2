import { mkdtempSync, mkdirSync, rmSync, writeFileSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** A workspace folder on disk written by a test, removed with `dispose()`. */
export class TempWorkspace {
  readonly root: string;

  constructor(files: Record<string, string>) {
    this.root = mkdtempSync(path.join(tmpdir(), 'policy-gloss-'));
    for (const [relative, text] of Object.entries(files)) this.write(relative, text);
  }

  path(relative: string): string {
    return path.join(this.root, ...relative.split('/'));
  }

  uri(relative: string): string {
    return pathToFileURL(this.path(relative)).toString();
  }

  get rootUri(): string {
    return pathToFileURL(this.root).toString();
  }

  write(relative: string, text: string): string {
    const full = this.path(relative);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    return this.uri(relative);
  }

  read(relative: string): string {
    return readFileSync(this.path(relative), 'utf8');
  }

  remove(relative: string): string {
    rmSync(this.path(relative), { recursive: true, force: true });
    return this.uri(relative);
  }

  rename(from: string, to: string): void {
    mkdirSync(path.dirname(this.path(to)), { recursive: true });
    renameSync(this.path(from), this.path(to));
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
