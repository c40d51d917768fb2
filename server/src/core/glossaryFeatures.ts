import { glossaryNodeAt } from './glossary/edit';
import { readYamlCached, type YamlMap, type YamlNode } from './glossary/syntax';
import type { CodeLensInfo, DocumentLink } from './results';
import type { PolicyService } from './service';
import { LineMap } from './text';

/** An entry id written in a glossary file: the entry's own `id`, or a `use`/`related` value naming one. */
export interface GlossaryValue {
  kind: 'id' | 'use' | 'related';
  /** The id as written ('' for a value still being typed). */
  id: string;
  /** UTF-16 offsets of the value without its quotes. */
  start: number;
  end: number;
}

/** The id value at an offset of a glossary file (also an empty `use:`/`related` value being typed). */
export function glossaryValueAt(text: string, offset: number): GlossaryValue | undefined {
  const node = glossaryNodeAt(text, offset);
  if (!node || (node.role !== 'id' && node.role !== 'use' && node.role !== 'related')) return undefined;
  let { start, end } = node.span;
  const quote = text[start];
  if (end - start >= 2 && (quote === '"' || quote === "'") && text[end - 1] === quote) {
    start++;
    end--;
  }
  return { kind: node.role, id: node.value, start, end };
}

/** One lens per entry of a glossary file; the server fills in counts and locations when resolving. */
export function getCodeLenses(service: PolicyService, glossaryUri: string): CodeLensInfo[] {
  const file = service.getGlossary().files.find((f) => f.uri === glossaryUri);
  // Entries kept from the last good version of a broken file have ranges of that version: no lenses.
  if (!file || !file.parsed) return [];
  return file.entries.map((entry) => ({ range: entry.idLocation.range, entryId: entry.id }));
}

/** `source:` values of a glossary file as links: http(s) URLs, or files inside the workspace. */
export function getDocumentLinks(service: PolicyService, glossaryUri: string): DocumentLink[] {
  const text = service.getGlossaryText(glossaryUri);
  if (text === undefined) return [];
  const lineMap = new LineMap(text);
  const links: DocumentLink[] = [];
  for (const source of sourceValues(text)) {
    const target = service.resolveSource(source.value, glossaryUri);
    const range = lineMap.rangeOf(source.start, source.end);
    if (target.kind === 'url') links.push({ range, target: target.url, tooltip: 'Open the source' });
    else if (target.kind === 'file') {
      links.push({ range, target: target.line !== undefined ? `${target.uri}#L${target.line + 1}` : target.uri, tooltip: 'Open the source file' });
    }
  }
  return links;
}

/** The `source` values of every entry, with their offsets (without quotes). */
function sourceValues(text: string): { value: string; start: number; end: number }[] {
  const tree = readYamlCached(text);
  const entries = tree.root?.kind === 'map' ? valueOf(tree.root, 'entries') : undefined;
  if (entries?.kind !== 'seq') return [];
  const out: { value: string; start: number; end: number }[] = [];
  for (const item of entries.items) {
    if (item.kind !== 'map') continue;
    const source = valueOf(item, 'source');
    if (source?.kind !== 'scalar' || typeof source.value !== 'string') continue;
    const quoted = source.style === 'single' || source.style === 'double';
    out.push({ value: source.value, start: quoted ? source.start + 1 : source.start, end: quoted ? source.end - 1 : source.end });
  }
  return out;
}

function valueOf(map: YamlMap, key: string): YamlNode | undefined {
  return map.pairs.find((p) => p.key.kind === 'scalar' && p.key.value === key)?.value;
}
