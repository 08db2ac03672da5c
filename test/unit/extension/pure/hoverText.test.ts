import * as assert from 'assert';
import { cardMarkdown, escapeMarkdown, humanDate, unescapeMarkdown } from '../../../../src/extension/pure/hoverText';

describe('hover text', () => {
  it('renders a resolved date with its reason', () => {
    const md = cardMarkdown({
      kind: 'date',
      span: { start: 0, end: 8 },
      path: 'file:///w/a.txt',
      publishedNote: null,
      mention: {
        start: 0,
        end: 8,
        text: 'Thursday',
        type: 'DATE',
        value: '2023-03-16',
        explanation: 'latest Thursday on or before publication',
        relative: true,
      },
      published: { value: '2023-03-16', origin: 'text', reason: 'dateline' },
    });
    assert.ok(
      unescapeMarkdown(md).includes('Thursday means Thursday 16 March 2023 (article published 2023-03-16)'),
      md,
    );
  });

  it('says which line of the article gave its publication date', () => {
    const md = cardMarkdown({
      kind: 'date',
      span: { start: 0, end: 8 },
      path: 'file:///w/a.txt',
      publishedNote: null,
      mention: {
        start: 0,
        end: 8,
        text: 'Thursday',
        type: 'DATE',
        value: '2023-03-16',
        explanation: 'latest Thursday',
        relative: true,
      },
      published: {
        value: '2023-03-16',
        origin: 'text',
        reason: 'the article states "Published 5:03 AM EST, Thu March 16, 2023" (line 2, 05:03 EST)',
      },
    });
    assert.ok(
      unescapeMarkdown(md).includes(
        'Publication date: the article states "Published 5:03 AM EST, Thu March 16, 2023" (line 2, 05:03 EST)',
      ),
      md,
    );
  });

  it('says why the publication date is unknown and offers to set it', () => {
    const md = cardMarkdown({
      kind: 'date',
      span: { start: 0, end: 8 },
      path: 'file:///w/a [1].txt',
      publishedNote: 'the stamp "03/04/2024" could be 3 April or 4 March',
      mention: {
        start: 0,
        end: 8,
        text: 'Thursday',
        type: 'DATE',
        value: 'XXXX-WXX-4',
        explanation: 'a Thursday',
        relative: true,
      },
      published: null,
    });
    assert.match(
      unescapeMarkdown(md),
      /Publication date unknown: the stamp "03\/04\/2024" could be 3 April or 4 March\. \[Set the publication date…\]/,
    );
    const link = /\(command:articleAnnotator\.setPublicationDate\?([^)]+)\)/.exec(md);
    assert.ok(link, md);
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(link[1])), { uri: 'file:///w/a [1].txt' });
  });

  it('links a date inferred from the folder to the article it was learned from', () => {
    const md = cardMarkdown({
      kind: 'date',
      span: { start: 0, end: 8 },
      path: 'file:///w/a.txt',
      publishedNote: null,
      mention: {
        start: 0,
        end: 8,
        text: 'Thursday',
        type: 'DATE',
        value: '2023-03-16',
        explanation: 'latest Thursday',
        relative: true,
      },
      published: {
        value: '2023-03-16',
        origin: 'corpus',
        reason: 'reports the summit, which 004 dates 2023-03-16',
        fromArticle: 'file:///w/seeds/004_c0e5.txt',
      },
    });
    assert.match(unescapeMarkdown(md), /inferred: reports the summit, which 004 dates 2023-03-16/);
    const link = /\(command:articleAnnotator\.openMention\?([^)]+)\)/.exec(md);
    assert.ok(link, md);
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(link[1])), {
      path: 'file:///w/seeds/004_c0e5.txt',
      start: 0,
      end: 0,
    });
  });

  it('renders an entity with its other spellings and article count', () => {
    const md = cardMarkdown({
      kind: 'entity',
      span: { start: 0, end: 4 },
      mention: {
        start: 0,
        end: 4,
        text: 'Yoon',
        type: 'PERSON',
        id: 'person:yoon-suk-yeol',
        canonical: 'Yoon Suk Yeol',
      },
      record: {
        id: 'person:yoon-suk-yeol',
        type: 'PERSON',
        canonical: 'Yoon Suk Yeol',
        spellings: ['Yoon Suk Yeol', 'Yoon Suk-yeol', 'Mr. Yoon', 'Yoon'],
        articles: ['a', 'b', 'c', 'd', 'e'],
        mentionCount: 30,
      },
    });
    assert.ok(
      unescapeMarkdown(md).startsWith('**Yoon Suk Yeol** — also Yoon Suk-yeol, Mr. Yoon, Yoon; in 5 articles'),
      md,
    );
  });

  it('never lets article text become a link, a command, or HTML', () => {
    const hostile =
      '[click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> http://evil.example **bold**';
    const md = escapeMarkdown(hostile);
    // Every bracket, parenthesis and angle bracket is escaped: none can open a link or a tag.
    assert.ok(!/(^|[^\\])[[\]()<>]/.test(md), md);
    assert.ok(!md.includes('http://'), md);
    assert.strictEqual(unescapeMarkdown(md), hostile);
    const card = cardMarkdown({
      kind: 'event',
      span: { start: 0, end: 1 },
      event: { id: 'e', label: hostile, date: '2023-03-16', place: null, participants: [], mentions: [] },
      related: {
        others: [
          {
            path: 'file:///b.txt',
            title: '[x](command:evil)',
            sentence: { start: 0, end: 5 },
            sentenceText: '<script>alert(1)</script>',
          },
        ],
        more: { mentions: 0, articles: 0 },
      },
      disagreements: [],
    });
    const commands = [...card.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
    assert.deepStrictEqual(commands, ['articleAnnotator.openMention']);
    assert.ok(!/(^|[^\\])</.test(card), card);
  });

  it('names the articles the core chose and counts the rest, with a link that lists them all', () => {
    const others = Array.from({ length: 8 }, (_, i) => ({
      path: `file:///a${i}.txt`,
      title: `Report ${i}`,
      sentence: { start: 0, end: 5 },
      sentenceText: 'Kishida met Yoon.',
    }));
    const card = cardMarkdown({
      kind: 'event',
      span: { start: 0, end: 1 },
      event: { id: 'evt-1', label: 'summit [x]', date: null, place: null, participants: [], mentions: [] },
      related: { others, more: { mentions: 3120, articles: 2492 } },
      disagreements: [{ detail: 'people', values: [{ value: '3', articles: 1200 }], more: 17 }],
    });
    const items = card.split('\n').filter((l) => l.startsWith('- '));
    assert.strictEqual(items.length, 8 + 2);
    const more = unescapeMarkdown(items[8]);
    assert.match(
      more,
      /^- and 3,120 more mentions in 2,492 articles: \[show all\]\(command:articleAnnotator\.showAllMentions\?/,
    );
    const args = /showAllMentions\?([^)]+)\)/.exec(items[8])![1];
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(args)), { kind: 'event', id: 'evt-1', label: 'summit [x]' });
    assert.match(unescapeMarkdown(items[9]), /3\*\* \(1,200 articles\) and 17 other values$/);
    assert.ok(card.length < 4000, `${card.length} characters`);
  });

  it('offers no link when the card names every other article', () => {
    const card = cardMarkdown({
      kind: 'quote',
      span: { start: 0, end: 1 },
      quote: { id: 'q', speaker: 'Yoon', speakerId: null, text: 'x', mentions: [] },
      related: {
        others: [{ path: 'file:///b.txt', title: 'B', sentence: { start: 0, end: 1 }, sentenceText: 'x' }],
        more: { mentions: 0, articles: 0 },
      },
    });
    assert.ok(!card.includes('showAllMentions'), card);
  });

  it('writes dates for people', () => {
    assert.strictEqual(humanDate('2023-05-07'), 'Sunday 7 May 2023');
    assert.strictEqual(humanDate('2023-05'), 'May 2023');
    assert.strictEqual(humanDate('P12Y'), 'P12Y');
  });
});
