// Publication dates inferred from the folder: an undated article reporting "on Thursday" the summit that a
// dated article puts on March 16, 2023 was published that day; the reason names the event and the source.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseArticle } from '../../../src/core/article';
import { ArticleAnalysis, DateMention, EntityMention } from '../../../src/core/model';
import { inferPublicationDates } from '../../../src/core/pubdates';

const NAMES: [string, EntityMention['type'], string][] = [
  ['Fumio Kishida', 'PERSON', 'person:fumio-kishida'],
  ['Yoon Suk Yeol', 'PERSON', 'person:yoon-suk-yeol'],
  ['Tokyo', 'PLACE', 'place:tokyo'],
  ['Seoul', 'PLACE', 'place:seoul'],
];

/**
 * Hand-made analysis; `dates` maps a phrase to its value once the publication date is known (or always, when absolute).
 */
function analysis(
  p: string,
  text: string,
  dates: Record<string, (published: string | null) => string>,
  published: string | null,
): ArticleAnalysis {
  const article = {
    ...parseArticle(text, p),
    published: published ? { value: published, origin: 'text' as const, reason: 'test' } : null,
  };
  const entities: EntityMention[] = [];
  for (const [name, type, id] of NAMES) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      entities.push({ start: i, end: i + name.length, text: name, type, id, canonical: name });
    }
  }
  const ds: DateMention[] = Object.entries(dates).map(([phrase, value]) => {
    const start = text.indexOf(phrase);
    return {
      start,
      end: start + phrase.length,
      text: phrase,
      type: 'DATE' as const,
      value: value(published),
      explanation: 'test',
      relative: !/\d{4}/.test(phrase),
    };
  });
  return { article, entities: entities.sort((a, b) => a.start - b.start), dates: ds };
}

const thursday = (published: string | null) => (published ? '2023-03-16' : 'XXXX-WXX-4');

describe('pubdates', () => {
  const dated = () =>
    analysis(
      'dated.txt',
      'Fumio Kishida met Yoon Suk Yeol at a landmark summit in Tokyo on March 16, 2023.\n',
      { 'March 16, 2023': () => '2023-03-16' },
      '2023-03-16',
    );
  const undated = (published: string | null = null) =>
    analysis(
      'undated.txt',
      'Yoon Suk Yeol met Fumio Kishida for a summit in Tokyo on Thursday, the first in 12 years.\n',
      { 'on Thursday': thursday },
      published,
    );
  const unrelated = () => analysis('other.txt', 'The weather was mild and the markets were quiet.\n', {}, null);

  it('dates an undated article from the event it shares with a dated one, and says why', () => {
    let reanalysed = 0;
    const result = inferPublicationDates([dated(), undated(), unrelated()], (p, published) => {
      reanalysed++;
      assert.strictEqual(p, 'undated.txt');
      return undated(published);
    });
    const got = result.get('undated.txt');
    assert.ok(got, 'inferred');
    assert.strictEqual(got!.value, '2023-03-16');
    assert.strictEqual(got!.origin, 'corpus');
    assert.strictEqual(got!.fromArticle, 'dated.txt');
    assert.match(got!.reason, /summit/);
    assert.match(got!.reason, /dated\.txt/);
    assert.strictEqual(reanalysed, 1);
    assert.ok(!result.has('dated.txt'), 'a dated article keeps its own date');
    assert.ok(!result.has('other.txt'), 'nothing shared, nothing inferred');
  });

  it('refuses a weekday that does not fit the event day', () => {
    const sunday = analysis(
      'sunday.txt',
      'Yoon Suk Yeol met Fumio Kishida for a summit in Tokyo on Sunday.\n',
      { 'on Sunday': (p) => (p ? '2023-03-12' : 'XXXX-WXX-7') },
      null,
    );
    const result = inferPublicationDates([dated(), sunday]);
    assert.ok(!result.has('sunday.txt'));
  });

  it('gets all five seed articles right with the real analysis', function () {
    this.timeout(60000);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { analyzeArticle } = require('../../../src/core/analyze');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { linkEntities } = require('../../../src/core/aliases');
    const root = [path.join(__dirname, '../../..'), path.join(__dirname, '../../../..')].find((r) =>
      fs.existsSync(path.join(r, 'seeds')),
    )!;
    const dir = path.join(root, 'seeds');
    const texts = new Map(
      fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]),
    );
    const bases: ArticleAnalysis[] = [...texts].map(([p, t]) => analyzeArticle(t, p));
    linkEntities(bases.map((a) => ({ path: a.article.path, entities: a.entities })));
    const inferred = inferPublicationDates(bases, (p, value) =>
      analyzeArticle(texts.get(p)!, p, { published: { value, origin: 'corpus', reason: '' } }),
    );
    const want: Record<string, string> = {
      '000_c2f3e774992eac9e.txt': '2023-03-16',
      '001_9aa4e507c3327256.txt': '2023-03-16',
      '002_b8f3287eca6855ed.txt': '2023-05-07',
      '003_7793fcfce77cd834.txt': '2023-05-07',
      '004_c0e5fdfcdfc52de7.txt': '2023-03-16',
    };
    for (const a of bases) {
      const got = a.article.published ?? inferred.get(a.article.path);
      assert.strictEqual(got?.value, want[a.article.path], `${a.article.path}: ${got?.reason}`);
    }
    assert.strictEqual(inferred.get('000_c2f3e774992eac9e.txt')!.fromArticle, '004_c0e5fdfcdfc52de7.txt');
  });
});
