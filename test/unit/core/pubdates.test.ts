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

// Publication dates the article states about itself (core/metadata): every layout, and the order of preference.
describe('pubdates: stated by the article', () => {
  const pub = (text: string) => parseArticle(text, 'x.txt');
  const value = (text: string) => pub(text).published?.value ?? null;
  const evidence = (text: string) => {
    const p = pub(text).published!;
    return text.slice(p.evidence!.start, p.evidence!.end);
  };

  it('reads a British date-and-time line "Thu 10 Nov 2011 14.45 GMT", with its time', () => {
    const text = 'Storm closes ports\nThu 10 Nov 2011 14.45 GMT\n\nPorts closed on Thursday.';
    const p = pub(text).published!;
    assert.strictEqual(p.value, '2011-11-10');
    assert.strictEqual(p.time, '14:45 GMT');
    assert.match(p.reason, /line 2/);
    assert.strictEqual(evidence(text), 'Thu 10 Nov 2011');
  });

  it('reads an AP web line "BRUSSELS (AP) — Published 5:03 AM EST, Mon March 4, 2024"', () => {
    const text =
      'Ministers agree on quotas\nBRUSSELS (AP) — Published 5:03 AM EST, Mon March 4, 2024\n\nMinisters agreed on Monday.';
    const a = pub(text);
    assert.strictEqual(a.published?.value, '2024-03-04');
    assert.strictEqual(a.published?.time, '05:03 EST');
    assert.strictEqual(a.meta?.dateline, 'BRUSSELS (AP)');
    assert.strictEqual(a.source, 'AP');
    assert.match(
      a.published!.reason,
      /^the article states "Published 5:03 AM EST, Mon March 4, 2024" \(line 2, 05:03 EST\)$/,
    );
  });

  it('reads day-first and month-first dates, abbreviated months and ordinals', () => {
    assert.strictEqual(value('Library reopens\n14 August 2015\n\nIt reopened.'), '2015-08-14');
    assert.strictEqual(value('Library reopens\nAugust 14, 2015\n\nIt reopened.'), '2015-08-14');
    assert.strictEqual(value('Library reopens\nAug. 14, 2015\n\nIt reopened.'), '2015-08-14');
    assert.strictEqual(value('Library reopens\nFriday, August 14th, 2015\n\nIt reopened.'), '2015-08-14');
    assert.strictEqual(value('Library reopens\nSept. 1, 2022 at 10:00 GMT+9\n\nIt reopened.'), '2022-09-01');
  });

  it('reads "Updated March 16, 2023 10:12 a.m. ET" when the article has no publication stamp', () => {
    const text = 'Council approves buses\nUpdated March 16, 2023 10:12 a.m. ET\n\nThe council voted on Thursday.';
    const p = pub(text).published!;
    assert.strictEqual(p.value, '2023-03-16');
    assert.strictEqual(p.time, '10:12 ET');
    assert.match(p.reason, /an update \(the article has no publication stamp\)/);
  });

  it('reads ISO timestamps with zone or offset', () => {
    assert.strictEqual(value('Airline adds flights\n2023-12-13T19:05:00Z\n\nIt said so on Wednesday.'), '2023-12-13');
    const p = pub('Airline adds flights\nPublished: 2021-06-01 09:30 +0100\n\nIt said so.').published!;
    assert.strictEqual(p.value, '2021-06-01');
    assert.strictEqual(p.time, '09:30 +0100');
  });

  it('reads the date in a URL line: /2019/07/04/, /2019-07-04/, /20190704', () => {
    for (const url of [
      'https://news.example.test/world/2019/07/04/festival',
      'https://news.example.test/local/2019-07-04/festival',
      'URL: https://news.example.test/a/20190704-festival',
    ]) {
      const a = pub(`${url}\nFestival draws crowds\n\nOrganisers spoke on Thursday.`);
      assert.strictEqual(a.published?.value, '2019-07-04', url);
      assert.match(a.published!.reason, /^the URL's path "\/2019/, url);
      assert.strictEqual(a.title, 'Festival draws crowds', 'the URL line is not the headline');
      assert.strictEqual(a.source, 'news.example.test');
    }
    assert.strictEqual(
      value('https://news.example.test/world/festival-crowds\nFestival draws crowds\n\nOrganisers spoke.'),
      null,
    );
  });

  it('reads front matter: date, title, source, authors', () => {
    const text =
      '---\ntitle: "Town votes to ban cruise ships"\ndate: 2022-05-06\nsource: The Coastal Courier\nauthors:\n  - Ingrid Halvorsen\n  - Samuel Okoro\n---\n\nResidents voted on Friday.';
    const a = pub(text);
    assert.strictEqual(a.published?.value, '2022-05-06');
    assert.strictEqual(evidence(text), 'date: 2022-05-06');
    assert.match(a.published!.reason, /^front matter "date: 2022-05-06" \(line 3\)$/);
    assert.strictEqual(a.title, 'Town votes to ban cruise ships');
    assert.strictEqual(a.source, 'The Coastal Courier');
    assert.deepStrictEqual(a.meta?.authors, ['Ingrid Halvorsen', 'Samuel Okoro']);
  });

  it('prefers a Published line to an event date in the lead', () => {
    const text =
      'Leaders meet\nPublished March 17, 2023\n\nThe leaders met in Tokyo on March 16, 2023, and agreed to talk again.';
    const p = pub(text).published!;
    assert.strictEqual(p.value, '2023-03-17');
    assert.match(
      p.reason,
      /preferred to the lead reports the day's event "on March 16, 2023" \(line 4\), an event date/,
    );
  });

  it('prefers an Updated line to an event date in the lead, when there is no Published line', () => {
    assert.strictEqual(
      value('Leaders meet\nUpdated March 17, 2023\n\nThe leaders met in Tokyo on March 16, 2023.'),
      '2023-03-17',
    );
  });

  it('prefers "Published" to "Updated", in either order and on one line', () => {
    assert.strictEqual(
      value(
        'Masks returned\nLast modified on Wed 4 Oct 2023 11.30 BST\nFirst published on Tue 3 Oct 2023 08.00 BST\n\nText.',
      ),
      '2023-10-03',
    );
    assert.strictEqual(
      value(
        'Masks returned\nFirst published on Tue 3 Oct 2023 08.00 BST\nLast modified on Wed 4 Oct 2023 11.30 BST\n\nText.',
      ),
      '2023-10-03',
    );
    const p = pub('Masks returned\nUpdated Oct. 4, 2023 | Published Oct. 3, 2023\n\nText.').published!;
    assert.strictEqual(p.value, '2023-10-03');
    assert.match(p.reason, /preferred to the article states "Updated Oct. 4, 2023" \(line 2\), an update/);
  });

  it('prefers the stamp nearest the top when two publication stamps disagree, and says so', () => {
    const p = pub(
      'https://news.example.test/2019/07/04/story\nHeadline here\nPublished July 5, 2019\n\nText.',
    ).published!;
    assert.strictEqual(p.value, '2019-07-04');
    assert.match(p.reason, /preferred to the article states "Published July 5, 2019" \(line 3\), further down/);
  });

  it('leaves an ambiguous numeric date unknown and says why', () => {
    const a = pub('Orchestra announces season\nPosted 03/04/2023\n\nThe orchestra announced its season.');
    assert.strictEqual(a.published, null);
    assert.match(
      a.meta!.publishedNote!,
      /"Posted 03\/04\/2023" \(line 2\) is ambiguous: 3 April 2023 \(day first\) or 4 March 2023 \(month first\)/,
    );
  });

  it('settles a numeric date by another numeric date, a written date or the weekday', () => {
    assert.strictEqual(value('Season\nPosted 03/04/2023\n\nIt opens on 25/12/2023.'), '2023-04-03');
    assert.strictEqual(value('Season\nPosted 03/04/2023\n\nIt opens on 12/25/2023.'), '2023-03-04');
    assert.strictEqual(
      value('Season\nPosted 03/04/2023\n\nThe orchestra announced on April 3 that it would tour.'),
      '2023-04-03',
    );
    assert.strictEqual(value('Season\nMon 03/04/2023\n\nText.'), '2023-04-03');
    assert.strictEqual(value('Season\nPosted 13/04/2023\n\nText.'), '2023-04-13', 'a part over 12 is not ambiguous');
  });

  it('completes a wire dateline "March 16" with the copyright year, or says the year is missing', () => {
    const dated = pub(
      'Bank holds rates\n\nTOKYO, March 16 (Reuters) - The bank kept rates on hold on Thursday.\n\n© 2023 Reuters',
    );
    assert.strictEqual(dated.published?.value, '2023-03-16');
    assert.strictEqual(dated.meta?.dateline, 'TOKYO, March 16 (Reuters)');
    const undated = pub('Bank holds rates\n\nTOKYO, March 16 (Reuters) - The bank kept rates on hold on Thursday.');
    assert.strictEqual(undated.published, null);
    assert.match(undated.meta!.publishedNote!, /dateline gives "March 16" but the article states no year/);
  });

  it('ignores "Updated"/"Published" inside a sentence of the body', () => {
    const body =
      'Headline\n\nThe story begins here with enough words to be a paragraph.\n\n'.padEnd(7000, 'x') +
      '\n\nUpdated March 5, 2024 figures show that sales rose by a third over the year.\n';
    assert.strictEqual(value(body), null);
  });

  it('does not take a timeline entry further down for a stamp', () => {
    const lines = [
      'Talks timeline',
      '',
      'The talks have a long history.',
      '',
      'Here is how they went.',
      '',
      'Each round was long.',
      '',
      'Some were short.',
      '',
      'Many were tense.',
      '',
      'A few were calm.',
      '',
      'One was cancelled.',
      '',
      'March 4, 2024: talks begin',
      '',
      'May 1, 2024: talks end',
    ];
    assert.strictEqual(value(lines.join('\n')), null);
  });

  it('rejects impossible stamps', () => {
    assert.strictEqual(value('Title\nPublished February 30, 2023\n\nText.'), null);
    assert.strictEqual(value('Title\n2023-13-01T10:00:00Z\n\nText.'), null);
  });
});
