// Scores cross-article event linking: ECB+ sentence-pair links against a head-stem baseline (train, which we tune
// on, beside dev, which we never tune on; errors by kind), and the five seeds.
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { parseArticle } from '../../src/core/article';
import { ClusterOptions, clusterEvents, EventMention, findEventMentions } from '../../src/core/events';
import { ArticleAnalysis, DateMention, EntityMention, PublishedDate, Span } from '../../src/core/model';
import { inferPublicationDates } from '../../src/core/pubdates';
import { clusterQuotes, findQuotes } from '../../src/core/quotes';
import { stem } from '../../src/core/text/stem';
import { EvalReport, prf, table } from './types';

const ROOT = fs.existsSync(path.join(__dirname, '../../test/fixtures'))
  ? path.join(__dirname, '../..')
  : path.join(__dirname, '../../..');

type Analyzer = (text: string, path: string, published?: PublishedDate | null) => ArticleAnalysis;

/**
 * The real analysis (analyzeArticle) when its modules are built; otherwise the pieces that are, with crude
 * stand-ins (capitalised names, years) for the missing ones, so the score can be measured while they land.
 */
export function loadAnalyzer(): { analyze: Analyzer; real: boolean; parts: string } {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require('../../src/core/analyze');
    const analyze: Analyzer = (text, p, published) =>
      mod.analyzeArticle(text, p, { published: published ?? undefined });
    analyze('Test sentence in Tokyo on Monday.', 'probe.txt');
    return { analyze, real: true, parts: 'analyzeArticle' };
  } catch {
    let findEntities: ((text: string, o: object) => EntityMention[]) | null = null;
    let findDates: ((text: string, o: object) => DateMention[]) | null = null;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      findEntities = require('../../src/core/entities').findEntities;
    } catch {
      /* not built yet */
    }
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      findDates = require('../../src/core/dates').findDates;
    } catch {
      /* not built yet */
    }
    const analyze: Analyzer = (text, p, published) => {
      const crude = crudeAnalysis(text, p, published);
      const opts = {
        sentences: crude.article.sentences,
        exclude: crude.article.boilerplate,
        published: crude.article.published?.value ?? null,
      };
      return {
        article: crude.article,
        entities: findEntities ? findEntities(text, opts) : crude.entities,
        dates: findDates ? findDates(text, opts) : crude.dates,
      };
    };
    const parts =
      `entities: ${findEntities ? 'findEntities' : 'CRUDE'}, ` +
      `dates: ${findDates ? 'findDates' : 'CRUDE years only'}`;
    return { analyze, real: false, parts };
  }
}

/** Canonical entity ids across a set of analyses, as the corpus index does before linking events. */
function linkIds(analyses: ArticleAnalysis[]): void {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { linkEntities } = require('../../src/core/aliases');
    linkEntities(analyses.map((a) => ({ path: a.article.path, entities: a.entities })));
  } catch {
    /* aliases not built yet: per-article ids */
  }
}

function crudeAnalysis(text: string, p: string, published?: PublishedDate | null): ArticleAnalysis {
  const parsed = parseArticle(text, p);
  const article = published ? { ...parsed, published } : parsed;
  const entities: EntityMention[] = [];
  const re = /\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const prev = text.slice(Math.max(0, m.index - 2), m.index);
    if (/^[.!?"“]?\s?$/.test(prev) && m.index > 0 && /[.!?\n]\s*$/.test(text.slice(0, m.index))) continue;
    entities.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      type: 'ORGANIZATION',
      id: `name:${m[0].toLowerCase()}`,
      canonical: m[0],
    });
  }
  const dates: DateMention[] = [];
  const yr = /\b(19|20)\d{2}\b/g;
  for (let m = yr.exec(text); m; m = yr.exec(text)) {
    dates.push({
      start: m.index,
      end: m.index + 4,
      text: m[0],
      type: 'DATE',
      value: m[0],
      explanation: 'year',
      relative: false,
    });
  }
  return { article, entities, dates };
}

