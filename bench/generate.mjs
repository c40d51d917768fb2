#!/usr/bin/env node
// Deterministic generator of a synthetic policy workspace and its glossary (format v1).
//
//   node bench/generate.mjs [--entries N] [--documents N] [--bytes N] [--seed S] [--universe N] [--out DIR]
//
// The glossary is a prefix of one "universe" of entries: the 1k glossary is the first 1,000 entries of
// the 10k one, which is the first 10,000 of the 100k one. Documents mention entries of the whole
// universe (most often the first thousand), so that one corpus serves every glossary size, and a
// smaller glossary meets mentions it lacks, as a real one does. One entry (the first) is mentioned
// exactly once in every regular document: the "hot" entry for the references figure.
//
// Without --out, outputs go to a cache directory outside the repository (POLICY_GLOSS_BENCH_CACHE, or
// the system temp directory) and are reused when present.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRandom } from './lib/random.mjs';
import * as V from './lib/vocab.mjs';

/** Bump when the output changes, so that caches are rebuilt. */
export const GENERATOR_VERSION = 4;
export const DEFAULT_SEED = 'policy-gloss';
/** Entries per glossary file: large glossaries are split, as users split them (a file is read whole). */
export const ENTRIES_PER_FILE = 25_000;
/** The size of the large open document of the keystroke figure. */
export const BIG_DOCUMENT_BYTES = 1_000_000;

export function benchCacheDir() {
  return process.env.POLICY_GLOSS_BENCH_CACHE ?? join(tmpdir(), 'policy-gloss-bench');
}

// --- text helpers ---------------------------------------------------------------------------------

