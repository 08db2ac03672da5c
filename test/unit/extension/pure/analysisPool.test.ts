import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CorpusIndex } from '../../../../src/core/corpus';
import { AnalysisPool, poolSize } from '../../../../src/extension/pure/analysisPool';
import { listArticleFiles } from '../../../../src/extension/pure/articleFiles';

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
      const outcomes = await Promise.all(inputs.map((a) => pool.analyse(a)));
      const pooled = new CorpusIndex();
      inputs.forEach((a, i) => {
        const o = outcomes[i];
        assert.ok('analysis' in o);
        pooled.upsertAnalysis(a.path, o.text, a.userPublished, o.analysis);
      });
      assert.deepStrictEqual(pooled.toJSON(), one.toJSON());
      assert.strictEqual(pool.pending, 0);
    } finally {
      await pool.dispose();
    }
  });

  it('reads files itself: the text as in the file (without a BOM), too large or binary files skipped', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-pool-'));
    const seed = articles()[0];
    fs.writeFileSync(path.join(dir, 'a.txt'), '\ufeff' + seed.text);
    fs.writeFileSync(path.join(dir, 'b.txt'), Buffer.from([0, 1, 2, 3]));
    const pool = new AnalysisPool(THREAD, 2);
    try {
      const job = (name: string, maxBytes = 1 << 20) => ({
        path: name,
        file: path.join(dir, name),
        userPublished: null,
        maxBytes,
      });
      const [a, b, big, missing] = await Promise.all([
        pool.analyse(job('a.txt')),
        pool.analyse(job('b.txt')),
        pool.analyse(job('a.txt', 100)),
        pool.analyse(job('none.txt')),
      ]);
      assert.ok('analysis' in a && a.text === seed.text);
      assert.match('skipped' in b ? b.skipped : '', /binary/);
      assert.match('skipped' in big ? big.skipped : '', /maxFileSizeMB/);
      assert.match('skipped' in missing ? missing.skipped : '', /could not read/);
    } finally {
      await pool.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists the text files of a folder that match the globs, skipping node_modules and .git', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-list-'));
    for (const f of ['news/a.txt', 'news/deep/b.md', 'news/c.json', 'other/d.txt', 'news/node_modules/e.txt']) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), 'x');
    }
    try {
      const found = await listArticleFiles([dir], ['**/news/**/*.{txt,md}']);
      assert.deepStrictEqual(
        found.map((f) => path.relative(dir, f).split(path.sep).join('/')),
        ['news/a.txt', 'news/deep/b.md'],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails the articles of a thread that stops, and goes on with a new thread', async () => {
    const pool = new AnalysisPool(path.join(__dirname, 'no-such-thread.js'), 1);
    await assert.rejects(pool.analyse({ path: 'a.txt', text: 'Text.', userPublished: null }), /a\.txt: the analysis/);
    await pool.dispose();
    await assert.rejects(pool.analyse({ path: 'b.txt', text: 'Text.', userPublished: null }), /stopped/);
  });

  it('analyses an article asked for first ahead of the jobs waiting', async () => {
    const pool = new AnalysisPool(THREAD, 1);
    const done: string[] = [];
    const all = articles().slice(0, 10);
    const jobs = all.map((a) => pool.analyse(a).then(() => done.push(a.path)));
    const first = { path: 'opened.txt', text: all[0].text, userPublished: null };
    jobs.push(pool.analyse(first, true).then(() => done.push(first.path)));
    await Promise.all(jobs);
    await pool.dispose();
    // Two jobs were posted to the thread before it: the opened article comes third, not eleventh.
    assert.strictEqual(done.indexOf('opened.txt'), 2, done.join(' '));
  });

  it('uses two threads on two cores, one less than the cores above, never more than two', () => {
    assert.deepStrictEqual([1, 2, 3, 4, 16].map(poolSize), [1, 2, 2, 2, 2]);
  });
});
