// Positions as the editor counts them: 0-based lines, UTF-16 code units. The core owns these types so
// that nothing here depends on the protocol library; the shapes happen to match LSP's.
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A text file as the core sees it: an identity, a version and its content. */
export interface TextFile {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
}

/** A replacement of a range of a text file. */
export interface TextEdit {
  range: Range;
  newText: string;
}
