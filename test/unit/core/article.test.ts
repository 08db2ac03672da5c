import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { looksBinary, parseArticle, sentenceAt, splitSentences, stripBom } from '../../../src/core/article';

const SEEDS = path.join(__dirname, '..', '..', '..', '..', 'seeds');
const seed = (name: string) =>
  fs.readFileSync(
    path.join(
      SEEDS,
      fs.readdirSync(SEEDS).find((f) => f.startsWith(name))!,
    ),
    'utf8',
  );

describe('article', () => {
  it('finds the headline, the outlet and the boilerplate of a paywalled page', () => {
    const text = seed('000');
    const a = parseArticle(text, '000.txt');
    assert.strictEqual(a.title, 'After South Korea’s Icebreaker, Its President Is Welcomed to Tokyo');
    assert.strictEqual(a.source, 'The Times');
    const furniture = a.boilerplate.map((s) => text.slice(s.start, s.end));
    assert.ok(furniture.includes('Advertisement'));
    assert.ok(furniture.includes('SKIP ADVERTISEMENT'));
    assert.ok(furniture.some((f) => f.startsWith('Thank you for your patience')));
    // The reporting itself is never boilerplate.
    assert.ok(!furniture.some((f) => f.includes('touched down in Japan')));
    assert.strictEqual(a.published, null, 'the text of 000 does not state its date');
  });

  it('reads the date stamp "date 2023-05-07" and dims the share bar it sits in', () => {
    const text = seed('003');
    const a = parseArticle(text, '003.txt');
    assert.strictEqual(a.published?.value, '2023-05-07');
    assert.strictEqual(a.published?.origin, 'text');
    assert.strictEqual(text.slice(a.published!.evidence!.start, a.published!.evidence!.end), 'date 2023-05-07');
    assert.strictEqual(a.boilerplate.length, 1);
  });

  it('takes the day of the event reported in the lead as the publication date', () => {
    const a = parseArticle(seed('004'), '004.txt');
    assert.strictEqual(a.published?.value, '2023-03-16');
    assert.match(a.published!.reason, /March 16, 2023/);
    assert.strictEqual(a.source, 'IRIA');
  });

  it('reads a dateline line such as "March 01, 2008"', () => {
    const a = parseArticle('Boeing loses tanker deal\nMarch 01, 2008\nNorthrop Grumman won the contract.', 'x');
    assert.strictEqual(a.published?.value, '2008-03-01');
  });

  it('rejects impossible dates', () => {
    assert.strictEqual(parseArticle('Title\ndate 2023-02-30 Share\nText.', 'x').published, null);
  });

  it('splits sentences without breaking at Mr., U.S. or S. Korea', () => {
    const text = 'Mr. Yoon met the U.S. envoy. S. Korea and Japan agreed. “We are ready,” he said.';
    const s = splitSentences(text).map((x) => text.slice(x.start, x.end));
    assert.deepStrictEqual(s, [
      'Mr. Yoon met the U.S. envoy.',
      'S. Korea and Japan agreed.',
      '“We are ready,” he said.',
    ]);
  });

  it('keeps headline-like lines as their own sentences and paragraphs apart', () => {
    const text = 'Export curbs\n\nJapan will remove curbs. Seoul agreed.\n';
    const a = parseArticle(text, 'x');
    assert.deepStrictEqual(
      a.sentences.map((s) => text.slice(s.start, s.end)),
      ['Export curbs', 'Japan will remove curbs.', 'Seoul agreed.'],
    );
    assert.deepStrictEqual(
      a.sentences.map((s) => s.paragraph),
      [0, 1, 1],
    );
  });

  it('handles empty text, CRLF, emoji and CJK with UTF-16 offsets', () => {
    assert.deepStrictEqual(parseArticle('', 'x').sentences, []);
    const text = 'Headline 😀 東京\r\n\r\nFirst 😀 sentence here. 東京で会談した。 Second one.\r\n';
    const a = parseArticle(text, 'x');
    assert.strictEqual(a.title, 'Headline 😀 東京');
    for (const s of a.sentences) {
      const t = text.slice(s.start, s.end);
      assert.strictEqual(t, t.trim());
      assert.ok(!t.includes('\r'));
    }
    assert.ok(a.sentences.some((s) => text.slice(s.start, s.end) === 'First 😀 sentence here.'));
  });

  it('removes a byte-order mark like VS Code does', () => {
    assert.strictEqual(stripBom('\uFEFFHello'), 'Hello');
    assert.strictEqual(stripBom('Hello'), 'Hello');
  });

  it('tells binary files from text', () => {
    assert.ok(looksBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])));
    assert.ok(!looksBinary(new TextEncoder().encode('Plain text, “quoted”, 東京.\n')));
  });

  it('finds the sentence at an offset', () => {
    const spans = [
      { start: 0, end: 5 },
      { start: 6, end: 10 },
    ];
    assert.deepStrictEqual(sentenceAt(spans, 7), spans[1]);
    assert.strictEqual(sentenceAt(spans, 5), undefined);
  });

  it('parses a 10 MB article @slow', () => {
    const para = 'Yoon Suk Yeol met Fumio Kishida in Tokyo on Thursday. Mr. Kishida said the U.S. agreed.\n\n';
    const text = para.repeat(Math.ceil(10_000_000 / para.length));
    const a = parseArticle(text, 'big.txt');
    assert.ok(a.sentences.length > 200_000);
  });

  it('keeps front matter out of the text: no paragraph or sentence in it, offsets into the whole file', () => {
    const text =
      '---\ntitle: Town votes\ndate: 2022-05-06\nauthor: Ingrid Halvorsen\n---\n\n# Town votes\n\nResidents of ' +
      'Stavholm voted on Friday.';
    const a = parseArticle(text, 'x.md');
    const end = text.indexOf('\n\n# Town');
    assert.ok(
      a.boilerplate.some((b) => b.start === 0 && b.end >= end),
      'the block is furniture',
    );
    assert.ok(a.sentences.every((s) => s.start > end));
    assert.strictEqual(a.title, 'Town votes');
    assert.strictEqual(
      text.slice(a.titleSpan!.start, a.titleSpan!.end),
      'Town votes',
      'the heading that repeats the title is the headline',
    );
    assert.deepStrictEqual(
      a.sentences.map((s) => text.slice(s.start, s.end)),
      ['Town votes', 'Residents of Stavholm voted on Friday.'],
    );
  });

  it('takes a Markdown heading as the headline without its #', () => {
    const text = '## Ports close\n\nThe ports closed.';
    assert.strictEqual(parseArticle(text, 'x.md').title, 'Ports close');
  });

  it('reads bylines into authors and keeps them out of the paragraphs', () => {
    const text = 'Council approves buses\nBy JANE DOE and LUIS GARCÍA\n\nThe council voted on Thursday.';
    const a = parseArticle(text, 'x');
    assert.deepStrictEqual(a.meta?.authors, ['Jane Doe', 'Luis García']);
    assert.strictEqual(text.slice(a.meta!.byline!.start, a.meta!.byline!.end), 'By JANE DOE and LUIS GARCÍA');
    assert.ok(!a.sentences.some((s) => text.slice(s.start, s.end).includes('JANE')));
    const credits = parseArticle(
      'Bank holds rates\n\nThe bank held rates.\n\nReporting by Daniel Mercer; Editing by Claire Dubois',
      'x',
    );
    assert.deepStrictEqual(credits.meta?.authors, ['Daniel Mercer']);
  });

  it('dims the leftovers of a page saved from a browser', () => {
    const text =
      'Skip to main content\nShare this article\nCopy link\nWard opens\nPublished: 1 June 2021 09:30 BST\nImage ' +
      'caption\nThe new ward has 40 beds\n\nA ward opened on Tuesday.\n\nReuse this content\nCopyright 2021';
    const a = parseArticle(text, 'x');
    const furniture = a.boilerplate.map((s) => text.slice(s.start, s.end));
    for (const f of [
      'Skip to main content',
      'Share this article',
      'Copy link',
      'Published: 1 June 2021 09:30 BST',
      'Image caption',
      'Reuse this content',
      'Copyright 2021',
    ]) {
      assert.ok(furniture.includes(f), f);
    }
    assert.strictEqual(a.title, 'Ward opens');
    assert.strictEqual(a.source, null, 'a copyright year alone names no outlet');
  });

  it('does not look for front matter or a byline in a later chunk of a large article', () => {
    const a = parseArticle('---\ntitle: x\n---\nBy Jane Doe\n\nText.', 'x', { head: false });
    assert.strictEqual(a.meta?.authors.length, 0);
    assert.ok(!a.boilerplate.some((b) => b.start === 0));
  });
});

