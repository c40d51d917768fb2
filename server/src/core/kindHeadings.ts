import type { EntryKind } from './glossary/model';

/**
 * How each kind of entry is headed wherever entries are grouped: the document outline, the "Policy Index"
 * view and the kind picker of "Add to Glossary". One wording, shared by the server and the client.
 */
export const KIND_HEADINGS: Readonly<Record<EntryKind, string>> = {
  resolution: 'Resolutions and documents',
  official: 'Officials',
  term: 'Terms',
  organization: 'Organizations',
  agreement: 'Agreements',
  event: 'Events',
  place: 'Places',
  other: 'Other',
};

/** What one entry of each kind is called in running text ("Nguyễn Mạnh Cường · _official_"). */
export const KIND_NOUNS: Readonly<Record<EntryKind, string>> = {
  resolution: 'document',
  official: 'official',
  term: 'term',
  organization: 'organization',
  agreement: 'agreement',
  event: 'event',
  place: 'place',
  other: 'entry',
};

/** The heading of a kind; a kind not known here (a newer server, a typo in a glossary) is shown as it is. */
export function kindHeading(kind: string): string {
  return known(kind) ? KIND_HEADINGS[kind] : kind;
}

/** The noun for one entry of a kind; an unknown kind is shown as it is. */
export function kindNoun(kind: string): string {
  return known(kind) ? KIND_NOUNS[kind] : kind;
}

function known(kind: string): kind is EntryKind {
  return Object.prototype.hasOwnProperty.call(KIND_HEADINGS, kind);
}
