// Runs `analyze`'s per-file work in this thread (--jobs 1) or in this thread and a pool of worker threads, and
// hands the results back in input order, so the index and the output are the same whatever the job count.
import * as path from 'path';
import { Worker } from 'worker_threads';
import { analyzeFile, FileResult, FileTask } from './task';

/** Next to this file: dist/cliWorker.js in the bundle, out/src/cli/cliWorker.js when compiled by tsc. */
const WORKER_FILE = path.join(__dirname, 'cliWorker.js');
/** Tasks posted to a worker before it answers, so it never waits for the main thread. */
const IN_FLIGHT_PER_WORKER = 4;
/** How far ahead of the next result due the pool may run: bounds the results held for reordering. */
const AHEAD_PER_WORKER = 32;
/** Below this many files starting threads (each loads the analysis bundle) costs more than it saves. */
const MIN_FILES_FOR_POOL = 8;

/**
 * With N jobs, N - 1 worker threads and this thread analyse: this thread would otherwise sit idle while the workers
 * work, and one worker fewer saves loading the analysis bundle once more (about 250 ms of CPU). Between two of its
 * own files this thread takes in the workers' results, so they never wait long for it.
 */
export async function analyzeFiles(tasks: FileTask[], jobs: number, onResult: (r: FileResult) => void): Promise<void> {
  if (jobs <= 1 || tasks.length < MIN_FILES_FOR_POOL) {
    for (const t of tasks) onResult(analyzeFile(t));
    return;
  }
  await runPool(tasks, Math.min(jobs, tasks.length) - 1, onResult);
}

function runPool(tasks: FileTask[], size: number, onResult: (r: FileResult) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const inFlight = new Map<Worker, number>();
    const ready = new Map<number, FileResult>();
    // Threads analysing, this one included: how far the pool may run ahead of the next result due.
    const ahead = (size + 1) * AHEAD_PER_WORKER;
    let sent = 0;
    let delivered = 0;
    let finished = false;
    const finish = (err?: Error) => {
      if (finished) return;
      finished = true;
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      else resolve();
    };
    const feed = (w: Worker) => {
      while (inFlight.get(w)! < IN_FLIGHT_PER_WORKER && sent < tasks.length && sent < delivered + ahead) {
        w.postMessage({ i: sent, task: tasks[sent] });
        sent++;
        inFlight.set(w, inFlight.get(w)! + 1);
      }
    };
    const deliver = () => {
      for (let r = ready.get(delivered); r; r = ready.get(delivered)) {
        ready.delete(delivered);
        delivered++;
        onResult(r);
      }
      if (delivered === tasks.length) finish();
      else {
        for (const w of workers) feed(w);
        here.wake();
      }
    };
    const settle = (i: number, result: FileResult) => {
      ready.set(i, result);
      try {
        deliver();
      } catch (err) {
        finish(err as Error);
      }
    };
    // This thread's share: the next file not yet sent, one at a time, letting the workers' results in between.
    const here = new Turns(() => {
      if (finished || sent >= tasks.length || sent >= delivered + ahead) return false;
      const i = sent++;
      settle(i, analyzeFile(tasks[i]));
      return true;
    });
    for (let k = 0; k < size; k++) {
      const w = new Worker(WORKER_FILE);
      inFlight.set(w, 0);
      w.on('message', (m: { i: number; result: FileResult }) => {
        inFlight.set(w, inFlight.get(w)! - 1);
        settle(m.i, m.result);
      });
      w.on('error', (err) => finish(new Error(`a worker thread failed: ${err.message}`)));
      w.on('exit', (code) => finish(new Error(`a worker thread stopped early (exit code ${code})`)));
      workers.push(w);
    }
    for (const w of workers) feed(w);
    here.wake();
  });
}

/**
 * Runs `step` again and again, each time after the event loop's pending messages, until it says there is nothing to
 * do; `wake` starts it again (when a result frees room ahead).
 */
class Turns {
  private running = false;

  constructor(private readonly step: () => boolean) {}

  wake(): void {
    if (this.running) return;
    this.running = true;
    setImmediate(() => this.next());
  }

  private next(): void {
    if (this.step()) setImmediate(() => this.next());
    else this.running = false;
  }
}