interface EcbMention {
  start: number;
  end: number;
  text: string;
  chain: string;
  tag: string;
  sentence: number;
  selected_sentence: boolean;
}
interface EcbDoc {
  topic: string;
  subtopic: string;
  doc: string;
  text: string;
  mentions: EcbMention[];
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const crossChain = (c: string) => !/^(INTRA_|SINGLETON_)/.test(c);

/** Sentence-pair scores: pairs are "doc#sentence|doc#sentence" keys, restricted to a universe of sentences. */
function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function pairsFromGroups(groups: Iterable<string[]>, universe: Set<string>, docOf: (s: string) => string): Set<string> {
  const out = new Set<string>();
  for (const g of groups) {
    const sents = [...new Set(g)].filter((s) => universe.has(s));
    for (let i = 0; i < sents.length; i++) {
      for (let j = i + 1; j < sents.length; j++) {
        if (docOf(sents[i]) !== docOf(sents[j])) out.add(pairKey(sents[i], sents[j]));
      }
    }
  }
  return out;
}

function score(system: Set<string>, gold: Set<string>) {
  let correct = 0;
  for (const p of system) if (gold.has(p)) correct++;
  return { ...prf(correct, system.size, gold.size), correct, system: system.size, gold: gold.size };
}

const fmt = (x: number) => x.toFixed(3);

/** ECB+ split: the standard train topics are the ones we tune on; the dev topics are reported, never tuned on. */
const TUNE_FILE = 'ecbplus-train.json';
const HELD_FILE = 'ecbplus-dev.json';

/**
 * Trigger class of a gold chain: its mentions' most frequent ECB+ tag, negation folded in ("NEG_ACTION_STATE" → STATE).
 */
function chainClass(mentions: EcbMention[]): string {
  const n = new Map<string, number>();
  for (const m of mentions) {
    const c = m.tag.replace(/^NEG_/, '').replace(/^ACTION_/, '');
    n.set(c, (n.get(c) ?? 0) + 1);
  }
  return [...n].sort((x, y) => y[1] - x[1])[0]?.[0] ?? '?';
}

interface TopicCounts {
  topic: string;
  correct: number;
  system: number;
  gold: number;
  cross: number;
}

interface EcbScore {
  file: string;
  docs: number;
  mentionsFound: number;
  ms: number;
  /** CPU seconds of analysis and clustering (wall time grows with the machine's load; this does not). */
  cpu: number;
  system: ReturnType<typeof score>;
  baseline: ReturnType<typeof score>;
  crossSubtopic: number;
  crossTopic: number;
  clusters: number;
  topicLines: string[];
  /** Per topic: links right, system links, gold links, system links joining the two subtopics. */
  topics: TopicCounts[];
  /** Missed gold links: "class|cause" → count (cause: a trigger not detected, or both detected but not linked). */
  missed: Map<string, number>;
}

/**
 * Scores one ECB+ file as one folder: the index does not know the topics, so stories must be told apart on their own.
 */
export function scoreEcb(file: string, analyze: Analyzer, options: ClusterOptions): EcbScore {
  const docs: EcbDoc[] = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/ecbplus', file), 'utf8'));
  const byTopic = new Map<string, EcbDoc[]>();
  for (const d of docs) byTopic.set(d.topic, [...(byTopic.get(d.topic) ?? []), d]);
  const docOf = (s: string) => s.slice(0, s.lastIndexOf('#'));
  const subtopicOf = new Map(docs.map((d) => [d.doc, d.subtopic]));
  const topicOf = new Map(docs.map((d) => [d.doc, d.topic]));
  const started = Date.now();
  const cpu0 = process.cpuUsage();
  const analyses = docs.map((d) => analyze(d.text, d.doc));
  linkIds(analyses);
  const mentions: EventMention[] = [];
  const starts = new Map<string, number[]>();
  for (const [k, d] of docs.entries()) {
    const a = analyses[k];
    const ls = lineStarts(d.text);
    starts.set(d.doc, ls);
    // ECB+ gives one sentence a line; keep its segmentation so sentence numbers match.
    const sentences = ls
      .map((st, i) => ({ start: st, end: i + 1 < ls.length ? ls[i + 1] - 1 : d.text.length, paragraph: i }))
      .filter((x) => x.end > x.start);
    mentions.push(...findEventMentions({ ...a, article: { ...a.article, sentences, boilerplate: [] } }));
  }
  const clusters = clusterEvents(mentions, options);
  const ms = Date.now() - started;
  const cpuUsed = process.cpuUsage(cpu0);
  const cpu = (cpuUsed.user + cpuUsed.system) / 1e6;
  const groups = clusters.map((c) => c.mentions.map((m) => `${m.path}#${lineOf(starts.get(m.path)!, m.start)}`));
  // Triggers detected, by sentence: a missed link whose gold trigger was not detected is a detection miss.
  const triggersAt = new Map<string, Span[]>();
  for (const m of mentions) {
    const key = `${m.path}#${lineOf(starts.get(m.path)!, m.trigger.start)}`;
    triggersAt.set(key, [...(triggersAt.get(key) ?? []), m.trigger]);
  }
  const detected = (key: string, g: EcbMention) =>
    (triggersAt.get(key) ?? []).some((t) => t.start < g.end && g.start < t.end);
  let gold = new Set<string>();
  let baseline = new Set<string>();
  let system = new Set<string>();
  const topicLines: string[] = [];
  const topics: TopicCounts[] = [];
  const missed = new Map<string, number>();
  let crossSubtopic = 0;
  for (const [topic, tdocs] of byTopic) {
    const universe = new Set<string>();
    const chains = new Map<string, { s: string; m: EcbMention }[]>();
    const baseGroups = new Map<string, string[]>();
    for (const d of tdocs) {
      for (const m of d.mentions) {
        if (!m.selected_sentence) continue;
        const s = `${d.doc}#${m.sentence}`;
        universe.add(s);
        if (crossChain(m.chain)) chains.set(m.chain, [...(chains.get(m.chain) ?? []), { s, m }]);
        const head = m.text.trim().split(/\s+/).pop() ?? m.text;
        const key = stem(head);
        baseGroups.set(key, [...(baseGroups.get(key) ?? []), s]);
      }
    }
    const tGold = pairsFromGroups(
      [...chains.values()].map((c) => c.map((x) => x.s)),
      universe,
      docOf,
    );
    const tBase = pairsFromGroups(baseGroups.values(), universe, docOf);
    const tSys = pairsFromGroups(groups, universe, docOf);
    let tCross = 0;
    for (const p of tSys) {
      const [a, b] = p.split('|');
      if (subtopicOf.get(docOf(a)) !== subtopicOf.get(docOf(b))) tCross++;
    }
    crossSubtopic += tCross;
    tallyMissed(chains, tSys, docOf, detected, missed);
    const st = score(tSys, tGold);
    topics.push({ topic, correct: st.correct, system: st.system, gold: st.gold, cross: tCross });
    const bt = score(tBase, tGold);
    topicLines.push(
      `topic ${topic}: system P ${fmt(st.p)} R ${fmt(st.r)} F1 ${fmt(st.f1)} | baseline F1 ${fmt(bt.f1)} | gold ` +
        `pairs ${tGold.size} | joining subtopics ${tCross}`,
    );
    gold = new Set([...gold, ...tGold]);
    baseline = new Set([...baseline, ...tBase]);
    system = new Set([...system, ...tSys]);
  }
  const crossTopic = clusters.filter((c) => new Set(c.mentions.map((m) => topicOf.get(m.path))).size > 1).length;
  return {
    file,
    docs: docs.length,
    mentionsFound: mentions.length,
    ms,
    cpu,
    system: score(system, gold),
    baseline: score(baseline, gold),
    crossSubtopic,
    crossTopic,
    clusters: clusters.length,
    topicLines,
    topics,
    missed,
  };
}

/** Each missed gold link counted once, under the class of the first chain that makes it and why it was missed. */
function tallyMissed(
  chains: Map<string, { s: string; m: EcbMention }[]>,
  sys: Set<string>,
  docOf: (s: string) => string,
  detected: (key: string, g: EcbMention) => boolean,
  out: Map<string, number>,
): void {
  const seen = new Set<string>();
  for (const members of chains.values()) {
    const cls = chainClass(members.map((x) => x.m));
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const [a, b] = [members[i], members[j]];
        if (docOf(a.s) === docOf(b.s)) continue;
        const key = pairKey(a.s, b.s);
        if (sys.has(key) || seen.has(key)) continue;
        seen.add(key);
        const cause = detected(a.s, a.m) && detected(b.s, b.m) ? 'detected, not linked' : 'trigger not detected';
        out.set(`${cls}|${cause}`, (out.get(`${cls}|${cause}`) ?? 0) + 1);
      }
    }
  }
}

