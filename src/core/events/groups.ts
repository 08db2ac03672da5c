// Groups of linked event mentions (union–find) with the vetoes
// that keep two happenings apart: dates, places, time order.
import { parseTimex } from '../text/datecompat';
import { EventMention } from './mentions';
import { sortedIndices, Ticker } from './work';

interface ClusterState {
  members: number[];
  /** Ids of the members' usable dates and of their places (the feature columns' ids), each once. */
  dates: number[];
  places: number[];
  /** Latest start of a dated member (epoch day). */
  latestStart: number;
  /** Earliest publication day of an undated member: an article does not report, undated, what has not happened yet. */
  notAfter: number;
}

const DAY = 86400000;
export function epochDayOf(iso: string | null | undefined): number {
  const t = iso ? Date.parse(`${iso}T00:00:00Z`) : NaN;
  return Number.isNaN(t) ? NaN : Math.floor(t / DAY);
}

/** Start of a date's known day; only a precise day counts, a year or month is too coarse to rule on. */
export function latestStartOf(date: string | null): number {
  const c = parseTimex(date);
  return c?.from !== undefined && c.from === c.to ? c.from : -Infinity;
}

/** What Groups reads of each mention (scoring.ts Features) and how it compares dates and places, by id. */
export interface GroupColumns {
  n: number;
  date: Int32Array;
  hasWhen: Uint8Array;
  place: Int32Array;
  general: Uint8Array;
  notAfter: Float64Array;
  latestStart: Float64Array;
}
export interface Fits {
  datesFit(a: number, b: number): boolean;
  placesFit(a: number, b: number): boolean;
}

