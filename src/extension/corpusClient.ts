// The extension host's handle on the analysis worker: typed async requests, restart on crash.
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import { Worker } from 'worker_threads';
import { poolSize } from './pure/analysisPool';
import { CrashGuard, MAX_CRASHES } from './pure/crashGuard';
import { RequestName, Requests, ResponseMessage, WorkerEvent } from './pure/protocol';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; parts?: unknown[] };

/** The analysis worker's young generation (see ensureWorker). */
const WORKER_YOUNG_MB = 16;

/**
 * The analysis worker's heap limit: three fifths of the machine's memory, never below the host's own limit. V8's
 * default (about 4 GB whatever the machine has) stops a folder of tens of thousands of articles (the CLI measured
 * about 100 KB an article while linking); the limit is a ceiling, not a reservation.
 */
export function workerHeapMB(
  totalMB = os.totalmem() / 1048576,
  hostLimitMB = v8.getHeapStatistics().heap_size_limit / 1048576,
): number {
  return Math.floor(Math.max(hostLimitMB, totalMB * 0.6));
}

export class CorpusClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private disposed = false;
  private readonly linkListeners = new Set<(e: WorkerEvent) => void>();
  private readonly restartListeners = new Set<() => void>();
  private started = 0;
  private readonly crashes = new CrashGuard();
  /** Why the worker is left stopped after repeated crashes; requests fail with it until restart(). */
  private stopped: string | undefined;
  private readonly stopListeners = new Set<(reason: string) => void>();
  /** The last error the worker reported (kept to say why it stopped). */
  private lastError = '';

  /** `cacheDir`: where the worker keeps analyses between sessions (the extension's storage). */
  constructor(
    private readonly extensionPath: string,
    private readonly log: (line: string) => void,
    private readonly cacheDir?: string,
    /** The worker's script, for tests (default: dist/analysisWorker.js of the extension). */
    private readonly workerFile = path.join(extensionPath, 'dist', 'analysisWorker.js'),
  ) {}

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerFile, {
      // The worker analyses new articles in a small pool of threads of its own (see analysisPool.ts).
      workerData: { cacheDir: this.cacheDir, poolSize: poolSize(os.availableParallelism?.() ?? os.cpus().length) },
      // A young generation of 16 MB. It was 96 MB so that a link's short-lived objects died young, but scavenges of
      // that size held the worker up to 60–77 ms (80–95 pauses over 20 ms in a 10,000-article scan and link, the worker
      // driven as the extension drives it); at 16 MB: 11–22 over 20 ms, the longest 40–56 ms, hovers' p95 20–24 →
      // 12–17 ms, for 7–8 s of collections instead of 4–5 s. Full collections stay few (8–10) and short (≤ 28 ms).
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB, maxOldGenerationSizeMb: workerHeapMB() },
    });
    worker.on('message', (msg: ResponseMessage | WorkerEvent) => {
      if ('event' in msg) {
        for (const l of this.linkListeners) l(msg);
        return;
      }
      const p = this.pending.get(msg.id);
      if (!p) return;
      if ('part' in msg) {
        // A long list arrives in parts (see ResponseMessage); the last message holds its end.
        (p.parts ??= []).push(...msg.part);
        return;
      }
      this.pending.delete(msg.id);
      if (msg.ok) p.resolve(p.parts ? [...p.parts, ...(msg.result as unknown[])] : msg.result);
      else p.reject(new Error(msg.error));
    });
    worker.on('error', (err) => {
      this.lastError = err.message;
      this.log(`analysis worker error: ${err.stack ?? err.message}`);
    });
    worker.on('exit', (code) => this.onExit(worker, code));
    this.worker = worker;
    // A new worker after a crash starts with an empty index: whoever fed the old one must feed it again.
    if (this.started++ > 0) queueMicrotask(() => this.restartListeners.forEach((l) => l()));
    return worker;
  }

  /** A worker that stopped on its own: the next request starts another, unless it keeps stopping. */
  private onExit(worker: Worker, code: number): void {
    const mine = this.worker === worker;
    if (mine) this.worker = undefined;
    for (const p of this.pending.values()) p.reject(new Error(`analysis worker stopped (exit ${code})`));
    this.pending.clear();
    if (this.disposed || code === 0 || !mine) return;
    if (this.crashes.crashed(Date.now())) {
      const why = this.lastError ? ` (last: ${this.lastError})` : '';
      this.stopped = `the analysis stopped ${MAX_CRASHES} times in a few minutes${why}; it is not restarted on its own`;
      this.log(this.stopped);
      for (const l of this.stopListeners) l(this.stopped);
      return;
    }
    this.log(`analysis worker exited with code ${code}; it restarts on the next request`);
  }

  /** Called once when the worker is left stopped after repeated crashes, with why. */
  onDidStop(listener: (reason: string) => void): { dispose(): void } {
    this.stopListeners.add(listener);
    return { dispose: () => this.stopListeners.delete(listener) };
  }

  request<K extends RequestName>(op: K, args: Requests[K]['args']): Promise<Requests[K]['result']> {
    if (this.disposed) return Promise.reject(new Error('Article Annotator is shutting down'));
    if (this.stopped) return Promise.reject(new Error(this.stopped));
    const id = this.nextId++;
    const worker = this.ensureWorker();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, op, args, sent: performance.timeOrigin + performance.now() });
    });
  }

  /** Stops the worker and starts a fresh one (the restart listeners then feed it). */
  async restart(): Promise<void> {
    this.stopped = undefined;
    this.crashes.reset();
    const old = this.worker;
    this.worker = undefined;
    if (old) await old.terminate();
    this.ensureWorker();
  }

  /** Called when a worker replaced one that stopped: its index is empty. */
  onDidRestart(listener: () => void): { dispose(): void } {
    this.restartListeners.add(listener);
    return { dispose: () => this.restartListeners.delete(listener) };
  }

  /** Called when the worker has relinked the folder on its own, after changes. */
  onDidLink(listener: (e: WorkerEvent) => void): { dispose(): void } {
    this.linkListeners.add(listener);
    return { dispose: () => this.linkListeners.delete(listener) };
  }

  dispose(): void {
    this.disposed = true;
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
