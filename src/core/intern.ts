// Shares the small strings of analyses received from other threads: a structured clone copies every entity id,
// type, date value and word stem, so 10,000 articles would hold millions of copies of a few hundred thousand strings.
import { ArticleAnalysis } from './model';

/** One copy of each string, for a corpus index's analyses; cleared when it outgrows any vocabulary. */
export class StringPool {
  private readonly strings = new Map<string, string>();
  private static readonly MAX = 2_000_000;

  get(s: string): string {
    const have = this.strings.get(s);
    if (have !== undefined) return have;
    if (this.strings.size >= StringPool.MAX) this.strings.clear();
    this.strings.set(s, s);
    return s;
  }

  /** Replaces, in place, the analysis's repeated small strings by the pool's copies. */
  analysis(a: ArticleAnalysis): void {
    for (const e of a.entities) {
      e.text = this.get(e.text);
      e.type = this.get(e.type) as typeof e.type;
      e.id = this.get(e.id);
      e.canonical = this.get(e.canonical);
    }
    for (const d of a.dates) {
      d.text = this.get(d.text);
      d.type = this.get(d.type) as typeof d.type;
      d.value = this.get(d.value);
      d.explanation = this.get(d.explanation);
    }
    const found = a.detected;
    if (!found) return;
    const e = found.events;
    for (const words of e.sentenceWords) this.list(words);
    this.list(e.lemma);
    this.list(e.classes);
    this.list(e.topicKeys);
    this.nullable(e.date);
    this.nullable(e.dateText);
    this.nullable(e.complement);
    for (const q of found.quotes.quotes) this.list(q.words);
  }

  private nullable(xs: (string | null)[]): void {
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i];
      if (x !== null) xs[i] = this.get(x);
    }
  }

  private list(xs: string[]): void {
    for (let i = 0; i < xs.length; i++) xs[i] = this.get(xs[i]);
  }
}
