// Preloaded (`node --require`) into a benchmarked CLI process: on exit, writes the process's peak RSS
// in kB and its CPU time in µs (all its threads) to the file named by BENCH_RSS_FILE, as JSON. A CLI that restarted
// itself with a larger heap (src/cli/heap.ts) preloads this in the child too; the child exits first, and the parent
// adds its own figures to the child's: the larger peak, the sum of the CPU.
import * as fs from 'fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    let maxRSS = u.maxRSS;
    let cpu = u.userCPUTime + u.systemCPUTime;
    if (fs.existsSync(file)) {
      const child = JSON.parse(fs.readFileSync(file, 'utf8')) as { maxRSS: number; cpu: number };
      maxRSS = Math.max(maxRSS, child.maxRSS);
      cpu += child.cpu;
    }
    fs.writeFileSync(file, JSON.stringify({ maxRSS, cpu }));
  });
}
