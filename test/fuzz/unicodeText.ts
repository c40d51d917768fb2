// Generators of hostile document text for property tests: glossary forms in every spelling, mixed with
// combining marks, surrogate pairs and emoji, NUL and other controls, CR/CRLF/LF line breaks, RTL text
// and very long lines.
import fc from 'fast-check';
import type { Glossary } from '../../server/src/core/glossary/model';
import { shortFormsOf } from '../../server/src/core/recognition';

export const COMBINING_MARKS = ['\u0300', '\u0301', '\u0302', '\u0303', '\u0306', '\u0309', '\u031B', '\u0323', '\u0345', '\u1AB0', '\u20DD', '\u0E49'];
export const ASTRAL = ['😀', '👨‍👩‍👧‍👦', '🇻🇳', '👍🏽', '🎍', '𝔘𝔑', '𠀀𠀁', '🏳️‍🌈', '\u{1D400}', '\u{E0041}'];
export const CONTROLS = ['\u0000', '\u0001', '\u0007', '\u001B', '\u007F', '\uFEFF', '\u200B', '\u200C', '\u200D', '\u00A0', '\u2028', '\u2029', '\u0085', '\uFFFD', '\uFFFF', '\f', '\v'];
export const RTL = ['مرحبا بالعالم', 'שָׁלוֹם עולם', '\u200F', '\u202E', '\u202B', '\u2067', '\u2069', 'عبد الله', 'وزير الخارجية'];
/** Halves of surrogate pairs on their own: not valid UTF-16, but editors can hold them. */
export const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF'];
export const LINE_BREAKS = ['\n', '\r\n', '\r', '\n\n', '\r\r\n', ' \n', '\n\r'];
export const SEPARATORS = [' ', ' ', ' ', '  ', ', ', '. ', '\t', '-', '–', '—', '’s ', "'s ", ' (', ') ', '/', '', '"', '“', '”', ...LINE_BREAKS];

/** Markup and lookalikes the engine treats specially: annotations, URLs, dates, document numbers, titles. */
export const MARKUP = [
  '[[to-lam]]',
  '[[to-lam|General Secretary Lam]]',
  '[[nguyen-manh-cuong|Cuong]]',
  '[[no-such-entry]]',
  '[[',
  ']]',
  '[[a|',
  '[[|]]',
  '[[to-lam',
  '[[UPPER-case]]',
  'https://example.org/le-hoai-trung.jpg',
  'le-hoai-trung.jpg',
  'www.example.org/To-Lam',
  'mailto:to.lam@example.org',
  '---\ndate: 2025-01-24\nlang: vi\n---\n',
  '---\r\ndate: 2025-13-45\r\n---\r\n',
  'date 2026-01-22',
  'Hà Nội, 22/1/2026',
  'HANOI, Jan. 22 (VNA) -',
  'Resolution No. 59',
  'Resolution 59',
  'Nghị quyết số 59-NQ/TW',
  'Số 250/2025/QH15',
  '123/QĐ-TTg',
  '30/2020/NĐ-CP',
  '05-CT/TW',
  '35-KL/TW',
  '99999999999999999999-NQ/TW',
  '1/1/1/1/1/1',
  'No.',
  'former',
  'then-',
  'the late',
  'General Secretary',
  'Deputy Prime Minister Ho Duc Phoc',
  'Swiss Deputy Ambassador Aldo De Luca',
  'Prime Minister',
  'ông',
  'đồng chí',
  'Thủ tướng',
  '{>> note <<}',
  '{== highlight ==}',
  '`code`',
  '# Heading',
  '> quote',
  '* ',
  '<b>',
  '&amp;',
];

/** Sentences that give each document diagnostic with the sample glossary (for properties about diagnostics). */
export const DIAGNOSED = [
  'See [[no-such-entry]] here.',
  'Decision 123/QĐ-TTg was signed.',
  'Deputy Prime Minister Ho Duc Phoc spoke.',
  'They practise mass diplomacy.',
  'Nguyễn Manh Cường arrived.',
  'Prime Minister Tô Lâm spoke.',
  'Resolution 59 applies.',
  'Minister of Public Security To Lam met them.',
];

/** Every written form of the glossary that recognition reads: names, aliases, native forms, short forms, numbers, role titles. */
export function glossaryForms(glossary: Glossary): string[] {
  const forms = new Set<string>();
  for (const entry of glossary.entries) {
    forms.add(entry.name);
    for (const alias of entry.aliases) forms.add(alias);
    if (entry.native) forms.add(entry.native);
    for (const short of shortFormsOf(entry)) forms.add(short);
    if (entry.number) forms.add(entry.number);
    for (const role of entry.roles) {
      forms.add(role.title);
      if (role.native) forms.add(role.native);
    }
  }
  return [...forms].filter((f) => f.length > 0).sort();
}

const stripMarks = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[Đđ]/g, (c) => (c === 'Đ' ? 'D' : 'd'));

/** Ways of writing a form as people (and broken tools) do. */
type Spelling = 'as-is' | 'upper' | 'lower' | 'ascii' | 'nfd' | 'broken-line' | 'double-space' | 'mark-inside' | 'possessive' | 'glued';

