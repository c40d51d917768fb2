// One definition per property, run two ways: bounded and seeded in `npm test`, and for much longer by
// `npm run fuzz` (scripts/fuzz.mjs), which prints how many inputs each property tried.
import fc from 'fast-check';

export interface FuzzProperty {
  /** The test name. */
  name: string;
  /** Fixed seed of the normal test run. */
  seed: number;
  /** Inputs tried in the normal test run (a few seconds at most). */
  runs: number;
  /** Builds the property (sync or async). */
  property(): fc.IRawProperty<unknown, boolean>;
  /** Checks after the run that the inputs were not vacuous (e.g. that mentions were found at all). */
  coverage?(): string | undefined;
  /** Resets counters before a run. */
  reset?(): void;
  /** Prepares what the property needs (a server process) and releases it afterwards. */
  setup?(): Promise<void>;
  teardown?(): Promise<void>;
}

/** Inputs that exercised what a property is about (used to prove the generators are not vacuous). */
export class Counter {
  private readonly counts = new Map<string, number>();
  add(name: string, n = 1): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + n);
  }
  get(name: string): number {
    return this.counts.get(name) ?? 0;
  }
  clear(): void {
    this.counts.clear();
  }
  toString(): string {
    return [...this.counts].map(([k, v]) => `${k} ${v}`).join(', ');
  }
}

/** The most a bounded run may take (its inputs normally need a few seconds). */
export const BOUNDED_TIME_LIMIT_MS = 60_000;

/** Runs a property with its bounded count and checks its coverage: the body of a `node:test` test. */
export async function runBounded(p: FuzzProperty): Promise<void> {
  p.reset?.();
  await p.setup?.();
  try {
    await runAndCheck(p);
  } finally {
    await p.teardown?.();
  }
}

async function runAndCheck(p: FuzzProperty): Promise<void> {
  // A time limit bounds the run, shrinking included, also on a slow machine; reaching it fails the test.
  await fc.assert(p.property(), { seed: p.seed, numRuns: p.runs, interruptAfterTimeLimit: BOUNDED_TIME_LIMIT_MS, markInterruptAsFailure: true, includeErrorInReport: true });
  const problem = p.coverage?.();
  if (problem) throw new Error(`${p.name}: the generated inputs did not cover enough: ${problem}`);
}
