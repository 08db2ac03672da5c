// `npm run test:unit [-- --fast] [mocha options]`: the unit suite in plain Node (run `npm run compile` first).
// --fast leaves out the tests tagged @slow in their title (10 MB inputs, 10,000 articles, the killed writer)
// for the edit loop; `npm test` always runs them.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const fast = args.includes('--fast');
const rest = args.filter((a) => a !== '--fast');
const mocha = ['mocha', '--config', '.mocharc.json', ...(fast ? ['--grep', '@slow', '--invert'] : []), ...rest];
const { status, error } = spawnSync('npx', mocha, { stdio: 'inherit' });
if (error) console.error(error.message);
process.exit(status ?? 1);
