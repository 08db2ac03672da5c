// Candidate links: mentions are blocked by event class (or a general word's stem) and scored within blocks;
// a large block is compared only along bounded sub-blocks (same article, same day, similar articles).
import { datesCompatible } from '../text/datecompat';
import { Features, PairScorer } from './scoring';
import { ClusterSettings } from './settings';
import { Pacer, Steps } from '../steps';
import { sortedIndices } from './work';

/** Linked pairs as columns, best first: mentions i[k] and j[k] (i < j) with score s[k]. */
export interface PairList {
  length: number;
  i: Int32Array;
  j: Int32Array;
  s: Float64Array;
}

export interface PairStats {
  blocks: number;
  considered: number;
}

/** One more than the largest id of a column. */
function idCount(ids: Int32Array): number {
  let max = -1;
  for (const v of ids) if (v > max) max = v;
  return max + 1;
}

/** Blocks: one per event class, and one per general word (kept apart from a class of the same name). */
function* blocksOf(f: Features, ticker: Pacer): Generator<void, Map<string, number[]>, void> {
  const blocks = new Map<string, number[]>();
  for (let i = 0; i < f.n; i++) {
    const m = f.ms[i];
    for (const cls of m.classes) {
      const key = m.general ? `word:${cls}` : `class:${cls}`;
      let list = blocks.get(key);
      if (!list) {
        list = [];
        blocks.set(key, list);
      }
      list.push(i);
    }
    if (ticker.add(m.classes.length + 1)) yield;
  }
  return blocks;
}

/**
 * Article-and-lemma keys (doc · lemmas + lemma) whose article dates that word twice differently (the March
 * summit, Sunday's summit).
 */
function* ambiguousLemmas(f: Features, ticker: Pacer): Steps<Set<number>> {
  const lemmas = idCount(f.lemma);
  const datesByDocLemma = new Map<number, string[]>();
  for (let i = 0; i < f.n; i++) {
    const date = f.ms[i].date;
    if (ticker.add()) yield;
    if (!date) continue;
    const k = f.doc[i] * lemmas + f.lemma[i];
    const ds = datesByDocLemma.get(k);
    if (ds) ds.push(date);
    else datesByDocLemma.set(k, [date]);
  }
  const ambiguous = new Set<number>();
  for (const [k, ds] of datesByDocLemma) {
    if (ds.some((x) => ds.some((y) => !datesCompatible(x, y)))) ambiguous.add(k);
    if (ticker.add(ds.length * ds.length)) yield;
  }
  return ambiguous;
}

/**
 * Pairs scoring at least the threshold, best first. `similar(doc)` lists the articles alike enough to the
 * article `doc` for a link without a shared day (EventCorpus.neighbours). Yields every `ticker` slice (a
 * unit is a pair scored).
 */
export function* linkPairs(
  scorer: PairScorer,
  settings: ClusterSettings,
  similar: (doc: number) => Int32Array,
  ticker: Pacer,
): Generator<void, { pairs: PairList; stats: PairStats }, void> {
  const f = scorer.f;
  const blocks = yield* blocksOf(f, ticker);
  yield;
  const ambiguous = yield* ambiguousLemmas(f, ticker);
  const lemmas = idCount(f.lemma);
  const best = new BestPartners(f.n, settings.maxPartners);
  // A pair met in two blocks is simply scored twice: cheaper than remembering every pair on large folders.
  let considered = 0;
  const consider = (i: number, j: number): boolean => {
    considered++;
    if (f.doc[i] === f.doc[j]) {
      // Within one article, a repeated word for a happening usually names it again ("the summit"), unless
      // the article dates that word twice differently: then an undated one could be either.
      if (f.lemma[i] !== f.lemma[j] || !settings.withinArticle) return ticker.add();
      if ((f.date[i] < 0 || f.date[j] < 0) && ambiguous.has(f.doc[i] * lemmas + f.lemma[i])) return ticker.add();
      const s = scorer.score(i, j) + 1;
      if (s >= settings.threshold) best.add(i, j, s);
      return ticker.add();
    }
    const s = scorer.score(i, j);
    if (s >= settings.threshold) best.add(i, j, s);
    return ticker.add();
  };
  yield;
  // The caller may stop after any slice of `ticker` units, inside a block or between blocks.
  for (const list of blocks.values()) {
    if (list.length <= settings.maxBlock) yield* compareAll(list, consider);
    else yield* compareLargeBlock(list, scorer, settings.maxBlock, similar, consider, ticker);
  }
  const stats = { blocks: blocks.size, considered };
  // The block lists (a few entries a mention) are done with before the pairs are read out and sorted.
  blocks.clear();
  const pairs = yield* best.pairs(ticker);
  return { pairs, stats };
}

