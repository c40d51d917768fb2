import { charInfo, MARK, WORD } from './chars';
import { ownCopy } from './tokens';

// Vietnamese document numbers in both systems.
//   Party:  59-NQ/TW, 05-CT/TW, 35-KL/TW, 09-QĐi/TW, 45-HD/BTCTW
//   State:  250/2025/QH15, 30/2020/NĐ-CP, 123/QĐ-TTg, 01/2021/TT-BNG, 1234/NQ-UBTVQH15
// A number is parsed into its parts so that hover can explain one the glossary lacks, and normalised
// (spaces, dashes, Đ/D, case, leading zeros) so that `30/2020/ND-CP` finds the entry `30/2020/NĐ-CP`.

export type DocumentSystem = 'party' | 'state';

export interface DocumentNumber {
  /** The number as written. */
  text: string;
  /** The comparison key: no spaces, ASCII hyphens, `Đ` as `D`, upper case, no leading zeros. */
  normalized: string;
  /** The serial number (`59`, `05`). */
  number: string;
  /** Four-digit year, in State numbers that carry one. */
  year?: string;
  /** The type code as written (`NQ`, `NĐ`), if the number has one. */
  typeCode?: string;
  /** The type in English (`Resolution`), from the known codes. */
  type?: string;
  /** The type in Vietnamese (`Nghị quyết`). */
  typeNative?: string;
  /** The issuer code as written (`TW`, `CP`, `QH15`). */
  issuerCode: string;
  /** The issuer in English (`Party Central Committee`, `15th National Assembly`). */
  issuer?: string;
  issuerNative?: string;
  system: DocumentSystem;
}

export interface DocumentTypeInfo {
  name: string;
  native: string;
}

export interface IssuerInfo {
  name: string;
  native: string;
}

/** Document type codes (normalised: upper case, `Đ` as `D`, `QDi` kept as written). */
export const DOCUMENT_TYPE_CODES: Readonly<Record<string, DocumentTypeInfo>> = {
  NQ: { name: 'Resolution', native: 'Nghị quyết' },
  ND: { name: 'Decree', native: 'Nghị định' },
  QD: { name: 'Decision', native: 'Quyết định' },
  QDI: { name: 'Regulation', native: 'Quy định' },
  CT: { name: 'Directive', native: 'Chỉ thị' },
  KL: { name: 'Conclusion', native: 'Kết luận' },
  TB: { name: 'Notice', native: 'Thông báo' },
  QC: { name: 'Regulation', native: 'Quy chế' },
  HD: { name: 'Guidance', native: 'Hướng dẫn' },
  TT: { name: 'Circular', native: 'Thông tư' },
  TTLT: { name: 'Joint circular', native: 'Thông tư liên tịch' },
  L: { name: 'Law', native: 'Luật' },
  PL: { name: 'Ordinance', native: 'Pháp lệnh' },
  KH: { name: 'Plan', native: 'Kế hoạch' },
  CTR: { name: 'Programme', native: 'Chương trình' },
  BC: { name: 'Report', native: 'Báo cáo' },
  TTR: { name: 'Submission', native: 'Tờ trình' },
  CV: { name: 'Official letter', native: 'Công văn' },
  DA: { name: 'Scheme', native: 'Đề án' },
  CD: { name: 'Dispatch', native: 'Công điện' },
};

