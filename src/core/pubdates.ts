// Infers publication dates of undated articles from events they share with dated ones: an article that
// reports "on Thursday" the summit another article dates March 16, 2023 was published that day.
import { clusterEventsSteps, EventMention, findEventMentions } from './events';
import { ArticleAnalysis, EventCluster, PublishedDate } from './model';
import { isExactDay, parseTimex } from './text/datecompat';
import { fileName } from './text/paths';
import { drain, Pacer, Steps } from './steps';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** How a reference to the event's day relates to the day of writing: 0 for "today"/"Thursday", 1 for "yesterday". */
function daysBeforeWriting(dateText: string | undefined): number | null {
  if (!dateText) return null;
  const t = dateText.toLowerCase();
  if (/\b(today|tonight|this (morning|afternoon|evening))\b/.test(t)) return 0;
  if (/\b(yesterday|last night)\b/.test(t)) return 1;
  if (WEEKDAYS.some((d) => t.includes(d))) return 0;
  return null;
}

function weekdayMatches(dateText: string | undefined, iso: string): boolean {
  if (!dateText) return true;
  const t = dateText.toLowerCase();
  const named = WEEKDAYS.findIndex((d) => t.includes(d));
  if (named < 0) return true;
  const wd = (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7;
  return wd === named;
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
}

/** How a reason names an article: its headline and file name (paths may be URIs: only the last part). */
function articleName(analyses: Map<string, ArticleAnalysis>, path: string): string {
  const file = fileName(path);
  const title = analyses.get(path)?.article.title;
  return title ? `“${title}” (${file})` : file;
}

interface Candidate {
  value: string;
  strength: number;
  reason: string;
  fromArticle: string;
}

/** Is the mention in the article's lead (title or first body sentences), where news reports the day's event? */
function inLead(analysis: ArticleAnalysis, m: EventMention): boolean {
  const a = analysis.article;
  if (a.titleSpan && m.trigger.start >= a.titleSpan.start && m.trigger.end <= a.titleSpan.end) return true;
  const body = a.sentences.filter(
    (s) =>
      !a.boilerplate.some((b) => s.start >= b.start && s.start < b.end) && (!a.titleSpan || s.start >= a.titleSpan.end),
  );
  return body.slice(0, 2).some((s) => m.trigger.start >= s.start && m.trigger.start < s.end);
}

/** `clusters`: the folder's clusters that have a mention in the article at `path`, in the folder's order. */
function candidatesFor(
  path: string,
  clusters: EventCluster[],
  mentionsAt: Map<string, EventMention>,
  analyses: Map<string, ArticleAnalysis>,
): Candidate[] {
  const out: Candidate[] = [];
  const key = (p: string, start: number) => `${p}\u0000${start}`;
  for (const c of clusters) {
    const own = c.mentions
      .filter((r) => r.path === path)
      .map((r) => mentionsAt.get(key(r.path, r.start))!)
      .filter(Boolean);
    if (!own.length) continue;
    // The event's day as dated articles give it; an absolute date in the text beats one resolved from "Thursday".
    let anchor: { value: string; from: string; absolute: boolean } | null = null;
    for (const r of c.mentions) {
      if (r.path === path) continue;
      const other = analyses.get(r.path);
      if (!other?.article.published) continue;
      const m = mentionsAt.get(key(r.path, r.start));
      if (!m?.date || !isExactDay(m.date)) continue;
      const absolute = !m.dateRelative;
      if (!anchor || (absolute && !anchor.absolute)) anchor = { value: m.date, from: r.path, absolute };
    }
    if (!anchor) continue;
    for (const m of own) {
      // A mention that carries its own full date says nothing about when it was written.
      if (m.date && isExactDay(m.date) && !m.dateRelative) continue;
      if (!weekdayMatches(m.dateText, anchor.value)) continue;
      const lag = daysBeforeWriting(m.dateText);
      const said = m.dateText ? ` ("${m.dateText}")` : '';
      if (lag !== null) {
        out.push({
          value: addDays(anchor.value, lag),
          strength: 3,
          fromArticle: anchor.from,
          reason: `reports the ${c.label}${said}, which ${articleName(analyses, anchor.from)} dates ${anchor.value}`,
        });
      } else if (!m.date && inLead(analyses.get(path)!, m)) {
        out.push({
          value: anchor.value,
          strength: 2,
          fromArticle: anchor.from,
          reason: `leads with the ${c.label}, which ${articleName(analyses, anchor.from)} dates ${anchor.value}`,
        });
      } else if (!m.date || !parseTimex(m.date)) {
        out.push({
          value: anchor.value,
          strength: 1,
          fromArticle: anchor.from,
          reason: `mentions the ${c.label}, which ${articleName(analyses, anchor.from)} dates ${anchor.value}`,
        });
      }
    }
  }
  return out;
}

/**
 * For articles without a publication date, infer it from what they share with dated articles. Returns path →
 * PublishedDate (origin 'corpus', reason naming the event and `fromArticle`). Runs a few rounds: a newly dated
 * article is re-analysed (its "Thursday" now resolves) and may date others in turn.
 */
export function inferPublicationDates(
  analyses: ArticleAnalysis[],
  reanalyze?: (path: string, published: string) => ArticleAnalysis,
  /** The caller's cached event mentions of an analysis, so they are not found twice. */
  mentionsFor: (a: ArticleAnalysis) => EventMention[] = findEventMentions,
): Map<string, PublishedDate> {
  return drain(inferPublicationDatesSteps(analyses, reanalyze, mentionsFor));
}

/**
 * inferPublicationDates in steps: per article of a round (finding an article's mentions, or re-analysing it, is a
 * step of its own), the clustering in its own steps.
 */
export function* inferPublicationDatesSteps(
  analyses: ArticleAnalysis[],
  reanalyze?: (path: string, published: string) => ArticleAnalysis,
  mentionsFor: (a: ArticleAnalysis) => EventMention[] = findEventMentions,
  pace = new Pacer(),
): Steps<Map<string, PublishedDate>> {
  const result = new Map<string, PublishedDate>();
  const current = new Map(analyses.map((a) => [a.article.path, a]));
  const mentionCache = new Map<string, EventMention[]>();
  const mentionsOf = (a: ArticleAnalysis) => {
    let ms = mentionCache.get(a.article.path);
    if (!ms) {
      ms = mentionsFor(a);
      mentionCache.set(a.article.path, ms);
    }
    return ms;
  };
  for (let round = 0; round < 4; round++) {
    const undated = [...current.values()].filter((a) => !a.article.published && !result.has(a.article.path));
    if (pace.add(current.size / 16)) yield;
    if (!undated.length || undated.length === current.size) break;
    const mentions = yield* datingMentions(current, result, mentionsOf, mentionCache, pace);
    const mentionsAt = yield* mentionIndex(mentions, pace);
    pace.end();
    yield;
    const clusters = yield* clusterEventsSteps(mentions);
    const clustersOf = yield* clustersByPath(clusters, pace);
    let changed = false;
    for (const a of undated) {
      const path = a.article.path;
      const cands = candidatesFor(path, clustersOf.get(path) ?? [], mentionsAt, current);
      if (pace.add(1 + cands.length)) yield;
      // The strongest evidence wins; among equals the latest day, since an article reports what already happened.
      cands.sort(
        (x, y) =>
          y.strength - x.strength || y.value.localeCompare(x.value) || x.fromArticle.localeCompare(y.fromArticle),
      );
      const best = cands[0];
      if (!best || best.strength < 2) continue;
      const published: PublishedDate = {
        value: best.value,
        origin: 'corpus',
        reason: best.reason,
        fromArticle: best.fromArticle,
      };
      result.set(path, published);
      const next = reanalyze ? reanalyze(path, best.value) : { ...a, article: { ...a.article, published } };
      current.set(path, { ...next, article: { ...next.article, published } });
      mentionCache.delete(path);
      changed = true;
      if (pace.whole()) yield;
    }
    if (!changed) break;
  }
  return result;
}

/**
 * Only what can date an article takes part: every mention of the undated articles that can date it, and the
 * mentions of dated ones that pin a day. On a large folder that is a small share of all mentions.
 */
function* datingMentions(
  current: Map<string, ArticleAnalysis>,
  result: Map<string, PublishedDate>,
  mentionsOf: (a: ArticleAnalysis) => EventMention[],
  cached: Map<string, EventMention[]>,
  pace: Pacer,
): Steps<EventMention[]> {
  const mentions: EventMention[] = [];
  for (const x of current.values()) {
    // Finding an article's mentions (one not cached yet) is a step of its own.
    const known = cached.has(x.article.path);
    const ms = mentionsOf(x);
    // Of an undated article only what can date it counts (see candidatesFor: a day named relative to
    // the writing, or an undated event in the lead); the rest would only make clustering slower.
    if (!x.article.published && !result.has(x.article.path)) {
      for (const m of ms) if (daysBeforeWriting(m.dateText) !== null || (!m.date && inLead(x, m))) mentions.push(m);
    } else {
      for (const m of ms) if (isExactDay(m.date)) mentions.push(m);
    }
    if (known ? pace.add(1 + ms.length) : pace.whole()) yield;
  }
  return mentions;
}

/** The dating mentions by article and trigger start, in steps: a large folder has a hundred thousand of them. */
function* mentionIndex(mentions: EventMention[], pace: Pacer): Steps<Map<string, EventMention>> {
  const at = new Map<string, EventMention>();
  for (const m of mentions) {
    at.set(`${m.path}\u0000${m.trigger.start}`, m);
    if (pace.add()) yield;
  }
  return at;
}

/** Each article's clusters, in the clusters' order, so an article looks only at the events it reports. */
function* clustersByPath(clusters: EventCluster[], pace: Pacer): Steps<Map<string, EventCluster[]>> {
  const out = new Map<string, EventCluster[]>();
  for (const c of clusters) {
    for (const r of c.mentions) {
      const list = out.get(r.path);
      if (!list) out.set(r.path, [c]);
      else if (list[list.length - 1] !== c) list.push(c);
    }
    if (pace.add(c.mentions.length)) yield;
  }
  return out;
}
