// What the integration suite and its runner share: which test files run in which mode, and the results' shape.
import * as fs from 'fs';
import * as path from 'path';

export type SuiteMode = 'trusted' | 'restricted';

export interface FailureRecord {
  title: string;
  message: string;
  stack?: string;
}

/** Written by suite/index.ts to `$ARTICLE_ANNOTATOR_TEST_RESULTS/results.json`, read by the runner. */
export interface SuiteResults {
  vscodeVersion: string;
  mode: SuiteMode;
  passed: number;
  failed: number;
  pending: number;
  failures: FailureRecord[];
  /** Full title of the test running now, so a timeout can name the test that hung. */
  running?: string;
}

/** Test files under this sub-folder of the suite run only in Restricted Mode (untrusted folder). */
export const RESTRICTED_FOLDER = 'restricted';

/** Compiled test files of this mode under `suiteDir`, sorted so runs are reproducible. */
export function findTestFiles(suiteDir: string, mode: SuiteMode): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.test.js')) files.push(full);
    }
  };
  walk(suiteDir);
  const restrictedDir = path.join(suiteDir, RESTRICTED_FOLDER) + path.sep;
  return files.filter((f) => f.startsWith(restrictedDir) === (mode === 'restricted')).sort();
}
