// Candidate links: mentions are blocked by event class (or a general
// word's stem) and scored within blocks, near-linear in the corpus.
import { datesCompatible } from '../text/datecompat';
import { Features } from './scoring';
import { ClusterSettings } from './settings';

export interface Pair {
  i: number;
  j: number;
  s: number;
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

/** Pairs scoring at least the threshold, best first. */
export function linkPairs(
  feats: Features[],
  settings: ClusterSettings,
  score: (a: Features, b: Features) => number,
): { pairs: Pair[]; stats: PairStats } {
  const blocks = blocksOf(feats);
  const ambiguous = ambiguousLemmas(feats);
  const pairs: Pair[] = [];
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
      if (s >= settings.threshold) pairs.push({ i, j, s });
      return;
    }
    const s = score(a, b);
    if (s >= settings.threshold) pairs.push({ i, j, s });
  };
  for (const list of blocks.values()) compareBlock(list, feats, settings.maxBlock, consider);
  pairs.sort((p, q) => q.s - p.s || p.i - q.i || p.j - q.j);
  return { pairs, stats: { blocks: blocks.size, considered } };
}

/** All pairs of a small block; a large one within a sliding window, plus its same-article pairs. */
function compareBlock(
  list: number[],
  feats: Features[],
  maxBlock: number,
  consider: (i: number, j: number) => void,
): void {
  if (list.length <= maxBlock) {
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) consider(list[x], list[y]);
    return;
  }
  // Large blocks: sort so that likely partners sit together (date, then place, then article), compare a window.
  const sorted = [...list].sort((p, q) => {
    const a = feats[p].m;
    const b = feats[q].m;
    return (
      (a.date ?? '~').localeCompare(b.date ?? '~') ||
      (a.place ?? '~').localeCompare(b.place ?? '~') ||
      feats[p].doc - feats[q].doc
    );
  });
  const window = Math.max(20, Math.floor(maxBlock / 16));
  for (let x = 0; x < sorted.length; x++) {
    for (let y = x + 1; y < Math.min(sorted.length, x + window); y++) consider(sorted[x], sorted[y]);
  }
  // Same article, same lemma, also when far apart in the sorted order.
  const byDoc = new Map<number, number[]>();
  for (const i of list) {
    const l = byDoc.get(feats[i].doc) ?? [];
    l.push(i);
    byDoc.set(feats[i].doc, l);
  }
  for (const l of byDoc.values())
    for (let x = 0; x < l.length; x++) for (let y = x + 1; y < l.length; y++) consider(l[x], l[y]);
}
