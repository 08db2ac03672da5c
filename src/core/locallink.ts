// The relink of a few changed articles with the articles around them, in time that does not grow with the folder:
// what the extension shows within a fraction of a second of an edit, before the folder-wide link (corpus.ts
// linkJob) catches up and replaces it.
//
// Exactness. Event and quote linking are local: a mention only ever joins mentions of its block (pairs.ts) in
// articles that share a day, a participant or rare words with its own. So the changed article's new mentions are
// clustered again together with:
//   - the mentions of every event and quote that held the changed article or one of the region's articles
//     (they may now split or join differently), and
//   - every mention of the REGION articles: those sharing the most rare participants and event dates with the
//     changed article (at most REGION_SIZE), where its partners are.
// Everything else keeps its links. Word and context statistics are the whole folder's, kept up to date article by
// article (FolderStats), so IDF weighs words as the folder-wide link does. What can still differ from a fresh
// link: a partner outside the region (an article alike only through common words), the similar-article lists
// (found among the region's articles, not the folder's), a name known only through the folder's alias rules
// (aliases.ts; the spellings the folder already resolved are used), and dates the folder infers for other
// articles. The property test (test/unit/locallink.test.ts) and `npm run eval` measure the difference.
//
// Cost: O(region articles × mentions per article + mentions of the events touched), independent of the folder;
// applying the result touches only the events, quotes and records of the articles involved.
import { clusterEventsSteps, EventMention, FolderStats } from './events';
import { EntityMention, EntityRecord, EventCluster, MentionRef, QuoteCluster } from './model';
import { ArticleAnalysis, PublishedDate } from './model';
import { inferPublicationDatesSteps } from './pubdates';
import { clusterQuotesSteps, QuoteMention } from './quotes';
import { Pacer, Steps } from './steps';

/** Articles besides the changed one whose mentions are clustered again with it. */
export const REGION_SIZE = 12;
/** Most articles around a change, with the articles of the events it was in (a local link's cost grows with them). */
const REGION_LIMIT = 64;
/** Most mentions of the clusters around a change that a local link clusters again (see heldClusters). */
const HELD_MENTIONS = 1000;
/** A cluster of more mentions than this is kept as it is, an anchor the changed articles' mentions may join. */
const ANCHOR_MENTIONS = 400;
/**
 * The same for a quote: one repeated in more articles than this is not clustered again. Quotes are matched by their
 * words, so an edit cannot split such a group, and its members outside the region were half of a local link's time
 * (a seed's quote reprinted in hundreds of articles: their mentions found again and paired, 0.2 s an edit).
 */
const QUOTE_ANCHOR_MENTIONS = 32;
/** A participant or date held by more articles than this does not choose the region (it is common, not telling). */
const RARE = 150;

export interface LinkedArticleState {
  analyses: Map<string, ArticleAnalysis>;
  entityRecords: Map<string, EntityRecord>;
  eventClusters: EventCluster[];
  quoteClusters: QuoteCluster[];
  eventsByPath: Map<string, { ref: MentionRef; cluster: EventCluster }[]>;
  quotesByPath: Map<string, { ref: MentionRef; cluster: QuoteCluster }[]>;
}

/** What a local link needs to know about the whole folder, kept between links and updated by each local link. */
export interface FolderIndex {
  stats: FolderCounts;
  /** Articles by the dates of their event mentions. */
  dates: Map<string, Set<string>>;
  /** Entity ids by a spelling the folder resolved (one id per spelling), built on first use. */
  spellings?: Map<string, string>;
}

export interface ArticleChange {
  path: string;
  /** The article's analysis now (dated as the folder dated it), or null when it was removed. */
  after: ArticleAnalysis | null;
}

export interface ResolvedMentions {
  events: EventMention[];
  quotes: QuoteMention[];
}

