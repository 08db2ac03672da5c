// Re-anchoring annotations in edited text (after the Hypothesis
// client's match-quote design) and rebasing them through editor edits.
import { searchApprox, similarity } from './fuzzy';
import { TextPositionSelector, positionHolds } from './textPosition';
import { TextQuoteSelector, contextFrames, exactOccurrences, prefixSimilarity, suffixSimilarity } from './textQuote';

export * from './fuzzy';
export * from './textPosition';
export * from './textQuote';

export interface Selectors {
  quote?: TextQuoteSelector;
  position?: TextPositionSelector;
}

export interface Anchor {
  start: number;
  end: number;
  /** 1 for an exact, well-supported placement; lower as quote or context drift. */
  confidence: number;
}

export interface AnchorOptions {
  /** Largest fraction of the quote's length that may differ in a fuzzy match. */
  maxErrorRate?: number;
  /** Quotes shorter than this are only ever matched exactly. */
  minFuzzyLength?: number;
  /** A candidate must beat the runner-up by this much (score in [0,1]) or the annotation is orphaned. */
  minMargin?: number;
  /** Fuzzy search scans at most this many characters either side of the old position in long texts. */
  fuzzyWindow?: number;
  /** Overrides of the decision thresholds (for experiments; the defaults are what the benchmark measures). */
  thresholds?: Partial<Thresholds>;
}

const DEFAULTS: Required<Omit<AnchorOptions, 'thresholds' | 'minMargin'>> = {
  maxErrorRate: 0.3,
  minFuzzyLength: 5,
  fuzzyWindow: 20000,
};

// Weights after Hypothesis' match-quote: the quote matters most, then its context, then nearness.
const W_QUOTE = 50;
const W_PREFIX = 20;
const W_SUFFIX = 20;
const W_POSITION = 2;
// Context similarity tolerates shifts, so a copy of a short quote a few characters away scores almost as well;
// whether the characters right next to the quote are unchanged tells them apart.
const W_ADJACENT = 10;
const W_TOTAL = W_QUOTE + W_PREFIX + W_SUFFIX + W_POSITION + W_ADJACENT;
const ADJACENT_KEY = 4;

interface Candidate {
  start: number;
  end: number;
  quote: number;
  prefix: number;
  suffix: number;
  /** 0, 0.5 or 1: how many sides keep the characters right next to the quote unchanged. */
  adjacent: number;
  score: number;
}

function scoreCandidate(
  text: string,
  start: number,
  end: number,
  errors: number,
  quote: TextQuoteSelector,
  hint: number,
): Candidate {
  const q = 1 - errors / Math.max(1, quote.exact.length);
  const p = prefixSimilarity(text, start, quote.prefix);
  const s = suffixSimilarity(text, end, quote.suffix);
  const near = text.length > 0 ? 1 - Math.min(1, Math.abs(start - hint) / text.length) : 1;
  const adjacent =
    (adjacentBefore(text, start, quote.prefix) ? 0.5 : 0) + (adjacentAfter(text, end, quote.suffix) ? 0.5 : 0);
  const score = (W_QUOTE * q + W_PREFIX * p + W_SUFFIX * s + W_POSITION * near + W_ADJACENT * adjacent) / W_TOTAL;
  return { start, end, quote: q, prefix: p, suffix: s, adjacent, score };
}

function adjacentBefore(text: string, start: number, prefix: string): boolean {
  const key = prefix.slice(-ADJACENT_KEY);
  return key.length === 0 ? start === 0 : text.slice(start - key.length, start) === key;
}

function adjacentAfter(text: string, end: number, suffix: string): boolean {
  const key = suffix.slice(0, ADJACENT_KEY);
  return key.length === 0 ? end === text.length : text.slice(end, end + key.length) === key;
}

/** Context that still reads mostly as before on one side and is not lost on the other. */
function strongContext(c: Evidence, T: Thresholds): boolean {
  return Math.max(c.prefix, c.suffix) >= T.strongMax && (c.prefix + c.suffix) / 2 >= T.strongMean;
}

/** A reworded quote needs both sides of its context to stay recognisable, one of them clearly. */
function fuzzyContextHolds(c: Evidence, T: Thresholds): boolean {
  return Math.min(c.prefix, c.suffix) >= T.fuzzyMin && Math.max(c.prefix, c.suffix) >= T.fuzzyMax;
}

interface Evidence {
  prefix: number;
  suffix: number;
}

/**
 * A context side that (nearly) recurs elsewhere in the text, as in a repeated paywall notice or headline,
 * cannot tell copies apart: its similarity counts for at most `T.sharedContextCap` when deciding whether
 * to trust a placement. Found by approximate search of the whole side, so a copy whose context was itself
 * edited a little still counts.
 */
