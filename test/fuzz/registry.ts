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

/** Runs a property with its bounded count and checks its coverage: the body of a `node:test` test. */
export async function runBounded(p: FuzzProperty): Promise<void> {
  p.reset?.();
  await fc.assert(p.property(), { seed: p.seed, numRuns: p.runs });
  const problem = p.coverage?.();
  if (problem) throw new Error(`${p.name}: the generated inputs did not cover enough: ${problem}`);
}