/** What a local link asks of the index: mentions with the current entity ids, an analysis with a new date. */
export interface LinkHooks {
  resolve(path: string, analysis: ArticleAnalysis): ResolvedMentions;
  redate(path: string, published: PublishedDate): ArticleAnalysis;
}

/** What a local link found, applied in one step (applyLocalLink) so queries never see half of it. */
export interface LocalLinkResult {
  changes: ArticleChange[];
  /** Mentions of the changed articles before and after (for statistics and records). */
  before: Map<string, ResolvedMentions>;
  after: Map<string, ResolvedMentions>;
  /** The folder's counts the changes change. */
  counts: FolderCounts;
  goneEvents: Set<EventCluster>;
  events: EventCluster[];
  goneQuotes: Set<QuoteCluster>;
  quotes: QuoteCluster[];
  /** Articles clustered again besides the changed ones. */
  region: string[];
  /** Event mentions clustered again. */
  clustered: number;
}

/**
 * Finds the new links of the changed articles (see the file's comment). Reads `state` and `folder` and changes
 * nothing: applyLocalLink publishes the result. `merges`: each entity id the user merged, mapped to the id its
 * group keeps.
 */
export function* localLinkSteps(
  state: LinkedArticleState,
  folder: FolderIndex,
  changes: ArticleChange[],
  hooks: LinkHooks,
  merges: Map<string, string>,
  pace: Pacer,
): Steps<LocalLinkResult> {
  const resolve = hooks.resolve;
  if (!folder.spellings) folder.spellings = yield* spellingIndex(state.entityRecords.values(), pace);
  const before = new Map<string, ResolvedMentions>();
  const after = new Map<string, ResolvedMentions>();
  for (const c of changes) {
    const old = state.analyses.get(c.path);
    if (old) before.set(c.path, resolve(c.path, old));
    if (c.after) {
      c.after = withFolderIds(c.after, state.entityRecords, folder.spellings, merges);
      after.set(c.path, resolve(c.path, c.after));
    }
    if (pace.whole()) yield;
  }
  const changed = new Set(changes.map((c) => c.path));
  const region = regionOf(state, folder, changed, after);
  const withIds = (a: ArticleAnalysis) => withFolderIds(a, state.entityRecords, folder.spellings!, merges);
  yield* dateFromRegion(state, changes, after, region, hooks, withIds, pace);
  const mentionsOf = regionMentions(state, changed, after, resolve);
  const eventMentions: EventMention[] = [];
  const quoteMentions: QuoteMention[] = [];
  for (const path of [...changed, ...region]) {
    const m = mentionsOf(path);
    if (!m) continue;
    eventMentions.push(...m.events);
    quoteMentions.push(...m.quotes);
    if (pace.add(m.events.length + m.quotes.length)) yield;
  }
  // The clusters the changed articles were in may split or join otherwise: their mentions are clustered again too.
  const inRegion = new Set([...changed, ...region]);
  const heldEvents = heldClusters(state.eventsByPath, changed, region);
  const heldQuotes = heldClusters(state.quotesByPath, changed, region, QUOTE_ANCHOR_MENTIONS);
  eventMentions.push(...(yield* membersOutside(heldEvents.held, inRegion, (p) => mentionsOf(p)?.events, pace)));
  quoteMentions.push(...(yield* membersOutside(heldQuotes.held, inRegion, (p) => mentionsOf(p)?.quotes, pace)));
  // A few members of each quote anchor, so that a changed article's quote finds its group again (anchored).
  const samples = new Set([...heldQuotes.anchors].map((c) => ({ mentions: sampleOutside(c.mentions, inRegion) })));
  quoteMentions.push(...(yield* membersOutside(samples, inRegion, (p) => mentionsOf(p)?.quotes, pace)));
  const counts = countsAfter(folder.stats, before, after);
  // Slices of a quarter of the folder-wide link's: a local link runs while the user waits on hovers.
  const local = yield* clusterEventsSteps(eventMentions, { folder: statsView(folder.stats, counts), sliceUnits: 2048 });
  const localQuotes = yield* clusterQuotesSteps(quoteMentions, pace);
  const ev = anchored(state.eventsByPath, changed, heldEvents, local);
  const qu = anchored(state.quotesByPath, changed, heldQuotes, localQuotes);
  return {
    changes,
    before,
    after,
    counts,
    goneEvents: ev.gone,
    events: ev.added,
    goneQuotes: qu.gone,
    quotes: qu.added,
    region,
    clustered: eventMentions.length,
  };
}

