// Explicit annotations: `[[id]]` and `[[id|shown text]]` pin a place in a document to a glossary entry.

export interface RawAnnotation {
  start: number;
  end: number;
  id: string;
  idStart: number;
  idEnd: number;
  shown?: string;
}

/** The longest annotation considered; a longer `[[...]]` is left as text. */
const MAX_ANNOTATION = 1000;

/** Finds the `[[...]]` annotations of a text, in order. Brackets without an id are left as text. */
export function findAnnotations(text: string): RawAnnotation[] {
  const out: RawAnnotation[] = [];
  let from = 0;
  for (;;) {
    const open = text.indexOf('[[', from);
    if (open < 0) break;
    const close = text.indexOf(']]', open + 2);
    if (close < 0) break;
    const inner = text.slice(open + 2, close);
    if (close - open > MAX_ANNOTATION || /[\r\n[]/.test(inner)) {
      from = open + 1;
      continue;
    }
    const bar = inner.indexOf('|');
    const idPart = bar < 0 ? inner : inner.slice(0, bar);
    const id = idPart.trim();
    if (id.length === 0) {
      from = close + 2;
      continue;
    }
    const idStart = open + 2 + idPart.indexOf(id);
    const annotation: RawAnnotation = { start: open, end: close + 2, id, idStart, idEnd: idStart + id.length };
    if (bar >= 0) annotation.shown = inner.slice(bar + 1);
    out.push(annotation);
    from = close + 2;
  }
  return out;
}