/** Issuers of Party documents (after the slash: `59-NQ/TW`). */
export const PARTY_ISSUER_CODES: Readonly<Record<string, IssuerInfo>> = {
  TW: { name: 'Party Central Committee', native: 'Ban Chấp hành Trung ương' },
  BCT: { name: 'Politburo', native: 'Bộ Chính trị' },
  BBT: { name: 'Secretariat', native: 'Ban Bí thư' },
  BCHTW: { name: 'Party Central Committee', native: 'Ban Chấp hành Trung ương' },
  VPTW: { name: 'Party Central Office', native: 'Văn phòng Trung ương Đảng' },
  BTCTW: { name: 'Central Organisation Commission', native: 'Ban Tổ chức Trung ương' },
  BTGTW: { name: 'Central Propaganda Commission', native: 'Ban Tuyên giáo Trung ương' },
  BTGDVTW: { name: 'Central Propaganda and Mass Mobilisation Commission', native: 'Ban Tuyên giáo và Dân vận Trung ương' },
  BDNTW: { name: 'Central External Relations Commission', native: 'Ban Đối ngoại Trung ương' },
  BDVTW: { name: 'Central Mass Mobilisation Commission', native: 'Ban Dân vận Trung ương' },
  BKTTW: { name: 'Central Economic Commission', native: 'Ban Kinh tế Trung ương' },
  BNCTW: { name: 'Central Internal Affairs Commission', native: 'Ban Nội chính Trung ương' },
  UBKTTW: { name: 'Central Inspection Commission', native: 'Ủy ban Kiểm tra Trung ương' },
  DUQSTW: { name: 'Central Military Commission', native: 'Đảng ủy Quân sự Trung ương' },
  QUTW: { name: 'Central Military Commission', native: 'Quân ủy Trung ương' },
  DUCA: { name: 'Central Public Security Party Committee', native: 'Đảng ủy Công an Trung ương' },
  DUCP: { name: 'Government Party Committee', native: 'Đảng ủy Chính phủ' },
  DUQH: { name: 'National Assembly Party Committee', native: 'Đảng ủy Quốc hội' },
  DU: { name: 'Party Committee', native: 'Đảng ủy' },
  TU: { name: 'Provincial Party Committee', native: 'Tỉnh ủy' },
  THU: { name: 'City Party Committee', native: 'Thành ủy' },
};

/** Issuers of State documents (after the type code: `NĐ-CP`, `QĐ-TTg`; or alone: `QH15`). */
export const STATE_ISSUER_CODES: Readonly<Record<string, IssuerInfo>> = {
  CP: { name: 'Government', native: 'Chính phủ' },
  TTG: { name: 'Prime Minister', native: 'Thủ tướng Chính phủ' },
  CTN: { name: 'State President', native: 'Chủ tịch nước' },
  VPCP: { name: 'Government Office', native: 'Văn phòng Chính phủ' },
  BNG: { name: 'Ministry of Foreign Affairs', native: 'Bộ Ngoại giao' },
  BCA: { name: 'Ministry of Public Security', native: 'Bộ Công an' },
  BQP: { name: 'Ministry of National Defence', native: 'Bộ Quốc phòng' },
  BTC: { name: 'Ministry of Finance', native: 'Bộ Tài chính' },
  BCT: { name: 'Ministry of Industry and Trade', native: 'Bộ Công Thương' },
  BKHDT: { name: 'Ministry of Planning and Investment', native: 'Bộ Kế hoạch và Đầu tư' },
  BTP: { name: 'Ministry of Justice', native: 'Bộ Tư pháp' },
  BNV: { name: 'Ministry of Home Affairs', native: 'Bộ Nội vụ' },
  BGDDT: { name: 'Ministry of Education and Training', native: 'Bộ Giáo dục và Đào tạo' },
  BYT: { name: 'Ministry of Health', native: 'Bộ Y tế' },
  BKHCN: { name: 'Ministry of Science and Technology', native: 'Bộ Khoa học và Công nghệ' },
  BTTTT: { name: 'Ministry of Information and Communications', native: 'Bộ Thông tin và Truyền thông' },
  BVHTTDL: { name: 'Ministry of Culture, Sports and Tourism', native: 'Bộ Văn hóa, Thể thao và Du lịch' },
  BLDTBXH: { name: 'Ministry of Labour, Invalids and Social Affairs', native: 'Bộ Lao động - Thương binh và Xã hội' },
  BTNMT: { name: 'Ministry of Natural Resources and Environment', native: 'Bộ Tài nguyên và Môi trường' },
  BNNPTNT: { name: 'Ministry of Agriculture and Rural Development', native: 'Bộ Nông nghiệp và Phát triển nông thôn' },
  BNNMT: { name: 'Ministry of Agriculture and Environment', native: 'Bộ Nông nghiệp và Môi trường' },
  BXD: { name: 'Ministry of Construction', native: 'Bộ Xây dựng' },
  BGTVT: { name: 'Ministry of Transport', native: 'Bộ Giao thông vận tải' },
  BDTTG: { name: 'Ministry of Ethnic and Religious Affairs', native: 'Bộ Dân tộc và Tôn giáo' },
  NHNN: { name: 'State Bank of Vietnam', native: 'Ngân hàng Nhà nước' },
  TTCP: { name: 'Government Inspectorate', native: 'Thanh tra Chính phủ' },
  TANDTC: { name: 'Supreme People’s Court', native: 'Tòa án nhân dân tối cao' },
  VKSNDTC: { name: 'Supreme People’s Procuracy', native: 'Viện kiểm sát nhân dân tối cao' },
  KTNN: { name: 'State Audit Office', native: 'Kiểm toán Nhà nước' },
  UBND: { name: 'People’s Committee', native: 'Ủy ban nhân dân' },
  HDND: { name: 'People’s Council', native: 'Hội đồng nhân dân' },
};