export function ascii(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

const foldKey = (text) => ascii(text).toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();

function slug(text) {
  return ascii(text).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

const titleCase = (text) => text.replace(/(^|[\s-])(\p{Ll})/gu, (_, sep, ch) => sep + ch.toUpperCase());
const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);

function ordinal(n) {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

const pad2 = (n) => String(n).padStart(2, '0');
const countryBare = (country) => country.replace(/^the /, '');

function isoDate(random, fromYear, toYear, precision) {
  const year = random.between(fromYear, toYear);
  const p = precision ?? random.weighted([['year', 2], ['month', 3], ['day', 5]]);
  if (p === 'year') return String(year);
  if (p === 'month') return `${year}-${pad2(random.between(1, 12))}`;
  return `${year}-${pad2(random.between(1, 12))}-${pad2(random.between(1, 28))}`;
}

// --- the universe of entries ----------------------------------------------------------------------

/** Entries everyone writes about, then generated ones. Index 0 is the hot entry. */
function fixedEntries() {
  return [
    { id: 'ministry-of-foreign-affairs', kind: 'organization', name: 'Ministry of Foreign Affairs', aliases: ['MOFA'], hot: true },
    {
      id: 'to-lam', kind: 'official', name: 'Tô Lâm', aliases: ['To Lam'],
      roles: [
        { title: 'General Secretary', native: 'Tổng Bí thư', from: '2024-08-03' },
        { title: 'Minister of Public Security', native: 'Bộ trưởng Bộ Công an', from: '2016-04-09', to: '2024-06-06' },
      ],
    },
    { id: 'luong-cuong', kind: 'official', name: 'Lương Cường', aliases: ['Luong Cuong'], roles: [{ title: 'State President', native: 'Chủ tịch nước', from: '2024-10-21' }] },
    { id: 'pham-minh-chinh', kind: 'official', name: 'Phạm Minh Chính', aliases: ['Pham Minh Chinh'], roles: [{ title: 'Prime Minister', native: 'Thủ tướng Chính phủ', from: '2021-04-05' }] },
    {
      id: 'nguyen-manh-cuong', kind: 'official', name: 'Nguyễn Mạnh Cường', aliases: ['Nguyen Manh Cuong'], short: ['Cuong'],
      roles: [{ title: 'Deputy Minister of Foreign Affairs', native: 'Thứ trưởng Bộ Ngoại giao', from: '2021' }],
    },
    { id: 'le-hoai-trung', kind: 'official', name: 'Lê Hoài Trung', aliases: ['Le Hoai Trung'], roles: [{ title: 'Minister of Foreign Affairs', native: 'Bộ trưởng Bộ Ngoại giao', from: '2025-10' }] },
    {
      id: 'resolution-59-nq-tw', kind: 'resolution', name: 'Resolution on international integration in the new situation',
      number: '59-NQ/TW', issuer: 'Politburo', date: '2025-01-24', summary: 'Sets **international integration** as a key driver of national development.',
    },
    { id: 'strategic-autonomy', kind: 'term', name: 'strategic autonomy', native: 'tự chủ chiến lược', status: 'preferred' },
    { id: 'bamboo-diplomacy', kind: 'term', name: 'bamboo diplomacy', native: 'ngoại giao cây tre', status: 'preferred' },
    { id: 'asean', kind: 'organization', name: 'Association of Southeast Asian Nations', aliases: ['ASEAN'] },
    { id: 'united-nations', kind: 'organization', name: 'United Nations', aliases: ['UN'] },
    { id: 'communist-party-of-vietnam', kind: 'organization', name: 'Communist Party of Vietnam', aliases: ['CPV'] },
    { id: 'party-congress-14', kind: 'event', name: '14th National Party Congress', date: '2026-01-19' },
  ];
}

const KIND_WEIGHTS = [['official', 30], ['document', 15], ['term', 25], ['organization', 12], ['agreement', 6], ['event', 7], ['place', 5]];

const ROLE_MAKERS = [
  [(r) => { const m = r.pick(V.MINISTRIES); return { title: `Deputy Minister of ${m[0]}`, native: `Thứ trưởng Bộ ${m[1]}` }; }, 5],
  [(r) => { const m = r.pick(V.MINISTRIES); return { title: `Minister of ${m[0]}`, native: `Bộ trưởng Bộ ${m[1]}` }; }, 2],
  [(r) => { const c = r.pick(V.COUNTRIES); return { title: `Ambassador to ${c[0]}`, native: `Đại sứ tại ${c[1]}` }; }, 4],
  [(r) => { const p = r.pick(V.PROVINCES); return { title: `Chairman of the ${p} People’s Committee`, native: `Chủ tịch UBND tỉnh ${p}` }; }, 3],
  [(r) => { const p = r.pick(V.PROVINCES); return { title: `Secretary of the ${p} Party Committee`, native: `Bí thư Tỉnh ủy ${p}` }; }, 3],
  [() => ({ title: 'Vice Chairman of the National Assembly', native: 'Phó Chủ tịch Quốc hội' }), 1],
  [() => ({ title: 'Deputy Prime Minister', native: 'Phó Thủ tướng' }), 1],
  [(r) => { const t = r.pick(V.TERM_NOUNS); return { title: `Director-General of the Department of ${titleCase(t[0])}`, native: `Cục trưởng Cục ${capitalise(t[1])}` }; }, 2],
  [(r) => { const m = r.pick(V.MINISTRIES); return { title: `Spokesperson of the Ministry of ${m[0]}`, native: `Người phát ngôn Bộ ${m[1]}` }; }, 1],
];

const ORG_NOUNS = [['Studies', 'Nghiên cứu'], ['Research', 'Nghiên cứu'], ['Cooperation', 'Hợp tác'], ['Development', 'Phát triển'],
  ['Policy', 'Chính sách'], ['Training', 'Đào tạo'], ['Promotion', 'Xúc tiến'], ['Exchange', 'Giao lưu'], ['Affairs', 'Các vấn đề']];
const SMALL_WORDS = new Set(['for', 'of', 'on', 'and', 'the', 'to', 'in', 'with', 'between']);

/**
 * The first `count` entries of the universe of `seed`. Generated one after another from one random
 * stream, so that any prefix is the same whatever the count.
 */
export function buildUniverse(seed, count) {
  // Any prefix is the same whatever the count: a larger universe built before serves smaller ones.
  const known = builtUniverses.get(seed);
  if (known && known.length >= count) return known.slice(0, count);
  const built = buildUniverseFresh(seed, count);
  builtUniverses.set(seed, built);
  return built.slice(0, count);
}

const builtUniverses = new Map();

function buildUniverseFresh(seed, count) {
  const random = createRandom(seed, 'universe', GENERATOR_VERSION);
  const entries = [];
  const ids = new Set();
  const forms = new Set();
  const numbers = new Set();
  const preferredTerms = [];
  const organizations = [];

  const uniqueId = (base) => {
    let id = base || 'entry';
    for (let k = 2; ids.has(id); k++) id = `${base}-${k}`;
    ids.add(id);
    return id;
  };
  /** True (and claims the forms) when none of the written forms is taken yet. */
  const claim = (...written) => {
    const keys = written.filter(Boolean).map(foldKey);
    if (keys.some((k) => forms.has(k)) || new Set(keys).size !== keys.length) return false;
    for (const k of keys) forms.add(k);
    return true;
  };
  const add = (entry) => {
    entry.index = entries.length;
    entry.aliases ??= [];
    entry.roles ??= [];
    entry.related ??= [];
    entries.push(entry);
    if (entry.kind === 'term' && entry.status === 'preferred') preferredTerms.push(entry.id);
    if (entry.kind === 'organization') organizations.push(entry.id);
  };

  for (const fixed of fixedEntries()) {
    if (entries.length >= count) return entries;
    ids.add(fixed.id);
    claim(fixed.name, ...(fixed.aliases ?? []), fixed.native);
    const entry = { ...fixed };
    if (fixed.number) {
      numbers.add(normalizeNumber(fixed.number));
      entry.docType = V.DOCUMENT_TYPES[0];
    }
    add(entry);
  }

  const makers = {
    official() {
      for (let attempt = 0; ; attempt++) {
        const middles = random.chance(0.3) || attempt > 20 ? 2 : 1;
        const parts = [random.pick(V.SURNAMES)];
        for (let k = 0; k < middles; k++) parts.push(random.pick(V.MIDDLE_NAMES));
        if (attempt > 40) parts.push(random.pick(V.MIDDLE_NAMES));
        parts.push(random.pick(V.GIVEN_NAMES));
        const name = parts.join(' ');
        const alias = ascii(name);
        if (!claim(name)) continue;
        forms.add(foldKey(alias));
        const roles = [];
        const roleCount = random.weighted([[1, 5], [2, 4], [3, 1]]);
        let year = random.between(2004, 2016);
        for (let k = 0; k < roleCount; k++) {
          const role = random.weighted(ROLE_MAKERS)(random);
          if (roles.some((r) => r.title === role.title)) continue;
          role.from = isoDate(random, year, year);
          if (k < roleCount - 1) {
            year += random.between(1, 4);
            role.to = isoDate(random, year, year);
          }
          roles.push(role);
        }
        // Newest role first, as users write them.
        roles.reverse();
        const entry = { kind: 'official', name, aliases: alias !== name ? [alias] : [], roles, id: uniqueId(slug(name)) };
        if (random.chance(0.1)) entry.short = [name.split(' ').pop()];
        if (random.chance(0.25)) entry.summary = random.pick([
          'Member of the Party Central Committee.',
          'Career diplomat; served in several embassies in Asia and Europe.',
          'Previously worked in provincial administration.',
          'Led negotiations on several trade and investment agreements.',
        ]);
        if (organizations.length > 0 && random.chance(0.15)) entry.related = [random.pick(organizations)];
        return entry;
      }
    },
    document() {
      const type = random.weighted(V.DOCUMENT_TYPES.map((t) => [t, t.weight]));
      let number;
      let year;
      for (let attempt = 0; ; attempt++) {
        const spread = 1 + Math.floor(attempt / 8);
        year = random.between(2008, 2025);
        if (type.system === 'party') {
          const n = random.between(1, 400 * spread);
          number = `${pad2(n)}-${type.code}/${type.issuer}`;
        } else if (type.issuer === 'QH15') {
          year = random.between(2021, 2025);
          number = `${random.between(1, 300 * spread)}/${year}/QH15`;
        } else if (type.issuer === 'CP' && type.code === 'NĐ') {
          number = `${random.between(1, 350 * spread)}/${year}/NĐ-CP`;
        } else if (type.code === 'TT') {
          number = `${pad2(random.between(1, 40 * spread))}/${year}/TT-${type.issuer}`;
        } else {
          number = `${random.between(1, 2500 * spread)}/${type.code}-${type.issuer}`;
        }
        const key = normalizeNumber(number);
        if (numbers.has(key)) continue;
        numbers.add(key);
        break;
      }
      let name;
      for (let attempt = 0; ; attempt++) {
        const horizon = random.pick(V.TOPIC_HORIZONS);
        name = `${type.word} on ${random.pick(V.TOPIC_ACTIONS)} ${random.pick(V.TOPIC_OBJECTS)}${horizon ? ` ${horizon}` : ''}`;
        if (attempt > 30) name = `${type.word} No. ${number} on ${random.pick(V.TOPIC_OBJECTS)}`;
        if (claim(name)) break;
      }
      const entry = { kind: type.kind, name, number, issuer: type.issuerName, date: `${year}-${pad2(random.between(1, 12))}-${pad2(random.between(1, 28))}`, id: uniqueId(slug(`${type.word} ${number}`)) };
      entry.docType = type;
      if (random.chance(0.4)) entry.summary = `Sets out tasks and solutions for ${random.pick(V.TOPIC_OBJECTS)}.`;
      return entry;
    },
    term() {
      for (;;) {
        const noun = random.pick(V.TERM_NOUNS);
        const mod = random.pick(V.TERM_MODIFIERS);
        const second = random.chance(0.35) ? random.pick(V.TERM_MODIFIERS) : undefined;
        if (second && second === mod) continue;
        const name = `${second ? `${second[0]} ` : ''}${mod[0]} ${noun[0]}`;
        const native = `${noun[1]} ${mod[1]}${second ? ` ${second[1]}` : ''}`;
        const variant = name.includes('defence') ? name.replace('defence', 'defense') : name.includes('centred') ? name.replace('centred', 'centered') : undefined;
        if (!claim(name, native, variant)) continue;
        const status = random.weighted([['preferred', 55], ['admitted', 35], ['deprecated', 10]]);
        const entry = { kind: 'term', name, native, aliases: variant ? [variant] : [], id: uniqueId(slug(name)), status };
        if (status === 'deprecated') {
          if (preferredTerms.length === 0) entry.status = 'preferred';
          else entry.use = random.pick(preferredTerms);
        }
        if (random.chance(0.4)) entry.summary = `The ${noun[0]} of ${random.pick(V.TOPIC_OBJECTS)}, as used in Party and State documents.`;
        if (random.chance(0.03)) entry.case = 'sensitive';
        return entry;
      }
    },
    organization() {
      for (;;) {
        const type = random.pick(V.ORGANIZATION_TYPES);
        const mod = random.pick(V.TERM_MODIFIERS);
        const noun = random.pick(ORG_NOUNS);
        const prefix = random.chance(0.3) ? `${random.pick(V.PROVINCES)} ` : random.chance(0.2) ? `Vietnam–${countryBare(random.pick(V.COUNTRIES)[0])} ` : '';
        const name = `${prefix}${type[0]} ${titleCase(mod[0])} ${noun[0]}`;
        const words = name.split(/[\s–-]+/).filter((w) => w && !SMALL_WORDS.has(w.toLowerCase()));
        let acronym = random.chance(0.5) ? ascii(words.map((w) => w[0]).join('')).toUpperCase() : undefined;
        if (acronym && (acronym.length < 3 || acronym.length > 6 || forms.has(foldKey(acronym)))) acronym = undefined;
        const native = random.chance(0.3) ? `${type[1]} ${noun[1]} ${mod[1]}` : undefined;
        if (!claim(name, native)) continue;
        // Acronyms are written in capitals: they may share letters with a term, not with another acronym.
        if (acronym) forms.add(foldKey(acronym));
        const entry = { kind: 'organization', name, aliases: acronym ? [acronym] : [], id: uniqueId(slug(name)) };
        if (native) entry.native = native;
        return entry;
      }
    },
    agreement() {
      for (;;) {
        const country = random.pick(V.COUNTRIES);
        const type = random.pick(V.AGREEMENT_TYPES);
        const name = type.endsWith(' on')
          ? `${type} ${random.pick(V.TOPIC_OBJECTS)} between Vietnam and ${country[0]}`
          : `Vietnam–${countryBare(country[0])} ${type}`;
        if (!claim(name)) continue;
        const entry = { kind: 'agreement', name, id: uniqueId(slug(name)), date: isoDate(random, 1995, 2025, 'day') };
        if (random.chance(0.3)) entry.case = 'insensitive';
        return entry;
      }
    },
    event() {
      for (;;) {
        const country = random.pick(V.COUNTRIES);
        const n = random.between(1, 40);
        const name = `${ordinal(n)} Vietnam–${countryBare(country[0])} ${random.pick(V.EVENT_TYPES)}`;
        if (!claim(name)) continue;
        return { kind: 'event', name, id: uniqueId(slug(name)), date: isoDate(random, 1995, 2026, 'day') };
      }
    },
    place() {
      for (let attempt = 0; ; attempt++) {
        const shape = random.next();
        let name =
          shape < 0.4
            ? `${random.pick(V.LOCALITIES)} ${random.pick(V.PLACE_FEATURES)}`
            : shape < 0.7
              ? `${random.pick(V.LOCALITIES)}–${random.pick(V.LOCALITIES)} ${random.pick(['Expressway', 'Railway', 'Transmission Line'])}`
              : `${random.pick(V.LOCALITIES)} ${random.pick(V.PLACE_FEATURES)}, ${random.pick(V.PROVINCES)}`;
        if (attempt > 50) name = `${name} No. ${random.between(2, 99)}`;
        const alias = ascii(name);
        if (!claim(name)) continue;
        forms.add(foldKey(alias));
        return { kind: 'place', name, aliases: alias !== name ? [alias] : [], id: uniqueId(slug(name)) };
      }
    },
  };

  while (entries.length < count) add(makers[random.weighted(KIND_WEIGHTS)]());
  // (Each maker retries until its forms are unique; the word lists leave room for far more than 100k.)
  return entries;
}

/** The comparison key of a document number: no spaces, `Đ` as `D`, upper case. */
function normalizeNumber(number) {
  return ascii(number).toUpperCase().replace(/\s+/g, '').replace(/[‐-―]/g, '-').replace(/(^|[^0-9])0+(?=\d)/g, '$1');
}

// --- glossary files -------------------------------------------------------------------------------

const PLAIN_BLOCK = /^[\p{L}\p{N}][^\n#:"'[\]{}|>&*!%@`]*$/u;
const PLAIN_FLOW = /^[\p{L}\p{N}][^\n#:"'[\]{},|>&*!%@`]*$/u;
const RESERVED = /^(true|false|null|yes|no|on|off|~|[-+]?[0-9][0-9_.:]*)$/i;

function yamlBlock(value) {
  return PLAIN_BLOCK.test(value) && !RESERVED.test(value) && !/\s$/.test(value) ? value : JSON.stringify(value);
}

function yamlFlow(value) {
  return PLAIN_FLOW.test(value) && !RESERVED.test(value) && !/\s$/.test(value) ? value : JSON.stringify(value);
}

/** One glossary file in format v1, block style, as a user would keep it (dates unquoted, as users write them). */
export function renderGlossary(entries, title) {
  const lines = ['# Synthetic glossary for the benchmarks (generated).', `title: ${yamlBlock(title)}`, '', 'entries:'];
  let lastKind;
  for (const e of entries) {
    if (e.kind !== lastKind) {
      lines.push(`  # ${e.kind}`);
      lastKind = e.kind;
    }
    lines.push(`  - id: ${e.id}`, `    kind: ${e.kind}`, `    name: ${yamlBlock(e.name)}`);
    if (e.aliases.length > 0) lines.push(`    aliases: [${e.aliases.map(yamlFlow).join(', ')}]`);
    if (e.native) lines.push(`    native: ${yamlBlock(e.native)}`);
    if (e.short) lines.push(`    short: [${e.short.map(yamlFlow).join(', ')}]`);
    if (e.roles.length > 0) {
      lines.push('    roles:');
      for (const role of e.roles) {
        lines.push(`      - title: ${yamlBlock(role.title)}`);
        if (role.native) lines.push(`        native: ${yamlBlock(role.native)}`);
        if (role.from) lines.push(`        from: ${role.from}`);
        if (role.to) lines.push(`        to: ${role.to}`);
      }
    }
    if (e.number) lines.push(`    number: ${yamlBlock(e.number)}`);
    if (e.issuer) lines.push(`    issuer: ${yamlBlock(e.issuer)}`);
    if (e.date) lines.push(`    date: ${e.date}`);
    if (e.status) lines.push(`    status: ${e.status}`);
    if (e.use) lines.push(`    use: ${e.use}`);
    if (e.case) lines.push(`    case: ${e.case}`);
    if (e.summary) lines.push(`    summary: ${yamlBlock(e.summary)}`);
    if (e.related.length > 0) lines.push(`    related: [${e.related.join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

/** The default short forms of an official: the last word of the name and of each alias. */
function shortForms(entry) {
  if (entry.short) return entry.short;
  if (entry.kind !== 'official') return [];
  const out = [];
  for (const written of [entry.name, ...entry.aliases]) {
    const words = written.trim().split(/\s+/);
    if (words.length >= 2 && !out.includes(words[words.length - 1])) out.push(words[words.length - 1]);
  }
  return out;
}

/** Every written form of the glossary, one per line, for `grep -F -f`. */
export function renderForms(entries) {
  const forms = new Set();
  for (const e of entries) {
    for (const form of [e.name, ...e.aliases, e.native, e.number, ...shortForms(e)]) if (form) forms.add(form);
  }
  return `${[...forms].join('\n')}\n`;
}

/** Writes the glossary files of `entries` under `dir`; returns their paths relative to `dir`. */
function writeGlossaryFiles(dir, entries) {
  const files = [];
  const parts = Math.max(1, Math.ceil(entries.length / ENTRIES_PER_FILE));
  for (let k = 0; k < parts; k++) {
    const slice = entries.slice(k * ENTRIES_PER_FILE, (k + 1) * ENTRIES_PER_FILE);
    const name = parts === 1 ? 'policy.glossary.yaml' : `policy-${String(k + 1).padStart(2, '0')}.glossary.yaml`;
    const title = parts === 1 ? `Benchmark glossary (${entries.length} entries)` : `Benchmark glossary, part ${k + 1} of ${parts}`;
    writeFileSync(join(dir, name), renderGlossary(slice, title));
    files.push(name);
  }
  return files;
}

// --- documents ------------------------------------------------------------------------------------

/** Text with the places of the mentions written into it. */
class TextBuilder {
  constructor() {
    this.parts = [];
    this.length = 0;
    /** UTF-8 bytes so far. */
    this.bytes = 0;
    this.mentions = [];
  }
  add(text) {
    this.parts.push(text);
    this.length += text.length;
    this.bytes += Buffer.byteLength(text);
    return this;
  }
  /** Adds a mention of entry `index` written as `text` (`match`: name, alias, native, short, number, annotation). */
  mention(text, index, match) {
    this.mentions.push([this.length, text.length, index, match]);
    return this.add(text);
  }
  toString() {
    return this.parts.join('');
  }
}

const BANDS = [[0.55, 1, 1000], [0.3, 1000, 10_000], [0.15, 10_000, Infinity]];

/** Writes the sentences of one document (or one section of the large document) about a cast of entries. */
class DocumentWriter {
  constructor(random, universe, kindIndex) {
    this.random = random;
    this.universe = universe;
    this.kindIndex = kindIndex;
  }

  /** An entry of `kind` from the universe, most often among the first thousand. */
  pickEntry(kind) {
    const r = this.random;
    const list = this.kindIndex.get(kind);
    for (let attempt = 0; attempt < 20; attempt++) {
      const x = r.next();
      let acc = 0;
      let band = BANDS[BANDS.length - 1];
      for (const b of BANDS) {
        acc += b[0];
        if (x < acc) {
          band = b;
          break;
        }
      }
      const lo = lowerBound(list, band[1]);
      const hi = lowerBound(list, Math.min(band[2], this.universe.length));
      if (hi <= lo) continue;
      // Within the band, earlier entries are mentioned more often.
      const at = lo + Math.floor((hi - lo) * r.next() ** 1.6);
      return this.universe[list[at]];
    }
    return this.universe[list[list.length - 1]];
  }

  /** Starts a new cast (a new document or section). */
  cast(style) {
    const r = this.random;
    const pickMany = (kind, lo, hi) => {
      const out = [];
      const n = r.between(lo, hi);
      for (let k = 0; k < n; k++) {
        const e = this.pickEntry(kind);
        if (e && !e.hot && !out.includes(e)) out.push(e);
      }
      return out;
    };
    this.style = style;
    this.officials = pickMany('official', 2, 6);
    this.terms = pickMany('term', 2, 5);
    this.documents = pickMany('document', 1, 4);
    this.organizations = pickMany('organization', 1, 3);
    this.others = [...pickMany('agreement', 0, 1), ...pickMany('event', 0, 1), ...pickMany('place', 0, 1)];
    this.introduced = new Set();
    this.citedDocuments = new Set();
    this.unknownName = undefined;
  }

  official(b, forceFull = false) {
    const r = this.random;
    const o = r.pick(this.officials);
    if (this.introduced.has(o) && !forceFull && r.chance(0.75)) {
      const short = shortForms(o);
      const written = this.style.ascii ? short[short.length - 1] : short[0];
      if (written && r.chance(0.3)) b.add(r.pick(['Mr ', 'Mr. ', 'Ms ']));
      return b.mention(written, o.index, 'short');
    }
    this.introduced.add(o);
    if (o.roles.length > 0 && r.chance(0.7)) {
      const role = r.chance(0.85) ? o.roles[0] : r.pick(o.roles);
      b.add(`${role.title} `);
    }
    if (this.style.annotate && r.chance(0.05)) return b.mention(`[[${o.id}]]`, o.index, 'annotation');
    const useAlias = this.style.ascii && o.aliases.length > 0;
    return b.mention(useAlias ? o.aliases[0] : o.name, o.index, useAlias ? 'alias' : 'name');
  }

  officialVi(b) {
    const r = this.random;
    const o = r.pick(this.officials);
    const role = o.roles[0];
    if (this.introduced.has(o) && r.chance(0.6)) {
      b.add(role?.native ? `${role.native.split(' ').slice(0, 2).join(' ')} ` : r.pick(['ông ', 'bà ']));
      return b.mention(o.name.split(' ').pop(), o.index, 'short');
    }
    this.introduced.add(o);
    if (role?.native) b.add(`${role.native} `);
    return b.mention(o.name, o.index, 'name');
  }

  term(b, headline = false) {
    const t = this.random.pick(this.terms);
    const written = t.case === 'sensitive' ? t.name : headline ? t.name.toUpperCase() : t.aliases.length > 0 && this.random.chance(0.3) ? t.aliases[0] : t.name;
    return b.mention(written, t.index, written === t.aliases[0] ? 'alias' : 'name');
  }

  termVi(b) {
    const t = this.random.pick(this.terms);
    return t.native ? b.mention(t.native, t.index, 'native') : b.mention(t.name, t.index, 'name');
  }

  document(b, lang = 'en') {
    const r = this.random;
    const d = r.pick(this.documents);
    const type = d.docType;
    const numberText = r.chance(0.1) ? ascii(d.number) : d.number;
    if (lang === 'vi') {
      b.add(`${type.native} số `);
      return b.mention(numberText, d.index, 'number');
    }
    const serial = d.number.split(/[-/]/)[0];
    if (this.citedDocuments.has(d) && type.system === 'party' && type.code === 'NQ' && r.chance(0.3)) {
      return b.mention(`Resolution ${serial}`, d.index, 'number');
    }
    this.citedDocuments.add(d);
    b.add(r.pick([`${type.word} No. `, `${type.word} `, `${type.word} No.`, '']));
    return b.mention(numberText, d.index, 'number');
  }

  organization(b) {
    const o = this.random.pick(this.organizations);
    if (o.aliases.length > 0 && this.random.chance(0.4)) return b.mention(o.aliases[0], o.index, 'alias');
    return b.mention(o.name, o.index, 'name');
  }

  other(b) {
    if (this.others.length === 0) return this.organization(b);
    const o = this.random.pick(this.others);
    const useAlias = o.aliases.length > 0 && this.style.ascii;
    return b.mention(useAlias ? o.aliases[0] : o.name, o.index, useAlias ? 'alias' : 'name');
  }

  /** An official the glossary does not know (a candidate for "add to glossary"). */
  unknownOfficial(b) {
    const r = this.random;
    if (!this.unknownName) {
      const name = `${r.pick(V.SURNAMES)} ${r.pick(V.MIDDLE_NAMES)} ${r.pick(V.MIDDLE_NAMES)} ${r.pick(V.GIVEN_NAMES)}`;
      this.unknownName = this.style.ascii ? ascii(name) : name;
    }
    return b.add(`${r.pick(V.UNKNOWN_TITLES)} ${this.unknownName}`);
  }

  unknownNumber(b) {
    const r = this.random;
    return b.add(r.pick([
      `Decree No. ${r.between(400, 999)}/${r.between(2008, 2025)}/NĐ-CP`,
      `Decision ${r.between(3000, 9999)}/QĐ-TTg`,
      `Directive No. ${r.between(60, 99)}-CT/TW`,
      `Official Letter ${r.between(100, 9999)}/BNG-LPQT`,
    ]));
  }

  country() {
    return this.random.pick(V.COUNTRIES)[0];
  }

  /** One English sentence. */
  sentence(b) {
    const r = this.random;
    const verb = r.pick(V.SPEECH_VERBS);
    switch (r.int(18)) {
      case 0:
        this.official(b, true).add(` ${verb} that Vietnam will continue to pursue `);
        this.term(b).add(' while deepening ');
        return this.term(b).add(' with its partners.');
      case 1:
        this.term(b.add('“We see ')).add(' as a practical path, not a slogan,” ');
        return this.official(b).add(` ${verb}.`);
      case 2:
        this.organization(b.add('Speaking at a meeting with the ')).add(', ');
        this.official(b).add(' called for faster implementation of ');
        return this.document(b).add('.');
      case 3:
        this.document(b.add('Under ')).add(', ministries must complete the review of ');
        return this.term(b).add(' by the end of the year.');
      case 4:
        this.organization(b.add('The ')).add(' has been tasked with drafting guidelines on ');
        return this.term(b).add('.');
      case 5:
        this.document(b).add(' sets out targets for ');
        this.term(b).add(' and ');
        return this.term(b).add('.');
      case 6:
        this.official(b.add('On the same day, ')).add(` received a delegation from ${this.country()} led by `);
        return this.unknownOfficial(b).add('.');
      case 7:
        return this.other(b.add('The two sides discussed preparations for the ')).add('.');
      case 8:
        this.official(b).add('’s proposal on ');
        return this.term(b).add(` was welcomed by partners from ${this.country()} and ${this.country()}.`);
      case 9:
        this.document(b.add('Documents issued this year, including ')).add(' and ');
        return this.unknownNumber(b).add(', give localities more room to act.');
      case 10:
        this.other(b.add('At the ')).add(', delegates reviewed the implementation of ');
        return this.document(b).add('.');
      case 11:
        this.official(b).add(` ${verb} that `);
        return this.term(b).add(` remains central to the country’s approach to ${this.country()}.`);
      case 12:
        this.organization(b.add('The ')).add(' and the ');
        this.organization(b).add(' will co-host a workshop on ');
        return this.term(b).add(' next month.');
      case 13:
        this.official(b.add('According to ')).add(', the results of ');
        return this.term(b).add(' should be measured by concrete projects.');
      case 14:
        this.official(b).add(` ${verb} that `);
        this.term(b).add(' and ');
        return this.term(b).add(' are two pillars of external policy in the coming period.');
      case 15:
        this.official(b).add(` met ${this.country()}’s delegation to discuss `);
        return this.term(b).add('.');
      case 16:
        this.document(b.add('The implementation of ')).add(' was reviewed alongside ');
        return this.document(b).add('.');
      default:
        return b.add(r.pick(V.FILLER_SENTENCES));
    }
  }

  /** One Vietnamese sentence. */
  sentenceVi(b) {
    const r = this.random;
    switch (r.int(5)) {
      case 0:
        this.officialVi(b).add(` ${r.pick(V.VI_VERBS)} `);
        return this.termVi(b).add(' là định hướng lâu dài.');
      case 1:
        this.document(b.add('Theo '), 'vi').add(', các địa phương cần đẩy mạnh ');
        return this.termVi(b).add('.');
      case 2:
        this.officialVi(b).add(' đề nghị hai bên tăng cường ');
        this.termVi(b).add(' và ');
        return this.termVi(b).add('.');
      default:
        return b.add(r.pick(V.VI_FILLER));
    }
  }

  paragraph(b) {
    const r = this.random;
    const n = r.between(2, 6);
    const vi = r.chance(0.08);
    for (let k = 0; k < n; k++) {
      if (k > 0) b.add(' ');
      if (vi) this.sentenceVi(b);
      else if (r.chance(0.45)) b.add(r.pick(V.FILLER_SENTENCES));
      else this.sentence(b);
    }
    return b;
  }

  headline(b) {
    const r = this.random;
    const o = r.pick(this.officials);
    switch (r.int(3)) {
      case 0: {
        const written = (this.style.ascii && o.aliases[0]) || o.name;
        b.mention(written.toUpperCase(), o.index, written === o.name ? 'name' : 'alias').add(` MEETS ${this.country().toUpperCase()} DELEGATION ON `);
        return this.term(b, true);
      }
      case 1: {
        const d = r.pick(this.documents);
        b.add(`${d.docType.word.toUpperCase()} `).mention(d.number, d.index, 'number');
        return b.add(` ON ${r.pick(V.TOPIC_OBJECTS).toUpperCase()}`);
      }
      default:
        b.add('VIETNAM PUSHES ');
        this.term(b, true);
        return b.add(` WITH ${this.country().toUpperCase()}`);
    }
  }
}

function lowerBound(list, value) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Hard-wraps a paragraph at about `width` columns by turning spaces into line breaks (offsets stay). */
function wrap(text, width) {
  const chars = text.split('');
  let column = 0;
  let lastSpace = -1;
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '\n') {
      column = 0;
      lastSpace = -1;
      continue;
    }
    if (chars[i] === ' ') lastSpace = i;
    column++;
    if (column > width && lastSpace >= 0) {
      chars[lastSpace] = '\n';
      column = i - lastSpace;
      lastSpace = -1;
    }
  }
  return chars.join('');
}

const HOT_SENTENCES = [
  ['A spokesperson for the ', ' said the matter was under review.'],
  ['The ', ' will brief foreign correspondents on the outcome.'],
  ['Details were posted on the website of the ', '.'],
  ['The statement was released by the ', ' late in the evening.'],
];

/**
 * One document: its text and the mentions written into it. `targetBytes` is approximate (UTF-8).
 * `hot` is the hot entry, mentioned exactly once.
 */
function writeDocument(writer, random, { markdown, targetBytes, hot, dateYear }) {
  const style = { ascii: random.chance(0.6), annotate: markdown };
  writer.cast(style);
  const b = new TextBuilder();
  const wrapWidth = random.chance(0.3) ? random.between(68, 80) : 0;
  const month = random.int(12);
  const day = random.between(1, 28);
  const blocks = [];
  // Head: front matter, headline, dateline.
  if (markdown) {
    if (random.chance(0.4)) b.add(`---\ntitle: Notes ${dateYear}-${pad2(month + 1)}\ndate: ${dateYear}-${pad2(month + 1)}-${pad2(day)}\ntags: [diplomacy, ${random.pick(['asean', 'trade', 'integration', 'defence', 'culture'])}]\n---\n\n`);
    b.add('# ');
    writer.headline(b);
    b.add('\n\n');
  } else {
    writer.headline(b);
    b.add('\n\n');
    if (random.chance(0.5)) b.add(`By ${random.pick(V.REPORTER_NAMES)}\n\n`);
    b.add(`${random.pick(V.CITIES_DATELINE)}, ${V.MONTHS[month]} ${day}, ${dateYear} — `);
  }
  const hotAt = random.between(0, 3);
  let k = 0;
  while (b.bytes < targetBytes || k <= hotAt) {
    const start = b.length;
    const kind = random.next();
    if (k === hotAt && hot) {
      const [before, after] = random.pick(HOT_SENTENCES);
      b.add(before).mention(hot.name, hot.index, 'name').add(after);
      blocks.push([start, b.length, 'p']);
    } else if (markdown && kind < 0.1) {
      b.add(`## ${random.pick(['Background', 'Outcomes', 'Next steps', 'Context', 'Key points', 'Bối cảnh'])}`);
      blocks.push([start, b.length, 'h']);
    } else if (markdown && kind < 0.18) {
      const items = random.between(2, 4);
      for (let i = 0; i < items; i++) {
        if (i > 0) b.add('\n');
        b.add('- ');
        writer.sentence(b);
      }
      blocks.push([start, b.length, 'l']);
    } else if (markdown && kind < 0.22) {
      const o = random.pick(writer.officials);
      b.add(`![Photo: ${ascii(o.name)}](images/${o.id}.jpg)`);
      blocks.push([start, b.length, 'i']);
    } else if (markdown && kind < 0.25) {
      b.add('> “');
      writer.sentence(b);
      b.add('”');
      blocks.push([start, b.length, 'q']);
    } else if (!markdown && kind < 0.05) {
      b.add(`Photo: ${random.pick(['VNA', 'VGP', 'Nhân Dân', 'courtesy of the organisers'])}`);
      blocks.push([start, b.length, 'c']);
    } else {
      writer.paragraph(b);
      blocks.push([start, b.length, 'p']);
    }
    b.add('\n\n');
    k++;
  }
  if (!markdown && random.chance(0.3)) {
    b.add('RELATED NEWS\n');
    for (let i = 0; i < 3; i++) {
      writer.headline(b);
      b.add('\n');
    }
  }
  let text = b.toString();
  if (wrapWidth) {
    // Wrap prose paragraphs only, so that headings and lists keep their lines.
    const pieces = [];
    let last = 0;
    for (const [start, end, kind] of blocks) {
      if (kind !== 'p') continue;
      pieces.push(text.slice(last, start), wrap(text.slice(start, end), wrapWidth));
      last = end;
    }
    pieces.push(text.slice(last));
    text = pieces.join('');
  }
  return { text, mentions: b.mentions };
}

/** The large document: sections about changing casts, `targetBytes` in all. */
function writeBigDocument(writer, random, { targetBytes, hot }) {
  const b = new TextBuilder();
  b.add('---\ntitle: Annual digest of external affairs\ndate: 2025-12-30\n---\n\n# Annual digest of external affairs\n\n');
  let hotMentions = 0;
  while (b.bytes < targetBytes) {
    const section = writeDocument(writer, random, { markdown: true, targetBytes: 10_000, hot, dateYear: 2025 });
    // Turn the section's headline into a second-level heading and drop its front matter.
    let text = section.text;
    let shift = 0;
    const fm = /^---\n[\s\S]*?\n---\n\n/.exec(text);
    if (fm) {
      text = text.slice(fm[0].length);
      shift = fm[0].length;
    }
    text = `#${text}`;
    const base = b.length + 1 - shift;
    for (const m of section.mentions) {
      if (m[0] >= shift) b.mentions.push([m[0] + base, m[1], m[2], m[3]]);
    }
    hotMentions++;
    b.add(text);
  }
  return { text: b.toString(), mentions: b.mentions, hotMentions };
}

/** Document sizes: about `mean` bytes, spread like real collections (many short notes, a few long reports). */
function documentSizes(random, count, totalBytes) {
  const raw = [];
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const size = Math.exp(random.normal() * 0.7);
    raw.push(size);
    sum += size;
  }
  return raw.map((s) => Math.max(600, Math.round((s / sum) * totalBytes)));
}

/**
 * Generates a workspace under `root`: `documents` regular documents of `bytes` in all, plus one large
 * Markdown document, plus the glossary of the first `entries` entries of the universe.
 * Returns the manifest (also written next to the root as manifest.json).
 */
export function generateWorkspace({ seed = DEFAULT_SEED, entries, documents, bytes, universe: universeSize = 100_000, bigDocumentBytes = BIG_DOCUMENT_BYTES, root, openDocuments = 20 }) {
  const universe = buildUniverse(seed, Math.max(universeSize, entries));
  const glossaryEntries = universe.slice(0, entries);
  const kindIndex = new Map();
  for (const e of universe) {
    const kind = e.kind === 'resolution' || (e.kind === 'other' && e.number) ? 'document' : e.kind;
    if (!kindIndex.has(kind)) kindIndex.set(kind, []);
    kindIndex.get(kind).push(e.index);
  }
  const hot = universe[0];
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'glossary'), { recursive: true });
  const glossaryFiles = writeGlossaryFiles(join(root, 'glossary'), glossaryEntries).map((f) => `glossary/${f}`);

  const random = createRandom(seed, 'documents', GENERATOR_VERSION, documents, bytes, universeSize);
  const writer = new DocumentWriter(random, universe, kindIndex);
  const sizes = documentSizes(random, documents, bytes);
  const openEvery = Math.max(1, Math.floor(documents / openDocuments));
  const files = [];
  const open = [];
  let totalBytes = 0;
  let hotMentions = 0;
  const corpusParts = [];
  const digest = createHash('sha256');
  for (let i = 0; i < documents; i++) {
    const markdown = random.chance(0.5);
    const year = random.between(2015, 2026);
    const section = random.pick(V.SECTIONS);
    const doc = writeDocument(writer, random, { markdown, targetBytes: sizes[i], hot, dateYear: year });
    const headline = doc.text.replace(/^---[\s\S]*?---\n\n/, '').split('\n')[0];
    const name = `${slug(headline).split('-').slice(0, 6).join('-') || 'note'}-${i}.${markdown ? 'md' : 'txt'}`;
    const path = `${section}/${year}/${pad2(random.between(1, 12))}/${name}`;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), doc.text);
    const size = Buffer.byteLength(doc.text);
    totalBytes += size;
    hotMentions++;
    files.push(path);
    corpusParts.push(doc.text);
    digest.update(path).update(doc.text);
    if (i % openEvery === 0 && open.length < openDocuments) open.push({ path, mentions: doc.mentions });
  }
  const big = writeBigDocument(writer, random, { targetBytes: bigDocumentBytes, hot });
  const bigPath = 'reports/annual-digest.md';
  mkdirSync(join(root, 'reports'), { recursive: true });
  writeFileSync(join(root, bigPath), big.text);
  totalBytes += Buffer.byteLength(big.text);
  hotMentions += big.hotMentions;
  files.push(bigPath);
  corpusParts.push(big.text);
  digest.update(bigPath).update(big.text);
  for (const f of glossaryFiles) digest.update(f).update(readFileSync(join(root, f)));
  return {
    seed,
    generatorVersion: GENERATOR_VERSION,
    entries,
    universe: universeSize,
    documents: files.length,
    bytes: totalBytes,
    glossaryFiles,
    files,
    hot: { id: hot.id, name: hot.name, index: 0, mentions: hotMentions },
    open,
    big: { path: bigPath, bytes: Buffer.byteLength(big.text), mentions: big.mentions },
    digest: digest.digest('hex'),
    corpus: corpusParts,
  };
}

