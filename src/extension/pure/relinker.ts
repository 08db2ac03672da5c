// When the analysis worker relinks the folder, and in what slices, so that hovers never wait behind linking.
//
// A relink is idle work of the worker's queue: one CorpusIndex.linkStep of about RELINK_TIMES.sliceMs at a time,
// between queries and stored analyses. It starts at once after a small change (an edit, a rename, a removal) and
// after a pause in a folder's indexing otherwise (longer as the estimated link grows), so a folder being indexed is
// not relinked after every batch. A query links first only in a small folder (RELINK_TIMES.smallFolder articles) and
// when that is estimated under RELINK_TIMES.slowMs (answers always fresh); otherwise it answers from the last finished
// links (each changed article with its fresh analysis: deferLinking). A larger folder never links inside a query:
// a link of a few hundred articles takes hundreds of ms, which a hover asked meanwhile would wait out.
import type { WorkerEvent } from './protocol';
import type { Task, WorkQueue } from './workQueue';

export interface LinkableIndex {
  readonly size: number;
  readonly lastLinkMs: number;
  readonly needsLink: boolean;
  /** Does up to about `budgetMs` of the pending link; true when nothing is left to link. */
  linkStep(budgetMs: number): boolean;
  /**
   * Local links (CorpusIndex: a few changed articles linked with the articles around them ahead of the folder-wide
   * link) published so far, whether one is under way, and what the last one took.
   */
  readonly localLinksDone?: number;
  readonly localLinkRunning?: boolean;
  /** Folder-wide links published so far, and whether one is under way. */
  readonly linksDone?: number;
  readonly linkJobRunning?: boolean;
  readonly lastLocalLink?: { ms: number } | null;
}

export interface RelinkTimes {
  /** Budget of one step of a link; twice this is the most a link may hold the worker. */
  sliceMs: number;
  /** Pause in a folder's indexing after which it is relinked. */
  quietMs: number;
  /**
   * A query links first when the link is estimated within this (a small folder: answers always fresh, as the
   * integration tests expect); above it, queries answer from the last links and the relink goes in slices.
   */
  slowMs: number;
  /** Above this many articles, queries never link first (whatever the estimate: it can be far off, and grows). */
  smallFolder: number;
}

export const RELINK_TIMES: RelinkTimes = { sliceMs: 10, quietMs: 750, slowMs: 300, smallFolder: 50 };

export class Relinker {
  /** Changes applied to the index so far; a `linked` event says which version its links include. */
  version = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The version the last `linked` event said was linked. */
  private notified = 0;
  /** Articles in the index at the last link: its time grows with them, so the next one is estimated. */
  private linkedSize = 0;
  /** The longest step of the links since the last `linked` event: what a query may have waited behind. */
  private longestStep = 0;
  /** The version a local link under way takes in (the changes applied when it started). */
  private localVersion = 0;
  /** The version the folder-wide link under way takes in. */
  private linkVersion = 0;
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
      kind: 'relink',
      step: () => this.step(),
      fail: (err) => this.notify({ event: 'linked', ms: 0, version: this.version, error: String(err) }),
    };
  }

  /** Whether queries answer from the last links rather than link first (CorpusIndex.deferLinking). */
  deferLinks(): boolean {
    return this.index.size > this.times.smallFolder || this.estimatedLinkMs() > this.times.slowMs;
  }

  /** The next whole link's time, from the last one and the articles added since. */
  private estimatedLinkMs(): number {
    return (this.index.lastLinkMs * Math.max(1, this.index.size)) / Math.max(1, this.linkedSize);
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
    // A folder being indexed waits for a pause that grows with the estimated link, so it is not relinked whole
    // between batches (a link's units are not all bounded yet: see CorpusIndex.linkStep).
    const quiet = Math.max(this.times.quietMs, 2 * this.estimatedLinkMs());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.start();
    }, quiet);
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
    const t0 = performance.now();
    // A local link starts at the beginning of a step, with every change applied so far.
    if (!this.index.localLinkRunning) this.localVersion = this.version;
    if (!this.index.linkJobRunning) this.linkVersion = this.version;
    const locals = this.index.localLinksDone ?? 0;
    const links = this.index.linksDone ?? 0;
    const done = this.index.linkStep(this.times.sliceMs);
    this.longestStep = Math.max(this.longestStep, performance.now() - t0);
    if ((this.index.localLinksDone ?? 0) > locals && !done) this.linkedLocally();
    // A folder-wide link that ends with newer changes pending (a folder still being indexed) is shown too: with
    // the version it took in, so views do not wait for the folder's last batch and the link after it.
    if ((this.index.linksDone ?? 0) > links && !done) this.linkedBefore();
    // Unfinished: go on next turn, unless a folder is still being indexed (its pause restarts this relink).
    if (!done) return this.timer !== undefined;
    this.noteLinked();
    this.linked();
    return true;
  }

  /**
   * The changed articles are linked with the articles around them: views refresh now (the folder-wide link that
   * follows sends its own event). Its version says which changes it includes.
   */
  private linkedLocally(): void {
    const longestStepMs = Math.round(this.longestStep);
    const ms = this.index.lastLocalLink?.ms ?? 0;
    this.notify({ event: 'linked', ms, version: this.localVersion, longestStepMs, partial: true });
  }

  /** A folder-wide link of the changes up to linkVersion is published; later ones are still to link. */
  private linkedBefore(): void {
    const longestStepMs = Math.round(this.longestStep);
    this.notify({ event: 'linked', ms: this.index.lastLinkMs, version: this.linkVersion, longestStepMs });
  }

  /** Views built from the previous links can now refresh. */
  private linked(): void {
    this.notified = this.version;
    const longestStepMs = Math.round(this.longestStep);
    this.longestStep = 0;
    this.notify({ event: 'linked', ms: this.index.lastLinkMs, version: this.version, longestStepMs });
  }
}
