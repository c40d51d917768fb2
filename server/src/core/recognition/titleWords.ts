// Built-in titles that introduce officials. Together with the titles of the glossary's roles they give a
// name its title context (`Prime Minister Pham Minh Chinh`) and let the engine propose officials the
// glossary lacks (`Deputy Prime Minister Ho Duc Phoc`).

/** English titles written before a name. Matched in any case and without regard to diacritics. */
export const DEFAULT_TITLES: readonly string[] = [
  'General Secretary',
  'Party General Secretary',
  'Party chief',
  'President',
  'State President',
  'Vice President',
  'Vice State President',
  'Prime Minister',
  'Deputy Prime Minister',
  'Permanent Deputy Prime Minister',
  'Acting Prime Minister',
  'Premier',
  'Minister',
  'Deputy Minister',
  'Vice Minister',
  'Foreign Minister',
  'Deputy Foreign Minister',
  'Vice Foreign Minister',
  'Permanent Deputy Foreign Minister',
  'Minister of Foreign Affairs',
  'Deputy Minister of Foreign Affairs',
  'Permanent Deputy Minister of Foreign Affairs',
  'Defence Minister',
  'Defense Minister',
  'Minister of National Defence',
  'Minister of National Defense',
  'Public Security Minister',
  'Minister of Public Security',
  'Trade Minister',
  'Minister of Industry and Trade',
  'Finance Minister',
  'Minister of Finance',
  'Chairman',
  'Chairwoman',
  'Vice Chairman',
  'Vice Chairwoman',
  'National Assembly Chairman',
  'National Assembly Chairwoman',
  'National Assembly Vice Chairman',
  'National Assembly Vice Chairwoman',
  'Chairman of the National Assembly',
  'Chairwoman of the National Assembly',
  'Ambassador',
  'Deputy Ambassador',
  'Ambassador-designate',
  'Consul General',
  'Consul-General',
  'Special Envoy',
  'Envoy',
  'Secretary-General',
  'Secretary General',
  'Deputy Secretary-General',
  'UN Secretary-General',
  'ASEAN Secretary-General',
  'Secretary of State',
  'Spokesperson',
  'Spokesman',
  'Spokeswoman',
  'Foreign Ministry Spokesperson',
  'Foreign Ministry spokesperson',
  'Director',
  'Director-General',
  'Director General',
  'Deputy Director-General',
  'Chancellor',
  'King',
  'Queen',
  'Sultan',
  'Governor',
  'Mayor',
  'Senator',
  'Commissioner',
  'High Commissioner',
  'Chief Justice',
  'General',
  'Lieutenant General',
  'Senior Lieutenant General',
  'Major General',
  'Admiral',
  'Party Secretary',
];

/** Vietnamese titles written before a name. Matched in any case but only with their diacritics. */
export const VIETNAMESE_TITLES: readonly string[] = [
  'Tổng Bí thư',
  'Chủ tịch nước',
  'Phó Chủ tịch nước',
  'Thủ tướng',
  'Thủ tướng Chính phủ',
  'Phó Thủ tướng',
  'Phó Thủ tướng Chính phủ',
  'Phó Thủ tướng Thường trực',
  'Chủ tịch Quốc hội',
  'Phó Chủ tịch Quốc hội',
  'Thường trực Ban Bí thư',
  'Bộ trưởng',
  'Thứ trưởng',
  'Thứ trưởng Thường trực',
  'Bộ trưởng Ngoại giao',
  'Thứ trưởng Ngoại giao',
  'Bộ trưởng Bộ Ngoại giao',
  'Thứ trưởng Bộ Ngoại giao',
  'Thứ trưởng Thường trực Bộ Ngoại giao',
  'Bộ trưởng Bộ Quốc phòng',
  'Bộ trưởng Bộ Công an',
  'Chủ tịch',
  'Phó Chủ tịch',
  'Bí thư',
  'Bí thư Thành ủy',
  'Bí thư Tỉnh ủy',
  'Đại sứ',
  'Phó Đại sứ',
  'Tổng Lãnh sự',
  'Người phát ngôn',
  'Người Phát ngôn Bộ Ngoại giao',
  'Đại tướng',
  'Thượng tướng',
  'Trung tướng',
  'Thiếu tướng',
  'Tổng Thư ký',
  'Trưởng ban',
  'Phó Trưởng ban',
  'Chủ nhiệm',
];

/**
 * Vietnamese forms of address before a name: `đồng chí` (comrade), `ông` (Mr), `bà` (Ms). They give a
 * short name its context in Vietnamese text but are not titles to check against roles.
 */
