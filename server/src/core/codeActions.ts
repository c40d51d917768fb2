import { languageAt, type DiagnosticData, type DocumentDiagnostic, type SeverityOverrides } from './diagnostics';
import type { Role } from './glossary/model';
import type { DocumentLanguage } from './recognition/mention';
import type { QuickFixLanguage } from './settings';
import { isRoleHeldOn, orderRoles } from './titles';
import { ENTRY_KINDS, type EntryKind } from './glossary/model';
import { addEntryEdits, type NewEntryFields } from './glossaryEdits';
import { codeKey } from './recognition/documentNumber';
import { fold, stripDiacritics } from './recognition/fold';
import { editDistance } from './glossary/suggest';
import { ENTRY_ID_PATTERN } from './rename';
import type { CodeFix, WorkspaceChanges } from './results';
import type { PolicyService } from './service';
import type { Range, TextFile } from './types';
import { dirName, isSameOrBelow, normalizeRootUri } from './uris';
import { addEditsTo, emptyChanges } from './workspaceChanges';

export type { NewEntryFields } from './glossaryEdits';

/** The file name used when the workspace has no glossary yet. */
export const NEW_GLOSSARY_FILE_NAME = 'policy.glossary.yaml';

/** Quick fixes for the diagnostics that overlap `range`. */
export function getCodeFixes(
  service: PolicyService,
  file: TextFile,
  range: Range,
  overrides?: SeverityOverrides,
  language: QuickFixLanguage = 'auto',
): CodeFix[] {
  return fixesForDiagnostics(service, file, service.getDiagnostics(file, overrides).filter((d) => overlaps(d.range, range)), language);
}

/** Quick fixes for the given diagnostics of a document. */
export function fixesForDiagnostics(
  service: PolicyService,
  file: TextFile,
  diagnostics: readonly DocumentDiagnostic[],
  language: QuickFixLanguage = 'auto',
): CodeFix[] {
  return diagnostics.flatMap((diagnostic) => fixesFor(service, file, diagnostic, language));
}

/** The language a fix writes: the setting, or with `auto` the language of what was written (else the paragraph's). */
function fixLanguage(language: QuickFixLanguage, written: () => DocumentLanguage): DocumentLanguage {
  if (language === 'english') return 'en';
  if (language === 'vietnamese') return 'vi';
  return written();
}

