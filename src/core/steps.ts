// Folder-wide work in small steps: generators that yield after a bounded amount of work, so an owner (the
// corpus index's linkStep) can stop between any two steps and serve a hover before going on.

/** A computation in steps: each `yield` is a point where the owner may pause; the return value is the result. */
export type Steps<T> = Generator<void, T, void>;

/**
 * Units of work per step: one unit is about one mention, record or comparison touched, so a step is
 * around a millisecond on this kind of machine.
 */
export const STEP_WORK = 2000;

/**
 * Most milliseconds of work between two yields, whatever the units say: units are not all alike (a pair scored
 * costs more than a word read, and a collection of the heap may come in between), and a unit budget alone let
 * single steps of a 10,000-article link run for a second.
 */
export const STEP_MS = 8;

/** Time is read once in this many `add` calls (reading it costs more than most units). */
const CLOCK_EVERY = 32;

/** Asked with the clock whether someone waits for this thread (see `interruptibly`). */
let interruptHook: ((now: number) => boolean) | undefined;
/** True while steps run under `interruptibly`. */
let armed = false;

/**
 * The owner of the thread (the analysis worker) says how to know that someone waits for it: a hover in its port.
 * The hook is called with the time each time a pacer reads the clock, so it must be cheap.
 */
export function setInterruptHook(hook: ((now: number) => boolean) | undefined): void {
  interruptHook = hook;
}

/**
 * Runs `run` (a few steps of background work) so that a step ends early, at the next clock reading, when the hook
 * says someone waits: a hover then waits for a few dozen units of work instead of a whole step. Steps that are
 * drained at once (a CLI link, a query that links first) are never cut short.
 */
export function interruptibly<T>(run: () => T): T {
  const was = armed;
  armed = true;
  try {
    return run();
  } finally {
    armed = was;
  }
}

/** True when steps run under `interruptibly` and someone waits: the caller stops after the step it is in. */
export function interrupted(now = performance.now()): boolean {
  return armed && interruptHook !== undefined && interruptHook(now);
}

/**
 * Counts work between yields. A loop adds what each item cost (`if (pace.add(n)) yield;`) and yields when a
 * step's worth is done, or when the step has run `stepMs`; `longest` keeps the most work any step did, which the
 * tests bound. Where the steps yield never changes what they compute.
 */
export class Pacer {
  private work = 0;
  private calls = 0;
  /** When the current step's first unit was added (-1: not yet). */
  private began = -1;
  /** The most units done between two yields so far. */
  longest = 0;

  constructor(
    readonly perStep = STEP_WORK,
    readonly stepMs = STEP_MS,
  ) {}

  /** Adds `n` units; true when a step's worth is done and the caller should yield now. */
  add(n = 1): boolean {
    this.work += n;
    if (this.work >= this.perStep) {
      this.end();
      return true;
    }
    if (this.began < 0) this.began = performance.now();
    else if (++this.calls >= CLOCK_EVERY) {
      this.calls = 0;
      const now = performance.now();
      if (now - this.began >= this.stepMs || interrupted(now)) {
        this.end();
        return true;
      }
    }
    return false;
  }

  /** Work of unknown size that is one step on its own (such as analysing an article again): yield after it. */
  whole(): boolean {
    return this.add(this.perStep);
  }

  /** Closes the current step (before a yield the pacer did not ask for). */
  end(): void {
    this.longest = Math.max(this.longest, this.work);
    this.work = 0;
    this.calls = 0;
    this.began = -1;
  }
}

/** Runs steps to their end at once (for callers that need the result now). */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Sorts `items` in place like Array.prototype.sort (stable, the same order for the same comparator) in steps:
 * a bottom-up merge sort that adds one unit per element placed.
 */
export function* sortSteps<T>(items: T[], compare: (a: T, b: T) => number, pace: Pacer): Steps<T[]> {
  const n = items.length;
  if (n < 2) return items;
  // Runs of RUN elements sorted by the built-in sort first (cheap, bounded), then merged pairwise.
  const RUN = 32;
  for (let lo = 0; lo < n; lo += RUN) {
    const run = items.slice(lo, lo + RUN).sort(compare);
    for (let k = 0; k < run.length; k++) items[lo + k] = run[k];
    if (pace.add(run.length * 5)) yield;
  }
  let from = items;
  let to = new Array<T>(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      for (let k = lo; k < hi; k++) {
        // Ties take the left run first: stable.
        to[k] = i < mid && (j >= hi || compare(from[j], from[i]) >= 0) ? from[i++] : from[j++];
        if (pace.add()) yield;
      }
    }
    [from, to] = [to, from];
  }
  if (from !== items) for (let k = 0; k < n; k++) items[k] = from[k];
  return items;
}
