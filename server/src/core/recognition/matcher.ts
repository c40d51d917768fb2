import type { Glossary, GlossaryEntry } from '../glossary/model';
import { LineMap } from '../text';
import { fold } from './fold';
import type { MatchKind, Mention } from './mention';

interface Form {
  entry: GlossaryEntry;
  tokens: string[];
  match: MatchKind;
}

/** A glossary prepared for matching: written forms indexed by their first folded word. */
export interface CompiledGlossary {
  glossary: Glossary;
  byFirstToken: Map<string, Form[]>;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

function tokenize(text: string): { token: string; start: number; end: number }[] {
  const out: { token: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(WORD)) out.push({ token: fold(m[0]), start: m.index!, end: m.index! + m[0].length });
  return out;
}

export function compileGlossary(glossary: Glossary): CompiledGlossary {
  const byFirstToken = new Map<string, Form[]>();
  const add = (entry: GlossaryEntry, written: string | undefined, match: MatchKind) => {
    if (!written) return;
    const tokens = tokenize(written).map((t) => t.token);
    if (tokens.length === 0) return;
    const list = byFirstToken.get(tokens[0]) ?? [];
    list.push({ entry, tokens, match });
    byFirstToken.set(tokens[0], list);
  };
  for (const entry of glossary.entries) {
    add(entry, entry.name, 'name');
    for (const alias of entry.aliases) add(entry, alias, 'alias');
    add(entry, entry.native, 'native');
  }
  for (const list of byFirstToken.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return { glossary, byFirstToken };
}

/** Finds every mention of the glossary in a text; the longest match wins. */
export function findMentions(text: string, compiled: CompiledGlossary, lineMap = new LineMap(text)): Mention[] {
  const tokens = tokenize(text);
  const mentions: Mention[] = [];
  for (let i = 0; i < tokens.length; ) {
    const forms = compiled.byFirstToken.get(tokens[i].token);
    const form = forms?.find((f) => f.tokens.every((t, k) => tokens[i + k]?.token === t));
    if (!form) {
      i++;
      continue;
    }
    const start = tokens[i].start;
    const end = tokens[i + form.tokens.length - 1].end;
    mentions.push({
      entryId: form.entry.id,
      kind: form.entry.kind,
      start,
      end,
      range: lineMap.rangeOf(start, end),
      text: text.slice(start, end),
      match: form.match,
    });
    i += form.tokens.length;
  }
  return mentions;
}