function fixesFor(service: PolicyService, file: TextFile, d: DocumentDiagnostic, language: QuickFixLanguage): CodeFix[] {
  const data = d.data;
  if (!data) return [];
  const paragraphLanguage = () => languageAt(service.analyzed(file).analysis, d.start);
  const titleIn = (lang: DocumentLanguage) => (r: Role) => (lang === 'vi' && r.native ? r.native : r.title);
  const text = file.text.slice(d.start, d.end);
  const replace = (title: string, newText: string, isPreferred = false): CodeFix => ({
    title,
    diagnostic: d,
    isPreferred,
    changes: { create: [], edits: [{ uri: file.uri, edits: [{ range: d.range, newText }] }] },
  });
  switch (data.code) {
    case 'unknown-document': {
      const fields = documentEntryFields(service, data);
      const changes = addEntryChanges(service, fields, file.uri);
      return 'error' in changes ? [] : [{ title: `Add '${fields.name}' to the glossary`, diagnostic: d, changes, isPreferred: true }];
    }
    case 'unknown-official': {
      const written = data.name.replace(/\s+/g, ' ').trim();
      const ascii = stripDiacritics(written);
      const name = language === 'english' ? ascii : written;
      const fields: NewEntryFields = { id: uniqueId(service, slugify(name)), kind: 'official', name };
      // English: the plain name with the Vietnamese form as `native`; otherwise the name as written with a plain alias.
      if (ascii !== written) {
        if (language === 'english') fields.native = written;
        else fields.aliases = [ascii];
      }
      if (data.title) fields.roles = [newRole(service, data.title, data.titleLang ?? 'en', language)];
      const changes = addEntryChanges(service, fields, file.uri);
      return 'error' in changes ? [] : [{ title: `Add '${name}' (official) to the glossary`, diagnostic: d, changes, isPreferred: true }];
    }
    case 'ambiguous-reference':
      return data.entryIds.map((id) => {
        const entry = service.getEntry(id);
        return replace(`Annotate as ${entry ? `${entry.name} (${id})` : id}`, `[[${id}|${text}]]`);
      });
    case 'unknown-annotation':
      return nearestIds(service, data.id).map((id, i) => replace(`Change to '${id}' (${service.getEntry(id)!.name})`, id, i === 0));
    case 'deprecated-term': {
      const preferred = data.preferredId ? service.getEntry(data.preferredId) : undefined;
      const lang = fixLanguage(language, paragraphLanguage);
      const written = lang === 'vi' && preferred?.native ? preferred.native : data.preferredName;
      return written ? [replace(`Replace with '${matchCase(written, text)}'`, matchCase(written, text), true)] : [];
    }
    case 'title-mismatch': {
      const entry = service.getEntry(data.entryId);
      const lang = fixLanguage(language, () => data.lang ?? paragraphLanguage());
      const held = entry ? unique(orderRoles(entry.roles, service.analyzed(file).analysis.date).map(titleIn(lang))) : data.heldTitles;
      return held.map((title, i) => replace(`Replace title with '${title}'`, title, i === 0));
    }
    case 'title-outdated': {
      const entry = service.getEntry(data.entryId);
      const date = service.analyzed(file).analysis.date;
      const lang = fixLanguage(language, () => data.lang ?? paragraphLanguage());
      const current = entry && date ? unique(entry.roles.filter((r) => isRoleHeldOn(r, date)).map(titleIn(lang))) : data.currentTitles;
      const atSentenceStart = /(^|[.!?]\s+|\n\s*)$/.test(file.text.slice(Math.max(0, d.start - 3), d.start));
      const word = lang === 'vi' ? 'nguyên' : 'former';
      const prefix = atSentenceStart ? word[0].toUpperCase() + word.slice(1) : word;
      const former = replace(`Mark as former: '${prefix} ${text}'`, `${prefix} ${text}`, true);
      return [former, ...current.map((title) => replace(`Replace title with the current '${title}'`, title))];
    }
    case 'name-variant': {
      // English puts the plain form first; Vietnamese (and auto, since the name was written with diacritics) the canonical one.
      const hasMarks = (s: string) => stripDiacritics(s) !== s;
      const suggestions =
        language === 'english' ? [...data.suggestions.filter((s) => !hasMarks(s)), ...data.suggestions.filter(hasMarks)] : data.suggestions;
      return suggestions.map((s, i) => replace(`Replace with '${s}'`, s, i === 0));
    }
    case 'document-type-mismatch': {
      const lang = fixLanguage(language, () => data.lang);
      const words = unique(data.types.map((t) => (lang === 'vi' ? t.native : t.name)));
      return words.map((word, i) => {
        const cased = /^\p{Ll}/u.test(text) ? word[0].toLowerCase() + word.slice(1) : word;
        return replace(`Replace '${text}' with '${cased}'`, cased, i === 0);
      });
    }
  }
}

/** An entry prefilled from a document number: type (or the type word written before it), issuer and year. */
function documentEntryFields(service: PolicyService, data: Extract<DiagnosticData, { code: 'unknown-document' }>): NewEntryFields {
  const decoded = service.decodeNumber(data.number);
  const codes = decoded?.typeCode ? [codeKey(decoded.typeCode)] : data.typeWordCodes ?? [];
  const isResolution = codes.length > 0 ? codes.every((c) => c === 'NQ') : data.candidateKind === 'resolution';
  const kind: EntryKind = isResolution ? 'resolution' : 'other';
  const typeWord = data.typeWord ? data.typeWord[0].toUpperCase() + data.typeWord.slice(1) : undefined;
  const typeName = (decoded?.typeCode ? decoded.type : typeWord) ?? (isResolution ? 'Resolution' : 'Document');
  const name = `${typeName} ${data.number}`;
  const fields: NewEntryFields = { id: uniqueId(service, slugify(name)), kind, name, number: data.number };
  if (decoded?.issuer) fields.issuer = decoded.issuer;
  if (decoded?.year) fields.date = decoded.year;
  return fields;
}

