// Preloaded (`node --require`) into a benchmarked CLI process: on exit, writes the process's peak RSS
// in kB and its CPU time in µs (all its threads) to the file named by BENCH_RSS_FILE, as JSON.
import * as fs from 'fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    fs.writeFileSync(file, JSON.stringify({ maxRSS: u.maxRSS, cpu: u.userCPUTime + u.systemCPUTime }));
  });
}
