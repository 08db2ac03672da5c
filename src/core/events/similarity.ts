// How alike two articles are, and how telling a word is: document
// frequencies, IDF and cosine of sparse context vectors.
import { EventMention } from './mentions';
import { Pacer, Steps } from '../steps';
import { countingOrder, PairMemo } from './work';

/** A sparse vector as parallel arrays sorted by term id, with its norm: cosine is a merge join. */
interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
  norm: number;
}

function sparseVector(entries: [number, number][]): SparseVector {
  entries.sort((x, y) => x[0] - y[0]);
  const ids = new Int32Array(entries.length);
  const weights = new Float64Array(entries.length);
  let sq = 0;
  entries.forEach(([id, w], i) => {
    ids[i] = id;
    weights[i] = w;
    sq += w * w;
  });
  return { ids, weights, norm: Math.sqrt(sq) };
}

function cosine(a: SparseVector, b: SparseVector): number {
  if (!a.norm || !b.norm) return 0;
  let dot = 0;
  let i = 0;
  let j = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i];
    const y = bi[j];
    if (x === y) dot += a.weights[i++] * b.weights[j++];
    else if (x < y) i++;
    else j++;
  }
  return dot / (a.norm * b.norm);
}

/** The articles of a set of mentions, with what scoring needs to know about them. */
export interface EventCorpus {
  /** Article index of each path, in order of first mention. */
  docIndex: Map<string, number>;
  /** Article index of each mention. */
  docOf: Int32Array;
  /** Number of articles holding each context key (entity id, year, word). */
  ctxDf: Map<string, number>;
  /**
   * Each mention's distinct sentence words (EventMention.words) as term ids, in order of first use: mention i
   * reads mentionWords[wordStart[i] … wordEnd[i]), a run mentions of one sentence share. And the IDF weight of
   * each term id.
   */
  wordStart: Int32Array;
  wordEnd: Int32Array;
  mentionWords: Int32Array;
  wordWeight: Float64Array;
  idf(df: number | undefined): number;
  /** Cosine similarity of two articles' contexts, by article index (memoised in a bounded table). */
  similarityOf(a: number, b: number): number;
  /**
   * The articles at least `minSimilarity` alike to article `a`, most alike first, at most NEIGHBOURS of them
   * (memoised per article). Found through the context keys `a` shares with them that at most RARE_KEY
   * articles hold (people, organisations, places, telling words), so the cost per article is bounded
   * (keys × RARE_KEY) whatever the folder's size; two articles alike only through common keys are missed,
   * and common keys weigh little in the cosine anyway (IDF).
   */
  neighbours(a: number, minSimilarity: number): Int32Array;
  /** Each term id's sentence word, and how many of these articles use it (what FolderStats keeps). */
  words: string[];
  wordDf: Int32Array;
}

/**
 * The folder's statistics, given when the mentions are only part of the folder (a relink of the articles around
 * one edit, corpus.ts): IDF then weighs words and context keys as the whole folder's link does. Articles are those
 * with at least one event mention; a word or key missing here counts as held by the articles given.
 */
export interface FolderStats {
  docs: number;
  wordDf: Pick<ReadonlyMap<string, number>, 'get'>;
  ctxDf: Pick<ReadonlyMap<string, number>, 'get'>;
}

/** Most articles an article's similar-article list holds. */
export const NEIGHBOURS = 16;
/** Context keys held by more articles than this are not used to find similar articles. */
export const RARE_KEY = 150;

/** The corpus of a set of mentions, built in slices (it yields every `ticker` slice: a unit is a word read). */
export function* eventCorpusSteps(
  mentions: EventMention[],
  ticker: Pacer,
  stats?: FolderStats,
): Generator<void, EventCorpus, void> {
  const { docIndex, docOf, firstOfDoc } = yield* articlesOf(mentions, ticker);
  const nDocs = docIndex.size;
  const folderDocs = stats?.docs ?? nDocs;
  // Smooth IDF: in a small folder about one story, shared words still count for something.
  const idf = (df: number | undefined) => Math.log(1 + folderDocs / Math.max(1, df ?? 0));
  const { wordStart, wordEnd, mentionWords, wordDf, words } = yield* wordFrequencies(mentions, docOf, nDocs, ticker);
  const wordWeight = new Float64Array(wordDf.length);
  for (let w = 0; w < wordDf.length; w++) {
    wordWeight[w] = idf(stats?.wordDf.get(words[w]) ?? wordDf[w]);
    if (ticker.add()) yield;
  }
  // An article's context is shared by its mentions: the first one's stands for the article.
  const contexts = firstOfDoc.map((i) => mentions[i].context);
  const ctxDf = yield* contextCounts(contexts, ticker, stats);
  yield;
  const { vectors, terms, termDf } = yield* contextVectors(contexts, ctxDf, idf, ticker);
  // Room for about 16 pairs an article (its similar-article list), at most 2^18 slots: a part of a folder (a local
  // link's) allocates and clears a small table, not the folder's.
  const memo = new PairMemo(Math.min(18, Math.max(10, Math.ceil(Math.log2(16 * nDocs + 1)))));
  const cos = (a: number, b: number) => cosine(vectors[a], vectors[b]);
  const similarityOf = (a: number, b: number): number => (a < b ? memo.get(a, b, cos) : memo.get(b, a, cos));
  const postings = yield* invertedIndex(vectors, terms, ticker);
  yield;
  const neighbours = neighbourFinder(vectors, postings, termDf, similarityOf);
  return {
    docIndex,
    docOf,
    ctxDf,
    wordStart,
    wordEnd,
    mentionWords,
    wordWeight,
    idf,
    similarityOf,
    neighbours,
    words,
    wordDf,
  };
}

