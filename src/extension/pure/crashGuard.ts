// When the analysis worker keeps stopping (out of memory on a folder too large for the machine, a bug an article
// triggers), restarting it and feeding it the folder again only repeats the crash and keeps a core busy for ever.
// The guard counts recent crashes; past its limit the client stops restarting until the user asks.

/** Crashes within WINDOW_MS after which the worker is not restarted on its own. */
export const MAX_CRASHES = 3;
export const WINDOW_MS = 10 * 60_000;

export class CrashGuard {
  private crashes: number[] = [];

  constructor(
    private readonly max = MAX_CRASHES,
    private readonly windowMs = WINDOW_MS,
  ) {}

  /** Records a crash at `now`; true when it is one too many (the worker should stay stopped). */
  crashed(now: number): boolean {
    this.crashes = this.crashes.filter((t) => now - t < this.windowMs);
    this.crashes.push(now);
    return this.crashes.length >= this.max;
  }

  /** Forgets the crashes (the user restarted the analysis). */
  reset(): void {
    this.crashes = [];
  }
}
