import * as assert from 'assert';
import type { WorkerEvent } from '../../../../src/extension/pure/protocol';
import { LinkableIndex, Relinker } from '../../../../src/extension/pure/relinker';
import { Task, WorkQueue } from '../../../../src/extension/pure/workQueue';

/** A queue whose turns run by hand; `observe` is told each step's kind (as the worker's figures are). */
function manualQueue(observe?: (kind: string) => void): { queue: WorkQueue; drain: () => number } {
  const turns: (() => void)[] = [];
  const queue = new WorkQueue((run) => turns.push(run), observe);
  return {
    queue,
    drain: () => {
      let n = 0;
      for (; turns.length && n < 1000; n++) turns.shift()!();
      return n;
    },
  };
}

/** An index whose link takes `units` steps of work, each done by one linkStep call. */
function slicedIndex(units: number) {
  const budgets: number[] = [];
  const index: LinkableIndex & {
    size: number;
    dirty: boolean;
    left: number;
    budgets: number[];
    lastLinkMs: number;
    linkJobRunning?: boolean;
  } = {
    size: 10_000,
    lastLinkMs: 5000,
    dirty: false,
    left: 0,
    budgets,
    get needsLink() {
      return this.dirty;
    },
    linkStep(budgetMs: number) {
      budgets.push(budgetMs);
      if (this.left === 0) this.left = units;
      if (--this.left > 0) return false;
      this.dirty = false;
      return true;
    },
  };
  return index;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('relinker (when and in what slices the worker relinks)', () => {
  it('names each step by what it runs: a local link or the phase of the folder-wide link', () => {
    const kinds: string[] = [];
    const { queue, drain } = manualQueue((kind) => kinds.push(kind));
    const phases = ['entities', 'events', 'events', 'quotes'];
    const index = slicedIndex(5) as ReturnType<typeof slicedIndex> & {
      linkJobRunning: boolean;
      localLinkRunning: boolean;
      linkPhase?: string;
    };
    index.linkJobRunning = false;
    index.localLinkRunning = true;
    const step = index.linkStep.bind(index);
    let calls = 0;
    index.linkStep = (budgetMs: number) => {
      const done = step(budgetMs);
      // The first step ran a local link; the folder-wide link then goes through its phases.
      index.localLinkRunning = false;
      index.linkJobRunning = !done;
      index.linkPhase = phases[calls++];
      return done;
    };
    const relinker = new Relinker(index, queue, () => {});
    index.dirty = true;
    relinker.changed(true);
    drain();
    assert.deepStrictEqual(kinds, [
      'relink:local',
      'relink:entities',
      'relink:events',
      'relink:events',
      'relink:quotes',
    ]);
  });

  it('relinks at once after an edit, in bounded steps, and says which version is linked', () => {
    const { queue, drain } = manualQueue();
    const index = slicedIndex(5);
    const events: WorkerEvent[] = [];
    const relinker = new Relinker(index, queue, (e) => events.push(e));
    index.dirty = true;
    relinker.changed(true);
    drain();
    assert.deepStrictEqual(index.budgets, [10, 10, 10, 10, 10]);
    assert.deepStrictEqual(
      events.map((e) => e.version),
      [1],
    );
  });

  it('tells views to refresh after a local link, with the version it includes, then after the whole link', () => {
    const { queue, drain } = manualQueue();
    // A local link over the first two steps (published in the second), then the folder-wide link.
    const index = slicedIndex(5) as ReturnType<typeof slicedIndex> & {
      localLinksDone: number;
      localLinkRunning: boolean;
      lastLocalLink: { ms: number };
    };
    index.localLinksDone = 0;
    index.localLinkRunning = false;
    index.lastLocalLink = { ms: 42 };
    const step = index.linkStep.bind(index);
    let calls = 0;
    index.linkStep = (budget: number) => {
      calls++;
      if (calls === 1) index.localLinkRunning = true;
      if (calls === 2) {
        index.localLinkRunning = false;
        index.localLinksDone++;
      }
      return step(budget);
    };
    const events: WorkerEvent[] = [];
    const relinker = new Relinker(index, queue, (e) => events.push(e));
    index.dirty = true;
    relinker.changed(true);
    drain();
    assert.deepStrictEqual(
      events.map((e) => [e.version, e.partial ?? false, e.ms]),
      [
        [1, true, 42],
        [1, false, 5000],
      ],
    );
  });

  it('shows a whole link that ends while newer changes wait, with the version it took in', () => {
    const { queue, drain } = manualQueue();
    const index = slicedIndex(3) as ReturnType<typeof slicedIndex> & { linksDone: number; linkJobRunning: boolean };
    index.linksDone = 0;
    index.linkJobRunning = false;
    const events: WorkerEvent[] = [];
    const relinker = new Relinker(index, queue, (e) => events.push(e));
    let calls = 0;
    const step = index.linkStep.bind(index);
    index.linkStep = (budget: number) => {
      calls++;
      index.linkJobRunning = true;
      // A change arrives during the first link: its last step publishes, yet the index stays dirty.
      if (calls === 2) {
        index.dirty = true;
        relinker.changed(true);
      }
      const done = step(budget);
      if (calls === 3) {
        index.linksDone++;
        index.dirty = true;
        index.linkJobRunning = false;
        return false;
      }
      if (done) index.linkJobRunning = false;
      return done;
    };
    index.dirty = true;
    relinker.changed(true);
    drain();
    assert.deepStrictEqual(
      events.map((e) => [e.version, e.partial ?? false]),
      [
        [1, false],
        [2, false],
      ],
    );
  });

  it('lets queries and stored analyses go between the steps of a relink', () => {
    const { queue, drain } = manualQueue();
    const index = slicedIndex(3);
    const log: string[] = [];
    const relinker = new Relinker(index, queue, () => log.push('linked'));
    index.dirty = true;
    relinker.changed(true);
    const query: Task = { interactive: true, step: () => (log.push('hover'), true), fail: () => undefined };
    const write: Task = { interactive: false, step: () => (log.push('store'), true), fail: () => undefined };
    queue.push(query);
    queue.push(write);
    drain();
    // The hover first, then the change to the index, then the relink (idle work).
    assert.deepStrictEqual(log, ['hover', 'store', 'linked']);
    assert.strictEqual(index.budgets.length, 3);
  });

  it('relinks a folder being indexed each time it has doubled, and after a pause in its batches', async () => {
    const { queue, drain } = manualQueue();
    const index = slicedIndex(1);
    index.size = 10;
    index.lastLinkMs = 50;
    const events: WorkerEvent[] = [];
    const times = { sliceMs: 10, quietMs: 30, growth: 2, growthMs: 1000, slowMs: 300, smallFolder: 50 };
    const relinker = new Relinker(index, queue, (e) => events.push(e), times);
    const batch = (size: number) => {
      index.size = size;
      index.dirty = true;
      relinker.changed(false);
      drain();
    };
    batch(10);
    assert.deepStrictEqual(
      events.map((e) => e.version),
      [1],
      'the first batch is linked at once',
    );
    batch(15);
    assert.strictEqual(events.length, 1, '15 articles: not twice the 10 of the last link');
    batch(20);
    assert.deepStrictEqual(
      events.map((e) => e.version),
      [1, 3],
    );
    batch(25);
    assert.strictEqual(events.length, 2);
    await sleep(60);
    drain();
    assert.deepStrictEqual(
      events.map((e) => e.version),
      [1, 3, 4],
      'the pause after the last batch',
    );
    relinker.dispose();
  });

  it('goes on with a link under way while batches arrive; an edit meanwhile is linked locally only', async () => {
    const { queue, drain } = manualQueue();
    const index = slicedIndex(3);
    index.size = 100;
    index.lastLinkMs = 0;
    index.linkJobRunning = false;
    const localOnly: boolean[] = [];
    const step = index.linkStep.bind(index);
    index.linkStep = (budget: number, local?: boolean) => {
      localOnly.push(!!local);
      if (local) return false;
      const done = step(budget);
      index.linkJobRunning = !done;
      if (done) index.lastLinkMs = 5000;
      return done;
    };
    const events: WorkerEvent[] = [];
    const times = { sliceMs: 10, quietMs: 30, growth: 2, growthMs: 1000, slowMs: 300, smallFolder: 50 };
    const relinker = new Relinker(index, queue, (e) => events.push(e), times);
    index.dirty = true;
    relinker.changed(false);
    queue.runSlice();
    assert.ok(index.linkJobRunning);
    index.size = 120;
    relinker.changed(false);
    drain();
    assert.strictEqual(index.budgets.length, 3, 'the link begun goes on to its end');
    index.size = 130;
    index.dirty = true;
    relinker.changed(false);
    drain();
    assert.strictEqual(index.budgets.length, 3, 'no new link before the pause (the last one took 5 s)');
    relinker.changed(true);
    drain();
    assert.deepStrictEqual(localOnly, [false, false, false, true], 'the edit: a local link only');
    await sleep(60);
    drain();
    assert.strictEqual(index.budgets.length, 6, 'the folder-wide link after the pause');
    assert.deepStrictEqual(
      events.map((e) => e.version),
      [2, 4],
    );
    relinker.dispose();
  });

  it('lets a query link first only in a small folder, not during a scan, and when a link is estimated quick', () => {
    const { queue } = manualQueue();
    const index = { ...slicedIndex(1), size: 20, lastLinkMs: 0 };
    const relinker = new Relinker(index, queue, () => undefined);
    assert.strictEqual(relinker.deferLinks(), false);
    index.lastLinkMs = 200;
    relinker.noteLinked();
    assert.strictEqual(relinker.deferLinks(), false, '200 ms for 20 articles');
    index.size = 40;
    assert.strictEqual(relinker.deferLinks(), true, 'about 400 ms once the folder doubled');
    index.lastLinkMs = 5;
    relinker.noteLinked();
    index.size = 51;
    assert.strictEqual(relinker.deferLinks(), true, 'a folder over 50 articles never links inside a query');
    index.size = 20;
    relinker.noteLinked();
    assert.strictEqual(relinker.deferLinks(), false, 'quick again');
    relinker.batchArrived();
    assert.strictEqual(relinker.deferLinks(), true, 'a batch of a scan is being stored: answers from the last links');
    relinker.dispose();
  });

  it('reports a change that changed nothing as linked', () => {
    const { queue, drain } = manualQueue();
    const index = slicedIndex(1);
    const events: WorkerEvent[] = [];
    const relinker = new Relinker(index, queue, (e) => events.push(e));
    relinker.changed(true);
    drain();
    assert.deepStrictEqual(
      events.map((e) => e.version),
      [1],
    );
    assert.strictEqual(index.budgets.length, 0);
  });
});
