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
  return withEntities(
    analysis.entities,
    articleTopics(analysis, (i) => contentStems(text.slice(sentences[i].start, sentences[i].end))),
  );
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
  const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, CONTEXT_WORDS);
  for (const [w, n] of top) ctx[`w:${w}`] = n;
  return ctx;
}

/** The whole context: the entity ids the article names (as linking has them now), counted, then its topics. */
export function withEntities(entities: EntityMention[], topics: Record<string, number>): Record<string, number> {
  const ctx: Record<string, number> = {};
  for (const e of entities) {
    if (e.type === 'NATIONALITY') continue;
    ctx[e.id] = (ctx[e.id] ?? 0) + 1;
  }
  for (const k in topics) ctx[k] = topics[k];
  return ctx;
}