// --- cached outputs -------------------------------------------------------------------------------

function readManifest(dir) {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    return manifest.complete ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A workspace of the given size in the cache, generated when missing. Returns the manifest with
 * `root` (the workspace folder), `corpusFile` (all documents in one file, for grep) and `dir`.
 */
export function ensureWorkspace({ seed = DEFAULT_SEED, entries, documents, bytes, universe = 100_000, bigDocumentBytes = BIG_DOCUMENT_BYTES, cacheDir = benchCacheDir(), log = () => {} }) {
  const key = `workspace-v${GENERATOR_VERSION}-${slug(seed)}-e${entries}-u${universe}-d${documents}-b${bytes}-big${bigDocumentBytes}`;
  const dir = join(cacheDir, key);
  const cached = readManifest(dir);
  if (cached) return { ...cached, dir, root: join(dir, 'root'), corpusFile: join(dir, 'corpus.txt') };
  log(`generating ${key} ...`);
  const started = Date.now();
  mkdirSync(dir, { recursive: true });
  const manifest = generateWorkspace({ seed, entries, documents, bytes, universe, bigDocumentBytes, root: join(dir, 'root') });
  writeFileSync(join(dir, 'corpus.txt'), manifest.corpus.join('\n'));
  delete manifest.corpus;
  const tmp = join(dir, 'manifest.json.tmp');
  writeFileSync(tmp, JSON.stringify({ ...manifest, complete: true, generatedInMs: Date.now() - started }));
  renameSync(tmp, join(dir, 'manifest.json'));
  log(`generated ${key} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { ...readManifest(dir), dir, root: join(dir, 'root'), corpusFile: join(dir, 'corpus.txt') };
}

/** A glossary of `entries` entries in the cache (files and the forms list for grep), generated when missing. */
export function ensureGlossary({ seed = DEFAULT_SEED, entries, cacheDir = benchCacheDir(), log = () => {} }) {
  const key = `glossary-v${GENERATOR_VERSION}-${slug(seed)}-e${entries}`;
  const dir = join(cacheDir, key);
  const cached = readManifest(dir);
  if (cached) return { ...cached, dir, formsFile: join(dir, 'forms.txt') };
  log(`generating ${key} ...`);
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) rmSync(join(dir, f), { recursive: true, force: true });
  const universe = buildUniverse(seed, entries);
  const files = writeGlossaryFiles(dir, universe);
  writeFileSync(join(dir, 'forms.txt'), renderForms(universe));
  const bytes = files.reduce((sum, f) => sum + Buffer.byteLength(readFileSync(join(dir, f))), 0);
  const manifest = { seed, generatorVersion: GENERATOR_VERSION, entries, files, bytes, complete: true };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return { ...manifest, dir, formsFile: join(dir, 'forms.txt') };
}

// --- command line ---------------------------------------------------------------------------------

function parseArgs(argv) {
  const args = { entries: 1000, documents: 100, bytes: 1_000_000, seed: DEFAULT_SEED, universe: 100_000, bigDocumentBytes: BIG_DOCUMENT_BYTES };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--entries') args.entries = Number(value());
    else if (a === '--documents') args.documents = Number(value());
    else if (a === '--bytes') args.bytes = Number(value());
    else if (a === '--universe') args.universe = Number(value());
    else if (a === '--big') args.bigDocumentBytes = Number(value());
    else if (a === '--seed') args.seed = value();
    else if (a === '--out') args.out = resolve(value());
    else if (a === '--help') args.help = true;
    else throw new Error(`unknown option ${a}`);
  }
  for (const k of ['entries', 'documents', 'bytes', 'universe', 'bigDocumentBytes']) {
    if (!Number.isInteger(args[k]) || args[k] <= 0) throw new Error(`--${k} must be a positive integer`);
  }
  return args;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`generate: ${error.message}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write('Usage: node bench/generate.mjs [--entries N] [--documents N] [--bytes N] [--universe N] [--big BYTES] [--seed S] [--out DIR]\n');
    process.exit(0);
  }
  if (args.out) {
    // An explicit output folder: always generated afresh (the determinism test compares two of them).
    mkdirSync(args.out, { recursive: true });
    const manifest = generateWorkspace({ ...args, universe: Math.max(args.universe, args.entries), root: join(args.out, 'root') });
    writeFileSync(join(args.out, 'corpus.txt'), manifest.corpus.join('\n'));
    delete manifest.corpus;
    writeFileSync(join(args.out, 'manifest.json'), JSON.stringify({ ...manifest, complete: true }));
    process.stdout.write(`${JSON.stringify({ root: join(args.out, 'root'), documents: manifest.documents, bytes: manifest.bytes, digest: manifest.digest })}\n`);
  } else {
    const ws = ensureWorkspace({ ...args, log: (m) => process.stderr.write(`${m}\n`) });
    process.stdout.write(`${JSON.stringify({ root: ws.root, documents: ws.documents, bytes: ws.bytes, digest: ws.digest })}\n`);
  }
}
