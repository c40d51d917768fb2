import type { Glossary, GlossaryEntry, Role } from './glossary/model';
import type { DocumentAnalysis, DocumentCitation, DocumentLanguage, Mention, TextSpan } from './recognition/mention';
import { DOCUMENT_TYPE_CODES, typeCodesOf } from './recognition/documentNumber';
import { fold, stripDiacritics } from './recognition/fold';
import { shortFormsOf } from './recognition/compile';
import { formatPeriod, isRoleHeldOn, orderRoles, rolesNamedBy } from './titles';
import type { Range, Severity } from './types';

/** Stable codes of the diagnostics reported in documents. */
export const DOCUMENT_DIAGNOSTIC_CODES = [
  'unknown-document',
  'unknown-official',
  'ambiguous-reference',
  'unknown-annotation',
  'deprecated-term',
  'title-mismatch',
  'title-outdated',
  'name-variant',
  'document-type-mismatch',
] as const;
export type DocumentDiagnosticCode = (typeof DOCUMENT_DIAGNOSTIC_CODES)[number];

/** The severity of each code unless the user overrides it. */
export const DEFAULT_SEVERITIES: Readonly<Record<DocumentDiagnosticCode, Severity>> = {
  // Candidates are suggestions ("add to glossary"), not mistakes.
  'unknown-document': 'information',
  'unknown-official': 'information',
  'ambiguous-reference': 'warning',
  'unknown-annotation': 'error',
  'deprecated-term': 'warning',
  'title-mismatch': 'warning',
  'title-outdated': 'hint',
  'name-variant': 'warning',
  'document-type-mismatch': 'warning',
};

/** Per-code severity chosen by the user; `off` hides the code. */
export type SeverityOverrides = Partial<Record<string, Severity | 'off'>>;

/** What a quick fix needs, per code. */
export type DiagnosticData =
  | {
      code: 'unknown-document';
      number: string;
      candidateKind: 'resolution' | 'document';
      /** The type word written before the number (`Law`, `Nghị quyết`) and the type codes it stands for. */
      typeWord?: string;
      typeWordCodes?: readonly string[];
    }
  | { code: 'unknown-official'; name: string; title?: string; titleLang?: DocumentLanguage }
  | { code: 'ambiguous-reference'; entryIds: string[] }
  | { code: 'unknown-annotation'; id: string }
  | { code: 'deprecated-term'; entryId: string; preferredId?: string; preferredName?: string }
  | { code: 'title-mismatch'; entryId: string; heldTitles: string[]; lang?: DocumentLanguage }
  | { code: 'title-outdated'; entryId: string; currentTitles: string[]; lang?: 'en' | 'vi' }
  | { code: 'name-variant'; entryId: string; suggestions: string[] }
  | {
      code: 'document-type-mismatch';
      /** The type word as written and its language. */
      typeWord: string;
      lang: DocumentLanguage;
      /** The types the number's code stands for, in English and Vietnamese (`Decision` / `Quyết định`). */
      types: { name: string; native: string }[];
    };

export interface DocumentDiagnostic {
  code: DocumentDiagnosticCode;
  severity: Severity;
  message: string;
  range: Range;
  /** UTF-16 offsets of the range. */
  start: number;
  end: number;
  /** What a quick fix needs (entry ids, suggested texts). */
  data?: DiagnosticData;
  /** Rendering hints: `deprecated` shows the text struck through. */
  tags?: ('deprecated' | 'unnecessary')[];
  /** Glossary places that explain the diagnostic. */
  related?: { uri: string; range: Range; message: string }[];
}

