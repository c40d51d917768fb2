import type { Glossary, GlossaryEntry } from './glossary/model';
import { kindNoun } from './kindHeadings';
import { escapeMarkdown, sanitizeMarkdown } from './markdown';
import type { DocumentLanguage } from './recognition/mention';
import { formatPeriod, isRoleHeldOn, orderRoles } from './titles';
import { resolveSource, type RealUri } from './uris';

/** A document number explained for people: what kind of document, who issued it, and when. */
export interface DecodedNumber {
  number: string;
  /** e.g. `Resolution`, with the code it was read from (`NQ`). */
  type?: string;
  typeCode?: string;
  issuer?: string;
  issuerCode?: string;
  year?: string;
}

/** What a card needs beyond the entry: the glossary, the workspace, the document being read, counts. */
export interface CardContext {
  glossary: Glossary;
  roots: readonly string[];
  /** Follows symbolic links when checking a `source` path against the roots. */
  realUri?: RealUri;
  /** The date of the document the mention is in (roles current then come first). */
  documentDate?: string;
  /** The language of the text being read: Vietnamese puts native role titles first. */
  lang?: DocumentLanguage;
  /** Mention counts from the index. */
  counts: { mentions: number; documents: number };
  /** Decodes a document number (used for document entries). */
  decode?: (number: string) => DecodedNumber | undefined;
}

const e = escapeMarkdown;

/** The hover card of a glossary entry; every piece of glossary text is escaped. */
export function entryCard(entry: GlossaryEntry, context: CardContext): string {
  const sections: string[] = [];
  const heading = [`**${e(entry.name)}**`, `_${e(kindNoun(entry.kind))}_`];
  if (entry.status) heading.push(`_${e(entry.status)}_`);
  sections.push(heading.join(' · '));

  if (entry.kind === 'official') sections.push(...officialLines(entry, context.documentDate, context.lang));
  if (entry.number) sections.push(...documentLines(entry, context));
  else if (entry.date) sections.push(`Date: ${e(entry.date)}`);
  if (entry.kind === 'term') sections.push(...termLines(entry, context.glossary));
  else if (entry.native) sections.push(`Native: ${e(entry.native)}`);
  if (entry.aliases.length > 0) sections.push(`Also written: ${entry.aliases.map(e).join(', ')}`);

  if (entry.summary) sections.push(sanitizeMarkdown(entry.summary));

  const footer: string[] = [];
  const related = entry.related.map((id) => context.glossary.byId.get(id)).filter((x): x is GlossaryEntry => !!x);
  if (related.length > 0) footer.push(`Related: ${related.map((r) => `${e(r.name)} (${e(r.id)})`).join(', ')}`);
  if (entry.source) footer.push(`Source: ${sourceText(entry.source, entry.location.uri, context.roots, context.realUri)}`);
  footer.push(mentionedIn(context.counts));
  sections.push(footer.join('  \n'));
  return sections.join('\n\n');
}

function officialLines(entry: GlossaryEntry, date: string | undefined, lang: DocumentLanguage | undefined): string[] {
  if (entry.roles.length === 0) return [];
  const lines = orderRoles(entry.roles, date).map((role) => {
    const [first, second] = lang === 'vi' && role.native ? [role.native, role.title] : [role.title, role.native];
    const parts = [e(first)];
    if (second) parts.push(`(${e(second)})`);
    const period = formatPeriod(role);
    let line = `- ${parts.join(' ')}${period ? `, ${e(period)}` : ''}`;
    if (date && isRoleHeldOn(role, date)) line += ` _(held on ${e(date)})_`;
    return line;
  });
  return [`Roles:\n${lines.join('\n')}`];
}

function documentLines(entry: GlossaryEntry, context: CardContext): string[] {
  const decoded = context.decode?.(entry.number!);
  const lines = [`Number: ${e(entry.number!)}${decoded ? ` (${describeNumber(decoded)})` : ''}`];
  if (entry.issuer) lines.push(`Issued by: ${e(entry.issuer)}`);
  if (entry.date) lines.push(`Date: ${e(entry.date)}`);
  return [lines.join('  \n')];
}

