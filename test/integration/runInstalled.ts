// Tests the extension as a user gets it: packs the .vsix (`vsce package`, as `npm run package` does), installs
// it into code-server with `--install-extension`, opens a copy of seeds/ and runs the "installed" suites
// (see INSTALLED_SUITES in suiteFiles.ts) against the installed copy, not the working tree.
//
// VS Code runs extension tests only next to an extension in development mode, so the workbench gets an empty
// harness extension as its development path; the extension under test is the installed one.
// Environment (or --vsix=, --grep=, --timeout=, --keep):
//   ARTICLE_ANNOTATOR_VSIX          test this .vsix instead of packing one
//   ARTICLE_ANNOTATOR_TEST_GREP     mocha grep on full test titles
//   ARTICLE_ANNOTATOR_TEST_TIMEOUT  total seconds (default 300)
//   ARTICLE_ANNOTATOR_TEST_KEEP     1: keep the temp folder even on success
// Last line: "installed: N passed, N failed".
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './codeServer';
import { option, PassOutcome, requireFile, runPass, summarize } from './pass';
import { findTestFiles } from './suiteFiles';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const suiteDir = path.join(__dirname, 'suite');

/** Packs the working tree's build into `<dir>/article-annotator.vsix` with the flags of `npm run package`. */
function packVsix(dir: string): string {
  requireFile(repoRoot, path.join(repoRoot, 'dist', 'extension.js'), 'run `npm run build` first');
  const vsix = path.join(dir, 'article-annotator.vsix');
  const vsce = require.resolve('@vscode/vsce/vsce');
  const result = spawnSync(
    process.execPath,
    // The same flags as `npm run package`: no public repository yet, so README images keep relative links.
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 180_000,
    },
  );
  if (result.status !== 0 || !fs.existsSync(vsix)) {
    throw new Error(`vsce package failed (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  }
  console.log(`packed ${path.relative(repoRoot, vsix) || vsix}: ${(fs.statSync(vsix).size / 1024).toFixed(1)} KB`);
  return vsix;
}

/** An extension with nothing in it, so that VS Code accepts the test runner without loading the working tree. */
function writeHarness(dir: string): string {
  const harness = path.join(dir, 'test-harness');
  fs.mkdirSync(harness, { recursive: true });
  const manifest = {
    name: 'article-annotator-test-harness',
    publisher: 'article-annotator-tests',
    version: '0.0.0',
    engines: { vscode: '*' },
  };
  fs.writeFileSync(path.join(harness, 'package.json'), JSON.stringify(manifest, null, 2));
  return harness;
}

async function main(): Promise<number> {
  const started = Date.now();
  const deadline = started + Number(option('timeout', 'ARTICLE_ANNOTATOR_TEST_TIMEOUT') ?? 300) * 1000;
  const grep = option('grep', 'ARTICLE_ANNOTATOR_TEST_GREP');
  const keep = option('keep', 'ARTICLE_ANNOTATOR_TEST_KEEP') === '1';
  requireFile(repoRoot, path.join(suiteDir, 'index.js'), 'run `npm run compile` first');
  if (findTestFiles(suiteDir, 'installed').length === 0)
    throw new Error(`no compiled test files for the installed pass under ${suiteDir}`);

  const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-installed-'));
  const given = option('vsix', 'ARTICLE_ANNOTATOR_VSIX');
  const vsix = given ? path.resolve(given) : packVsix(tempRoot);
  const outcomes: PassOutcome[] = [];
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    outcomes.push(
      await runPass({
        mode: 'installed',
        repoRoot,
        suiteDir,
        browser,
        tempRoot,
        deadline,
        grep,
        extensionDevelopmentPath: writeHarness(tempRoot),
        installExtensions: [vsix],
        // The installed pass's own tests check that the extension was not loaded from here.
        env: { ARTICLE_ANNOTATOR_TEST_REPO: repoRoot },
      }),
    );
  } finally {
    await browser?.close().catch(() => undefined);
  }
  return summarize('installed', outcomes, tempRoot, keep, started) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`installed: ${err instanceof Error ? err.message : String(err)}`);
    console.log('installed: 0 passed, 1 failed');
    process.exit(1);
  },
);
