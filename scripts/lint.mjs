// `npm run lint`: eslint (with the 120-column limit), prettier --check and the structure check, each run
// even when an earlier one failed, so one pass shows every problem. Exits non-zero when any failed.
import { spawnSync } from 'node:child_process';

const checks = [
  ['eslint', ['npx', 'eslint', '--max-warnings', '0', '.']],
  ['prettier', ['npx', 'prettier', '--check', '--log-level', 'warn', '.']],
  ['structure', ['node', 'scripts/check-structure.mjs']],
];

const failed = [];
for (const [name, [cmd, ...args]] of checks) {
  console.log(`== lint: ${name}`);
  const { status, error } = spawnSync(cmd, args, { stdio: 'inherit' });
  if (error) console.error(error.message);
  if (status !== 0) failed.push(name);
}
console.log(failed.length ? `lint: failed (${failed.join(', ')})` : 'lint: ok');
process.exit(failed.length ? 1 : 0);
