// Groups of linked event mentions (union–find) with the vetoes
// that keep two happenings apart: dates, places, time order.
import { datesCompatible, parseTimex } from '../text/datecompat';
import { EventMention } from './mentions';
import { placesCompatible } from './places';

interface ClusterState {
  members: number[];
  dates: string[];
  places: string[];
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

/** Day range of an undated mention's article: nothing after its publication. */
export function notAfterOf(m: EventMention): number {
  if (m.date || m.future) return Infinity;
  const p = epochDayOf(m.published);
  return Number.isNaN(p) ? Infinity : p;
}

/** Start of a mention's known day; only a precise day counts, a year or month is too coarse to rule on. */
export function latestStartOf(m: EventMention): number {
  const c = parseTimex(m.date);
  return c?.from !== undefined && c.from === c.to ? c.from : -Infinity;
}

/** Union–find with event-level vetoes: two groups join only if all their dates and places agree. */
export class Groups {
  parent: number[];
  state: Map<number, ClusterState>;
  constructor(
    mentions: EventMention[],
    private readonly cohesive: (a: number[], b: number[]) => boolean = () => true,
  ) {
    this.parent = mentions.map((_, i) => i);
    this.state = new Map(
      mentions.map((m, i) => [
        i,
        {
          members: [i],
          dates: m.date && parseTimex(m.date) ? [m.date] : [],
          places: m.place ? [m.place] : [],
          latestStart: latestStartOf(m),
          notAfter: notAfterOf(m),
        },
      ]),
    );
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  compatible(a: number, b: number): boolean {
    const sa = this.state.get(a)!;
    const sb = this.state.get(b)!;
    for (const x of sa.dates) for (const y of sb.dates) if (!datesCompatible(x, y)) return false;
    for (const x of sa.places) for (const y of sb.places) if (!placesCompatible(x, y)) return false;
    if (Math.min(sa.notAfter, sb.notAfter) < Math.max(sa.latestStart, sb.latestStart)) return false;
    return this.cohesive(sa.members, sb.members);
  }
  union(i: number, j: number): boolean {
    const a = this.find(i);
    const b = this.find(j);
    if (a === b) return true;
    if (!this.compatible(a, b)) return false;
    const sa = this.state.get(a)!;
    const sb = this.state.get(b)!;
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
 * different days or months, different cities and unrelated stories.
 */
export function mergeSharedSentences(mentions: EventMention[], groups: Groups): void {
  for (let round = 0; round < 4; round++) {
    const candidates = mergeCandidates(mentions, groups);
    if (!candidates.length) return;
    let merged = false;
    for (const c of candidates) {
      const a = groups.find(c.a);
      const b = groups.find(c.b);
      // Groups already changed this round are re-measured next round.
      if (a !== c.a || b !== c.b) continue;
      if (groups.union(a, b)) merged = true;
    }
    if (!merged) return;
  }
}

const sentenceKey = (m: EventMention) => `${m.path}\u0000${m.sentence.start}`;

/** The sentences of each group (by root) and the groups of each sentence. */
function sentenceIndex(mentions: EventMention[], groups: Groups) {
  const sentencesOf = new Map<number, Set<string>>();
  const rootsOf = new Map<string, Set<number>>();
  mentions.forEach((m, i) => {
    const r = groups.find(i);
    const key = sentenceKey(m);
    let set = sentencesOf.get(r);
    if (!set) {
      set = new Set();
      sentencesOf.set(r, set);
    }
    set.add(key);
    let roots = rootsOf.get(key);
    if (!roots) {
      roots = new Set();
      rootsOf.set(key, roots);
    }
    roots.add(r);
  });
  return { sentencesOf, rootsOf };
}

/** The sentences each pair of groups holds in common, keyed "rootA,rootB" with rootA < rootB. */
function sharedSentences(rootsOf: Map<string, Set<number>>): Map<string, string[]> {
  const sharedBy = new Map<string, string[]>();
  for (const [key, roots] of rootsOf) {
    if (roots.size < 2) continue;
    const list = [...roots].sort((a, b) => a - b);
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const pair = `${list[x]},${list[y]}`;
        const keys = sharedBy.get(pair) ?? [];
        keys.push(key);
        sharedBy.set(pair, keys);
      }
    }
  }
  return sharedBy;
}

/** Pairs of groups worth merging this round, most shared sentences first. */
function mergeCandidates(mentions: EventMention[], groups: Groups): { a: number; b: number; shared: number }[] {
  const { sentencesOf, rootsOf } = sentenceIndex(mentions, groups);
  // Once per group and round: a large group meets many others, and scanning its members each time is quadratic.
  const lexicon = new Map<number, boolean>();
  const hasLexiconWord = (root: number) => {
    let has = lexicon.get(root);
    if (has === undefined) {
      has = groups.state.get(root)!.members.some((i) => !mentions[i].general);
      lexicon.set(root, has);
    }
    return has;
  };
  const candidates: { a: number; b: number; shared: number }[] = [];
  for (const [pair, keys] of sharedSentences(rootsOf)) {
    const articles = new Set(keys.map((k) => k.slice(0, k.indexOf('\u0000'))));
    if (articles.size < 2) continue;
    const [a, b] = pair.split(',').map(Number);
    // One must say when (the other's date, if any, must agree: the union checks), and one must use an event
    // word: two groups of general words ("war", "forced") sharing sentences are a shared topic.
    if (!groups.state.get(a)!.dates.length && !groups.state.get(b)!.dates.length) continue;
    if (!hasLexiconWord(a) && !hasLexiconWord(b)) continue;
    const smaller = Math.min(sentencesOf.get(a)!.size, sentencesOf.get(b)!.size);
    if (keys.length * 2 < smaller) continue;
    candidates.push({ a, b, shared: keys.length });
  }
  return candidates.sort((p, q) => q.shared - p.shared || p.a - q.a || p.b - q.b);
}
