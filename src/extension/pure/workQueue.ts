// The analysis worker's order of work: interactive requests first, background work in small slices between them.
//
// Background work (indexing, relinking) runs one step per event-loop turn, scheduled with setImmediate, so a
// message that arrives during a step is read before the next step and served ahead of the rest of the queue.

/** One request or job. `step` does a slice of its work and returns true when the task is finished. */
export interface Task {
  interactive: boolean;
  step(): boolean;
  /** Called when a step throws; the task is then dropped. */
  fail(err: unknown): void;
}

export class WorkQueue {
  private readonly urgent: Task[] = [];
  private readonly background: Task[] = [];
  private scheduled = false;

  /** `later` runs a function on a later turn of the event loop (setImmediate; tests pass their own). */
  constructor(private readonly later: (run: () => void) => void = (run) => void setImmediate(run)) {}

  push(task: Task): void {
    (task.interactive ? this.urgent : this.background).push(task);
    this.schedule();
  }

  /** True while indexing or a relink waits or runs: queries then answer from the last links. */
  get backgroundPending(): boolean {
    return this.background.length > 0;
  }

  get interactivePending(): boolean {
    return this.urgent.length > 0;
  }

  /** Runs every waiting interactive task to its end, then one step of the oldest background task. */
  runSlice(): void {
    while (this.urgent.length) {
      const task = this.urgent.shift()!;
      while (!this.stepOf(task));
    }
    const next = this.background[0];
    if (next && this.stepOf(next)) this.background.shift();
  }

  /** One step; a step that throws finishes its task (after reporting the error). */
  private stepOf(task: Task): boolean {
    try {
      return task.step();
    } catch (err) {
      task.fail(err);
      return true;
    }
  }

  private schedule(): void {
    if (this.scheduled || (!this.urgent.length && !this.background.length)) return;
    this.scheduled = true;
    this.later(() => {
      this.scheduled = false;
      this.runSlice();
      this.schedule();
    });
  }
}

/** A task that goes through `items` one per step, then finishes with `done`. */
export function stepwise<T>(
  interactive: boolean,
  items: readonly T[],
  each: (item: T) => void,
  done: () => void,
  fail: (err: unknown) => void,
): Task {
  let i = 0;
  return {
    interactive,
    fail,
    step: () => {
      if (i < items.length) each(items[i++]);
      if (i < items.length) return false;
      done();
      return true;
    },
  };
}
