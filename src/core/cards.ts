// The hover cards of events and quotes: the other articles a card names, what it counts, where the articles disagree.
// A card names a few articles and counts the rest, so its size (and VS Code's work to render it) stays bounded
// however many articles report the event.
import { sentenceAt } from './article';
import { displayName } from './displayName';
import type { ArticleAnalysis, EventCluster, MentionRef, QuoteCluster, Span } from './model';

/** Other articles a card names; the rest are counted, and the card's link lists them all. */
export const CARD_ARTICLES = 8;
/** Values of one disagreement a card names (the most widely reported first); the rest are counted. */
export const CARD_VALUES = 4;
/** Candidates looked at, nearest first, to find articles worded differently from those already named. */
const SCAN = CARD_ARTICLES * 16;

export interface RelatedMention {
  path: string;
  title: string;
  /** The sentence in the other article, its text and span. */
  sentence: Span;
  sentenceText: string;
}

export interface Disagreement {
  /** What differs: "date", or the unit of a number ("kilometers", "people", "percent"). */
  detail: string;
  /** The values named, the most widely reported first, each with its number of articles. */
  values: { value: string; articles: number }[];
  /** Values not named. */
  more: number;
}

/** The other articles of a card: a few named, nearest in date first, then how many are left out. */
export interface Related {
  others: RelatedMention[];
  /** Mentions, and their articles, that the card does not name (the hovered article's own not counted). */
  more: { mentions: number; articles: number };
}

/** One article of a cluster, as a card needs it. */
interface ClusterArticle {
  path: string;
  /** Days since 1970 of its publication date; Infinity when undated (sorted last). */
  day: number;
  /** Its first mention of the cluster. */
  first: MentionRef;
  mentions: number;
  /** The sentence of the first mention, spaces collapsed, to tell other wordings apart (set when first looked at). */
  wording?: string;
}

/** What a cluster's cards share, computed once per link (in time linear in the cluster), then reused by every hover. */
interface ClusterSummary {
  mentionsRef: MentionRef[];
  count: number;
  /** By publication date, undated last. */
  articles: ClusterArticle[];
  byPath: Map<string, ClusterArticle>;
  mentions: number;
  disagreements?: Disagreement[];
}

type Analyses = ReadonlyMap<string, ArticleAnalysis>;

function dayOf(iso: string | null | undefined): number {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86_400_000 : Infinity;
}

function sentenceOf(m: MentionRef, a: ArticleAnalysis): Span {
  return m.sentence ?? sentenceAt(a.article.sentences, m.start) ?? { start: m.start, end: m.end };
}

/**
 * Cards of events and quotes over the analyses of one link. The per-cluster summary is built on the first hover of
 * the cluster after a link and kept until the next one (the analyses map is replaced by every link), so a hover's
 * own work is a binary search and a bounded scan, whatever the number of articles.
 */
export class CardBuilder {
  private source: Analyses | undefined;
  private cache = new WeakMap<object, ClusterSummary>();

  /** The articles a card on `cluster` names from `path`: same day first, then nearest in date, other wordings first. */
  related(cluster: EventCluster | QuoteCluster, path: string, analyses: Analyses): Related {
    const s = this.summary(cluster, analyses);
    const own = s.byPath.get(path);
    const day = own?.day ?? dayOf((cluster as EventCluster).date);
    const picked = nearest(s.articles, day, path, analyses);
    const others = picked.map((c) => {
      const a = analyses.get(c.path)!;
      const sentence = sentenceOf(c.first, a);
      const sentenceText = a.article.text.slice(sentence.start, sentence.end);
      return { path: c.path, title: displayName(a.article), sentence, sentenceText };
    });
    const shownMentions = picked.reduce((n, c) => n + c.mentions, 0) + (own?.mentions ?? 0);
    const articles = s.articles.length - picked.length - (own ? 1 : 0);
    return { others, more: { mentions: s.mentions - shownMentions, articles } };
  }

  /** Details the articles report differently for one event: the dates and the numbers in its sentences. */
  disagreements(event: EventCluster, analyses: Analyses): Disagreement[] {
    const s = this.summary(event, analyses);
    s.disagreements ??= findDisagreements(event.mentions, analyses);
    return s.disagreements;
  }

  private summary(cluster: EventCluster | QuoteCluster, analyses: Analyses): ClusterSummary {
    if (analyses !== this.source) {
      this.source = analyses;
      this.cache = new WeakMap();
    }
    const hit = this.cache.get(cluster);
    if (hit && hit.mentionsRef === cluster.mentions && hit.count === cluster.mentions.length) return hit;
    const s = summarise(cluster.mentions, analyses);
    this.cache.set(cluster, s);
    return s;
  }
}

