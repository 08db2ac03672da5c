// Pure data shaping for the side-bar views and the coverage
// matrix (no `vscode` import: used by the worker and unit tests).
import type { EntityRecord, EntityType, EventCluster, MentionRef, QuoteCluster, Span } from '../../core/model';
import { fileName } from '../../core/text/paths';

/** One mention with the sentence around it, ready to show as a tree item. */
export interface MentionExcerpt extends Span {
  /** The sentence holding the mention, whitespace collapsed and shortened; plain text, never markup. */
  excerpt: string;
}

/** The mentions of one entity, event or quote in one article. */
export interface MentionGroup {
  path: string;
  title: string;
  published: string | null;
  mentions: MentionExcerpt[];
}

export type MentionKind = 'entity' | 'event' | 'quote';

export interface CoverageCell {
  /** The column: an index into the matrix's `articles`. */
  col: number;
  count: number;
  /** The first mention in the article, opened when the cell is clicked. */
  first: MentionRef;
}

export interface CoverageRow {
  id: string;
  label: string;
  date: string | null;
  place: string | null;
  /** The articles of `articles` that report the event, by column; the others are empty (sparse). */
  cells: CoverageCell[];
}

export interface CoverageMatrix {
  articles: { path: string; title: string; published: string | null }[];
  rows: CoverageRow[];
  /** Events and reporting articles in the folder; more than shown when the matrix was bounded. */
  total: { events: number; articles: number };
}

/** The most events (rows) and articles (columns) the matrix shows: a page a person can read and a webview can draw. */
export const COVERAGE_ROWS = 60;
export const COVERAGE_COLUMNS = 120;

export const ENTITY_GROUPS: readonly { type: EntityType; label: string }[] = [
  { type: 'PERSON', label: 'People' },
  { type: 'ORGANIZATION', label: 'Organisations' },
  { type: 'PLACE', label: 'Places' },
  { type: 'NATIONALITY', label: 'Nationalities' },
];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Entities of one type, the most widely reported first (articles, then mentions, then name). */
export function entitiesOfType(records: readonly EntityRecord[], type: EntityType): EntityRecord[] {
  return records
    .filter((r) => r.type === type)
    .sort(
      (a, b) =>
        b.articles.length - a.articles.length ||
        b.mentionCount - a.mentionCount ||
        a.canonical.localeCompare(b.canonical),
    );
}

export function entityDescription(r: EntityRecord): string {
  return `${plural(r.articles.length, 'article', 'articles')} · ${plural(r.mentionCount, 'mention', 'mentions')}`;
}

export function entityTooltip(r: EntityRecord): string {
  const others = r.spellings.filter((s) => s !== r.canonical);
  return others.length ? `${r.canonical}\nAlso written: ${others.join(', ')}` : `${r.canonical}\nNo other spelling`;
}

/**
 * A sortable key for a TIMEX3 value ("2023-03-16", "2023-W10", "2023-05", "2019"), or null when it names
 * no calendar time (PRESENT_REF, XXXX-XX-XX, durations). Coarser values sort before finer ones in the same period.
 */
export function timexSortKey(value: string | null): string | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(?:(\d{2})|W(\d{2}))(?:-(\d{2}))?)?/.exec(value);
  if (!m) return null;
  let month = m[2];
  let day = m[4];
  if (m[3]) {
    // ISO week N starts around day 7N-6 of the year; close enough to place it among dated events.
    const d = new Date(Date.UTC(Number(m[1]), 0, 1 + (Number(m[3]) - 1) * 7));
    month = String(d.getUTCMonth() + 1).padStart(2, '0');
    day = String(d.getUTCDate()).padStart(2, '0');
  }
  return [m[1], month, day].filter((p) => p !== undefined).join('-');
}

/** Events in timeline order: dated ones by date, undated last, ties by label (each key computed once). */
export function eventsByDate<E extends { date: string | null; label: string }>(events: readonly E[]): E[] {
  return events
    .map((e) => ({ e, k: timexSortKey(e.date) }))
    .sort((a, b) => {
      if (a.k !== b.k) {
        if (a.k === null) return 1;
        if (b.k === null) return -1;
        return a.k < b.k ? -1 : 1;
      }
      return a.e.label.localeCompare(b.e.label);
    })
    .map((x) => x.e);
}

/** What the Events view shows of an event: no mentions, which the host would only count (see eventRows). */
export interface EventRow {
  id: string;
  label: string;
  date: string | null;
  place: string | null;
  /** Articles that report it. */
  articles: number;
}

/** What the Quotes view shows of a quote. */
export interface QuoteRow {
  id: string;
  speaker: string | null;
  text: string;
  articles: number;
}

const articlesOf = (c: { mentions: readonly MentionRef[] }) => new Set(c.mentions.map((m) => m.path)).size;

/** The Events view's rows in timeline order, made as they are sent (counting articles reads the mentions). */
export function* eventRows(events: readonly EventCluster[]): Iterable<EventRow> {
  for (const e of eventsByDate(events))
    yield { id: e.id, label: e.label, date: e.date, place: e.place, articles: articlesOf(e) };
}

/** The Quotes view's rows, the most widely reported first, then by speaker. */
export function quoteRows(quotes: readonly QuoteCluster[]): QuoteRow[] {
  return quotes
    .map((q) => ({ id: q.id, speaker: q.speaker, text: q.text, articles: articlesOf(q) }))
    .sort((a, b) => b.articles - a.articles || (a.speaker ?? '~').localeCompare(b.speaker ?? '~'));
}

export function eventDescription(e: EventRow): string {
  return [e.date ?? 'undated', e.place, plural(e.articles, 'article', 'articles')].filter(Boolean).join(' · ');
}

