// How alike two articles are, and how telling a word is: document
// frequencies, IDF and cosine of sparse context vectors.
import { EventMention } from './mentions';

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
  /** Article index of each path. */
  docIndex: Map<string, number>;
  /** Number of articles holding each context key (entity id, year, word). */
  ctxDf: Map<string, number>;
  /** IDF weight of each sentence word. */
  wordWeight: Map<string, number>;
  idf(df: number | undefined): number;
  /** Cosine similarity of two articles' contexts, by article index (memoised). */
  similarityOf(a: number, b: number): number;
  /**
   * The articles at least `minSimilarity` alike to article `a`, most alike first, at most NEIGHBOURS of them
   * (memoised per article). Found through the context keys `a` shares with them that at most RARE_KEY
   * articles hold (people, organisations, places, telling words), so the cost per article is bounded
   * (keys × RARE_KEY) whatever the folder's size; two articles alike only through common keys are missed,
   * and common keys weigh little in the cosine anyway (IDF).
   */
  neighbours(a: number, minSimilarity: number): Int32Array;
}

/** Most articles an article's similar-article list holds. */
export const NEIGHBOURS = 16;
/** Context keys held by more articles than this are not used to find similar articles. */
export const RARE_KEY = 150;

export function eventCorpus(mentions: EventMention[]): EventCorpus {
  const paths = [...new Set(mentions.map((m) => m.path))];
  const docIndex = new Map(paths.map((p, i) => [p, i]));
  const nDocs = paths.length;
  const { wordDf, ctxDf, docCtx } = documentFrequencies(mentions);
  // Smooth IDF: in a small folder about one story, shared words still count for something.
  const idf = (df: number | undefined) => Math.log(1 + nDocs / Math.max(1, df ?? 0));
  const { docVectors, terms } = contextVectors(docCtx, ctxDf, idf);
  const docSim = new Map<number, number>();
  const emptyVector = sparseVector([]);
  const vectorByDoc = paths.map((p) => docVectors.get(p) ?? emptyVector);
  const similarityOf = (a: number, b: number): number => {
    const key = a < b ? a * nDocs + b : b * nDocs + a;
    let s = docSim.get(key);
    if (s === undefined) {
      s = cosine(vectorByDoc[a], vectorByDoc[b]);
      docSim.set(key, s);
    }
    return s;
  };
  const wordWeight = new Map<string, number>();
  for (const [w, df] of wordDf) wordWeight.set(w, idf(df));
  const neighbours = neighbourFinder(vectorByDoc, terms, similarityOf);
  return { docIndex, ctxDf, wordWeight, idf, similarityOf, neighbours };
}

/** Similar-article lists through an inverted index of the rare context keys (see EventCorpus.neighbours). */
function neighbourFinder(
  vectors: SparseVector[],
  terms: number,
  similarityOf: (a: number, b: number) => number,
): (a: number, minSimilarity: number) => Int32Array {
  let postings: Int32Array[] | undefined;
  const memo = new Map<number, Int32Array>();
  const score = new Float64Array(vectors.length);
  return (a, minSimilarity) => {
    const known = memo.get(a);
    if (known) return known;
    postings ??= invertedIndex(vectors, terms);
    const touched: number[] = [];
    const v = vectors[a];
    for (let k = 0; k < v.ids.length; k++) {
      const docs = postings[v.ids[k]];
      if (docs.length > RARE_KEY) continue;
      for (const b of docs) {
        if (b === a) continue;
        if (score[b] === 0) touched.push(b);
        score[b] += v.weights[k];
      }
    }
    touched.sort((x, y) => score[y] - score[x] || x - y);
    const out: number[] = [];
    for (const b of touched.slice(0, NEIGHBOURS * 2)) if (similarityOf(a, b) >= minSimilarity) out.push(b);
    for (const b of touched) score[b] = 0;
    out.sort((x, y) => similarityOf(a, y) - similarityOf(a, x) || x - y);
    const list = Int32Array.from(out.slice(0, NEIGHBOURS));
    memo.set(a, list);
    return list;
  };
}

/** The articles holding each context key, as arrays indexed by term id. */
function invertedIndex(vectors: SparseVector[], terms: number): Int32Array[] {
  const counts = new Int32Array(terms);
  for (const v of vectors) for (const t of v.ids) counts[t]++;
  const postings = Array.from(counts, (n) => new Int32Array(n));
  counts.fill(0);
  vectors.forEach((v, doc) => {
    for (const t of v.ids) postings[t][counts[t]++] = doc;
  });
  return postings;
}

/** Document frequencies, for weighting words and context keys by how telling they are. */
function documentFrequencies(mentions: EventMention[]) {
  const wordDf = new Map<string, number>();
  const ctxDf = new Map<string, number>();
  const docWords = new Map<string, Set<string>>();
  const docCtx = new Map<string, Record<string, number>>();
  for (const m of mentions) {
    let set = docWords.get(m.path);
    if (!set) {
      set = new Set();
      docWords.set(m.path, set);
      docCtx.set(m.path, m.context);
    }
    for (const w of m.words) set.add(w);
  }
  for (const set of docWords.values()) for (const w of set) wordDf.set(w, (wordDf.get(w) ?? 0) + 1);
  for (const ctx of docCtx.values()) for (const k of Object.keys(ctx)) ctxDf.set(k, (ctxDf.get(k) ?? 0) + 1);
  return { wordDf, ctxDf, docCtx };
}

/** Each article's context as a TF-IDF vector. */
function contextVectors(
  docCtx: Map<string, Record<string, number>>,
  ctxDf: Map<string, number>,
  idf: (df: number | undefined) => number,
): { docVectors: Map<string, SparseVector>; terms: number } {
  // Context keys are interned so that document similarity is a merge join of sorted arrays.
  const termIds = new Map<string, number>();
  const docVectors = new Map<string, SparseVector>();
  for (const [path, ctx] of docCtx) {
    const entries: [number, number][] = [];
    for (const [k, c] of Object.entries(ctx)) {
      let id = termIds.get(k);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(k, id);
      }
      entries.push([id, (1 + Math.log(c)) * idf(ctxDf.get(k))]);
    }
    docVectors.set(path, sparseVector(entries));
  }
  return { docVectors, terms: termIds.size };
}