function weighEvidence(text: string, quote: TextQuoteSelector, best: Candidate, T: Thresholds): Evidence {
  // Shared when another place fits the side about as well as the best does: "President Yoon" recurring
  // with a few different characters around it does not make a perfectly fitting context ambiguous.
  const shared = (side: string, own: number, at: number, isPrefix: boolean): boolean => {
    if (side.length < 8) return false;
    const hits = searchApprox(text, side, Math.floor(side.length * T.sharedSideErrorRate));
    return hits.some(
      (h) =>
        Math.abs((isPrefix ? h.end : h.start) - at) > T.sharedSideSlack &&
        1 - h.errors / side.length >= own - T.sharedSideTolerance,
    );
  };
  return {
    prefix:
      best.prefix > T.sharedContextCap && shared(quote.prefix, best.prefix, best.start, true)
        ? T.sharedContextCap
        : best.prefix,
    suffix:
      best.suffix > T.sharedContextCap && shared(quote.suffix, best.suffix, best.end, false)
        ? T.sharedContextCap
        : best.suffix,
  };
}

/** Decision thresholds (similarities in [0, 1]); AnchorOptions.thresholds may override them per call. */
export const DEFAULT_THRESHOLDS = Object.freeze({
  positionMax: 0.6,
  strongMax: 0.8,
  strongMean: 0.6,
  uniqueLength: 16,
  uniqueMean: 0.4,
  fuzzyMin: 0.6,
  fuzzyMax: 0.8,
  frameSimilarity: 0.3,
  rivalContext: 0.85,
  snapContext: 0.8,
  uniqueDrift: 0.25,
  minMargin: 0.08,
  sharedSideErrorRate: 0.25,
  sharedSideSlack: 8,
  sharedContextCap: 0.5,
  copiesMin: 0.3,
  frameContextMargin: 0.15,
  elsewhereSimilarity: 0.85,
  elsewhereQuoteSimilarity: 0.4,
  passageCopiesMin: 0.75,
  rivalMeanMargin: 0.25,
  sharedSideTolerance: 0.05,
});
export type Thresholds = typeof DEFAULT_THRESHOLDS;

/**
 * True when one side of the quote's context survives nearly intact somewhere the best candidate is not,
 * while the best candidate's own context on that side does not: the annotated place may still be there,
 * its quote reworded beyond recognition, and the best candidate a copy of the quote elsewhere.
 */
function contextStandsElsewhere(text: string, quote: TextQuoteSelector, best: Candidate, T: Thresholds): boolean {
  const m = quote.exact.length;
  const side = (context: string, own: number, isPrefix: boolean, at: number): boolean => {
    if (context.length < 16 || own >= T.elsewhereSimilarity) return false;
    const hits = searchApprox(text, context, Math.floor(context.length * (1 - T.elsewhereSimilarity)));
    return hits.some((h) => {
      const edge = isPrefix ? h.end : h.start;
      // Far enough not to be this candidate's own context shifted by an edit at its edge...
      if (Math.abs(edge - at) <= context.length + m) return false;
      // ...and next to something still like the quote: a paragraph that merely moved away leaves its
      // context beside unrelated text, which is no rival.
      const beside = isPrefix ? text.slice(edge, edge + m) : text.slice(Math.max(0, edge - m), edge);
      return similarity(beside, quote.exact) >= T.elsewhereQuoteSimilarity;
    });
  };
  return side(quote.prefix, best.prefix, true, best.start) || side(quote.suffix, best.suffix, false, best.end);
}

