// The CLI's file input: which files of the given paths are articles, and reading one (in any thread).
import * as fs from 'fs';
import * as path from 'path';
import { looksBinary, stripBom } from '../core/article';
import { matchesAny } from '../core/glob';
import { SIDECAR_SUFFIX } from '../core/sidecar/schema';

/** Extensions of files read from a folder; a file named explicitly is read whatever its extension. */
const ARTICLE_GLOBS = ['**/*.txt', '**/*.md', '**/*.text'];

/** A file to read: `explicit` when the user named it (then a binary file is reported, not skipped silently). */
export interface ArticleFile {
  path: string;
  explicit: boolean;
}

export type ReadResult = { text: string } | { error: string } | { skipped: true };

export interface LoadedArticle {
  path: string;
  text: string;
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
}

/** The article files of the given paths, in order (folders sorted by name); problems become messages. */
export function listArticleFiles(paths: string[], errors: string[]): ArticleFile[] {
  const out: ArticleFile[] = [];
  const seen = new Set<string>();
  const add = (file: string, explicit: boolean) => {
    if (seen.has(file)) return;
    seen.add(file);
    out.push({ path: file, explicit });
  };
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      errors.push(`${dir}: cannot list (${errorCode(err)})`);
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && matchesAny(full, ARTICLE_GLOBS) && !e.name.endsWith(SIDECAR_SUFFIX)) add(full, false);
    }
  };
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      errors.push(`${p}: no such file or folder`);
      continue;
    }
    if (stat.isDirectory()) walk(p);
    else add(p, true);
  }
  return out;
}

/** Reads one article as VS Code sees it (BOM removed); a binary file found in a folder is skipped silently. */
export function readArticleFile(file: ArticleFile): ReadResult {
  try {
    const bytes = fs.readFileSync(file.path);
    if (looksBinary(bytes)) {
      return file.explicit
        ? { error: `${file.path}: looks like a binary file, not an article; skipped` }
        : { skipped: true };
    }
    return { text: stripBom(bytes.toString('utf8')) };
  } catch (err) {
    return { error: `${file.path}: cannot read (${errorCode(err)})` };
  }
}

/** Lists and reads every article; every problem becomes a message, never an exception. */
export function collectArticles(paths: string[], errors: string[]): LoadedArticle[] {
  const out: LoadedArticle[] = [];
  for (const f of listArticleFiles(paths, errors)) {
    const r = readArticleFile(f);
    if ('text' in r) out.push({ path: f.path, text: r.text });
    else if ('error' in r) errors.push(r.error);
  }
  return out;
}