export function quoteLabel(q: { speaker: string | null; text: string }, words = 8): string {
  const tokens = q.text.replace(/\s+/g, ' ').trim().split(' ');
  const opening = tokens.slice(0, words).join(' ') + (tokens.length > words ? '…' : '');
  return `${q.speaker ?? 'Unattributed'}: “${opening}”`;
}

export function quoteDescription(q: QuoteRow): string {
  return plural(q.articles, 'article', 'articles');
}

/** The sentence (or a window around the mention) as one short line of plain text. */
export function excerptOf(text: string, mention: Span, sentence: Span | undefined, max = 160): string {
  const s =
    sentence && sentence.start <= mention.start && sentence.end >= mention.end
      ? sentence
      : { start: mention.start, end: mention.end };
  let start = s.start;
  let end = s.end;
  if (end - start > max) {
    // Keep the mention in view: centre the window on it.
    const room = Math.max(0, max - (mention.end - mention.start));
    start = Math.max(s.start, mention.start - Math.floor(room / 2));
    end = Math.min(s.end, start + max);
  }
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return (start > s.start ? '…' : '') + body + (end < s.end ? '…' : '');
}

export interface ArticleSource {
  text: string;
  title: string | null;
  published: string | null;
  /** The sentence that holds an offset. */
  sentenceAt(offset: number): Span | undefined;
}

/** Mentions grouped by article (articles by publication date, then title), each with its sentence excerpt. */
export function groupMentions(
  refs: readonly MentionRef[],
  article: (path: string) => ArticleSource | undefined,
): MentionGroup[] {
  const byPath = new Map<string, MentionGroup>();
  for (const ref of refs) {
    const a = article(ref.path);
    if (!a) continue;
    let g = byPath.get(ref.path);
    if (!g) {
      g = { path: ref.path, title: a.title ?? fileName(ref.path), published: a.published, mentions: [] };
      byPath.set(ref.path, g);
    }
    g.mentions.push({
      start: ref.start,
      end: ref.end,
      excerpt: excerptOf(a.text, ref, ref.sentence ?? a.sentenceAt(ref.start)),
    });
  }
  for (const g of byPath.values()) g.mentions.sort((x, y) => x.start - y.start);
  return [...byPath.values()].sort(compareArticles);
}

function compareArticles(a: { published: string | null; title: string; path: string }, b: typeof a): number {
  if (a.published !== b.published) {
    if (a.published === null) return 1;
    if (b.published === null) return -1;
    return a.published < b.published ? -1 : 1;
  }
  return a.title.localeCompare(b.title) || a.path.localeCompare(b.path);
}

/** How many articles report each event (one pass over the mentions). */
function articleCounts(events: readonly EventCluster[]): Map<EventCluster, Map<string, MentionRef[]>> {
  const out = new Map<EventCluster, Map<string, MentionRef[]>>();
  for (const e of events) {
    const byPath = new Map<string, MentionRef[]>();
    for (const m of e.mentions) {
      const list = byPath.get(m.path);
      if (list) list.push(m);
      else byPath.set(m.path, [m]);
    }
    out.set(e, byPath);
  }
  return out;
}

/** The `n` largest by `size` (ties in their order), in their order. */
function largest<T>(items: readonly T[], n: number, size: (t: T) => number): T[] {
  if (items.length <= n) return [...items];
  const keep = new Set(
    items
      .map((t, i) => ({ t, i, k: size(t) }))
      .sort((a, b) => b.k - a.k || a.i - b.i)
      .slice(0, n)
      .map((x) => x.t),
  );
  return items.filter((t) => keep.has(t));
}

/**
 * Events × articles, sparse and bounded: the COVERAGE_ROWS events reported by the most articles (in timeline
 * order), and as columns the COVERAGE_COLUMNS articles reporting most of those (by date). Time and size grow with
 * the mentions of the folder and the bounds, never with events × articles.
 */
export function buildCoverage(
  events: readonly EventCluster[],
  titleOf: (path: string) => { title: string | null; published: string | null } | undefined,
): CoverageMatrix {
  const byEvent = articleCounts(events);
  const reporting = new Map<string, number>();
  for (const byPath of byEvent.values()) for (const p of byPath.keys()) reporting.set(p, (reporting.get(p) ?? 0) + 1);
  const known = new Map<string, { title: string | null; published: string | null }>();
  for (const p of reporting.keys()) {
    const t = titleOf(p);
    if (t) known.set(p, t);
  }
  const chosen = largest(eventsByDate(events), COVERAGE_ROWS, (e) => byEvent.get(e)!.size);
  const shownCount = new Map<string, number>();
  for (const e of chosen) for (const p of byEvent.get(e)!.keys()) shownCount.set(p, (shownCount.get(p) ?? 0) + 1);
  const columns = largest(
    [...shownCount.keys()].filter((p) => known.has(p)),
    COVERAGE_COLUMNS,
    (p) => shownCount.get(p)!,
  );
  const articles = columns
    .map((p) => ({ path: p, title: known.get(p)!.title ?? fileName(p), published: known.get(p)!.published }))
    .sort(compareArticles);
  const column = new Map(articles.map((a, i) => [a.path, i]));
  const rows = chosen.map((e): CoverageRow => {
    const cells: CoverageCell[] = [];
    for (const [p, ms] of byEvent.get(e)!) {
      const col = column.get(p);
      if (col === undefined) continue;
      const m = ms.reduce((a, b) => (b.start < a.start ? b : a));
      cells.push({ col, count: ms.length, first: { path: m.path, start: m.start, end: m.end } });
    }
    cells.sort((a, b) => a.col - b.col);
    return { id: e.id, label: e.label, date: e.date, place: e.place, cells };
  });
  return { articles, rows, total: { events: events.length, articles: known.size } };
}
