// Runs `analyze`'s per-file work in this thread (--jobs 1) or in a pool of worker threads, and hands
// the results back in input order, so the index and the output are the same whatever the job count.
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

export async function analyzeFiles(tasks: FileTask[], jobs: number, onResult: (r: FileResult) => void): Promise<void> {
  if (jobs <= 1 || tasks.length < MIN_FILES_FOR_POOL) {
    for (const t of tasks) onResult(analyzeFile(t));
    return;
  }
  await runPool(tasks, Math.min(jobs, tasks.length), onResult);
}

function runPool(tasks: FileTask[], size: number, onResult: (r: FileResult) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const inFlight = new Map<Worker, number>();
    const ready = new Map<number, FileResult>();
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
      while (
        inFlight.get(w)! < IN_FLIGHT_PER_WORKER &&
        sent < tasks.length &&
        sent < delivered + size * AHEAD_PER_WORKER
      ) {
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
      else for (const w of workers) feed(w);
    };
    for (let k = 0; k < size; k++) {
      const w = new Worker(WORKER_FILE);
      inFlight.set(w, 0);
      w.on('message', (m: { i: number; result: FileResult }) => {
        inFlight.set(w, inFlight.get(w)! - 1);
        ready.set(m.i, m.result);
        try {
          deliver();
        } catch (err) {
          finish(err as Error);
        }
      });
      w.on('error', (err) => finish(new Error(`a worker thread failed: ${err.message}`)));
      w.on('exit', (code) => finish(new Error(`a worker thread stopped early (exit code ${code})`)));
      workers.push(w);
    }
    for (const w of workers) feed(w);
  });
}
