// When the analysis worker relinks the folder, and in what slices, so that hovers never wait behind linking.
//
// A relink is idle work of the worker's queue: one CorpusIndex.linkStep of about RELINK_TIMES.sliceMs at a time,
// between queries and stored analyses. It starts at once after a small change (an edit, a rename, a removal). A
// folder being indexed is linked when its batches pause (none waits in the queue for RELINK_TIMES.quietMs: the end
// of a scan), and before that only while its links are quick (RELINK_TIMES.growthMs), each time it has doubled: the
// first events appear within seconds, and a large folder's indexing is not slowed nor its hovers held by links of
// a folder that is still growing. Local links (a few changed articles linked ahead of the folder-wide link) are for
// small changes only, not for the articles of a batch.
// A query links first only in a small folder (RELINK_TIMES.smallFolder articles), not during a scan, and when that
// is estimated under RELINK_TIMES.slowMs (answers always fresh); otherwise it answers from the last finished links
// (each changed article with its fresh analysis: deferLinking). A larger folder never links inside a query: a link
// of a few hundred articles takes hundreds of ms, which a hover asked meanwhile would wait out.
import { interruptibly } from '../../core/steps';
import type { WorkerEvent } from './protocol';
import type { Task, WorkQueue } from './workQueue';

export interface LinkableIndex {
  readonly size: number;
  readonly lastLinkMs: number;
  readonly needsLink: boolean;
  /**
   * Does up to about `budgetMs` of the pending link; true when nothing is left to link. `localOnly`: run a local link
   * only (none begins a folder-wide link).
   */
  linkStep(budgetMs: number, localOnly?: boolean): boolean;
  /**
   * Local links (CorpusIndex: a few changed articles linked with the articles around them ahead of the folder-wide
   * link) published so far, whether one is under way, and what the last one took.
   */
  readonly localLinksDone?: number;
  readonly localLinkRunning?: boolean;
  /** Folder-wide links published so far, and whether one is under way. */
  readonly linksDone?: number;
  readonly linkJobRunning?: boolean;
  /** The phase of the folder-wide link under way (entities, detection, dates, events, quotes, publish). */
  readonly linkPhase?: string;
  readonly lastLocalLink?: { ms: number } | null;
  /** No local link begins while set (set before each step: local links are for small changes, not batches). */
  localLinksHeld?: boolean;
}

export interface RelinkTimes {
  /** Budget of one step of a link; twice this is the most a link may hold the worker. */
  sliceMs: number;
  /** Pause in a folder's indexing after which it is relinked. */
  quietMs: number;
  /**
   * While a folder is indexed, a link starts when it has this many times the articles of the last link begun, as
   * long as the last link took at most growthMs.
   */
  growth: number;
  growthMs: number;
  /**
   * A query links first when the link is estimated within this (a small folder: answers always fresh, as the
   * integration tests expect); above it, queries answer from the last links and the relink goes in slices.
   */
  slowMs: number;
  /** Above this many articles, queries never link first (whatever the estimate: it can be far off, and grows). */
  smallFolder: number;
}

export const RELINK_TIMES: RelinkTimes = {
  sliceMs: 10,
  quietMs: 750,
  growth: 2,
  growthMs: 1000,
  slowMs: 300,
  smallFolder: 50,
};

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
  /** Articles in the index when the last folder-wide link began (a folder being indexed links as it grows). */
  private begunSize = 0;
  /** A small change waits: link now, even while a folder is being indexed. */
  private smallWaiting = false;
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
    // During a scan too: the folder's growth links keep the answers close, and a hover that linked a folder of a
    // few dozen articles first took up to 300 ms (the index still links first when it was never linked).
    if (this.timer !== undefined) return true;
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
    if (small) {
      this.smallWaiting = true;
      this.start();
      return;
    }
    // A folder being indexed: link after a pause in its batches, or now while links are quick and it has doubled.
    this.armPause();
    if (this.grown()) this.start();
  }

  /** A batch of a folder being indexed has come (its articles are stored one by one from now): a scan is under way. */
  batchArrived(): void {
    this.armPause();
  }

  /** Links after quietMs in which no change waited in the queue (a scan's batches come back to back). */
  private armPause(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.queue.changesPending) return this.armPause();
      this.timer = undefined;
      this.start();
    }, this.times.quietMs);
  }

  /** True when the folder has doubled since the last folder-wide link began, and that link was quick. */
  private grown(): boolean {
    if (this.index.lastLinkMs > this.times.growthMs) return false;
    return this.index.size >= this.times.growth * this.begunSize;
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
    // A folder being indexed that has not doubled begins no folder-wide link before the pause (one under way goes
    // on); a small change made meanwhile is linked locally, if it can be.
    const hold = this.timer !== undefined && !this.index.linkJobRunning && !this.grown();
    if (hold && !this.smallWaiting && !this.index.localLinkRunning) return true;
    const t0 = performance.now();
    // Named by what the step runs, for the worker's figures of its longest steps (workerStats.ts).
    this.task.kind = this.stepKind();
    // A local link starts at the beginning of a step, with every change applied so far; so does a folder-wide link.
    if (!this.index.localLinkRunning) this.localVersion = this.version;
    if (!this.index.linkJobRunning && !hold) this.beginning();
    if (this.index.localLinksHeld !== undefined)
      this.index.localLinksHeld = !this.smallWaiting && this.timer !== undefined;
    const locals = this.index.localLinksDone ?? 0;
    const links = this.index.linksDone ?? 0;
    // A hover that arrives meanwhile ends the step at the next clock reading (analysisWorker.ts polls its port).
    const done = interruptibly(() => this.index.linkStep(this.times.sliceMs, hold));
    this.longestStep = Math.max(this.longestStep, performance.now() - t0);
    if (this.index.linkJobRunning || this.index.localLinkRunning) this.smallWaiting = false;
    if ((this.index.localLinksDone ?? 0) > locals && !done) this.linkedLocally();
    // A folder-wide link that ends with newer changes pending (a folder still being indexed) is shown too: with
    // the version it took in, so views do not wait for the folder's last batch and the link after it.
    if ((this.index.linksDone ?? 0) > links && !done) this.linkedBefore();
    if (hold && !this.index.localLinkRunning) {
      this.smallWaiting = false;
      return true;
    }
    if (!done) return false;
    this.noteLinked();
    this.linked();
    return true;
  }

  /** "relink:local", "relink:<phase of the folder-wide link>", or "relink:begin" for a step that starts one. */
  private stepKind(): string {
    if (this.index.localLinkRunning) return 'relink:local';
    return this.index.linkJobRunning ? `relink:${this.index.linkPhase ?? 'link'}` : 'relink:begin';
  }

  /** A folder-wide link may begin in this step: it takes in every change so far. */
  private beginning(): void {
    this.linkVersion = this.version;
    this.begunSize = this.index.size;
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