function ecbSideBySide(t: EcbScore, h: EcbScore): string[] {
  const pct = (x: EcbScore) =>
    `${x.crossSubtopic} (${(100 * (x.system.system ? x.crossSubtopic / x.system.system : 0)).toFixed(1)}%)`;
  return table([
    ['', `tuned: ${t.file}`, `NOT tuned: ${h.file}`],
    ['documents / detected mentions', `${t.docs} / ${t.mentionsFound}`, `${h.docs} / ${h.mentionsFound}`],
    [
      'analysis + clustering',
      `${(t.ms / 1000).toFixed(1)} s (${t.cpu.toFixed(1)} s CPU)`,
      `${(h.ms / 1000).toFixed(1)} s (${h.cpu.toFixed(1)} s CPU)`,
    ],
    ['sentence-pair F1', fmt(t.system.f1), fmt(h.system.f1)],
    ['P / R', `${fmt(t.system.p)} / ${fmt(t.system.r)}`, `${fmt(h.system.p)} / ${fmt(h.system.r)}`],
    [
      'links right / system / gold',
      `${t.system.correct} / ${t.system.system} / ${t.system.gold}`,
      `${h.system.correct} / ${h.system.system} / ${h.system.gold}`,
    ],
    ['baseline F1 (gold mentions, head stem)', fmt(t.baseline.f1), fmt(h.baseline.f1)],
    ['wrong links joining two subtopics', pct(t), pct(h)],
    ['events spanning two topics', `${t.crossTopic} of ${t.clusters}`, `${h.crossTopic} of ${h.clusters}`],
  ]);
}

