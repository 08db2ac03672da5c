// When the analysis worker relinks the folder, and in what slices, so that hovers never wait behind linking.
//
// A relink is idle work of the worker's queue: one CorpusIndex.linkStep of about LINK_SLICE_MS at a time, between
// queries and stored analyses. It starts at once after a small change (an edit, a rename, a removal) and after a
// pause in a folder's indexing otherwise, so a folder being indexed is not relinked after every batch. A query links
// first only when that is estimated to take no longer than a slice (a small folder: answers are always fresh);
// otherwise it answers from the last finished links (each changed article with its fresh analysis: deferLinking).
import type { WorkerEvent } from './protocol';
import type { Task, WorkQueue } from './workQueue';

export interface LinkableIndex {
  readonly size: number;
  readonly lastLinkMs: number;
  readonly needsLink: boolean;
  /** Does up to about `budgetMs` of the pending link; true when nothing is left to link. */
  linkStep(budgetMs: number): boolean;
}

export interface RelinkTimes {
  /** Budget of one step of a link; twice this is the most a link may hold the worker. */
  sliceMs: number;
  /** Pause in a folder's indexing after which it is relinked. */
  quietMs: number;
}

export const RELINK_TIMES: RelinkTimes = { sliceMs: 10, quietMs: 750 };

export class Relinker {
  /** Changes applied to the index so far; a `linked` event says which version its links include. */
  version = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The version the last `linked` event said was linked. */
  private notified = 0;
  /** Articles in the index at the last link: its time grows with them, so the next one is estimated. */
  private linkedSize = 0;
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

  /** Whether queries answer from the last links rather than link first (CorpusIndex.deferLinking). */
  deferLinks(): boolean {
    const estimate = (this.index.lastLinkMs * Math.max(1, this.index.size)) / Math.max(1, this.linkedSize);
    return estimate > 2 * this.times.sliceMs;
  }

  /** Called after a query, which may have linked the folder itself. */
  noteLinked(): void {
    if (!this.index.needsLink) this.linkedSize = this.index.size;
  }

  /** Called after the index changed; `small`: one article, a rename or a removal, not a batch of a folder. */
  changed(small: boolean): void {
    this.version++;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (small) {
      this.start();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.start();
    }, this.times.quietMs);
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
    // Unfinished: go on next turn, unless a folder is still being indexed (its pause restarts this relink).
    if (!this.index.linkStep(this.times.sliceMs)) return this.timer !== undefined;
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
