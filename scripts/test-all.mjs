// `npm test`: the unit suite in plain Node, the integration suite in a real VS Code, the installed suite (the
// packed .vsix installed into that VS Code), then `npm run lint` (counted as one check), and one closing line
// "N passed, N failed" totalling them all. Exits non-zero when anything failed or did not run.
import { spawn } from 'node:child_process';

function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      out += d;
      process.stderr.write(d);
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out }));
  });
}

// eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
const strip = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');
const suites = [];

// Unit tests: mocha's spec reporter ends with "N passing" and, when any failed, "N failing".
{
  const { code, out } = await run('npx', ['mocha', '--config', '.mocharc.json', '--color']);
  const text = strip(out);
  const passed = +(/(\d+) passing/.exec(text)?.[1] ?? 0);
  const failed = +(/(\d+) failing/.exec(text)?.[1] ?? 0) + (code !== 0 && !/(\d+) failing/.test(text) ? 1 : 0);
  suites.push({ name: 'unit', passed, failed, code });
}

// Integration tests in code-server: the runner ends with "integration: N passed, N failed".
// Installed: the runner packs the .vsix, installs it and ends with "installed: N passed, N failed".
const vscodeSuites = [
  { name: 'integration', script: 'out/test/integration/runCodeServer.js' },
  { name: 'installed', script: 'out/test/integration/runInstalled.js' },
];
if (process.env.ARTICLE_ANNOTATOR_SKIP_INTEGRATION === '1') {
  console.log('\nintegration and installed: skipped because ARTICLE_ANNOTATOR_SKIP_INTEGRATION=1');
} else {
  for (const { name, script } of vscodeSuites) {
    const { code, out } = await run('node', [script]);
    const m = new RegExp(`^${name}: (\\d+) passed, (\\d+) failed`, 'm').exec(strip(out));
    const passed = m ? +m[1] : 0;
    // A runner that could not start VS Code counts as one failure, never as success.
    const failed = m ? +m[2] + (code !== 0 && +m[2] === 0 ? 1 : 0) : 1;
    suites.push({ name, passed, failed, code });
  }
}

// Lint (eslint, prettier --check, structure check) counts as one check: passed or failed.
{
  const { code } = await run('npm', ['run', '--silent', 'lint']);
  suites.push({ name: 'lint', passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, code });
}

const passed = suites.reduce((n, s) => n + s.passed, 0);
const failed = suites.reduce((n, s) => n + s.failed, 0);
console.log('\n' + suites.map((s) => `${s.name}: ${s.passed} passed, ${s.failed} failed`).join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 || suites.some((s) => s.code !== 0) ? 1 : 0);
