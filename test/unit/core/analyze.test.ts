import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeArticle, chunkBoundaries, ChunkCache, CHUNKING_THRESHOLD } from '../../../src/core/analyze';
import { CorpusIndex } from '../../../src/core/corpus';

const SEEDS = path.join(__dirname, '..', '..', '..', '..', 'seeds');
const seedText = fs
  .readdirSync(SEEDS)
  .map((f) => fs.readFileSync(path.join(SEEDS, f), 'utf8'))
  .join('\n\n');

function bigText(size: number): string {
  return seedText.repeat(Math.ceil(size / seedText.length)).slice(0, size);
}

describe('analyze', () => {
  it('analyses a seed whole, with entities and dates inside the text', () => {
    const text = fs.readFileSync(path.join(SEEDS, fs.readdirSync(SEEDS)[0]), 'utf8');
    const a = analyzeArticle(text, 'a.txt', { published: { value: '2023-03-16', origin: 'user', reason: 'test' } });
    assert.ok(a.entities.length > 10 && a.dates.length > 5);
    for (const m of [...a.entities, ...a.dates]) assert.strictEqual(text.slice(m.start, m.end), m.text);
  });

  it('cuts large texts at blank lines that an edit elsewhere does not move', () => {
    const text = bigText(2_000_000);
    const cuts = chunkBoundaries(text);
    assert.ok(cuts.length > 8);
    for (const c of cuts.slice(1, -1)) assert.match(text.slice(c - 2, c), /\n\s*$/);
    const edited = text.slice(0, 1_000_000) + 'An inserted sentence.\n\n' + text.slice(1_000_000);
    const cuts2 = chunkBoundaries(edited);
    const delta = edited.length - text.length;
    const before = cuts.filter((c) => c < 900_000);
    const after = cuts.filter((c) => c > 1_300_000).map((c) => c + delta);
    for (const c of before) assert.ok(cuts2.includes(c), `cut ${c} moved`);
    for (const c of after) assert.ok(cuts2.includes(c), `cut ${c - delta} moved`);
  });

  it('re-analyses only the chunks an edit touched, with the same result as a fresh analysis @slow', function () {
    this.timeout(120000);
    const text = bigText(3_000_000);
    assert.ok(text.length > CHUNKING_THRESHOLD);
    const cache = new ChunkCache();
    const published = { value: '2023-03-16', origin: 'user' as const, reason: 'test' };
    const first = analyzeArticle(text, 'big.txt', { published, cache });
    const chunks = cache.computed;
    assert.ok(chunks > 10, `${chunks} chunks`);
    const at = text.indexOf('\n\n', 1_500_000) + 2;
    const edited = text.slice(0, at) + 'Kishida met Yoon in Seoul on Sunday.\n\n' + text.slice(at);
    cache.resetCounters();
    const second = analyzeArticle(edited, 'big.txt', { published, cache });
    assert.ok(cache.computed <= 2, `${cache.computed} chunks re-analysed after one edit`);
    assert.ok(cache.reused >= chunks - 2);
    const fresh = analyzeArticle(edited, 'big.txt', { published });
    const strip = (a: typeof fresh) => ({
      e: a.entities.map((x) => [x.start, x.end, x.type]),
      d: a.dates.map((x) => [x.start, x.end, x.value]),
      s: a.article.sentences.length,
    });
    assert.deepStrictEqual(strip(second), strip(fresh));
    for (const m of second.entities) assert.strictEqual(edited.slice(m.start, m.end), m.text);
    assert.ok(second.entities.length > first.entities.length);
  });

  it("the corpus index keeps each article's chunk cache between updates", () => {
    const index = new CorpusIndex();
    const text = bigText(1_000_000);
    index.upsert('big.txt', text, '2023-03-16');
    const at = text.indexOf('\n\n', 500_000) + 2;
    index.upsert('big.txt', text.slice(0, at) + 'Yoon visited Tokyo.\n\n' + text.slice(at), '2023-03-16');
    const stats = index.chunkStats('big.txt')!;
    assert.ok(stats.computed <= 2 && stats.reused > 0, JSON.stringify(stats));
  });
});
