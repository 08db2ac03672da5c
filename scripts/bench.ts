// `npm run bench`: speed of the analysis against compromise and a bare tokenizer on the same real
// texts, the gazetteers' size, load time and heap and the worker's start-up, the extension host's longest block while
// a worker analyses a 10 MB file and indexes 10,000 articles, hover latency on that index, the whole CLI process with
// --jobs 1 and 2 (scripts/bench/cli.ts), and the re-anchoring benchmark. `npm run bench -- SECTION...` runs only some:
// speed gazetteer large corpus worker cli anchoring (`worker`: the analysis worker driven as the extension drives it,
// scripts/bench/worker.ts).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { monitorEventLoopDelay, performance } from 'perf_hooks';
import { Worker } from 'worker_threads';
import { analyzeArticle } from '../src/core/analyze';
import { CorpusIndex } from '../src/core/corpus';
import { benchCli } from './bench/cli';
import { benchWorker } from './bench/worker';
import { Doc, generateArticles, realArticles } from './bench/generate';

const ROOT = path.join(__dirname, '..', '..');

const wordCount = (t: string) => (t.match(/\S+/g) ?? []).length;

function timeIt(fn: () => void, minMs = 1500): { ms: number; runs: number } {
  fn(); // warm up
  let runs = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) {
    fn();
    runs++;
  }
  return { ms: (performance.now() - t0) / runs, runs };
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function speed(docs: Doc[]): Record<string, number> {
  const words = docs.reduce((n, d) => n + wordCount(d.text), 0);
  console.log(`\n== Speed on ${docs.length} real articles, ${fmt(words)} words (2 cores; same texts, same run)`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nlp = require('compromise');
  const tok = timeIt(() => {
    for (const d of docs) d.text.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu);
  });
  const ours = timeIt(() => {
    for (const d of docs)
      analyzeArticle(d.text, d.name, { published: { value: '2023-03-16', origin: 'user', reason: 'bench' } });
  });
  const comp = timeIt(() => {
    for (const d of docs) {
      const doc = nlp(d.text);
      doc.people().out('array');
      doc.places().out('array');
      doc.organizations().out('array');
    }
  }, 3000);
  const r = {
    tokenizerWps: (words / tok.ms) * 1000,
    analysisWps: (words / ours.ms) * 1000,
    compromiseWps: (words / comp.ms) * 1000,
  };
  console.log(`   bare regex tokenizer        ${fmt(r.tokenizerWps).padStart(12)} words/s`);
  console.log(`   full analysis (ours)        ${fmt(r.analysisWps).padStart(12)} words/s`);
  console.log(`   compromise people/places/orgs ${fmt(r.compromiseWps).padStart(10)} words/s`);
  console.log(`   ours / compromise: ${(r.analysisWps / r.compromiseWps).toFixed(1)}× (target ≥ 5×, aim 20×)`);
  return { ...r, ratio: r.analysisWps / r.compromiseWps };
}