const ISSUER_WITH_TERM = /^(UBTVQH|QH)(\d{1,2})$/;

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** Upper case with `Đ` as `D`: the key of the code tables. */
export function codeKey(code: string): string {
  return code.replace(/[đĐð]/g, 'D').toUpperCase();
}

/** Explains an issuer code in either system; National Assembly codes carry their term (`QH15`). */
export function describeIssuer(code: string, system: DocumentSystem): IssuerInfo | undefined {
  const key = codeKey(code);
  const term = ISSUER_WITH_TERM.exec(key);
  if (term) {
    const n = Number(term[2]);
    return term[1] === 'QH'
      ? { name: `${ordinal(n)} National Assembly`, native: `Quốc hội khóa ${roman(n)}` }
      : { name: `Standing Committee of the ${ordinal(n)} National Assembly`, native: `Ủy ban Thường vụ Quốc hội khóa ${roman(n)}` };
  }
  const table = system === 'party' ? PARTY_ISSUER_CODES : STATE_ISSUER_CODES;
  return table[key] ?? (system === 'party' ? undefined : STATE_ISSUER_CODES[key]);
}

function roman(n: number): string {
  const parts: [number, string][] = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, letters] of parts) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}

export function describeType(code: string): DocumentTypeInfo | undefined {
  return DOCUMENT_TYPE_CODES[codeKey(code)];
}

// The pieces of a number. A dash may be any hyphen or dash; a space may stand around the separators.
const DASH = '[-‐‑–—]';
const S = '[ \\u00a0]?';
const TYPE = '[A-ZĐ][A-Za-zĐđ]{0,4}';
const ISSUER = '[A-ZĐ][A-Za-zĐđ0-9]{0,11}';
const END = '(?![\\p{L}\\p{N}\\p{M}])';
/** Party: `59-NQ/TW`. Groups: number, type, issuer. */
const PARTY = `(\\d{1,5})${S}${DASH}${S}(${TYPE})${S}/${S}(${ISSUER})${END}`;
/** State with a year: `30/2020/NĐ-CP`, `250/2025/QH15`, `01/2021/TTLT-BNG-BCA`. Groups: number, year, type, issuer. */
const STATE_YEAR = `(\\d{1,5})${S}/${S}((?:19|20)\\d\\d)${S}/${S}(?:(${TYPE})${S}${DASH}${S})?(${ISSUER}(?:${DASH}${ISSUER})*)${END}`;
/** State without a year: `123/QĐ-TTg`. Groups: number, type, issuer. */
const STATE = `(\\d{1,5})${S}/${S}(${TYPE})${S}${DASH}${S}(${ISSUER}(?:${DASH}${ISSUER})*)${END}`;

const PARTY_AT = new RegExp(PARTY, 'uy');
const STATE_YEAR_AT = new RegExp(STATE_YEAR, 'uy');
const STATE_AT = new RegExp(STATE, 'uy');
const PARTY_WHOLE = new RegExp(`^${PARTY}$`, 'u');
const STATE_YEAR_WHOLE = new RegExp(`^${STATE_YEAR}$`, 'u');
const STATE_WHOLE = new RegExp(`^${STATE}$`, 'u');