/**
 * The clusters clustered again: those of the changed and region articles, as long as they hold at most
 * HELD_MENTIONS mentions together (the cost of a local link grows with them); else only the changed articles'.
 */
function heldClusters<C extends { mentions: MentionRef[] }>(
  byPath: Map<string, { cluster: C }[]>,
  changed: Set<string>,
  region: string[],
  anchorAt = ANCHOR_MENTIONS,
): { held: Set<C>; anchors: Set<C> } {
  const all = clustersOf(byPath, [...changed, ...region]);
  let n = 0;
  for (const c of all) n += c.mentions.length;
  const held = n <= HELD_MENTIONS ? all : clustersOf(byPath, changed);
  // A story the change cannot split much (a wire story in hundreds of articles) is not clustered again: the changed
  // articles' mentions leave it and may join it again (anchored), and its cost stays out of the local link.
  const anchors = new Set<C>();
  for (const c of held) if (c.mentions.length > anchorAt) anchors.add(c);
  for (const c of anchors) held.delete(c);
  return { held, anchors };
}

/** Members of an anchor that a local link clusters with the change: the first few outside the region. */
const ANCHOR_SAMPLE = 8;

function sampleOutside(mentions: MentionRef[], inRegion: Set<string>): MentionRef[] {
  const out: MentionRef[] = [];
  for (const m of mentions) {
    if (out.length >= ANCHOR_SAMPLE) break;
    if (!inRegion.has(m.path)) out.push(m);
  }
  return out;
}

/** Where a reference goes in a list ordered by article path, then offset. */
function refIndex(list: MentionRef[], ref: MentionRef): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const c = list[mid].path.localeCompare(ref.path) || list[mid].start - ref.start;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The clusters that hold a mention of one of the articles. */
function clustersOf<C>(byPath: Map<string, { cluster: C }[]>, paths: Iterable<string>): Set<C> {
  const out = new Set<C>();
  for (const p of paths) for (const e of byPath.get(p) ?? []) out.add(e.cluster);
  return out;
}

/** The mentions of the clusters in articles outside the region (found again by where they start). */
function* membersOutside<M extends { path: string }>(
  clusters: Set<{ mentions: MentionRef[] }>,
  inRegion: Set<string>,
  mentionsOf: (path: string) => M[] | undefined,
  pace: Pacer,
): Steps<M[]> {
  const wanted = new Map<string, Set<number>>();
  for (const c of clusters)
    for (const ref of c.mentions) {
      if (inRegion.has(ref.path)) continue;
      const starts = wanted.get(ref.path) ?? new Set<number>();
      starts.add(ref.start);
      wanted.set(ref.path, starts);
    }
  const out: M[] = [];
  for (const [path, starts] of wanted) {
    const ms = mentionsOf(path) ?? [];
    for (const m of ms) if (starts.has(startOf(m))) out.push(m);
    if (pace.add(ms.length + 1)) yield;
  }
  return out;
}

/** Where an event mention (its trigger) or a quote (its span) starts: what a cluster's reference keeps. */
function startOf(m: { path: string }): number {
  const x = m as { trigger?: { start: number }; span?: { start: number } };
  return (x.trigger ?? x.span)!.start;
}

