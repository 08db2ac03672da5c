import * as assert from 'assert';
import {
  cellLabel,
  coverageHtml,
  escapeHtml,
  isCoverageClick,
  isCoverageReady,
} from '../../../../src/extension/pure/coverageHtml';
import type { CoverageMatrix } from '../../../../src/extension/pure/viewModel';

const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>" onmouseover="x';
const matrix: CoverageMatrix = {
  articles: [
    { path: 'file:///a.txt', title: hostile, published: '2023-03-16' },
    { path: 'file:///b.txt', title: 'Plain', published: null },
  ],
  rows: [
    {
      id: 'e',
      label: hostile,
      date: '2023-03-16',
      place: '<b>Tokyo</b>',
      cells: [{ col: 0, count: 2, first: { path: 'file:///a.txt', start: 1, end: 2 } }],
    },
  ],
  total: { events: 1, articles: 2 },
};

describe('views: coverage page', () => {
  const html = coverageHtml(matrix, 'abc123', 'https://webview.example');

  it('escapes every article string', () => {
    assert.ok(!html.includes('<img'), 'raw img tag');
    assert.ok(!html.includes('<b>Tokyo'), 'raw b tag');
    assert.ok(!html.includes('" onmouseover'), 'attribute break-out');
    assert.ok(html.includes('&#60;script&#62;alert(2)'), 'escaped text missing');
    assert.strictEqual(escapeHtml(`<&>"'\``), '&#60;&#38;&#62;&#34;&#39;&#96;');
  });

  it('allows only its own nonce script and loads nothing remote', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc123'(;|$)/);
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    assert.deepStrictEqual(scripts, [' nonce="abc123"']);
    assert.ok(!/\b(src|href)="https?:/.test(html), 'remote resource');
    assert.ok(!/innerHTML/.test(html));
    // The script reports how many cells it found, and posts only indices on a click.
    assert.match(
      html,
      /postMessage\(\{ type: 'ready', buttons: document\.querySelectorAll\('button\[data-row\]'\)\.length \}\)/,
    );
  });

  it('draws a ✓ button with the count for a reported cell and an empty cell otherwise', () => {
    assert.match(html, /<button type="button" data-row="0" data-col="0"[^>]*>✓<span class="count">2<\/span><\/button>/);
    assert.strictEqual((html.match(/data-row="\d/g) ?? []).length, 1);
    assert.match(html, /1 event × 2 articles/);
  });

  it('labels every reported cell in words for a screen reader', () => {
    const labels = [...html.matchAll(/<button [^>]*aria-label="([^"]+)"/g)].map((m) => m[1]);
    assert.strictEqual(labels.length, 1);
    assert.match(labels[0], /reported in &#60;img .*: 2 mentions, first opens on Enter$/);
    assert.strictEqual(cellLabel('Quake', 'Plain', 1), 'Quake: reported in Plain: 1 mention, first opens on Enter');
    assert.match(html, /<td class="empty"><span class="sr-only">not reported<\/span><\/td>/);
    assert.match(html, /<th scope="col" class="corner">Event<\/th>/);
    assert.strictEqual((html.match(/<th scope="row">/g) ?? []).length, 1);
    assert.strictEqual((html.match(/<th scope="col"/g) ?? []).length, 3);
  });

  it('makes every clickable cell focusable by keyboard, with a visible focus ring', () => {
    // Clicks are handled for button[data-row] only, and a button without tabindex="-1" or disabled is in the Tab order.
    const clickable = [...html.matchAll(/<(\w+) [^>]*data-row="/g)].map((m) => m[0]);
    assert.ok(clickable.length > 0);
    for (const tag of clickable) {
      assert.match(tag, /^<button type="button"/, tag);
      assert.ok(!/tabindex="-1"|disabled/.test(tag), tag);
    }
    assert.match(html, /button:focus, button:focus-visible \{ outline: 2px solid var\(--vscode-focusBorder\)/);
    assert.match(html, /addEventListener\('keydown'/);
  });

  it('accepts only well-formed click messages', () => {
    assert.ok(isCoverageClick({ type: 'open', row: 0, col: 1 }));
    assert.ok(!isCoverageClick({ type: 'open', row: '0', col: 1 }));
    assert.ok(!isCoverageClick({ type: 'run', row: 0, col: 1 }));
    assert.ok(!isCoverageClick(null));
    assert.ok(isCoverageReady({ type: 'ready', buttons: 3 }));
    assert.ok(!isCoverageReady({ type: 'ready' }));
  });

  it('says so when no event is reported', () => {
    assert.match(coverageHtml({ articles: [], rows: [], total: { events: 0, articles: 0 } }, 'n', 's'), /No event/);
  });

  it('draws a sparse row as one cell per column, and says what a bounded matrix leaves out', () => {
    assert.strictEqual((html.match(/<td/g) ?? []).length, 2);
    assert.ok(!html.includes('Showing the'));
    const bounded = coverageHtml({ ...matrix, total: { events: 1234, articles: 10000 } }, 'n', 's');
    assert.match(bounded, /Showing the 1 events of 1,234 reported by the most articles, and the 2 articles of 10,000/);
  });
});
