// One pass of the integration suite in code-server + Chromium (shared by runCodeServer.ts and runInstalled.ts):
// a fresh copy of seeds/, a fresh server, the workbench opened with the suite as its extension tests.
import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { RunningCodeServer, startCodeServer, tailOfFile, workbenchUrl } from './codeServer';
import { SuiteMode as Mode, SuiteResults } from './suiteFiles';

export interface PassOutcome {
  mode: Mode;
  exitCode: number;
  results?: SuiteResults;
  problem?: string;
}

export interface PassOptions {
  mode: Mode;
  repoRoot: string;
  /** Folder of the compiled suite (holds index.js). */
  suiteDir: string;
  browser: Browser;
  /** The pass's logs and workspace go to `<tempRoot>/<mode>`. */
  tempRoot: string;
  deadline: number;
  grep?: string;
  /**
   * The extension the workbench loads in development mode. VS Code runs extension tests only with one; the
   * installed pass gives an empty harness so that the extension under test is the installed one.
   */
  extensionDevelopmentPath: string;
  /** .vsix files installed before the server starts. */
  installExtensions?: string[];
  /** Extra settings and environment for this pass. */
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
  /** Adds files to the workspace (a copy of seeds/) before VS Code opens it (the benchmarks' folders). */
  prepareWorkspace?: (workspace: string) => void;
}

/** Settings per mode: trust off, or on with the folder untrusted (Restricted Mode). */
function modeSettings(mode: Mode): Record<string, unknown> {
  return mode === 'restricted'
    ? {
        'security.workspace.trust.enabled': true,
        'security.workspace.trust.startupPrompt': 'never',
        'security.workspace.trust.emptyWindow': false,
      }
    : { 'security.workspace.trust.enabled': false };
}

/** Copies the file to stdout from `offset`, returning the new offset, so the suite's log appears live. */
function relay(file: string, offset: number): number {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return offset;
  }
  if (text.length > offset) process.stdout.write(text.slice(offset));
  return Math.max(offset, text.length);
}

export async function runPass(o: PassOptions): Promise<PassOutcome> {
  const { mode, deadline } = o;
  const passDir = path.join(o.tempRoot, mode);
  // Named "seeds" like the repository's folder, so the default article globs (**/seeds/**/*.txt) match.
  const workspace = path.join(passDir, 'seeds');
  const resultsDir = path.join(passDir, 'results');
  fs.cpSync(path.join(o.repoRoot, 'seeds'), workspace, { recursive: true });
  o.prepareWorkspace?.(workspace);
  fs.mkdirSync(resultsDir, { recursive: true });
  const logPath = path.join(resultsDir, 'output.log');
  const resultsPath = path.join(resultsDir, 'results.json');
  const env: Record<string, string> = {
    ...o.env,
    ARTICLE_ANNOTATOR_TEST_RESULTS: resultsDir,
    ARTICLE_ANNOTATOR_TEST_MODE: mode,
  };
  if (o.grep) env.ARTICLE_ANNOTATOR_TEST_GREP = o.grep;

  console.log(`\n== integration (${mode}) ==`);
  let server: RunningCodeServer | undefined;
  const context = await o.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const browserLog = fs.createWriteStream(path.join(passDir, 'browser-console.log'));
  try {
    server = await startCodeServer({
      repoRoot: o.repoRoot,
      folder: workspace,
      settings: { ...modeSettings(mode), ...o.settings },
      env,
      logFile: path.join(passDir, 'code-server.log'),
      installExtensions: o.installExtensions,
    });
    const page = await context.newPage();
    page.on('console', (msg) => browserLog.write(`[${msg.type()}] ${msg.text()}\n`));
    page.on('pageerror', (err) => browserLog.write(`[pageerror] ${err.stack ?? err.message}\n`));

    let reportExit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (reportExit = resolve));
    // The workbench calls window.codeAutomationExit(code) when the extension tests finish.
    await page.exposeFunction('codeAutomationExit', (code: unknown) => reportExit(Number(code)));
    const url = workbenchUrl(server, workspace, o.extensionDevelopmentPath, path.join(o.suiteDir, 'index.js'));
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: Math.max(1000, deadline - Date.now()) });

    let offset = 0;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>(
      (resolve) => (timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()))),
    );
    const ticker = setInterval(() => (offset = relay(logPath, offset)), 300);
    const outcome = await Promise.race([exited, timedOut]);
    clearInterval(ticker);
    clearTimeout(timer);
    relay(logPath, offset);
    return await judge(mode, outcome, resultsPath, logPath, passDir, page);
  } catch (err) {
    return { mode, exitCode: 1, problem: err instanceof Error ? err.message : String(err) };
  } finally {
    await context.close().catch(() => undefined);
    browserLog.end();
    await server?.stop();
  }
}

