// The analysis worker's order of work: interactive requests first, then long answers (whole lists for the side
// bar) in parts, then background work in small slices between them.
//
// Background work (indexing, relinking) runs one step per event-loop turn, scheduled with setImmediate, so a
// message that arrives during a step is read before the next step and served ahead of the rest of the queue.

/** One request or job. `step` does a slice of its work and returns true when the task is finished. */
export interface Task {
  interactive: boolean;
  /** What the task is, for the worker's figures (WorkerStats): "upsert", "relink", a request's name. */
  kind?: string;
  /**
   * Idle work (relinking): stepped only when no query waits and no change to the index can be stepped, so an
   * edit is stored ahead of a relink under way, and the relink uses the time the worker waits for the pool.
   */
  idle?: boolean;
  /**
   * A query with a long answer (a whole list): stepped one part at a time after every waiting interactive task,
   * ahead of background work, so a hover asked meanwhile is answered between two parts.
   */
  bulk?: boolean;
  /**
   * A batch of a folder being indexed: a small change (an open article, an edit, a rename) pushed after it goes
   * ahead of it, and of every batch waiting, so a hover on the article just opened does not wait for the scan. The
   * owner keeps the newest change of each article (changeOrder.ts): a batch never overwrites a change that went ahead.
   */
  batch?: boolean;
  step(): boolean;
  /**
   * True while a background task waits for work done elsewhere (the analysis pool): it is not stepped, and the
   * queue sleeps until `wake()` instead of spinning. Tasks behind it wait too, so changes keep their order.
   */
  blocked?(): boolean;
  /** Called when a step throws; the task is then dropped. */
  fail(err: unknown): void;
}

export class WorkQueue {
  private readonly urgent: Task[] = [];
  private readonly bulk: Task[] = [];
  private readonly background: Task[] = [];
  private readonly idle: Task[] = [];
  private scheduled = false;

  /** `later` runs a function on a later turn of the event loop (setImmediate; tests pass their own). */
  /** `observe` is told how long each step took. */
  constructor(
    private readonly later: (run: () => void) => void = (run) => void setImmediate(run),
    private readonly observe?: (kind: string, ms: number) => void,
  ) {}

  push(task: Task): void {
    const lane = this.laneOf(task);
    const firstBatch = lane === this.background && !task.batch ? lane.findIndex((t) => t.batch) : -1;
    if (firstBatch >= 0) lane.splice(firstBatch, 0, task);
    else lane.push(task);
    this.schedule();
  }

  /** True while indexing or a relink waits or runs: queries then answer from the last links. */
  get backgroundPending(): boolean {
    return this.background.length > 0 || this.idle.length > 0;
  }

  /** True while a change to the index (a batch to store, an edit) waits or runs. */
  get changesPending(): boolean {
    return this.background.length > 0;
  }

  /** True while this idle task is queued or running. */
  holds(task: Task): boolean {
    return this.idle.includes(task);
  }

  get interactivePending(): boolean {
    return this.urgent.length > 0 || this.bulk.length > 0;
  }

  private laneOf(task: Task): Task[] {
    if (task.bulk) return this.bulk;
    return task.interactive ? this.urgent : task.idle ? this.idle : this.background;
  }

  /**
   * Runs every waiting interactive task to its end, then one step of the oldest long answer, else of the oldest
   * background (else idle) task.
   */
  runSlice(): void {
    while (this.urgent.length) {
      const task = this.urgent.shift()!;
      while (!this.stepOf(task));
    }
    const answer = this.bulk[0];
    if (answer) {
      if (this.stepOf(answer)) this.bulk.shift();
      return;
    }
    const next = this.background[0];
    if (next && !next.blocked?.()) {
      if (this.stepOf(next)) this.background.shift();
      return;
    }
    const idle = this.idle[0];
    if (idle && this.stepOf(idle)) this.idle.shift();
  }

  /** Called when what a blocked task waits for has arrived. */
  wake(): void {
    this.schedule();
  }

  private get runnable(): boolean {
    const next = this.background[0];
    return this.urgent.length > 0 || this.bulk.length > 0 || (!!next && !next.blocked?.()) || this.idle.length > 0;
  }

  /** One step; a step that throws finishes its task (after reporting the error). */
  private stepOf(task: Task): boolean {
    const t0 = this.observe ? performance.now() : 0;
    try {
      return task.step();
    } catch (err) {
      task.fail(err);
      return true;
    } finally {
      this.observe?.(task.kind ?? 'task', performance.now() - t0);
    }
  }

  private schedule(): void {
    if (this.scheduled || !this.runnable) return;
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
