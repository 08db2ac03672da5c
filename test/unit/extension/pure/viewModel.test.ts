import * as assert from 'assert';
import type { EntityRecord, EventCluster, QuoteCluster } from '../../../../src/core/model';
import {
  buildCoverage,
  COVERAGE_COLUMNS,
  COVERAGE_ROWS,
  entitiesOfType,
  entityDescription,
  entityTooltip,
  eventDescription,
  eventRows,
  quoteRows,
  quoteDescription,
  eventsByDate,
  excerptOf,
  groupMentions,
  quoteLabel,
  timexSortKey,
} from '../../../../src/extension/pure/viewModel';

const rec = (
  id: string,
  type: EntityRecord['type'],
  articles: number,
  mentions: number,
  spellings: string[] = [id],
): EntityRecord => ({
  id,
  type,
  canonical: spellings[0],
  spellings,
  articles: Array.from({ length: articles }, (_, i) => `file:///a${i}.txt`),
  mentionCount: mentions,
});
const ev = (
  id: string,
  date: string | null,
  mentions: { path: string; start: number }[],
  place: string | null = null,
): EventCluster => ({
  id,
  label: id,
  date,
  place,
  participants: [],
  mentions: mentions.map((m) => ({ path: m.path, start: m.start, end: m.start + 3 })),
});

