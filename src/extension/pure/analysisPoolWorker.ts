// A thread of the analysis pool (bundled as dist/analysisPoolWorker.js): analyses the articles the serving worker
// sends it, or loads their analysis from the disk cache, and posts each back.
import { parentPort, workerData } from 'worker_threads';
import { analyzeForIndex } from '../../core/corpus';
import { DiskAnalysisStore } from './analysisStore';
import type { PoolJob, PoolReply } from './analysisPool';

function openStore(): DiskAnalysisStore | undefined {
  const { cacheDir, build } = (workerData ?? {}) as { cacheDir?: string; build?: string };
  if (!cacheDir || !build) return undefined;
  try {
    return new DiskAnalysisStore(cacheDir, build);
  } catch {
    return undefined;
  }
}

const store = openStore();

function analyse({ path, text, userPublished }: PoolJob) {
  const stored = store?.load(path, text, userPublished);
  if (stored) return stored;
  const analysis = analyzeForIndex(path, text, userPublished);
  store?.save(path, text, userPublished, analysis);
  return analysis;
}

parentPort?.on('message', (job: PoolJob) => {
  let reply: PoolReply;
  try {
    reply = { id: job.id, analysis: analyse(job) };
  } catch (err) {
    reply = { id: job.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(reply);
});