/** Checks a document's analysis against the glossary. */
export function computeDocumentDiagnostics(
  analysis: DocumentAnalysis,
  glossary: Glossary,
  overrides: SeverityOverrides = {},
): DocumentDiagnostic[] {
  const out: DocumentDiagnostic[] = [];
  const push = (d: Omit<DocumentDiagnostic, 'severity'>) => {
    const override = overrides[d.code];
    if (override === 'off') return;
    out.push({ ...d, severity: override ?? DEFAULT_SEVERITIES[d.code] });
  };
  const name = (id: string) => glossary.byId.get(id)?.name ?? id;

  for (const c of analysis.candidates) {
    if (c.kind === 'official') {
      const written = c.name ?? c.text;
      push({
        code: 'unknown-official',
        message: `${c.title ? c.title + ' ' : ''}${written} is not in the glossary.`,
        range: c.range,
        start: c.start,
        end: c.end,
        data: { code: 'unknown-official', name: written, title: c.title, ...(c.titleSpan?.lang ? { titleLang: c.titleSpan.lang } : {}) },
      });
    } else {
      push({
        code: 'unknown-document',
        message: `Document ${c.text} is not in the glossary.`,
        range: c.range,
        start: c.start,
        end: c.end,
        data: {
          code: 'unknown-document',
          number: c.text,
          candidateKind: c.kind,
          typeWord: c.document?.typeWord?.text,
          typeWordCodes: c.document?.typeWordCodes,
        },
      });
    }
  }

  for (const cited of [...analysis.mentions, ...analysis.ambiguous, ...analysis.candidates]) {
    if (cited.document?.typeMismatch) {
      const d = typeMismatch(cited.document);
      if (d) push(d);
    }
  }

  for (const a of analysis.ambiguous) {
    const ids = a.entryIds.filter((id) => glossary.byId.has(id));
    push({
      code: 'ambiguous-reference',
      message: `'${a.text}' may refer to ${a.entryIds.map((id) => `${name(id)} (${id})`).join(', ')}. Annotate it to choose.`,
      range: a.range,
      start: a.start,
      end: a.end,
      data: { code: 'ambiguous-reference', entryIds: a.entryIds },
      related: ids.map((id) => {
        const entry = glossary.byId.get(id)!;
        return { uri: entry.idLocation.uri, range: entry.idLocation.range, message: entry.name };
      }),
    });
  }

  for (const a of analysis.annotations) {
    if (a.known) continue;
    push({
      code: 'unknown-annotation',
      message: `No glossary entry has the id '${a.id}'.`,
      range: a.idSpan.range,
      start: a.idSpan.start,
      end: a.idSpan.end,
      data: { code: 'unknown-annotation', id: a.id },
    });
  }

  for (const m of analysis.mentions) {
    const entry = glossary.byId.get(m.entryId);
    if (!entry) continue;
    if (entry.status === 'deprecated' && m.match !== 'annotation') push(deprecatedTerm(m, entry, glossary));
    // A form of address (`ông`, `đồng chí`) is no title: nothing to check against the roles.
    if (m.title && !m.title.honorific && entry.roles.length > 0) {
      const d = titleCheck(m, entry, analysis.date);
      if (d) push(d);
    }
    const variant = nameVariant(m, entry);
    if (variant) push(variant);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

function deprecatedTerm(m: Mention, entry: GlossaryEntry, glossary: Glossary): Omit<DocumentDiagnostic, 'severity'> {
  const preferred = entry.use ? glossary.byId.get(entry.use) : undefined;
  return {
    code: 'deprecated-term',
    message: preferred ? `'${m.text}' is deprecated; use '${preferred.name}'.` : `'${m.text}' is deprecated.`,
    range: m.range,
    start: m.start,
    end: m.end,
    tags: ['deprecated'],
    data: { code: 'deprecated-term', entryId: entry.id, preferredId: preferred?.id, preferredName: preferred?.name },
    related: preferred ? [{ uri: preferred.idLocation.uri, range: preferred.idLocation.range, message: `Preferred: ${preferred.name}` }] : undefined,
  };
}

function titleCheck(m: Mention, entry: GlossaryEntry, date: string | undefined): Omit<DocumentDiagnostic, 'severity'> | undefined {
  const title = m.title!;
  const named = rolesNamedBy(title.text, entry.roles);
  const related = [{ uri: entry.location.uri, range: entry.location.range, message: `Roles of ${entry.name}` }];
  // A title written in Vietnamese is fixed with the Vietnamese titles.
  const titleOf = (r: Role) => (title.lang === 'vi' && r.native ? r.native : r.title);
  if (named.length === 0) {
    const held = orderRoles(entry.roles, date).map(titleOf);
    return {
      code: 'title-mismatch',
      message: `${entry.name} never held the title '${title.text}' (held: ${held.join('; ')}).`,
      range: title.range,
      start: title.start,
      end: title.end,
      data: { code: 'title-mismatch', entryId: entry.id, heldTitles: unique(held), ...(title.lang ? { lang: title.lang } : {}) },
      related,
    };
  }
  if (!date || title.historical || named.some((r) => isRoleHeldOn(r, date))) return undefined;
  const periods = named.map((r) => `${r.title} ${formatPeriod(r)}`.trim()).join('; ');
  const current = entry.roles.filter((r) => isRoleHeldOn(r, date)).map(titleOf);
  return {
    code: 'title-outdated',
    message: `${entry.name} did not hold the title '${title.text}' on ${date} (${periods}).`,
    range: title.range,
    start: title.start,
    end: title.end,
    data: { code: 'title-outdated', entryId: entry.id, currentTitles: unique(current), lang: title.lang },
    related,
  };
}

/** `Nghị quyết số 123/QĐ-TTg`: the type word says resolution, the number's code says decision. */
function typeMismatch(document: DocumentCitation): Omit<DocumentDiagnostic, 'severity'> | undefined {
  const word: TextSpan | undefined = document.typeWord;
  if (!word || !document.number) return undefined;
  const types = typeCodesOf(document.number)
    .map((code) => DOCUMENT_TYPE_CODES[code])
    .filter((t): t is { name: string; native: string } => !!t);
  if (types.length === 0) return undefined;
  const lang: DocumentLanguage = isAscii(word.text) ? 'en' : 'vi';
  const expected = unique(types.map((t) => (lang === 'vi' ? t.native : t.name)));
  return {
    code: 'document-type-mismatch',
    message: `'${word.text}' does not fit the type code of ${document.number.text} (${expected.join(' or ')}).`,
    range: word.range,
    start: word.start,
    end: word.end,
    data: { code: 'document-type-mismatch', typeWord: word.text, lang, types },
  };
}

/** The language of the paragraph at an offset: a differing paragraph's, else the document's (English by default). */
export function languageAt(analysis: DocumentAnalysis, offset: number): DocumentLanguage {
  const span = analysis.languageSpans?.find((s) => s.start <= offset && offset < s.end);
  return span?.lang ?? analysis.lang ?? 'en';
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

const normalizeForm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
/** True when the text carries diacritics (combining marks after decomposition, or Đ/đ). */
const hasDiacritics = (s: string) => /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\u0110\u0111]/.test(s.normalize('NFD'));

/** The written forms of an entry for one way of matching (short forms default to last words). */
function formsFor(entry: GlossaryEntry, match: Mention['match']): string[] {
  switch (match) {
    case 'name':
    case 'alias':
      return [entry.name, ...entry.aliases];
    case 'native':
      return entry.native ? [entry.native] : [];
    case 'short':
      return shortFormsOf(entry);
    default:
      return [];
  }
}

/**
 * A name written with partial or wrong diacritics (`Nguyễn Manh Cường`): it folds to a form of the entry
 * but equals none of them. Plain ASCII is a legitimate rendering, and capitals (headlines) are not variants.
 */
function nameVariant(m: Mention, entry: GlossaryEntry): Omit<DocumentDiagnostic, 'severity'> | undefined {
  // Most mentions in English text are plain ASCII: nothing to compare.
  if (isAscii(m.text)) return undefined;
  const forms = formsFor(entry, m.match);
  if (forms.length === 0 || !hasDiacritics(m.text)) return undefined;
  const written = normalizeForm(m.text);
  if (forms.some((f) => normalizeForm(f) === written)) return undefined;
  const folded = fold(written);
  const sameWord = forms.filter((f) => fold(normalizeForm(f)) === folded);
  const canonical = sameWord.filter(hasDiacritics);
  if (canonical.length === 0) return undefined;
  const ascii = sameWord.find((f) => !hasDiacritics(f)) ?? stripDiacritics(canonical[0]);
  const suggestions = unique([...canonical, ascii]);
  return {
    code: 'name-variant',
    message: `'${m.text}' is a variant spelling of '${canonical[0]}'.`,
    range: m.range,
    start: m.start,
    end: m.end,
    data: { code: 'name-variant', entryId: entry.id, suggestions },
  };
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
