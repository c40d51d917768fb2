// The arguments `policyGloss.showMentions` accepts, read without `vscode` so that the rules are unit-tested.
// Callers pass either an entry id (palette, keybinding, index view) or what `editor.action.showReferences`
// takes: a URI, a position and locations. The server's code lenses send those as LSP JSON (URI strings),
// while extensions pass `vscode.Uri`/`vscode.Position`/`vscode.Location` objects; both shapes are read.

export interface PlainPosition {
  line: number;
  character: number;
}

export interface PlainLocation {
  uri: string;
  range: { start: PlainPosition; end: PlainPosition };
}

export type ShowMentionsTarget =
  | { type: 'entry'; id: string }
  | { type: 'locations'; uri: string; position: PlainPosition; locations: PlainLocation[] }
  | { type: 'ask' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A URI string from a string or a `vscode.Uri` (any object with a scheme and its own `toString`). */
function readUri(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length > 0 ? value : undefined;
  if (isRecord(value) && typeof value.scheme === 'string' && typeof value.toString === 'function' && value.toString !== Object.prototype.toString) {
    return String(value.toString());
  }
  return undefined;
}

function readPosition(value: unknown): PlainPosition | undefined {
  if (!isRecord(value)) return undefined;
  const { line, character } = value;
  if (typeof line !== 'number' || typeof character !== 'number') return undefined;
  if (!Number.isInteger(line) || !Number.isInteger(character) || line < 0 || character < 0) return undefined;
  return { line, character };
}

function readLocation(value: unknown): PlainLocation | undefined {
  if (!isRecord(value)) return undefined;
  // `vscode.Location` has `uri`/`range`; an LSP `LocationLink` has `targetUri`/`targetSelectionRange`.
  const uri = readUri(value.uri ?? value.targetUri);
  const range = value.range ?? value.targetSelectionRange ?? value.targetRange;
  if (!uri || !isRecord(range)) return undefined;
  const start = readPosition(range.start);
  const end = readPosition(range.end);
  return start && end ? { uri, range: { start, end } } : undefined;
}

/** Reads the command's arguments; anything unreadable means "ask the user for an entry". */
export function parseShowMentionsArgs(args: readonly unknown[]): ShowMentionsTarget {
  const [first, second, third] = args;
  if (typeof first === 'string' && args.length === 1) return first.length > 0 ? { type: 'entry', id: first } : { type: 'ask' };
  // An index view node or `{ id }` from a keybinding.
  if (isRecord(first) && args.length === 1 && typeof first.id === 'string' && first.id.length > 0) return { type: 'entry', id: first.id };
  const uri = readUri(first);
  const position = readPosition(second);
  if (uri && position && Array.isArray(third)) {
    const locations = third.map(readLocation).filter((location): location is PlainLocation => location !== undefined);
    return { type: 'locations', uri, position, locations };
  }
  return { type: 'ask' };
}
