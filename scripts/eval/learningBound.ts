// The learning curve's upper bound: what a perfect learner of the simulated user's consistent decisions could gain on
// an article. Each error of the rules there (a wrong name shown, a gold name missed) is put in one class: the name's
// role (the rules read a modifier where the gold has a name alone, or the reverse: the user accepts such a name, so
// no decision ever says which), never decided before (no earlier decision on that text), decided both ways or the
// other way before, or learnable: every earlier decision on that text before the same next word, or on that text
// anywhere, is the one that would fix it. The bound fixes exactly the learnable ones.
import { nextToken } from '../../src/core/learning';
import { Span } from '../../src/core/model';
import { DecisionRecord } from '../../src/core/sidecar/decisions';
import { Counts, overlaps } from './meantime';

export interface Named extends Span {
  tag: string;
  modifier?: boolean;
}

export const BOUND_CLASSES = [
  'name’s role (modifier or not)',
  'never decided before',
  'decided both ways before',
  'decided the other way before',
  'learnable',
] as const;
export type BoundClass = (typeof BOUND_CLASSES)[number];

export interface Bound {
  counts: Counts;
  /** Every error fixed but the name's role, which no decision speaks of: the most any learner of them could do. */
  ceiling: Counts;
  classes: Map<BoundClass, number>;
}

/** What the earlier decisions say of `tag` for this text (before `next`, or anywhere): +1 right, −1 wrong each. */
function verdicts(decisions: readonly DecisionRecord[], text: string, tag: string, next?: string): number[] {
  const out: number[] = [];
  for (const d of decisions) {
    if (d.text !== text || (next !== undefined && nextToken(d.quote.suffix).toLowerCase() !== next)) continue;
    if (d.tag === tag) out.push(d.action === 'reject' ? -1 : 1);
    else if (d.action !== 'reject' && d.suggested === tag) out.push(-1);
  }
  return out;
}

/** Learnable when the decisions on the text before the same next word, or on the text anywhere, all fix it. */
function classOf(decisions: readonly DecisionRecord[], text: string, tag: string, next: string, fixing: 1 | -1) {
  const all = verdicts(decisions, text, tag);
  const here = verdicts(decisions, text, tag, next);
  const fixes = (v: number[]) => v.length > 0 && v.every((x) => x === fixing);
  if (!all.length) return 'never decided before';
  if (fixes(here) || fixes(all)) return 'learnable';
  return all.some((x) => x === fixing) ? 'decided both ways before' : 'decided the other way before';
}

/**
 * The bound on one article: `system` the rules' scored names (modifiers apart), `rules` all their names (modifiers
 * too), `gold` the scored NAM names, `names` NAM and PRE.NAM ones (the user's view), `earlier` the decisions made
 * on the articles before this one.
 */
export function boundOf(
  text: string,
  system: readonly Named[],
  rules: readonly Named[],
  gold: readonly Named[],
  names: readonly Named[],
  earlier: readonly DecisionRecord[],
): Bound {
  const classes = new Map<BoundClass, number>();
  const bump = (c: BoundClass) => classes.set(c, (classes.get(c) ?? 0) + 1);
  const next = (s: Span) => nextToken(text.slice(s.end, s.end + 40)).toLowerCase();
  let found = 0;
  let roleMissed = 0;
  let roleWrong = 0;
  const retyped: Span[] = [];
  for (const g of gold) {
    if (system.some((s) => s.tag === g.tag && overlaps(s, g))) {
      found++;
      continue;
    }
    const c = rules.some((s) => s.modifier && s.tag === g.tag && overlaps(s, g))
      ? 'name’s role (modifier or not)'
      : classOf(earlier, text.slice(g.start, g.end), g.tag, next(g), 1);
    bump(c);
    if (c === 'name’s role (modifier or not)') roleMissed++;
    if (c === 'learnable') {
      found++;
      retyped.push(g);
    }
  }
  // The learnable misses are shown right: one correct name each, over any wrong one there.
  let correct = retyped.length;
  let kept = retyped.length;
  for (const s of system) {
    if (gold.some((g) => g.tag === s.tag && overlaps(s, g))) {
      correct++;
      kept++;
      continue;
    }
    const c = names.some((g) => g.tag === s.tag && overlaps(s, g))
      ? 'name’s role (modifier or not)'
      : retyped.some((g) => overlaps(s, g))
        ? 'learnable'
        : classOf(earlier, text.slice(s.start, s.end), s.tag, next(s), -1);
    bump(c);
    if (c === 'name’s role (modifier or not)') roleWrong++;
    if (c !== 'learnable') kept++;
  }
  const right = gold.length - roleMissed;
  return {
    counts: { correct, system: kept, found, gold: gold.length },
    ceiling: { correct: right, system: right + roleWrong, found: right, gold: gold.length },
    classes,
  };
}