/**
 * The folder's clusters after a local clustering of the changed and region articles with the clusters they were in
 * (`held`). Only what the change reaches is replaced: the clusters the changed articles were in, and those with a
 * mention in a local group that holds a changed article's mention. Their mentions go where the local clustering put
 * them; every other cluster stays as it was (a local clustering of a part of the folder can draw a story apart
 * otherwise than the folder-wide link does, and nothing changed there), and its mentions leave the local groups.
 * An anchor (a large cluster not clustered again) loses the changed articles' old mentions and takes in the changed
 * mentions of a local group that holds its mentions.
 */
function anchored<C extends { id: string; mentions: MentionRef[] }>(
  byPath: Map<string, { ref: MentionRef; cluster: C }[]>,
  changed: Set<string>,
  { held, anchors }: { held: Set<C>; anchors: Set<C> },
  local: C[],
): { gone: Set<C>; added: C[] } {
  const oldAt = (ref: MentionRef) => byPath.get(ref.path)?.find((e) => e.ref.start === ref.start)?.cluster;
  const reached = new Set([...clustersOf(byPath, changed)].filter((c) => !anchors.has(c)));
  const joins = new Map<C, MentionRef[]>();
  for (const c of anchors) if (c.mentions.some((m) => changed.has(m.path))) joins.set(c, []);
  const anchorOf = new Map<C, C>();
  for (const g of local) {
    if (!g.mentions.some((m) => changed.has(m.path))) continue;
    const inAnchor = new Map<C, number>();
    for (const ref of g.mentions) {
      const old = changed.has(ref.path) ? undefined : oldAt(ref);
      if (old && held.has(old)) reached.add(old);
      if (old && anchors.has(old)) inAnchor.set(old, (inAnchor.get(old) ?? 0) + 1);
    }
    if (!inAnchor.size) continue;
    const anchor = [...inAnchor].sort((x, y) => y[1] - x[1])[0][0];
    anchorOf.set(g, anchor);
    joins.set(anchor, [...(joins.get(anchor) ?? []), ...g.mentions.filter((m) => changed.has(m.path))]);
  }
  const added: C[] = [];
  for (const g of local) {
    let touches = false;
    const mentions = g.mentions.filter((ref) => {
      if (changed.has(ref.path)) return anchorOf.has(g) ? false : (touches = true);
      const old = oldAt(ref);
      if (old && reached.has(old)) touches = true;
      return !old || reached.has(old);
    });
    if (!touches || new Set(mentions.map((m) => m.path)).size < 2) continue;
    added.push(mentions.length === g.mentions.length ? g : { ...g, mentions });
  }
  for (const [anchor, joined] of joins) {
    reached.add(anchor);
    // The anchor's own mentions are in order already: the few joined ones are put in place (no sort of thousands).
    const mentions = anchor.mentions.filter((m) => !changed.has(m.path));
    for (const m of joined) mentions.splice(refIndex(mentions, m), 0, m);
    if (new Set(mentions.map((m) => m.path)).size >= 2) added.push({ ...anchor, mentions });
  }
  return { gone: reached, added };
}

/** Publishes a local link: events, quotes, records, statistics and the changed analyses, all at once. */
export function applyLocalLink(state: LinkedArticleState, folder: FolderIndex, r: LocalLinkResult): void {
  applyCounts(folder.stats, r.counts);
  for (const c of r.changes) {
    updateDates(folder.dates, c.path, r.before.get(c.path)?.events ?? [], r.after.get(c.path)?.events ?? []);
    const old = state.analyses.get(c.path);
    updateRecords(state.entityRecords, folder, c.path, old?.entities ?? [], c.after?.entities ?? []);
    if (c.after) state.analyses.set(c.path, c.after);
    else state.analyses.delete(c.path);
  }
  state.eventClusters = splice(state.eventClusters, r.goneEvents, r.events);
  state.quoteClusters = splice(state.quoteClusters, r.goneQuotes, r.quotes);
  reindexPaths(state.eventsByPath, r.goneEvents, r.events);
  reindexPaths(state.quotesByPath, r.goneQuotes, r.quotes);
  for (const c of r.changes) {
    if (!c.after) {
      state.eventsByPath.delete(c.path);
      state.quotesByPath.delete(c.path);
    }
  }
}

