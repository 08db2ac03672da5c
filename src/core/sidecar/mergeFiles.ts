// Sidecar merges on disk: git's merge driver (base, ours, theirs files) and the rewrite of a sidecar holding conflict
// markers. Both write atomically and never touch a file when an input does not parse.
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { MergeConflict, MergeOutcome, hasConflictMarkers, mergeSidecarTexts, resolveConflictMarkers } from './merge';

export type FileMergeResult =
  { ok: true; conflicts: MergeConflict[]; notes: string[]; backup?: string } | { ok: false; message: string };

/** Temp file in the same folder, fsync, rename: a reader sees the old file or the new one, never half of it. */
export function writeTextAtomicSync(target: string, text: string): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx');
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temp, target);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

function failure(
  outcome:
    | Exclude<MergeOutcome, { ok: true }>
    | { ok: false; side: string; error: { message: string; line: number; column: number } },
  names: Record<string, string>,
): FileMergeResult {
  const where = outcome.error.line ? ` (line ${outcome.error.line}, column ${outcome.error.column})` : '';
  return {
    ok: false,
    message: `${names[outcome.side] ?? outcome.side} does not parse${where}: ${outcome.error.message}`,
  };
}

/**
 * git's merge driver (`%O %A %B`): merges the three sidecars and writes the result over `oursPath`. An empty or
 * missing base means both branches added the file. When an input does not parse, `oursPath` is left as it is.
 */
export function mergeSidecarFiles(basePath: string, oursPath: string, theirsPath: string): FileMergeResult {
  let texts: Array<string | null>;
  try {
    texts = [basePath, oursPath, theirsPath].map(readOrNull);
  } catch (e) {
    return { ok: false, message: `cannot read: ${(e as Error).message}` };
  }
  const [base, ours, theirs] = texts;
  if (ours === null || theirs === null)
    return { ok: false, message: `${ours === null ? oursPath : theirsPath} does not exist` };
  const outcome = mergeSidecarTexts(base !== null && base.trim() !== '' ? base : null, ours, theirs);
  if (!outcome.ok)
    return failure(outcome, {
      base: `the base version (${basePath})`,
      ours: `our version (${oursPath})`,
      theirs: `their version (${theirsPath})`,
    });
  if (outcome.text !== ours) writeTextAtomicSync(oursPath, outcome.text);
  return { ok: true, conflicts: outcome.conflicts, notes: outcome.notes };
}

/**
 * Rewrites a sidecar that holds git's conflict markers as the merge of its sides. The file as it was is kept
 * beside it as `<name>.orig` (hand edits inside the markers are not lost), then the result replaces it atomically.
 */
export function resolveConflictedSidecarFile(file: string): FileMergeResult {
  const text = readOrNull(file);
  if (text === null) return { ok: false, message: `${file} does not exist` };
  if (!hasConflictMarkers(text)) return { ok: false, message: `${path.basename(file)} holds no conflict markers` };
  const outcome = resolveConflictMarkers(text);
  if (!outcome.ok)
    return failure(outcome, {
      base: 'the base part (between ||||||| and =======)',
      ours: 'our side (between <<<<<<< and =======)',
      theirs: 'their side (between ======= and >>>>>>>)',
      markers: path.basename(file),
    });
  const backup = file + '.orig';
  writeTextAtomicSync(backup, text);
  writeTextAtomicSync(file, outcome.text);
  return { ok: true, conflicts: outcome.conflicts, notes: outcome.notes, backup };
}