describe('views: view model', () => {
  it('keeps one entity type, most widely reported first, and describes counts', () => {
    const records = [
      rec('b', 'PERSON', 1, 9),
      rec('a', 'PERSON', 3, 4),
      rec('c', 'PLACE', 5, 5),
      rec('d', 'PERSON', 1, 9),
    ];
    assert.deepStrictEqual(
      entitiesOfType(records, 'PERSON').map((r) => r.id),
      ['a', 'b', 'd'],
    );
    assert.strictEqual(entityDescription(records[1]), '3 articles · 4 mentions');
    assert.strictEqual(entityDescription(rec('x', 'PLACE', 1, 1)), '1 article · 1 mention');
  });

  it('lists every other spelling in the tooltip', () => {
    const r = rec('p', 'PERSON', 2, 5, ['Yoon Suk Yeol', 'Yoon Suk-yeol', 'Mr. Yoon']);
    assert.strictEqual(entityTooltip(r), 'Yoon Suk Yeol\nAlso written: Yoon Suk-yeol, Mr. Yoon');
  });

  it('orders events as a timeline with undated and non-calendar values last', () => {
    const events = [
      ev('u', null, []),
      ev('p', 'PRESENT_REF', []),
      ev('d16', '2023-03-16', []),
      ev('y', '2019', []),
      ev('w', '2023-W10', []),
      ev('m', '2023-05', []),
    ];
    assert.deepStrictEqual(
      eventsByDate(events).map((e) => e.id),
      ['y', 'w', 'd16', 'm', 'p', 'u'],
    );
    assert.strictEqual(timexSortKey('2023-W10'), '2023-03-05');
    assert.strictEqual(timexSortKey('XXXX-XX-XX'), null);
  });

  it('describes an event by date, place and number of articles', () => {
    const e = ev(
      's',
      '2023-03-16',
      [
        { path: 'a', start: 0 },
        { path: 'a', start: 9 },
        { path: 'b', start: 1 },
      ],
      'Tokyo',
    );
    const [row] = eventRows([e]);
    assert.deepStrictEqual(row, { id: 's', label: 's', date: '2023-03-16', place: 'Tokyo', articles: 2 });
    assert.strictEqual(eventDescription(row), '2023-03-16 · Tokyo · 2 articles');
    assert.strictEqual(eventDescription([...eventRows([ev('n', null, [])])][0]), 'undated · 0 articles');
  });

  it('gives the views rows with counts, in the order they show them', () => {
    const events = [ev('b', null, [{ path: 'x', start: 0 }]), ev('a', '2023-03-01', [{ path: 'y', start: 0 }])];
    assert.deepStrictEqual(
      [...eventRows(events)].map((r) => r.id),
      ['a', 'b'],
    );
    const q = (id: string, speaker: string | null, paths: string[]): QuoteCluster => ({
      id,
      speaker,
      speakerId: null,
      text: id,
      mentions: paths.map((path) => ({ path, start: 0, end: 1 })),
    });
    const rows = quoteRows([q('one', 'Yoon', ['a']), q('two', null, ['a', 'b', 'b']), q('three', 'Abe', ['c'])]);
    assert.deepStrictEqual(
      rows.map((r) => [r.id, r.articles]),
      [
        ['two', 2],
        ['three', 1],
        ['one', 1],
      ],
    );
    assert.strictEqual(quoteDescription(rows[0]), '2 articles');
  });

  it('labels a quote by its speaker and first words', () => {
    const q: QuoteCluster = {
      id: 'q',
      speaker: null,
      speakerId: null,
      text: 'one two  three\nfour five six seven eight nine ten',
      mentions: [],
    };
    assert.strictEqual(quoteLabel(q), 'Unattributed: “one two three four five six seven eight…”');
    assert.strictEqual(quoteLabel({ ...q, speaker: 'Kishida', text: 'We agreed.' }), 'Kishida: “We agreed.”');
  });

  it('excerpts the sentence on one line and keeps a long sentence centred on the mention', () => {
    const text = 'First line.\nThe  summit\nwas held in Tokyo. Next.';
    assert.strictEqual(
      excerptOf(text, { start: 36, end: 41 }, { start: 12, end: 42 }),
      'The summit was held in Tokyo.',
    );
    const long = 'x'.repeat(300) + 'TOKYO' + 'y'.repeat(300);
    const cut = excerptOf(long, { start: 300, end: 305 }, { start: 0, end: long.length }, 40);
    assert.ok(cut.startsWith('…') && cut.endsWith('…') && cut.includes('TOKYO'), cut);
  });

  it('groups mentions by article, dated articles first, with excerpts and titles', () => {
    const texts: Record<string, { text: string; title: string | null; published: string | null }> = {
      'file:///b.txt': { text: 'Kishida met Yoon. Yoon smiled.', title: 'B story', published: '2023-03-17' },
      'file:///a%20one.txt': { text: 'Yoon went.', title: null, published: null },
    };
    const sentenceAt = (text: string) => (o: number) => {
      const start = text.lastIndexOf('. ', o) < 0 ? 0 : text.lastIndexOf('. ', o) + 2;
      const dot = text.indexOf('.', o);
      return { start, end: dot < 0 ? text.length : dot + 1 };
    };
    const groups = groupMentions(
      [
        { path: 'file:///a%20one.txt', start: 0, end: 4 },
        { path: 'file:///b.txt', start: 18, end: 22 },
        { path: 'file:///b.txt', start: 12, end: 16 },
        { path: 'file:///gone.txt', start: 0, end: 1 },
      ],
      (p) => (texts[p] ? { ...texts[p], sentenceAt: sentenceAt(texts[p].text) } : undefined),
    );
    assert.deepStrictEqual(
      groups.map((g) => [g.title, g.mentions.map((m) => m.excerpt)]),
      [
        ['B story', ['Kishida met Yoon.', 'Yoon smiled.']],
        ['a one.txt', ['Yoon went.']],
      ],
    );
  });

  it('builds the coverage matrix: timeline rows, reporting articles as columns, counts and first mentions', () => {
    const titles = [
      { path: 'a', title: 'A', published: '2023-03-18' },
      { path: 'b', title: 'B', published: '2023-03-16' },
      { path: 'c', title: null, published: null },
    ];
    const events = [
      ev('late', '2023-04-01', [
        { path: 'a', start: 50 },
        { path: 'a', start: 10 },
      ]),
      ev('early', '2023-03-01', [{ path: 'b', start: 5 }]),
    ];
    const m = buildCoverage(events, (p) => titles.find((t) => t.path === p));
    assert.deepStrictEqual(
      m.articles.map((a) => a.path),
      ['b', 'a'],
    );
    assert.deepStrictEqual(
      m.rows.map((r) => r.id),
      ['early', 'late'],
    );
    assert.deepStrictEqual(m.rows[1].cells, [{ col: 1, count: 2, first: { path: 'a', start: 10, end: 13 } }]);
    assert.deepStrictEqual(m.rows[0].cells, [{ col: 0, count: 1, first: { path: 'b', start: 5, end: 8 } }]);
    assert.deepStrictEqual(m.total, { events: 2, articles: 2 });
  });

  it('bounds the coverage matrix of a large folder to the most reported events and the articles reporting them', () => {
    // 300 events over 10,000 articles: event k is reported by k + 1 articles.
    const events = Array.from({ length: 300 }, (_, k) =>
      ev(`e${k}`, `2023-03-${String(1 + (k % 28)).padStart(2, '0')}`, [
        ...Array.from({ length: k + 1 }, (_, j) => ({ path: `p${(k * 37 + j * 101) % 10000}`, start: j })),
      ]),
    );
    const m = buildCoverage(events, (p) => ({ title: p.toUpperCase(), published: null }));
    assert.strictEqual(m.rows.length, COVERAGE_ROWS);
    assert.ok(m.articles.length <= COVERAGE_COLUMNS);
    assert.strictEqual(m.total.events, 300);
    const reported = new Set(events.flatMap((e) => e.mentions.map((x) => x.path)));
    assert.strictEqual(m.total.articles, reported.size);
    // The rows are the most widely reported events, still in timeline order.
    const ids = new Set(m.rows.map((r) => r.id));
    for (let k = 300 - COVERAGE_ROWS; k < 300; k++) assert.ok(ids.has(`e${k}`), `e${k}`);
    const dates = m.rows.map((r) => r.date!);
    assert.deepStrictEqual(dates, [...dates].sort());
    for (const r of m.rows) {
      for (const c of r.cells)
        assert.ok(c.col >= 0 && c.col < m.articles.length && m.articles[c.col].path === c.first.path);
      assert.deepStrictEqual(
        r.cells.map((c) => c.col),
        [...r.cells.map((c) => c.col)].sort((a, b) => a - b),
      );
    }
  });
});
