// Builders of recognition results by hand, so that the features can be tested without the engine.
import { loadGlossaryFile, mergeGlossary } from '../../server/src/core/glossary/load';
import type { EntryKind, Glossary } from '../../server/src/core/glossary/model';
import type { Annotation, DocumentAnalysis, MatchKind, Mention, TextSpan } from '../../server/src/core/recognition/mention';
import { LineMap } from '../../server/src/core/text';

/** The span of the `occurrence`-th `needle` in `text`. */
export function span(text: string, needle: string, occurrence = 0): TextSpan {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) {
    start = text.indexOf(needle, start + 1);
    if (start < 0) throw new Error(`'${needle}' not found`);
  }
  const end = start + needle.length;
  return { start, end, range: new LineMap(text).rangeOf(start, end), text: needle };
}

export function mention(text: string, needle: string, entryId: string, kind: EntryKind, match: MatchKind = 'name', occurrence = 0): Mention {
  return { ...span(text, needle, occurrence), entryId, kind, match };
}

export function annotation(text: string, written: string, known: boolean): Annotation {
  const whole = span(text, written);
  const inner = written.slice(2, -2);
  const [id, shown] = inner.split('|');
  const idSpan = span(text, id, 0);
  // The id inside this annotation, not an earlier occurrence elsewhere.
  const idStart = whole.start + 2;
  return { ...whole, id, idSpan: { ...idSpan, start: idStart, end: idStart + id.length, range: new LineMap(text).rangeOf(idStart, idStart + id.length) }, shown, known };
}

export function analysis(parts: Partial<DocumentAnalysis>): DocumentAnalysis {
  return { mentions: [], ambiguous: [], candidates: [], annotations: [], ...parts };
}

export function glossaryOf(yaml: string, uri = 'file:///w/policy.glossary.yaml'): Glossary {
  return mergeGlossary([loadGlossaryFile(uri, yaml)]);
}
