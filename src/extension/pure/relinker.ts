// When the analysis worker relinks the folder, and in what slices, so that hovers never wait behind linking.
//
// With a corpus index that links in bounded steps (linkStep), a relink is idle work of the worker's queue: one
// step of at most about LINK_SLICE_MS between queries and stored analyses, started at once after a small change
// (an edit) and after a pause in indexing otherwise. Queries always answer from the last finished links (each
// changed article with its fresh analysis). With an index that only links whole (link()), a relink holds the
// worker for its whole length, so it waits for a pause that grows with the estimated cost of the link.
import type { WorkerEvent } from './protocol';
import type { Task, WorkQueue } from './workQueue';

export interface LinkableIndex {
  readonly size: number;
  readonly lastLinkMs: number;
  readonly needsLink: boolean;
  link(): void;
  /** Does up to about `budgetMs` of the pending link; true when nothing is left to link. */
  linkStep?(budgetMs: number): boolean;
}

export interface RelinkTimes {
  /** Budget of one step of a sliced link. */
  sliceMs: number;
  /** Pause in a folder's indexing after which it is relinked. */
  quietMs: number;
  /** A whole link estimated above this is not run by a query: queries answer from the last links. */
  slowMs: number;
}

export const RELINK_TIMES: RelinkTimes = { sliceMs: 10, quietMs: 750, slowMs: 300 };

export class Relinker {
  /** Changes applied to the index so far; a `linked` event says which version its links include. */
  version = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Articles in the index at the last whole link: its time grows with them, so the next one is estimated. */
  private linkedSize = 0;
  /** The version the last `linked` event said was linked. */
  private notified = 0;
  readonly task: Task;

  constructor(
    private readonly index: LinkableIndex,
    private readonly queue: WorkQueue,
    private readonly notify: (e: WorkerEvent) => void,
    private readonly times: RelinkTimes = RELINK_TIMES,
  ) {
    this.task = {
      interactive: false,
      idle: true,
      step: () => this.step(),
      fail: (err) => this.notify({ event: 'linked', ms: 0, version: this.version, error: String(err) }),
    };
  }

  private get sliced(): boolean {
    return typeof this.index.linkStep === 'function';
  }

  private estimatedLinkMs(): number {
    return (Math.max(1, this.index.lastLinkMs) * Math.max(1, this.index.size)) / Math.max(1, this.linkedSize);
  }

  /** Whether queries answer from the last links rather than link first (see CorpusIndex.deferLinking). */
  deferLinks(): boolean {
    return this.sliced || this.estimatedLinkMs() > this.times.slowMs;
  }

  /** Called after the index changed; `small`: one article, a rename or a removal, not a batch of a folder. */
  changed(small: boolean): void {
    this.version++;
    clearTimeout(this.timer);
    this.timer = undefined;
    const quiet = this.sliced
      ? small
        ? 0
        : this.times.quietMs
      : Math.max(this.times.quietMs, 2 * this.estimatedLinkMs());
    if (quiet === 0) this.start();
    else
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.start();
      }, quiet);
  }

  /** Called after a query that may have linked on its own (a small folder links when asked). */
  noteLinked(): void {
    if (!this.index.needsLink) this.linkedSize = this.index.size;
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private start(): void {
    if (!this.queue.holds(this.task)) this.queue.push(this.task);
  }

  private step(): boolean {
    if (!this.index.needsLink) {
      // A change that changed nothing (the same text again) is linked already: say so, for whoever waits on it.
      if (this.notified < this.version) this.linked();
      return true;
    }
    if (this.sliced) {
      if (!this.index.linkStep!(this.times.sliceMs)) {
        // A folder still being indexed: its pause restarts this relink, which meanwhile makes way.
        return this.timer !== undefined;
      }
    } else {
      this.index.link();
    }
    this.noteLinked();
    this.linked();
    return true;
  }

  /** Views built from the previous links can now refresh. */
  private linked(): void {
    this.notified = this.version;
    this.notify({ event: 'linked', ms: this.index.lastLinkMs, version: this.version });
  }
}
