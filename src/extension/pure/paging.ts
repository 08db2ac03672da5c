// Long lists of the side bar in pages: a folder of thousands of articles has tens of thousands of names, and a tree
// view that receives them all at once costs the extension host and the window seconds (every row is made, sent to
// the window and laid out). Each list shows its first rows and a "Show more" row; the rest stays in the host.

/** Rows a list shows at first, and adds with each "Show more", unless the setting says otherwise. */
export const DEFAULT_PAGE_ROWS = 200;

/** What a list shows of its items: the first rows, and how many follow unseen. */
export interface Paged<T> {
  rows: T[];
  hidden: number;
}

/** How many rows each list (by key) shows; a list not yet paged on shows one page. */
export class Pages {
  private readonly shown = new Map<string, number>();

  constructor(private readonly pageRows: () => number) {}

  private page(): number {
    const n = Math.floor(this.pageRows());
    return Number.isFinite(n) && n >= 1 ? n : DEFAULT_PAGE_ROWS;
  }

  /** How many rows of the list `key` are shown. */
  shownOf(key: string): number {
    return this.shown.get(key) ?? this.page();
  }

  slice<T>(key: string, items: readonly T[]): Paged<T> {
    const n = Math.min(this.shownOf(key), items.length);
    return { rows: items.slice(0, n), hidden: items.length - n };
  }

  /** One page more of the list `key`. */
  more(key: string): void {
    this.shown.set(key, this.shownOf(key) + this.page());
  }

  /** Enough pages of the list `key` that its item at `index` is shown (to reveal it); true when the list grew. */
  include(key: string, index: number): boolean {
    if (index < this.shownOf(key)) return false;
    const page = this.page();
    this.shown.set(key, Math.ceil((index + 1) / page) * page);
    return true;
  }

  /** The label and description of a list's "Show more" row. */
  moreRow(hidden: number): { label: string; description: string } {
    const next = Math.min(hidden, this.page());
    if (next === hidden) return { label: `Show the last ${fmt(next)}`, description: '' };
    return { label: `Show ${fmt(next)} more`, description: `${fmt(hidden)} not shown` };
  }
}

const fmt = (n: number) => n.toLocaleString('en-US');
