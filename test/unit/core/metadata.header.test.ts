// Header lines that pair a name with a full date (core/metadata/header), on their own and through parseArticle:
// what dates an article, and what must not (event dates, deadlines, sentences, lines below the header).
import * as assert from 'assert';
import { parseArticle } from '../../../src/core/article';
import { headerAuthor, isProseLine, parseHeaderDate } from '../../../src/core/metadata/header';

describe('metadata: header lines (name and full date)', () => {
  const taken: [string, string, string[]][] = [
    ['Harbourton Port Authority — 4 March 2026, 09:15', '2026-03-04', ['Harbourton Port Authority']],
    ['MORNING DIGEST · Wednesday 5 March 2026', '2026-03-05', ['MORNING DIGEST']],
    ['Corvel Intranet | Platform Team | 12 Feb 2026', '2026-02-12', ['Corvel Intranet', 'Platform Team']],
    [
      'Minutes of the Ordinary Meeting — Tuesday 3 February 2026, 7.00 pm',
      '2026-02-03',
      ['Minutes of the Ordinary Meeting'],
    ],
    [
      'Ministry of Health · Transcript · 21 January 2026, 10:30 CET',
      '2026-01-21',
      ['Ministry of Health', 'Transcript'],
    ],
    ['Greta Holm — Sun 8 Mar 2026 18:42', '2026-03-08', ['Greta Holm']],
    ['The Northern Courier, Saturday 14 February 2026', '2026-02-14', ['The Northern Courier']],
    ['4 March 2026 | Harbourton Port Authority', '2026-03-04', ['Harbourton Port Authority']],
    ['Engineering blog / March 4, 2026', '2026-03-04', ['Engineering blog']],
    ['Letters to the editor · 4 March 2026', '2026-03-04', ['Letters to the editor']],
    ['# MORNING DIGEST · 5 March 2026', '2026-03-05', ['MORNING DIGEST']],
    ['**Harbour Rowing Club** · News · 12 March 2026', '2026-03-12', ['Harbour Rowing Club', 'News']],
    ['“The Daily Brief” | 12 March 2026', '2026-03-12', ['The Daily Brief']],
    ['Acme Co. | 2026-03-04', '2026-03-04', ['Acme Co.']],
    ['Meeting of 6 March 2026 · Harbourton Library', '2026-03-06', ['Meeting', 'Harbourton Library']],
    ['Minutes of 12 May 2026', '2026-05-12', ['Minutes']],
    [
      'Brackton Borough Council · Public notice no. 2026/114 · 11 November 2026',
      '2026-11-11',
      ['Brackton Borough Council', 'Public notice no. 2026/114'],
    ],
    ['Harbour Bulletin | #42 | 3 March 2026', '2026-03-03', ['Harbour Bulletin', '#42']],
    ['Planning decision Ref. 26/0417 — 5 March 2026', '2026-03-05', ['Planning decision Ref. 26/0417']],
  ];
  for (const [line, value, names] of taken)
    it(`takes "${line}"`, () => {
      const h = parseHeaderDate(line);
      assert.ok(h, 'a header line');
      assert.strictEqual(h.event, false);
      assert.strictEqual(h.stamp.value, value);
      assert.deepStrictEqual(h.names, names);
    });

  const events = [
    'Harbour Jazz Festival · 12–14 June 2026',
    'Annual Conference 12–14 May 2026',
    'Open days | 12 May – 14 May 2026',
    'Harbour Regatta · Saturday 13 June 2026',
    'Closing date · Friday 20 March 2026',
    'Deadline | 20 March 2026',
  ];
  for (const line of events)
    it(`reads "${line}" as an event's or a deadline's date`, () =>
      assert.strictEqual(parseHeaderDate(line)?.event, true));

  const notHeaders = [
    'The strike began on Monday 2 February 2026.',
    'Dock workers in Selvik, on strike since 3 February 2026, returned to work',
    'Yesterday, 4 March 2026',
    'Since 3 February 2026',
    'End of Watch: Friday, June 24, 2005',
    'Born 3 May 1941 · Died 2 March 2026',
    'the council met — 4 March 2026',
    'Harbourton Port Authority',
    'The end of 6 March 2026',
  ];
  for (const line of notHeaders) it(`does not take "${line}"`, () => assert.strictEqual(parseHeaderDate(line), null));

  it('names the poster only when the one name is a person’s', () => {
    const author = (line: string) => headerAuthor(parseHeaderDate(line)!);
    assert.strictEqual(author('Greta Holm — Sun 8 Mar 2026 18:42'), 'Greta Holm');
    assert.strictEqual(author('Valmora Water Board | 18 November 2025'), null);
    assert.strictEqual(author('GRETA HOLM — 8 March 2026'), null);
    assert.strictEqual(author('Greta Holm | Platform Team | 8 March 2026'), null);
  });

  it('tells prose from header lines', () => {
    assert.ok(isProseLine('The council met on Tuesday to approve the budget.'));
    assert.ok(!isProseLine('Community Noticeboard » Local news'));
    assert.ok(!isProseLine('Good evening.'));
  });
});

