// From the core's suggestions of an article after the folder's decisions (computed in the analysis worker by
// src/core/learning) to what the editor shows: the learned suggestions in their own styles, and which of the rules'
// names are no longer drawn as such (dimmed, hidden by a decision, or replaced by a type from the user's tags).
import type { EntityMention } from '../../core/model';
import type { Suggestion } from '../../core/learning';

/** One learned suggestion in an article. `line` places it when the article is not open (Problems entries). */
export interface LearnedItem {
  start: number;
  end: number;
  text: string;
  /** Lower-case entity type or tag. */
  type: string;
  reason: string;
  line?: { line: number; character: number };
}

export interface LearnedItems {
  /** Other occurrences of text the user tagged ("from your tags"). */
  propagated: LearnedItem[];
  /** Spans the rules missed that the model finds like the user's tags. */
  proposed: LearnedItem[];
  /** Machine suggestions the model now believes wrong: drawn dimmed, one click to restore. */
  demoted: LearnedItem[];
}

export const NO_LEARNED: LearnedItems = { propagated: [], proposed: [], demoted: [] };

/** Line and column of an offset, for a Problems entry of an article that is not open. */
function lineOf(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, character: offset - last - 1 };
}

function item(s: Suggestion, text: string, fallback: string): LearnedItem {
  return {
    start: s.start,
    end: s.end,
    text: s.text,
    type: s.tag,
    reason: s.reason ?? fallback,
    line: lineOf(text, s.start),
  };
}

/**
 * The learned suggestions among the core's (what the rules alone would show is not listed); `source` says where a
 * suggestion from your tags comes from, given the decision that made it.
 */
export function learnedItems(
  list: readonly Suggestion[],
  text: string,
  source: (decision: string | undefined) => string | undefined = () => undefined,
): LearnedItems {
  const shown = (s: Suggestion) => s.state === 'keep' && !s.accepted;
  const tagged = (s: Suggestion) => ({
    ...item(s, text, 'from your tags'),
    reason: source(s.decision) ?? 'from your tags',
  });
  return {
    propagated: list.filter((s) => s.origin === 'your-tags' && shown(s)).map(tagged),
    proposed: list.filter((s) => s.origin === 'model' && shown(s)).map((s) => item(s, text, 'looks like your tags')),
    demoted: list
      .filter((s) => s.state === 'demoted')
      .map((s) => item(s, text, 'the decisions of this folder suggest it is wrong')),
  };
}

/**
 * The rules' names still drawn as the rules found them: those the core kept with the same span and type (not
 * dimmed, not hidden by a decision, not replaced by another type from the user's tags).
 */
export function keptByRules(entities: readonly EntityMention[], list: readonly Suggestion[]): EntityMention[] {
  const kept = new Set(
    list.filter((s) => s.origin === 'rules' && s.state === 'keep').map((s) => `${s.start}:${s.end}:${s.type ?? ''}`),
  );
  return entities.filter((e) => kept.has(`${e.start}:${e.end}:${e.type}`));
}