/**
 * Two folds of the tuned topics (alternate topics in numeric order): a change kept because it helps one fold
 * should help the other too, else it is fitted to a few topics.
 */
function foldLines(t: EcbScore): string[] {
  const sorted = [...t.topics].sort((a, b) => Number(a.topic) - Number(b.topic));
  const folds = [0, 1].map((k) => sorted.filter((_, i) => i % 2 === k));
  return folds.map((f, k) => {
    const sum = (key: keyof Omit<TopicCounts, 'topic'>) => f.reduce((n, x) => n + x[key], 0);
    const r = prf(sum('correct'), sum('system'), sum('gold'));
    const share = sum('system') ? (100 * sum('cross')) / sum('system') : 0;
    return (
      `${t.file} fold ${'AB'[k]} (topics ${f.map((x) => x.topic).join(' ')}): F1 ${fmt(r.f1)} ` +
      `P ${fmt(r.p)} R ${fmt(r.r)}, joining subtopics ${share.toFixed(1)}%`
    );
  });
}

function ecbErrorTable(t: EcbScore, h: EcbScore): string[] {
  const keys = [...new Set([...t.missed.keys(), ...h.missed.keys()])].sort(
    (a, b) => (h.missed.get(b) ?? 0) + (t.missed.get(b) ?? 0) - (h.missed.get(a) ?? 0) - (t.missed.get(a) ?? 0),
  );
  const rows = keys.map((k) => {
    const [cls, cause] = k.split('|');
    return [`missed: ${cls.toLowerCase()}, ${cause}`, String(t.missed.get(k) ?? 0), String(h.missed.get(k) ?? 0)];
  });
  const wrongWithin = (x: EcbScore) => String(x.system.system - x.system.correct - x.crossSubtopic);
  return table([
    ['errors by kind (links)', `tuned: ${t.file}`, `NOT tuned: ${h.file}`],
    ['wrong: joining the two subtopics', String(t.crossSubtopic), String(h.crossSubtopic)],
    ['wrong: within one subtopic', wrongWithin(t), wrongWithin(h)],
    ...rows,
  ]);
}

