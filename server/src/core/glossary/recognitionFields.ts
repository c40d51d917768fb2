import type { Glossary, GlossaryEntry, Role } from './model';

/**
 * Whether two glossaries recognise the same mentions: the same entries in the same order, equal in
 * every field recognition reads (id, kind, name, aliases, native, short, roles, number, case, status,
 * use). Edits that change nothing else (a summary, a source, a comment, lines moving) keep every
 * analysis valid. Entries of files that were not loaded again are the same objects in both, so only
 * the entries of the edited files are compared field by field, and nothing is serialised.
 */
export function sameRecognition(a: Glossary, b: Glossary): boolean {
  if (a === b) return true;
  const x = a.entries;
  const y = b.entries;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i] && !sameRecognitionFields(x[i], y[i])) return false;
  return true;
}

/** Whether two entries are equal in every field recognition reads. */
export function sameRecognitionFields(a: GlossaryEntry, b: GlossaryEntry): boolean {
  return (
    a.id === b.id &&
    a.kind === b.kind &&
    a.name === b.name &&
    a.native === b.native &&
    a.number === b.number &&
    a.case === b.case &&
    a.status === b.status &&
    a.use === b.use &&
    sameStrings(a.aliases, b.aliases) &&
    (a.short === b.short || (a.short !== undefined && b.short !== undefined && sameStrings(a.short, b.short))) &&
    sameRoles(a.roles, b.roles)
  );
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const r = a[i];
    const s = b[i];
    if (r.title !== s.title || r.native !== s.native || r.from !== s.from || r.to !== s.to) return false;
  }
  return true;
}
