// Links event mentions across articles into events: score candidate pairs, join groups under vetoes, merge, report.
import { EventCluster } from '../model';
import { Groups, mergeSharedSentences } from './groups';
import { describeGroup } from './labels';
import { EventMention } from './mentions';
import { PairList, linkPairs } from './pairs';
import { Features, featuresSteps, PairScorer } from './scoring';
import { ClusterOptions, clusterSettings, ClusterSettings } from './settings';
import { EventCorpus, eventCorpusSteps } from './similarity';
import { isTopic } from './topics';
import { Pacer } from '../steps';
import { SLICE_UNITS } from './work';

/** Links event mentions across articles into events. Blocking (pairs.ts) keeps it linear in the folder's size. */
export function clusterEvents(mentions: EventMention[], options: ClusterOptions = {}): EventCluster[] {
  const steps = clusterEventsSteps(mentions, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * clusterEvents as small units of work: every stage (the corpus statistics, the feature columns, the pairs,
 * their sort, the joining, the shared-sentence merge, the labels) yields after a bounded slice of work
 * (work.ts Pacer), so an owner (CorpusIndex.linkStep) can stop after any of them and go on later; the work
 * between two yields does not grow with the folder.
 */
export function* clusterEventsSteps(
  mentions: EventMention[],
  options: ClusterOptions = {},
): Generator<void, EventCluster[], void> {
  const settings = clusterSettings(options);
  const ticker = new Pacer(options.sliceUnits ?? SLICE_UNITS);
  const corpus = yield* eventCorpusSteps(mentions, ticker, options.folder);
  if (!options.folder)
    options.onCorpus?.({
      docs: corpus.docIndex.size,
      words: corpus.words,
      wordDf: corpus.wordDf,
      ctxDf: corpus.ctxDf,
    });
  yield;
  const feats = yield* featuresSteps(mentions, corpus, settings, ticker);
  yield;
  if (options.releaseContexts) yield* releaseContexts(mentions, ticker);
  const groups = yield* linkedGroups(feats, corpus, settings, options, ticker);
  yield;
  const events = yield* reportEvents(mentions, groups, corpus, settings, ticker);
  ticker.end();
  options.onSlices?.({ maxSliceUnits: ticker.longest });
  return events;
}

const NO_CONTEXT: Record<string, number> = Object.freeze({});
const NO_WORDS: string[] = [];

/** Empties what only the corpus and the feature columns read (see ClusterOptions.releaseContexts). */
function* releaseContexts(mentions: EventMention[], ticker: Pacer): Generator<void, void, void> {
  for (const m of mentions) {
    m.context = NO_CONTEXT;
    m.words = NO_WORDS;
    if (ticker.add()) yield;
  }
}

/** The pairs, scored and joined into groups. A stage of its own so the pair list (16 bytes a pair) goes with it. */
function* linkedGroups(
  feats: Features,
  corpus: EventCorpus,
  settings: ClusterSettings,
  options: ClusterOptions,
  ticker: Pacer,
): Generator<void, Groups, void> {
  const scorer = new PairScorer(feats, corpus, settings);
  const { pairs, stats } = yield* linkPairs(
    scorer,
    settings,
    (doc) => corpus.neighbours(doc, settings.minDocSimilarity),
    ticker,
  );
  options.onStats?.({
    mentions: feats.n,
    blocks: stats.blocks,
    considered: stats.considered,
    linked: pairs.length,
  });
  yield;
  return yield* joinPairs(scorer, pairs, corpus, settings, ticker);
}

/** Joins the pairs, best first, into groups whose dates, places and stories agree. */
function* joinPairs(
  scorer: PairScorer,
  pairs: PairList,
  corpus: EventCorpus,
  settings: ClusterSettings,
  ticker: Pacer,
): Generator<void, Groups, void> {
  const feats = scorer.f;
  const groups = new Groups(feats, scorer, (a, b) => storiesCohere(a, b, corpus, settings.minGroupSimilarity));
  for (let k = 0; k < pairs.length; k++) {
    groups.union(pairs.i[k], pairs.j[k]);
    // A union compares at most 12 × 12 articles (storiesCohere) and the two groups' dates and places.
    if (ticker.add(8)) yield;
  }
  yield;
  if (settings.mergeSharedSentences) yield* mergeSharedSentences(feats.ms, groups, corpus.docOf, ticker);
  return groups;
}

/** Average similarity of the two groups' articles (a sample of each): one stray link must not chain two stories. */
function storiesCohere(da: number[], db: number[], corpus: EventCorpus, minGroupSimilarity: number): boolean {
  let total = 0;
  let n = 0;
  for (const x of da)
    for (const y of db)
      if (x !== y) {
        total += corpus.similarityOf(x, y);
        n++;
      }
  return !n || total / n >= minGroupSimilarity;
}

/** Rank of each article by path (localeCompare), equal paths under the locale sharing a rank. */
function pathRanks(corpus: EventCorpus): Int32Array {
  const paths = [...corpus.docIndex.keys()];
  const order = paths.map((_, d) => d).sort((a, b) => paths[a].localeCompare(paths[b]));
  const rank = new Int32Array(paths.length);
  order.forEach((d, k) => {
    rank[d] = k > 0 && paths[order[k - 1]].localeCompare(paths[d]) === 0 ? rank[order[k - 1]] : k;
  });
  return rank;
}

/** The groups (by root) of two or more articles, or all of them with `keepSingletons`, in text order. */
function* reportableGroups(
  mentions: EventMention[],
  groups: Groups,
  corpus: EventCorpus,
  settings: ClusterSettings,
  ticker: Pacer,
): Generator<void, number[][], void> {
  // Roots and group sizes first: a member list only for groups that can be shown (most mentions stay alone).
  const n = mentions.length;
  const root = new Int32Array(n);
  const size = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    root[i] = groups.find(i);
    size[root[i]]++;
    if (ticker.add()) yield;
  }
  const { docOf } = corpus;
  const lists = new Map<number, number[]>();
  const kept: number[][] = [];
  for (let i = 0; i < n; i++) {
    const r = root[i];
    if (size[r] < 2 && !settings.keepSingletons) continue;
    let l = lists.get(r);
    if (!l) {
      lists.set(r, (l = []));
      kept.push(l);
    }
    l.push(i);
    if (ticker.add()) yield;
  }
  const manyArticles = (members: number[]) => members.some((i) => docOf[i] !== docOf[members[0]]);
  const shown = settings.keepSingletons ? kept : kept.filter(manyArticles);
  yield;
  const rank = pathRanks(corpus);
  const start = (members: number[]) => mentions[members[0]].trigger.start;
  return shown.sort((a, b) => rank[docOf[a[0]]] - rank[docOf[b[0]]] || start(a) - start(b));
}

/** The groups worth showing as events, in text order, with ids made unique. */
function* reportEvents(
  mentions: EventMention[],
  groups: Groups,
  corpus: EventCorpus,
  settings: ClusterSettings,
  ticker: Pacer,
): Generator<void, EventCluster[], void> {
  const clusters: EventCluster[] = [];
  const usedIds = new Map<string, number>();
  for (const members of yield* reportableGroups(mentions, groups, corpus, settings, ticker)) {
    const ms = members.map((i) => mentions[i]);
    // Labelling reads each mention a few times (participants, words, candidates for the headline).
    if (ticker.add(16 * ms.length + 64)) yield;
    const group = describeGroup(ms);
    const cluster = group.cluster;
    // A few words outside the event classes shared by two articles ("restore", "war") are a shared topic
    // more often than a shared happening: such a group needs a date and several mentions to be shown.
    if (!settings.keepGeneralOnly && ms.every((m) => m.general) && (!cluster.date || ms.length < 4)) continue;
    const n = usedIds.get(cluster.id) ?? 0;
    usedIds.set(cluster.id, n + 1);
    if (n) cluster.id = `${cluster.id}-${n + 1}`;
    // Counted above before it is left out, so the ids of the events shown stay what they were.
    if (!settings.keepTopics && isTopic(ms, group)) continue;
    clusters.push(cluster);
  }
  return clusters;
}
