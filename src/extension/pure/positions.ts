// Line and character of an offset in a text, as VS Code counts them (UTF-16 units; a line ends at \n, \r\n or \r),
// so the worker can place a folder's references without the host opening every article they are in.

/** Where each line of `text` starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** The 0-based line and character of an offset, given its text's line starts. */
export function positionOf(starts: readonly number[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

/** A span as [startLine, startCharacter, endLine, endCharacter]. */
export type LineRange = [number, number, number, number];

/** The line ranges of spans in one text (its line starts computed once). */
export function lineRanges(text: string, spans: readonly { start: number; end: number }[]): LineRange[] {
  const starts = lineStarts(text);
  return spans.map((s) => {
    const a = positionOf(starts, s.start);
    const b = positionOf(starts, s.end);
    return [a.line, a.character, b.line, b.character];
  });
}