describe('metadata: header lines in an article', () => {
  it('dates a press release from "<Organisation> — <date>" and keeps the headline as the title', () => {
    const a = parseArticle(
      'FOR IMMEDIATE RELEASE\nHarbourton Port Authority — 4 March 2026, 09:15\n\n' +
        'Port authority suspends night ferries\n\n' +
        'The authority suspended night crossings on Tuesday.\n',
      'a.txt',
    );
    assert.strictEqual(a.published?.value, '2026-03-04');
    assert.strictEqual(a.published?.time, '09:15');
    assert.match(a.published!.reason, /the header line "Harbourton Port Authority — 4 March 2026, 09:15" \(line 2/);
    assert.strictEqual(a.title, 'Port authority suspends night ferries');
    assert.strictEqual(a.source, null);
  });

  it('makes a masthead the title when no headline follows, and says when the weekday does not fit the date', () => {
    const a = parseArticle(
      'MORNING DIGEST · Wednesday 5 March 2026\n\n1) FERRIES: Crossings stay suspended, the authority said.\n',
      'b.txt',
    );
    assert.strictEqual(a.published?.value, '2026-03-05');
    assert.strictEqual(a.title, 'MORNING DIGEST');
    assert.match(a.published!.reason, /5 March 2026 is a Thursday, not a Wednesday/);
    assert.strictEqual(a.meta?.dateline, null);
  });

  it('dates minutes from "Meeting of <date>", their masthead the title over a list of those present', () => {
    const a = parseArticle(
      "GULL POINT RESIDENTS' FORUM — MINUTES\nMeeting of 6 March 2026 · Harbourton Library\n\n" +
        'Present: Chair Edith R. Denholm; Councillor Tomas J. Whitlock; Ines Valtroni (Port Authority)\n\n' +
        '1. Ferry collision\nMs Valtroni reported that the ferry collided with a barge on Monday.\n',
      'e.txt',
    );
    assert.strictEqual(a.published?.value, '2026-03-06');
    assert.strictEqual(a.title, "GULL POINT RESIDENTS' FORUM — MINUTES");
  });

  it('does not take a name and date line once the story has begun', () => {
    const a = parseArticle(
      'Port strike ends\n\nDock workers returned to work on Tuesday after accepting a pay offer.\n\n' +
        'Selvik Port Authority — 12 January 2026\nPay offer: 6 percent.\n',
      'c.txt',
    );
    assert.strictEqual(a.published, null);
  });

  it("does not take an event's date range from the header", () => {
    const a = parseArticle(
      'Harbour Jazz Festival · 12–14 June 2026\n\nThe festival announced its line-up on Tuesday.\n',
      'd.txt',
    );
    assert.strictEqual(a.published, null);
  });

  it('keeps the precedence of stamps: a "Published" line above a header line wins, an "Updated" one does not', () => {
    const published = parseArticle(
      'Headline here\nPublished 3 March 2026\nHarbour Board | 4 March 2026\n\nThe board met on Monday.\n',
      'e.txt',
    );
    assert.strictEqual(published.published?.value, '2026-03-03');
    const updated = parseArticle(
      'Headline here\nUpdated 5 March 2026\nHarbour Board | 4 March 2026\n\nThe board met on Monday.\n',
      'f.txt',
    );
    assert.strictEqual(updated.published?.value, '2026-03-04');
  });

  it('treats a letterhead over the header line as furniture when a headline follows', () => {
    const a = parseArticle(
      'STATEMENT\nOffice of the Ombudsman for Children\nKestrel Bay, 27 January 2026\n\n' +
        'Ombudsman calls for inquiry\n\n' +
        'The Ombudsman called for an inquiry today.\n',
      'g.txt',
    );
    assert.strictEqual(a.published?.value, '2026-01-27');
    assert.strictEqual(a.title, 'Ombudsman calls for inquiry');
  });

  it('treats a short section label over a headline that a date line follows as furniture', () => {
    const a = parseArticle(
      'Business\nTrawler fleet to shrink by a third\nThe Northern Courier, Saturday 14 February 2026\n\n' +
        'The ministry said so on Friday.\n',
      'h.txt',
    );
    assert.strictEqual(a.title, 'Trawler fleet to shrink by a third');
    assert.strictEqual(a.source, 'The Northern Courier');
    assert.strictEqual(a.published?.value, '2026-02-14');
  });
});
