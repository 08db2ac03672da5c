// CoNLL-2003 style BIO export: a token a line ("token _ _ TAG"),
// -DOCSTART- per article, a blank line between sentences.
import { ExportAnnotation, ExportArticle, ExportOptions, effectiveAnnotations } from './record';

/**
 * CoNLL-2003 has PER, ORG, LOC and MISC; nationalities and events are MISC
 * there. Dates, quotes, claims and user tags are not named entities (O).
 */
export const CONLL_LABEL: Record<string, string> = {
  person: 'PER',
  organization: 'ORG',
  place: 'LOC',
  nationality: 'MISC',
  event: 'MISC',
};

export interface ConllToken {
  text: string;
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;
const ABBREVIATIONS = new Set([
  'mr.',
  'mrs.',
  'ms.',
  'dr.',
  'st.',
  'gen.',
  'sen.',
  'rep.',
  'gov.',
  'lt.',
  'col.',
  'jr.',
  'sr.',
  'inc.',
  'corp.',
  'co.',
  'no.',
  'vs.',
  'u.s.',
  'u.k.',
  'u.n.',
]);

/** Sentences of tokens: a line break ends a sentence, and so does . ! ? before a capital, digit or quote. */
export function tokenizeSentences(text: string): ConllToken[][] {
  const sentences: ConllToken[][] = [];
  let current: ConllToken[] = [];
  let lastEnd = 0;
  const flush = (): void => {
    if (current.length) sentences.push(current);
    current = [];
  };
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index!;
    let word = m[0];
    if (/\n/.test(text.slice(lastEnd, start))) flush();
    // A final period belongs to the word only for abbreviations ("Mr.", "U.S."); otherwise it is its own token.
    if (word.length > 1 && word.endsWith('.') && !ABBREVIATIONS.has(word.toLowerCase()) && !/^\p{L}\.$/u.test(word)) {
      word = word.slice(0, -1);
      current.push({ text: word, start, end: start + word.length });
      current.push({ text: '.', start: start + word.length, end: start + word.length + 1 });
    } else current.push({ text: word, start, end: start + word.length });
    lastEnd = start + m[0].length;
    const last = current[current.length - 1].text;
    if (last === '.' || last === '!' || last === '?') {
      const next = /\S/.exec(text.slice(lastEnd));
      const after = next ? text.slice(lastEnd + next.index) : '';
      if (!after || /^[\p{Lu}\p{N}“"‘']/u.test(after)) flush();
    }
  }
  flush();
  return sentences;
}

export function exportConll(articles: ExportArticle[], options: ExportOptions = {}): string {
  const out: string[] = [];
  for (const article of articles) {
    out.push('-DOCSTART- -X- -X- O', '');
    // Longest first, so a nested annotation does not break the one around it.
    const spans = effectiveAnnotations(article, options)
      .filter((a) => CONLL_LABEL[a.tag])
      .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    for (const sentence of tokenizeSentences(article.text)) {
      let previous: ExportAnnotation | null = null;
      for (const token of sentence) {
        const owner = spans.find((a) => token.start < a.end && a.start < token.end) ?? null;
        const label = owner ? `${owner === previous ? 'I' : 'B'}-${CONLL_LABEL[owner.tag]}` : 'O';
        out.push(`${token.text} _ _ ${label}`);
        previous = owner;
      }
      out.push('');
    }
  }
  return out.join('\n');
}