/**
 * The articles most likely to hold the changed articles' partners: those sharing rare participants and event
 * dates with them (each shared key weighs 1 / the articles holding it), then the articles of the events the
 * changed articles were in.
 */
function regionOf(
  state: LinkedArticleState,
  folder: FolderIndex,
  changed: Set<string>,
  after: Map<string, ResolvedMentions>,
): string[] {
  const score = new Map<string, number>();
  const add = (paths: Iterable<string>, n: number) => {
    if (n > RARE) return;
    for (const p of paths) if (!changed.has(p)) score.set(p, (score.get(p) ?? 0) + 1 / n);
  };
  for (const { events } of after.values()) {
    const ids = new Set<string>();
    const dates = new Set<string>();
    for (const m of events) {
      for (const id of m.participants) ids.add(id);
      if (m.date) dates.add(m.date);
    }
    for (const id of ids) {
      const r = state.entityRecords.get(id);
      if (r) add(r.articles, r.articles.length);
    }
    for (const d of dates) {
      const paths = folder.dates.get(d);
      if (paths) add(paths, paths.size);
    }
  }
  const ranked = [...score].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([p]) => p);
  const region = new Set(ranked.slice(0, REGION_SIZE));
  // The articles of the events the changed articles were in, up to REGION_LIMIT: not those of an event that will be
  // an anchor (a story told in hundreds of articles: its mentions are not clustered again, and its articles' other
  // mentions are not the change's partners any more than those of the top-ranked articles).
  for (const path of changed)
    for (const e of state.eventsByPath.get(path) ?? []) {
      if (e.cluster.mentions.length > ANCHOR_MENTIONS) continue;
      for (const m of e.cluster.mentions) {
        if (region.size >= REGION_LIMIT) break;
        if (!changed.has(m.path)) region.add(m.path);
      }
    }
  return [...region].filter((p) => state.analyses.has(p));
}

/**
 * A changed article without a publication date takes one from the events it shares with the region's dated
 * articles, as the folder-wide link would (pubdates.ts); its dates are then resolved again.
 */
function* dateFromRegion(
  state: LinkedArticleState,
  changes: ArticleChange[],
  after: Map<string, ResolvedMentions>,
  region: string[],
  hooks: LinkHooks,
  withIds: (a: ArticleAnalysis) => ArticleAnalysis,
  pace: Pacer,
): Steps<void> {
  for (const c of changes) {
    if (!c.after || c.after.article.published) continue;
    const around = region.map((p) => state.analyses.get(p)!).filter(Boolean);
    const mentionsFor = (a: ArticleAnalysis) =>
      a === c.after ? after.get(c.path)!.events : hooks.resolve(a.article.path, a).events;
    const inferred = yield* inferPublicationDatesSteps([c.after, ...around], undefined, mentionsFor, pace);
    const published = inferred.get(c.path);
    if (!published) continue;
    c.after = withIds(hooks.redate(c.path, published));
    after.set(c.path, hooks.resolve(c.path, c.after));
  }
}

/** Each article's mentions, resolved once: the changed ones' new mentions, the others' from the linked state. */
function regionMentions(
  state: LinkedArticleState,
  changed: Set<string>,
  after: Map<string, ResolvedMentions>,
  resolve: LinkHooks['resolve'],
): (path: string) => ResolvedMentions | undefined {
  const cache = new Map<string, ResolvedMentions>();
  return (path) => {
    if (changed.has(path)) return after.get(path);
    let m = cache.get(path);
    if (!m) {
      const a = state.analyses.get(path);
      if (!a) return undefined;
      m = resolve(path, a);
      cache.set(path, m);
    }
    return m;
  };
}

/** Counts of the folder (FolderStats), kept as maps that local links update. */
export interface FolderCounts {
  docs: number;
  wordDf: Map<string, number>;
  ctxDf: Map<string, number>;
}

