// What held the analysis worker: how long hovers waited in its queue and ran, its longest steps by kind, its garbage
// collections and the stalls of its event loop. Asked by the real-VS-Code bench to say where hover latency comes from.
import * as fs from 'fs';
import { constants, PerformanceObserver } from 'perf_hooks';

export interface Summary {
  n: number;
  median: number;
  p95: number;
  max: number;
}

export interface WorkerStatsSnapshot {
  /** Hover requests: time from the host's post to the message's arrival (port: the worker was busy in a step or a
   *  collection), from its arrival to its handling (queue), and the handling itself. */
  cards: { port: Summary; wait: Summary; run: Summary };
  /** The longest steps of the queue, with the kind of task that took them. */
  longestSteps: { kind: string; ms: number }[];
  /** Steps over 20 ms by kind. */
  stepsOver20: Record<string, number>;
  /**
   * The steps over 20 ms: their time in all, and how much of it the thread was ready to run but waited for a CPU
   * (the system ran other threads: the pool's, VS Code's), null where the system does not say (not Linux), and how
   * much of it went to this thread's garbage collections.
   */
  over20Time: { totalMs: number; waitingMs: number | null; gcMs: number };
  /**
   * Garbage collections of this thread: how many, in total and the longest (ms), and how many over 20 ms; `minor`
   * the same for scavenges of the young generation alone (the rest are full collections and their steps).
   */
  gc: GcFigures & { minor: GcFigures };
  /** Gaps of a 10 ms ticker over 20 ms: whatever held the thread (steps, GC, message deserialisation). */
  stalls: { over20: number; maxMs: number };
}

export interface GcFigures {
  count: number;
  totalMs: number;
  maxMs: number;
  over20: number;
}

const noGc = (): GcFigures => ({ count: 0, totalMs: 0, maxMs: 0, over20: 0 });

function addGc(g: GcFigures, ms: number): void {
  g.count++;
  g.totalMs += ms;
  g.maxMs = Math.max(g.maxMs, ms);
  if (ms > 20) g.over20++;
}

const roundGc = (g: GcFigures): GcFigures => ({
  ...g,
  totalMs: Math.round(g.totalMs * 10) / 10,
  maxMs: Math.round(g.maxMs * 10) / 10,
});

const KEEP = 4096;

/**
 * This thread's time spent ready to run but waiting for a CPU, in ms, from Linux's /proc/thread-self/schedstat (its
 * second field, in ns); undefined where there is no such file.
 */
export function linuxCpuWaitMs(): number | undefined {
  try {
    return Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return undefined;
  }
}

/** "steps > 20 ms: 5.12 s in all; waiting for a CPU 2.08 s, collecting garbage 1.10 s", for the benches. */
export function over20Time(t: WorkerStatsSnapshot['over20Time']): string {
  const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const waiting = t.waitingMs === null ? 'unknown (not Linux)' : sec(t.waitingMs);
  const rest = t.totalMs - (t.waitingMs ?? 0) - t.gcMs;
  return (
    `steps > 20 ms: ${sec(t.totalMs)} in all; waiting for a CPU (other threads running) ${waiting}, ` +
    `collecting garbage ${sec(t.gcMs)}, the rest ${sec(Math.max(0, rest))}`
  );
}

/** Total overlap of two lists of [start, end) windows (flat: start, end, start, end …), each in time order. */
export function overlapMs(a: readonly number[], b: readonly number[]): number {
  let total = 0;
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    while (j < b.length && b[j + 1] <= a[i]) j += 2;
    for (let k = j; k < b.length && b[k] < a[i + 1]; k += 2)
      total += Math.min(a[i + 1], b[k + 1]) - Math.max(a[i], b[k]);
  }
  return total;
}

export function summary(values: readonly number[]): Summary {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  const round = (x: number) => Math.round(x * 10) / 10;
  return { n: s.length, median: round(at(0.5)), p95: round(at(0.95)), max: round(s[s.length - 1] ?? 0) };
}

