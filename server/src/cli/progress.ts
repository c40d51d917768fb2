/** Where progress goes: stderr, or a stand-in in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** Start drawing only once a run has taken this long, so that short runs print nothing. */
const FIRST_DRAW_AFTER_MS = 300;
/** Redraw at most this often. */
const REDRAW_EVERY_MS = 100;

/**
 * A one-line progress display that rewrites itself in place. It draws only on a terminal: in CI logs
 * and pipes a progress line would be noise, and stdout is never touched, so machine output stays clean.
 */
export class Progress {
  private readonly enabled: boolean;
  private readonly startedAt: number;
  private lastDrawAt = -Infinity;
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly now: () => number = Date.now,
  ) {
    this.enabled = stream.isTTY === true;
    this.startedAt = now();
  }

  /** Reports `done` of `total` (or a running count when total is undefined) for the current step. */
  update(step: string, done: number, total?: number): void {
    if (!this.enabled) return;
    const time = this.now();
    if (time - this.startedAt < FIRST_DRAW_AFTER_MS || time - this.lastDrawAt < REDRAW_EVERY_MS) return;
    this.lastDrawAt = time;
    this.drawn = true;
    const count = total === undefined ? `${done}` : `${done}/${total}`;
    this.stream.write(`\r\x1b[2K${step} ${count}`);
  }

  /** Clears the line, so that whatever is written next starts on a clean line. */
  clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }
}
