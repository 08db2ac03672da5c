// The analysis worker's side of learning from the user: the folder's decisions and the model rebuilt from them, and
// each article's suggestions after them, computed by the core (src/core/learning) from the article's full analysis
// (sentences, page furniture) exactly as `article-annotator analyze` does.
import type { ArticleAnalysis } from '../../core/model';
import { buildModel, DecisionModel, sentenceTypesAt, Suggestion, suggestArticle } from '../../core/learning';
import type { DecisionRecord } from '../../core/sidecar/decisions';

export class LearnedState {
  private decisions: DecisionRecord[] = [];
  private model: DecisionModel | null = null;

  /** New decisions (all of them): the model is rebuilt (deterministic, milliseconds). */
  set(decisions: DecisionRecord[]): void {
    this.decisions = decisions;
    this.model = decisions.length ? buildModel(decisions) : null;
  }

  /** The types of the other names in the sentence of [start, end), for a new decision. */
  static sentenceTypes(analysis: ArticleAnalysis | undefined, start: number, end: number): string[] {
    return analysis ? sentenceTypesAt(analysis.entities, analysis.article.sentences, start, end) : [];
  }

  /** The article's suggestions after the decisions; `article` is its path as decisions name it. */
  suggest(analysis: ArticleAnalysis | undefined, article: string): Suggestion[] | null {
    if (!analysis) return null;
    const input = {
      path: article,
      text: analysis.article.text,
      entities: analysis.entities,
      sentences: analysis.article.sentences,
      exclude: analysis.article.boilerplate,
    };
    const list = suggestArticle(input, this.decisions, this.model ? { model: this.model } : { learn: false });
    // A tag that only confirms the rules' name (same span, same type) leaves it drawn as the rules' name.
    const rules = new Set(analysis.entities.map((e) => `${e.start}:${e.end}:${e.type}`));
    return list.map((s) =>
      s.origin === 'your-tags' && s.type && rules.has(`${s.start}:${s.end}:${s.type}`) ? { ...s, origin: 'rules' } : s,
    );
  }
}
