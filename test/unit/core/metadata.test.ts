// The pieces of core/metadata on their own: date stamps, bylines, datelines, URL lines, front matter.
import * as assert from 'assert';
import { parseByline, parseCredits } from '../../../src/core/metadata/byline';
import { parseDateline, parseUrlLine } from '../../../src/core/metadata/dateline';
import { readFrontMatter } from '../../../src/core/metadata/frontmatter';
import { parseStamp } from '../../../src/core/metadata/stamps';

describe('metadata: date stamps', () => {
  const cases: [string, string | null, string | undefined][] = [
    ['Thu 10 Nov 2011 14.45 GMT', '2011-11-10', '14:45 GMT'],
    ['5:03 AM EST, Mon March 4, 2024', '2024-03-04', '05:03 EST'],
    ['March 16, 2023 10:12 a.m. ET', '2023-03-16', '10:12 ET'],
    ['14 August 2015', '2015-08-14', undefined],
    ['Aug. 14, 2015 3:15 p.m. PT', '2015-08-14', '15:15 PT'],
    ['Sept. 1, 2022 at 10:00 GMT+9', '2022-09-01', '10:00 GMT+9'],
    ['2023-12-13T19:05:00Z', '2023-12-13', '19:05 UTC'],
    ['2021-06-01T09:30:00+01:00', '2021-06-01', '09:30 +01:00'],
    ['Tuesday 3rd of October 2023, 08:00 BST', '2023-10-03', '08:00 BST'],
    ['25/12/2023', '2023-12-25', undefined],
    ['12.25.2023', '2023-12-25', undefined],
    ['03/04/2023', null, undefined],
  ];
  for (const [text, value, time] of cases) {
    it(`reads "${text}"`, () => {
      const s = parseStamp(text);
      assert.ok(s, text);
      assert.strictEqual(s.value, value);
      assert.strictEqual(s.time, time);
    });
  }

  it('gives both readings of an ambiguous numeric date, and settles it by its weekday', () => {
    assert.deepStrictEqual(parseStamp('03/04/2023')!.readings, ['2023-04-03', '2023-03-04']);
    assert.strictEqual(parseStamp('Sat 03/04/2023')!.value, '2023-03-04');
    assert.strictEqual(parseStamp('03/03/2023')!.value, '2023-03-03', 'both readings the same day');
  });

  it('finds nothing in text without a full date, and no day that does not exist', () => {
    assert.strictEqual(parseStamp('Updated 3 hours ago'), null);
    assert.strictEqual(parseStamp('version 1.2.3 released'), null);
    assert.strictEqual(parseStamp('February 30, 2023'), null);
  });
});

describe('metadata: bylines', () => {
  it('reads capitals bylines with two authors, accents kept', () => {
    assert.deepStrictEqual(parseByline('By JANE DOE and LUIS GARCÍA'), {
      authors: ['Jane Doe', 'Luis García'],
      source: null,
    });
  });

  it('reads the outlet after the name', () => {
    assert.deepStrictEqual(parseByline('By Jane Doe, Reuters'), { authors: ['Jane Doe'], source: 'Reuters' });
    assert.deepStrictEqual(parseByline('By Jane Doe for The Harbour Times'), {
      authors: ['Jane Doe'],
      source: 'The Harbour Times',
    });
    assert.deepStrictEqual(parseByline('By The Associated Press'), { authors: [], source: 'The Associated Press' });
  });

  it('reads "Name | Staff Writer" and "Name, Senior Correspondent in Seoul" without "By"', () => {
    assert.deepStrictEqual(parseByline('Jane Doe | Staff Writer'), { authors: ['Jane Doe'], source: null });
    assert.deepStrictEqual(parseByline('Kim Min-ji, Senior Correspondent'), { authors: ['Kim Min-ji'], source: null });
  });

  it('reads three authors, particles and initials', () => {
    assert.deepStrictEqual(parseByline('By Ana de la Cruz, J. R. Okafor & Pieter van Dijk')?.authors, [
      'Ana de la Cruz',
      'J. R. Okafor',
      'Pieter van Dijk',
    ]);
  });

  it('is not fooled by a sentence or a headline', () => {
    assert.strictEqual(parseByline('By the end of the year, prices had doubled.'), null);
    assert.strictEqual(parseByline('Seoul | Tokyo'), null);
    assert.strictEqual(parseByline('By a narrow margin'), null);
  });

  it('reads closing credits', () => {
    assert.deepStrictEqual(
      parseCredits('Reporting by Daniel Mercer in Tokyo; Additional reporting by Sara Lind; Editing by Claire Dubois')
        ?.authors,
      ['Daniel Mercer', 'Sara Lind'],
    );
    assert.strictEqual(parseCredits('Editing by Claire Dubois'), null);
  });
});

