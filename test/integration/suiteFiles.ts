// What the integration suite and its runner share: which test files run in which mode, and the results' shape.
import * as fs from 'fs';
import * as path from 'path';

/**
 * trusted: the extension under development, trusted folder; restricted: the same in Restricted Mode;
 * installed: the packaged .vsix installed into VS Code, as a user gets it.
 */
export type SuiteMode = 'trusted' | 'restricted' | 'installed';

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
/** Test files under this sub-folder run only against the installed .vsix (they check what was installed). */
export const INSTALLED_FOLDER = 'installed';
/**
 * Top-level suites that also run against the installed .vsix: hovers and highlights, annotations, the
 * walkthrough and sample articles. Few on purpose: the pass starts a second VS Code, so it is kept short.
 */
export const INSTALLED_SUITES = ['analysis.test.js', 'annotations.test.js', 'walkthrough.test.js'];

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
  const installedDir = path.join(suiteDir, INSTALLED_FOLDER) + path.sep;
  const topLevel = (f: string) => !f.startsWith(restrictedDir) && !f.startsWith(installedDir);
  const inMode = {
    trusted: topLevel,
    restricted: (f: string) => f.startsWith(restrictedDir),
    installed: (f: string) =>
      f.startsWith(installedDir) || (topLevel(f) && INSTALLED_SUITES.includes(path.relative(suiteDir, f))),
  }[mode];
  return files.filter(inMode).sort();
}

/** Compiled benchmark files (suite/bench/*.bench.js): run only by runBench.ts, never by the tests. */
export function findBenchFiles(suiteDir: string): string[] {
  const dir = path.join(suiteDir, 'bench');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.bench.js'))
    .sort()
    .map((f) => path.join(dir, f));
}