export async function evaluate(options: ClusterOptions = {}): Promise<EvalReport> {
  const { analyze, parts } = loadAnalyzer();
  const tuned = scoreEcb(TUNE_FILE, analyze, options);
  const held = scoreEcb(HELD_FILE, analyze, options);
  const s = held.system;
  const b = held.baseline;
  const crossShare = s.system ? held.crossSubtopic / s.system : 0;
  const lines = [
    `split: ECB+ standard split — tuned on ${TUNE_FILE} (${tuned.docs} documents), ${HELD_FILE} reported, never ` +
      `tuned on`,
    ...ecbSideBySide(tuned, held),
    ...ecbErrorTable(tuned, held),
    ...foldLines(tuned),
    `${TUNE_FILE} (tuned) by topic:`,
    ...tuned.topicLines,
    `${HELD_FILE} (not tuned) in detail:`,
    `analysis: ${parts}; ${held.mentionsFound} event mentions detected in ${held.docs} documents, ${held.ms} ms`,
    `system (own detector, no gold mentions): P ${fmt(s.p)} R ${fmt(s.r)} F1 ${fmt(s.f1)} (${s.correct}/${s.system} ` +
      `links right, ${s.gold} gold links)`,
    `baseline (gold mentions, shared head stem): P ${fmt(b.p)} R ${fmt(b.r)} F1 ${fmt(b.f1)}`,
    `system links joining the two subtopics of a topic: ${held.crossSubtopic} of ${s.system}; events spanning two ` +
      `topics: ${held.crossTopic} of ${held.clusters}`,
    ...held.topicLines,
  ];
  return {
    name: 'event links (ECB+)',
    metrics: {
      f1: s.f1,
      precision: s.p,
      recall: s.r,
      baselineF1: b.f1,
      crossSubtopicLinks: held.crossSubtopic,
      crossSubtopicShare: crossShare,
      tunedF1: tuned.system.f1,
      tunedCrossSubtopicShare: tuned.system.system ? tuned.crossSubtopic / tuned.system.system : 0,
    },
    lines,
    target: { metric: 'f1', min: b.f1 + 0.1 },
    goals: [
      { label: `sentence-pair F1, ECB+ dev (not tuned)`, value: s.f1, min: 0.7 },
      {
        label: `share of links joining the two subtopics of a topic, ECB+ dev (not tuned)`,
        value: crossShare,
        max: 0.02,
        percent: true,
      },
    ],
  };
}

interface SeedsYaml {
  published: Record<string, string>;
  events: { id: string; mentions: Record<string, string> }[];
  quotes: { speaker: string; mentions: Record<string, string> }[];
}

