// The adaptive model: naive Bayes over sparse span features, per type, counting the user's decisions as right and
// wrong examples. Counts are sums, so the model built from the same decisions in any order is the same; learning one
// decision is adding its counts (microseconds). It only ever demotes with evidence: see `judge`.
import { DecisionRecord } from '../sidecar/decisions';
import { SpanContext, describeFeature, spanFeatures } from './features';

/** One example: a span judged right or wrong for a tag. */
export interface Example {
  tag: string;
  right: boolean;
  features: string[];
}

/** The examples a decision gives: accept → right; reject → wrong; tag → right, and wrong for a replaced suggestion. */
export function examplesOf(d: DecisionRecord): Example[] {
  const features = spanFeatures(decisionContext(d));
  if (d.action === 'accept') return [{ tag: d.tag, right: true, features }];
  if (d.action === 'reject') return [{ tag: d.tag, right: false, features }];
  const out: Example[] = [{ tag: d.tag, right: true, features }];
  if (d.suggested && d.suggested !== d.tag) out.push({ tag: d.suggested, right: false, features });
  return out;
}

export function decisionContext(d: DecisionRecord): SpanContext {
  return { text: d.quote.exact || d.text, prefix: d.quote.prefix, suffix: d.quote.suffix, sentence: d.sentence ?? [] };
}

/** How cautious the model is; the defaults were chosen on MEANTIME's tuning topic (npm run eval, learning curve). */
export interface ModelOptions {
  /** Prior probability that a machine suggestion is right, before any decision (log-odds start). */
  prior: number;
  /** Laplace smoothing of the per-feature counts. */
  smoothing: number;
  /** Demote only below this log-odds that the suggestion is right. */
  demoteBelow: number;
  /** …and only when one feature of the suggestion was judged wrong at least this often… */
  minEvidence: number;
  /** …and at least this many times as often as it was judged right. */
  evidenceRatio: number;
  /**
   * Feature families (or whole features) that may justify a demotion: the neighbouring word, the name with its
   * neighbour or first word, a lower-case noun after the name ("Airbus website" is a modifier to many annotators).
   * The name alone, its shape or the word before it ("the", a line start) are too general to hide a suggestion by:
   * they weigh in the score only.
   */
  evidence: readonly string[];
  /** A capitalised span the rules missed is proposed as a tag when a content word beside it was seen with that tag
   *  in at least this many of your tags and accepts, and never in a rejection (0: no proposals). */
  minProposal: number;
}

export const DEFAULT_MODEL_OPTIONS: ModelOptions = {
  prior: 0.85,
  smoothing: 1,
  demoteBelow: -1,
  minEvidence: 2,
  evidenceRatio: 3,
  evidence: ['n', 'w+n', 'w+p', 'w+ns', 'f', 'nc:noun'],
  minProposal: 3,
};

function count(map: Map<string, { right: number; wrong: number }>, f: string, right: boolean, sign: 1 | -1): void {
  let fc = map.get(f);
  if (!fc) map.set(f, (fc = { right: 0, wrong: 0 }));
  if (right) fc.right += sign;
  else fc.wrong += sign;
}

/** What the model says of a suggestion. */
export interface Judgement {
  /** Log-odds that the suggestion is right (the prior's when nothing like it was decided). */
  score: number;
  demote: boolean;
  /** Why it is demoted: "you rejected 3 like this (organization before “watch”)". */
  reason?: string;
  /** The feature that gave the most evidence either way, and its counts. */
  evidence?: { feature: string; right: number; wrong: number };
}

interface Counts {
  right: number;
  wrong: number;
  features: Map<string, { right: number; wrong: number }>;
  /** The same, over the examples of names standing alone only (feature r:alone): the evidence to demote one. */
  alone: Map<string, { right: number; wrong: number }>;
}

const ALONE = 'r:alone';

/** Counts per tag; `learn` adds a decision, `judge` scores a span. Rebuild with `buildModel(decisions)`. */
export class DecisionModel {
  private readonly byTag = new Map<string, Counts>();
  private learned = 0;

  constructor(readonly options: ModelOptions = DEFAULT_MODEL_OPTIONS) {}

  /** How many decisions it learned from. */
  get size(): number {
    return this.learned;
  }

  learn(d: DecisionRecord): void {
    this.learned++;
    for (const ex of examplesOf(d)) this.add(ex, 1);
  }

