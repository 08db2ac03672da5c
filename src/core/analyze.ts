// Runs the per-article analysis: article structure, then entities and dates resolved against the
// publication date. Folder-level linking happens later, in the corpus index.
import { parseArticle } from './article';
import { findDates } from './dates';
import { findEntities } from './entities';
import { ArticleAnalysis, PublishedDate } from './model';

export interface AnalyzeOptions {
  /** A publication date that overrides what the text says: set by the user, or inferred from the corpus. */
  published?: PublishedDate | null;
}

export function analyzeArticle(text: string, path: string, options: AnalyzeOptions = {}): ArticleAnalysis {
  const parsed = parseArticle(text, path);
  const article = options.published ? { ...parsed, published: options.published } : parsed;
  const exclude = article.boilerplate;
  const entities = findEntities(text, { sentences: article.sentences, exclude });
  const dates = findDates(text, { published: article.published?.value ?? null, sentences: article.sentences, exclude });
  return { article, entities, dates };
}

/** Re-resolves only the dates of an analysis against a new publication date (entities do not depend on it). */
export function withPublished(analysis: ArticleAnalysis, published: PublishedDate): ArticleAnalysis {
  const article = { ...analysis.article, published };
  const dates = findDates(article.text, { published: published.value, sentences: article.sentences, exclude: article.boilerplate });
  return { article, entities: analysis.entities, dates };
}
