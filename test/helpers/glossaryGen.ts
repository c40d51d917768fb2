// Generators of glossary YAML for property tests: varied indentation, quoting styles, flow and block
// lists, block scalars, comments, blank lines, LF or CRLF.
import fc from 'fast-check';

export type Quote = 'plain' | 'single' | 'double';

export interface GenScalar {
  value: string;
  quote: Quote;
  comment?: string;
}

export interface GenList {
  items: GenScalar[];
  flow: boolean;
  /** Block lists: columns between the key and the dashes (0: `key:` then `- a` at the key's column). */
  indent: number;
}

export interface GenBlockText {
  lines: string[];
  folded: boolean;
  strip: boolean;
}

export type GenValue = { scalar: GenScalar } | { list: GenList } | { block: GenBlockText } | { roles: GenRole[] } | { empty: true; comment?: string };

export interface GenRole {
  title: GenScalar;
  from?: string;
  to?: string;
}

export interface GenEntry {
  fields: [string, GenValue][];
  /** Lines (comments or blank) written before the entry. */
  before: string[];
}

export interface GenGlossary {
  eol: '\n' | '\r\n';
  header: string[];
  title?: GenScalar;
  dashColumn: number;
  /** Columns between the dash and the entry's keys (at least 2). */
  keyOffset: number;
  entries: GenEntry[];
  finalNewline: boolean;
}

const words = ['strategic', 'autonomy', 'Nguyễn', 'Mạnh', 'Cường', 'Đổi', 'mới', 'ASEAN', 'WHO', 'people', 'diplomacy', 'Tô', 'Lâm', 'Bộ', 'Ngoại', 'giao', '59-NQ/TW', 'Hà', 'Nội'];
const awkward = ['a: b', 'x #y', 'it\'s', 'say "hi"', '[x]', '{y}', 'a, b', '- dash', '2021', '1.5', 'true', 'null', '~', '', ' lead', 'trail ', '#hash', '@at', '%p', '*star', '&amp', '!bang', 'tab\there', 'ünï', 'emoji 🎍'];

export const textValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')) },
  { weight: 1, arbitrary: fc.constantFrom(...awkward) },
);

export const idValue: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('a', 'b', 'c', 'x', 'to', 'nguyen', '2024', '1e3', 'null', 'true', '7'), fc.array(fc.constantFrom('-', '.', '_', 'a', 'z', '0', '9'), { maxLength: 4 }))
  .map(([head, tail]) => head + tail.join(''));

const comment: fc.Arbitrary<string | undefined> = fc.option(fc.constantFrom('note', 'check: this', '#', 'x - y'), { nil: undefined, freq: 4 });
const quote: fc.Arbitrary<Quote> = fc.constantFrom('plain', 'single', 'double');

export const scalarOf = (value: fc.Arbitrary<string>): fc.Arbitrary<GenScalar> =>
  fc.record({ value, quote, comment }, { requiredKeys: ['value', 'quote'] });

const listOf = (value: fc.Arbitrary<string>): fc.Arbitrary<GenList> =>
  fc.record({ items: fc.array(scalarOf(value), { maxLength: 3 }), flow: fc.boolean(), indent: fc.constantFrom(0, 2, 4) });

const blockText: fc.Arbitrary<GenBlockText> = fc.record({
  lines: fc.array(fc.oneof(textValue.filter((t) => t.trim() === t && !t.includes('\t') && t !== ''), fc.constant('')), { minLength: 1, maxLength: 4 }).filter((lines) => lines.some((l) => l !== '')),
  folded: fc.boolean(),
  strip: fc.boolean(),
});

const date = fc.constantFrom('2021', '2024-08-03', '2025-10', '1945', '2024-02-30', '2024-13');

const role: fc.Arbitrary<GenRole> = fc.record({ title: scalarOf(textValue), from: date, to: date }, { requiredKeys: ['title'] });

function entryArbitrary(ids: string[]): fc.Arbitrary<GenEntry> {
  const ref = ids.length > 0 ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: idValue }) : idValue;
  const optional: fc.Arbitrary<[string, GenValue]>[] = [
    listOf(textValue).map((list) => ['aliases', { list }] as [string, GenValue]),
    scalarOf(textValue).map((scalar) => ['native', { scalar }] as [string, GenValue]),
    listOf(textValue).map((list) => ['short', { list }] as [string, GenValue]),
    fc.array(role, { minLength: 1, maxLength: 2 }).map((roles) => ['roles', { roles }] as [string, GenValue]),
    scalarOf(fc.constantFrom('59-NQ/TW', '250/2025/QH15', '1234')).map((scalar) => ['number', { scalar }] as [string, GenValue]),
    date.map((d) => ['date', { scalar: { value: d, quote: 'plain' } }] as [string, GenValue]),
    fc.oneof(blockText.map((block) => ({ block }) as GenValue), scalarOf(textValue).map((scalar) => ({ scalar }) as GenValue)).map((v) => ['summary', v] as [string, GenValue]),
    listOf(ref).map((list) => ['related', { list }] as [string, GenValue]),
    scalarOf(ref).map((scalar) => ['use', { scalar }] as [string, GenValue]),
    fc.constantFrom('preferred', 'admitted', 'deprecated').map((s) => ['status', { scalar: { value: s, quote: 'plain' } }] as [string, GenValue]),
    scalarOf(textValue).map((scalar) => ['x-note', { scalar }] as [string, GenValue]),
    comment.map((c) => ['issuer', { empty: true, comment: c }] as [string, GenValue]),
  ];
  return fc
    .record({
      id: scalarOf(idValue),
      kind: fc.constantFrom('term', 'official', 'organization', 'resolution', 'event', 'place', 'agreement', 'other'),
      name: scalarOf(textValue),
      extra: fc.subarray(optional.map((_, i) => i), { maxLength: 5 }),
      picks: fc.tuple(...optional),
      before: fc.array(fc.constantFrom('', '# a comment', '  # indented comment'), { maxLength: 2 }),
      shuffle: fc.boolean(),
    })
    .map(({ id, kind, name, extra, picks, before, shuffle }) => {
      const fields: [string, GenValue][] = [
        ['id', { scalar: id }],
        ['kind', { scalar: { value: kind, quote: 'plain' } }],
        ['name', { scalar: name }],
        ...extra.map((i) => picks[i]),
      ];
      if (shuffle) fields.push(fields.shift()!);
      return { fields, before };
    });
}

