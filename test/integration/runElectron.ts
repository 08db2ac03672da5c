// Runs the integration suite in desktop VS Code downloaded by @vscode/test-electron (needs internet access).
//
// Same suite and results files as runCodeServer.ts (the code-server runner, for machines without
// internet). Only the trusted pass runs here: @vscode/test-electron starts VS Code with
// --disable-workspace-trust. Environment: ARTICLE_ANNOTATOR_TEST_GREP narrows the run;
// ARTICLE_ANNOTATOR_VSCODE_VERSION picks the VS Code build (default: the engine's minimum, 1.100.3).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { SuiteResults } from './suiteFiles';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

async function main(): Promise<number> {
  const started = Date.now();
  const extensionTestsPath = path.join(__dirname, 'suite', 'index.js');
  for (const [file, hint] of [
    [path.join(repoRoot, 'dist', 'extension.js'), 'npm run build'],
    [extensionTestsPath, 'npm run compile'],
  ]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(repoRoot, file)} is missing: run \`${hint}\` first`);
  }
  const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-electron-'));
  // Named "seeds" like the repository's folder, as in runCodeServer.ts, so the default article globs match.
  const workspace = path.join(tempRoot, 'seeds');
  const resultsDir = path.join(tempRoot, 'results');
  fs.cpSync(path.join(repoRoot, 'seeds'), workspace, { recursive: true });
  const extensionTestsEnv: Record<string, string> = {
    ARTICLE_ANNOTATOR_TEST_RESULTS: resultsDir,
    ARTICLE_ANNOTATOR_TEST_MODE: 'trusted',
  };
  if (process.env.ARTICLE_ANNOTATOR_TEST_GREP)
    extensionTestsEnv.ARTICLE_ANNOTATOR_TEST_GREP = process.env.ARTICLE_ANNOTATOR_TEST_GREP;

  let exitCode: number;
  try {
    exitCode = await runTests({
      version: process.env.ARTICLE_ANNOTATOR_VSCODE_VERSION ?? '1.100.3',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      extensionTestsEnv,
      launchArgs: [workspace, '--disable-extensions', '--user-data-dir', path.join(tempRoot, 'user-data')],
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const resultsPath = path.join(resultsDir, 'results.json');
    if (!fs.existsSync(resultsPath)) {
      // No results at all: VS Code never started, most often because it could not be downloaded.
      console.error(
        `integration (electron): VS Code did not start: ${message}\n` +
          `@vscode/test-electron downloads VS Code from update.code.visualstudio.com, which needs internet access.\n` +
          'Without it, run the same suite in code-server instead: ' +
          'bash .ci/install-vscode.sh && npm run test:integration',
      );
      console.log('integration: 0 passed, 1 failed');
      return 1;
    }
    exitCode = 1;
  }

  const resultsPath = path.join(resultsDir, 'results.json');
  const results = fs.existsSync(resultsPath)
    ? (JSON.parse(fs.readFileSync(resultsPath, 'utf8')) as SuiteResults)
    : undefined;
  console.log(`\nVS Code ${results?.vscodeVersion ?? 'unknown (the tests did not start)'}`);
  console.log(`integration took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const failed = results ? results.failed + (exitCode !== 0 && results.failed === 0 ? 1 : 0) : 1;
  console.log(`integration: ${results?.passed ?? 0} passed, ${failed} failed`);
  if (exitCode === 0 && failed === 0) fs.rmSync(tempRoot, { recursive: true, force: true, maxRetries: 3 });
  else console.log(`logs and workspace kept in ${tempRoot}`);
  return exitCode === 0 && failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`integration (electron): ${err instanceof Error ? err.message : String(err)}`);
    console.log('integration: 0 passed, 1 failed');
    process.exit(1);
  },
);
