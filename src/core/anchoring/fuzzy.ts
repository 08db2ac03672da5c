// Approximate string matching (Sellers' edit-distance search) used to find a quote in edited text.

export interface ApproxMatch {
  start: number;
  end: number;
  /** Edit distance (Levenshtein) between the pattern and text.slice(start, end). */
  errors: number;
}

/**
 * Finds every place where `pattern` occurs in `text` with at most `maxErrors` edits.
 * Returns one match per local minimum of the distance, so a single good match is not
 * reported again for each of its shifted, slightly worse neighbours.
 * Uses Myers' bit-parallel algorithm (32 pattern characters a word), so the scan costs
 * O(⌈pattern.length / 32⌉ × (to - from)).
 */
export function searchApprox(
  text: string,
  pattern: string,
  maxErrors: number,
  from = 0,
  to = text.length,
): ApproxMatch[] {
  const m = pattern.length;
  if (m === 0) return [];
  from = Math.max(0, from);
  to = Math.min(text.length, to);
  const ends = endDistances(text, pattern, maxErrors, from, to);
  // Keep local minima over runs of consecutive end positions.
  const matches: ApproxMatch[] = [];
  for (let k = 0; k < ends.length; k++) {
    const e = ends[k];
    const prev = k > 0 && ends[k - 1].end === e.end - 1 ? ends[k - 1].errors : Infinity;
    const nxt = k + 1 < ends.length && ends[k + 1].end === e.end + 1 ? ends[k + 1].errors : Infinity;
    if (e.errors < prev && e.errors <= nxt) {
      const start = findStart(text, pattern, e.end, e.errors, from);
      matches.push({ start, end: e.end, errors: e.errors });
    }
  }
  return matches;
}

/**
 * Myers' bit-vector edit distance, in blocks of 32 rows (Myers 1999; Hyyrö's block formulation):
 * for every end position j in [from, to), the distance of the best match of `pattern` ending at j + 1.
 * Returns only the ends whose distance is at most `maxErrors`.
 */
function endDistances(
  text: string,
  pattern: string,
  maxErrors: number,
  from: number,
  to: number,
): Array<{ end: number; errors: number }> {
  const m = pattern.length;
  const blocks = Math.ceil(m / 32);
  const peq = new Map<number, Int32Array>();
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(i);
    let masks = peq.get(c);
    if (!masks) peq.set(c, (masks = new Int32Array(blocks)));
    masks[i >> 5] |= 1 << (i & 31);
  }
  const none = new Int32Array(blocks);
  const P = new Int32Array(blocks).fill(-1);
  const M = new Int32Array(blocks);
  const lastBit = new Int32Array(blocks);
  for (let b = 0; b < blocks; b++) lastBit[b] = 1 << ((b === blocks - 1 ? m - 1 : 32 * b + 31) & 31);
  let score = m;
  const ends: Array<{ end: number; errors: number }> = [];
  for (let j = from; j < to; j++) {
    const eqs = peq.get(text.charCodeAt(j)) ?? none;
    let hIn = 0; // the top row is all zeros: a match may start anywhere
    for (let b = 0; b < blocks; b++) {
      const pV = P[b];
      const mV = M[b];
      const eq = eqs[b] | (hIn < 0 ? 1 : 0);
      const xV = eq | mV;
      const xH = ((((eq & pV) + pV) | 0) ^ pV) | eq;
      let pH = mV | ~(xH | pV);
      let mH = pV & xH;
      let hOut = 0;
      if (pH & lastBit[b]) hOut = 1;
      else if (mH & lastBit[b]) hOut = -1;
      pH = (pH << 1) | (hIn > 0 ? 1 : 0);
      mH = (mH << 1) | (hIn < 0 ? 1 : 0);
      P[b] = mH | ~(xV | pH);
      M[b] = pH & xV;
      hIn = hOut;
    }
    score += hIn;
    if (score <= maxErrors) ends.push({ end: j + 1, errors: score });
  }
  return ends;
}

/** For a match ending at `end` with `errors` edits, finds the start giving that distance (the latest such start). */
function findStart(text: string, pattern: string, end: number, errors: number, from: number): number {
  const m = pattern.length;
  const lo = Math.max(from, end - m - errors);
  // Reverse DP: pattern reversed against text reversed from `end`, anchored at `end`.
  let column = new Int32Array(m + 1);
  let next = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) column[i] = i;
  let bestStart = end;
  let best = column[m];
  for (let j = end - 1; j >= lo; j--) {
    const c = text.charCodeAt(j);
    next[0] = end - j;
    for (let i = 1; i <= m; i++) {
      const cost = pattern.charCodeAt(m - i) === c ? 0 : 1;
      let v = column[i - 1] + cost;
      const del = column[i] + 1;
      if (del < v) v = del;
      const ins = next[i - 1] + 1;
      if (ins < v) v = ins;
      next[i] = v;
    }
    const swap = column;
    column = next;
    next = swap;
    const d = column[m];
    // Among equally good starts prefer the one whose length is closest to the pattern's.
    if (d < best || (d === best && Math.abs(end - j - m) < Math.abs(end - bestStart - m))) {
      best = d;
      bestStart = j;
    }
  }
  return bestStart;
}

/**
 * Edit distance between `pattern` and the best-fitting piece of `text` that starts at text[0]
 * (the piece may be of any length). Used to compare a suffix context with the text after a match.
 */
export function distanceAnchoredAtStart(pattern: string, text: string): number {
  const m = pattern.length;
  if (m === 0) return 0;
  let column = new Int32Array(m + 1);
  let next = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) column[i] = i;
  let best = column[m];
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    next[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      const cost = pattern.charCodeAt(i - 1) === c ? 0 : 1;
      let v = column[i - 1] + cost;
      const del = column[i] + 1;
      if (del < v) v = del;
      const ins = next[i - 1] + 1;
      if (ins < v) v = ins;
      next[i] = v;
    }
    const swap = column;
    column = next;
    next = swap;
    if (column[m] < best) best = column[m];
  }
  return best;
}

/** Like distanceAnchoredAtStart, but the piece of `text` must end at its last character. */
export function distanceAnchoredAtEnd(pattern: string, text: string): number {
  return distanceAnchoredAtStart(reverse(pattern), reverse(text));
}

function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

/** Levenshtein distance between two whole strings. */
export function editDistance(a: string, b: string): number {
  if (a.length < b.length) [a, b] = [b, a];
  let column = new Int32Array(b.length + 1);
  let next = new Int32Array(b.length + 1);
  for (let i = 0; i <= b.length; i++) column[i] = i;
  for (let j = 1; j <= a.length; j++) {
    const c = a.charCodeAt(j - 1);
    next[0] = j;
    for (let i = 1; i <= b.length; i++) {
      const v = column[i - 1] + (b.charCodeAt(i - 1) === c ? 0 : 1);
      next[i] = Math.min(v, column[i] + 1, next[i - 1] + 1);
    }
    [column, next] = [next, column];
  }
  return column[b.length];
}

/** 1 − distance / longer length: 1 for equal strings, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}
