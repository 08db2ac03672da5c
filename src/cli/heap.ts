// A large folder outgrows Node's default heap limit (about 4 GB on 64-bit machines whatever their memory): 100,000
// articles peaked at 9.7 GB while linking and crashed with "JavaScript heap out of memory" without a larger limit.
// `analyze` asks for the limit the folder needs, once, by starting itself again with --max-old-space-size.
import * as os from 'os';
import * as v8 from 'v8';

/** Set in the restarted process, so it never restarts again. */
export const RELAUNCHED_ENV = 'ARTICLE_ANNOTATOR_RELAUNCHED';

/**
 * MB of heap an analysis and link of `files` articles needs, from `npm run bench -- cli` (peak resident size, heap
 * and the rest): 1,000 generated articles 250 MB, 10,000 about 1 GB, 100,000 9.7 GB. About 100 KB an article and
 * the bundle's own start, with a margin of a quarter.
 */
export function heapNeededMB(files: number, perFileKB = 100): number {
  return Math.ceil(1.25 * (256 + (files * perFileKB) / 1024));
}

export interface HeapPlan {
  /** Restart with this --max-old-space-size (MB), or undefined to go on in this process. */
  relaunchMB?: number;
  /** Said on stderr: the limit raised, or the machine likely too small. */
  message?: string;
}

export interface HeapFacts {
  files: number;
  /** This process's heap limit, MB. */
  limitMB: number;
  /** The machine's memory, MB. */
  totalMB: number;
  /** Whether the limit was set by the user (--max-old-space-size in NODE_OPTIONS or the node flags) or by a restart. */
  fixed: boolean;
  perFileKB?: number;
}

/** Whether to restart with a larger heap: only when the folder needs more than the limit and the user set none. */
export function heapPlan({ files, limitMB, totalMB, fixed, perFileKB }: HeapFacts): HeapPlan {
  const need = heapNeededMB(files, perFileKB);
  if (need <= limitMB) return {};
  // Leave the machine a fifth of its memory: the system, the worker threads' own heaps, the output.
  const room = Math.floor(totalMB * 0.8);
  const gb = (mb: number) => `${(mb / 1024).toFixed(1)} GB`;
  const short =
    need > room
      ? ` This machine has ${gb(totalMB)} of memory: the run may fail or swap; analyse fewer files at once.`
      : '';
  if (fixed || room <= limitMB)
    return short ? { message: `${files} files may need about ${gb(need)} of memory.${short}` } : {};
  const mb = Math.min(need, room);
  return {
    relaunchMB: mb,
    message: `${files} files need more than Node's default heap (${gb(limitMB)}): restarting with ${gb(mb)}.${short}`,
  };
}

/** The facts of this process. */
export function heapFacts(files: number): HeapFacts {
  const flags = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`;
  return {
    files,
    limitMB: Math.floor(v8.getHeapStatistics().heap_size_limit / 1048576),
    totalMB: Math.floor(os.totalmem() / 1048576),
    fixed: /--max-old-space-size/.test(flags) || process.env[RELAUNCHED_ENV] === '1',
    // For the CLI's own test only: pretend articles need this much, so a small folder exercises the restart.
    perFileKB: Number(process.env.ARTICLE_ANNOTATOR_TEST_HEAP_PER_FILE_KB) || undefined,
  };
}