/** Slots of a page of BestPartners' pool (a run never spans two pages). */
const PAGE_BITS = 15;
const PAGE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE - 1;

/**
 * Each mention's best-scoring partners, at most `k` of them: a pair is kept when it is among the best of
 * either mention. Bounds the pairs (k per mention) where many articles carry the same sentence (a wire
 * story reprinted a hundred times would otherwise give every mention a hundred links to join); joining
 * takes the best pairs first, so the ones dropped would mostly join mentions already joined.
 *
 * A mention's list lives in a run of slots of a shared pool: 4 at its first partner, twice as many each time it
 * is full, up to k; a run it outgrows is reused by the next mention that grows to that size. Most mentions have
 * a few partners or none, so the pool holds far fewer than n × k slots (12 bytes each). The pool grows by pages,
 * never by copying: a large folder's pool is never held twice.
 */
class BestPartners {
  /** Per mention: where its run starts (-1 before its first partner), the run's size, slots filled. */
  private readonly start: Int32Array;
  private readonly size: Uint8Array;
  private readonly filled: Uint8Array;
  /** The slot of its worst partner once all k are filled (a full run never moves). */
  private readonly worst: Int32Array;
  // Not readonly: let go once pairs() has read them out.
  private partnerPages: Int32Array[] = [];
  private scorePages: Float64Array[] = [];
  private used = 0;
  /** Runs given up by mentions that outgrew them, by size. */
  private readonly spare = new Map<number, number[]>();

  constructor(
    private readonly n: number,
    private readonly k: number,
  ) {
    this.start = new Int32Array(n).fill(-1);
    this.size = new Uint8Array(n);
    this.filled = new Uint8Array(n);
    this.worst = new Int32Array(n);
  }

  add(i: number, j: number, s: number): void {
    this.keep(i, j, s);
    this.keep(j, i, s);
  }

  private partner(x: number): number {
    return this.partnerPages[x >>> PAGE_BITS][x & PAGE_MASK];
  }

  private score(x: number): number {
    return this.scorePages[x >>> PAGE_BITS][x & PAGE_MASK];
  }

  private set(x: number, j: number, s: number): void {
    this.partnerPages[x >>> PAGE_BITS][x & PAGE_MASK] = j;
    this.scorePages[x >>> PAGE_BITS][x & PAGE_MASK] = s;
  }

  /** The worst of a full list: lowest score, and of equal scores the highest partner. */
  private worstOf(base: number): number {
    let worst = base;
    for (let x = base + 1; x < base + this.k; x++) {
      const sx = this.score(x);
      const sw = this.score(worst);
      if (sx < sw || (sx === sw && this.partner(x) > this.partner(worst))) worst = x;
    }
    return worst;
  }

  private keep(i: number, j: number, s: number): void {
    const full = this.filled[i] === this.k;
    // Most candidates of a busy mention lose to its worst partner: no need to scan its list.
    if (full && this.loses(this.worst[i], j, s)) return;
    const base = this.start[i];
    for (let x = base; x < base + this.filled[i]; x++) if (this.partner(x) === j) return;
    if (!full) {
      if (this.filled[i] === this.size[i]) this.grow(i);
      this.set(this.start[i] + this.filled[i]++, j, s);
      if (this.filled[i] === this.k) this.worst[i] = this.worstOf(this.start[i]);
      return;
    }
    this.set(this.worst[i], j, s);
    this.worst[i] = this.worstOf(base);
  }

  /** Moves mention i's partners to a run twice the size (4 at first, at most k), in the same order. */
  private grow(i: number): void {
    const old = this.start[i];
    const oldSize = this.size[i];
    const size = Math.min(this.k, oldSize ? oldSize * 2 : 4);
    const to = this.spare.get(size)?.pop() ?? this.take(size);
    if (oldSize) {
      for (let x = 0; x < oldSize; x++) this.set(to + x, this.partner(old + x), this.score(old + x));
      const list = this.spare.get(oldSize);
      if (list) list.push(old);
      else this.spare.set(oldSize, [old]);
    }
    this.start[i] = to;
    this.size[i] = size;
  }