function build(text: string, system: DocumentSystem, number: string, year: string | undefined, typeCode: string | undefined, issuerCode: string): DocumentNumber | undefined {
  const type = typeCode ? describeType(typeCode) : undefined;
  // Without a known type code only National Assembly numbers (`250/2025/QH15`) are numbers: this keeps
  // dates, scores and ranges out.
  if (typeCode && !type) return undefined;
  const firstIssuer = issuerCode.split(/[-‐‑–—]/)[0];
  const issuer = describeIssuer(firstIssuer, system);
  if (!typeCode && !ISSUER_WITH_TERM.test(codeKey(issuerCode))) return undefined;
  const result: DocumentNumber = {
    text,
    normalized: '',
    number,
    typeCode,
    issuerCode,
    system,
  };
  if (year) result.year = year;
  if (type) {
    result.type = type.name;
    result.typeNative = type.native;
  }
  if (issuer) {
    result.issuer = issuer.name;
    result.issuerNative = issuer.native;
  }
  result.normalized = normalizeDocumentNumber(text);
  return result;
}

function fromParty(m: RegExpExecArray, text: string): DocumentNumber | undefined {
  return build(text, 'party', m[1], undefined, m[2], m[3]);
}

function fromStateYear(m: RegExpExecArray, text: string): DocumentNumber | undefined {
  return build(text, 'state', m[1], m[2], m[3], m[4]);
}

function fromState(m: RegExpExecArray, text: string): DocumentNumber | undefined {
  return build(text, 'state', m[1], undefined, m[2], m[3]);
}

/** Parses a whole string as a document number (`59-NQ/TW`, `30/2020/NĐ-CP`, `Số 123/QĐ-TTg`). */
export function parseDocumentNumber(text: string): DocumentNumber | undefined {
  const trimmed = text.trim().replace(/^(?:No\.?|Number|Số|số|so)\s*:?\s*/u, '');
  let m = PARTY_WHOLE.exec(trimmed);
  if (m) return fromParty(m, trimmed);
  m = STATE_YEAR_WHOLE.exec(trimmed);
  if (m) return fromStateYear(m, trimmed);
  m = STATE_WHOLE.exec(trimmed);
  if (m) return fromState(m, trimmed);
  return undefined;
}

/** Numbers already parsed, by their text: documents cite the same numbers again and again. */
const parsedNumbers = new Map<string, DocumentNumber | null>();
const MAX_PARSED_NUMBERS = 10000;

/**
 * Reads a document number starting exactly at `offset` (a digit), or undefined. The result may be
 * shared with other calls: treat it as read-only.
 *
 * Documents cite the same numbers again and again: the answer is kept by the run of characters from
 * `offset` that decides it (see numberRunEnd), so that a number read before costs no pattern match.
 */
export function readDocumentNumberAt(text: string, offset: number): DocumentNumber | undefined {
  const runEnd = numberRunEnd(text, offset);
  if (runEnd < 0) return readDocumentNumberByPattern(text, offset);
  const slot = runHash & (RUN_CACHE_SIZE - 1);
  const known = runCacheText[slot];
  if (known !== undefined && known.length === runEnd - offset && text.startsWith(known, offset)) return runCacheResult[slot];
  const result = readDocumentNumberByPattern(text, offset);
  runCacheText[slot] = ownCopy(text.slice(offset, runEnd));
  runCacheResult[slot] = result;
  return result;
}

/** A direct-mapped cache of readDocumentNumberAt: the run's text and the answer, by the run's hash. */
const RUN_CACHE_SIZE = 4096;
const runCacheText: (string | undefined)[] = new Array<string | undefined>(RUN_CACHE_SIZE).fill(undefined);
const runCacheResult: (DocumentNumber | undefined)[] = new Array<DocumentNumber | undefined>(RUN_CACHE_SIZE).fill(undefined);
/** Longer runs are read by the patterns alone. */
const MAX_RUN = 64;
/** The hash of the run numberRunEnd last measured. */
let runHash = 0;

/** `/` and the dashes (a superset of the patterns' DASH): a space next to one may be part of a number. */
function isNumberSeparator(code: number): boolean {
  return code === 0x2f || code === 0x2d || (code >= 0x2010 && code <= 0x2015) || code === 0x2212;
}