/** The lossless edit adding an entry to the glossary file nearest to `documentUri` (or a new glossary file). */
export function addEntryChanges(service: PolicyService, fields: NewEntryFields, documentUri?: string): WorkspaceChanges | { error: string } {
  if (!ENTRY_ID_PATTERN.test(fields.id)) return { error: `'${fields.id}' is not a valid id: use lower-case letters, digits, '.', '_' and '-'.` };
  if (service.getEntry(fields.id)) return { error: `An entry with the id '${fields.id}' already exists.` };
  if (!(ENTRY_KINDS as readonly string[]).includes(fields.kind)) return { error: `'${fields.kind}' is not a kind (${ENTRY_KINDS.join(', ')}).` };
  if (!fields.name.trim()) return { error: 'The name is empty.' };
  const changes = emptyChanges();
  const target = glossaryFileFor(service, documentUri);
  if (target) {
    const text = service.getGlossaryText(target);
    if (text === undefined) return { error: `The glossary file ${target} cannot be read.` };
    const result = addEntryEdits(text, fields);
    if ('error' in result) return { error: result.error };
    addEditsTo(changes, target, result.edits);
    return changes;
  }
  const roots = service.getRoots();
  const root = roots.find((r) => documentUri && isSameOrBelow(documentUri, r)) ?? roots[0] ?? (documentUri ? dirName(documentUri) : undefined);
  if (!root) return { error: 'There is no workspace folder to create a glossary in.' };
  const uri = `${normalizeRootUri(root)}/${NEW_GLOSSARY_FILE_NAME}`;
  const result = addEntryEdits('', fields);
  if ('error' in result) return { error: result.error };
  changes.create.push(uri);
  addEditsTo(changes, uri, result.edits);
  return changes;
}

/** The glossary file in the nearest folder above the document, else the first one. */
export function glossaryFileFor(service: PolicyService, documentUri?: string): string | undefined {
  const files = service.glossaryFileUris();
  const parsed = files.filter((uri) => service.getGlossary().files.find((f) => f.uri === uri)?.parsed !== false);
  const candidates = parsed.length > 0 ? parsed : files;
  if (!documentUri) return candidates[0];
  const above = candidates.filter((uri) => isSameOrBelow(documentUri, dirName(uri))).sort((a, b) => dirName(b).length - dirName(a).length);
  return above[0] ?? candidates[0];
}

/** A valid id from any text: folded, lower-case, words joined by dashes. */
export function slugify(text: string): string {
  const slug = fold(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug || 'entry';
}

/** `base`, or `base-2`, `base-3`... whichever no entry has yet. */
export function uniqueId(service: PolicyService, base: string): string {
  if (!service.getEntry(base)) return base;
  for (let n = 2; ; n++) if (!service.getEntry(`${base}-${n}`)) return `${base}-${n}`;
}

/** The ids closest to a mistyped one (edit distance), best first. */
export function nearestIds(service: PolicyService, id: string, count = 3): string[] {
  const limit = Math.max(2, Math.ceil(id.length / 2));
  const scored: { id: string; distance: number }[] = [];
  for (const entry of service.getGlossary().entries) {
    if (Math.abs(entry.id.length - id.length) > limit) continue;
    const distance = editDistance(id, entry.id, limit);
    if (distance <= limit) scored.push({ id: entry.id, distance });
  }
  return scored.sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id)).slice(0, count).map((s) => s.id);
}

/** A role for a new entry: the English title (from a glossary role with the same title when the written one is Vietnamese) and, unless fixes write English, the Vietnamese title. */
function newRole(service: PolicyService, written: string, writtenLang: DocumentLanguage, language: QuickFixLanguage): { title: string; native?: string } {
  const key = fold(written);
  const known = service.getGlossary().entries.flatMap((entry) => entry.roles).find((r) => fold(writtenLang === 'vi' ? r.native ?? '' : r.title) === key);
  const english = writtenLang === 'en' ? written : known?.title;
  const native = writtenLang === 'vi' ? written : known?.native;
  const role: { title: string; native?: string } = { title: english ?? written };
  if (language !== 'english' && native && native !== role.title) role.native = native;
  return role;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** Keeps a capital first letter of the replaced text (`Mass diplomacy` -> `People-to-people diplomacy`). */
function matchCase(replacement: string, original: string): string {
  if (/^\p{Lu}/u.test(original) && /^\p{Ll}/u.test(replacement)) return replacement[0].toUpperCase() + replacement.slice(1);
  return replacement;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
