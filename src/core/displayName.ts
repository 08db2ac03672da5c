// What an article is called where a reader picks it: its headline, else its lede's first sentence, shortened.
import { Article } from './model';
import { fileName } from './text/paths';

/** About how long a name from the lede may be before it is cut at a word boundary. */
const MAX_NAME = 70;

/** "SEOUL —", "TOKYO (Reuters) -": where the story was filed, not what it says. */
const DATELINE = /^[A-Z][A-Z .,'’-]{1,40}(?:\([^)]{1,30}\))?\s*[—–-]\s+/;

/** Text cut to at most `max` characters at a word boundary, with an ellipsis when cut. */
export function shortenAtWord(text: string, max = MAX_NAME): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const at = cut.lastIndexOf(' ');
  return `${(at > max / 2 ? cut.slice(0, at) : cut).replace(/[\s,;:—–-]+$/, '')}…`;
}

/** The first sentence of reporting (not page furniture, at least four words), shortened; null when none. */
export function ledeName(article: Pick<Article, 'text' | 'sentences' | 'boilerplate'>): string | null {
  const furniture = (start: number) => article.boilerplate.some((b) => start >= b.start && start < b.end);
  for (const s of article.sentences) {
    if (furniture(s.start)) continue;
    const text = article.text.slice(s.start, s.end).replace(/\s+/g, ' ').trim().replace(DATELINE, '');
    if (text.split(' ').filter((w) => /\p{L}/u.test(w)).length >= 4) return shortenAtWord(text);
  }
  return null;
}

/** The article's headline, else its lede's first sentence shortened, else its file name. */
export function displayName(article: Pick<Article, 'path' | 'title' | 'text' | 'sentences' | 'boilerplate'>): string {
  return article.title ?? ledeName(article) ?? fileName(article.path);
}
