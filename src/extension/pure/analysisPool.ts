// A small pool of threads that analyse articles for the serving worker, so that indexing a folder uses the cores
// and the serving worker, which answers hovers and views, only stores finished analyses.
import { Worker } from 'worker_threads';
import type { ArticleAnalysis } from '../../core/model';
import type { ArticleFile, ArticleInput } from './protocol';

export type PoolJob = (ArticleInput | ArticleFile) & { id: number };

/** An article's analysis with its text (read by the thread when it was sent a file), or why the file was skipped. */
export type PoolOutcome = { analysis: ArticleAnalysis; text: string } | { skipped: string };

export type PoolReply = ({ id: number } & PoolOutcome) | { id: number; error: string };

type Pending = { job: PoolJob; resolve: (a: PoolOutcome) => void; reject: (e: Error) => void };

/** Jobs posted to a thread ahead of its answers, so it never waits for the serving worker between articles. */
const IN_FLIGHT_PER_THREAD = 2;

/** Threads for analysis on a machine with `cores` cores: two on two cores (or one less than the cores, at most 2). */
export function poolSize(cores: number): number {
  return Math.max(1, Math.min(2, cores >= 3 ? cores - 1 : cores));
}

export class AnalysisPool {
  private readonly threads: { worker: Worker; jobs: Map<number, Pending> }[] = [];
  private readonly waiting: Pending[] = [];
  private nextId = 1;
  private disposed = false;

  /** `file`: the pool thread's script; `data`: its workerData (the disk cache's folder and build). */
  constructor(
    private readonly file: string,
    private readonly size: number,
    private readonly data: object = {},
  ) {}

  /**
   * The article's analysis, computed (or loaded from the cache) by one of the threads; `first`: ahead of the jobs
   * waiting (an article the user just opened, while a folder's batches wait).
   */
  analyse(input: ArticleInput | ArticleFile, first = false): Promise<PoolOutcome> {
    if (this.disposed) return Promise.reject(new Error('the analysis pool is stopped'));
    return new Promise((resolve, reject) => {
      const p = { job: { ...input, id: this.nextId++ }, resolve, reject };
      if (first) this.waiting.unshift(p);
      else this.waiting.push(p);
      this.feed();
    });
  }

  /** Jobs posted or waiting (for tests and the worker's scheduling). */
  get pending(): number {
    return this.waiting.length + this.threads.reduce((n, t) => n + t.jobs.size, 0);
  }

  /** Posts waiting jobs to the least busy thread, starting threads (up to the pool's size) as work waits. */
  private feed(): void {
    while (this.waiting.length) {
      let thread = this.threads.reduce<(typeof this.threads)[number] | undefined>(
        (best, t) => (!best || t.jobs.size < best.jobs.size ? t : best),
        undefined,
      );
      if (!thread || thread.jobs.size >= IN_FLIGHT_PER_THREAD) {
        if (this.threads.length >= this.size) return;
        thread = this.start();
      }
      const p = this.waiting.shift()!;
      thread.jobs.set(p.job.id, p);
      thread.worker.postMessage(p.job);
    }
  }

  private start(): { worker: Worker; jobs: Map<number, Pending> } {
    const worker = new Worker(this.file, { workerData: this.data });
    const thread = { worker, jobs: new Map<number, Pending>() };
    worker.on('message', (reply: PoolReply) => {
      const p = thread.jobs.get(reply.id);
      if (!p) return;
      thread.jobs.delete(reply.id);
      if ('error' in reply) p.reject(new Error(`${p.job.path}: analysis failed (${reply.error})`));
      else p.resolve(reply);
      this.feed();
    });
    // A thread that dies fails the articles it held; the next job starts another.
    const lost = (why: string) => {
      const i = this.threads.indexOf(thread);
      if (i >= 0) this.threads.splice(i, 1);
      for (const p of thread.jobs.values()) p.reject(new Error(`${p.job.path}: ${why}`));
      thread.jobs.clear();
      if (!this.disposed) this.feed();
    };
    worker.on('error', (err) => lost(`the analysis thread failed (${err.message})`));
    worker.on('exit', (code) => lost(`the analysis thread stopped (exit ${code})`));
    this.threads.push(thread);
    return thread;
  }

  dispose(): Promise<void> {
    this.disposed = true;
    for (const p of this.waiting) p.reject(new Error('the analysis pool is stopped'));
    this.waiting.length = 0;
    return Promise.all(this.threads.map((t) => t.worker.terminate())).then(() => undefined);
  }
}