  /** A new run at the end of the pool; a run that would span two pages starts a new page. */
  private take(size: number): number {
    if ((this.used & PAGE_MASK) + size > PAGE) this.used = (this.used | PAGE_MASK) + 1;
    if (this.used + size > this.partnerPages.length * PAGE) {
      this.partnerPages.push(new Int32Array(PAGE));
      this.scorePages.push(new Float64Array(PAGE));
    }
    this.used += size;
    return this.used - size;
  }

  /** Partner `j` with score `s` does not displace the one in slot `x`. */
  private loses(x: number, j: number, s: number): boolean {
    const sx = this.score(x);
    return sx > s || (sx === s && this.partner(x) < j);
  }

  private has(i: number, j: number): boolean {
    const base = this.start[i];
    for (let x = base; x < base + this.filled[i]; x++) if (this.partner(x) === j) return true;
    return false;
  }

  /** The kept pairs, each once (i < j), best first: columns, not an object per pair. Sorted in slices. */
  *pairs(ticker: Pacer): Generator<void, PairList, void> {
    const n = this.n;
    const keeps = (i: number, x: number) => {
      const j = this.partner(x);
      return i < j || !this.has(j, i);
    };
    // Each mention's k slots, each checked against the partner's k: k² units a mention.
    const cost = this.k * this.k;
    let count = 0;
    for (let i = 0; i < n; i++) {
      for (let x = this.start[i]; x < this.start[i] + this.filled[i]; x++) if (keeps(i, x)) count++;
      if (ticker.add(cost)) yield;
    }
    const is = new Int32Array(count);
    const js = new Int32Array(count);
    const ss = new Float64Array(count);
    let c = 0;
    for (let i = 0; i < n; i++) {
      for (let x = this.start[i]; x < this.start[i] + this.filled[i]; x++) {
        if (!keeps(i, x)) continue;
        const j = this.partner(x);
        is[c] = Math.min(i, j);
        js[c] = Math.max(i, j);
        ss[c++] = this.score(x);
      }
      if (ticker.add(cost)) yield;
    }
    this.release();
    // Integer results: a comparator returning a difference of scores would box a double per call.
    const byScore = (p: number, q: number) => (ss[q] > ss[p] ? 1 : ss[q] < ss[p] ? -1 : is[p] - is[q] || js[p] - js[q]);
    const order = yield* sortedIndices(count, byScore, ticker);
    yield* permute(order, is, js, ss, ticker);
    return { length: count, i: is, j: js, s: ss };
  }

  /** The partner lists are read out: their pool (12 bytes a slot) can go before the pairs are sorted. */
  private release(): void {
    this.partnerPages = [];
    this.scorePages = [];
  }
}

/**
 * Puts the three columns in `order` in place (column[k] becomes column[order[k]]), following each cycle of the
 * permutation once; `order` is used up (each visited entry is marked DONE). No second copy of the pairs.
 */
function* permute(
  order: Uint32Array,
  a: Int32Array,
  b: Int32Array,
  c: Float64Array,
  ticker: Pacer,
): Generator<void, void, void> {
  const DONE = 0xffffffff;
  for (let start = 0; start < order.length; start++) {
    if (order[start] === DONE) continue;
    const ta = a[start];
    const tb = b[start];
    const tc = c[start];
    let k = start;
    for (;;) {
      const from = order[k];
      order[k] = DONE;
      if (from === start) {
        a[k] = ta;
        b[k] = tb;
        c[k] = tc;
        break;
      }
      a[k] = a[from];
      b[k] = b[from];
      c[k] = c[from];
      k = from;
      if (ticker.add()) yield;
    }
    if (ticker.add()) yield;
  }
}

/** All pairs of a small block; `consider` returns true when a slice of work is full. */
function* compareAll(list: number[], consider: (i: number, j: number) => boolean): Generator<void, void, void> {
  for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) if (consider(list[x], list[y])) yield;
}