/** Turns the suite's exit code and results file into an outcome, with a screenshot when nothing was reported. */
async function judge(
  mode: Mode,
  outcome: number | 'timeout',
  resultsPath: string,
  logPath: string,
  passDir: string,
  page: import('playwright-core').Page,
): Promise<PassOutcome> {
  const results = fs.existsSync(resultsPath)
    ? (JSON.parse(fs.readFileSync(resultsPath, 'utf8')) as SuiteResults)
    : undefined;
  if (outcome === 'timeout') {
    await page.screenshot({ path: path.join(passDir, 'timeout.png') }).catch(() => undefined);
    return {
      mode,
      exitCode: 1,
      results,
      problem:
        `timed out: the tests did not finish within the total time limit` +
        (results?.running ? `; still running: "${results.running}"` : '') +
        ` (screenshot ${path.join(passDir, 'timeout.png')})`,
    };
  }
  if (!results) {
    await page.screenshot({ path: path.join(passDir, 'no-results.png') }).catch(() => undefined);
    return {
      mode,
      exitCode: outcome || 1,
      problem: `the test entry wrote no results (did it load? exit code ${outcome})`,
    };
  }
  if (outcome !== 0 && results.failed === 0) {
    return {
      mode,
      exitCode: outcome,
      results,
      problem: `the test runner exited with ${outcome} (an error outside the tests: see ${logPath})`,
    };
  }
  return { mode, exitCode: outcome, results };
}

/**
 * Prints each problem with the end of the server's log, and the closing lines; ends with
 * "<label>: N passed, N failed" (scripts/test-all.mjs reads it). Returns whether everything passed.
 */
export function summarize(
  label: string,
  outcomes: PassOutcome[],
  tempRoot: string,
  keep: boolean,
  started: number,
): boolean {
  let passed = 0;
  let failed = 0;
  const versions = new Set<string>();
  for (const o of outcomes) {
    if (o.results) versions.add(o.results.vscodeVersion);
    passed += o.results?.passed ?? 0;
    failed += o.results?.failed ?? 0;
    if (o.problem) {
      failed += o.results && o.results.failed > 0 ? 0 : 1;
      const passDir = path.join(tempRoot, o.mode);
      console.log(`\nintegration (${o.mode}) problem: ${o.problem}`);
      const serverLog = path.join(passDir, 'code-server.log');
      console.log(`code-server log (${serverLog}), last lines:\n${tailOfFile(serverLog, 3000)}`);
      console.log(`browser console: ${path.join(passDir, 'browser-console.log')}`);
    }
  }
  const ok = outcomes.every((o) => o.exitCode === 0 && !o.problem) && failed === 0;
  if (ok && !keep) fs.rmSync(tempRoot, { recursive: true, force: true, maxRetries: 3 });
  else console.log(`\nlogs and workspaces kept in ${tempRoot}`);
  console.log(`\nVS Code ${[...versions].join(', ') || 'unknown (the tests did not start)'}`);
  console.log(`${label} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${label}: ${passed} passed, ${failed} failed`);
  return ok;
}

/** `--name=value` on the command line, else the environment variable. */
export function option(name: string, envName: string): string | undefined {
  const flag = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (flag) return flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : '1';
  return process.env[envName];
}

export function requireFile(repoRoot: string, file: string, hint: string): void {
  if (!fs.existsSync(file)) throw new Error(`${path.relative(repoRoot, file)} is missing: ${hint}`);
}