describe('metadata: datelines and URL lines', () => {
  it('reads wire datelines', () => {
    assert.deepStrictEqual(
      (({ text, place, source, monthDay }) => ({ text, place, source, monthDay }))(
        parseDateline('BRUSSELS (AP) — The ministers met.')!,
      ),
      { text: 'BRUSSELS (AP)', place: 'BRUSSELS', source: 'AP', monthDay: null },
    );
    const r = parseDateline('LONDON, March 16 (Reuters) - The bank said.')!;
    assert.strictEqual(r.text, 'LONDON, March 16 (Reuters)');
    assert.deepStrictEqual(r.monthDay, { month: 3, day: 16, text: 'March 16' });
    assert.strictEqual(parseDateline('SEOUL — For the first time')!.place, 'SEOUL');
    assert.strictEqual(parseDateline('SAN JOSÉ, Costa Rica (AFP) — Text')!.place, 'SAN JOSÉ, Costa Rica');
  });

  it('reads a labelled dateline line: place, region and date, as written', () => {
    const pick = (line: string) => {
      const d = parseDateline(line);
      return d && { text: d.text, place: d.place, value: d.value, monthDay: d.monthDay?.text ?? null };
    };
    assert.deepStrictEqual(pick('Dateline: Nairobi, 14/03/2024'), {
      text: 'Nairobi, 14/03/2024',
      place: 'Nairobi',
      value: '2024-03-14',
      monthDay: null,
    });
    assert.deepStrictEqual(pick('DATELINE: Nairobi, Kenya'), {
      text: 'Nairobi, Kenya',
      place: 'Nairobi, Kenya',
      value: null,
      monthDay: null,
    });
    assert.deepStrictEqual(pick('Dateline: Mombasa, Kenya, March 14'), {
      text: 'Mombasa, Kenya, March 14',
      place: 'Mombasa, Kenya',
      value: null,
      monthDay: 'March 14',
    });
    // Not a date after the place: not a dateline line (the text is something else).
    assert.strictEqual(pick('Dateline: Nairobi, 40 dead in floods'), null);
  });

  it('does not take a sentence with a dash for a dateline', () => {
    assert.strictEqual(parseDateline('The plan — which failed — was costly.'), null);
    assert.strictEqual(parseDateline('Prices rose - again.'), null);
    assert.strictEqual(parseDateline('BREAKING — Storm closes ports'), null);
    assert.strictEqual(parseDateline('GRANDMOTHER KILLED BY DRUNK DRIVER IN HIT - AND - RUN'), null);
    assert.strictEqual(parseDateline('RIO DE JANEIRO (Reuters) - Text')!.place, 'RIO DE JANEIRO');
    assert.strictEqual(parseDateline('ANALYSIS - What the vote means'), null);
  });

  it('reads dates in URL paths and ignores URLs without one', () => {
    assert.strictEqual(parseUrlLine('https://x.test/a/2019/7/4/slug')!.date!.value, '2019-07-04');
    assert.strictEqual(parseUrlLine('<https://x.test/a/2019-07-04/slug>')!.date!.value, '2019-07-04');
    assert.strictEqual(parseUrlLine('https://x.test/a/story_20190704.html')!.date!.value, '2019-07-04');
    assert.strictEqual(parseUrlLine('https://x.test/a/2019/13/45/slug')!.date, null);
    assert.strictEqual(
      parseUrlLine('See https://x.test/a/2019/07/04/ for more'),
      null,
      'a URL inside a sentence is not a URL line',
    );
  });
});

