import type { GlossaryEntry } from './glossary/model';
import type { Location, Target } from './results';
import type { AnalyzedDocument, PolicyService } from './service';
import { LineMap } from './text';
import type { Position, TextFile } from './types';
import { glossaryValueAt } from './glossaryFeatures';

/** The mention, annotation, reference or glossary id at a position, if any. */
export function locate(service: PolicyService, file: TextFile, position: Position): Target | undefined {
  if (service.hasGlossaryFile(file.uri)) return locateInGlossary(service, file, position);
  const doc = service.analyzed(file);
  const offset = doc.lineMap.offsetAt(position);
  const glossary = service.getGlossary();

  const annotation = doc.analysis.annotations.find((a) => a.start <= offset && offset <= a.end);
  if (annotation) {
    const entry = annotation.known ? glossary.byId.get(annotation.id) : undefined;
    if (!entry) return { type: 'unknown-annotation', annotation, range: annotation.range };
    const mention = doc.references.find((m) => m.entryId === entry.id && m.start < annotation.end && annotation.start < m.end);
    return { type: 'entry', entry, range: annotation.range, renameRange: annotation.idSpan.range, annotation, mention };
  }
  const mention = mentionAt(doc, offset);
  if (mention) {
    const entry = glossary.byId.get(mention.entryId);
    if (entry) return { type: 'entry', entry, range: mention.range, renameRange: mention.range, mention };
  }
  const reference = doc.analysis.ambiguous.find((a) => a.start <= offset && offset <= a.end);
  if (reference) return { type: 'ambiguous', reference, range: reference.range };
  const candidate = doc.analysis.candidates.find((c) => c.start <= offset && offset <= c.end);
  if (candidate) return { type: 'candidate', candidate, range: candidate.range };
  return undefined;
}

/** Binary search over the sorted references; a cursor right after a mention still counts as on it. */
function mentionAt(doc: AnalyzedDocument, offset: number) {
  const refs = doc.references;
  let low = 0;
  let high = refs.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (refs[mid].start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  // Mentions do not overlap, but a cursor between two adjacent ones prefers the one it is inside.
  for (let i = found; i >= 0 && i >= found - 1; i--) {
    if (refs[i].start <= offset && offset < refs[i].end) return refs[i];
  }
  return found >= 0 && refs[found].end === offset ? refs[found] : undefined;
}

function locateInGlossary(service: PolicyService, file: TextFile, position: Position): Target | undefined {
  const lineMap = new LineMap(file.text);
  const value = glossaryValueAt(file.text, lineMap.offsetAt(position));
  if (!value) return undefined;
  const entry = service.getEntry(value.id);
  if (!entry) return undefined;
  const range = lineMap.rangeOf(value.start, value.end);
  return { type: 'entry', entry, range, renameRange: range, glossaryValue: value.kind };
}

/** The entry's place in its glossary file (the `id` value). */
export function entryLocation(entry: GlossaryEntry): Location {
  return { uri: entry.idLocation.uri, range: entry.idLocation.range };
}

/** The entry's `source` when it is a file inside the workspace. */
export function sourceLocation(service: PolicyService, entry: GlossaryEntry): Location | undefined {
  if (!entry.source) return undefined;
  const target = service.resolveSource(entry.source, entry.location.uri);
  if (target.kind !== 'file') return undefined;
  const line = target.line ?? 0;
  return { uri: target.uri, range: { start: { line, character: 0 }, end: { line, character: 0 } } };
}

export function getDefinition(service: PolicyService, file: TextFile, position: Position): Location[] {
  const target = locate(service, file, position);
  if (!target) return [];
  if (target.type === 'ambiguous') {
    return target.reference.entryIds.map((id) => service.getEntry(id)).filter((e): e is GlossaryEntry => !!e).map(entryLocation);
  }
  if (target.type !== 'entry') return [];
  const source = sourceLocation(service, target.entry);
  // On the entry's own id the definition is where it comes from.
  if (target.glossaryValue === 'id') return source ? [source] : [];
  return source ? [entryLocation(target.entry), source] : [entryLocation(target.entry)];
}

export function getReferences(service: PolicyService, file: TextFile, position: Position, includeDeclaration: boolean): Location[] {
  const target = locate(service, file, position);
  if (!target || target.type !== 'entry') return [];
  const locations = service.index.locationsOf(target.entry.id);
  return includeDeclaration ? [entryLocation(target.entry), ...locations] : locations.slice();
}

export function getDocumentHighlights(service: PolicyService, file: TextFile, position: Position): Location[] {
  const target = locate(service, file, position);
  if (!target || target.type !== 'entry') return [];
  if (service.hasGlossaryFile(file.uri)) return [];
  const doc = service.analyzed(file);
  return doc.references.filter((m) => m.entryId === target.entry.id).map((m) => ({ uri: file.uri, range: m.range }));
}
