// Links event mentions across articles into events: score candidate pairs, join groups under vetoes, merge, report.
import { EventCluster } from '../model';
import { Groups, mergeSharedSentences } from './groups';
import { describeGroup } from './labels';
import { EventMention } from './mentions';
import { PairList, linkPairs } from './pairs';
import { Features, featuresOf, scorePair } from './scoring';
import { ClusterOptions, clusterSettings, ClusterSettings } from './settings';
import { EventCorpus, eventCorpus } from './similarity';
import { isTopic } from './topics';

/** Links event mentions across articles into events. Blocking (pairs.ts) keeps it linear in the folder's size. */
export function clusterEvents(mentions: EventMention[], options: ClusterOptions = {}): EventCluster[] {
  const steps = clusterEventsSteps(mentions, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * clusterEvents as small units of work: it yields between blocks of candidate pairs and between slices of
 * the joining, so an owner (CorpusIndex.linkStep) can stop after any of them and go on later.
 */
export function* clusterEventsSteps(
  mentions: EventMention[],
  options: ClusterOptions = {},
): Generator<void, EventCluster[], void> {
  const settings = clusterSettings(options);
  const corpus = eventCorpus(mentions);
  yield;
  const feats = featuresOf(mentions, corpus);
  yield;
  const { pairs, stats } = yield* linkPairs(
    feats,
    settings,
    (a, b) => scorePair(a, b, corpus, settings),
    (doc) => corpus.neighbours(doc, settings.minDocSimilarity),
  );
  options.onStats?.({
    mentions: feats.length,
    blocks: stats.blocks,
    considered: stats.considered,
    linked: pairs.length,
  });
  const groups = yield* joinPairs(mentions, pairs, feats, corpus, settings);
  yield;
  return reportEvents(mentions, groups, settings);
}

/** Joins the pairs, best first, into groups whose dates, places and stories agree. */
function* joinPairs(
  mentions: EventMention[],
  pairs: PairList,
  feats: Features[],
  corpus: EventCorpus,
  settings: ClusterSettings,
): Generator<void, Groups, void> {
  const samples = new WeakMap<number[], { docs: Set<number>; scanned: number }>();
  const groups = new Groups(mentions, (a, b) =>
    storiesCohere(a, b, feats, corpus, settings.minGroupSimilarity, samples),
  );
  for (let k = 0; k < pairs.length; k++) {
    groups.union(pairs.i[k], pairs.j[k]);
    if (k % 2048 === 2047) yield;
  }
  yield;
  if (settings.mergeSharedSentences) mergeSharedSentences(mentions, groups);
  return groups;
}

/** Average similarity of the two groups' articles (a sample of each): one stray link must not chain two stories. */
function storiesCohere(
  a: number[],
  b: number[],
  feats: Features[],
  corpus: EventCorpus,
  minGroupSimilarity: number,
  samples: WeakMap<number[], { docs: Set<number>; scanned: number }>,
): boolean {
  const da = [...docSample(a, feats, samples)];
  const db = [...docSample(b, feats, samples)];
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

/**
 * The first 12 articles of a group's members. Members are only ever appended (Groups.union), so the scan goes
 * on from where it stopped and ends for good at 12: linear over all unions, not the group's size each time.
 */
function docSample(
  members: number[],
  feats: Features[],
  samples: WeakMap<number[], { docs: Set<number>; scanned: number }>,
): Set<number> {
  let s = samples.get(members);
  if (!s) {
    s = { docs: new Set(), scanned: 0 };
    samples.set(members, s);
  }
  while (s.docs.size < 12 && s.scanned < members.length) s.docs.add(feats[members[s.scanned++]].doc);
  return s.docs;
}

/** The groups worth showing as events, in text order, with ids made unique. */
function reportEvents(mentions: EventMention[], groups: Groups, settings: ClusterSettings): EventCluster[] {
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < mentions.length; i++) {
    const r = groups.find(i);
    const l = byRoot.get(r) ?? [];
    l.push(i);
    byRoot.set(r, l);
  }
  const clusters: EventCluster[] = [];
  const usedIds = new Map<string, number>();
  const groupsInOrder = [...byRoot.values()].sort((a, b) => {
    const ma = mentions[a[0]];
    const mb = mentions[b[0]];
    return ma.path.localeCompare(mb.path) || ma.trigger.start - mb.trigger.start;
  });
  for (const members of groupsInOrder) {
    const ms = members.map((i) => mentions[i]);
    const articles = new Set(ms.map((m) => m.path));
    if (articles.size < 2 && !settings.keepSingletons) continue;
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