function termLines(entry: GlossaryEntry, glossary: Glossary): string[] {
  const lines: string[] = [];
  if (entry.native) lines.push(`Native: ${e(entry.native)}`);
  if (entry.status === 'deprecated') {
    const preferred = entry.use ? glossary.byId.get(entry.use) : undefined;
    lines.push(preferred ? `Deprecated: use **${e(preferred.name)}** (${e(preferred.id)})` : 'Deprecated.');
  }
  return lines.length ? [lines.join('  \n')] : [];
}

/** `Resolution (NQ), Party Central Committee (TW), 2025` from the parts that are known. */
export function describeNumber(decoded: DecodedNumber): string {
  const parts: string[] = [];
  if (decoded.type) parts.push(decoded.typeCode ? `${e(decoded.type)} (${e(decoded.typeCode)})` : e(decoded.type));
  if (decoded.issuer) parts.push(decoded.issuerCode ? `${e(decoded.issuer)} (${e(decoded.issuerCode)})` : e(decoded.issuer));
  if (decoded.year) parts.push(e(decoded.year));
  return parts.join(', ') || 'unknown format';
}

/** The card of a document number that no entry has. */
export function unknownNumberCard(text: string, decoded: DecodedNumber | undefined): string {
  const lines = [`**${e(text)}** · _document not in the glossary_`];
  if (decoded) {
    const table: string[] = [];
    if (decoded.type) table.push(`Type: ${e(decoded.type)}${decoded.typeCode ? ` (${e(decoded.typeCode)})` : ''}`);
    if (decoded.issuer) table.push(`Issuer: ${e(decoded.issuer)}${decoded.issuerCode ? ` (${e(decoded.issuerCode)})` : ''}`);
    if (decoded.year) table.push(`Year: ${e(decoded.year)}`);
    if (table.length) lines.push(table.join('  \n'));
  }
  lines.push('Use the quick fix to add it to the glossary.');
  return lines.join('\n\n');
}

/** The card of a reference that fits several entries. */
export function ambiguousCard(text: string, entries: GlossaryEntry[]): string {
  const list = entries.map((entry) => `- ${e(entry.name)} (${e(entry.id)}, ${e(entry.kind)})`).join('\n');
  return `**${e(text)}** · _ambiguous_\n\nMay refer to:\n${list}\n\nAnnotate it as \\[\\[id\\|text\\]\\] to choose.`;
}

/** The card of an official introduced by a title but missing from the glossary. */
export function unknownOfficialCard(title: string | undefined, name: string): string {
  return `**${e(name)}** · _official not in the glossary_${title ? `\n\nTitle: ${e(title)}` : ''}\n\nUse the quick fix to add it to the glossary.`;
}

function mentionedIn(counts: { mentions: number; documents: number }): string {
  const docs = `${counts.documents} document${counts.documents === 1 ? '' : 's'}`;
  const mentions = `${counts.mentions} mention${counts.mentions === 1 ? '' : 's'}`;
  return `Mentioned in ${docs} (${mentions})`;
}

/** Only http(s) URLs become links; a workspace path is shown as text (go to definition opens it). */
function sourceText(source: string, glossaryUri: string, roots: readonly string[], realUri: RealUri | undefined): string {
  const target = resolveSource(source, glossaryUri, roots, realUri);
  switch (target.kind) {
    case 'url':
      return `[${e(target.url)}](${linkDestination(target.url)})`;
    case 'file':
      return `${e(source)} (workspace file)`;
    default:
      return e(target.text);
  }
}

/** A URL as a Markdown link destination: characters that could end or nest the link are percent-encoded. */
function linkDestination(url: string): string {
  return url.replace(/[()[\]<>\s\\`"']/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}
