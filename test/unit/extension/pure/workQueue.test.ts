import * as assert from 'assert';
import { stepwise, Task, WorkQueue } from '../../../../src/extension/pure/workQueue';

/** A queue whose "later" turns are run by hand, so a test can deliver messages between slices. */
function manualQueue(): { queue: WorkQueue; turn: () => boolean } {
  const turns: (() => void)[] = [];
  const queue = new WorkQueue((run) => turns.push(run));
  return { queue, turn: () => (turns.length ? (turns.shift()!(), true) : false) };
}

function drain(turn: () => boolean): void {
  for (let i = 0; i < 1000 && turn(); i++);
}

const query = (log: string[], name: string): Task => ({
  interactive: true,
  step: () => (log.push(name), true),
  fail: () => undefined,
});

const batch = (log: string[], name: string, n: number): Task =>
  stepwise(
    false,
    Array.from({ length: n }, (_, i) => i),
    (i) => log.push(`${name}${i}`),
    () => log.push(`${name} done`),
    () => undefined,
  );

describe('analysis worker queue (interactive requests before indexing)', () => {
  it('indexes one article per turn of the event loop', () => {
    const log: string[] = [];
    const { queue, turn } = manualQueue();
    queue.push(batch(log, 'a', 3));
    turn();
    assert.deepStrictEqual(log, ['a0']);
    turn();
    assert.deepStrictEqual(log, ['a0', 'a1']);
    drain(turn);
    assert.deepStrictEqual(log, ['a0', 'a1', 'a2', 'a done']);
    assert.strictEqual(queue.backgroundPending, false);
  });

  it('serves a query that arrives mid-batch after at most one more article', () => {
    const log: string[] = [];
    const { queue, turn } = manualQueue();
    queue.push(batch(log, 'a', 5));
    turn();
    queue.push(query(log, 'hover'));
    turn();
    assert.deepStrictEqual(log, ['a0', 'hover', 'a1']);
    drain(turn);
    assert.strictEqual(log.at(-1), 'a done');
  });

  it('serves every waiting query, in arrival order, before the next background step', () => {
    const log: string[] = [];
    const { queue, turn } = manualQueue();
    queue.push(batch(log, 'a', 2));
    queue.push(query(log, 'view'));
    queue.push(batch(log, 'b', 1));
    queue.push(query(log, 'hover'));
    drain(turn);
    assert.deepStrictEqual(log, ['view', 'hover', 'a0', 'a1', 'a done', 'b0', 'b done']);
  });

  it('keeps background tasks (changes to the index) in their order', () => {
    const log: string[] = [];
    const { queue, turn } = manualQueue();
    queue.push(batch(log, 'a', 2));
    queue.push(batch(log, 'b', 2));
    queue.push(batch(log, 'c', 1));
    drain(turn);
    assert.deepStrictEqual(log, ['a0', 'a1', 'a done', 'b0', 'b1', 'b done', 'c0', 'c done']);
  });

  it('puts a small change ahead of the batches of a scan, even one under way, and after earlier small changes', () => {
    const log: string[] = [];
    const { queue, turn } = manualQueue();
    const scan = (name: string, n: number): Task => ({ ...batch(log, name, n), batch: true });
    queue.push(scan('a', 3));
    turn();
    queue.push(scan('b', 1));
    queue.push(batch(log, 'open', 1));
    queue.push(batch(log, 'edit', 1));
    drain(turn);
    assert.deepStrictEqual(log, [
      'a0',
      'open0',
      'open done',
      'edit0',
      'edit done',
      'a1',
      'a2',
      'a done',
      'b0',
      'b done',
    ]);
  });

  it('reports a failing step and goes on with the next task', () => {
    const log: string[] = [];
    const failures: string[] = [];
    const { queue, turn } = manualQueue();
    queue.push(
      stepwise(
        false,
        [1, 2],
        (i) => {
          if (i === 2) throw new Error('bad article');
          log.push(`x${i}`);
        },
        () => log.push('x done'),
        (err) => failures.push((err as Error).message),
      ),
    );
    queue.push(query(log, 'hover'));
    drain(turn);
    assert.deepStrictEqual(log, ['hover', 'x1']);
    assert.deepStrictEqual(failures, ['bad article']);
    assert.strictEqual(queue.backgroundPending, false);
  });

  it('tells whether background work is waiting (queries then answer from the last links)', () => {
    const log: string[] = [];
    const { queue, turn } = manualQueue();
    let seen: boolean | undefined;
    queue.push(batch(log, 'a', 2));
    queue.push({ interactive: true, step: () => ((seen = queue.backgroundPending), true), fail: () => undefined });
    turn();
    assert.strictEqual(seen, true);
    drain(turn);
    assert.strictEqual(queue.backgroundPending, false);
    assert.strictEqual(queue.interactivePending, false);
  });

  it('does not step a blocked background task, serves queries meanwhile, and resumes on wake', () => {
    const log: string[] = [];
    const { queue, turn } = manualQueue();
    let ready = false;
    const waiting: Task = {
      interactive: false,
      blocked: () => !ready,
      step: () => (log.push('stored'), true),
      fail: () => undefined,
    };
    queue.push(waiting);
    queue.push(batch(log, 'b', 1));
    // Blocked: no turn is even scheduled, so the worker sleeps instead of spinning.
    assert.strictEqual(turn(), false);
    queue.push(query(log, 'hover'));
    drain(turn);
    assert.deepStrictEqual(log, ['hover']);
    ready = true;
    queue.wake();
    drain(turn);
    // The write queued behind the blocked one still comes after it.
    assert.deepStrictEqual(log, ['hover', 'stored', 'b0', 'b done']);
  });

  it('schedules its turns with setImmediate by default', async () => {
    const log: string[] = [];
    const queue = new WorkQueue();
    queue.push(batch(log, 'a', 2));
    await new Promise((r) => setImmediate(r));
    assert.deepStrictEqual(log, ['a0']);
    await new Promise((r) => setTimeout(r, 10));
    assert.deepStrictEqual(log, ['a0', 'a1', 'a done']);
  });

  it('sends a long list in parts after waiting queries and before indexing, a hover served between two parts', () => {
    const log: string[] = [];
    const { queue, turn } = manualQueue();
    let part = 0;
    const list: Task = {
      interactive: true,
      bulk: true,
      step: () => (log.push(`part${part}`), ++part === 3),
      fail: () => undefined,
    };
    queue.push(batch(log, 'a', 2));
    queue.push(list);
    queue.push(query(log, 'view'));
    turn();
    assert.deepStrictEqual(log, ['view', 'part0']);
    queue.push(query(log, 'hover'));
    turn();
    assert.deepStrictEqual(log, ['view', 'part0', 'hover', 'part1']);
    drain(turn);
    assert.deepStrictEqual(log, ['view', 'part0', 'hover', 'part1', 'part2', 'a0', 'a1', 'a done']);
  });
});
