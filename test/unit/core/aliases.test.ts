// Unit tests for linkEntities: the seed spellings a careful reader joins, and the ones that must stay apart.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findEntities } from '../../../src/core/entities';
import { linkEntities, ArticleEntities } from '../../../src/core/aliases';
import { EntityRecord } from '../../../src/core/model';

const SEEDS = path.join(__dirname, '../../../../seeds');

function seedArticles(): ArticleEntities[] {
  return fs
    .readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ path: f, entities: findEntities(fs.readFileSync(path.join(SEEDS, f), 'utf8')) }));
}

function recordOf(records: EntityRecord[], id: string): EntityRecord {
  const r = records.find((x) => x.id === id);
  assert.ok(r, `no record ${id}`);
  return r!;
}

describe('aliases', () => {
  const articles = seedArticles();
  const records = linkEntities(articles);

  // test/fixtures/seeds-events.yaml, section "entities".
  const expected: Array<[string, string, string[]]> = [
    ['person:yoon-suk-yeol', 'Yoon Suk Yeol', ['Yoon Suk Yeol', 'Yoon Suk-yeol', 'Yoon', 'Mr. Yoon', 'President Yoon']],
    ['person:fumio-kishida', 'Fumio Kishida', ['Fumio Kishida', 'Kishida', 'Mr. Kishida', 'Prime Minister Kishida']],
    ['person:yuko-kishida', 'Yuko Kishida', ['Yuko Kishida', 'Yuko']],
    ['place:north-korea', 'North Korea', ['North Korea', 'the North', 'Pyongyang']],
  ];
  for (const [id, canonical, spellings] of expected) {
    it(`joins every spelling of ${canonical}`, () => {
      const r = recordOf(records, id);
      assert.strictEqual(r.canonical, canonical);
      for (const s of spellings) assert.ok(r.spellings.includes(s), `${s} not in ${JSON.stringify(r.spellings)}`);
    });
  }

  it('rewrites every mention to the canonical id and name', () => {
    for (const a of articles) {
      for (const m of a.entities) {
        if (m.text === 'Yuko') {
          assert.strictEqual(m.id, 'person:yuko-kishida');
          assert.strictEqual(m.canonical, 'Yuko Kishida');
        }
        if (m.text === 'Kishida' || m.text === 'Mr. Kishida') assert.strictEqual(m.id, 'person:fumio-kishida');
        if (m.text === 'Yoon') assert.strictEqual(m.canonical, 'Yoon Suk Yeol');
      }
    }
  });

  it('counts articles and mentions, spellings most frequent first', () => {
    const yoon = recordOf(records, 'person:yoon-suk-yeol');
    assert.strictEqual(yoon.articles.length, 5);
    assert.strictEqual(yoon.spellings[0], 'Yoon');
    const total = articles.reduce((n, a) => n + a.entities.filter((m) => m.id === yoon.id).length, 0);
    assert.strictEqual(yoon.mentionCount, total);
  });

  it('keeps Seoul apart from South Korea where Seoul is a location', () => {
    const seoul = recordOf(records, 'place:seoul');
    assert.ok(seoul.mentionCount >= 3);
    const sk = recordOf(records, 'place:south-korea');
    assert.ok(sk.spellings.includes('South Korea'));
    // "the national cemetery in Seoul" stays the city.
    const a002 = articles.find((a) => a.path.startsWith('002'))!;
    const inSeoul = a002.entities.filter((m) => m.text === 'Seoul');
    assert.ok(inSeoul.some((m) => m.id === 'place:seoul'));
  });

  it('keeps the two Kishidas and other people apart', () => {
    const people = records.filter((r) => r.type === 'PERSON').map((r) => r.id);
    assert.ok(people.includes('person:fumio-kishida') && people.includes('person:yuko-kishida'));
    assert.ok(!people.includes('person:kishida') && !people.includes('person:yoon') && !people.includes('person:yuko'));
  });

  it('sends a surname to the most mentioned bearer and a given name only to its bearer', () => {
    const folder: ArticleEntities[] = [
      {
        path: 'a.txt',
        entities: findEntities('Prime Minister Fumio Kishida met Yoon Suk Yeol. Kishida said so, and Kishida left.'),
      },
      { path: 'b.txt', entities: findEntities('Kishida and his wife, Yuko Kishida, visited Seoul.') },
      { path: 'c.txt', entities: findEntities('Kishida said no. Yuko said yes. Mr. Yoon smiled.') },
    ];
    linkEntities(folder);
    const c = folder[2].entities;
    assert.strictEqual(c.find((m) => m.text === 'Kishida')!.id, 'person:fumio-kishida');
    assert.strictEqual(c.find((m) => m.text === 'Yuko')!.id, 'person:yuko-kishida');
    assert.strictEqual(c.find((m) => m.text === 'Mr. Yoon')!.id, 'person:yoon-suk-yeol');
  });

  it('joins a name without its middle initial to its one bearer with it, and keeps two such bearers apart', () => {
    const folder: ArticleEntities[] = [
      { path: 'a.txt', entities: findEntities('George W. Bush met Edith R. Denholm in Dallas. Bush spoke.') },
      { path: 'b.txt', entities: findEntities('George Bush met Edith Denholm in Dallas. President Bush spoke.') },
    ];
    linkEntities(folder);
    const ids = (i: number) => new Set(folder[i].entities.filter((m) => m.type === 'PERSON').map((m) => m.id));
    assert.deepStrictEqual([...ids(0)].sort(), ['person:edith-r-denholm', 'person:george-w-bush']);
    assert.deepStrictEqual([...ids(1)].sort(), ['person:edith-r-denholm', 'person:george-w-bush']);
    assert.ok(folder[1].entities.every((m) => m.type !== 'PERSON' || /W\.|R\./.test(m.canonical)));
    const two: ArticleEntities[] = [
      { path: 'a.txt', entities: findEntities('George W. Bush met George H. W. Bush in Texas.') },
      { path: 'b.txt', entities: findEntities('George Bush spoke in Texas.') },
    ];
    const records = linkEntities(two);
    const george = two[1].entities.find((m) => m.text === 'George Bush')!;
    assert.strictEqual(george.id, 'person:george-bush', 'two bearers with initials: the bare name stays its own');
    assert.ok(
      records.some((r) => r.id === 'person:george-w-bush') && records.some((r) => r.id === 'person:george-h-w-bush'),
    );
  });

  it('lets a gendered honorific choose between bearers of one surname', () => {
    const folder: ArticleEntities[] = [
      {
        path: 'a.txt',
        entities: findEntities('Prime Minister Fumio Kishida spoke. Later Mr. Kishida left, and Kishida returned.'),
      },
      {
        path: 'b.txt',
        entities: findEntities(
          'Fumio Kishida and his wife, Yuko Kishida, arrived. Kishida spoke first; Mrs. Kishida laid flowers.',
        ),
      },
    ];
    linkEntities(folder);
    const b = folder[1].entities;
    assert.strictEqual(b.find((m) => m.text === 'Kishida')!.id, 'person:fumio-kishida');
    assert.strictEqual(b.find((m) => m.text === 'Mrs. Kishida')!.id, 'person:yuko-kishida');
  });

  it('carries an acronym defined in one article to the others', () => {
    const folder: ArticleEntities[] = [
      { path: 'a.txt', entities: findEntities('Seoul will drop a World Trade Organization (WTO) complaint.') },
      { path: 'b.txt', entities: findEntities('Officials said the WTO ruled on Monday.') },
    ];
    const recs = linkEntities(folder);
    const wto = folder[1].entities.find((m) => m.text === 'WTO')!;
    assert.strictEqual(wto.id, 'org:world-trade-organization');
    assert.strictEqual(recordOf(recs, wto.id).articles.length, 2);
  });

  it('knows well-known short forms: G7 is the Group of Seven', () => {
    const g7 = recordOf(records, 'org:group-of-seven');
    assert.ok(g7.spellings.includes('G7') && g7.spellings.includes('Group of Seven'));
    assert.strictEqual(g7.articles.length, 2);
  });

  it('returns nothing for an empty folder', () => {
    assert.deepStrictEqual(linkEntities([]), []);
  });
});
