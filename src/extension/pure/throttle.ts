// Runs an action at most once per interval: at once when it has not run for that long, else once at the end of it.
// Views refresh this way, so a lone edit shows at once and a folder being indexed refreshes them now and then.

export class Throttle {
  private last = -Infinity;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private due = Infinity;

  constructor(
    private readonly action: () => void,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Asks for a run no sooner than `gapMs` after the last one; an earlier run already asked for stands. */
  request(gapMs: number): void {
    const now = this.now();
    const due = Math.max(now, this.last + gapMs);
    if (this.timer !== undefined && this.due <= due) return;
    this.cancel();
    if (due <= now) {
      this.run();
      return;
    }
    this.due = due;
    this.timer = setTimeout(() => this.run(), due - now);
  }

  private run(): void {
    this.cancel();
    this.last = this.now();
    this.action();
  }

  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.due = Infinity;
  }
}
