// What a whole article is about, for telling stories apart: entity ids, years and its most frequent words.
import { ArticleAnalysis, EntityMention } from '../model';
import { contentStems } from '../text/stem';
import { inside } from './triggers';

/** Most frequent content words kept per article for its context: enough to tell stories apart, small to store. */
const CONTEXT_WORDS = 80;
/**
 * A year counts as this many words: two stories of one kind (a fire in 2008, another in 2013) share their words,
 * seldom their years. Measured on ECB+ train (tuned): 4 and more separate its subtopics alike; 1 does less.
 */
const YEAR_WEIGHT = 4;

export function articleContext(analysis: ArticleAnalysis): Record<string, number> {
  const { text } = analysis.article;
  const sentences = analysis.article.sentences;
  const topics = articleTopics(analysis, (i) => contentStems(text.slice(sentences[i].start, sentences[i].end)));
  return withEntities(analysis.entities, Object.keys(topics), Object.values(topics));
}

/**
 * The article's years and most frequent words (`w:` keys): the part of its context that linking never changes, so
 * detection keeps it with the article. `sentenceWords(i)` gives the content stems of sentence i.
 */
export function articleTopics(
  analysis: ArticleAnalysis,
  sentenceWords: (i: number) => string[],
): Record<string, number> {
  const ctx: Record<string, number> = {};
  const { article } = analysis;
  const years = analysis.dates.filter((d) => d.type === 'DATE').map((d) => d.value);
  for (const value of years) {
    const y = /^(\d{4})/.exec(value);
    if (y) ctx[`year:${y[1]}`] = (ctx[`year:${y[1]}`] ?? 0) + YEAR_WEIGHT;
  }
  const counts = new Map<string, number>();
  article.sentences.forEach((s, i) => {
    if (inside(article.boilerplate, s.start)) return;
    for (const w of sentenceWords(i)) {
      if (/^\d+$/.test(w)) continue;
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  });
  for (const [w, n] of topWords(counts)) ctx[`w:${w}`] = n;
  return ctx;
}

const PLAIN = /^[a-z0-9]*$/;

/** Words in localeCompare's order; plain lower-case words compare by code units, which is that order for them. */
function sortWords(words: string[]): void {
  if (words.every((w) => PLAIN.test(w))) {
    words.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return;
  }
  const keyed = words.map((w) => ({ w, plain: PLAIN.test(w) }));
  keyed.sort((a, b) => (a.plain && b.plain ? (a.w < b.w ? -1 : a.w > b.w ? 1 : 0) : a.w.localeCompare(b.w)));
  for (let k = 0; k < keyed.length; k++) words[k] = keyed[k].w;
}

/**
 * The CONTEXT_WORDS most frequent words, ties in localeCompare's order. Words are bucketed by count and taken from the
 * most frequent bucket down, each bucket sorted by word, so only the buckets that are kept are sorted (an article's
 * words are mostly seen once or twice: sorting them all was most of the cost).
 */
function topWords(counts: Map<string, number>): [string, number][] {
  let most = 0;
  for (const n of counts.values()) if (n > most) most = n;
  const buckets: string[][] = [];
  for (const [w, n] of counts) (buckets[n] ??= []).push(w);
  const out: [string, number][] = [];
  for (let n = most; n > 0 && out.length < CONTEXT_WORDS; n--) {
    const words = buckets[n];
    if (!words) continue;
    sortWords(words);
    for (let k = 0; k < words.length && out.length < CONTEXT_WORDS; k++) out.push([words[k], n]);
  }
  return out;
}

/** The whole context: the entity ids the article names (as linking has them now), counted, then its topics. */
export function withEntities(
  entities: EntityMention[],
  topicKeys: string[],
  topicCounts: number[],
): Record<string, number> {
  const ctx: Record<string, number> = {};
  for (const e of entities) {
    if (e.type === 'NATIONALITY') continue;
    ctx[e.id] = (ctx[e.id] ?? 0) + 1;
  }
  for (let k = 0; k < topicKeys.length; k++) ctx[topicKeys[k]] = topicCounts[k];
  return ctx;
}