/** Union–find with event-level vetoes: two groups join only if all their dates and places agree. */
export class Groups {
  readonly parent: Int32Array;
  /** What a group of two or more mentions holds, by root; a single mention's is made when first needed. */
  private readonly state = new Map<number, ClusterState>();
  constructor(
    readonly cols: GroupColumns,
    private readonly fits: Fits,
    private readonly cohesive: (a: number[], b: number[]) => boolean = () => true,
  ) {
    this.parent = new Int32Array(cols.n);
    for (let i = 0; i < cols.n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  /** The state of the group with this root (created for a single mention on first use). */
  stateOf(root: number): ClusterState {
    let s = this.state.get(root);
    if (!s) {
      const c = this.cols;
      s = {
        members: [root],
        dates: c.hasWhen[root] ? [c.date[root]] : [],
        places: c.place[root] >= 0 ? [c.place[root]] : [],
        latestStart: c.latestStart[root],
        notAfter: c.notAfter[root],
      };
      this.state.set(root, s);
    }
    return s;
  }
  compatible(a: number, b: number): boolean {
    const sa = this.stateOf(a);
    const sb = this.stateOf(b);
    if (Math.min(sa.notAfter, sb.notAfter) < Math.max(sa.latestStart, sb.latestStart)) return false;
    for (const x of sa.dates) for (const y of sb.dates) if (!this.fits.datesFit(x, y)) return false;
    for (const x of sa.places) for (const y of sb.places) if (!this.fits.placesFit(x, y)) return false;
    return this.cohesive(sa.members, sb.members);
  }
  union(i: number, j: number): boolean {
    const a = this.find(i);
    const b = this.find(j);
    if (a === b) return true;
    if (!this.compatible(a, b)) return false;
    const sa = this.stateOf(a);
    const sb = this.stateOf(b);
    const [big, small, bigId, smallId] = sa.members.length >= sb.members.length ? [sa, sb, a, b] : [sb, sa, b, a];
    this.parent[smallId] = bigId;
    // A loop, not push(...members): a group of a large folder can outgrow the arguments a call may take.
    for (const m of small.members) big.members.push(m);
    for (const d of small.dates) if (!big.dates.includes(d)) big.dates.push(d);
    for (const p of small.places) if (!big.places.includes(p)) big.places.push(p);
    big.latestStart = Math.max(big.latestStart, small.latestStart);
    big.notAfter = Math.min(big.notAfter, small.notAfter);
    this.state.delete(smallId);
    return true;
  }
}

/**
 * Second stage: two groups that hold the same sentences in two or more articles, for at least half of the
 * smaller group's sentences, are one happening named by different words ("announced", "compensation",
 * "plan" all in the sentences reporting one plan). The linking vetoes still hold: the union refuses
 * different days or months, different cities and unrelated stories. Yields every `ticker` slice.
 */
export function* mergeSharedSentences(
  mentions: EventMention[],
  groups: Groups,
  docOf: Int32Array,
  ticker: Ticker,
): Generator<void, void, void> {
  const sentences = sentenceTable(mentions);
  yield;
  for (let round = 0; round < 4; round++) {
    const candidates = yield* mergeCandidates(groups, sentences, docOf, ticker);
    if (!candidates.length) return;
    let merged = false;
    for (const c of candidates) {
      const a = groups.find(c.a);
      const b = groups.find(c.b);
      // Groups already changed this round are re-measured next round.
      if (a !== c.a || b !== c.b) continue;
      if (groups.union(a, b)) merged = true;
      if (ticker.tick(8)) yield;
    }
    if (!merged) return;
  }
}

/** The sentences of the mentions: a sentence id per mention, and the mentions of each sentence (CSR). */
interface SentenceTable {
  count: number;
  start: Int32Array;
  mentions: Int32Array;
}

function sentenceTable(mentions: EventMention[]): SentenceTable {
  const ids = new Map<string, number>();
  const of = new Int32Array(mentions.length);
  mentions.forEach((m, i) => {
    const key = `${m.path}\u0000${m.sentence.start}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    of[i] = id;
  });
  const count = ids.size;
  const start = new Int32Array(count + 1);
  for (const s of of) start[s + 1]++;
  for (let s = 0; s < count; s++) start[s + 1] += start[s];
  const fill = start.slice(0, count);
  const list = new Int32Array(mentions.length);
  of.forEach((s, i) => (list[fill[s]++] = i));
  return { count, start, mentions: list };
}

/**
 * The pairs of groups that share sentences, as (root a, root b, sentence) triples sorted by pair, and how many
 * sentences each group (by root) holds.
 */
function* sharedSentences(groups: Groups, t: SentenceTable, ticker: Ticker) {
  const sentenceCount = new Map<number, number>();
  const [pa, pb, ps] = [new Grow(), new Grow(), new Grow()];
  const roots: number[] = [];
  for (let s = 0; s < t.count; s++) {
    roots.length = 0;
    for (let k = t.start[s]; k < t.start[s + 1]; k++) {
      const r = groups.find(t.mentions[k]);
      if (!roots.includes(r)) roots.push(r);
    }
    for (const r of roots) sentenceCount.set(r, (sentenceCount.get(r) ?? 0) + 1);
    if (roots.length > 1) {
      roots.sort((a, b) => a - b);
      for (let x = 0; x < roots.length; x++) {
        for (let y = x + 1; y < roots.length; y++) {
          pa.push(roots[x]);
          pb.push(roots[y]);
          ps.push(s);
        }
      }
    }
    if (ticker.tick(t.start[s + 1] - t.start[s] + roots.length ** 2)) yield;
  }
  const [a, b, sentence] = [pa.done(), pb.done(), ps.done()];
  const order = yield* sortedIndices(a.length, (p, q) => a[p] - a[q] || b[p] - b[q] || p - q, ticker);
  return { a, b, sentence, order, sentenceCount };
}

/** Pairs of groups worth merging this round, most shared sentences first. */
function* mergeCandidates(
  groups: Groups,
  t: SentenceTable,
  docOf: Int32Array,
  ticker: Ticker,
): Generator<void, { a: number; b: number; shared: number }[], void> {
  const { a, b, sentence, order, sentenceCount } = yield* sharedSentences(groups, t, ticker);
  // Once per group and round: a large group meets many others, and scanning its members each time is quadratic.
  const lexicon = new Map<number, boolean>();
  const hasLexiconWord = (root: number) => {
    let has = lexicon.get(root);
    if (has === undefined) {
      has = groups.stateOf(root).members.some((i) => !groups.cols.general[i]);
      lexicon.set(root, has);
    }
    return has;
  };
  const candidates: { a: number; b: number; shared: number }[] = [];
  for (let x = 0; x < order.length;) {
    const ra = a[order[x]];
    const rb = b[order[x]];
    const docOfSentence = (k: number) => docOf[t.mentions[t.start[sentence[order[k]]]]];
    const firstDoc = docOfSentence(x);
    let manyArticles = false;
    let y = x;
    for (; y < order.length && a[order[y]] === ra && b[order[y]] === rb; y++) {
      if (docOfSentence(y) !== firstDoc) manyArticles = true;
    }
    const shared = y - x;
    if (ticker.tick(shared + 4)) yield;
    x = y;
    if (!manyArticles) continue;
    // One must say when (the other's date, if any, must agree: the union checks), and one must use an event
    // word: two groups of general words ("war", "forced") sharing sentences are a shared topic.
    if (!groups.stateOf(ra).dates.length && !groups.stateOf(rb).dates.length) continue;
    if (!hasLexiconWord(ra) && !hasLexiconWord(rb)) continue;
    const smaller = Math.min(sentenceCount.get(ra)!, sentenceCount.get(rb)!);
    if (shared * 2 < smaller) continue;
    candidates.push({ a: ra, b: rb, shared });
  }
  return candidates.sort((p, q) => q.shared - p.shared || p.a - q.a || p.b - q.b);
}

/** A growable Int32 list. */
class Grow {
  private data = new Int32Array(256);
  private n = 0;
  push(v: number): void {
    if (this.n === this.data.length) {
      const d = new Int32Array(this.n * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.n++] = v;
  }
  done(): Int32Array {
    return this.data.slice(0, this.n);
  }
}
