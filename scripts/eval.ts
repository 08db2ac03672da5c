// `npm run eval`: scores the analysis on gold data (dates, names, event links) and prints, for each task, the
// figure on the data we tune on beside the figure on a part we never tune on (see scripts/eval/README.md).
// Exits non-zero when a target is missed, so CI-style use can rely on it; goals (issue 7's targets, on the
// part not tuned) are printed as met / not yet and never fail the run.
import { EvalReport, goalLine, goalMet } from './eval/types';

type Evaluator = () => Promise<EvalReport | EvalReport[]>;

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
}

async function main(): Promise<number> {
  const modules: [string, () => Promise<{ evaluate: Evaluator; evaluateSeeds?: Evaluator }>][] = [
    ['dates', () => import('./eval/dates')],
    ['names', () => import('./eval/names')],
    ['events', () => import('./eval/events')],
    ['pubdates', () => import('./eval/pubdates')],
    ['owntexts', () => import('./eval/owntexts')],
    ['learning', () => import('./eval/learning')],
    ['locallinks', () => import('./eval/locallinks')],
  ];
  let missed = 0;
  let goalsOpen = 0;
  const t00 = Date.now();
  const cpu00 = process.cpuUsage();
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
            `   target ${report.target.metric} ` +
              `≥ ${report.target.min.toFixed(3)}: ${value?.toFixed(3)} ${ok ? 'met' : 'MISSED'}`,
          );
        }
        for (const g of report.goals ?? []) {
          if (!goalMet(g)) goalsOpen++;
          console.log(`   ${goalLine(g)}`);
        }
      }
    }
    void name;
  }
  console.log(missed ? `\n${missed} target(s) missed` : '\nall targets met');
  console.log(
    `${goalsOpen ? `${goalsOpen} goal(s) not yet met (they do not fail the eval)` : 'all goals met'};` +
      ` ${((Date.now() - t00) / 1000).toFixed(1)} s in all (${cpuSeconds(cpu00).toFixed(1)} s of CPU)`,
  );
  return missed ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (err) => {
    console.error(err);
    process.exitCode = 2;
  },
);
