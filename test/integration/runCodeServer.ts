// Runs the integration suite in a real VS Code (code-server + headless Chromium) and exits with its result.
//
// Passes: "trusted" runs suite/**/*.test.js with workspace trust off; "restricted" runs
// suite/restricted/**/*.test.js with trust on and the folder untrusted (Restricted Mode). It runs only when
// such files exist. (The installed .vsix has its own runner, runInstalled.ts.) Environment:
//   ARTICLE_ANNOTATOR_TEST_MODE     trusted | restricted | all (default all)
//   ARTICLE_ANNOTATOR_TEST_GREP     mocha grep on full test titles
//   ARTICLE_ANNOTATOR_TEST_TIMEOUT  total seconds for all passes (default 600)
//   ARTICLE_ANNOTATOR_TEST_KEEP     1: keep the temp folder (logs, workspace, screenshot) even on success
// Command-line equivalents: --mode=<m> --grep=<g> --timeout=<s> --keep.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './codeServer';
import { option, PassOutcome, requireFile, runPass, summarize } from './pass';
import { findTestFiles, SuiteMode as Mode } from './suiteFiles';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const suiteDir = path.join(__dirname, 'suite');

async function main(): Promise<number> {
  const started = Date.now();
  const timeoutSeconds = Number(option('timeout', 'ARTICLE_ANNOTATOR_TEST_TIMEOUT') ?? 600);
  const deadline = started + timeoutSeconds * 1000;
  const grep = option('grep', 'ARTICLE_ANNOTATOR_TEST_GREP');
  const keep = option('keep', 'ARTICLE_ANNOTATOR_TEST_KEEP') === '1';
  const modeOption = option('mode', 'ARTICLE_ANNOTATOR_TEST_MODE') ?? 'all';
  if (!['all', 'trusted', 'restricted'].includes(modeOption))
    throw new Error(`unknown mode ${modeOption}: use trusted, restricted or all`);

  requireFile(repoRoot, path.join(repoRoot, 'dist', 'extension.js'), 'run `npm run build` first');
  requireFile(repoRoot, path.join(suiteDir, 'index.js'), 'run `npm run compile` first');
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
      outcomes.push(
        await runPass({
          mode,
          repoRoot,
          suiteDir,
          browser,
          tempRoot,
          deadline,
          grep,
          extensionDevelopmentPath: repoRoot,
        }),
      );
    }
  } finally {
    await browser?.close().catch(() => undefined);
  }

  return summarize('integration', outcomes, tempRoot, keep, started) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`integration: ${err instanceof Error ? err.message : String(err)}`);
    console.log('integration: 0 passed, 1 failed');
    process.exit(1);
  },
);