describe('metadata: front matter', () => {
  it('reads fields and spans of the whole file', () => {
    const text = '---\ntitle: A title\npublished: "2022-05-06"\nauthor: Jane Doe and Luis García\n---\nBody.';
    const fm = readFrontMatter(text)!;
    assert.strictEqual(fm.span.end, text.indexOf('Body.'));
    assert.strictEqual(fm.title?.value, 'A title');
    assert.strictEqual(text.slice(fm.published!.span.start, fm.published!.span.end), 'published: "2022-05-06"');
    assert.deepStrictEqual(fm.authors, ['Jane Doe', 'Luis García']);
  });

  it('keeps a broken block out of the text and says why', () => {
    const fm = readFrontMatter('---\ntitle: [unclosed\n---\nBody.')!;
    assert.match(fm.error!, /not valid YAML/);
    assert.strictEqual(fm.span.end, '---\ntitle: [unclosed\n---\n'.length);
  });

  it('reads TOML front matter as Hugo writes it (+++, key = value, arrays, [params], dates unquoted)', () => {
    const text = [
      '+++',
      'title = "Ferry crews vote"',
      'date = 2024-05-03T08:15:00+02:00',
      'authors = ["Nadia Ferreira", "Tomasz Wilk"]',
      'draft = false',
      '',
      '[params]',
      'source = "The Fjord Post"',
      'url = "https://fjord-post.example/a"',
      '+++',
      '',
      'Body.',
    ].join('\n');
    const fm = readFrontMatter(text)!;
    assert.strictEqual(fm.error, undefined);
    assert.strictEqual(fm.span.end, text.indexOf('\nBody.'));
    assert.strictEqual(fm.title?.value, 'Ferry crews vote');
    assert.strictEqual(fm.published?.value, '2024-05-03T08:15:00.000+02:00');
    assert.strictEqual(
      text.slice(fm.published!.span.start, fm.published!.span.end),
      'date = 2024-05-03T08:15:00+02:00',
    );
    assert.deepStrictEqual(fm.authors, ['Nadia Ferreira', 'Tomasz Wilk']);
    assert.strictEqual(fm.source?.value, 'The Fjord Post');
    assert.strictEqual(fm.url?.value, 'https://fjord-post.example/a');
  });

  it('reads a TOML publishDate, a bare date and an [author] table', () => {
    const fm = readFrontMatter('+++\npublishDate = 2024-05-03\n[author]\nname = "Jo Lind"\n+++\nBody.')!;
    assert.strictEqual(fm.published?.value, '2024-05-03');
    assert.deepStrictEqual(fm.authors, ['Jo Lind']);
  });

  it('keeps a broken TOML block out of the text and says why', () => {
    const fm = readFrontMatter('+++\ntitle = "unclosed\n+++\nBody.')!;
    assert.match(fm.error!, /not valid TOML/);
    assert.strictEqual(fm.span.end, '+++\ntitle = "unclosed\n+++\n'.length);
  });

  it('needs a fence on the first line and a closing fence', () => {
    assert.strictEqual(readFrontMatter('+++\ntitle = "no closing fence"'), null);
    assert.strictEqual(readFrontMatter('+++\nA line of text.\n+++\n'), null);
    assert.strictEqual(readFrontMatter('Title\n---\nx: 1\n---\n'), null);
    assert.strictEqual(readFrontMatter('---\nno closing fence'), null);
    assert.strictEqual(readFrontMatter('---\nA paragraph between two rules.\n---\nMore text.'), null);
  });
});
