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

  it('keeps every field of the mentions of later chunks: ranges, modifiers, paragraphs', () => {
    const base = bigText(600_000);
    const at = base.indexOf('\n\n', 450_000) + 2;
    const insert = 'Apple CEO Tim Cook recalled the 1910-45 rule in a speech.\n\n';
    const text = base.slice(0, at) + insert + base.slice(at);
    const published = { value: '2023-03-16', origin: 'user' as const, reason: 'test' };
    const a = analyzeArticle(text, 'big.txt', { published });
    assert.ok(
      chunkBoundaries(text).some((c) => c > 0 && c <= at),
      'the inserted paragraph is in a later chunk',
    );
    const apple = a.entities.find((e) => e.start === at);
    assert.ok(apple?.modifier, JSON.stringify(apple));
    const range = a.dates.find((d) => d.text === '1910-45' && d.start > at);
    assert.ok(range?.range, JSON.stringify(range));
    const sentence = a.article.sentences.find((s) => s.start === at)!;
    assert.strictEqual(a.article.paragraphs[sentence.paragraph].start, at);
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

describe('analyze: article metadata', () => {
  it('resolves relative dates against a stated publication date, and keeps byline names out of the story', () => {
    const text =
      'Ministers agree on quotas\nBy Maria Rossi and TOMAS EKBERG\nBRUSSELS (AP) — Published 5:03 AM EST, Mon March ' +
      '4, 2024\n\nEuropean Union ministers agreed on Monday, Commissioner Anna Weber said. Talks resume next ' +
      'week.';
    const a = analyzeArticle(text, 'a.txt');
    assert.strictEqual(a.article.published?.value, '2024-03-04');
    assert.deepStrictEqual(a.article.meta?.authors, ['Maria Rossi', 'Tomas Ekberg']);
    assert.strictEqual(a.dates.find((d) => d.text === 'Monday')?.value, '2024-03-04');
    assert.strictEqual(a.dates.find((d) => d.text === 'next week')?.value, '2024-W11');
    const people = a.entities.filter((e) => e.type === 'PERSON').map((e) => e.text);
    assert.ok(people.includes('Anna Weber'), people.join());
    assert.ok(!people.some((p) => /Rossi|EKBERG/.test(p)), people.join());
    assert.ok(!a.dates.some((d) => d.start < text.indexOf('\n\n')), 'the stamp itself is not a date of the story');
  });

  it('does not analyse front matter, and keeps offsets into the whole file', () => {
    const text =
      '---\ntitle: Ports close in Rotterdam\ndate: 2022-05-06\nauthors: [Ingrid Halvorsen]\n---\n\nPorts in Antwerp ' +
      'closed on Friday.';
    const a = analyzeArticle(text, 'a.md');
    const body = text.indexOf('Ports in');
    assert.ok(a.entities.length > 0 && a.entities.every((e) => e.start >= body), a.entities.map((e) => e.text).join());
    assert.ok(a.dates.every((d) => d.start >= body));
    assert.strictEqual(a.dates.find((d) => d.text === 'Friday')?.value, '2022-05-06');
    for (const m of [...a.entities, ...a.dates]) assert.strictEqual(text.slice(m.start, m.end), m.text);
  });

  it('puts authors, dateline, source and the reason in the JSON the CLI prints', () => {
    const index = new CorpusIndex();
    index.upsert(
      'a.txt',
      'Bank holds rates\nBy Daniel Mercer, Reuters\n\nTOKYO, March 16 (Reuters) - The bank held rates on ' +
        'Thursday.\n\n© 2023 Reuters',
    );
    index.upsert('b.txt', 'Season\nPosted 03/04/2023\n\nThe orchestra announced its season.');
    const [a, b] = index.toJSON().articles;
    assert.deepStrictEqual(
      { published: a.published, authors: a.authors, dateline: a.dateline, source: a.source },
      { published: '2023-03-16', authors: ['Daniel Mercer'], dateline: 'TOKYO, March 16 (Reuters)', source: 'Reuters' },
    );
    assert.match(a.publishedReason!, /^text: the wire dateline "March 16", the year from "© 2023"/);
    assert.strictEqual(b.published, null);
    assert.match(b.publishedReason!, /ambiguous/);
  });
});
