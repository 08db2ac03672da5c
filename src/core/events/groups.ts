// Groups of linked event mentions (union–find) with the vetoes
// that keep two happenings apart: dates, places, time order.
import { parseTimex } from '../text/datecompat';
import { EventMention } from './mentions';
import { Pacer } from '../steps';
import { countingOrder } from './work';

interface ClusterState {
  members: number[];
  /** Ids of the members' usable dates and of their places (the feature columns' ids), each once. */
  dates: number[];
  places: number[];
  /** Latest start of a dated member (epoch day). */
  latestStart: number;
  /** Earliest publication day of an undated member: an article does not report, undated, what has not happened yet. */
  notAfter: number;
  /** The first articles of the members (at most SAMPLE_ARTICLES, in member order), and how many members were read. */
  docs: number[];
  scanned: number;
}

/** Articles of a group compared when two groups join (see Groups.cohesive). */
const SAMPLE_ARTICLES = 12;

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
  doc: Int32Array;
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
    /** Whether two groups, by their sampled articles, tell one story. */
    private readonly cohesive: (docsA: number[], docsB: number[]) => boolean = () => true,
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
        docs: [],
        scanned: 0,
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
    return this.cohesive(this.sample(sa), this.sample(sb));
  }
  /**
   * The first articles of a group's members. Members are only ever appended (union), so the scan goes on from
   * where it stopped and ends for good at SAMPLE_ARTICLES: linear over all unions, not the group's size each time.
   */
  private sample(s: ClusterState): number[] {
    while (s.docs.length < SAMPLE_ARTICLES && s.scanned < s.members.length) {
      const d = this.cols.doc[s.members[s.scanned++]];
      if (!s.docs.includes(d)) s.docs.push(d);
    }
    return s.docs;
  }
  union(i: number, j: number): boolean {
    const a = this.find(i);
    const b = this.find(j);
    if (a === b) return true;
    if (!this.compatible(a, b)) return false;
    const sa = this.stateOf(a);
    const sb = this.stateOf(b);
    const aBigger = sa.members.length >= sb.members.length;
    const big = aBigger ? sa : sb;
    const small = aBigger ? sb : sa;
    const smallId = aBigger ? b : a;
    const bigId = aBigger ? a : b;
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
  ticker: Pacer,
): Generator<void, void, void> {
  const sentences = yield* sentenceTable(mentions, docOf, ticker);
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
      if (ticker.add(8)) yield;
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

function* sentenceTable(
  mentions: EventMention[],
  docOf: Int32Array,
  ticker: Pacer,
): Generator<void, SentenceTable, void> {
  // A sentence is an article and a start offset: numbered per article, article by article.
  const byDoc = new Map<number, Map<number, number>>();
  const of = new Int32Array(mentions.length);
  let count = 0;
  for (let i = 0; i < mentions.length; i++) {
    // A time anchor ("after the ferry collided") is another happening than its sentence's: it lends no sentence.
    if (mentions[i].anchor) {
      of[i] = -1;
      if (ticker.add()) yield;
      continue;
    }
    let ids = byDoc.get(docOf[i]);
    if (!ids) byDoc.set(docOf[i], (ids = new Map()));
    let id = ids.get(mentions[i].sentence.start);
    if (id === undefined) ids.set(mentions[i].sentence.start, (id = count++));
    of[i] = id;
    if (ticker.add()) yield;
  }
  const start = new Int32Array(count + 1);
  for (const s of of) if (s >= 0) start[s + 1]++;
  for (let s = 0; s < count; s++) start[s + 1] += start[s];
  const fill = start.slice(0, count);
  const list = new Int32Array(start[count]);
  of.forEach((s, i) => {
    if (s >= 0) list[fill[s]++] = i;
  });
  return { count, start, mentions: list };
}

/**
 * The pairs of groups that share sentences, as (root a, root b, sentence) triples with a < b, bucketed by
 * root a (mention k of bucket a at order[start[a] … start[a+1])), and how many sentences each group holds.
 */
function* sharedSentences(groups: Groups, t: SentenceTable, ticker: Pacer) {
  const n = groups.parent.length;
  const sentenceCount = new Int32Array(n);
  const [pa, pb, ps] = [new Grow(), new Grow(), new Grow()];
  const roots: number[] = [];
  for (let s = 0; s < t.count; s++) {
    roots.length = 0;
    for (let k = t.start[s]; k < t.start[s + 1]; k++) {
      const r = groups.find(t.mentions[k]);
      if (roots.includes(r)) continue;
      // Kept in ascending order by insertion (a sentence has a few roots; Array sort would allocate).
      let at = roots.length;
      roots.push(r);
      while (at > 0 && roots[at - 1] > r) roots[at] = roots[--at];
      roots[at] = r;
    }
    for (const r of roots) sentenceCount[r]++;
    if (roots.length > 1) {
      for (let x = 0; x < roots.length; x++) {
        for (let y = x + 1; y < roots.length; y++) {
          pa.push(roots[x]);
          pb.push(roots[y]);
          ps.push(s);
        }
      }
    }
    if (ticker.add(t.start[s + 1] - t.start[s] + roots.length ** 2)) yield;
  }
  const a = pa.done();
  yield;
  const b = pb.done();
  const sentence = ps.done();
  yield;
  // Grouped by root a: a counting sort in slices, as a large folder has millions of mentions.
  const { start, order } = yield* countingOrder(a, n, ticker);
  return { a, b, sentence, start, order, sentenceCount };
}

type Candidate = { a: number; b: number; shared: number };

/** Pairs of groups worth merging this round, most shared sentences first. */
function* mergeCandidates(
  groups: Groups,
  t: SentenceTable,
  docOf: Int32Array,
  ticker: Pacer,
): Generator<void, Candidate[], void> {
  const { b, sentence, start, order, sentenceCount } = yield* sharedSentences(groups, t, ticker);
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
  const worth = (ra: number, rb: number, shared: number): boolean =>
    // One must say when (the other's date, if any, must agree: the union checks), and one must use an event
    // word: two groups of general words ("war", "forced") sharing sentences are a shared topic.
    (groups.stateOf(ra).dates.length > 0 || groups.stateOf(rb).dates.length > 0) &&
    (hasLexiconWord(ra) || hasLexiconWord(rb)) &&
    shared * 2 >= Math.min(sentenceCount[ra], sentenceCount[rb]);
  // Per partner b of the current a: sentences shared, the first one's article, and whether another article shares one.
  const n = groups.parent.length;
  const [seen, count, firstDoc, many] = [
    new Int32Array(n).fill(-1),
    new Int32Array(n),
    new Int32Array(n),
    new Uint8Array(n),
  ];
  const partners: number[] = [];
  const candidates: Candidate[] = [];
  for (let ra = 0; ra < n; ra++) {
    if (start[ra] === start[ra + 1]) continue;
    partners.length = 0;
    for (let k = start[ra]; k < start[ra + 1]; k++) {
      const rb = b[order[k]];
      const doc = docOf[t.mentions[t.start[sentence[order[k]]]]];
      if (seen[rb] !== ra) {
        seen[rb] = ra;
        count[rb] = 0;
        firstDoc[rb] = doc;
        many[rb] = 0;
        partners.push(rb);
      }
      count[rb]++;
      if (doc !== firstDoc[rb]) many[rb] = 1;
    }
    for (const rb of partners)
      if (many[rb] && worth(ra, rb, count[rb])) candidates.push({ a: ra, b: rb, shared: count[rb] });
    if (ticker.add(start[ra + 1] - start[ra] + 8)) yield;
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
