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

/** The heading of a kind; a kind not known here (a newer server, a typo in a glossary) is shown as it is. */
export function kindHeading(kind: string): string {
  return Object.prototype.hasOwnProperty.call(KIND_HEADINGS, kind) ? KIND_HEADINGS[kind as EntryKind] : kind;
}