/**
 * The end of the run of characters from `offset` on which the patterns' answer depends, or -1 when
 * it is longer than MAX_RUN (its hash is left in runHash). The run takes every letter, digit, mark,
 * surrogate, `/` and dash, and each space or no-break space next to a `/` or a dash (the patterns take
 * no other space). It stops at anything else: a character no pattern takes, and that their final
 * look-ahead (no letter, digit or mark) accepts, so that nothing after the run changes the answer.
 */
function numberRunEnd(text: string, offset: number): number {
  const n = text.length;
  let hash = 0x811c9dc5 | 0;
  let k = offset;
  for (; k < n; k++) {
    if (k - offset >= MAX_RUN) return -1;
    const code = text.charCodeAt(k);
    if (code === 0x20 || code === 0xa0) {
      if (!(k > 0 && isNumberSeparator(text.charCodeAt(k - 1))) && !(k + 1 < n && isNumberSeparator(text.charCodeAt(k + 1)))) break;
    } else if (!isNumberSeparator(code) && !(code >= 0xd800 && code <= 0xdfff) && !(charInfo(code) & (WORD | MARK))) break;
    hash = Math.imul(hash ^ code, 16777619);
  }
  runHash = hash;
  return k;
}

/** readDocumentNumberAt by the patterns alone. */
export function readDocumentNumberByPattern(text: string, offset: number): DocumentNumber | undefined {
  // The character after the serial number (and an optional space) says which readers can match:
  // a dash only the Party form, a slash only the State forms.
  let k = offset;
  while (k < text.length && k - offset <= 5 && text.charCodeAt(k) >= 0x30 && text.charCodeAt(k) <= 0x39) k++;
  if (k === offset || k - offset > 5) return undefined;
  let after = text.charCodeAt(k);
  if (after === 0x20 || after === 0xa0) after = text.charCodeAt(k + 1);
  const readers = after === 0x2f ? STATE_READERS : after === 0x2d || (after >= 0x2010 && after <= 0x2014) ? PARTY_READERS : undefined;
  if (!readers) return undefined;
  for (const [pattern, from] of readers) {
    pattern.lastIndex = offset;
    const m = pattern.exec(text);
    if (!m) continue;
    let parsed = parsedNumbers.get(m[0]);
    if (parsed === undefined) {
      // Copies: the match is a slice that would keep the whole document alive in the cache.
      const own = ownCopy(m[0]);
      parsed = from(m, own) ?? null;
      if (parsedNumbers.size >= MAX_PARSED_NUMBERS) parsedNumbers.clear();
      parsedNumbers.set(own, parsed);
    }
    if (parsed) return parsed;
  }
  return undefined;
}

type NumberReader = [RegExp, (m: RegExpExecArray, text: string) => DocumentNumber | undefined];
const PARTY_READERS: NumberReader[] = [[PARTY_AT, fromParty]];
const STATE_READERS: NumberReader[] = [
  [STATE_YEAR_AT, fromStateYear],
  [STATE_AT, fromState],
];

/**
 * The comparison key of a number: spaces removed, dashes as `-`, `Đ` as `D`, upper case, leading zeros
 * of the serial number dropped. `30/2020/ND-CP`, `30/2020/NĐ-CP` and `30 / 2020 / NĐ–CP` share one key.
 */
export function normalizeDocumentNumber(text: string): string {
  return text
    .replace(/^(?:No\.?|Number|Số|số)\s*:?\s*/u, '')
    .replace(/[\s\u00a0]+/g, '')
    .replace(/[‐‑–—−]/g, '-')
    .replace(/[đĐð]/g, 'D')
    .toUpperCase()
    .replace(/^0+(?=\d)/, '');
}

/** The serial number without leading zeros (`05` -> `5`): the key of short references. */
export function serialKey(number: string): string {
  return number.replace(/^0+(?=\d)/, '');
}

/**
 * The type codes a number stands for: its own code, or for National Assembly numbers without one
 * (`250/2025/QH15`) the kinds that body issues in that form (laws and resolutions; ordinances too for
 * its Standing Committee).
 */
export function typeCodesOf(number: DocumentNumber): readonly string[] {
  let codes = typeCodesCache.get(number);
  if (!codes) {
    codes = computeTypeCodes(number);
    typeCodesCache.set(number, codes);
  }
  return codes;
}

const typeCodesCache = new WeakMap<DocumentNumber, readonly string[]>();

