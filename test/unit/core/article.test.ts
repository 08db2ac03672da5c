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
});
