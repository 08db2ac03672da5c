// What a whole article is about, for telling stories apart: entity ids, years and its most frequent words.
import { ArticleAnalysis } from '../model';
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
  const ctx: Record<string, number> = {};
  const { article } = analysis;
  for (const e of analysis.entities) {
    if (e.type === 'NATIONALITY') continue;
    ctx[e.id] = (ctx[e.id] ?? 0) + 1;
  }
  const years = analysis.dates.filter((d) => d.type === 'DATE').map((d) => d.value);
  for (const value of years) {
    const y = /^(\d{4})/.exec(value);
    if (y) ctx[`year:${y[1]}`] = (ctx[`year:${y[1]}`] ?? 0) + YEAR_WEIGHT;
  }
  const counts = new Map<string, number>();
  for (const s of article.sentences) {
    if (inside(article.boilerplate, s.start)) continue;
    for (const w of contentStems(article.text.slice(s.start, s.end))) {
      if (/^\d+$/.test(w)) continue;
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, CONTEXT_WORDS);
  for (const [w, n] of top) ctx[`w:${w}`] = n;
  return ctx;
}
