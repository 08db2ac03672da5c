// Test entry loaded by VS Code's extension host: runs the mocha suite and records results for the runner.
//
// The extension host's console does not reliably reach the runner (code-server runs it behind a
// browser), so results go to files in ARTICLE_ANNOTATOR_TEST_RESULTS (set by the runner):
//   output.log    the human-readable report, appended line by line (the runner tails it live)
//   results.json  { vscodeVersion, mode, passed, failed, failures: [{ title, message, stack }] }
// Mode ARTICLE_ANNOTATOR_TEST_MODE=restricted runs suite/restricted/**; installed runs suite/installed/** and
// the few suites of INSTALLED_SUITES (see suiteFiles.ts); otherwise every other *.test.js.
// ARTICLE_ANNOTATOR_TEST_GREP narrows the run to tests whose full title matches.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { findBenchFiles, findTestFiles, SuiteResults } from '../suiteFiles';

// mocha <= 11 exports the Mocha class itself; mocha 12 as `.default`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mochaModule = require('mocha') as typeof import('mocha') & { default?: typeof import('mocha') };
const MochaClass = mochaModule.default ?? mochaModule;

function resultsDir(): string {
  return process.env.ARTICLE_ANNOTATOR_TEST_RESULTS ?? path.join(os.tmpdir(), 'article-annotator-test-results');
}

export async function run(): Promise<void> {
  const outDir = resultsDir();
  fs.mkdirSync(outDir, { recursive: true });
  const logPath = path.join(outDir, 'output.log');
  const resultsPath = path.join(outDir, 'results.json');
  fs.writeFileSync(logPath, '');
  const log = (line: string): void => {
    fs.appendFileSync(logPath, line + '\n');
    console.log(line);
  };

  const requested = process.env.ARTICLE_ANNOTATOR_TEST_MODE;
  const mode: SuiteResults['mode'] = requested === 'restricted' || requested === 'installed' ? requested : 'trusted';
  const results: SuiteResults = { vscodeVersion: vscode.version, mode, passed: 0, failed: 0, pending: 0, failures: [] };
  const save = (): void => fs.writeFileSync(resultsPath, JSON.stringify(results, null, 2));
  save();
  log(`VS Code ${vscode.version} (${mode} workspace, isTrusted=${vscode.workspace.isTrusted})`);

  const grep = process.env.ARTICLE_ANNOTATOR_TEST_GREP;
  const mocha = new MochaClass({ ui: 'bdd', color: false, timeout: 60_000, reporter: function silent() {} as never });
  if (grep) mocha.grep(grep);
  // The benchmarks (runBench.ts) load suite/bench/*.bench.js instead of the tests; they never pass or fail a run.
  const files = process.env.ARTICLE_ANNOTATOR_BENCH ? findBenchFiles(__dirname) : findTestFiles(__dirname, mode);
  for (const file of files) mocha.addFile(file);
  log(`${files.length} test file(s)${grep ? `, grep ${JSON.stringify(grep)}` : ''}`);

  await new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve());
      let depth = 0;
      runner.on('suite', (suite) => {
        if (suite.title) log(`${'  '.repeat(depth)}${suite.title}`);
        if (suite.title) depth++;
      });
      runner.on('suite end', (suite) => {
        if (suite.title) depth--;
      });
      runner.on('test', (test) => {
        results.running = test.fullTitle();
        save();
      });
      runner.on('test end', () => {
        results.running = undefined;
      });
      runner.on('pass', (test) => {
        results.passed++;
        log(`${'  '.repeat(depth)}ok ${test.title} (${test.duration ?? 0} ms)`);
        save();
      });
      runner.on('pending', (test) => {
        results.pending++;
        log(`${'  '.repeat(depth)}- ${test.title} (pending)`);
        save();
      });
      runner.on('fail', (test, err: Error) => {
        results.failed++;
        results.failures.push({ title: test.fullTitle(), message: String(err?.message ?? err), stack: err?.stack });
        log(`${'  '.repeat(depth)}FAIL ${test.title}: ${String(err?.message ?? err)}`);
        save();
      });
    } catch (err) {
      reject(err);
    }
  });

  save();
  for (const [i, failure] of results.failures.entries()) {
    log(`\n${i + 1}) ${failure.title}\n${failure.stack ?? failure.message}`);
  }
  log(
    `${mode}: ${results.passed} passed, ${results.failed} failed` +
      (results.pending ? `, ${results.pending} pending` : ''),
  );
  if (results.failed > 0) throw new Error(`${results.failed} integration test(s) failed`);
  if (results.passed === 0) throw new Error('no integration test ran');
}