describe('article: a section label in capitals is no title', () => {
  it('takes the headline under a label, with or without a masthead and date above it', () => {
    const label = parseArticle(
      'COMMUNITY NEWS\n\nMill Lane families count the cost of workshop blast\n\nResidents gave.',
      'a.txt',
    );
    assert.strictEqual(label.title, 'Mill Lane families count the cost of workshop blast');
    const masthead = parseArticle(
      'THE VALE COURIER · Friday 13 March 2026\nCOMMUNITY NEWS\n\nMill Lane families count the cost of workshop ' +
        'blast\n\nResidents of Mill Lane are collecting donations.',
      'b.txt',
    );
    assert.strictEqual(masthead.title, 'Mill Lane families count the cost of workshop blast');
    assert.strictEqual(masthead.published?.value, '2026-03-13');
  });

  it('titles a bulletin by its masthead when a section label stands over prose', () => {
    const a = parseArticle(
      'NEWS BULLETIN · Sunday 8 March 2026\n\nTRANSPORT\nThe Aldmoor bypass reopened this morning.\n\nWORLD\n' +
        'Aid arrived in the valleys.',
      'c.txt',
    );
    assert.strictEqual(a.title, 'NEWS BULLETIN');
  });

  it('keeps a masthead over its issue line, and a headline in capitals over prose', () => {
    assert.strictEqual(
      parseArticle('THE WEEKLY BRIEF\nIssue 42 — 12 March 2024\n\nGood morning. Parliament voted.', 'd.txt').title,
      'THE WEEKLY BRIEF',
    );
    assert.strictEqual(
      parseArticle('FERRY SERVICE SUSPENDED\nThe ferry stayed in port on Monday.', 'e.txt').title,
      'FERRY SERVICE SUSPENDED',
    );
  });
});
