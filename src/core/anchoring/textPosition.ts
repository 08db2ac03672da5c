// The W3C TextPositionSelector: a [start, end) range of UTF-16 code units in the article text.

export interface TextPositionSelector {
  start: number;
  end: number;
}

export function describePosition(start: number, end: number): TextPositionSelector {
  return { start, end };
}

/** True when the selector lies inside the text and, if `exact` is given, the text there is exactly it. */
export function positionHolds(text: string, selector: TextPositionSelector, exact?: string): boolean {
  const { start, end } = selector;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end)
    return false;
  return exact === undefined || text.slice(start, end) === exact;
}
