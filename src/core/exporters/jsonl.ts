// JSON Lines export: one annotation a line, with its article's path.
import { ExportArticle, ExportOptions, effectiveAnnotations } from './record';

export function exportJsonl(articles: ExportArticle[], options: ExportOptions = {}): string {
  const lines: string[] = [];
  for (const article of articles) {
    for (const a of effectiveAnnotations(article, options)) lines.push(JSON.stringify({ article: article.path, ...a }));
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
