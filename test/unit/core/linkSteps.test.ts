// The folder's linking in bounded steps: every phase of CorpusIndex's link other than event detection and event
// clustering yields after a bounded amount of work (steps.ts), whatever the folder's size, with the same results.
import * as assert from 'assert';
import { generateArticles, realArticles } from '../../../scripts/bench/generate';
import { CorpusIndex } from '../../../src/core/corpus';
import { linkEntities, linkEntitiesSteps } from '../../../src/core/aliases';
import { clusterQuotes, clusterQuotesSteps, findQuotes } from '../../../src/core/quotes';
import { drain, interruptibly, Pacer, setInterruptHook, sortSteps, STEP_WORK } from '../../../src/core/steps';
import { analyzeArticle } from '../../../src/core/analyze';

describe('linking in steps', () => {
  it('sorts in steps exactly as Array.prototype.sort does, ties in their order', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (const n of [0, 1, 5, 31, 32, 33, 100, 1000, 2049]) {
      const items = Array.from({ length: n }, (_, i) => ({ key: Math.floor(rand() * 10), i }));
      const cmp = (a: { key: number }, b: { key: number }) => a.key - b.key;
      const expected = [...items].sort(cmp);
      const pace = new Pacer(50);
      const got = drain(sortSteps([...items], cmp, pace));
      assert.deepStrictEqual(got, expected, `n=${n}`);
      assert.ok(pace.longest < 50 + 5 * 32, `a step of ${pace.longest} units`);
    }
  });

  it('links entities and clusters quotes the same in tiny steps as at once', () => {
    const docs = realArticles().slice(0, 60);
    const fresh = () => docs.map((d) => analyzeArticle(d.text, d.name));
    const once = fresh();
    const stepped = fresh();
    const records = linkEntities(once.map((a) => ({ path: a.article.path, entities: a.entities })));
    const pace = new Pacer(5);
    const inSteps = drain(
      linkEntitiesSteps(
        stepped.map((a) => ({ path: a.article.path, entities: a.entities })),
        pace,
      ),
    );
    assert.deepStrictEqual(inSteps, records);
    assert.deepStrictEqual(
      stepped.map((a) => a.entities),
      once.map((a) => a.entities),
    );
    const quotes = once.flatMap((a) => findQuotes(a));
    assert.ok(quotes.length > 20, 'the articles quote people');
    assert.deepStrictEqual(drain(clusterQuotesSteps(quotes, new Pacer(3))), clusterQuotes(quotes));
  });
});

describe('steps that end on time', () => {
  it('end after their time budget whatever their units say, and the next one starts afresh', () => {
    const pace = new Pacer(Number.MAX_SAFE_INTEGER, 5);
    for (let round = 0; round < 2; round++) {
      const t0 = performance.now();
      while (!pace.add());
      const ms = performance.now() - t0;
      assert.ok(ms >= 5, `step ${round} ended after ${ms.toFixed(2)} ms`);
      assert.ok(ms < 1000, `step ${round} ran ${ms.toFixed(0)} ms`);
    }
    // A step's worth of units still ends it first.
    const units = new Pacer(10, 60_000);
    let added = 1;
    while (!units.add()) added++;
    assert.strictEqual(added, 10);
  });

  it('link a folder the same whether every step yields at once or none does', () => {
    const docs = realArticles().slice(0, 80);
    const linked = (budget: number) => {
      const index = new CorpusIndex();
      index.deferLinking = true;
      for (const d of docs) index.upsert(d.name, d.text);
      let steps = 0;
      while (!index.linkStep(budget)) steps++;
      return { json: JSON.stringify(index.toJSON()), steps };
    };
    const stepped = linked(0);
    const once = linked(Infinity);
    assert.ok(stepped.steps > 100, `${stepped.steps} steps`);
    assert.strictEqual(once.steps, 0);
    assert.strictEqual(stepped.json, once.json);
  });
});

describe("steps cut short for someone waiting (a hover in the worker's port)", () => {
  afterEach(() => setInterruptHook(undefined));

  it('end at the next clock reading under interruptibly, and never outside it', () => {
    let asked = 0;
    setInterruptHook(() => (asked++, true));
    const free = new Pacer(1000, 60_000);
    let added = 1;
    while (!free.add()) added++;
    assert.strictEqual(added, 1000, 'not armed: the hook is not asked');
    assert.strictEqual(asked, 0);
    const cut = new Pacer(1000, 60_000);
    added = 1;
    interruptibly(() => {
      while (!cut.add()) added++;
    });
    // The first add starts the step's clock; the hook is asked with the clock reading 32 adds later.
    assert.strictEqual(added, 33);
    assert.strictEqual(asked, 1);
  });

  it('link a folder to the same JSON when every step is cut short, each call still doing some work', () => {
    const docs = realArticles().slice(0, 40);
    const linked = (cut: boolean) => {
      const index = new CorpusIndex();
      index.deferLinking = true;
      for (const d of docs) index.upsert(d.name, d.text);
      setInterruptHook(() => cut);
      let calls = 1;
      while (!interruptibly(() => index.linkStep(60_000))) calls++;
      setInterruptHook(undefined);
      return { json: JSON.stringify(index.toJSON()), calls };
    };
    const cut = linked(true);
    const whole = linked(false);
    assert.strictEqual(whole.calls, 1);
    assert.ok(cut.calls > 50, `${cut.calls} calls`);
    assert.strictEqual(cut.json, whole.json);
  });
});

// @slow: 2,000 generated articles analysed and linked one step at a time (a minute or more on a loaded machine).
describe('linking a generated folder of 2,000 articles in steps @slow', function () {
  this.timeout(900_000);

  it('does at most about two steps of work between yields in every phase it paces', () => {
    const index = new CorpusIndex();
    generateArticles(realArticles(), 2000).forEach((d, i) => {
      // Every fifth article without its date line, so the folder infers dates (and re-analyses articles) too.
      index.upsert(d.name, i % 5 === 0 ? d.text.replace(/\ndate [\d-]+\n/, '\n') : d.text);
    });
    let steps = 0;
    while (!index.linkStep(0)) steps++;
    assert.ok(steps > 2000, `${steps} steps`);
    // Each of the paced phases (entities, dates, quotes, publishing) yields once a step's worth is done; the one
    // item that passes it adds at most one step's worth (an article re-analysed counts as a whole step).
    assert.ok(index.lastLinkStepWork >= STEP_WORK, `${index.lastLinkStepWork} units: the phases were paced`);
    assert.ok(index.lastLinkStepWork <= 2 * STEP_WORK, `a step did ${index.lastLinkStepWork} units`);
    assert.ok(index.events().length > 0 && index.quotes().length > 0);
    const inferred = index.paths().filter((p) => index.published(p)?.origin === 'corpus');
    assert.ok(inferred.length > 0, 'some undated articles were dated from the folder');
  });
});
