// `article-annotator merge-sidecar BASE OURS THEIRS`: git's merge driver for sidecars (`%O %A %B`).
import { mergeSidecarFiles } from '../core/sidecar/mergeFiles';
import type { CliIO } from './main';

const PREFIX = 'article-annotator merge-sidecar:';

/** Exit 0 when merged (the result is over OURS); 1 when an input does not parse (OURS untouched: a conflict). */
export function runMergeSidecar(args: string[], io: CliIO, usage: string): number {
  if (args.length !== 3 || args.some((a) => a.startsWith('--'))) {
    io.stderr(`article-annotator: merge-sidecar takes three files, BASE OURS THEIRS (git's %O %A %B)\n${usage}\n`);
    return 2;
  }
  const [base, ours, theirs] = args;
  let result;
  try {
    result = mergeSidecarFiles(base, ours, theirs);
  } catch (e) {
    io.stderr(`${PREFIX} not merged, ${ours} is left as it is: ${(e as Error).message}\n`);
    return 1;
  }
  if (!result.ok) {
    io.stderr(`${PREFIX} not merged, ${result.message}. ${ours} is left as it is; resolve the conflict by hand.\n`);
    return 1;
  }
  for (const note of result.notes) io.stderr(`${PREFIX} ${note}\n`);
  for (const c of result.conflicts) {
    const kept = `both are kept, theirs as ${c.copyId} marked "review: conflict"`;
    io.stderr(`${PREFIX} annotation ${c.id} was changed differently on both sides; ${kept}\n`);
  }
  return 0;
}