/** The counts the changed articles' mentions change: new values of the words and keys touched, and of `docs`. */
function countsAfter(
  stats: FolderCounts,
  before: Map<string, ResolvedMentions>,
  after: Map<string, ResolvedMentions>,
): FolderCounts {
  const out: FolderCounts = { docs: stats.docs, wordDf: new Map(), ctxDf: new Map() };
  const shift = (events: EventMention[], by: number) => {
    if (!events.length) return;
    out.docs += by;
    const words = new Set<string>();
    for (const m of events) for (const w of m.words) words.add(w);
    for (const w of words) out.wordDf.set(w, (out.wordDf.get(w) ?? stats.wordDf.get(w) ?? 0) + by);
    for (const k of Object.keys(events[0].context))
      out.ctxDf.set(k, (out.ctxDf.get(k) ?? stats.ctxDf.get(k) ?? 0) + by);
  };
  for (const m of before.values()) shift(m.events, -1);
  for (const m of after.values()) shift(m.events, +1);
  return out;
}

/** The folder's statistics as they are once the changes apply: the changed counts read before the folder's. */
function statsView(stats: FolderCounts, changed: FolderCounts): FolderStats {
  const view = (base: Map<string, number>, top: Map<string, number>) => ({
    get: (k: string) => (top.has(k) ? top.get(k)! || undefined : base.get(k)),
  });
  return { docs: changed.docs, wordDf: view(stats.wordDf, changed.wordDf), ctxDf: view(stats.ctxDf, changed.ctxDf) };
}

/** Writes changed counts into the folder's (a count down to 0 is removed). */
function applyCounts(stats: FolderCounts, changed: FolderCounts): void {
  stats.docs = changed.docs;
  for (const [map, top] of [
    [stats.wordDf, changed.wordDf],
    [stats.ctxDf, changed.ctxDf],
  ] as const)
    for (const [k, v] of top) {
      if (v > 0) map.set(k, v);
      else map.delete(k);
    }
}

/**
 * The changed article's analysis with the folder's ids on its names: a spelling the folder resolved, then the user's
 * merges. On copies of its entity mentions: the article's own analysis stays as it was found, for the folder-wide
 * link (which gives ids by its own rules) to start from.
 */
function withFolderIds(
  analysis: ArticleAnalysis,
  records: Map<string, EntityRecord>,
  spellings: Map<string, string>,
  merges: Map<string, string>,
): ArticleAnalysis {
  const entities = analysis.entities.map((m) => {
    let id = m.id;
    if (!records.has(id)) id = spellings.get(`${m.type}:${m.text}`) ?? id;
    id = merges.get(id) ?? id;
    const r = records.get(id);
    return id !== m.id && r ? { ...m, id, canonical: r.canonical } : m;
  });
  return entities.some((m, i) => m !== analysis.entities[i]) ? { ...analysis, entities } : analysis;
}

/** Entity ids by type and spelling, for spellings only one entity of the folder has. */
export function* spellingIndex(records: Iterable<EntityRecord>, pace: Pacer): Steps<Map<string, string>> {
  const out = new Map<string, string>();
  const shared = new Set<string>();
  for (const r of records) {
    for (const s of r.spellings) {
      const key = `${r.type}:${s}`;
      const known = out.get(key);
      if (known !== undefined && known !== r.id) shared.add(key);
      else out.set(key, r.id);
    }
    if (pace.add(1 + r.spellings.length)) yield;
  }
  for (const k of shared) out.delete(k);
  return out;
}