export const VIETNAMESE_HONORIFICS: readonly string[] = ['đồng chí', 'ông', 'bà'];

/** Words before a title that make it a past one: `former`, `the late`, `then-`, `ex-`, `nguyên`, `cố`. */
export const HISTORICAL_PREFIXES: readonly string[] = ['former', 'late', 'then', 'ex', 'nguyên', 'cố'];

/** Titles after which `to <Country>` may stand before the name: `Ambassador to Vietnam Caroline Beresford`. */
export const TITLES_WITH_POSTING = new Set(['ambassador', 'envoy', 'consul', 'representative', 'designate']);

/** Two-word country names that can follow `Ambassador to`. */
export const TWO_WORD_COUNTRIES = new Set([
  'new zealand',
  'south africa',
  'south korea',
  'north korea',
  'united states',
  'united kingdom',
  'saudi arabia',
  'sri lanka',
  'costa rica',
  'el salvador',
  'czech republic',
  'united nations',
  'timor leste',
  'papua new',
]);

/** English words that are no part of a name (but may be Vietnamese syllables: `An`, `The` stand in names). */
const ENGLISH_FUNCTION_WORDS = [
  'the', 'a', 'an', 'of', 'and', 'or', 'in', 'on', 'at', 'for', 'by', 'with', 'from', 'as', 'this', 'that', 'these',
  'his', 'her', 'their', 'its', 'our', 'he', 'she', 'they', 'we', 'it', 'who', 'which', 'said', 'says', 'told', 'also',
];

/**
 * Capitalised words that do not start or continue a person's name after a title, so that
 * `President Palace Tuesday` or `General Assembly` are not proposed as officials.
 */
export const INSTITUTION_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'assembly', 'committee', 'council', 'party', 'government', 'state', 'national', 'ministry', 'department', 'office',
  'palace', 'house', 'secretariat', 'politburo', 'congress', 'conference', 'forum', 'summit', 'session', 'meeting',
  'university', 'agency', 'bank', 'union', 'association', 'organization', 'organisation', 'commission', 'court', 'army',
  'embassy', 'consulate', 'delegation', 'province', 'city', 'district', 'people', 'peoples', 'republic', 'kingdom',
  'street', 'road', 'avenue', 'square', 'bridge', 'park', 'hall', 'building', 'centre', 'center', 'station', 'airport',
  'port', 'lake', 'river', 'mountain', 'island', 'islands', 'ward', 'commune', 'village', 'hotel', 'temple', 'pagoda',
  'vietnam', 'china', 'japan', 'russia', 'india', 'france', 'germany', 'laos', 'cambodia', 'thailand',
  'photo', 'source', 'news', 'times', 'vna', 'vgp', 'staff', 'affairs', 'foreign', 'defence', 'defense', 'security',
  'trade', 'finance', 'justice', 'health', 'education', 'labour', 'labor', 'culture', 'science', 'technology', 'public',
  'general', 'central', 'prime', 'minister', 'deputy', 'vice', 'president', 'secretary', 'chairman', 'chairwoman',
  'ambassador', 'director', 'head', 'chief', 'member', 'members', 'mr', 'mrs', 'ms', 'dr', 'sir', 'madam',
]);

/** Words that are no part of a name in English text. */
export const NOT_NAME_WORDS = new Set([...ENGLISH_FUNCTION_WORDS, ...INSTITUTION_WORDS]);

/** Lower-case particles allowed inside a name: `Ursula von der Leyen`, `Aldo de Luca`. */
export const NAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'del', 'la', 'le', 'bin', 'binti', 'al', 'dos', 'das', 'ter']);

/**
 * Vietnamese family names: in Vietnamese text an unknown official is proposed only when the name after
 * the title starts with one (this skips the ministry in `Bộ trưởng Bộ Công Thương ...`). Folded.
 */
export const VIETNAMESE_SURNAMES = new Set([
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho', 'ngo', 'duong', 'ly',
  'dao', 'doan', 'dinh', 'luong', 'mai', 'truong', 'to', 'lam', 'ha', 'cao', 'chu', 'ta', 'thai', 'trieu', 'quach', 'lai',
  'nong', 'chau', 'than', 'vuong', 'la', 'kieu', 'ton', 'trinh', 'tang', 'khong', 'luu', 'giang', 'hua', 'tong', 'bach',
  'lu', 'mac', 'van', 'lo', 'quan', 'hau', 'khuat', 'kim', 'dam', 'ong', 'phung', 'thach', 'tieu', 'u', 'y', 'son',
]);
