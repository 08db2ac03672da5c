// Candidate links: mentions are blocked by event class (or a general word's stem) and scored within blocks;
// a large block is compared only along bounded sub-blocks (same article, same day, similar articles).
import { datesCompatible } from '../text/datecompat';
import { Features } from './scoring';
import { ClusterSettings } from './settings';

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

/** Blocks: one per event class, and one per general word (kept apart from a class of the same name). */
function blocksOf(feats: Features[]): Map<string, number[]> {
  const blocks = new Map<string, number[]>();
  for (const f of feats) {
    for (const cls of f.m.classes) {
      const key = f.m.general ? `word:${cls}` : `class:${cls}`;
      let list = blocks.get(key);
      if (!list) {
        list = [];
        blocks.set(key, list);
      }
      list.push(f.index);
    }
  }
  return blocks;
}

/** Article-and-lemma keys whose article dates that word twice differently (the March summit, Sunday's summit). */
function ambiguousLemmas(feats: Features[]): Set<string> {
  const datesByDocLemma = new Map<string, string[]>();
  for (const f of feats) {
    if (!f.m.date) continue;
    const k = `${f.doc}\u0000${f.m.lemma}`;
    datesByDocLemma.set(k, [...(datesByDocLemma.get(k) ?? []), f.m.date]);
  }
  const ambiguous = new Set<string>();
  for (const [k, ds] of datesByDocLemma) {
    if (ds.some((x) => ds.some((y) => !datesCompatible(x, y)))) ambiguous.add(k);
  }
  return ambiguous;
}

/**
 * Pairs scoring at least the threshold, best first. `similar(doc)` lists the articles alike enough to the
 * article `doc` for a link without a shared day (EventCorpus.neighbours).
 */
export function* linkPairs(
  feats: Features[],
  settings: ClusterSettings,
  score: (a: Features, b: Features) => number,
  similar: (doc: number) => Int32Array,
): Generator<void, { pairs: PairList; stats: PairStats }, void> {
  const blocks = blocksOf(feats);
  const ambiguous = ambiguousLemmas(feats);
  const best = new BestPartners(feats.length, settings.maxPartners);
  // A pair met in two blocks is simply scored twice: cheaper than remembering every pair on large folders.
  let considered = 0;
  const consider = (i: number, j: number) => {
    const a = feats[i];
    const b = feats[j];
    considered++;
    if (a.doc === b.doc) {
      // Within one article, a repeated word for a happening usually names it again ("the summit"), unless
      // the article dates that word twice differently: then an undated one could be either.
      if (a.m.lemma !== b.m.lemma || !settings.withinArticle) return;
      if ((!a.m.date || !b.m.date) && ambiguous.has(`${a.doc}\u0000${a.m.lemma}`)) return;
      const s = score(a, b) + 1;
      if (s >= settings.threshold) best.add(i, j, s);
      return;
    }
    const s = score(a, b);
    if (s >= settings.threshold) best.add(i, j, s);
  };
  // A unit of work (the caller may stop between them) is a block, or a slice of a large block's articles.
  for (const list of blocks.values()) {
    if (list.length <= settings.maxBlock) compareAll(list, consider);
    else yield* compareLargeBlock(list, feats, settings.maxBlock, similar, consider);
    yield;
  }
  return { pairs: best.pairs(), stats: { blocks: blocks.size, considered } };
}

/**
 * Each mention's best-scoring partners, at most `k` of them: a pair is kept when it is among the best of
 * either mention. Bounds the pairs (k per mention) where many articles carry the same sentence (a wire
 * story reprinted a hundred times would otherwise give every mention a hundred links to join); joining
 * takes the best pairs first, so the ones dropped would mostly join mentions already joined.
 */
class BestPartners {
  private readonly partner: Int32Array;
  private readonly score: Float64Array;

  constructor(
    n: number,
    private readonly k: number,
  ) {
    this.partner = new Int32Array(n * k).fill(-1);
    this.score = new Float64Array(n * k);
  }

  add(i: number, j: number, s: number): void {
    this.keep(i, j, s);
    this.keep(j, i, s);
  }

  private keep(i: number, j: number, s: number): void {
    const base = i * this.k;
    let worst = base;
    for (let x = base; x < base + this.k; x++) {
      const p = this.partner[x];
      if (p === j) return;
      if (p < 0) {
        worst = x;
        break;
      }
      if (this.score[x] < this.score[worst] || (this.score[x] === this.score[worst] && p > this.partner[worst]))
        worst = x;
    }
    const w = this.partner[worst];
    if (w >= 0 && (this.score[worst] > s || (this.score[worst] === s && w < j))) return;
    this.partner[worst] = j;
    this.score[worst] = s;
  }

