// One file's work for `analyze`: read it and run the per-article analysis, in whichever thread runs it.
import { analyzeForIndex } from '../core/corpus';
import { ArticleAnalysis } from '../core/model';
import { ArticleFile, readArticleFile } from './files';

export interface FileTask extends ArticleFile {
  /** The --published date, or null. */
  published: string | null;
}

/** Plain data, so a worker thread can post it back (structured clone). */
export type FileResult =
  { path: string; analysis: ArticleAnalysis } | { path: string; error: string } | { path: string; skipped: true };

export function analyzeFile(task: FileTask): FileResult {
  const read = readArticleFile(task);
  if (!('text' in read)) return { path: task.path, ...read };
  try {
    return { path: task.path, analysis: analyzeForIndex(task.path, read.text, task.published) };
  } catch (err) {
    return {
      path: task.path,
      error: `${task.path}: analysis failed (${err instanceof Error ? err.message : String(err)})`,
    };
  }
}
