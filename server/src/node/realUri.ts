import { realpathSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The `file:` URI of the file a URI really names, symbolic links followed; undefined when it does not exist. */
export function realFileUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return pathToFileURL(realpathSync.native(fileURLToPath(uri))).href;
  } catch {
    return undefined;
  }
}