  private has(i: number, j: number): boolean {
    for (let x = i * this.k; x < (i + 1) * this.k; x++) if (this.partner[x] === j) return true;
    return false;
  }

  /** The kept pairs, each once (i < j), best first: columns, not an object per pair. */
  pairs(): PairList {
    const n = this.partner.length / this.k;
    const keeps = (i: number, x: number) => {
      const j = this.partner[x];
      return j >= 0 && (i < j || !this.has(j, i));
    };
    let count = 0;
    for (let i = 0; i < n; i++) for (let x = i * this.k; x < (i + 1) * this.k; x++) if (keeps(i, x)) count++;
    const is = new Int32Array(count);
    const js = new Int32Array(count);
    const ss = new Float64Array(count);
    let c = 0;
    for (let i = 0; i < n; i++) {
      for (let x = i * this.k; x < (i + 1) * this.k; x++) {
        if (!keeps(i, x)) continue;
        const j = this.partner[x];
        is[c] = Math.min(i, j);
        js[c] = Math.max(i, j);
        ss[c++] = this.score[x];
      }
    }
    const order = new Uint32Array(count).map((_, k) => k);
    order.sort((p, q) => ss[q] - ss[p] || is[p] - is[q] || js[p] - js[q]);
    const out: PairList = {
      length: order.length,
      i: new Int32Array(order.length),
      j: new Int32Array(order.length),
      s: new Float64Array(order.length),
    };
    order.forEach((o, k) => {
      out.i[k] = is[o];
      out.j[k] = js[o];
      out.s[k] = ss[o];
    });
    return out;
  }
}

/** All pairs of a small block. */
function compareAll(list: number[], consider: (i: number, j: number) => void): void {
  for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) consider(list[x], list[y]);
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
  feats: Features[],
  maxBlock: number,
  similar: (doc: number) => Int32Array,
  consider: (i: number, j: number) => void,
): Generator<void, void, void> {
  const byDoc = new Map<number, number[]>();
  const byDay = new Map<string, number[]>();
  for (const i of list) {
    const f = feats[i];
    pushTo(byDoc, f.doc, i);
    if (f.exactDay) pushTo(byDay, f.m.date!, i);
  }
  for (const l of byDoc.values()) compareAll(l, consider);
  yield;
  for (const day of byDay.values()) compareDay(day, feats, maxBlock, consider);
  yield;
  let n = 0;
  for (const [doc, own] of byDoc) {
    if (++n % 64 === 0) yield;
    for (const other of similar(doc)) {
      // Each pair of articles once, and a same-day pair again only if the day did not already compare it.
      if (other <= doc) continue;
      const theirs = byDoc.get(other);
      if (!theirs) continue;
      for (const i of own) {
        for (const j of theirs) if (!sameDay(feats[i], feats[j])) consider(i, j);
      }
    }
  }
}

function sameDay(a: Features, b: Features): boolean {
  return a.exactDay && b.exactDay && a.m.date === b.m.date;
}

/** The mentions of one day: all pairs, or a window over them sorted by place and article when there are many. */
function compareDay(day: number[], feats: Features[], maxBlock: number, consider: (i: number, j: number) => void) {
  if (day.length <= maxBlock) {
    for (let x = 0; x < day.length; x++) {
      for (let y = x + 1; y < day.length; y++) if (feats[day[x]].doc !== feats[day[y]].doc) consider(day[x], day[y]);
    }
    return;
  }
  const sorted = [...day].sort(
    (p, q) => (feats[p].m.place ?? '~').localeCompare(feats[q].m.place ?? '~') || feats[p].doc - feats[q].doc,
  );
  const window = Math.max(20, Math.floor(maxBlock / 16));
  for (let x = 0; x < sorted.length; x++) {
    for (let y = x + 1; y < Math.min(sorted.length, x + window); y++) {
      if (feats[sorted[x]].doc !== feats[sorted[y]].doc) consider(sorted[x], sorted[y]);
    }
  }
}

function pushTo<K>(map: Map<K, number[]>, key: K, i: number): void {
  const l = map.get(key);
  if (l) l.push(i);
  else map.set(key, [i]);
}