function summarise(mentions: MentionRef[], analyses: Analyses): ClusterSummary {
  const byPath = new Map<string, ClusterArticle>();
  let count = 0;
  for (const m of mentions) {
    const a = analyses.get(m.path);
    if (!a) continue;
    count++;
    const seen = byPath.get(m.path);
    if (seen) {
      seen.mentions++;
      if (m.start < seen.first.start) seen.first = m;
      continue;
    }
    byPath.set(m.path, { path: m.path, day: dayOf(a.article.published?.value), first: m, mentions: 1 });
  }
  const articles = [...byPath.values()].sort((x, y) => x.day - y.day || (x.path < y.path ? -1 : 1));
  return { mentionsRef: mentions, count: mentions.length, articles, byPath, mentions: count };
}

function wordingOf(c: ClusterArticle, a: ArticleAnalysis): string {
  const s = sentenceOf(c.first, a);
  return a.article.text.slice(s.start, s.end).replace(/\s+/g, ' ').trim().toLowerCase();
}

/** First index of `articles` (sorted by day) whose day is at least `day`. */
function lowerBound(articles: ClusterArticle[], day: number): number {
  let lo = 0;
  let hi = articles.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (articles[mid].day < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Up to CARD_ARTICLES articles nearest `day` (outwards from it), skipping `path`; among the first SCAN looked at,
 * those worded differently from the ones already taken come first (a fact-checker wants other accounts, not copies).
 */
function nearest(articles: ClusterArticle[], day: number, path: string, analyses: Analyses): ClusterArticle[] {
  const candidates: ClusterArticle[] = [];
  let right = Number.isFinite(day) ? lowerBound(articles, day) : 0;
  let left = right - 1;
  while (candidates.length < SCAN && (left >= 0 || right < articles.length)) {
    const takeRight =
      left < 0 ||
      (right < articles.length && Math.abs(articles[right].day - day) <= Math.abs(day - articles[left].day));
    const c = takeRight ? articles[right++] : articles[left--];
    if (c.path !== path) candidates.push(c);
  }
  const wordings = new Set<string>();
  const picked: ClusterArticle[] = [];
  const repeats: ClusterArticle[] = [];
  for (const c of candidates) {
    if (picked.length >= CARD_ARTICLES) break;
    c.wording ??= wordingOf(c, analyses.get(c.path)!);
    if (wordings.has(c.wording)) {
      repeats.push(c);
    } else {
      wordings.add(c.wording);
      picked.push(c);
    }
  }
  for (const c of repeats) if (picked.length < CARD_ARTICLES) picked.push(c);
  return picked;
}

const NUMBER = /\b(\d[\d,.]*)\s+(kilometers|km|miles|people|dead|killed|injured|percent|%|billion|million)\b/g;

const FULL_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The day the article gives this mention itself, as event detection resolved it (null: none), or undefined when the
 * detections are not kept (then every day in its sentence counts). Only its own: in "stay suspended after Monday's
 * collision, Valtroni told reporters yesterday" the collision was on Monday, and "yesterday" is when she spoke.
 */
function ownDate(a: ArticleAnalysis, m: MentionRef): string | null | undefined {
  const events = a.detected?.events;
  if (!events) return undefined;
  const k = events.triggerStart.indexOf(m.start);
  return k < 0 ? undefined : events.date[k];
}

function findDisagreements(mentions: MentionRef[], analyses: Analyses): Disagreement[] {
  const dateValues = new Map<string, Set<string>>();
  const numberValues = new Map<string, Map<string, Set<string>>>();
  for (const m of mentions) {
    const a = analyses.get(m.path);
    if (!a || !m.sentence) continue;
    const s = m.sentence;
    const own = ownDate(a, m);
    if (own !== undefined) {
      if (own && FULL_DAY.test(own)) addTo(dateValues, own, m.path);
    } else {
      for (const d of a.dates) {
        if (d.start >= s.start && d.end <= s.end && d.type === 'DATE' && FULL_DAY.test(d.value)) {
          addTo(dateValues, d.value, m.path);
        }
      }
    }
    for (const n of a.article.text.slice(s.start, s.end).matchAll(NUMBER)) {
      const unit = n[2] === '%' ? 'percent' : n[2];
      const byValue = numberValues.get(unit) ?? new Map<string, Set<string>>();
      numberValues.set(unit, byValue);
      addTo(byValue, n[1], m.path);
    }
  }
  const out: Disagreement[] = [];
  if (dateValues.size > 1) out.push(bounded('date', dateValues));
  for (const [unit, values] of numberValues) if (values.size > 1) out.push(bounded(unit, values));
  return out;
}

function addTo(map: Map<string, Set<string>>, key: string, path: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(path);
  map.set(key, set);
}

/** The CARD_VALUES most widely reported values (ties in the order first seen), and how many more there are. */
function bounded(detail: string, map: Map<string, Set<string>>): Disagreement {
  const all = [...map].map(([value, paths]) => ({ value, articles: paths.size }));
  const values = all
    .map((v, i) => ({ v, i }))
    .sort((x, y) => y.v.articles - x.v.articles || x.i - y.i)
    .slice(0, CARD_VALUES)
    .map((x) => x.v);
  return { detail, values, more: all.length - values.length };
}
