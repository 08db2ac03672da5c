import * as assert from 'assert';
import { DEFAULT_PAGE_ROWS, Pages } from '../../../../src/extension/pure/paging';

const items = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('paging (side-bar lists)', () => {
  it('shows one page of a long list and says how many follow; a short list whole', () => {
    const pages = new Pages(() => 3);
    assert.deepStrictEqual(pages.slice('a', items(10)), { rows: [0, 1, 2], hidden: 7 });
    assert.deepStrictEqual(pages.slice('b', items(3)), { rows: [0, 1, 2], hidden: 0 });
    assert.deepStrictEqual(pages.slice('c', []), { rows: [], hidden: 0 });
  });

  it('"Show more" adds a page to that list only, up to the end', () => {
    const pages = new Pages(() => 4);
    pages.more('a');
    assert.deepStrictEqual(pages.slice('a', items(10)), { rows: items(8), hidden: 2 });
    assert.deepStrictEqual(pages.slice('b', items(10)).rows, items(4));
    pages.more('a');
    assert.deepStrictEqual(pages.slice('a', items(10)), { rows: items(10), hidden: 0 });
  });

  it('a list keeps what it shows when it is reloaded longer or shorter', () => {
    const pages = new Pages(() => 2);
    pages.more('a');
    assert.deepStrictEqual(pages.slice('a', items(3)), { rows: items(3), hidden: 0 });
    assert.deepStrictEqual(pages.slice('a', items(9)), { rows: items(4), hidden: 5 });
  });

  it('takes in an item to reveal by whole pages, never showing less', () => {
    const pages = new Pages(() => 5);
    pages.include('a', 12);
    assert.strictEqual(pages.shownOf('a'), 15);
    pages.include('a', 3);
    assert.strictEqual(pages.shownOf('a'), 15);
    pages.include('a', 15);
    assert.strictEqual(pages.shownOf('a'), 20);
  });

  it('names the next step of the "Show more" row, and the rows left', () => {
    const pages = new Pages(() => 200);
    assert.deepStrictEqual(pages.moreRow(1234), { label: 'Show 200 more', description: '1,234 not shown' });
    assert.deepStrictEqual(pages.moreRow(150), { label: 'Show the last 150', description: '' });
  });

  it('a page size that is not a positive number falls back to the default', () => {
    for (const bad of [0, -3, Number.NaN, Number.POSITIVE_INFINITY]) {
      const pages = new Pages(() => bad);
      assert.strictEqual(pages.shownOf('a'), DEFAULT_PAGE_ROWS, String(bad));
    }
    assert.strictEqual(new Pages(() => 2.7).shownOf('a'), 2);
  });

  it('reads the page size when a list is shown, so a changed setting applies to lists not yet paged on', () => {
    let size = 3;
    const pages = new Pages(() => size);
    assert.strictEqual(pages.slice('a', items(10)).rows.length, 3);
    size = 6;
    assert.strictEqual(pages.slice('a', items(10)).rows.length, 6);
  });
});