/** Seeds: sentence-pair links on the yaml's events, summits kept apart, quote groups, publication dates. */
export async function evaluateSeeds(options: ClusterOptions = {}): Promise<EvalReport> {
  const { analyze, parts } = loadAnalyzer();
  const gold: SeedsYaml = parseYaml(fs.readFileSync(path.join(ROOT, 'test/fixtures/seeds-events.yaml'), 'utf8'));
  const dir = path.join(ROOT, 'seeds');
  const texts = new Map<string, string>();
  for (const f of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    texts.set(f, fs.readFileSync(path.join(dir, f), 'utf8').replace(/^\uFEFF/, ''));
  }
  const base = [...texts].map(([p, t]) => analyze(t, p));
  linkIds(base);
  const inferred = inferPublicationDates(base, (p, value) =>
    analyze(texts.get(p)!, p, { value, origin: 'corpus', reason: 'inferred' }),
  );
  const analyses = base.map((a) => {
    const pd = inferred.get(a.article.path);
    return pd && !a.article.published ? analyze(texts.get(a.article.path)!, a.article.path, pd) : a;
  });
  linkIds(analyses);
  const byPath = new Map(analyses.map((a) => [a.article.path, a]));
  const sentenceKey = (p: string, offset: number): string | null => {
    const s = byPath.get(p)!.article.sentences.find((x) => offset >= x.start && offset < x.end);
    return s ? `${p}#${s.start}` : null;
  };
  const lines: string[] = [];
  const missing: string[] = [];
  const goldGroups: string[][] = [];
  const goldSentencesOf = new Map<string, Set<string>>();
  for (const ev of gold.events) {
    const group: string[] = [];
    for (const [p, snippet] of Object.entries(ev.mentions)) {
      const at = texts.get(p)?.indexOf(snippet) ?? -1;
      const key = at >= 0 ? sentenceKey(p, at) : null;
      if (!key) {
        missing.push(`${ev.id}@${p}`);
        continue;
      }
      group.push(key);
    }
    goldGroups.push(group);
    goldSentencesOf.set(ev.id, new Set(group));
  }
  const docOf = (s: string) => s.slice(0, s.lastIndexOf('#'));
  const goldUniverse = new Set(goldGroups.flat());
  const mentions = analyses.flatMap((a) => findEventMentions(a));
  const clusters = clusterEvents(mentions, options);
  const sysGroups = clusters.map((c) =>
    c.mentions.map((m) => sentenceKey(m.path, m.start)).filter((k): k is string => !!k),
  );
  const allSentences = new Set(sysGroups.flat().concat([...goldUniverse]));
  const goldPairs = pairsFromGroups(goldGroups, goldUniverse, docOf);
  const selected = score(pairsFromGroups(sysGroups, goldUniverse, docOf), goldPairs);
  const strict = score(pairsFromGroups(sysGroups, allSentences, docOf), goldPairs);
  // Wrong links among the yaml's sentences, with the events that made them (for reading, not scoring).
  const wrong: string[] = [];
  for (const p of pairsFromGroups(sysGroups, goldUniverse, docOf)) {
    if (goldPairs.has(p)) continue;
    const [a, b] = p.split('|');
    const ids = clusters.filter((_, k) => sysGroups[k].includes(a) && sysGroups[k].includes(b)).map((c) => c.id);
    const goldOf = (x: string) =>
      gold.events
        .filter((e) => goldSentencesOf.get(e.id)!.has(x))
        .map((e) => e.id)
        .join('/');
    wrong.push(
      `wrong link ${goldOf(a)}@${docOf(a).slice(0, 3)} ~ ${goldOf(b)}@${docOf(b).slice(0, 3)} via ${ids.join('+')}`,
    );
  }

  // The summits are joined when one event holds a trigger inside a Tokyo snippet and one inside a Seoul snippet.
  const snippetSpans = (id: string) =>
    Object.entries(gold.events.find((e) => e.id === id)!.mentions).map(([p, snippet]) => {
      const at = texts.get(p)!.indexOf(snippet);
      return { p, start: at, end: at + snippet.length };
    });
  const tokyoSpans = snippetSpans('tokyo-summit');
  const seoulSpans = snippetSpans('seoul-summit');
  const touches = (
    c: { mentions: { path: string; start: number; end: number }[] },
    spans: { p: string; start: number; end: number }[],
  ) => c.mentions.some((m) => spans.some((s) => s.p === m.path && m.start >= s.start && m.end <= s.end));
  const summitsJoined = clusters.filter((c) => touches(c, tokyoSpans) && touches(c, seoulSpans)).length;

  for (const ev of gold.events) {
    const where = Object.keys(ev.mentions).map((p) => {
      const key = [...goldSentencesOf.get(ev.id)!].find((k) => docOf(k) === p);
      const ids = clusters.filter((c, k) => key && sysGroups[k].includes(key)).map((c) => c.id);
      return `${p.slice(0, 3)}→${ids.length ? ids.join('+') : '∅'}`;
    });
    lines.push(`gold ${ev.id}: ${where.join('  ')}`);
  }
  const eventsFound = gold.events.filter((ev) => {
    const sents = [...goldSentencesOf.get(ev.id)!];
    return sysGroups.some(
      (g) =>
        sents.filter((s) => g.includes(s)).length >= Math.min(2, sents.length) && sents.every((s) => g.includes(s)),
    );
  }).length;

  const quotes = clusterQuotes(analyses.flatMap((a) => findQuotes(a)));
  let quoteGroupsFound = 0;
  for (const q of gold.quotes) {
    const spans = Object.entries(q.mentions).map(([p, snippet]) => {
      const at = texts.get(p)!.indexOf(snippet);
      return { p, start: at, end: at + snippet.length };
    });
    const hit = quotes.some((c) =>
      spans.every((s) => c.mentions.some((m) => m.path === s.p && m.start < s.end && m.end > s.start)),
    );
    const speakerOk = quotes.some(
      (c) =>
        c.speaker === q.speaker &&
        spans.every((s) => c.mentions.some((m) => m.path === s.p && m.start < s.end && m.end > s.start)),
    );
    if (hit) quoteGroupsFound++;
    lines.push(
      `quote "${Object.values(q.mentions)[0].slice(0, 40)}…": ${hit ? 'found' : 'MISSED'}` +
        `${hit && !speakerOk ? ' (speaker differs)' : ''}`,
    );
  }

  let datesRight = 0;
  for (const [p, want] of Object.entries(gold.published)) {
    const got = byPath.get(p)?.article.published;
    if (got?.value === want) datesRight++;
    lines.push(
      `published ${p}:` +
        ` ${got ? `${got.value} (${got.origin}: ${got.reason})` : 'none'}` +
        `${got?.value === want ? '' : `  WANT ${want}`}`,
    );
  }
  lines.push(...wrong);
  for (const c of clusters)
    lines.push(
      `event ${c.id}: ${c.label} ` +
        `[${c.date ?? '?'} ${c.place ?? ''}] ${new Set(c.mentions.map((m) => m.path.slice(0, 3))).size} ` +
        `articles, ${c.mentions.length} mentions`,
    );
  lines.unshift(
    `analysis: ${parts}; snippets not located: ${missing.length ? missing.join(', ') : 'none'}`,
    `sentence pairs over the yaml's sentences: P ${fmt(selected.p)} R ${fmt(selected.r)} F1 ${fmt(selected.f1)} ` +
      `(${selected.correct}/${selected.system}, gold ${selected.gold})`,
    `sentence pairs over all sentences: P ${fmt(strict.p)} R ${fmt(strict.r)} F1 ${fmt(strict.f1)} ` +
      `(${strict.correct}/${strict.system})`,
    `events found whole: ${eventsFound}/${gold.events.length}; summits joined: ${summitsJoined}; quote groups ` +
      `found: ${quoteGroupsFound}/${gold.quotes.length}; publication dates ` +
      `right: ${datesRight}/${Object.keys(gold.published).length}`,
  );
  return {
    name: 'event links (seeds)',
    metrics: {
      f1: selected.f1,
      precision: selected.p,
      recall: selected.r,
      strictF1: strict.f1,
      summitsJoined,
      eventsFound,
      quoteGroupsFound,
      publishedRight: datesRight,
    },
    lines,
    target: { metric: 'f1', min: 0.9 },
  };
}

if (require.main === module) {
  // Alone: `node out/scripts/eval/events.js [seeds|ecb] ['{"threshold":2}']` prints both reports by default.
  const which = process.argv[2] ?? 'both';
  const options: ClusterOptions = process.argv[3]
    ? JSON.parse(process.argv[3])
    : which.startsWith('{')
      ? JSON.parse(which)
      : {};
  const runs = [
    ...(which === 'seeds' ? [] : [() => evaluate(options)]),
    ...(which === 'ecb' ? [] : [() => evaluateSeeds(options)]),
  ];
  void (async () => {
    for (const run of runs) {
      const r = await run();
      console.log(r.name);
      for (const [k, v] of Object.entries(r.metrics)) console.log(`  ${k}: ${Number.isInteger(v) ? v : v.toFixed(3)}`);
      for (const l of r.lines) console.log(`  ${l}`);
      if (r.target)
        console.log(
          `  target: ${r.target.metric} ` +
            `>= ${r.target.min.toFixed(3)}: ${r.metrics[r.target.metric] >= r.target.min ? 'met' : 'MISSED'}`,
        );
    }
  })();
}
