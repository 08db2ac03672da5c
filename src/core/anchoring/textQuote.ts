// The W3C TextQuoteSelector: the quoted text with some context either side, and how well a place in a text fits it.
import { distanceAnchoredAtEnd, distanceAnchoredAtStart } from './fuzzy';

export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Context kept either side of the quote, in UTF-16 code units. */
export const QUOTE_CONTEXT_LENGTH = 32;

export function describeQuote(
  text: string,
  start: number,
  end: number,
  context = QUOTE_CONTEXT_LENGTH,
): TextQuoteSelector {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - context), start),
    suffix: text.slice(end, Math.min(text.length, end + context)),
  };
}

/**
 * Similarity in [0, 1] between the stored prefix and the text just before `start`.
 * An empty prefix means the quote began the text: it fits perfectly
 * at offset 0; elsewhere it says nothing either way (0.5).
 */
export function prefixSimilarity(text: string, start: number, prefix: string): number {
  if (prefix.length === 0) return start === 0 ? 1 : 0.5;
  const slack = Math.ceil(prefix.length / 4);
  const window = text.slice(Math.max(0, start - prefix.length - slack), start);
  return 1 - Math.min(prefix.length, distanceAnchoredAtEnd(prefix, window)) / prefix.length;
}

/** Similarity in [0, 1] between the stored suffix and the text just after `end`. */
export function suffixSimilarity(text: string, end: number, suffix: string): number {
  if (suffix.length === 0) return end === text.length ? 1 : 0.5;
  const slack = Math.ceil(suffix.length / 4);
  const window = text.slice(end, end + suffix.length + slack);
  return 1 - Math.min(suffix.length, distanceAnchoredAtStart(suffix, window)) / suffix.length;
}

/** Every offset where `exact` occurs in `text`, overlapping occurrences included. */
export function exactOccurrences(text: string, exact: string, limit = 10000): number[] {
  const found: number[] = [];
  if (exact.length === 0) return found;
  let at = text.indexOf(exact);
  while (at !== -1 && found.length < limit) {
    found.push(at);
    at = text.indexOf(exact, at + 1);
  }
  return found;
}

/**
 * Where the quote's immediate context still stands: the text between the end of its prefix and the start of its suffix.
 */
export interface ContextFrame {
  start: number;
  end: number;
}

/**
 * Characters of context either side used to find frames: short enough to survive nearby edits, long enough to be rare.
 */
export const FRAME_KEY_LENGTH = 8;

/**
 * Every place where the last FRAME_KEY_LENGTH characters of the prefix are followed, within `maxGap`
 * characters, by the first FRAME_KEY_LENGTH characters of the suffix. Two or more frames mean the passage
 * around the quote is repeated in the text. An empty prefix (suffix) stands for the start (end) of the text;
 * a context too short to be specific gives no frames.
 */
export function contextFrames(text: string, selector: TextQuoteSelector, maxGap: number): ContextFrame[] {
  const { prefix, suffix } = selector;
  const prefixKey = prefix.slice(-FRAME_KEY_LENGTH);
  const suffixKey = suffix.slice(0, FRAME_KEY_LENGTH);
  if ((prefix.length > 0 && prefixKey.length < 4) || (suffix.length > 0 && suffixKey.length < 4)) return [];
  if (prefix.length === 0 && suffix.length === 0) return [];
  const starts = prefix.length === 0 ? [0] : exactOccurrences(text, prefixKey).map((at) => at + prefixKey.length);
  const bySuffix = new Map<number, number>();
  for (const start of starts) {
    let end: number;
    if (suffix.length === 0) {
      if (text.length - start > maxGap) continue;
      end = text.length;
    } else {
      end = text.indexOf(suffixKey, start);
      if (end === -1 || end - start > maxGap) continue;
    }
    // Several prefix keys before one suffix key: the nearest one frames it.
    bySuffix.set(end, Math.max(bySuffix.get(end) ?? -1, start));
  }
  return [...bySuffix.entries()].map(([end, start]) => ({ start, end })).sort((a, b) => a.start - b.start);
}
