// Keeps each article's analysis on disk under the extension's storage, keyed by a hash of the text,
// the user's date and the analysis build, so reopening a folder of thousands of articles is quick.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { AnalysisStore } from '../../core/corpus';
import type { ArticleAnalysis } from '../../core/model';

/** What a stored analysis holds; raised when that changes (2: events and quotes detected with the analysis). */
const STORE_FORMAT = 2;

export class DiskAnalysisStore implements AnalysisStore {
  private readonly dir: string;
  hits = 0;
  misses = 0;

  /** `build` identifies the analysis code: results of another build are never read, and are deleted. */
  constructor(root: string, build: string) {
    const version = `v${STORE_FORMAT}-${build}`;
    this.dir = path.join(root, 'analysis-cache', version);
    fs.mkdirSync(this.dir, { recursive: true });
    for (const other of fs.readdirSync(path.dirname(this.dir))) {
      if (other !== version) fs.rmSync(path.join(path.dirname(this.dir), other), { recursive: true, force: true });
    }
  }

  private file(text: string, userPublished: string | null): string {
    const key = createHash('sha1')
      .update(userPublished ?? '-')
      .update('\0')
      .update(text)
      .digest('hex');
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  load(articlePath: string, text: string, userPublished: string | null): ArticleAnalysis | undefined {
    const file = this.file(text, userPublished);
    let raw: string;
    try {
      raw = fs.readFileSync(file, 'utf8');
    } catch {
      this.misses++;
      return undefined;
    }
    try {
      const stored = JSON.parse(raw) as ArticleAnalysis;
      this.hits++;
      // The text is not stored (the caller has it); the path is this article's, whatever it was called then.
      return { ...stored, article: { ...stored.article, text, path: articlePath } };
    } catch {
      fs.rmSync(file, { force: true });
      this.misses++;
      return undefined;
    }
  }

  save(_articlePath: string, text: string, userPublished: string | null, analysis: ArticleAnalysis): void {
    const file = this.file(text, userPublished);
    const stored = { ...analysis, article: { ...analysis.article, text: '' } };
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // Written to a temporary name and renamed, so a crash never leaves a torn cache entry.
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(stored));
      fs.renameSync(tmp, file);
    } catch {
      // A cache that cannot be written only costs time on the next start.
    }
  }
}

/** The analysis build: the worker bundle's size and modification time. */
export function analysisBuild(workerFile: string): string {
  try {
    const st = fs.statSync(workerFile);
    return `${st.size}-${Math.round(st.mtimeMs)}`;
  } catch {
    return 'unknown';
  }
}