/** Similar-article lists through an inverted index of the rare context keys (see EventCorpus.neighbours). */
function neighbourFinder(
  vectors: SparseVector[],
  postings: Postings,
  termDf: Int32Array,
  similarityOf: (a: number, b: number) => number,
): (a: number, minSimilarity: number) => Int32Array {
  const memo = new Map<number, Int32Array>();
  const score = new Float64Array(vectors.length);
  const sims = new Float64Array(vectors.length);
  const met = new Int32Array(vectors.length);
  return (a, minSimilarity) => {
    const known = memo.get(a);
    if (known) return known;
    // Articles met through a shared key, in a scratch column (thousands per article: no array each time).
    let touched = 0;
    const v = vectors[a];
    for (let k = 0; k < v.ids.length; k++) {
      // Rare in the folder (termDf: the folder's count where the articles are a part of it, as in a local link).
      if (termDf[v.ids[k]] > RARE_KEY) continue;
      const t = v.ids[k];
      for (let x = postings.start[t]; x < postings.start[t + 1]; x++) {
        const b = postings.docs[x];
        if (b === a) continue;
        if (score[b] === 0) met[touched++] = b;
        score[b] += v.weights[k];
      }
    }
    const out: number[] = [];
    for (const b of topScored(met, touched, score, NEIGHBOURS * 2)) {
      const sim = similarityOf(a, b);
      if (sim >= minSimilarity) {
        out.push(b);
        sims[b] = sim;
      }
    }
    for (let x = 0; x < touched; x++) score[met[x]] = 0;
    out.sort((x, y) => (sims[y] > sims[x] ? 1 : sims[y] < sims[x] ? -1 : x - y));
    const list = Int32Array.from(out.slice(0, NEIGHBOURS));
    memo.set(a, list);
    return list;
  };
}

/**
 * The `k` articles of met[0 … touched) with the highest score (ties: lower index first), in that order: a bounded
 * insertion list, O(touched · k) at worst, instead of sorting all of them (thousands per article).
 */
function topScored(met: Int32Array, touched: number, score: Float64Array, k: number): number[] {
  const top: number[] = [];
  const before = (x: number, y: number) => score[x] > score[y] || (score[x] === score[y] && x < y);
  for (let t = 0; t < touched; t++) {
    const b = met[t];
    if (top.length === k && !before(b, top[k - 1])) continue;
    let at = top.length === k ? k - 1 : top.length;
    while (at > 0 && before(b, top[at - 1])) {
      top[at] = top[at - 1];
      at--;
    }
    top[at] = b;
  }
  return top;
}

/** The articles holding each context key: term t's are docs[start[t] … start[t + 1]). */
interface Postings {
  start: Int32Array;
  docs: Int32Array;
}

/**
 * The inverted index as one column (CSR), not an array per term: a large folder has tens of thousands of context
 * keys, and allocating a typed array for each held a step for tens of milliseconds (and 200 bytes each).
 */
function* invertedIndex(vectors: SparseVector[], terms: number, ticker: Pacer): Steps<Postings> {
  const start = new Int32Array(terms + 1);
  for (const v of vectors) {
    for (const t of v.ids) start[t + 1]++;
    if (ticker.add(1 + v.ids.length)) yield;
  }
  for (let t = 0; t < terms; t++) {
    start[t + 1] += start[t];
    if (ticker.add()) yield;
  }
  const fill = start.slice(0, terms);
  const docs = new Int32Array(start[terms]);
  for (let doc = 0; doc < vectors.length; doc++) {
    const v = vectors[doc];
    for (const t of v.ids) docs[fill[t]++] = doc;
    if (ticker.add(1 + v.ids.length)) yield;
  }
  return { start, docs };
}

/** Each mention's article as a number (in order of first mention), and each article's first mention. */
function* articlesOf(mentions: EventMention[], ticker: Pacer) {
  const docIndex = new Map<string, number>();
  const docOf = new Int32Array(mentions.length);
  const firstOfDoc: number[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const path = mentions[i].path;
    let d = docIndex.get(path);
    if (d === undefined) {
      d = docIndex.size;
      docIndex.set(path, d);
      firstOfDoc.push(i);
    }
    docOf[i] = d;
    if (ticker.add()) yield;
  }
  return { docIndex, docOf, firstOfDoc };
}

