import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import type { Range } from '../types';
import { ENTRY_KINDS, type EntryKind, type Glossary, type GlossaryEntry, type GlossaryFile, type GlossaryProblem, type Role } from './model';

/** Parses one glossary file. Never throws: every problem becomes a GlossaryProblem. */
export function loadGlossaryFile(uri: string, text: string): GlossaryFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const problems: GlossaryProblem[] = [];
  const rangeOf = (start: number, end: number): Range => {
    const s = lineCounter.linePos(start);
    const e = lineCounter.linePos(end);
    return { start: { line: s.line - 1, character: s.col - 1 }, end: { line: e.line - 1, character: e.col - 1 } };
  };
  const nodeRange = (node: Node | null | undefined): Range =>
    node?.range ? rangeOf(node.range[0], node.range[1]) : rangeOf(0, 0);

  for (const error of doc.errors) {
    problems.push({ code: 'yaml-syntax', severity: 'error', uri, message: error.message.split('\n')[0], range: rangeOf(error.pos[0], error.pos[1]) });
  }
  if (doc.errors.length > 0) return { uri, entries: [], problems, parsed: false };

  const entries: GlossaryEntry[] = [];
  const root = doc.contents;
  if (!isMap(root)) {
    problems.push({ code: 'invalid-type', severity: 'error', uri, message: 'A glossary is a mapping with an `entries` list.', range: nodeRange(root) });
    return { uri, entries, problems, parsed: true };
  }
  const title = root.get('title');
  const list = root.get('entries', true);
  if (!isSeq(list)) {
    problems.push({ code: 'missing-key', severity: 'error', uri, message: 'Missing `entries` list.', range: nodeRange(root) });
    return { uri, title: typeof title === 'string' ? title : undefined, entries, problems, parsed: true };
  }
  for (const item of list.items) {
    if (!isMap(item)) continue;
    const entry = readEntry(uri, item as YAMLMap, nodeRange);
    if (entry) entries.push(entry);
  }
  return { uri, title: typeof title === 'string' ? title : undefined, entries, problems, parsed: true };
}

function readEntry(uri: string, map: YAMLMap, nodeRange: (n: Node | null | undefined) => Range): GlossaryEntry | undefined {
  const str = (key: string): string | undefined => {
    const v = map.get(key);
    return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
  };
  const list = (key: string): string[] => {
    const v = map.get(key, true);
    if (isSeq(v)) return v.items.filter(isScalar).map((s) => String(s.value));
    if (isScalar(v) && v.value != null) return [String(v.value)];
    return [];
  };
  const id = str('id');
  const kind = str('kind');
  const name = str('name');
  if (!id || !name || !kind || !(ENTRY_KINDS as readonly string[]).includes(kind)) return undefined;
  const rolesNode = map.get('roles', true);
  const roles: Role[] = isSeq(rolesNode)
    ? rolesNode.items.filter(isMap).map((r) => ({
        title: String(r.get('title') ?? ''),
        native: r.get('native') != null ? String(r.get('native')) : undefined,
        from: r.get('from') != null ? String(r.get('from')) : undefined,
        to: r.get('to') != null ? String(r.get('to')) : undefined,
      }))
    : [];
  const idNode = map.get('id', true) as Node | undefined;
  const caseRule = str('case');
  const extensions: Record<string, unknown> = {};
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key.startsWith('x-')) extensions[key] = (pair.value as Node | null)?.toJSON?.() ?? null;
  }
  return {
    id,
    kind: kind as EntryKind,
    name,
    aliases: list('aliases'),
    native: str('native'),
    short: map.has('short') ? list('short') : undefined,
    roles,
    number: str('number'),
    issuer: str('issuer'),
    date: str('date'),
    summary: str('summary'),
    source: str('source'),
    related: list('related'),
    status: str('status') as GlossaryEntry['status'],
    use: str('use'),
    case: caseRule === 'sensitive' || caseRule === 'insensitive' ? caseRule : 'auto',
    extensions,
    location: { uri, range: nodeRange(map) },
    idLocation: { uri, range: nodeRange(idNode) },
  };
}

/**
 * Merges loaded files into one glossary. `previous` supplies the last good version of a file that no
 * longer parses, so that a syntax error does not make its entries vanish while the user types.
 */
export function mergeGlossary(files: GlossaryFile[], previous?: Glossary): Glossary {
  const effective = files.map((file) => {
    if (file.parsed || !previous) return file;
    const last = previous.files.find((f) => f.uri === file.uri);
    return last && last.parsed ? { ...file, entries: last.entries } : file;
  });
  const byId = new Map<string, GlossaryEntry>();
  const entries: GlossaryEntry[] = [];
  for (const file of effective) {
    for (const entry of file.entries) {
      if (byId.has(entry.id)) continue;
      byId.set(entry.id, entry);
      entries.push(entry);
    }
  }
  return { files: effective, entries, byId, problems: effective.flatMap((f) => f.problems) };
}
