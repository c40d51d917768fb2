// Long glossary work (reading, merging, compiling hundreds of thousands of entries) written as
// generators that pause every so often: run to the end at once by the synchronous APIs, or a slice at a
// time between event-loop turns by runInSlices, so that a server keeps answering meanwhile.

/** Work that pauses (yields) between parts and returns a T at the end. */
export type Steps<T> = Generator<void, T, void>;

/** Runs steps to the end at once. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

const DEFAULT_SLICE_MS = 12;

/** A turn of the event loop: pending I/O (requests) is handled before the work goes on. */
function nextTurn(callback: () => void): void {
  if (typeof setImmediate === 'function') setImmediate(callback);
  else setTimeout(callback, 0);
}

/**
 * Runs steps in slices of about `sliceMs`, giving the event loop a turn between slices. The first slice
 * runs within this call: work that fits in it has finished when this returns (the promise then only
 * reports the result). A step that throws rejects the promise.
 */
export function runInSlices<T>(steps: Steps<T>, sliceMs = DEFAULT_SLICE_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const slice = () => {
      const sliceStart = performance.now();
      try {
        for (;;) {
          const next = steps.next();
          if (next.done) return resolve(next.value);
          if (performance.now() - sliceStart >= sliceMs) return nextTurn(slice);
        }
      } catch (error) {
        reject(error);
      }
    };
    slice();
  });
}

/** What unlessOutdated returns when the work was dropped. */
export const OUTDATED: unique symbol = Symbol('outdated');

/**
 * Delegates to `steps`, asking `outdated` after every pause: once it says true, the work is dropped
 * (its generator closed) and OUTDATED returned.
 */
export function* unlessOutdated<T>(steps: Steps<T>, outdated: () => boolean): Steps<T | typeof OUTDATED> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    yield;
    if (outdated()) {
      steps.return(undefined as never);
      return OUTDATED;
    }
  }
}
