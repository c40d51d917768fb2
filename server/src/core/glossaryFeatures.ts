import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import type { CodeLensInfo, DocumentLink } from './results';
import type { PolicyService } from './service';
import { LineMap } from './text';
import { resolveSource } from './uris';

/** An entry id written in a glossary file: the entry's own `id`, or a `use`/`related` value naming one. */
export interface GlossaryValue {
  kind: 'id' | 'use' | 'related';
  id: string;
  /** UTF-16 offsets of the value (without quotes). */
  start: number;
  end: number;
}

/** The id value at an offset of a glossary file. */
export function glossaryValueAt(text: string, offset: number): GlossaryValue | undefined {
  return glossaryValues(text).find((v) => v.start <= offset && offset <= v.end);
}

/** Every `id`, `use` and `related` value of a glossary file, with the `source` values for links. */
function glossaryValues(text: string): GlossaryValue[] {
  return scan(text).values;
}

let lastScan: { text: string; result: ScanResult } | undefined;
interface ScanResult {
  values: GlossaryValue[];
  sources: { value: string; start: number; end: number }[];
}

function scan(text: string): ScanResult {
  if (lastScan?.text === text) return lastScan.result;
  const result: ScanResult = { values: [], sources: [] };
  const doc = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false });
  const entries = isMap(doc.contents) ? doc.contents.get('entries', true) : undefined;
  if (isSeq(entries)) {
    for (const item of entries.items) {
      if (!isMap(item)) continue;
      for (const pair of item.items as Pair<Node, Node>[]) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        const value = pair.value;
        if (key === 'id' || key === 'use') pushScalar(result.values, key, value);
        else if (key === 'related') {
          if (isSeq(value)) for (const v of value.items) pushScalar(result.values, 'related', v as Node);
          else pushScalar(result.values, 'related', value);
        } else if (key === 'source' && isScalar(value) && value.range && typeof value.value === 'string') {
          const [start, end] = valueBounds(text, value.range[0], value.range[1]);
          result.sources.push({ value: value.value, start, end });
        }
      }
    }
  }
  lastScan = { text, result };
  return result;
}

function pushScalar(out: GlossaryValue[], kind: GlossaryValue['kind'], node: Node | null | undefined): void {
  if (!isScalar(node) || !node.range || node.value == null) return;
  const [start, end] = [node.range[0], node.range[1]];
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  out.push({ kind, id: String(node.value), start: quoted ? start + 1 : start, end: quoted ? end - 1 : end });
}

/** A scalar's range without surrounding quotes. */
function valueBounds(text: string, start: number, end: number): [number, number] {
  const c = text[start];
  return c === '"' || c === "'" ? [start + 1, end - 1] : [start, end];
}

/** One lens per entry of a glossary file; the server fills in counts and locations when resolving. */
export function getCodeLenses(service: PolicyService, glossaryUri: string): CodeLensInfo[] {
  const file = service.getGlossary().files.find((f) => f.uri === glossaryUri);
  if (!file || !file.parsed) return [];
  return file.entries.map((entry) => ({ range: entry.idLocation.range, entryId: entry.id }));
}

/** `source:` values of a glossary file as links: http(s) URLs, or files inside the workspace. */
export function getDocumentLinks(service: PolicyService, glossaryUri: string): DocumentLink[] {
  const text = service.getGlossaryText(glossaryUri);
  if (text === undefined) return [];
  const lineMap = new LineMap(text);
  const links: DocumentLink[] = [];
  for (const source of scan(text).sources) {
    const target = resolveSource(source.value, glossaryUri, service.getRoots());
    const range = lineMap.rangeOf(source.start, source.end);
    if (target.kind === 'url') links.push({ range, target: target.url, tooltip: 'Open source' });
    else if (target.kind === 'file') {
      links.push({ range, target: target.line !== undefined ? `${target.uri}#L${target.line + 1}` : target.uri, tooltip: 'Open source file' });
    }
  }
  return links;
}
