// Preloaded (`node --require`) into a benchmarked CLI process: on exit, writes the process's peak RSS
// (all its threads) in kB to the file named by BENCH_RSS_FILE.
import * as fs from 'fs';

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => fs.writeFileSync(file, String(process.resourceUsage().maxRSS)));
