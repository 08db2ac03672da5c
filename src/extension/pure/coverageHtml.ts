// The coverage matrix page (events × articles): static HTML with every
// article string escaped here, a nonce'd script that only posts cell clicks.
import type { CoverageCell, CoverageMatrix } from './viewModel';

/** Message the page posts when a cell is clicked; indices into the matrix the extension keeps. */
export interface CoverageClick {
  type: 'open';
  row: number;
  col: number;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Posted once the page's script has run: how many cell buttons the page holds (tests check the page really rendered).
 */
export interface CoverageReady {
  type: 'ready';
  buttons: number;
}

export function isCoverageReady(msg: unknown): msg is CoverageReady {
  const m = msg as Partial<CoverageReady> | null;
  return !!m && m.type === 'ready' && Number.isInteger(m.buttons);
}

export function isCoverageClick(msg: unknown): msg is CoverageClick {
  const m = msg as Partial<CoverageClick> | null;
  return !!m && m.type === 'open' && Number.isInteger(m.row) && Number.isInteger(m.col);
}

/** The page's style sheet, one rule a line. */
const STYLE = [
  'body { color: var(--vscode-foreground); background: var(--vscode-editor-background); ' +
    'font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 12px; }',
  'h1 { font-size: 1.2em; font-weight: 600; }',
  '.summary { color: var(--vscode-descriptionForeground); }',
  'table { border-collapse: collapse; }',
  'th, td { border: 1px solid var(--vscode-panel-border, var(--vscode-editorGroup-border)); padding: 4px 6px; ' +
    'vertical-align: top; }',
  'thead th { position: sticky; top: 0; background: var(--vscode-editor-background); text-align: left; ' +
    'font-weight: 600; max-width: 12em; }',
  'thead th .col { display: block; overflow-wrap: anywhere; }',
  '.pub, .when { display: block; color: var(--vscode-descriptionForeground); font-weight: normal; font-size: 0.9em; }',
  'tbody th { text-align: left; font-weight: normal; max-width: 28em; }',
  'td { text-align: center; }',
  'td.empty { background: var(--vscode-editor-background); }',
  'button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); ' +
    // High-contrast themes draw buttons by their border, not their fill.
    'border: 1px solid var(--vscode-contrastBorder, transparent); ' +
    'border-radius: 2px; padding: 2px 8px; cursor: pointer; font: inherit; }',
  'button:hover { background: var(--vscode-button-hoverBackground); }',
  // A focus ring that stays visible in every theme (high contrast included), from the keyboard and the mouse.
  'button:focus, button:focus-visible { outline: 2px solid var(--vscode-focusBorder); outline-offset: 2px; }',
  '.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); ' +
    'white-space: nowrap; }',
  '.count { margin-left: 4px; font-size: 0.85em; }',
  '.none { color: var(--vscode-descriptionForeground); }',
]
  .map((rule) => `  ${rule}`)
  .join('\n');

const shorten = (s: string, max: number) => (s.length > max ? s.slice(0, max - 1) + '…' : s);

/** What a screen reader says for a reported cell: the ✓ alone means nothing, so the label carries it all. */
export function cellLabel(event: string, article: string, count: number): string {
  const mentions = `${count} mention${count === 1 ? '' : 's'}`;
  return `${event}: reported in ${article}: ${mentions}, first opens on Enter`;
}

/** A row's cells, one per column (null where the article does not report the event). */
function denseCells(cells: CoverageCell[], columns: number): (CoverageCell | null)[] {
  const out: (CoverageCell | null)[] = new Array<CoverageCell | null>(columns).fill(null);
  for (const c of cells) if (c.col < columns) out[c.col] = c;
  return out;
}

/** What a bounded matrix leaves out (the Events view lists every event, its articles and mentions). */
function boundNote(m: CoverageMatrix): string {
  const { events, articles } = m.total;
  if (events <= m.rows.length && articles <= m.articles.length) return '';
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    ` Showing the ${n(m.rows.length)} events of ${n(events)} reported by the most articles, and the ` +
    `${n(m.articles.length)} articles of ${n(articles)} that report most of them; the Events view lists them all.`
  );
}

/** `cspSource` is the webview's own origin (webview.cspSource); nothing else may load. */
export function coverageHtml(matrix: CoverageMatrix, nonce: string, cspSource: string): string {
  const csp = [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
  ].join('; ');
  const head = matrix.articles
    .map((a) => {
      const full = a.published ? `${a.title} (${a.published})` : a.title;
      const pub = a.published ? `<span class="pub">${escapeHtml(a.published)}</span>` : '';
      return (
        `<th scope="col" title="${escapeHtml(full)}">` +
        `<span class="col">${escapeHtml(shorten(a.title, 40))}</span>${pub}</th>`
      );
    })
    .join('');
  const body = matrix.rows
    .map((r, ri) => {
      const when = [r.date ?? 'undated', r.place].filter(Boolean).join(' · ');
      const cells = denseCells(r.cells, matrix.articles.length)
        .map((c, ci) => {
          if (!c) return '<td class="empty"><span class="sr-only">not reported</span></td>';
          const label = escapeHtml(cellLabel(r.label, matrix.articles[ci].title, c.count));
          const attrs = `data-row="${ri}" data-col="${ci}" title="${label}" aria-label="${label}"`;
          return `<td><button type="button" ${attrs}>✓<span class="count">${c.count}</span></button></td>`;
        })
        .join('');
      return (
        `<tr><th scope="row"><div class="label">${escapeHtml(r.label)}</div>` +
        `<div class="when">${escapeHtml(when)}</div></th>${cells}</tr>`
      );
    })
    .join('\n');
  const table = matrix.rows.length
    ? `<table><thead><tr><th scope="col" class="corner">Event</th>${head}</tr></thead>` +
      `<tbody>\n${body}\n</tbody></table>`
    : '<p class="none">No event is reported in the articles yet.</p>';
  const events = `${matrix.rows.length} event${matrix.rows.length === 1 ? '' : 's'}`;
  const articles = `${matrix.articles.length} article${matrix.articles.length === 1 ? '' : 's'}`;
  const bounded = boundNote(matrix);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Event coverage</title>
<style nonce="${nonce}">
${STYLE}
</style>
</head>
<body>
<h1>Event coverage</h1>
<p class="summary">${events} × ${articles}.${bounded}
Click a ✓ (or Tab to it and press Enter) to open the article at the event; arrow keys move between the cells.</p>
${table}
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (e) => {
    const b = e.target instanceof Element ? e.target.closest('button[data-row]') : null;
    if (!b) return;
    vscode.postMessage({ type: 'open', row: Number(b.dataset.row), col: Number(b.dataset.col) });
  });
  // Arrow keys move to the nearest reported cell in that direction (Tab still visits every cell in order).
  const moves = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
  document.addEventListener('keydown', (e) => {
    const b = e.target instanceof Element ? e.target.closest('button[data-row]') : null;
    const move = moves[e.key];
    if (!b || !move) return;
    let row = Number(b.dataset.row);
    let col = Number(b.dataset.col);
    for (;;) {
      row += move[0];
      col += move[1];
      if (row < 0 || col < 0 || row >= ${matrix.rows.length} || col >= ${matrix.articles.length}) return;
      const next = document.querySelector('button[data-row="' + row + '"][data-col="' + col + '"]');
      if (next) {
        e.preventDefault();
        next.focus();
        return;
      }
    }
  });
  vscode.postMessage({ type: 'ready', buttons: document.querySelectorAll('button[data-row]').length });
</script>
</body>
</html>`;
}
