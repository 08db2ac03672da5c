// Local links (src/core/locallink.ts) against the folder-wide link: one change at a time to a linked folder (an
// article removed, added back, or shortened by a paragraph), the local link's events compared with a fresh link of
// the changed folder. A fresh link itself moves events far from the change (the folder's IDF changes with every
// article): that figure is printed beside, as the floor of what a local link can match.
import * as fs from 'fs';
import * as path from 'path';
import { CorpusIndex } from '../../src/core/corpus';
import { EventCluster } from '../../src/core/model';
import { EvalReport, f3 } from './types';

const ROOT = path.join(__dirname, '..', '..', '..');
const CHANGES = 6;

const keyOf = (e: EventCluster) =>
  e.mentions
    .map((m) => `${m.path}:${m.start}`)
    .sort()
    .join(',');

function linked(docs: Map<string, string>, deferred: boolean): CorpusIndex {
  const index = new CorpusIndex();
  index.deferLinking = deferred;
  for (const [name, text] of docs) index.upsert(name, text);
  index.link();
  return index;
}

/** Events in one list and not the other (by their mentions), both ways. */
function differing(a: EventCluster[], b: EventCluster[]): number {
  const ka = new Set(a.map(keyOf));
  const kb = new Set(b.map(keyOf));
  let n = 0;
  for (const k of ka) if (!kb.has(k)) n++;
  for (const k of kb) if (!ka.has(k)) n++;
  return n;
}

interface Trial {
  kind: string;
  name: string;
  local: number;
  fresh: number;
  cpuMs: number;
  region: number;
}

function change(index: CorpusIndex, docs: Map<string, string>, name: string, r: number): [string, Map<string, string>] {
  const now = new Map(docs);
  if (r < 1 / 3) {
    now.delete(name);
    index.remove(name);
    return ['removed', now];
  }
  if (r < 2 / 3) {
    const paragraphs = docs.get(name)!.split('\n');
    paragraphs.splice(Math.floor(paragraphs.length / 2), 1);
    now.set(name, paragraphs.join('\n'));
    index.upsert(name, now.get(name)!);
    return ['edited', now];
  }
  index.remove(name);
  index.link();
  index.upsert(name, docs.get(name)!);
  return ['added', now];
}

function trials(file: string): Trial[] {
  const rows: { doc: string; text: string }[] = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'test/fixtures/ecbplus', file), 'utf8'),
  );
  const docs = new Map(rows.map((d) => [d.doc, d.text]));
  const index = linked(docs, true);
  const base = index.events();
  const names = [...docs.keys()];
  let seed = 5;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const out: Trial[] = [];
  for (let k = 0; k < CHANGES; k++) {
    const name = names[Math.floor(rand() * names.length)];
    const [kind, now] = change(index, docs, name, rand());
    const cpu0 = process.cpuUsage();
    index.linkLocally();
    const cpu = process.cpuUsage(cpu0);
    const fresh = linked(now, false).events();
    const far = (es: EventCluster[]) => es.filter((e) => !e.mentions.some((m) => m.path === name));
    out.push({
      kind,
      name,
      local: differing(index.events(), fresh),
      fresh: differing(far(base), far(fresh)),
      cpuMs: (cpu.user + cpu.system) / 1000,
      region: index.lastLocalLink?.region ?? 0,
    });
    index.upsert(name, docs.get(name)!);
    index.link();
  }
  return out;
}

export async function evaluate(): Promise<EvalReport> {
  const lines: string[] = [];
  const metrics: Record<string, number> = {};
  for (const [file, split] of [
    ['ecbplus-train.json', 'train'],
    ['ecbplus-dev.json', 'dev'],
  ]) {
    const ts = trials(file);
    const mean = (f: (t: Trial) => number) => ts.reduce((n, t) => n + f(t), 0) / ts.length;
    const cpu = ts.map((t) => t.cpuMs).sort((a, b) => a - b);
    metrics[`${split}Local`] = mean((t) => t.local);
    metrics[`${split}Fresh`] = mean((t) => t.fresh);
    const each = ts.map((t) => `${t.name} ${t.kind}: ${t.local} | ${t.fresh}`).join(', ');
    lines.push(
      `ECB+ ${split}: ${ts.length} changes (article: events differing | moved by a fresh link: ${each}); ` +
        `events differing from a fresh link ${f3(mean((t) => t.local))} per change; ` +
        `a fresh link itself moves ${f3(mean((t) => t.fresh))} ` +
        `events without the changed article; local link CPU median ${cpu[cpu.length >> 1].toFixed(0)} ms, max ` +
        `${cpu[cpu.length - 1].toFixed(0)} ms, ${f3(mean((t) => t.region))} articles around the change`,
    );
  }
  return {
    name: 'local links vs the folder-wide link (ECB+; dev was read while building them, train not)',
    metrics,
    lines,
  };
}
