// Unit tests for findDates: TIMEX3 values resolved against the publication date, on the seeds and on edge cases.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findDates, DateOptions } from '../../../src/core/dates';
import { DateMention } from '../../../src/core/model';

const SEEDS = path.join(__dirname, '../../../../seeds');

/** Runs findDates and checks the invariants every result must keep. */
function run(text: string, options: DateOptions): DateMention[] {
  const found = findDates(text, options);
  let lastEnd = -1;
  // The only overlap allowed: the ends of a range ("from 2009 to 2011"), nested in it and right after it.
  let range: DateMention | null = null;
  for (const m of found) {
    assert.strictEqual(text.slice(m.start, m.end), m.text, `offsets of ${JSON.stringify(m.text)}`);
    const nested = !!range && m.start >= range.start && m.end <= range.end && m.type === 'DATE';
    assert.ok(nested || m.start >= lastEnd, `sorted and non-overlapping at ${m.start}`);
    assert.ok(m.end > m.start);
    assert.ok(m.explanation.length > 0, `explanation for ${m.text}`);
    if (!nested) {
      lastEnd = m.end;
      range = m.range ? m : null;
    }
  }
  return found;
}

/** The mention whose text is `surface` (the n-th one when it repeats). */
function get(found: DateMention[], surface: string, n = 0): DateMention {
  const all = found.filter((m) => m.text === surface);
  assert.ok(all.length > n, `no mention "${surface}" (#${n}) among ${JSON.stringify(found.map((m) => m.text))}`);
  return all[n];
}

function valueOf(text: string, surface: string, published: string | null = '2023-03-16'): string {
  return get(run(text, { published }), surface).value;
}

function seed(prefix: string): string {
  const f = fs.readdirSync(SEEDS).find((x) => x.startsWith(prefix));
  assert.ok(f, `seed ${prefix}`);
  return fs.readFileSync(path.join(SEEDS, f!), 'utf8');
}

