import * as assert from 'assert';
import { summary, WorkerStats } from '../../../../src/extension/pure/workerStats';
import { Task, WorkQueue } from '../../../../src/extension/pure/workQueue';

describe('worker figures (what held the analysis worker)', () => {
  it('summarises hover waits and keeps the longest steps by kind', () => {
    const s = new WorkerStats();
    for (let i = 1; i <= 100; i++) s.noteCards(2 * i, i, i / 10);
    for (const [kind, ms] of [
      ['upsert', 5],
      ['relink', 31],
      ['list:events', 7],
      ['relink', 22],
      ['cards', 1],
    ] as const)
      s.noteStep(kind, ms);
    s.noteGc(3, true);
    s.noteGc(45);
    s.noteGc(25, true);
    s.noteStall(12);
    s.noteStall(60);
    const w = s.snapshot();
    assert.deepStrictEqual(w.cards.port, { n: 100, median: 102, p95: 192, max: 200 });
    assert.deepStrictEqual(w.cards.wait, { n: 100, median: 51, p95: 96, max: 100 });
    assert.strictEqual(w.longestSteps[0].kind, 'relink');
    assert.strictEqual(w.longestSteps[0].ms, 31);
    assert.deepStrictEqual(w.stepsOver20, { relink: 2 });
    assert.deepStrictEqual(w.gc, {
      count: 3,
      totalMs: 73,
      maxMs: 45,
      over20: 2,
      minor: { count: 2, totalMs: 28, maxMs: 25, over20: 1 },
    });
    assert.deepStrictEqual(w.stalls, { over20: 1, maxMs: 60 });
    s.reset();
    assert.strictEqual(s.snapshot().cards.wait.n, 0);
    assert.strictEqual(s.snapshot().cards.port.n, 0);
    assert.strictEqual(s.snapshot().gc.minor.count, 0);
    assert.deepStrictEqual(summary([]), { n: 0, median: 0, p95: 0, max: 0 });
  });

  it('is told by the work queue how long each step of each kind took', () => {
    const seen: string[] = [];
    const runs: (() => void)[] = [];
    const q = new WorkQueue(
      (run) => runs.push(run),
      (kind) => seen.push(kind),
    );
    const task = (kind: string | undefined, interactive: boolean): Task => ({
      interactive,
      kind,
      step: () => true,
      fail: () => {},
    });
    q.push(task('upsert', false));
    q.push(task('cards', true));
    q.push(task(undefined, false));
    while (runs.length) runs.shift()!();
    assert.deepStrictEqual(seen, ['cards', 'upsert', 'task']);
  });
});
