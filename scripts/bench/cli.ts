// `npm run bench cli`: the whole CLI process (start-up, reading, analysis in --jobs threads, linking,
// output) on 1,000 and 10,000 generated articles: wall time and peak RSS, --jobs 1 against --jobs 2.
// BENCH_100K=1 adds a 100,000-article run with --jsonl.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { Doc, generateArticles, writeFolder } from './generate';

const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const PRELOAD = path.join(__dirname, 'reportRss.js');

interface Run {
  ms: number;
  cpuMs: number;
  rssMB: number;
  /** The --timings lines: reading and analysis, linking, output. */
  phases: string[];
  outMB: number;
  load: string;
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/** One CLI process, stdout to a file (not through this process), timed from spawn to exit. */
function runCli(args: string[], work: string, nodeArgs: string[] = []): Promise<Run> {
  const rssFile = path.join(work, 'rss');
  const outFile = path.join(work, 'out');
  const before = load();
  // A fresh file per run: reportRss.ts adds a restarted child's figures to what it finds there.
  fs.rmSync(rssFile, { force: true });
  const out = fs.openSync(outFile, 'w');
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, '--require', PRELOAD, CLI, ...args], {
    stdio: ['ignore', out, 'pipe'],
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - t0;
      fs.closeSync(out);
      if (code !== 0) return reject(new Error(`cli ${args.join(' ')} exited with ${code}: ${stderr}`));
      const usage = JSON.parse(fs.readFileSync(rssFile, 'utf8')) as { maxRSS: number; cpu: number };
      const phases = [...stderr.matchAll(/^article-annotator: (.*): ([\d.]+ s)$/gm)].map((m) => `${m[1]} ${m[2]}`);
      const outMB = fs.statSync(outFile).size / 1048576;
      resolve({
        ms,
        cpuMs: usage.cpu / 1000,
        rssMB: usage.maxRSS / 1024,
        phases,
        outMB,
        load: `${before} → ${load()}`,
      });
    });
  });
}

function line(label: string, r: Run): string {
  const s = `${(r.ms / 1000).toFixed(1)} s`.padStart(8);
  const cpu = `${(r.cpuMs / 1000).toFixed(1)} s`.padStart(8);
  const mb = `${Math.round(r.rssMB).toLocaleString('en-US')} MB`.padStart(9);
  const head = `   ${label.padEnd(18)}${s} wall, ${cpu} CPU, peak RSS ${mb}, output ${r.outMB.toFixed(0)} MB`;
  return `${head}  (load average ${r.load})\n      ${r.phases.join('; ')}`;
}

export async function benchCli(docs: Doc[]): Promise<void> {
  const sizes = (process.env.BENCH_CLI_SIZES ?? '1000,10000').split(',').map(Number);
  if (process.env.BENCH_100K === '1') sizes.push(100_000);
  console.log(`\n== CLI analyze, whole process, generated articles (${os.cpus().length} cores)`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-bench-cli-'));
  try {
    for (const n of sizes) {
      const dir = path.join(work, `articles-${n}`);
      const words = writeFolder(dir, generateArticles(docs, n));
      console.log(`   ${n.toLocaleString('en-US')} articles, ${words.toLocaleString('en-US')} words`);
      const runs: [string, string[]][] =
        n >= 100_000
          ? [['--jsonl --jobs 2', ['--jsonl', '--jobs', '2']]]
          : [
              ['--json --jobs 1', ['--json', '--jobs', '1']],
              ['--json --jobs 2', ['--json', '--jobs', '2']],
              ['--jsonl --jobs 2', ['--jsonl', '--jobs', '2']],
            ];
      for (const [label, args] of runs) {
        // 100,000 articles outgrow Node's default old-space limit (about 4 GB) while linking: the CLI restarts
        // itself with a larger one (src/cli/heap.ts), as a user gets it; no flag here.
        console.log(line(label, await runCli(['analyze', '--timings', ...args, dir], work)));
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
