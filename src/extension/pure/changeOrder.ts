// The order of the changes to the index when small changes go ahead of a folder's batches (workQueue.ts): each change
// is numbered when it arrives, and an article of a batch is stored only if no later change of that article was.

export class ChangeOrder {
  private last = 0;
  private readonly applied = new Map<string, number>();

  /** The number of a change that has just arrived. */
  next(): number {
    return ++this.last;
  }

  /** A change numbered `seq` was made to these articles (stored, removed, renamed from or to). */
  note(seq: number, ...paths: string[]): void {
    for (const p of paths) if ((this.applied.get(p) ?? 0) < seq) this.applied.set(p, seq);
  }

  /** True when a change made after `seq` was already applied to the article: the older one must not overwrite it. */
  superseded(path: string, seq: number): boolean {
    return (this.applied.get(path) ?? 0) > seq;
  }
}
