// `npm run eval`: scores the analysis on gold data (dates, names, event links) and prints the figures
// next to their targets. Exits non-zero when a target is missed, so CI-style use can rely on it.
import { EvalReport } from './eval/types';

type Evaluator = () => Promise<EvalReport | EvalReport[]>;

async function main(): Promise<number> {
  const modules: [string, () => Promise<{ evaluate: Evaluator; evaluateSeeds?: Evaluator }>][] = [
    ['dates', () => import('./eval/dates')],
    ['names', () => import('./eval/names')],
    ['events', () => import('./eval/events')],
    ['pubdates', () => import('./eval/pubdates')],
  ];
  let missed = 0;
  for (const [name, load] of modules) {
    const mod = await load();
    const fns = [mod.evaluate, mod.evaluateSeeds].filter((f): f is Evaluator => typeof f === 'function');
    for (const fn of fns) {
      const t0 = Date.now();
      const result = await fn();
      for (const report of Array.isArray(result) ? result : [result]) {
        console.log(`\n== ${report.name}  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
        for (const line of report.lines) console.log(`   ${line}`);
        if (report.target) {
          const value = report.metrics[report.target.metric];
          const ok = value >= report.target.min;
          if (!ok) missed++;
          console.log(
            `   target ${report.target.metric} ≥ ${report.target.min.toFixed(3)}: ` +
              `${value?.toFixed(3)} ${ok ? 'met' : 'MISSED'}`,
          );
        }
      }
    }
    void name;
  }
  console.log(missed ? `\n${missed} target(s) missed` : '\nall targets met');
  return missed ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (err) => {
    console.error(err);
    process.exitCode = 2;
  },
);
