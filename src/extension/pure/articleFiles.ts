// The folder's article files read where the analysis runs (the worker and its pool), so the extension host neither
// lists ten thousand files nor carries their text: it sends paths, the threads read, check and analyse.
import * as fs from 'fs';
import { join } from 'path';
import { looksBinary, stripBom } from '../../core/article';
import { matchesAny } from '../../core/glob';

/** Folders a scan never enters (what the host's file search excluded). */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
const TEXT_FILE = /\.(txt|md|text)$/i;

/** A path as the article globs are matched against it: slash-separated, a Windows drive as "/c:/…" as in a URI. */
function globPath(p: string): string {
  const slashed = p.replace(/\\/g, '/');
  return /^[a-zA-Z]:\//.test(slashed) ? `/${slashed}` : slashed;
}

/** Text files under `roots` that match `globs`, sorted; read with asynchronous I/O, so the worker keeps serving. */
export async function listArticleFiles(roots: string[], globs: string[]): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(e.name)) await walk(p);
      } else if ((e.isFile() || e.isSymbolicLink()) && TEXT_FILE.test(e.name) && matchesAny(globPath(p), globs)) {
        found.push(p);
      }
    }
  };
  for (const root of roots) await walk(root);
  return found.sort();
}

/** An article's text from disk, or why it is not read (too large, binary, unreadable): the host logs that. */
export function readArticleText(file: string, maxBytes: number): { text: string } | { skipped: string } {
  try {
    const size = fs.statSync(file).size;
    if (size > maxBytes)
      return {
        skipped: `skipped ${file}: ${(size / 1048576).toFixed(1)} MB is over articleAnnotator.maxFileSizeMB`,
      };
    const bytes = fs.readFileSync(file);
    if (looksBinary(bytes)) return { skipped: `skipped ${file}: it looks like a binary file, not an article` };
    return { text: stripBom(new TextDecoder('utf-8').decode(bytes)) };
  } catch (err) {
    return { skipped: `could not read ${file}: ${(err as Error).message}` };
  }
}