function wholeProcess(docs: Doc[]): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-bench-'));
  let words = 0;
  for (const d of docs) {
    fs.writeFileSync(path.join(dir, `${d.name.replace(/[^\w.-]/g, '_')}.txt`), d.text);
    words += wordCount(d.text);
  }
  const time = (args: string[]) => {
    const t0 = performance.now();
    execFileSync(process.execPath, args, { maxBuffer: 1 << 30, cwd: ROOT });
    return performance.now() - t0;
  };
  const ours = time([path.join(ROOT, 'dist', 'cli.js'), 'analyze', '--json', dir]);
  // compromise in a process of its own too: start-up, reading the files, its people/places/organisations pass.
  const script =
    "const fs=require('fs'),p=require('path'),nlp=require('compromise');const d=process.argv[1];" +
    "for(const f of fs.readdirSync(d)){const doc=nlp(fs.readFileSync(p.join(d,f),'utf8'));" +
    "doc.people().out('array');doc.places().out('array');doc.organizations().out('array');}";
  const theirs = time(['-e', script, dir]);
  // The per-article analysis alone (structure, entities, dates) in a process of its own, like compromise's run.
  const analyzeModule = JSON.stringify(path.join(__dirname, '..', 'src', 'core', 'analyze.js'));
  const analyse =
    `const fs=require('fs'),p=require('path'),{analyzeArticle}=require(${analyzeModule});const d=process.argv[1];` +
    "for(const f of fs.readdirSync(d)){analyzeArticle(fs.readFileSync(p.join(d,f),'utf8'),f);}";
  const analysisOnly = time(['-e', analyse, dir]);
  console.log(
    '   whole process, per-article analysis only (start-up, reading, structure, entities, dates): ' +
      `${fmt((words / analysisOnly) * 1000)} words/s (${analysisOnly.toFixed(0)} ms) → ` +
      `${(theirs / analysisOnly).toFixed(1)}× compromise's process`,
  );
  console.log(
    '   whole process, CLI analyze --json on the folder (start-up, analysis, folder linking: events, quotes, dates): ' +
      `${fmt((words / ours) * 1000)} words/s (${ours.toFixed(0)} ms)`,
  );
  console.log(
    '   whole process, compromise people/places/orgs on the same files: ' +
      `${fmt((words / theirs) * 1000)} words/s (${theirs.toFixed(0)} ms) → ours ${(theirs / ours).toFixed(1)}×`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The gazetteers' cost: entries, bundle sizes, module load (CPU and heap, fresh process), and the analysis worker's
 *  start-up (new Worker() to its first analysis reply). */
async function gazetteer(): Promise<void> {
  console.log('\n== Gazetteers (generated by scripts/gazetteer.mjs)');
  const g = await import('../src/core/gazetteer');
  console.log(
    `   entries: ${fmt(g.NAMES.size)} names, ${fmt(g.CONTEXT_PLACES.size)} place names that need ` +
      `context, ${fmt(g.COUNTRIES.length)} countries; cities from ${fmt(g.MIN_CITY_POPULATION)} inhabitants`,
  );
  const size = (f: string) => `${(fs.statSync(path.join(ROOT, 'dist', f)).size / 1024).toFixed(0)} KB`;
  console.log(
    `   bundles: dist/analysisWorker.js ${size('analysisWorker.js')}, dist/cli.js ${size('cli.js')}, ` +
      `dist/extension.js ${size('extension.js')}`,
  );
  const probe =
    'const c0=process.cpuUsage();require(process.argv[1]);const c=process.cpuUsage(c0);global.gc();' +
    'console.log(JSON.stringify({cpu:(c.user+c.system)/1000,heap:process.memoryUsage().heapUsed/1048576}))';
  const runs: Array<{ cpu: number; heap: number }> = [];
  for (let i = 0; i < 5; i++) {
    runs.push(
      JSON.parse(
        execFileSync(process.execPath, [
          '--expose-gc',
          '-e',
          probe,
          path.join(__dirname, '..', 'src', 'core', 'gazetteer', 'index.js'),
        ]).toString(),
      ),
    );
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `   load in a fresh process: ${median(runs.map((r) => r.cpu)).toFixed(0)} ms CPU, heap after ` +
      `load ${median(runs.map((r) => r.heap)).toFixed(1)} MB (median of 5)`,
  );
  const startups: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const worker = new Worker(path.join(ROOT, 'dist', 'analysisWorker.js'));
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.postMessage({
        id: 1,
        op: 'upsert',
        args: {
          articles: [
            { path: 'a.txt', text: 'Sudan bombed South Sudan, officials in Juba said on Monday.', userPublished: null },
          ],
        },
      });
    });
    startups.push(performance.now() - t0);
    await worker.terminate();
  }
  console.log(
    `   analysis worker start-up to its first analysis: ${median(startups).toFixed(0)} ms (median of 5; target < ` +
      `300 ms)`,
  );
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** Sends work to the real analysis worker and watches how long this (host) thread is ever blocked. */
async function hostBlocking(articles: Doc[], label: string, batch: number): Promise<number> {
  const workerPath = path.join(ROOT, 'dist', 'analysisWorker.js');
  const worker = new Worker(workerPath);
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  let id = 0;
  const call = (op: string, args: unknown) =>
    new Promise<unknown>((resolve, reject) => {
      const my = ++id;
      const onMsg = (m: { id: number; ok: boolean; result: unknown; error?: string }) => {
        if (m.id !== my) return;
        worker.off('message', onMsg);
        if (m.ok) resolve(m.result);
        else reject(new Error(m.error));
      };
      worker.on('message', onMsg);
      worker.postMessage({ id: my, op, args });
    });
  // As in the extension: after each batch the status bar asks for the active article's counts; a view
  // request sends back what the editor draws (for a large article only the visible part).
  const range = articles[0].text.length > 200_000 ? { start: 0, end: 60_000 } : undefined;
  const t0 = performance.now();
  for (let i = 0; i < articles.length; i += batch) {
    await call('upsert', {
      articles: articles.slice(i, i + batch).map((a) => ({ path: a.name, text: a.text, userPublished: null })),
    });
    await call('view', { path: articles[0].name, range: { start: -1, end: -1 } });
  }
  await call('view', { path: articles[0].name, range });
  const ms = performance.now() - t0;
  h.disable();
  const maxBlock = h.max / 1e6;
  console.log(
    `   ${label}: ${(ms / 1000).toFixed(1)} s in the worker; ` +
      `longest block of the host thread ${maxBlock.toFixed(1)} ms (target ≤ 50 ms)`,
  );
  if (articles.length > 1) {
    // Linked once, then one article edited: how long until a hover answers, there and elsewhere.
    await call('entities', {});
    const edited = articles[1];
    await call('upsert', {
      articles: [
        { path: edited.name, text: edited.text + '\n\nKishida met Yoon in Seoul on Sunday.\n', userPublished: null },
      ],
    });
    let t = performance.now();
    await call('cards', { path: edited.name, offset: edited.text.length + 3 });
    const here = performance.now() - t;
    t = performance.now();
    await call('cards', { path: articles[2].name, offset: 40 });
    const there = performance.now() - t;
    console.log(
      `   right after an edit: hover in the edited article ${here.toFixed(1)} ms, in another ${there.toFixed(1)} ms ` +
        '(the folder is relinked once edits pause)',
    );
  }
  await worker.terminate();
  return maxBlock;
}