/** typeCodesOf without its cache. */
export function computeTypeCodes(number: DocumentNumber): readonly string[] {
  if (number.typeCode) {
    const key = codeKey(number.typeCode);
    // A Party `QĐ` is a regulation as often as a decision.
    return number.system === 'party' && key === 'QD' ? ['QD', 'QDI'] : [key];
  }
  const term = ISSUER_WITH_TERM.exec(codeKey(number.issuerCode));
  if (!term) return [];
  return term[1] === 'QH' ? ['L', 'NQ'] : ['PL', 'NQ'];
}

/** A word that names a type of document before its number (`Resolution`, `Nghị quyết`). */
export interface DocumentTypeWord {
  word: string;
  codes: readonly string[];
  lang: 'en' | 'vi';
}

/** Type words in English and Vietnamese, with the codes each may stand for. */
export const DOCUMENT_TYPE_WORDS: readonly DocumentTypeWord[] = [
  { word: 'Resolution', codes: ['NQ'], lang: 'en' },
  { word: 'Decree', codes: ['ND'], lang: 'en' },
  { word: 'Decision', codes: ['QD'], lang: 'en' },
  { word: 'Directive', codes: ['CT'], lang: 'en' },
  { word: 'Conclusion', codes: ['KL'], lang: 'en' },
  { word: 'Notice', codes: ['TB'], lang: 'en' },
  { word: 'Announcement', codes: ['TB'], lang: 'en' },
  { word: 'Regulation', codes: ['QDI', 'QD', 'QC'], lang: 'en' },
  { word: 'Regulations', codes: ['QDI', 'QD', 'QC'], lang: 'en' },
  { word: 'Guidance', codes: ['HD'], lang: 'en' },
  { word: 'Guideline', codes: ['HD'], lang: 'en' },
  { word: 'Instruction', codes: ['HD'], lang: 'en' },
  { word: 'Circular', codes: ['TT', 'TTLT'], lang: 'en' },
  { word: 'Joint Circular', codes: ['TTLT'], lang: 'en' },
  { word: 'Law', codes: ['L'], lang: 'en' },
  { word: 'Ordinance', codes: ['PL'], lang: 'en' },
  { word: 'Plan', codes: ['KH'], lang: 'en' },
  { word: 'Programme', codes: ['CTR'], lang: 'en' },
  { word: 'Program', codes: ['CTR'], lang: 'en' },
  { word: 'Report', codes: ['BC'], lang: 'en' },
  { word: 'Official Letter', codes: ['CV'], lang: 'en' },
  { word: 'Dispatch', codes: ['CV', 'CD'], lang: 'en' },
  { word: 'Nghị quyết', codes: ['NQ'], lang: 'vi' },
  { word: 'Nghị định', codes: ['ND'], lang: 'vi' },
  { word: 'Quyết định', codes: ['QD'], lang: 'vi' },
  { word: 'Chỉ thị', codes: ['CT'], lang: 'vi' },
  { word: 'Kết luận', codes: ['KL'], lang: 'vi' },
  { word: 'Thông báo', codes: ['TB'], lang: 'vi' },
  { word: 'Quy định', codes: ['QDI', 'QD'], lang: 'vi' },
  { word: 'Quy chế', codes: ['QC'], lang: 'vi' },
  { word: 'Hướng dẫn', codes: ['HD'], lang: 'vi' },
  { word: 'Thông tư', codes: ['TT'], lang: 'vi' },
  { word: 'Thông tư liên tịch', codes: ['TTLT'], lang: 'vi' },
  { word: 'Luật', codes: ['L'], lang: 'vi' },
  { word: 'Pháp lệnh', codes: ['PL'], lang: 'vi' },
  { word: 'Kế hoạch', codes: ['KH'], lang: 'vi' },
  { word: 'Chương trình', codes: ['CTR'], lang: 'vi' },
  { word: 'Báo cáo', codes: ['BC'], lang: 'vi' },
  { word: 'Tờ trình', codes: ['TTR'], lang: 'vi' },
  { word: 'Công văn', codes: ['CV'], lang: 'vi' },
  { word: 'Công điện', codes: ['CD'], lang: 'vi' },
  { word: 'Đề án', codes: ['DA'], lang: 'vi' },
];