/** Letters and digits (any script); NaN (outside the text) is not a word character. */
function isWordChar(code: number): boolean {
  return !Number.isNaN(code) && /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Finds where an annotation belongs in `text`: the position selector if the quoted text is still there,
 * else an exact quote chosen by its context and nearness, else a fuzzy match of the quote.
 * Returns null (orphaned) whenever the placement is uncertain: a wrong placement is worse than an orphan.
 */
export function anchor(text: string, selectors: Selectors, options: AnchorOptions = {}): Anchor | null {
  const T: Thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const opts = { ...DEFAULTS, ...options, minMargin: options.minMargin ?? T.minMargin };
  const { quote, position } = selectors;
  if (!quote || quote.exact.length === 0) {
    // Without a quote nothing can confirm the range: trust it only while it still fits the text.
    return position && positionHolds(text, position)
      ? { start: position.start, end: position.end, confidence: 0.5 }
      : null;
  }
  const hint = position ? position.start : 0;
  const m = quote.exact.length;

  if (position && positionHolds(text, position, quote.exact)) {
    const here = scoreCandidate(text, position.start, position.end, 0, quote, hint);
    if (here.adjacent > 0 && Math.max(here.prefix, here.suffix) >= T.positionMax)
      return { start: here.start, end: here.end, confidence: here.score };
  }
  const { exact, all } = findCandidates(text, quote, hint, opts);
  if (all.length === 0) return null;
  const best = all[0];
  const rival = all.find((c) => !overlaps(c, best));
  const frames = contextFrames(text, quote, 2 * m + 16);
  if (contextRepeated(text, quote, best, frames, T)) return null;
  const evidence = weighEvidence(text, quote, best, T);
  const found: Found = { best, rival, exact, evidence, supportedRival: supportedRival(text, quote, best, all, T) };
  if (best.quote === 1) return placeExact(text, quote, position, found, T, opts.minMargin);
  return placeFuzzy(text, quote, frames, found, T, opts.minMargin);
}

/** The exact copies of the quote, and all candidates (exact and fuzzy) best first. */
function findCandidates(
  text: string,
  quote: TextQuoteSelector,
  hint: number,
  opts: Required<Omit<AnchorOptions, 'thresholds'>>,
): { exact: Candidate[]; all: Candidate[] } {
  const m = quote.exact.length;
  // A quote that began (ended) at a word boundary is not sought
  // inside a word: "a true apology" in "Kishida true apology".
  const startsWord =
    !isWordChar(quote.prefix.charCodeAt(quote.prefix.length - 1)) || !isWordChar(quote.exact.charCodeAt(0));
  const endsWord = !isWordChar(quote.suffix.charCodeAt(0)) || !isWordChar(quote.exact.charCodeAt(m - 1));
  const exact = exactOccurrences(text, quote.exact)
    .filter(
      (at) =>
        (!startsWord || !isWordChar(text.charCodeAt(at - 1))) && (!endsWord || !isWordChar(text.charCodeAt(at + m))),
    )
    .map((at) => scoreCandidate(text, at, at + m, 0, quote, hint));
  let fuzzy: Candidate[] = [];
  if (m >= opts.minFuzzyLength) {
    const maxErrors = Math.floor(m * opts.maxErrorRate);
    const windowed = text.length > 2 * opts.fuzzyWindow;
    const from = windowed ? hint - opts.fuzzyWindow : 0;
    const to = windowed ? hint + m + opts.fuzzyWindow : text.length;
    fuzzy = searchApprox(text, quote.exact, maxErrors, from, to)
      .filter((hit) => hit.errors > 0)
      .map((hit) => scoreCandidate(text, hit.start, hit.end, hit.errors, quote, hint));
  }
  const all = [...exact, ...fuzzy].sort((a, b) => b.score - a.score || a.start - b.start);
  return { exact, all };
}

const touches = (f: { start: number; end: number }, c: Candidate): boolean => f.start <= c.end && c.start <= f.end;

/**
 * The quote's context standing around something like the quote in another place means a repeated
 * passage, or the original reworded while a copy survives elsewhere: the quote cannot tell which, so do not guess.
 */
function contextRepeated(
  text: string,
  quote: TextQuoteSelector,
  best: Candidate,
  frames: { start: number; end: number }[],
  T: Thresholds,
): boolean {
  const bestContext = (best.prefix + best.suffix) / 2;
  return frames.some(
    (f) =>
      !touches(f, best) &&
      similarity(text.slice(f.start, f.end), quote.exact) >= T.frameSimilarity &&
      (prefixSimilarity(text, f.start, quote.prefix) + suffixSimilarity(text, f.end, quote.suffix)) / 2 >=
        bestContext - T.frameContextMargin,
  );
}

/**
 * Another place (beyond the best one's own context, where shifted copies of a short quote sit) that keeps
 * one side of the context about as well as the best keeps its own: a second copy, or the original with its
 * quote reworded. Either way, ambiguous.
 */
function supportedRival(
  text: string,
  quote: TextQuoteSelector,
  best: Candidate,
  all: Candidate[],
  T: Thresholds,
): boolean {
  const far = (c: Candidate): boolean =>
    c.end + quote.prefix.length <= best.start || c.start >= best.end + quote.suffix.length;
  return (
    all.some(
      (c) =>
        c !== best &&
        far(c) &&
        Math.max(c.prefix, c.suffix) >= T.rivalContext &&
        c.prefix + c.suffix >= best.prefix + best.suffix - 2 * T.rivalMeanMargin,
    ) || contextStandsElsewhere(text, quote, best, T)
  );
}

/** What the search found, for the final decision. */
interface Found {
  best: Candidate;
  rival: Candidate | undefined;
  exact: Candidate[];
  evidence: Evidence;
  supportedRival: boolean;
}

/** The decision for an exact best match: placed when its context supports it and nothing else competes. */
function placeExact(
  text: string,
  quote: TextQuoteSelector,
  position: TextPositionSelector | undefined,
  f: Found,
  T: Thresholds,
  minMargin: number,
): Anchor | null {
  const { best, rival, exact, evidence } = f;
  const m = quote.exact.length;
  if (strongContext(evidence, T)) {
    // With several copies of the quote, one-sided support is exactly the ambiguous case.
    if (exact.length > 1 && Math.min(evidence.prefix, evidence.suffix) < T.copiesMin) return null;
    // A long quote found more than once is a repeated passage (a headline printed twice): only a context
    // that fits on both sides tells the copies apart.
    if (exact.length > 1 && m >= T.uniqueLength && Math.min(evidence.prefix, evidence.suffix) < T.passageCopiesMin)
      return null;
    if (f.supportedRival || (rival && best.score - rival.score < minMargin)) return null;
    return { start: best.start, end: best.end, confidence: best.score };
  }
  // Weak context: a long quote found exactly once is still specific enough, unless another place keeps
  // the quote's context (the original reworded, this a copy).
  const specific =
    exact.length === 1 &&
    m >= T.uniqueLength &&
    (evidence.prefix + evidence.suffix) / 2 >= T.uniqueMean &&
    (!position || Math.abs(best.start - position.start) <= T.uniqueDrift * text.length);
  return specific && !f.supportedRival ? { start: best.start, end: best.end, confidence: best.score } : null;
}

/** The decision for a reworded (fuzzy) best match. */
function placeFuzzy(
  text: string,
  quote: TextQuoteSelector,
  frames: { start: number; end: number }[],
  f: Found,
  T: Thresholds,
  minMargin: number,
): Anchor | null {
  const { best, rival, exact } = f;
  if (!fuzzyContextHolds(f.evidence, T)) return null;
  if (rival && best.score - rival.score < minMargin) return null;
  // An exact copy whose context still half fits competes with a reworded quote: do not choose between them.
  if (exact.some((c) => !overlaps(c, best) && Math.max(c.prefix, c.suffix) >= 0.5)) return null;
  if (f.supportedRival) return null;
  return snapToFrame(text, quote, frames, best, T);
}

/**
 * Where the quote's context still stands around a reworded match, the context marks its edges exactly.
 * Snap only when the whole context fits the frame's edges: a short context key can recur inside the new wording.
 */
function snapToFrame(
  text: string,
  quote: TextQuoteSelector,
  frames: { start: number; end: number }[],
  c: Candidate,
  T: Thresholds,
): Anchor {
  const frame = frames.find((f) => touches(f, c));
  if (
    frame &&
    frame.end > frame.start &&
    prefixSimilarity(text, frame.start, quote.prefix) >= T.snapContext &&
    suffixSimilarity(text, frame.end, quote.suffix) >= T.snapContext &&
    ((frame.start <= c.start && c.end <= frame.end) ||
      similarity(text.slice(frame.start, frame.end), quote.exact) >= T.frameSimilarity)
  ) {
    return { start: frame.start, end: frame.end, confidence: c.score };
  }
  return { start: c.start, end: c.end, confidence: c.score };
}

/** One change to a document, as VS Code reports it: replace [start, end) of the text before the change with newText. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * Moves spans through a sequence of edits, each expressed against the text left by the previous ones
 * (VS Code's contentChanges of one event are non-overlapping and sorted from the end, so applying them in order works).
 * Inserting at a span's edges leaves it out; an edit inside grows or shrinks it; an edit that removes all of
 * the span's text orphans it (null).
 */
export function rebase(
  spans: ReadonlyArray<{ start: number; end: number } | null>,
  edits: ReadonlyArray<TextEdit>,
): Array<{ start: number; end: number } | null> {
  return spans.map((span) => {
    if (!span) return null;
    let { start, end } = span;
    for (const edit of edits) {
      const moved = rebaseSpan(start, end, edit);
      if (!moved) return null;
      ({ start, end } = moved);
    }
    return { start, end };
  });
}

function rebaseSpan(start: number, end: number, edit: TextEdit): { start: number; end: number } | null {
  const a = edit.start;
  const b = edit.end;
  const delta = edit.newText.length - (b - a);
  if (b <= start) return { start: start + delta, end: end + delta }; // before, typing at the start included
  if (a >= end) return { start, end };
  if (a <= start && b >= end) return null; // the whole annotated text was replaced or deleted
  if (a >= start && b <= end) return { start, end: end + delta }; // inside
  if (a < start) return { start: a + edit.newText.length, end: end + delta }; // overlaps the beginning
  return { start, end: a }; // overlaps the end
}
