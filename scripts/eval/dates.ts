// Scores findDates on the MEANTIME TIMEX3 gold (TempEval-3 style: overlap match, value F1), overall and per topic.
import * as fs from 'fs';
import * as path from 'path';
import { findDates } from '../../src/core/dates';
import { DateMention } from '../../src/core/model';
import { EvalReport, prf } from './types';

interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}

interface MeantimeDoc {
  topic: string;
  doc_id: string;
  dct: string;
  text: string;
  /** MEANTIME annotates only the first sentences of each article; expressions past this offset are not scored. */
  doc_level_scope_end?: number;
  timexes: GoldTimex[];
}

interface Tally {
  gold: number;
  system: number;
  relaxed: number;
  strict: number;
  typeOk: number;
  valueOk: number;
}

const emptyTally = (): Tally => ({ gold: 0, system: 0, relaxed: 0, strict: 0, typeOk: 0, valueOk: 0 });

export function fixturePath(): string {
  // From out/scripts/eval/dates.js up to the repository root.
  return path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'meantime', 'meantime-airbus-apple.json');
}

interface Pair {
  gold: GoldTimex;
  sys: DateMention;
}

/**
 * One-to-one matching of overlapping expressions. Pairs whose values agree are taken first, then exact spans,
 * then any overlap, so that a system expression covering several gold ones counts for its best partner.
 */
export function matchMentions(gold: GoldTimex[], sys: DateMention[]): Pair[] {
  const usedG = new Set<number>();
  const usedS = new Set<number>();
  const pairs: Pair[] = [];
  const overlaps = (g: GoldTimex, s: DateMention) => g.start < s.end && s.start < g.end;
  const passes: ((g: GoldTimex, s: DateMention) => boolean)[] = [
    (g, s) => g.value === s.value,
    (g, s) => g.start === s.start && g.end === s.end,
    () => true,
  ];
  for (const ok of passes) {
    for (let i = 0; i < gold.length; i++) {
      if (usedG.has(i)) continue;
      for (let j = 0; j < sys.length; j++) {
        if (usedS.has(j) || !overlaps(gold[i], sys[j]) || !ok(gold[i], sys[j])) continue;
        usedG.add(i);
        usedS.add(j);
        pairs.push({ gold: gold[i], sys: sys[j] });
        break;
      }
    }
  }
  return pairs;
}

function addDoc(t: Tally, doc: MeantimeDoc, sys: DateMention[], misses: string[] | null): void {
  t.gold += doc.timexes.length;
  t.system += sys.length;
  const pairs = matchMentions(doc.timexes, sys);
  for (const { gold, sys: s } of pairs) {
    t.relaxed++;
    if (gold.start === s.start && gold.end === s.end) t.strict++;
    if (gold.type === s.type) t.typeOk++;
    if (gold.value === s.value) t.valueOk++;
    else if (misses)
      misses.push(`${doc.doc_id} (${doc.dct}) value: "${gold.text}" gold ${gold.value}, got "${s.text}" ${s.value}`);
  }
  if (misses) {
    for (const g of doc.timexes)
      if (!pairs.some((p) => p.gold === g)) misses.push(`${doc.doc_id} missed: "${g.text}" ${g.type} ${g.value}`);
    for (const s of sys)
      if (!pairs.some((p) => p.sys === s)) misses.push(`${doc.doc_id} spurious: "${s.text}" ${s.type} ${s.value}`);
  }
}

function figures(t: Tally) {
  return {
    strict: prf(t.strict, t.system, t.gold),
    relaxed: prf(t.relaxed, t.system, t.gold),
    value: prf(t.valueOk, t.system, t.gold),
    typeAccuracy: t.relaxed ? t.typeOk / t.relaxed : 0,
  };
}

const f3 = (x: number) => x.toFixed(3);

export async function evaluate(options: { details?: boolean } = {}): Promise<EvalReport> {
  const docs: MeantimeDoc[] = JSON.parse(fs.readFileSync(fixturePath(), 'utf8'));
  const total = emptyTally();
  const byTopic = new Map<string, Tally>();
  const misses: string[] = [];
  for (const doc of docs) {
    const found = findDates(doc.text, { published: doc.dct });
    const scopeEnd = doc.doc_level_scope_end ?? doc.text.length;
    const sys = found.filter((m) => m.start < scopeEnd);
    const topic = doc.topic.replace(/^corpus_/, '');
    if (!byTopic.has(topic)) byTopic.set(topic, emptyTally());
    addDoc(total, doc, sys, options.details ? misses : null);
    addDoc(byTopic.get(topic) as Tally, doc, sys, null);
  }
  // Speed, after the pass above warmed up the regular expressions: CPU time, so that a busy machine reads fairly.
  let words = 0;
  for (const doc of docs) words += doc.text.split(/\s+/).length;
  const rounds = 5;
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) for (const doc of docs) findDates(doc.text, { published: doc.dct });
  const cpu = process.cpuUsage(cpu0);
  const seconds = (cpu.user + cpu.system) / 1e6;
  const wordsPerSecond = seconds > 0 ? (words * rounds) / seconds : 0;
  const all = figures(total);
  const lines: string[] = [];
  const line = (label: string, t: Tally) => {
    const f = figures(t);
    return `${label.padEnd(8)} gold ${t.gold} system ${t.system} | value P ${f3(f.value.p)} R ${f3(f.value.r)} F1 ${f3(f.value.f1)} | strict F1 ${f3(f.strict.f1)} | relaxed F1 ${f3(f.relaxed.f1)} | type acc ${f3(f.typeAccuracy)}`;
  };
  lines.push("scored within each article's annotated scope (MEANTIME annotates the first sentences only)");
  lines.push(line('all', total));
  for (const [topic, t] of [...byTopic].sort()) lines.push(line(topic, t));
  lines.push(
    `speed: ${Math.round(wordsPerSecond).toLocaleString('en')} words/s of CPU time (${words * rounds} words, ${rounds} rounds over the 60 articles)`,
  );
  if (options.details) lines.push(...misses);
  const metrics: Record<string, number> = {
    valueF1: all.value.f1,
    valuePrecision: all.value.p,
    valueRecall: all.value.r,
    strictF1: all.strict.f1,
    relaxedF1: all.relaxed.f1,
    typeAccuracy: all.typeAccuracy,
    wordsPerSecond,
  };
  for (const [topic, t] of byTopic) {
    const f = figures(t);
    metrics[`${topic}.valueF1`] = f.value.f1;
    metrics[`${topic}.strictF1`] = f.strict.f1;
    metrics[`${topic}.relaxedF1`] = f.relaxed.f1;
    metrics[`${topic}.typeAccuracy`] = f.typeAccuracy;
  }
  return { name: 'dates (MEANTIME)', metrics, lines, target: { metric: 'valueF1', min: 0.8 } };
}

if (require.main === module) {
  void evaluate({ details: process.argv.includes('--details') }).then((r) => {
    console.log(r.name);
    for (const l of r.lines) console.log('  ' + l);
  });
}
