import type { Role } from './glossary/model';
import { fold } from './recognition/fold';
import { ownCopy } from './recognition/tokens';

// Written titles vary in word order and filler (`Deputy Foreign Minister` is the role `Deputy Minister of
// Foreign Affairs`), so titles are compared as sets of significant words. Words that change rank
// (`deputy`, `vice`, Vietnamese `phó`) must agree exactly: a Deputy Minister is not a Minister.

const FILLER = new Set(['of', 'the', 'and', 'for', 'on', 'affairs', 'a', 'an', 'cua']);
const RANK = new Set(['deputy', 'vice', 'acting', 'assistant', 'first', 'standing', 'permanent', 'pho']);
const SYNONYMS: [RegExp, string][] = [
  [/\bpremier\b/g, 'prime minister'],
  [/\bparty chief\b/g, 'general secretary'],
  [/\bsecretary general\b/g, 'general secretary'],
  [/\bdefense\b/g, 'defence'],
  // Vietnamese titles are two-syllable words whose syllables also stand alone (`bộ` is a ministry,
  // `trưởng` a head): each title is one word, so that `Bộ trưởng` (minister) never fits `Thứ trưởng`.
  [/\btong bi thu\b/g, 'tongbithu'],
  [/\bbi thu\b/g, 'bithu'],
  [/\bthu truong\b/g, 'thutruong'],
  [/\bbo truong\b/g, 'botruong'],
  [/\bthu tuong\b/g, 'thutuong'],
  [/\bchu tich\b/g, 'chutich'],
  [/\bchu nhiem\b/g, 'chunhiem'],
  [/\btruong ban\b/g, 'truongban'],
  [/\bdai su\b/g, 'daisu'],
];

/** The significant words of a title: those that set its rank, and the others. */
export interface TitleWords {
  readonly rank: ReadonlySet<string>;
  readonly words: ReadonlySet<string>;
}

/** Titles repeat across a document and a workspace: their word sets are kept (up to a bound). */
const wordCache = new Map<string, TitleWords>();
const WORD_CACHE_LIMIT = 5000;

/** The significant words of a title (cached). */
export function significantWords(title: string): TitleWords {
  let cached = wordCache.get(title);
  if (!cached) {
    if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
    cached = computeSignificantWords(title);
    // A copy as the key: the title may be a slice that would keep its whole document alive.
    wordCache.set(ownCopy(title), cached);
  }
  return cached;
}

function computeSignificantWords(title: string): TitleWords {
  let text = fold(title).replace(/[^\p{L}\p{N}]+/gu, ' ');
  for (const [pattern, replacement] of SYNONYMS) text = text.replace(pattern, replacement);
  const rank = new Set<string>();
  const words = new Set<string>();
  for (const word of text.split(' ')) {
    if (!word || FILLER.has(word)) continue;
    (RANK.has(word) ? rank : words).add(word);
  }
  return { rank, words };
}

function isSubset(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && isSubset(a, b);

/** True when a written title plausibly names the given role title (in any word order, shortened or qualified). */
export function titleNamesRole(written: string, roleTitle: string): boolean {
  return titleWordsNameRole(significantWords(written), significantWords(roleTitle));
}

/** titleNamesRole on the significant words of both titles. */
export function titleWordsNameRole(w: TitleWords, r: TitleWords): boolean {
  if (w.words.size === 0 || r.words.size === 0) return false;
  if (!sameSet(w.rank, r.rank)) return false;
  return isSubset(w.words, r.words) || isSubset(r.words, w.words);
}

/** The roles a written title can refer to (matching the English or the native title). */
export function rolesNamedBy(written: string, roles: readonly Role[]): Role[] {
  return roles.filter((role) => titleNamesRole(written, role.title) || (role.native !== undefined && titleNamesRole(written, role.native)));
}

/**
 * Compares ISO dates of different precision (`2021`, `2021-04`, `2021-04-05`) on their common prefix,
 * so that a role `from: 2021` counts as held on any day of 2021.
 */
export function compareIsoDates(a: string, b: string): number {
  const pa = a.split('-').map(Number);
  const pb = b.split('-').map(Number);
  const n = Math.min(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
  }
  return 0;
}

/** True when the role was held on `date` (bounds inclusive; a missing `to` means still held). */
export function isRoleHeldOn(role: Role, date: string): boolean {
  if (role.from && compareIsoDates(role.from, date) > 0) return false;
  if (role.to && compareIsoDates(date, role.to) > 0) return false;
  return true;
}

/** Roles ordered for display: those held on `date` first, then the most recent start first. */
export function orderRoles(roles: readonly Role[], date?: string): Role[] {
  const held = (r: Role) => (date && isRoleHeldOn(r, date) ? 0 : 1);
  return roles
    .map((role, i) => ({ role, i }))
    .sort((a, b) => held(a.role) - held(b.role) || compareIsoDates(b.role.from ?? '0', a.role.from ?? '0') || a.i - b.i)
    .map((x) => x.role);
}

/** `2021 – present`, `2016-04-09 – 2024-06-06`, or '' when no dates are known. */
export function formatPeriod(role: Role): string {
  if (!role.from && !role.to) return '';
  return `${role.from ?? '?'} – ${role.to ?? 'present'}`;
}