async function largeFile(docs: Doc[]): Promise<void> {
  console.log('\n== A 10 MB article');
  const base = docs.map((d) => d.text).join('\n\n');
  const text = base.repeat(Math.ceil(10_000_000 / base.length)).slice(0, 10_000_000);
  const t0 = performance.now();
  const a = analyzeArticle(text, 'big.txt', {});
  console.log(
    `   analysis in-process: ${((performance.now() - t0) / 1000).toFixed(2)} s, ` +
      `${fmt(a.entities.length)} entities, ${fmt(a.dates.length)} dates`,
  );
  await hostBlocking([{ name: 'big.txt', text }], 'through the analysis worker', 1);
}

/**
 * One edited article in the linked index: its local link (locallink.ts) in linkStep(10) slices, as the extension's
 * worker runs it, from the end of the article's analysis to its events published.
 */
function localLinks(index: CorpusIndex, gen: Doc[]): void {
  index.deferLinking = true;
  const rows: string[] = [];
  const walls: number[] = [];
  const extra = ' The minister said on Thursday that the talks in Geneva would resume next week.';
  for (let k = 0; k < 6; k++) {
    const name = gen[(k * 1237 + 11) % gen.length].name;
    index.upsert(name, index.text(name)! + extra);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const done = index.localLinksDone;
    const steps: number[] = [];
    while (index.localLinksDone === done && steps.length < 10_000) {
      const s0 = performance.now();
      index.linkStep(10);
      steps.push(performance.now() - s0);
    }
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    walls.push(wall);
    const l = index.lastLocalLink;
    const cpuMs = (cpu.user + cpu.system) / 1000;
    rows.push(
      `     ${name}: ${wall.toFixed(0)} ms (${cpuMs.toFixed(0)} ms CPU) in ${steps.length} steps, longest ` +
        `${Math.max(...steps).toFixed(1)} ms; ${l?.region} articles around it, ${l?.mentions} mentions in the ` +
        `events it changed; its view shows ${index.view(name)!.events.length} event mentions`,
    );
  }
  console.log(
    `   one edited article linked locally (from its analysis to its events published, in 10 ms slices): median ` +
      `${percentile(walls, 50).toFixed(0)} ms, max ${Math.max(...walls).toFixed(0)} ms (target ≤ 200 ms)`,
  );
  for (const r of rows) console.log(r);
}

