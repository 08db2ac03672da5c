// Runs the integration suite in a real VS Code (code-server + headless Chromium) and exits with its result.
//
// Passes: "trusted" runs suite/**/*.test.js with workspace trust off; "restricted" runs
// suite/restricted/**/*.test.js with trust on and the folder untrusted (Restricted Mode). It runs only when
// such files exist. Environment:
//   ARTICLE_ANNOTATOR_TEST_MODE     trusted | restricted | all (default all)
//   ARTICLE_ANNOTATOR_TEST_GREP     mocha grep on full test titles
//   ARTICLE_ANNOTATOR_TEST_TIMEOUT  total seconds for all passes (default 600)
//   ARTICLE_ANNOTATOR_TEST_KEEP     1: keep the temp folder (logs, workspace, screenshot) even on success
// Command-line equivalents: --mode=<m> --grep=<g> --timeout=<s> --keep.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { launchChromium, RunningCodeServer, startCodeServer, tailOfFile, workbenchUrl } from './codeServer';
import { findTestFiles, SuiteMode as Mode, SuiteResults } from './suiteFiles';

interface PassOutcome {
  mode: Mode;
  exitCode: number;
  results?: SuiteResults;
  problem?: string;
}

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const suiteDir = path.join(__dirname, 'suite');

function option(name: string, envName: string): string | undefined {
  const flag = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (flag) return flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : '1';
  return process.env[envName];
}

function requireFile(file: string, hint: string): void {
  if (!fs.existsSync(file)) throw new Error(`${path.relative(repoRoot, file)} is missing: ${hint}`);
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

async function runPass(
  mode: Mode,
  browser: Browser,
  tempRoot: string,
  deadline: number,
  grep?: string,
): Promise<PassOutcome> {
  const passDir = path.join(tempRoot, mode);
  // Named "seeds" like the repository's folder, so the default article globs (**/seeds/**/*.txt) match.
  const workspace = path.join(passDir, 'seeds');
  const resultsDir = path.join(passDir, 'results');
  fs.cpSync(path.join(repoRoot, 'seeds'), workspace, { recursive: true });
  fs.mkdirSync(resultsDir, { recursive: true });
  const logPath = path.join(resultsDir, 'output.log');
  const resultsPath = path.join(resultsDir, 'results.json');

  const settings =
    mode === 'trusted'
      ? { 'security.workspace.trust.enabled': false }
      : {
          'security.workspace.trust.enabled': true,
          'security.workspace.trust.startupPrompt': 'never',
          'security.workspace.trust.emptyWindow': false,
        };
  const env: Record<string, string> = { ARTICLE_ANNOTATOR_TEST_RESULTS: resultsDir, ARTICLE_ANNOTATOR_TEST_MODE: mode };
  if (grep) env.ARTICLE_ANNOTATOR_TEST_GREP = grep;

  console.log(`\n== integration (${mode}) ==`);
  let server: RunningCodeServer | undefined;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const browserLog = fs.createWriteStream(path.join(passDir, 'browser-console.log'));
  try {
    server = await startCodeServer({
      repoRoot,
      folder: workspace,
      settings,
      env,
      logFile: path.join(passDir, 'code-server.log'),
    });
    const page = await context.newPage();
    page.on('console', (msg) => browserLog.write(`[${msg.type()}] ${msg.text()}\n`));
    page.on('pageerror', (err) => browserLog.write(`[pageerror] ${err.stack ?? err.message}\n`));

    let reportExit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (reportExit = resolve));
    // The workbench calls window.codeAutomationExit(code) when the extension tests finish.
    await page.exposeFunction('codeAutomationExit', (code: unknown) => reportExit(Number(code)));
    const url = workbenchUrl(server, workspace, repoRoot, path.join(suiteDir, 'index.js'));
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
  } catch (err) {
    return { mode, exitCode: 1, problem: err instanceof Error ? err.message : String(err) };
  } finally {
    await context.close().catch(() => undefined);
    browserLog.end();
    await server?.stop();
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const timeoutSeconds = Number(option('timeout', 'ARTICLE_ANNOTATOR_TEST_TIMEOUT') ?? 600);
  const deadline = started + timeoutSeconds * 1000;
  const grep = option('grep', 'ARTICLE_ANNOTATOR_TEST_GREP');
  const keep = option('keep', 'ARTICLE_ANNOTATOR_TEST_KEEP') === '1';
  const modeOption = option('mode', 'ARTICLE_ANNOTATOR_TEST_MODE') ?? 'all';
  if (!['all', 'trusted', 'restricted'].includes(modeOption))
    throw new Error(`unknown mode ${modeOption}: use trusted, restricted or all`);

  requireFile(path.join(repoRoot, 'dist', 'extension.js'), 'run `npm run build` first');
  requireFile(path.join(suiteDir, 'index.js'), 'run `npm run compile` first');
  const modes: Mode[] = (['trusted', 'restricted'] as Mode[]).filter(
    (m) => (modeOption === 'all' || modeOption === m) && findTestFiles(suiteDir, m).length > 0,
  );
  if (modes.length === 0)
    throw new Error(`no compiled integration test files for mode ${modeOption} under ${suiteDir}`);

  const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-integration-'));
  const outcomes: PassOutcome[] = [];
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    for (const mode of modes) {
      if (Date.now() >= deadline) {
        outcomes.push({ mode, exitCode: 1, problem: 'skipped: the total time limit was used up by earlier passes' });
        continue;
      }
      outcomes.push(await runPass(mode, browser, tempRoot, deadline, grep));
    }
  } finally {
    await browser?.close().catch(() => undefined);
  }

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
      console.log(
        `code-server log (${path.join(passDir, 'code-server.log')}), last lines:\n` +
          tailOfFile(path.join(passDir, 'code-server.log'), 3000),
      );
      console.log(`browser console: ${path.join(passDir, 'browser-console.log')}`);
    }
  }
  const ok = outcomes.every((o) => o.exitCode === 0 && !o.problem) && failed === 0;
  if (ok && !keep) fs.rmSync(tempRoot, { recursive: true, force: true, maxRetries: 3 });
  else console.log(`\nlogs and workspaces kept in ${tempRoot}`);
  console.log(`\nVS Code ${[...versions].join(', ') || 'unknown (the tests did not start)'}`);
  console.log(`integration took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`integration: ${passed} passed, ${failed} failed`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`integration: ${err instanceof Error ? err.message : String(err)}`);
    console.log('integration: 0 passed, 1 failed');
    process.exit(1);
  },
);
