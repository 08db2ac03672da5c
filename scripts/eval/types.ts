// The shape every evaluation module returns, so that scripts/eval.ts can print them together.

export interface EvalReport {
  /** Short name of what was scored: "dates (MEANTIME)", "names (MEANTIME)", "event links (ECB+)". */
  name: string;
  /** Headline numbers, e.g. { valueF1: 0.83, precision: 0.85 }. */
  metrics: Record<string, number>;
  /** Human-readable lines with the details (per type, per topic, counts). */
  lines: string[];
  /** The target this report is held to, when there is one: metric name and minimum. */
  target?: { metric: string; min: number };
}

export function prf(correct: number, system: number, gold: number): { p: number; r: number; f1: number } {
  const p = system ? correct / system : 0;
  const r = gold ? correct / gold : 0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  return { p, r, f1 };
}
