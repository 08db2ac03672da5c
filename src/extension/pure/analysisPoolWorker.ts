// A thread of the analysis pool (bundled as dist/analysisPoolWorker.js): analyses the articles the serving worker
// sends it, or loads their analysis from the disk cache, and posts each back.
import { parentPort, workerData } from 'worker_threads';
import { analyzeForIndex } from '../../core/corpus';
import { DiskAnalysisStore } from './analysisStore';
import type { PoolJob, PoolOutcome, PoolReply } from './analysisPool';
import { readArticleText } from './articleFiles';

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

/** Analyses an article (reading it first when sent a file), or loads its analysis from the cache. */
function analyseJob(job: PoolJob): PoolOutcome {
  const read = 'file' in job ? readArticleText(job.file, job.maxBytes) : { text: job.text };
  if ('skipped' in read) return read;
  const { path, userPublished } = job;
  const { text } = read;
  const stored = store?.load(path, text, userPublished);
  if (stored) return { analysis: stored, text };
  const analysis = analyzeForIndex(path, text, userPublished);
  store?.save(path, text, userPublished, analysis);
  return { analysis, text };
}

parentPort?.on('message', (job: PoolJob) => {
  let reply: PoolReply;
  try {
    reply = { id: job.id, ...analyseJob(job) };
  } catch (err) {
    reply = { id: job.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(reply);
});