function spell(form: string, spelling: Spelling, extra: string): string {
  switch (spelling) {
    case 'as-is':
      return form;
    case 'upper':
      return form.toUpperCase();
    case 'lower':
      return form.toLowerCase();
    case 'ascii':
      return stripMarks(form);
    case 'nfd':
      return form.normalize('NFD');
    case 'broken-line':
      return form.replace(' ', extra === '' ? '\n' : extra.includes('\r') ? '\r\n' : '\n');
    case 'double-space':
      return form.replace(' ', '  ');
    case 'mark-inside': {
      const at = Math.floor(form.length / 2);
      return form.slice(0, at) + (extra || '\u0301') + form.slice(at);
    }
    case 'possessive':
      return form + '’s';
    case 'glued':
      return (extra || 'x') + form;
  }
}

const SPELLINGS: Spelling[] = ['as-is', 'upper', 'lower', 'ascii', 'nfd', 'broken-line', 'double-space', 'mark-inside', 'possessive', 'glued'];

export interface TextOptions {
  /** Upper bound of pieces in one text. */
  maxPieces?: number;
  /** Allow very long lines (a piece repeated thousands of times without a line break). */
  longLines?: boolean;
  /** Allow lone surrogates (invalid UTF-16). */
  loneSurrogates?: boolean;
}

/** Random document text built around the forms of `glossary`. */
export function documentText(glossary: Glossary, options: TextOptions = {}): fc.Arbitrary<string> {
  const forms = glossaryForms(glossary);
  const noise: string[] = [...COMBINING_MARKS, ...ASTRAL, ...CONTROLS, ...RTL, ...(options.loneSurrogates === false ? [] : LONE_SURROGATES)];
  const word = fc.constantFrom('the', 'and', 'said', 'Vietnam', 'Việt Nam', 'who', 'WHO', 'to', 'lam', 'un', 'Cường', 'Cuong', 'Lam', 'Minh', 'Hồ', 'City', 'of', 'in', 'Mr', 'Ms', 'Đ', 'đ', 'İ', 'ß', 'ﬁ', 'Ǆ', 'ǅ');
  const spelled = fc
    .tuple(fc.constantFrom(...forms), fc.constantFrom(...SPELLINGS), fc.constantFrom('', ...COMBINING_MARKS, ...ASTRAL.slice(0, 3), '\r', 'a', '1'))
    .map(([form, spelling, extra]) => spell(form, spelling, extra));
  const piece: fc.Arbitrary<string> = fc.oneof(
    { weight: 10, arbitrary: spelled },
    { weight: 4, arbitrary: word },
    { weight: 3, arbitrary: fc.constantFrom(...MARKUP) },
    { weight: 1, arbitrary: fc.constantFrom(...DIAGNOSED) },
    { weight: 3, arbitrary: fc.constantFrom(...noise) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 99999 }).map(String) },
  );
  const long: fc.Arbitrary<string> = options.longLines
    ? fc.tuple(piece, fc.constantFrom(' ', '', '-', '\u00A0'), fc.integer({ min: 500, max: 6000 })).map(([p, sep, times]) => (p + sep).repeat(Math.max(1, Math.floor(times / Math.max(1, p.length + sep.length)))))
    : fc.constant('');
  const joined = fc.array(fc.tuple(piece, fc.constantFrom(...SEPARATORS)), { maxLength: options.maxPieces ?? 30 }).map((parts) => parts.map(([p, s]) => p + s).join(''));
  return options.longLines ? fc.oneof({ weight: 6, arbitrary: joined }, { weight: 1, arbitrary: fc.tuple(joined, long, joined).map((t) => t.join('')) }) : joined;
}

/** One LSP content change: replace `[start, end)` (UTF-16 offsets, clamped to the text) by `text`. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Random edits as an editor sends them while a user types, pastes, deletes and undoes: positions
 * anywhere, including inside surrogate pairs and between CR and LF.
 */
export function editSequence(glossary: Glossary, maxEdits = 12): fc.Arbitrary<{ at: number; length: number; text: string }[]> {
  return fc.array(
    fc.record({
      at: fc.nat(),
      length: fc.oneof({ weight: 4, arbitrary: fc.nat({ max: 3 }) }, { weight: 1, arbitrary: fc.nat({ max: 80 }) }),
      text: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom('', ' ', 'a', '\n', '\r\n', '\r', '[', ']', '[[', '|', '-', '’', '\u0301', '😀', '\uD83D', '\uDE00') },
        { weight: 3, arbitrary: documentText(glossary, { maxPieces: 4, loneSurrogates: true }) },
      ),
    }),
    { minLength: 1, maxLength: maxEdits },
  );
}

/** Turns a random edit into offsets inside `text`. */
export function placeEdit(text: string, edit: { at: number; length: number; text: string }): OffsetEdit {
  const start = text.length === 0 ? 0 : edit.at % (text.length + 1);
  const end = Math.min(text.length, start + edit.length);
  return { start, end, text: edit.text };
}

export function applyOffsetEdit(text: string, edit: OffsetEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}
