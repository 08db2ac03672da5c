import * as assert from 'assert';
import { over20Time, overlapMs, summary, WorkerStats } from '../../../../src/extension/pure/workerStats';
import { Task, WorkQueue } from '../../../../src/extension/pure/workQueue';

describe('worker figures (what held the analysis worker)', () => {
  it("says how much of the steps over 20 ms the thread spent waiting for a CPU, from the system's count", () => {
    let waited = 100;
    const s = new WorkerStats(() => waited);
    s.reset();
    waited += 2;
    s.noteStep('relink:events', 8);
    waited += 30;
    s.noteStep('relink:events', 45);
    waited += 1;
    s.noteStep('relink:dates', 25);
    // A wait longer than the step (the thread waited between steps too) counts the step's length at most.
    waited += 90;
    s.noteStep('upsert', 60);
    const w = s.snapshot();
    assert.deepStrictEqual(w.over20Time, { totalMs: 130, waitingMs: 91, gcMs: 0 });
    assert.match(over20Time(w.over20Time), /0\.13 s in all; waiting for a CPU .* 0\.09 s, collecting garbage 0\.00 s/);
    const unknown = new WorkerStats(() => undefined);
    unknown.reset();
    unknown.noteStep('relink:events', 45);
    assert.deepStrictEqual(unknown.snapshot().over20Time, { totalMs: 45, waitingMs: null, gcMs: 0 });
    assert.match(over20Time(unknown.snapshot().over20Time), /unknown \(not Linux\)/);
  });

  it('counts the collections inside the steps over 20 ms, and only their part inside', () => {
    const s = new WorkerStats(() => undefined);
    s.noteGc(10, true, 95); // 5 ms inside the first step (100–150)
    s.noteGc(20, true, 120); // wholly inside it
    s.noteStep('relink:events', 50, 150);
    s.noteGc(30, false, 160); // between the steps
    s.noteStep('upsert', 10, 205); // not over 20 ms: not counted
    s.noteGc(8, true, 300);
    s.noteStep('relink:dates', 30, 320); // 290–320: the whole of the 8 ms collection
    assert.strictEqual(s.snapshot().over20Time.gcMs, 33);
    assert.strictEqual(overlapMs([0, 10, 20, 30], [5, 25]), 10);
  });

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
    assert.strictEqual(w.over20Time.totalMs, 53);
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
