// The shape every evaluation module returns, so that scripts/eval.ts can print them together, and small
// formatting helpers shared by the modules (tuned vs not-tuned columns, error tables).

export interface EvalReport {
  /** Short name of what was scored: "dates (MEANTIME)", "names (MEANTIME)", "event links (ECB+)". */
  name: string;
  /** Headline numbers, e.g. { valueF1: 0.83, precision: 0.85 }. */
  metrics: Record<string, number>;
  /** Human-readable lines with the details (per type, per topic, counts). */
  lines: string[];
  /** The target this report is held to, when there is one: metric name and minimum. A miss fails the eval. */
  target?: { metric: string; min: number };
  /**
   * Goals not yet binding (issue 7's targets, checked on the part never tuned on): printed as
   * "goal … met/not yet", never failing the eval.
   */
  goals?: Goal[];
}

export interface Goal {
  /** What is measured, naming the split: "value F1, MEANTIME apple (not tuned)". */
  label: string;
  value: number;
  min?: number;
  max?: number;
  /** How to print the value and bound: a fraction as a percentage, or a plain number (default). */
  percent?: boolean;
}

export function prf(correct: number, system: number, gold: number): { p: number; r: number; f1: number } {
  const p = system ? correct / system : 0;
  const r = gold ? correct / gold : 0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  return { p, r, f1 };
}

export const f3 = (x: number) => x.toFixed(3);

export function goalMet(g: Goal): boolean {
  return (g.min === undefined || g.value >= g.min) && (g.max === undefined || g.value <= g.max);
}

export function goalLine(g: Goal): string {
  const show = (x: number) => (g.percent ? `${(100 * x).toFixed(1)}%` : f3(x));
  const bound = g.min !== undefined ? `≥ ${show(g.min)}` : `≤ ${show(g.max as number)}`;
  return `goal ${g.label} ${bound}: ${show(g.value)} ${goalMet(g) ? 'met' : 'not yet'}`;
}

/** Left-aligned columns: the first column as wide as its longest cell, the others as wide as theirs. */
export function table(rows: (string | number)[][]): string[] {
  const cells = rows.map((r) => r.map(String));
  const widths: number[] = [];
  for (const r of cells) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return cells.map((r) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd(),
  );
}