/**
 * A large block (an event class over a big folder) is compared only where a link can come from. Two
 * mentions of different articles are linked only when their articles are alike (similarity at least
 * minDocSimilarity) or name the same day (scorePair), so the candidates are:
 * 1. the same article: every pair (m_a² for an article's m_a mentions in the block, a few);
 * 2. the same exact day: each day's mentions, all pairs up to maxBlock, beyond that a sliding window
 *    (sorted by place, then article) of W = maxBlock / 16;
 * 3. similar articles: each article against its at most NEIGHBOURS most alike articles that have mentions
 *    in the block (similarity.ts finds them through rare shared keys, a bounded cost per article).
 * Cost O(m · (W + NEIGHBOURS · k)) for m mentions in the block and k mentions per article in it: linear in
 * the folder, never all pairs across it. A pair met twice is scored twice (cheaper than remembering pairs).
 */
function* compareLargeBlock(
  list: number[],
  scorer: PairScorer,
  maxBlock: number,
  similar: (doc: number) => Int32Array,
  consider: (i: number, j: number) => boolean,
  ticker: Pacer,
): Generator<void, void, void> {
  const f = scorer.f;
  const byDoc = new Map<number, number[]>();
  const byDay = new Map<number, number[]>();
  for (const i of list) {
    pushTo(byDoc, f.doc[i], i);
    if (f.exactDay[i]) pushTo(byDay, f.date[i], i);
  }
  // Loops written out rather than a generator per article or day: a large block has thousands of them.
  for (const l of byDoc.values()) {
    for (let x = 0; x < l.length; x++) for (let y = x + 1; y < l.length; y++) if (consider(l[x], l[y])) yield;
  }
  for (const day of byDay.values()) {
    if (day.length > maxBlock) yield* compareDay(day, f, maxBlock, consider);
    else {
      for (let x = 0; x < day.length; x++) {
        for (let y = x + 1; y < day.length; y++) if (f.doc[day[x]] !== f.doc[day[y]] && consider(day[x], day[y])) yield;
      }
    }
  }
  for (const doc of byDoc.keys()) {
    // Finding an article's neighbours reads up to keys × RARE_KEY postings: a few hundred units.
    if (ticker.add(256)) yield;
    const own = byDoc.get(doc)!;
    const others = similar(doc);
    for (let o = 0; o < others.length; o++) {
      // Each pair of articles once, and a same-day pair again only if the day did not already compare it.
      if (others[o] <= doc) continue;
      const theirs = byDoc.get(others[o]);
      if (!theirs) continue;
      for (let x = 0; x < own.length; x++) {
        for (let y = 0; y < theirs.length; y++) {
          if (!scorer.sameDay(own[x], theirs[y]) && consider(own[x], theirs[y])) yield;
        }
      }
    }
  }
}

/** The mentions of a day with more than maxBlock of them: a window over them sorted by place and article. */
function* compareDay(
  day: number[],
  f: Features,
  maxBlock: number,
  consider: (i: number, j: number) => boolean,
): Generator<void, void, void> {
  const rank = placeRanks(f);
  const place = (i: number) => rank[f.place[i] + 1];
  const sorted = [...day].sort((p, q) => place(p) - place(q) || f.doc[p] - f.doc[q]);
  const window = Math.max(20, Math.floor(maxBlock / 16));
  for (let x = 0; x < sorted.length; x++) {
    for (let y = x + 1; y < Math.min(sorted.length, x + window); y++) {
      if (f.doc[sorted[x]] !== f.doc[sorted[y]] && consider(sorted[x], sorted[y])) yield;
    }
  }
}

const placeRankMemo = new WeakMap<Features, Int32Array>();

/**
 * Rank of each place name in locale order (localeCompare; names it calls equal share a rank), indexed by place
 * id + 1: index 0 is "no place", ranked as '~'.
 */
function placeRanks(f: Features): Int32Array {
  let rank = placeRankMemo.get(f);
  if (rank) return rank;
  const names = ['~', ...f.places];
  const order = names.map((_, k) => k).sort((p, q) => names[p].localeCompare(names[q]));
  rank = new Int32Array(names.length);
  for (let k = 1; k < order.length; k++) {
    const same = names[order[k - 1]].localeCompare(names[order[k]]) === 0;
    rank[order[k]] = same ? rank[order[k - 1]] : k;
  }
  placeRankMemo.set(f, rank);
  return rank;
}

function pushTo<K>(map: Map<K, number[]>, key: K, i: number): void {
  const l = map.get(key);
  if (l) l.push(i);
  else map.set(key, [i]);
}