/** Collects the figures; `start` begins the GC observer and the ticker, `reset` starts a new sample. */
export class WorkerStats {
  private ports: number[] = [];
  private waits: number[] = [];
  private runs: number[] = [];
  private steps: { kind: string; ms: number }[] = [];
  private over20: Record<string, number> = {};
  private gc = noGc();
  private minorGc = noGc();
  private stalls = { over20: 0, maxMs: 0 };
  private over20Time = { totalMs: 0, waitingMs: 0 };
  private lastWait: number | undefined;
  /** Start and end (performance.now()) of the steps over 20 ms and of the collections, to see where they overlap. */
  private longWindows: number[] = [];
  private gcWindows: number[] = [];

  /**
   * `cpuWait`: the thread's time waiting for a CPU so far (ms), undefined when unknown. It is read after each step
   * (a file read, about 15 µs) only from the first `reset` on, when a bench begins a sample, so hovers do not pay it
   * otherwise.
   */
  constructor(private readonly cpuWait: () => number | undefined = linuxCpuWaitMs) {}

  noteCards(portMs: number, waitMs: number, runMs: number): void {
    if (this.waits.length >= KEEP) return;
    this.ports.push(portMs);
    this.waits.push(waitMs);
    this.runs.push(runMs);
  }

  /** `end`: when the step ended on this thread's performance clock (now, when the queue tells). */
  noteStep(kind: string, ms: number, end = performance.now()): void {
    // The wait since the previous step ended: the step's own, as the thread waits little between steps.
    let waited = 0;
    if (this.lastWait !== undefined) {
      const wait = this.cpuWait();
      waited = wait === undefined ? 0 : wait - this.lastWait;
      this.lastWait = wait;
    }
    if (ms > 20) {
      this.over20[kind] = (this.over20[kind] ?? 0) + 1;
      this.over20Time.totalMs += ms;
      this.over20Time.waitingMs += Math.min(ms, waited);
      if (this.longWindows.length < 2 * KEEP) this.longWindows.push(end - ms, end);
    }
    if (this.steps.length < 8 || ms > this.steps[this.steps.length - 1].ms) {
      this.steps.push({ kind, ms: Math.round(ms * 10) / 10 });
      this.steps.sort((a, b) => b.ms - a.ms);
      this.steps.length = Math.min(this.steps.length, 8);
    }
  }

  /** `minor`: a scavenge of the young generation (V8's minor collection). */
  noteGc(ms: number, minor = false, start?: number): void {
    addGc(this.gc, ms);
    if (start !== undefined && this.gcWindows.length < 16 * KEEP) this.gcWindows.push(start, start + ms);
    if (minor) addGc(this.minorGc, ms);
  }

  noteStall(ms: number): void {
    this.stalls.maxMs = Math.max(this.stalls.maxMs, ms);
    if (ms > 20) this.stalls.over20++;
  }

  /** Observes this thread's garbage collections and event-loop stalls (both cost next to nothing). */
  start(): void {
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const kind = ((e as { detail?: unknown }).detail as { kind?: number } | undefined)?.kind;
        this.noteGc(e.duration, kind === constants.NODE_PERFORMANCE_GC_MINOR, e.startTime);
      }
    });
    observer.observe({ entryTypes: ['gc'] });
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      this.noteStall(now - last - 10);
      last = now;
    }, 10).unref();
  }

  snapshot(): WorkerStatsSnapshot {
    const round = (x: number) => Math.round(x * 10) / 10;
    return {
      cards: { port: summary(this.ports), wait: summary(this.waits), run: summary(this.runs) },
      longestSteps: [...this.steps],
      stepsOver20: { ...this.over20 },
      over20Time: {
        totalMs: round(this.over20Time.totalMs),
        waitingMs: this.lastWait === undefined ? null : round(this.over20Time.waitingMs),
        gcMs: round(overlapMs(this.longWindows, this.gcWindows)),
      },
      gc: { ...roundGc(this.gc), minor: roundGc(this.minorGc) },
      stalls: { ...this.stalls, maxMs: round(this.stalls.maxMs) },
    };
  }

  reset(): void {
    this.ports = [];
    this.waits = [];
    this.runs = [];
    this.steps = [];
    this.over20 = {};
    this.over20Time = { totalMs: 0, waitingMs: 0 };
    this.lastWait = this.cpuWait();
    this.longWindows = [];
    this.gcWindows = [];
    this.gc = noGc();
    this.minorGc = noGc();
    this.stalls = { over20: 0, maxMs: 0 };
  }
}