describe('dates', () => {
  describe('issue examples', () => {
    it('resolves a bare weekday in a past-tense sentence to the latest one on or before publication', () => {
      const m = get(run('Yoon touched down in Japan on Thursday.', { published: '2023-03-16' }), 'Thursday');
      assert.strictEqual(m.value, '2023-03-16');
      assert.strictEqual(m.type, 'DATE');
      assert.strictEqual(m.relative, true);
      assert.match(m.explanation, /past-tense/);
      assert.match(m.explanation, /2023-03-16/);
    });

    it('reads the present of a timetable as what is to come, even before a trailing "said"', () => {
      // Published Thursday 12 November 2026: the Monday of "reopens on Monday" is the one ahead, not the one gone.
      const pub = '2026-11-12';
      assert.strictEqual(valueOf('The north pier reopens on Monday, the council said.', 'Monday', pub), '2026-11-16');
      assert.strictEqual(valueOf('Talks resume on Monday in Geneva.', 'Monday', pub), '2026-11-16');
      assert.strictEqual(valueOf('The exhibition opens on Saturday.', 'Saturday', pub), '2026-11-14');
      // The past of the same verbs stays in the past.
      assert.strictEqual(valueOf('The north pier reopened on Monday, the council said.', 'Monday', pub), '2026-11-09');
    });

    it('resolves calendar units relative to publication', () => {
      assert.strictEqual(valueOf('It came after last week’s announcement.', 'last week'), '2023-W10');
      assert.strictEqual(
        valueOf('The G7 meets in Hiroshima later this month.', 'later this month', '2023-05-07'),
        '2023-05',
      );
      assert.strictEqual(valueOf('Sales rose this year.', 'this year'), '2023');
      assert.strictEqual(valueOf('Sales rose last year.', 'last year'), '2022');
      assert.strictEqual(valueOf('Profit fell last month.', 'last month'), '2023-02');
      assert.strictEqual(valueOf('It opens next month.', 'next month'), '2023-04');
    });

    it('reads years, durations and vague amounts', () => {
      const found = run('Curbs imposed in 2019 ended after 12 years, a dozen years or several years.', {
        published: '2023-03-16',
      });
      assert.strictEqual(get(found, '2019').value, '2019');
      assert.strictEqual(get(found, '2019').type, 'DATE');
      assert.strictEqual(get(found, '12 years').value, 'P12Y');
      assert.strictEqual(get(found, '12 years').type, 'DURATION');
      assert.strictEqual(get(found, 'a dozen years').value, 'P12Y');
      assert.strictEqual(get(found, 'several years').value, 'PXY');
      assert.strictEqual(
        valueOf('It was delayed almost two and a half years.', 'almost two and a half years'),
        'P2.5Y',
      );
      assert.strictEqual(valueOf('a 27-year contract', '27-year'), 'P27Y');
      assert.strictEqual(valueOf('the aircraft’s fifty-year service life', 'fifty-year'), 'P50Y');
      assert.strictEqual(valueOf('after thirty minutes', 'thirty minutes'), 'PT30M');
    });

    it('reads seasons, explicit dates and parts of months', () => {
      assert.strictEqual(valueOf('we can feel the arrival of spring', 'spring'), '2023-SP');
      assert.strictEqual(valueOf('the summit on March 16, 2023 in Tokyo', 'March 16, 2023'), '2023-03-16');
      assert.strictEqual(valueOf('a mid-March trip to Tokyo', 'mid-March', '2023-05-07'), '2023-03');
      assert.strictEqual(valueOf('the plane flew on 11 December', '11 December', '2010-01-25'), '2009-12-11');
      assert.strictEqual(valueOf('as written in the American format, 7/8/07.', '7/8/07'), '2007-07-08');
      assert.strictEqual(valueOf('date 2023-05-07 Listen', '2023-05-07'), '2023-05-07');
      assert.strictEqual(valueOf('It will be shown in May this year.', 'May this year'), '2023-05');
      assert.strictEqual(valueOf('service begins in November 2006.', 'November 2006'), '2006-11');
      assert.strictEqual(valueOf('The film premieres Dec. 25, 2023.', 'Dec. 25, 2023'), '2023-12-25');
      assert.strictEqual(
        valueOf('delayed because of the September 11 attacks', 'September 11', '2008-12-01'),
        '2001-09-11',
      );
    });

    it('reads other numeric forms and lets a weekday pick the year', () => {
      assert.strictEqual(valueOf('Published 16.03.2023 in Seoul', '16.03.2023'), '2023-03-16');
      const cjk = run('尹錫悦大統領は2023年3月16日に東京を訪れた。', { published: null });
      assert.deepStrictEqual(
        cjk.map((m) => [m.text, m.value]),
        [['2023年3月16日', '2023-03-16']],
      );
      // August 2 was a Friday in 2013, not in 2014.
      assert.strictEqual(valueOf('The news came on Friday, August 2.', 'Friday, August 2', '2014-01-10'), '2013-08-02');
    });

    it('reads year ranges as a duration with a range', () => {
      for (const [text, surface] of [
        ['Japan’s 1910-45 colonial rule', '1910-45'],
        ['colonial rule of the peninsula from 1910 to 1945.', 'from 1910 to 1945'],
      ]) {
        const m = get(run(text, { published: '2023-05-07' }), surface);
        assert.strictEqual(m.type, 'DURATION');
        assert.strictEqual(m.value, 'P35Y');
        assert.deepStrictEqual(m.range, { begin: '1910', end: '1945' });
      }
      const between = get(
        run('then between 2014 and 2016 it will take delivery', { published: '2007-06-09' }),
        'between 2014 and 2016',
      );
      assert.deepStrictEqual(between.range, { begin: '2014', end: '2016' });
    });

    it('resolves Sunday on a Sunday publication date to that day', () => {
      assert.strictEqual(
        valueOf('The leaders met Sunday for their second summit.', 'Sunday', '2023-05-07'),
        '2023-05-07',
      );
    });

    it('types a weekday with a part of the day as TIME', () => {
      const m = get(
        run('On Thursday afternoon, Japan said it would drop curbs.', { published: '2023-03-16' }),
        'Thursday afternoon',
      );
      assert.strictEqual(m.type, 'TIME');
      assert.strictEqual(m.value, '2023-03-16TAF');
    });

    it('reads deictic words', () => {
      const found = run(
        'Today the store, which currently sells music and more recently films, is now open; it recently grew.',
        { published: '2023-03-16' },
      );
      assert.strictEqual(get(found, 'Today').value, '2023-03-16');
      assert.strictEqual(get(found, 'currently').value, 'PRESENT_REF');
      assert.strictEqual(get(found, 'more recently').value, 'PAST_REF');
      assert.strictEqual(get(found, 'now').value, 'PRESENT_REF');
      assert.strictEqual(get(found, 'recently').value, 'PAST_REF');
      assert.strictEqual(valueOf('Jobs died yesterday.', 'yesterday', '2011-10-06'), '2011-10-05');
      assert.strictEqual(valueOf('It ships tomorrow.', 'tomorrow'), '2023-03-17');
      assert.strictEqual(valueOf('The feud lingers to this day.', 'this day'), 'PRESENT_REF');
    });

    it('reads sets', () => {
      const found = run('The weekly paper and the annual conference, held every year; 15 a year.', {
        published: '2023-03-16',
      });
      assert.strictEqual(get(found, 'weekly').type, 'SET');
      assert.strictEqual(get(found, 'weekly').value, 'P1W');
      assert.strictEqual(get(found, 'annual').value, 'P1Y');
      assert.strictEqual(get(found, 'every year').value, 'P1Y');
      assert.strictEqual(get(found, 'every year').type, 'SET');
      assert.strictEqual(get(found, 'a year').type, 'SET');
      assert.strictEqual(valueOf('They meet every Monday.', 'every Monday'), 'XXXX-WXX-1');
      // "Daily" in a newspaper's name is not a frequency.
      assert.ok(
        !run('Keep up with the Daily Sabah Newsletter.', { published: '2023-03-16' }).some((m) => m.text === 'Daily'),
      );
    });

    it('reads decades, centuries and quarters', () => {
      assert.strictEqual(valueOf('prices in the 1990s', 'the 1990s'), '199');
      assert.strictEqual(valueOf('since the early 2000s', 'the early 2000s'), '200');
      assert.strictEqual(valueOf('in the 20th century', 'the 20th century'), '19');
      assert.strictEqual(
        valueOf('profits during the last quarter, which ended', 'the last quarter', '2007-01-18'),
        '2006-Q4',
      );
      assert.strictEqual(valueOf('sales in the fourth quarter rose', 'the fourth quarter', '2007-01-18'), '2006-Q4');
      assert.strictEqual(valueOf('results for Q1 2023', 'Q1 2023'), '2023-Q1');
    });

    it('reads clock times as TIME, anchored on the day named in the sentence', () => {
      const found = run('It made its first flight Tuesday in Everett at 18:00 UTC.', { published: '2009-12-16' });
      assert.strictEqual(get(found, 'Tuesday').value, '2009-12-15');
      assert.strictEqual(get(found, '18:00 UTC').type, 'TIME');
      assert.strictEqual(get(found, '18:00 UTC').value, '2009-12-15T18:00Z');
      const am = get(run('The ministry spoke at 10:30 a.m. in Tokyo.', { published: '2023-03-16' }), '10:30 a.m.');
      assert.strictEqual(am.type, 'TIME');
      assert.strictEqual(am.value, '2023-03-16T10:30');
      assert.strictEqual(valueOf('It lands at 6:40 p.m. local time.', '6:40 p.m.'), '2023-03-16T18:40');
    });

    it('reads other clock and rate forms', () => {
      const mil = get(
        run('The ship sent a message at 1100 hours that it was under attack.', { published: '2008-12-13' }),
        '1100 hours',
      );
      assert.strictEqual(mil.type, 'TIME');
      assert.strictEqual(mil.value, '2008-12-13T11:00');
      const tonight = get(run('The team plays tonight.', { published: '2023-03-16' }), 'tonight');
      assert.strictEqual(tonight.type, 'TIME');
      assert.strictEqual(tonight.value, '2023-03-16TNI');
      assert.strictEqual(
        get(run('He was paid about $4 million a year.', { published: '2023-03-16' }), 'a year').type,
        'SET',
      );
      assert.strictEqual(get(run('open 24 hours a day', { published: '2023-03-16' }), 'a day').type, 'SET');
      assert.strictEqual(
        get(run('The plant has a year of stock.', { published: '2023-03-16' }), 'a year').type,
        'DURATION',
      );
      assert.strictEqual(valueOf('He hopes to one day lead the party.', 'one day'), 'FUTURE_REF');
      assert.strictEqual(valueOf('It was fired one day after the loss.', 'one day'), 'P1D');
    });

    it('gives a clock time the day named right after it', () => {
      const found = run('Police said the attack happened at about 3:15 a.m. Sunday.', { published: '2023-03-16' });
      assert.strictEqual(get(found, '3:15 a.m.').value, '2023-03-12T03:15');
      assert.strictEqual(get(found, 'Sunday').value, '2023-03-12');
      assert.strictEqual(valueOf('The truce began at 8 p.m. local time (1700 GMT).', '1700 GMT'), '2023-03-16T17:00Z');
      assert.ok(
        !run('In the early hours of Saturday, rebels attacked.', { published: '2023-03-16' }).some(
          (m) => m.text === 'hours',
        ),
      );
    });

    it('reads halves of a year', () => {
      assert.strictEqual(
        valueOf('The deal was signed in the first half of 2022.', 'the first half of 2022'),
        '2022-H1',
      );
      assert.strictEqual(
        valueOf('Growth slowed in the second half of the year.', 'the second half of the year'),
        '2023-H2',
      );
    });

    it('reads the weekend by tense', () => {
      assert.strictEqual(valueOf('Protests spread over the weekend.', 'the weekend'), '2023-W10-WE');
      assert.strictEqual(valueOf('Protests spread over the weekend.', 'the weekend', '2023-03-19'), '2023-W11-WE');
      assert.strictEqual(valueOf('Talks will resume over the weekend.', 'the weekend'), '2023-W11-WE');
      assert.strictEqual(valueOf('Talks resumed this weekend.', 'this weekend', '2023-03-18'), '2023-W11-WE');
    });

    it('does not mark World War II or bare numbers', () => {
      const found = run('during World War II, 1,500 to 2,000 jobs and 2000 people, US$ 2010 and Boeing 737s', {
        published: '2023-03-16',
      });
      assert.deepStrictEqual(
        found.map((m) => m.text),
        [],
      );
    });
  });

  describe('classes of error fixed for issue 7', () => {
    it('marks the two ends of a year range as dates of their own, nested in the range', () => {
      const found = run('The lease ran from 1998 to 2004, and the loan between 2010 and 2015; the 1939-45 war.', {
        published: '2020-01-10',
      });
      assert.deepStrictEqual(
        found.map((m) => [m.text, m.type, m.value]),
        [
          ['from 1998 to 2004', 'DURATION', 'P6Y'],
          ['1998', 'DATE', '1998'],
          ['2004', 'DATE', '2004'],
          ['between 2010 and 2015', 'DURATION', 'P5Y'],
          ['2010', 'DATE', '2010'],
          ['2015', 'DATE', '2015'],
          ['1939-45', 'DURATION', 'P6Y'],
          ['1939', 'DATE', '1939'],
          ['45', 'DATE', '1945'],
        ],
      );
      // Each end keeps its range, so that event dating reads a period and not its first year.
      assert.deepStrictEqual(found[1].range, { begin: '1998', end: '2004' });
    });

    it('reads "N units later/earlier" as a date counted from the time last mentioned', () => {
      const pub = { published: '2019-06-12' };
      assert.deepStrictEqual(
        run('The ferry sank on Friday and was raised three days later.', pub).map((m) => [m.text, m.type, m.value]),
        [
          ['Friday', 'DATE', '2019-06-07'],
          ['three days later', 'DATE', '2019-06-10'],
        ],
      );
      assert.strictEqual(valueOf('Exports were up 4% on a year earlier.', 'a year earlier', '2019-06-12'), '2018');
      assert.strictEqual(
        valueOf('The mill opened in 1985; two years later it closed.', 'two years later', '2019-06-12'),
        '1987',
      );
      assert.strictEqual(
        valueOf(
          'They signed in March 2015, and six months later the deal fell apart.',
          'six months later',
          '2019-06-12',
        ),
        '2015-09',
      );
      assert.strictEqual(
        valueOf('The draft was ready a week before, he said.', 'a week before', '2019-06-12'),
        '2019-W23',
      );
      // Before an event ("before the vote") the anchor is the event: a duration, as TimeML has it.
      assert.strictEqual(get(run('The poll closed two days before the vote.', pub), 'two days').type, 'DURATION');
      // Hours are too fine to date without a clock time: a duration, and "later" stays outside it.
      const hours = get(run('The fire was out two hours later.', pub), 'two hours');
      assert.deepStrictEqual([hours.type, hours.value], ['DURATION', 'PT2H']);
    });

    it('reads "the previous/following unit" as a date counted from the time last mentioned', () => {
      const found = run(
        'The bridge opened in May 2012. The following year a second span was added; the previous month had been wet.',
        { published: '2019-06-12' },
      );
      assert.deepStrictEqual(
        found.map((m) => [m.text, m.value]),
        [
          ['May 2012', '2012-05'],
          ['The following year', '2013'],
          ['the previous month', '2019-05'],
        ],
      );
      assert.strictEqual(
        valueOf('Rain fell on 3 April 2018; the preceding week had been dry.', 'the preceding week', '2019-06-12'),
        '2018-W13',
      );
      // "the past year" is still a stretch of time ending now.
      assert.strictEqual(
        get(run('Prices doubled over the past year.', { published: '2019-06-12' }), 'the past year').type,
        'DURATION',
      );
    });

    it('reads "that year", "the same month" and "the day before" as dates counted from the time last mentioned', () => {
      const found = run(
        'The dam was finished in 1962; that year the valley flooded, and the same year the town moved.',
        { published: '2019-06-12' },
      );
      assert.deepStrictEqual(
        found.map((m) => [m.text, m.value]),
        [
          ['1962', '1962'],
          ['that year', '1962'],
          ['the same year', '1962'],
        ],
      );
      assert.strictEqual(
        valueOf('She left on 9 July 2017; the day before, she had packed.', 'the day before', '2019-06-12'),
        '2017-07-08',
      );
      assert.strictEqual(
        valueOf('The strike ended in 1985, and the union had split the year before.', 'the year before', '2019-06-12'),
        '1984',
      );
      // "the week after the vote" is the vote's week: no date of its own.
      assert.ok(
        !run('Talks resumed the week after the vote.', { published: '2019-06-12' }).some((m) =>
          m.text.includes('week'),
        ),
      );
    });

    it('counts "N years later" from a year named before, even without a publication date', () => {
      assert.strictEqual(
        valueOf('The painter settled in Arles in 1888. Two years later he died.', 'Two years later', null),
        '1890',
      );
    });

    it('does not read pieces of a path, a numeric date or a clock as a year range', () => {
      const found = run('Source: example. com / 2009 - 11 - 30 / world, posted 12 / 05 / 2010 - 14: 05.', {
        published: null,
      });
      assert.ok(!found.some((m) => m.type === 'DURATION'), JSON.stringify(found.map((m) => m.text)));
    });

    it('leaves "early Aug. 2" to the month-day reading', () => {
      assert.strictEqual(valueOf('The bridge closed early Aug. 2 for repairs.', 'Aug. 2', '2019-09-01'), '2019-08-02');
    });

    it('reads abbreviated months with a year, and dotted ones alone', () => {
      const found = run('Orders rose in Sept. 2017 and in Dec 2016, then fell in Feb. as Jan Novak said.', {
        published: '2018-05-02',
      });
      assert.deepStrictEqual(
        found.map((m) => [m.text, m.value]),
        [
          ['Sept. 2017', '2017-09'],
          ['Dec 2016', '2016-12'],
          ['Feb.', '2018-02'],
        ],
      );
    });

    it('reads "in the morning" as that part of the day last mentioned', () => {
      const found = run('On Tuesday the talks stalled in the morning but resumed during the afternoon.', {
        published: '2019-06-12',
      });
      assert.deepStrictEqual(
        found.map((m) => [m.text, m.type, m.value]),
        [
          ['Tuesday', 'DATE', '2019-06-11'],
          ['the morning', 'TIME', '2019-06-11TMO'],
          ['the afternoon', 'TIME', '2019-06-11TAF'],
        ],
      );
      assert.deepStrictEqual(run('Stocks slipped in the morning session.', { published: '2019-06-12' }), []);
    });

    it('does not read a year that ends a clause as the amount of a rate', () => {
      const m = get(run('The museum opened in 1990, a decade after the war.', { published: '2019-06-12' }), 'a decade');
      assert.deepStrictEqual([m.type, m.value], ['DURATION', 'P10Y']);
      assert.strictEqual(get(run('He earns 40,000 a year.', { published: '2019-06-12' }), 'a year').type, 'SET');
    });

    it('keeps "4pm." at the end of a sentence without the full stop, and "6 p.m." with its dot', () => {
      const found = run('The shop shuts at 4pm. The bar opens at 6 p.m. on Fridays.', { published: '2019-06-12' });
      assert.deepStrictEqual(
        found.slice(0, 2).map((m) => m.text),
        ['4pm', '6 p.m.'],
      );
    });

    it('does not end a sentence at an abbreviation when reading the tense', () => {
      // "Oct." is not a full stop: the past tense of "fell" still reaches "March 3".
      assert.strictEqual(valueOf('Shares fell on Oct. 28 and on March 3.', 'March 3', '2008-10-15'), '2008-03-03');
    });
  });

  describe('tense lean', () => {
    it('takes the next weekday in a future-tense sentence', () => {
      assert.strictEqual(valueOf('The two leaders will meet on Friday.', 'Friday'), '2023-03-17');
      assert.strictEqual(valueOf('The trial is set to begin on Wednesday.', 'Wednesday', '2006-03-28'), '2006-03-29');
    });

    it('takes the previous weekday in a past-tense sentence', () => {
      assert.strictEqual(valueOf('The two leaders met on Friday.', 'Friday'), '2023-03-10');
      assert.strictEqual(
        valueOf('Apple announced Friday that it will give out cases.', 'Friday', '2010-07-17'),
        '2010-07-16',
      );
    });

    it('reads a weekday after "by", "until", "before" as a limit: the past one in the past tense, else ahead', () => {
      const wed = '2024-03-13';
      // Told in the past: the weekday gone.
      assert.strictEqual(valueOf('The board approved the plan before Thursday.', 'Thursday', wed), '2024-03-07');
      assert.strictEqual(valueOf('Until Monday, the strike had shut the port.', 'Monday', wed), '2024-03-11');
      assert.strictEqual(valueOf('He had left by Monday.', 'Monday', wed), '2024-03-11');
      // Future, present or an obligation: the limit lies ahead.
      assert.strictEqual(valueOf('The firm will pay by Friday.', 'Friday', wed), '2024-03-15');
      assert.strictEqual(valueOf('The offer is open until Monday.', 'Monday', wed), '2024-03-18');
      assert.strictEqual(valueOf('Voters have until Monday to register.', 'Monday', wed), '2024-03-18');
      assert.strictEqual(valueOf('Bids are due by Monday.', 'Monday', wed), '2024-03-18');
      // A time allowed ("had until Friday to …") runs ahead of the report even when told in the past.
      assert.strictEqual(valueOf('She said the firm had until Friday to agree terms.', 'Friday', wed), '2024-03-15');
      // An obligation right before the limit wins over a verb of saying in the past.
      assert.strictEqual(valueOf('Officials said the company must pay by Friday.', 'Friday', wed), '2024-03-15');
      // An expectation in the present, or a present perfect whose result holds, runs ahead of a past verb of saying.
      const told = 'Quintela told RTP the grid operator expects most homes back by Sunday.';
      assert.strictEqual(valueOf(told, 'Sunday', wed), '2024-03-17');
      assert.strictEqual(valueOf('AEMET has issued red warnings until Saturday.', 'Saturday', wed), '2024-03-16');
      assert.strictEqual(valueOf('He said roads have been closed until Monday.', 'Monday', wed), '2024-03-18');
      // Its own clause decides: an expectation in another clause does not move a limit told in the past.
      const other = 'The union expects talks, but the board had approved the plan before Thursday.';
      assert.strictEqual(valueOf(other, 'Thursday', wed), '2024-03-07');
      assert.strictEqual(valueOf('By then the board had approved it by Friday.', 'Friday', wed), '2024-03-08');
      // Without a limit word the past lean of news stays.
      assert.strictEqual(valueOf('Officials said the talks ended on Monday.', 'Monday', wed), '2024-03-11');
    });

    it('leans bare months and month-days by tense', () => {
      assert.strictEqual(valueOf('A paper was released in December.', 'December'), '2022-12');
      assert.strictEqual(valueOf('The new version will ship in December.', 'December'), '2023-12');
      assert.strictEqual(valueOf('The store opened on December 3.', 'December 3'), '2022-12-03');
      assert.strictEqual(valueOf('The store will open on December 3.', 'December 3'), '2023-12-03');
      assert.strictEqual(valueOf('Mac OS X Lion will be shipped in July.', 'July', '2011-06-07'), '2011-07');
      assert.strictEqual(valueOf('Apple has tried to buy it since December.', 'December', '2007-06-09'), '2006-12');
      assert.strictEqual(valueOf('May said the vote would take place in May.', 'May'), '2023-05');
    });

    it('uses the sentence spans the caller gives', () => {
      const text = 'He will go. They met on Friday';
      const found = run(text, {
        published: '2023-03-16',
        sentences: [
          { start: 0, end: 11 },
          { start: 12, end: text.length },
        ],
      });
      assert.strictEqual(get(found, 'Friday').value, '2023-03-10');
    });
  });

  describe('unknown publication date', () => {
    it('keeps relative expressions underspecified and says why', () => {
      const found = run(
        'He arrived on Thursday, last week, in March, today; it recently rose. March 16, 2023 and 2019 stay.',
        { published: null },
      );
      const thursday = get(found, 'Thursday');
      assert.strictEqual(thursday.value, 'XXXX-WXX-4');
      assert.match(thursday.explanation, /publication date is unknown/);
      assert.strictEqual(get(found, 'last week').value, 'XXXX-WXX');
      assert.strictEqual(get(found, 'March').value, 'XXXX-03');
      assert.strictEqual(get(found, 'today').value, 'XXXX-XX-XX');
      assert.strictEqual(get(found, 'recently').value, 'PAST_REF');
      assert.strictEqual(get(found, 'March 16, 2023').value, '2023-03-16');
      assert.strictEqual(get(found, 'March 16, 2023').relative, false);
      assert.strictEqual(get(found, '2019').value, '2019');
    });

    it('treats an invalid publication date as unknown', () => {
      assert.strictEqual(valueOf('They met on Friday.', 'Friday', '2023-02-30'), 'XXXX-WXX-5');
    });
  });

  describe('calendar edges', () => {
    it('crosses the year boundary for last week', () => {
      assert.strictEqual(valueOf('It happened last week.', 'last week', '2023-01-02'), '2022-W52');
      assert.strictEqual(valueOf('It happened last week.', 'last week', '2021-01-05'), '2020-W53');
      assert.strictEqual(valueOf('It happened this week.', 'this week', '2024-12-31'), '2025-W01');
      assert.strictEqual(valueOf('It happened last month.', 'last month', '2023-01-15'), '2022-12');
      assert.strictEqual(valueOf('It met on Saturday.', 'Saturday', '2023-01-02'), '2022-12-31');
    });

    it('places seasons across the year boundary', () => {
      assert.strictEqual(valueOf('It snowed heavily this winter.', 'this winter', '2023-01-20'), '2022-WI');
      assert.strictEqual(valueOf('Sales fell last summer.', 'last summer', '2023-01-20'), '2022-SU');
      assert.strictEqual(valueOf('It will open next spring.', 'next spring', '2023-01-20'), '2023-SP');
      assert.strictEqual(valueOf('The plant opened in the summer of 2021.', 'the summer of 2021'), '2021-SU');
      // Part of a name, not a season.
      assert.deepStrictEqual(
        run('Hopes rose after the Arab Spring and the Winter Olympics.', { published: '2023-01-20' }),
        [],
      );
    });

    it('knows leap years', () => {
      assert.strictEqual(
        valueOf('Northrop won on February 29 to build it.', 'February 29', '2008-07-02'),
        '2008-02-29',
      );
      assert.strictEqual(valueOf('The report came yesterday.', 'yesterday', '2024-03-01'), '2024-02-29');
      assert.strictEqual(valueOf('The report came yesterday.', 'yesterday', '2023-03-01'), '2023-02-28');
      assert.ok(
        !run('It happened on February 29, 2023.', { published: '2023-03-16' }).some((m) => m.value === '2023-02-29'),
      );
    });

    it('reads "N units ago" as a date', () => {
      assert.strictEqual(valueOf('since he took office one year ago.', 'one year ago', '2023-05-07'), '2022');
      assert.strictEqual(valueOf('issued two weeks ago', 'two weeks ago', '2007-12-20'), '2007-W49');
      assert.strictEqual(valueOf('up from 9 months ago', '9 months ago', '2005-06-06'), '2004-09');
    });
  });

  describe('text handling', () => {
    it('returns nothing for empty text', () => {
      assert.deepStrictEqual(findDates('', { published: '2023-03-16' }), []);
      assert.deepStrictEqual(findDates('', { published: null }), []);
    });

    it('handles CRLF line ends', () => {
      const text = 'Title\r\nMarch 01, 2008\r\nThey met on Thursday.\r\nIt ends in 2010.\r\n';
      const found = run(text, { published: '2008-03-01' });
      assert.deepStrictEqual(
        found.map((m) => m.text),
        ['March 01, 2008', 'Thursday', '2010'],
      );
      assert.strictEqual(get(found, 'Thursday').value, '2008-02-28');
    });

    it('keeps UTF-16 offsets after emoji and CJK text', () => {
      const text = '🎉🇰🇷 東京で会談 — 尹錫悦 met Kishida on Thursday 😀, since 2019.';
      const found = run(text, { published: '2023-03-16' });
      assert.deepStrictEqual(
        found.map((m) => m.text),
        ['Thursday', '2019'],
      );
      assert.strictEqual(found[0].start, text.indexOf('Thursday'));
    });

    it('skips excluded spans', () => {
      const text = 'Advertisement 2024\nThey met on Thursday.';
      const found = run(text, { published: '2023-03-16', exclude: [{ start: 0, end: 18 }] });
      assert.deepStrictEqual(
        found.map((m) => m.text),
        ['Thursday'],
      );
    });

    it('finishes a 10 MB input @slow', () => {
      const unit = seed('001') + '\n' + seed('002') + '\n';
      const big = unit.repeat(Math.ceil(10e6 / unit.length));
      const found = findDates(big, { published: '2023-03-16' });
      const perCopy = findDates(unit, { published: '2023-03-16' }).length;
      assert.ok(found.length >= perCopy * Math.floor(big.length / unit.length));
      const last = found[found.length - 1];
      assert.strictEqual(big.slice(last.start, last.end), last.text);
    });

    it('keeps its invariants on random mixtures of date words', () => {
      const tokens = [
        'the',
        'The',
        'last',
        'next',
        'this',
        'past',
        'early',
        'mid-',
        'of',
        'in',
        'on',
        'since',
        'from',
        'to',
        'between',
        'and',
        'a',
        'one',
        'twenty-five',
        'several',
        'dozen',
        'and a half',
        'year',
        'years',
        'month',
        'weeks',
        'weekend',
        'day',
        'hours',
        'decades',
        'quarter',
        'first',
        'fourth',
        'Q3',
        'spring',
        'Fall',
        'winter',
        'Monday',
        'Sunday',
        'morning',
        'night',
        'January',
        'March',
        'May',
        'Dec.',
        '2019',
        '1910',
        '45',
        '-',
        '–',
        '/',
        '.',
        ',',
        '12:30',
        '10',
        'p.m.',
        'UTC',
        '1100',
        'hrs',
        'ago',
        'today',
        'Tonight',
        'now',
        'recently',
        'more',
        'every',
        'per',
        'annual',
        'Christmas',
        'that',
        'same',
        'following',
        '1990s',
        "'90s",
        '20th',
        'century',
        'FY',
        '2023-05-07',
        '7/8/07',
        '16.03.2023',
        '2023年3月16日',
        'will',
        'said',
        '\n',
        '\r\n',
        '🎉',
        '東京',
        '   ',
        '$',
        'million',
        'until',
      ];
      let seed = 12345;
      const rnd = (n: number) => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed % n;
      };
      for (let i = 0; i < 3000; i++) {
        const parts: string[] = [];
        for (let j = 3 + rnd(12); j > 0; j--) parts.push(tokens[rnd(tokens.length)]);
        const text = parts.join(rnd(4) ? ' ' : '');
        for (const published of ['2023-03-16', null, '2024-02-29']) {
          for (const m of run(text, { published })) {
            assert.ok(
              !/undefined|NaN|null/.test(m.value + m.explanation),
              `${JSON.stringify(text)}: ${m.value} / ${m.explanation}`,
            );
          }
        }
      }
    });

    it('finishes pathological inputs', () => {
      const inputs = [
        '1'.repeat(100000),
        '1 '.repeat(50000),
        ' '.repeat(100000) + '1',
        '12:'.repeat(30000),
        '1910-'.repeat(20000),
        'March '.repeat(20000),
        'a '.repeat(50000) + 'years',
        'the past '.repeat(10000),
        'May 1 '.repeat(5000),
      ];
      for (const input of inputs) {
        const found = run(input, { published: '2023-03-16' });
        assert.ok(Array.isArray(found));
      }
      assert.strictEqual(run('May 1 '.repeat(5000), { published: '2023-03-16' }).length, 5000);
    });
  });

  describe('seed articles', () => {
    /** Expected [surface, value] pairs in reading order, for every date expression of the seed. */
    function check(prefix: string, published: string, expected: [string, string][]): void {
      const found = run(seed(prefix), { published });
      const got = found.map((m) => [m.text, m.value]);
      assert.deepStrictEqual(got, expected);
    }

    it('000 (published 2023-03-16)', () => {
      check('000', '2023-03-16', [
        ['12 years', 'P12Y'],
        ['hours', 'PTXH'],
        ['a dozen years', 'P12Y'],
        ['Thursday', '2023-03-16'],
        ['a dozen years', 'P12Y'],
        ['last week', '2023-W10'],
        ['Thursday afternoon', '2023-03-16TAF'],
        ['2019', '2019'],
        ['years', 'PXY'],
        ['now', 'PRESENT_REF'],
        ['Thursday morning', '2023-03-16TMO'],
        ['a month', 'P1M'],
        ['hours', 'PTXH'],
        ['Thursday', '2023-03-16'],
      ]);
    });

    it('001 (published 2023-03-16)', () => {
      check('001', '2023-03-16', [
        ['Thursday', '2023-03-16'],
        ['years', 'PXY'],
        ['Thursday', '2023-03-16'],
        ['12 years', 'P12Y'],
        ['hours', 'PTXH'],
        ['almost four-year', 'P4Y'],
        ['This week', '2023-W11'],
        ['this day', '2023-03-16'],
        ['spring', '2023-SP'],
        ['Today', '2023-03-16'],
        ['that morning', '2023-03-16TMO'],
        ['2019', '2019'],
        ['decades-old', 'PXDE'],
        ['2018', '2018'],
        ['Friday', '2023-03-10'],
        ['2021', '2021'],
        ['Thursday', '2023-03-16'],
        ['last week', '2023-W10'],
        ['December', '2022-12'],
        ['Wednesday', '2023-03-15'],
      ]);
    });

    it('002 (published 2023-05-07)', () => {
      check('002', '2023-05-07', [
        ['Sunday', '2023-05-07'],
        ['two months', 'P2M'],
        ['Sunday', '2023-05-07'],
        ['two-day', 'P2D'],
        ['mid-March', '2023-03'],
        ['12 years', 'P12Y'],
        ['1910-45', 'P35Y'],
        ['1910', '1910'],
        ['45', '1945'],
        ['12 years', 'P12Y'],
        ['two months', 'P2M'],
        ['March', '2023-03'],
        ['12 years', 'P12Y'],
        ['recent weeks', 'PXW'],
        ['previous years', 'PXY'],
      ]);
    });

    it('003 (published 2023-05-07)', () => {
      check('003', '2023-05-07', [
        ['2023-05-07', '2023-05-07'],
        ['3 min', 'PT3M'],
        ['12 years', 'P12Y'],
        ['Sunday', '2023-05-07'],
        ['March', '2023-03'],
        ['years', 'PXY'],
        ['12 years', 'P12Y'],
        ['two months', 'P2M'],
        ['March', '2023-03'],
        ['decades', 'PXDE'],
        ['from 1910 to 1945', 'P35Y'],
        ['1910', '1910'],
        ['1945', '1945'],
        ['March', '2023-03'],
        ['one year ago', '2022'],
        ['Sunday evening', '2023-05-07TEV'],
        ['later this month', '2023-05'],
      ]);
    });

    it('004 (published 2023-03-16)', () => {
      check('004', '2023-03-16', [
        ['March 16, 2023', '2023-03-16'],
        ['the last 12 years', 'P12Y'],
        ['lately', 'PAST_REF'],
        ['now', 'PRESENT_REF'],
        ['Today', '2023-03-16'],
        ['2018', '2018'],
        ['2019', '2019'],
        ['March 16, 2023', '2023-03-16'],
        ['May this year', '2023-05'],
        ['Hours', 'PTXH'],
        ['1910', '1910'],
        ['2014-2025', 'P11Y'],
        ['2014', '2014'],
        ['2025', '2025'],
      ]);
    });
  });
});
