// `npm run bench worker`: the analysis worker driven as the extension drives it (CorpusClient, dist/analysisWorker.js
// with its pool), without VS Code: a folder of generated articles upserted in batches while a hover is asked every
// 60 ms, then hovers through the folder-wide link. What held the worker (its collections, minor and full, and its
// steps over 20 ms by link phase) comes from the worker's own figures (workerStats.ts). Quicker and steadier than
// `npm run bench:vscode`, which measures the same worker behind the real VS Code.
import * as path from 'path';
import { performance } from 'perf_hooks';
import { CorpusClient } from '../../src/extension/corpusClient';
import { over20Time, summary } from '../../src/extension/pure/workerStats';
import { Doc, generateArticles } from './generate';

const ROOT = path.join(__dirname, '..', '..', '..');
const BATCH = 50;
const HOVER_EVERY_MS = 60;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchWorker(docs: Doc[]): Promise<void> {
  const n = Number(process.env.BENCH_ARTICLES ?? 10000);
  const afterMs = Number(process.env.BENCH_WORKER_AFTER_MS ?? 30000);
  console.log(`\n== The analysis worker indexing ${n.toLocaleString('en-US')} articles, a hover every 60 ms`);
  const articles = generateArticles(docs, n).map((d) => ({ path: d.name, text: d.text, userPublished: null }));
  const client = new CorpusClient(ROOT, () => {});
  const latencies: number[] = [];
  try {
    await client.request('upsert', { articles: articles.slice(0, 1) });
    await client.request('stats', { reset: true });
    let hovering = true;
    const hovers = (async () => {
      while (hovering) {
        await sleep(HOVER_EVERY_MS);
        const t = performance.now();
        await client.request('cards', { path: articles[0].path, offset: 200 });
        latencies.push(performance.now() - t);
      }
    })();
    const t0 = performance.now();
    for (let i = 1; i < n; i += BATCH) await client.request('upsert', { articles: articles.slice(i, i + BATCH) });
    const indexed = performance.now() - t0;
    // On through the folder-wide link that follows the scan.
    await sleep(afterMs);
    hovering = false;
    await hovers;
    const w = await client.request('stats', { reset: false });
    const h = summary(latencies);
    const over = Object.entries(w.stepsOver20).map(([k, c]) => `${k} ${c}`);
    const gc = (g: typeof w.gc.minor) =>
      `${g.count}, ${g.totalMs} ms in all, longest ${g.maxMs} ms, ${g.over20} > 20 ms`;
    console.log(`   indexed in ${(indexed / 1000).toFixed(1)} s, then ${afterMs / 1000} s more of hovers`);
    console.log(
      `   hovers (round trip to the worker): n=${h.n} median ${h.median} ms, p95 ${h.p95} ms, max ${h.max} ms, ` +
        `> 100 ms: ${latencies.filter((x) => x > 100).length}`,
    );
    console.log(
      `   waiting in the worker's port: median ${w.cards.port.median}, p95 ${w.cards.port.p95}, ` +
        `max ${w.cards.port.max} ms`,
    );
    console.log(`   worker collections: ${gc(w.gc)}; of them scavenges: ${gc(w.gc.minor)}`);
    console.log(`   worker steps > 20 ms: ${over.join(', ') || 'none'}; event loop stalls > 20 ms: ${w.stalls.over20}`);
    console.log(`   ${over20Time(w.over20Time)}`);
    console.log(`   longest steps: ${w.longestSteps.map((s) => `${s.kind} ${s.ms}`).join(', ')} ms`);
  } finally {
    client.dispose();
  }
}