/** The records of the changed article's entities: counts, articles and spellings, new entities added. */
function updateRecords(
  records: Map<string, EntityRecord>,
  folder: FolderIndex,
  path: string,
  before: EntityMention[],
  after: EntityMention[],
): void {
  const count = (ms: EntityMention[]) => {
    const c = new Map<string, EntityMention[]>();
    for (const m of ms) c.set(m.id, [...(c.get(m.id) ?? []), m]);
    return c;
  };
  const was = count(before);
  const now = count(after);
  for (const [id, ms] of was) {
    const r = records.get(id);
    if (!r) continue;
    const left = r.mentionCount - ms.length;
    if (left <= 0 && !now.has(id)) records.delete(id);
    else records.set(id, { ...r, mentionCount: left, articles: now.has(id) ? r.articles : without(r.articles, path) });
  }
  for (const [id, ms] of now) {
    const r = records.get(id);
    const spellings = r ? [...r.spellings] : [];
    for (const m of ms) {
      if (spellings.includes(m.text)) continue;
      spellings.push(m.text);
      folder.spellings?.set(`${m.type}:${m.text}`, id);
    }
    records.set(id, {
      id,
      type: ms[0].type,
      canonical: r?.canonical ?? ms[0].canonical,
      spellings,
      articles: r ? (r.articles.includes(path) ? r.articles : [...r.articles, path]) : [path],
      mentionCount: (r?.mentionCount ?? 0) + ms.length,
    });
  }
}

function without(list: string[], x: string): string[] {
  return list.filter((y) => y !== x);
}

function updateDates(dates: Map<string, Set<string>>, path: string, before: EventMention[], after: EventMention[]) {
  for (const m of before) if (m.date) dates.get(m.date)?.delete(path);
  for (const m of after) {
    if (!m.date) continue;
    const set = dates.get(m.date) ?? new Set<string>();
    set.add(path);
    dates.set(m.date, set);
  }
}

/** An event or quote id without the suffix that made it unique ("evt-…-summit-2" → "evt-…-summit"). */
function idBase(id: string): string {
  return id.replace(/-\d+$/, '');
}

/**
 * The clusters with `gone` taken out and `added` put in after the first cluster of the same article and place, ids
 * kept unique against the clusters that stay (a suffix, as the folder-wide link gives).
 */
function splice<C extends { id: string; mentions: MentionRef[] }>(clusters: C[], gone: Set<C>, added: C[]): C[] {
  const kept = gone.size ? clusters.filter((c) => !gone.has(c)) : clusters.slice();
  const ids = new Set(kept.map((c) => c.id));
  for (const c of added) {
    let id = c.id;
    for (let n = 2; ids.has(id); n++) id = `${idBase(c.id)}-${n}`;
    c.id = id;
    ids.add(id);
    kept.splice(insertionPoint(kept, c), 0, c);
  }
  return kept;
}

/** Where a cluster goes in a list ordered by its first mention's article path and offset. */
function insertionPoint<C extends { mentions: MentionRef[] }>(list: C[], c: C): number {
  const key = (x: C) => x.mentions[0];
  const before = (a: MentionRef, b: MentionRef) =>
    a.path.localeCompare(b.path) < 0 || (a.path === b.path && a.start < b.start);
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(key(list[mid]), key(c))) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The per-article look-ups of the clusters that changed: one pass over their mentions, then each article once. */
function reindexPaths<C extends { mentions: MentionRef[] }>(
  byPath: Map<string, { ref: MentionRef; cluster: C }[]>,
  gone: Set<C>,
  added: C[],
): void {
  const fresh = new Map<string, { ref: MentionRef; cluster: C }[]>();
  for (const c of gone) for (const m of c.mentions) if (!fresh.has(m.path)) fresh.set(m.path, []);
  for (const cluster of added)
    for (const ref of cluster.mentions) {
      const list = fresh.get(ref.path);
      if (list) list.push({ ref, cluster });
      else fresh.set(ref.path, [{ ref, cluster }]);
    }
  for (const [path, addedHere] of fresh) {
    const list = (byPath.get(path) ?? []).filter((e) => !gone.has(e.cluster));
    for (const e of addedHere) list.push(e);
    list.sort((x, y) => x.ref.start - y.ref.start);
    if (list.length) byPath.set(path, list);
    else byPath.delete(path);
  }
}
