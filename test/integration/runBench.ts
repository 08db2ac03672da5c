// Runs the integration benchmarks (suite/bench/*.bench.js) in a real VS Code; they report figures, never fail a run.
//
// The workspace is the seeds folder plus a generated folder of ARTICLE_ANNOTATOR_BENCH_N articles (default
// 10,000), so the benchmarks measure while the extension indexes it. ARTICLE_ANNOTATOR_BENCH_SECONDS bounds the
// sampling (default 60). Figures go to stdout (relayed from the extension host's log).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { launchChromium } from './codeServer';
import { option, runPass, summarize } from './pass';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const suiteDir = path.join(__dirname, 'suite');

/** Deterministic pseudo-random numbers (mulberry32), so every run indexes the same folder. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes `n` articles made of sentences of the seed articles, mixed, under `<workspace>/bench-corpus`. */
export function generateArticles(workspace: string, n: number): void {
  const sentences: string[] = [];
  for (const f of fs.readdirSync(path.join(repoRoot, 'seeds')).filter((x) => x.endsWith('.txt'))) {
    const text = fs.readFileSync(path.join(repoRoot, 'seeds', f), 'utf8');
    for (const s of text.split(/(?<=[.!?])\s+/)) if (s.length > 40 && s.length < 400) sentences.push(s.trim());
  }
  const rand = random(42);
  const dir = path.join(workspace, 'bench-corpus');
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const body: string[] = [];
    for (let k = 0; k < 8 + Math.floor(rand() * 8); k++) body.push(sentences[Math.floor(rand() * sentences.length)]);
    const day = 1 + (i % 28);
    const text = `Report ${i}\n\nMarch ${day}, 2023\n\n${body.join(' ')}\n`;
    fs.writeFileSync(path.join(dir, `${String(i).padStart(5, '0')}.txt`), text);
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const n = Number(process.env.ARTICLE_ANNOTATOR_BENCH_N ?? 10_000);
  const timeoutSeconds = Number(option('timeout', 'ARTICLE_ANNOTATOR_TEST_TIMEOUT') ?? 900);
  const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-bench-'));
  const browser = await launchChromium();
  try {
    const outcome = await runPass({
      mode: 'trusted',
      repoRoot,
      suiteDir,
      browser,
      tempRoot,
      deadline: started + timeoutSeconds * 1000,
      extensionDevelopmentPath: repoRoot,
      env: { ARTICLE_ANNOTATOR_BENCH: '1', ARTICLE_ANNOTATOR_BENCH_N: String(n) },
      prepareWorkspace: (ws) => generateArticles(ws, n),
    });
    return summarize('bench', [outcome], tempRoot, option('keep', 'ARTICLE_ANNOTATOR_TEST_KEEP') === '1', started)
      ? 0
      : 1;
  } finally {
    await browser.close().catch(() => undefined);
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
