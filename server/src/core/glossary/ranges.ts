import type { Range } from '../types';
import type { GlossaryEntry } from './model';

// Readers of GlossaryEntry.valueRanges: name, aliases, native, use, related, four numbers each.

function rangeAt(entry: GlossaryEntry, slot: number): Range | undefined {
  const packed = entry.valueRanges;
  const i = slot * 4;
  if (!packed || i + 3 >= packed.length) return undefined;
  return { start: { line: packed[i], character: packed[i + 1] }, end: { line: packed[i + 2], character: packed[i + 3] } };
}

export function nameRange(entry: GlossaryEntry): Range | undefined {
  return rangeAt(entry, 0);
}

export function aliasRange(entry: GlossaryEntry, index: number): Range | undefined {
  return index >= 0 && index < entry.aliases.length ? rangeAt(entry, 1 + index) : undefined;
}

export function nativeRange(entry: GlossaryEntry): Range | undefined {
  return entry.native === undefined ? undefined : rangeAt(entry, 1 + entry.aliases.length);
}

export function useRange(entry: GlossaryEntry): Range | undefined {
  return entry.use === undefined ? undefined : rangeAt(entry, 1 + entry.aliases.length + (entry.native === undefined ? 0 : 1));
}

export function relatedRange(entry: GlossaryEntry, index: number): Range | undefined {
  if (index < 0 || index >= entry.related.length) return undefined;
  return rangeAt(entry, 1 + entry.aliases.length + (entry.native === undefined ? 0 : 1) + (entry.use === undefined ? 0 : 1) + index);
}

/** The range of a written form by slot: 0 the name, then the aliases, then the native form. */
export function formRange(entry: GlossaryEntry, slot: number): Range | undefined {
  if (slot === 0) return nameRange(entry);
  if (slot <= entry.aliases.length) return aliasRange(entry, slot - 1);
  return slot === entry.aliases.length + 1 ? nativeRange(entry) : undefined;
}