export const glossaryArbitrary: fc.Arbitrary<GenGlossary> = fc
  .array(idValue, { minLength: 1, maxLength: 6 })
  .chain((ids) =>
    fc.record({
      eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
      header: fc.array(fc.constantFrom('# Glossary', '', '# Sources: x'), { maxLength: 2 }),
      title: fc.option(scalarOf(textValue), { nil: undefined }),
      dashColumn: fc.constantFrom(0, 2, 4),
      keyOffset: fc.constantFrom(2, 4),
      entries: fc.array(entryArbitrary(ids), { minLength: 0, maxLength: 6 }),
      finalNewline: fc.boolean(),
    }),
  );

/** A scalar as YAML text in the requested style, falling back to double quotes where a style cannot carry the value. */
export function renderScalar(s: GenScalar, inFlow = false): string {
  const v = s.value;
  const plainOk =
    v !== '' &&
    !/^[-?:,[\]{}#&*!|>'"%@`\s]/.test(v) &&
    !/\s$/.test(v) &&
    !/: |\s#|:$|\t/.test(v) &&
    !(inFlow && /[,[\]{}:]/.test(v)) &&
    !/^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(v);
  if (s.quote === 'plain' && plainOk) return v;
  if (s.quote === 'single' && !/[\t\n]/.test(v)) return `'${v.replace(/'/g, "''")}'`;
  return JSON.stringify(v);
}

function withComment(text: string, c: string | undefined): string {
  return c === undefined ? text : `${text} # ${c}`;
}

export function renderGlossary(g: GenGlossary): string {
  const lines: string[] = [...g.header];
  if (g.title) lines.push(withComment(`title: ${renderScalar(g.title)}`, g.title.comment));
  lines.push('entries:');
  if (g.entries.length === 0) lines[lines.length - 1] = 'entries: []';
  const keyColumn = g.dashColumn + g.keyOffset;
  for (const entry of g.entries) {
    lines.push(...entry.before.map((b) => (b === '' ? '' : ' '.repeat(g.dashColumn) + b.trimStart())));
    entry.fields.forEach(([key, value], i) => {
      const prefix = i === 0 ? ' '.repeat(g.dashColumn) + '-' + ' '.repeat(g.keyOffset - 1) : ' '.repeat(keyColumn);
      lines.push(...renderField(prefix, keyColumn, key, value));
    });
  }
  const text = lines.join(g.eol);
  return g.finalNewline ? text + g.eol : text;
}

function renderField(prefix: string, keyColumn: number, key: string, value: GenValue): string[] {
  if ('scalar' in value) return [withComment(`${prefix}${key}: ${renderScalar(value.scalar)}`, value.scalar.comment)];
  if ('empty' in value) return [withComment(`${prefix}${key}:`, value.comment)];
  if ('list' in value) {
    const list = value.list;
    if (list.flow || list.items.length === 0) return [`${prefix}${key}: [${list.items.map((s) => renderScalar(s, true)).join(', ')}]`];
    const pad = ' '.repeat(keyColumn + list.indent);
    return [`${prefix}${key}:`, ...list.items.map((s) => withComment(`${pad}- ${renderScalar(s)}`, s.comment))];
  }
  if ('block' in value) {
    const b = value.block;
    const pad = ' '.repeat(keyColumn + 2);
    return [`${prefix}${key}: ${b.folded ? '>' : '|'}${b.strip ? '-' : ''}`, ...b.lines.map((l) => (l === '' ? '' : pad + l))];
  }
  const pad = ' '.repeat(keyColumn + 2);
  const out = [`${prefix}${key}:`];
  for (const role of value.roles) {
    out.push(withComment(`${pad}- title: ${renderScalar(role.title)}`, role.title.comment));
    if (role.from !== undefined) out.push(`${pad}  from: ${role.from}`);
    if (role.to !== undefined) out.push(`${pad}  to: ${role.to}`);
  }
  return out;
}

/** Random small mutations of a text: deleted, duplicated or inserted characters. */
export const mutationArbitrary = fc.array(
  fc.record({ at: fc.nat(), kind: fc.constantFrom('delete', 'insert', 'duplicate'), ch: fc.constantFrom(' ', '-', ':', '#', '"', "'", '[', ']', '{', '\n', '\r', '\t', '|', '>', '&', '*', '!', 'x', '\u00e9', '\u0301', '\ufffd') }),
  { minLength: 1, maxLength: 4 },
);

export function mutate(text: string, mutations: { at: number; kind: string; ch: string }[]): string {
  let out = text;
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % (out.length + 1);
    if (m.kind === 'delete') out = out.slice(0, at) + out.slice(at + 1);
    else if (m.kind === 'insert') out = out.slice(0, at) + m.ch + out.slice(at);
    else out = out.slice(0, at) + out.slice(at, at + 3) + out.slice(at);
  }
  return out;
}
