// Helpers that keep event clustering fast and sliceable: a bounded memo of pair values and a merge sort that
// yields (the work between yields is counted by steps.ts's Pacer, as in the rest of the link).
import { Pacer } from '../steps';

/**
 * A memo of a value per unordered pair of small integers (two articles, two dates, two places), in fixed
 * typed arrays: direct-mapped, a colliding pair overwrites the old one. Bounded memory whatever the folder
 * (a Map of every pair met grows with the square of a large folder); callers recompute on a miss, so the
 * values must be a pure function of the pair.
 */
export class PairMemo {
  private readonly ka: Int32Array;
  private readonly kb: Int32Array;
  private readonly values: Float64Array;
  private readonly mask: number;

  constructor(bits = 18) {
    const size = 1 << bits;
    this.mask = size - 1;
    this.ka = new Int32Array(size).fill(-1);
    this.kb = new Int32Array(size);
    this.values = new Float64Array(size);
  }

  /** The memoised value of (a, b) (a ≤ b), or `compute(a, b)` stored for next time. */
  get(a: number, b: number, compute: (a: number, b: number) => number): number {
    const slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & this.mask;
    if (this.ka[slot] === a && this.kb[slot] === b) return this.values[slot];
    const v = compute(a, b);
    this.ka[slot] = a;
    this.kb[slot] = b;
    this.values[slot] = v;
    return v;
  }
}

/**
 * Indices 0..keys.length-1 grouped by key (a stable counting sort: key k's are order[start[k] … start[k + 1]), in
 * index order), in slices of `ticker`: O(keys + n), a unit per index or key. Keys lie in [0, n).
 */
export function* countingOrder(
  keys: Int32Array,
  n: number,
  ticker: Pacer,
): Generator<void, { start: Int32Array; order: Int32Array }, void> {
  const start = new Int32Array(n + 1);
  for (let k = 0; k < keys.length; k++) {
    start[keys[k] + 1]++;
    if (ticker.add()) yield;
  }
  for (let r = 0; r < n; r++) {
    start[r + 1] += start[r];
    if (ticker.add()) yield;
  }
  const fill = start.slice(0, n);
  yield;
  const order = new Int32Array(keys.length);
  for (let k = 0; k < keys.length; k++) {
    order[fill[keys[k]]++] = k;
    if (ticker.add()) yield;
  }
  return { start, order };
}

/** Units of work per slice: about 2–5 ms on this machine's cores (a unit is one pair scored or one mention read). */
export const SLICE_UNITS = 8192;

/**
 * The indices 0..n-1 sorted by `cmp`, yielding between runs of work: bottom-up merge sort (stable, O(n log n)),
 * sorting runs of 32 by insertion first. Sorting millions of pairs in one call would hold the
 * thread for a second.
 */
export function* sortedIndices(
  n: number,
  cmp: (p: number, q: number) => number,
  ticker: Pacer,
): Generator<void, Uint32Array, void> {
  let src = new Uint32Array(n);
  for (let k = 0; k < n; k++) src[k] = k;
  // Runs of 32 sorted by insertion (no copy into a boxed array, as a typed array's sort(cmp) makes).
  const RUN = 32;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(n, lo + RUN);
    for (let k = lo + 1; k < hi; k++) {
      const v = src[k];
      let at = k;
      while (at > lo && cmp(src[at - 1], v) > 0) {
        src[at] = src[at - 1];
        at--;
      }
      src[at] = v;
    }
    if (ticker.add(RUN * 8)) yield;
  }
  let dst = new Uint32Array(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width);
      const hi = Math.min(n, lo + 2 * width);
      let i = lo;
      let j = mid;
      for (let k = lo; k < hi; k++) {
        if (i < mid && (j >= hi || cmp(src[i], src[j]) <= 0)) dst[k] = src[i++];
        else dst[k] = src[j++];
        if ((k & 4095) === 4095 && ticker.add(4096)) yield;
      }
    }
    [src, dst] = [dst, src];
  }
  return src;
}