async function corpus(docs: Doc[]): Promise<void> {
  const n = Number(process.env.BENCH_ARTICLES ?? 10000);
  console.log(`\n== Corpus index of ${fmt(n)} generated articles (sentences of real articles)`);
  const gen = generateArticles(docs, n);
  const words = gen.reduce((s, d) => s + wordCount(d.text), 0);
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const index = new CorpusIndex();
  const t0 = performance.now();
  for (const d of gen) index.upsert(d.name, d.text);
  const tAnalyse = performance.now() - t0;
  index.link();
  const tLink = performance.now() - t0 - tAnalyse;
  peak = Math.max(peak, process.memoryUsage().rss);
  clearInterval(sample);
  console.log(
    `   ${fmt(words)} words; analysis ${(tAnalyse / 1000).toFixed(1)} s, ` +
      `folder linking ${(tLink / 1000).toFixed(1)} s; ` +
      `peak RSS ${fmt(peak / 1048576)} MB (${fmt((peak - rss0) / 1048576)} MB for the index)`,
  );
  console.log(
    `   ${fmt(index.entities().length)} entities, ${fmt(index.events().length)} events, ` +
      `${fmt(index.quotes().length)} quotes`,
  );
  const lat: number[] = [];
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let i = 0; i < 2000; i++) {
    const d = gen[Math.floor(rand() * gen.length)];
    const view = index.view(d.name)!;
    const targets = [...view.entities, ...view.dates];
    const offset = targets.length
      ? targets[Math.floor(rand() * targets.length)].start
      : Math.floor(rand() * d.text.length);
    const t = performance.now();
    index.cardsAt(d.name, offset);
    lat.push(performance.now() - t);
  }
  console.log(
    `   hover (cards at a random entity or date): p50 ${percentile(lat, 50).toFixed(2)} ms, ` +
      `p95 ${percentile(lat, 95).toFixed(2)} ms, max ${Math.max(...lat).toFixed(1)} ms (target p95 < 20 ms)`,
  );
  localLinks(index, gen);
  // The extension host holds no index (the worker does): measure its blocking in a fresh process, not
  // in this one, whose garbage collector now walks the 2 GB index built above.
  const out = execFileSync(process.execPath, [__filename, 'host-blocking'], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_ARTICLES: String(n) },
  });
  process.stdout.write(out);
}

async function indexThroughWorker(docs: Doc[]): Promise<void> {
  const n = Number(process.env.BENCH_ARTICLES ?? 10000);
  await hostBlocking(generateArticles(docs, n), `indexing ${fmt(n)} articles through the worker`, 25);
}

async function anchoring(): Promise<void> {
  const modPath = path.join(__dirname, 'bench', 'anchoring.js');
  if (!fs.existsSync(modPath)) return;
  const { benchAnchoring } = await import('./bench/anchoring');
  console.log('\n== Re-anchoring user annotations after external edits');
  const r = await benchAnchoring();
  for (const l of r.lines) console.log(`   ${l}`);
}

async function main(): Promise<void> {
  const docs = realArticles();
  const only = process.argv.slice(2);
  if (only[0] === 'host-blocking') return indexThroughWorker(docs);
  const want = (s: string) => !only.length || only.includes(s);
  if (want('speed')) {
    speed(docs);
    wholeProcess(docs);
  }
  if (want('gazetteer')) await gazetteer();
  if (want('large')) await largeFile(docs);
  if (want('corpus')) await corpus(docs);
  if (want('worker')) await benchWorker(docs);
  if (want('cli')) await benchCli(docs);
  if (want('anchoring')) await anchoring();
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
