import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CorpusIndex } from '../../../../src/core/corpus';
import { DiskAnalysisStore } from '../../../../src/extension/pure/analysisStore';

const SEEDS = path.join(__dirname, '..', '..', '..', '..', '..', 'seeds');

describe('analysis store (the corpus cache between sessions)', () => {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'aa-store-'));

  it('a second index of the same folder reads every analysis from disk and gives the same result', () => {
    const dir = tmp();
    const files = fs.readdirSync(SEEDS).map((f) => [f, fs.readFileSync(path.join(SEEDS, f), 'utf8')] as const);
    const first = new CorpusIndex(new DiskAnalysisStore(dir, 'build-1'));
    for (const [f, t] of files) first.upsert(f, t);
    const store = new DiskAnalysisStore(dir, 'build-1');
    const second = new CorpusIndex(store);
    for (const [f, t] of files) second.upsert(f, t);
    assert.strictEqual(store.hits, files.length);
    assert.strictEqual(store.misses, 0);
    assert.deepStrictEqual(second.toJSON(), first.toJSON());
  });

  it('misses when the text or the user date changed, and forgets other builds', () => {
    const dir = tmp();
    const a = new DiskAnalysisStore(dir, 'old');
    const index = new CorpusIndex(a);
    index.upsert('x.txt', 'Kishida met Yoon in Seoul on Sunday.\n', '2023-05-07');
    const b = new DiskAnalysisStore(dir, 'new');
    assert.ok(!fs.existsSync(path.join(dir, 'analysis-cache', 'old')));
    assert.strictEqual(b.load('x.txt', 'Kishida met Yoon in Seoul on Sunday.\n', '2023-05-07'), undefined);
    const c = new CorpusIndex(b);
    c.upsert('x.txt', 'Kishida met Yoon in Seoul on Sunday.\n', '2023-05-07');
    // The stored analysis carries its detected events (found with it, before linking).
    const stored = b.load('x.txt', 'Kishida met Yoon in Seoul on Sunday.\n', '2023-05-07');
    assert.ok(stored?.detected);
    assert.deepStrictEqual(stored.detected.events.lemma, ['meet']);
    assert.strictEqual(stored.detected.events.published, '2023-05-07');
    assert.strictEqual(b.load('x.txt', 'Kishida met Yoon in Seoul on Sunday.\n', '2023-05-08'), undefined);
    assert.strictEqual(b.load('x.txt', 'Kishida met Yoon in Seoul on Saturday.\n', '2023-05-07'), undefined);
  });

  it('treats a corrupt entry as a miss and removes it', () => {
    const dir = tmp();
    const store = new DiskAnalysisStore(dir, 'b');
    new CorpusIndex(store).upsert('x.txt', 'Yoon visited Tokyo.\n');
    // One folder per stored format and build.
    const [version] = fs.readdirSync(path.join(dir, 'analysis-cache'));
    assert.match(version, /^v\d+-b$/);
    const root = path.join(dir, 'analysis-cache', version);
    const sub = fs.readdirSync(root)[0];
    const file = path.join(root, sub, fs.readdirSync(path.join(root, sub))[0]);
    fs.writeFileSync(file, '{ torn');
    assert.strictEqual(store.load('x.txt', 'Yoon visited Tokyo.\n', null), undefined);
    assert.ok(!fs.existsSync(file));
  });
});
