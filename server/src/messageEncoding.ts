// JSON of outgoing messages on streams (stdio). After each keystroke a document's diagnostics are all
// sent again, and for a large document that is most of the keystroke's cost (hundreds of kilobytes of
// JSON, most of it as before). The diagnostics publisher keeps unchanged diagnostics as the same objects,
// so the JSON of each is kept with it here; the message is put together from the pieces.
import type { ContentTypeEncoder, ContentTypeEncoderOptions, Message } from 'vscode-languageserver/node';

/** UTF-8 JSON of diagnostics already sent. Sent diagnostics are never changed (the publisher makes new ones). */
const encodedDiagnostics = new WeakMap<object, Buffer>();
const COMMA = Buffer.from(',');
/** Stands for the diagnostics array while the rest of the message is written (no URI or version contains it). */
const PLACEHOLDER = '\u0000policy-gloss-diagnostics\u0000';
const PLACEHOLDER_JSON = JSON.stringify(PLACEHOLDER);

/** The JSON of a message, as JSON.stringify writes it, in UTF-8 (or the charset asked for). */
export function encodeMessage(message: Message, charset: BufferEncoding = 'utf-8'): Buffer {
  const { method, params } = message as { method?: unknown; params?: { diagnostics?: unknown } };
  const utf8 = charset === 'utf-8' || charset === 'utf8';
  if (method !== 'textDocument/publishDiagnostics' || !utf8 || typeof params !== 'object' || params === null || !Array.isArray(params.diagnostics)) {
    return Buffer.from(JSON.stringify(message), charset);
  }
  const diagnostics: unknown[] = params.diagnostics;
  const json = JSON.stringify({ ...message, params: { ...params, diagnostics: PLACEHOLDER } });
  const at = json.indexOf(PLACEHOLDER_JSON);
  const parts: Buffer[] = [Buffer.from(`${json.slice(0, at)}[`, 'utf8')];
  for (let k = 0; k < diagnostics.length; k++) {
    if (k > 0) parts.push(COMMA);
    const d = diagnostics[k];
    const cacheable = typeof d === 'object' && d !== null;
    let encoded = cacheable ? encodedDiagnostics.get(d) : undefined;
    if (!encoded) {
      encoded = Buffer.from(JSON.stringify(d) ?? 'null', 'utf8');
      if (cacheable) encodedDiagnostics.set(d, encoded);
    }
    parts.push(encoded);
  }
  parts.push(Buffer.from(`]${json.slice(at + PLACEHOLDER_JSON.length)}`, 'utf8'));
  return Buffer.concat(parts);
}

export const messageEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode(message: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
    try {
      return Promise.resolve(encodeMessage(message, options.charset as BufferEncoding));
    } catch (error) {
      return Promise.reject(error);
    }
  },
};