/** The number of articles holding each context key (the folder's, where the mentions are a part of it). */
function* contextCounts(contexts: Record<string, number>[], ticker: Pacer, stats?: FolderStats) {
  const ctxDf = new Map<string, number>();
  for (const ctx of contexts) {
    let n = 0;
    for (const k in ctx) {
      ctxDf.set(k, (ctxDf.get(k) ?? 0) + 1);
      n++;
    }
    if (ticker.add(1 + n)) yield;
  }
  if (stats) for (const k of ctxDf.keys()) ctxDf.set(k, stats.ctxDf.get(k) ?? ctxDf.get(k)!);
  return ctxDf;
}

/**
 * Sentence words as term ids (in order of first use), each mention's distinct ones, and the number of
 * articles using each. An article's mentions need not be adjacent: they are visited article by article, and
 * `seenIn` remembers the last article that counted a word (`seenAt` the last mention that listed it).
 */
function* wordFrequencies(mentions: EventMention[], docOf: Int32Array, nDocs: number, ticker: Pacer) {
  const wordIds = new Map<string, number>();
  let df: Int32Array = new Int32Array(1024);
  let seenIn: Int32Array = new Int32Array(1024).fill(-1);
  let seenAt: Int32Array = new Int32Array(1024).fill(-1);
  // Read article by article into one column (no array per mention).
  const at = new Int32Array(mentions.length);
  const count = new Int32Array(mentions.length);
  // Room for every word of every sentence list at once: growing the column by doubling copied tens of megabytes in
  // one piece on a large folder (a step of the worker held for tens of milliseconds).
  let room = 0;
  for (let i = 0; i < mentions.length; i++) {
    if (i === 0 || mentions[i].words !== mentions[i - 1].words) room += mentions[i].words.length;
    if (ticker.add()) yield;
  }
  let column: Int32Array = new Int32Array(Math.max(4096, room));
  let used = 0;
  let prev = -1;
  // Mention indices ordered by article, in mention order within one.
  const { order } = yield* countingOrder(docOf, nDocs, ticker);
  for (const i of order) {
    const m = mentions[i];
    const doc = docOf[i];
    // Mentions of one sentence may share its word list (one array): then they share its ids too.
    if (prev >= 0 && m.words === mentions[prev].words && docOf[prev] === doc) {
      at[i] = at[prev];
      count[i] = count[prev];
      continue;
    }
    prev = i;
    at[i] = used;
    for (const w of m.words) {
      let id = wordIds.get(w);
      if (id === undefined) {
        id = wordIds.size;
        wordIds.set(w, id);
        if (id >= df.length) [df, seenIn, seenAt] = [grow(df, 0), grow(seenIn, -1), grow(seenAt, -1)];
      }
      if (seenAt[id] !== i) {
        seenAt[id] = i;
        if (used === column.length) column = grow(column, 0);
        column[used++] = id;
      }
      if (seenIn[id] !== doc) {
        seenIn[id] = doc;
        df[id]++;
      }
    }
    count[i] = used - at[i];
    if (ticker.add(m.words.length + 1)) yield;
  }
  // The runs stay shared (mentions of one sentence, a few each): no copy per mention.
  const wordEnd = new Int32Array(mentions.length);
  for (let i = 0; i < mentions.length; i++) wordEnd[i] = at[i] + count[i];
  return {
    wordStart: at,
    wordEnd,
    mentionWords: column.slice(0, used),
    wordDf: df.slice(0, wordIds.size),
    words: [...wordIds.keys()],
  };
}

function grow(a: Int32Array, fill: number): Int32Array {
  const b = new Int32Array(a.length * 2).fill(fill);
  b.set(a);
  return b;
}

/** Each article's context as a TF-IDF vector; context keys are interned so that similarity is a merge join. */
function* contextVectors(
  contexts: Record<string, number>[],
  ctxDf: Map<string, number>,
  idf: (df: number | undefined) => number,
  ticker: Pacer,
): Generator<void, { vectors: SparseVector[]; terms: number; termDf: Int32Array }, void> {
  const termIds = new Map<string, number>();
  const vectors: SparseVector[] = [];
  const dfs: number[] = [];
  for (const ctx of contexts) {
    const entries: [number, number][] = [];
    for (const [k, c] of Object.entries(ctx)) {
      let id = termIds.get(k);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(k, id);
        dfs.push(ctxDf.get(k) ?? 0);
      }
      entries.push([id, (1 + Math.log(c)) * idf(ctxDf.get(k))]);
    }
    vectors.push(sparseVector(entries));
    if (ticker.add(entries.length * 4)) yield;
  }
  return { vectors, terms: termIds.size, termDf: Int32Array.from(dfs) };
}