  /** Takes a decision back (undo): exactly the counts `learn` added. */
  unlearn(d: DecisionRecord): void {
    this.learned--;
    for (const ex of examplesOf(d)) this.add(ex, -1);
  }

  private add(ex: Example, sign: 1 | -1): void {
    let c = this.byTag.get(ex.tag);
    if (!c) this.byTag.set(ex.tag, (c = { right: 0, wrong: 0, features: new Map(), alone: new Map() }));
    if (ex.right) c.right += sign;
    else c.wrong += sign;
    const alone = ex.features.includes(ALONE);
    for (const f of ex.features) {
      count(c.features, f, ex.right, sign);
      if (alone) count(c.alone, f, ex.right, sign);
    }
  }

  /** How often a feature was judged right and wrong for a tag. */
  counts(tag: string, feature: string): { right: number; wrong: number } {
    return this.byTag.get(tag)?.features.get(feature) ?? { right: 0, wrong: 0 };
  }

  /**
   * Naive Bayes log-odds that a suggestion of `tag` with these features is right. Demoted only when the odds are
   * low AND one of its features was judged wrong often (≥ minEvidence) and clearly more often than right: the model
   * never demotes on a hunch, and the reason names that feature.
   */
  judge(tag: string, features: readonly string[]): Judgement {
    const o = this.options;
    const prior = Math.log(o.prior / (1 - o.prior));
    const c = this.byTag.get(tag);
    if (!c || c.wrong <= 0) return { score: prior, demote: false };
    const a = o.smoothing;
    let score = prior;
    let best: { feature: string; right: number; wrong: number } | undefined;
    // A name standing alone is demoted only by rejections of names standing alone: "Apple" rejected before the
    // nouns it modifies, or inside product names, says nothing of "Apple said".
    const evidence = features.includes(ALONE) ? c.alone : c.features;
    for (const f of features) {
      const fc = c.features.get(f);
      const r = fc?.right ?? 0;
      const w = fc?.wrong ?? 0;
      if (r === 0 && w === 0) continue; // a feature never seen says nothing either way
      score += Math.log((r + a) / (c.right + 2 * a)) - Math.log((w + a) / (c.wrong + 2 * a));
      if (!o.evidence.includes(f.slice(0, f.indexOf(':'))) && !o.evidence.includes(f)) continue;
      const e = evidence.get(f) ?? { right: 0, wrong: 0 };
      if (
        e.wrong >= o.minEvidence &&
        e.wrong >= o.evidenceRatio * r &&
        (!best || e.wrong - r > best.wrong - best.right)
      )
        best = { feature: f, right: r, wrong: e.wrong };
    }
    const demote = score < o.demoteBelow && best !== undefined;
    if (!demote) return { score, demote: false };
    return {
      score,
      demote: true,
      evidence: best,
      reason: `you rejected ${best!.wrong} like this (${tag} ${describeFeature(best!.feature)})`,
    };
  }

  /** Judges a span from its context. */
  judgeContext(tag: string, ctx: SpanContext): Judgement {
    return this.judge(tag, spanFeatures(ctx));
  }

  /**
   * Whether a span nobody suggested looks like your `tag`s: the feature (among `features`) most often seen right
   * for the tag and never wrong, with its count; null when none reaches `minProposal`.
   */
  proposal(tag: string, features: readonly string[]): { feature: string; right: number } | null {
    const c = this.byTag.get(tag);
    if (!c || this.options.minProposal <= 0) return null;
    let best: { feature: string; right: number } | null = null;
    for (const f of features) {
      const fc = c.features.get(f);
      if (!fc || fc.wrong > 0 || fc.right < this.options.minProposal) continue;
      if (!best || fc.right > best.right || (fc.right === best.right && f < best.feature))
        best = { feature: f, right: fc.right };
    }
    return best;
  }

  /** Tags the model has seen decisions of. */
  tags(): string[] {
    return [...this.byTag.keys()].sort();
  }
}

/** The model of a set of decisions: the same decisions in any order give the same model. */
export function buildModel(
  decisions: readonly DecisionRecord[],
  options: ModelOptions = DEFAULT_MODEL_OPTIONS,
): DecisionModel {
  const model = new DecisionModel(options);
  for (const d of [...decisions].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) model.learn(d);
  return model;
}
