import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CorpusIndex } from '../../../../src/core/corpus';
import { AnalysisPool, poolSize } from '../../../../src/extension/pure/analysisPool';

const SEEDS = path.join(__dirname, '..', '..', '..', '..', '..', 'seeds');
// The compiled pool thread beside the compiled pool (out/src/extension/pure/).
const THREAD = path.join(__dirname, '..', '..', '..', '..', 'src', 'extension', 'pure', 'analysisPoolWorker.js');

/** The seed articles, and the same texts again under other names, cut so that each differs. */
function articles(): { path: string; text: string; userPublished: string | null }[] {
  const seeds = fs
    .readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ path: f, text: fs.readFileSync(path.join(SEEDS, f), 'utf8'), userPublished: null }));
  const cut = seeds.map((a, i) => ({
    ...a,
    path: `cut-${a.path}`,
    text: a.text.slice(0, a.text.length - 40 * (i + 1)),
  }));
  return [...seeds, ...cut, { path: 'dated.txt', text: seeds[0].text, userPublished: '2023-03-10' }];
}

describe('analysis pool (threads that analyse articles for the serving worker)', function () {
  this.timeout(60_000);

  it('gives the same index as analysing in one thread', async () => {
    const inputs = articles();
    const one = new CorpusIndex();
    for (const a of inputs) one.upsert(a.path, a.text, a.userPublished);
    const pool = new AnalysisPool(THREAD, 2);
    try {
      const analyses = await Promise.all(inputs.map((a) => pool.analyse(a)));
      const pooled = new CorpusIndex();
      inputs.forEach((a, i) => pooled.upsertAnalysis(a.path, a.text, a.userPublished, analyses[i]));
      assert.deepStrictEqual(pooled.toJSON(), one.toJSON());
      assert.strictEqual(pool.pending, 0);
    } finally {
      await pool.dispose();
    }
  });

  it('fails the articles of a thread that stops, and goes on with a new thread', async () => {
    const pool = new AnalysisPool(path.join(__dirname, 'no-such-thread.js'), 1);
    await assert.rejects(pool.analyse({ path: 'a.txt', text: 'Text.', userPublished: null }), /a\.txt: the analysis/);
    await pool.dispose();
    await assert.rejects(pool.analyse({ path: 'b.txt', text: 'Text.', userPublished: null }), /stopped/);
  });

  it('uses two threads on two cores, one less than the cores above, never more than two', () => {
    assert.deepStrictEqual([1, 2, 3, 4, 16].map(poolSize), [1, 2, 2, 2, 2]);
  });
});
