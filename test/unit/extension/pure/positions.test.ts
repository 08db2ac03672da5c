import * as assert from 'assert';
import { lineRanges, lineStarts, positionOf } from '../../../../src/extension/pure/positions';

describe('line and character of offsets (references placed by the worker)', () => {
  it('counts lines ended by \\n, \\r\\n and \\r as VS Code does', () => {
    const text = 'ab\ncd\r\nef\rgh';
    assert.deepStrictEqual(lineStarts(text), [0, 3, 7, 10]);
    assert.deepStrictEqual(positionOf(lineStarts(text), 0), { line: 0, character: 0 });
    assert.deepStrictEqual(positionOf(lineStarts(text), 2), { line: 0, character: 2 });
    assert.deepStrictEqual(positionOf(lineStarts(text), 5), { line: 1, character: 2 });
    assert.deepStrictEqual(positionOf(lineStarts(text), 8), { line: 2, character: 1 });
    assert.deepStrictEqual(positionOf(lineStarts(text), 12), { line: 3, character: 2 });
    assert.deepStrictEqual(lineRanges(text, [{ start: 3, end: 9 }]), [[1, 0, 2, 2]]);
  });

  it('agrees with a plain count on a long text', () => {
    const text = Array.from({ length: 500 }, (_, i) => 'x'.repeat(i % 37)).join('\n');
    const starts = lineStarts(text);
    for (let o = 0; o <= text.length; o += 97) {
      const before = text.slice(0, o).split('\n');
      assert.deepStrictEqual(positionOf(starts, o), { line: before.length - 1, character: before.at(-1)!.length });
    }
  });
});
