// Article and user text must render as itself in every hover: rendered with a CommonMark renderer (links, HTML and
// bare-URL linkify all on), none of it may become a link, an image, a command or HTML.
import * as assert from 'assert';
import {
  annotationHoverText,
  cardMarkdown,
  escapeMarkdown,
  unescapeMarkdown,
} from '../../../../src/extension/pure/hoverText';

// markdown-it has no bundled types; only render() is used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt: new (o: object) => { render(src: string): string } = require('markdown-it');
const md = new MarkdownIt({ html: true, linkify: true });

const HOSTILE = [
  '[x](command:foo)',
  '[click](command:workbench.action.terminal.new?%5B%5D)',
  '![pic](http://evil.example/p.png)',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  'http://evil.example/path?q=1',
  'www.evil.example',
  '<http://evil.example>',
  '@user',
  'mail someone@evil.example',
  '[ref]\n\n[ref]: http://evil.example',
  '**bold** _em_ `code`',
];

/** Elements that would make the text something other than itself. */
function markup(html: string): string[] {
  return [...html.matchAll(/<(a|img|script|strong|em|code|iframe)\b[^>]*>/g)].map((m) => m[0]);
}

describe('escapeMarkdown, as article and user text reach the hovers', () => {
  for (const text of HOSTILE) {
    it(`keeps ${JSON.stringify(text)} as text`, () => {
      assert.deepStrictEqual(markup(md.render(escapeMarkdown(text))), []);
      assert.deepStrictEqual(markup(md.render(escapeMarkdown(text, '  \n'))), []);
    });
  }

  it('in a hover card, the only link is the card’s own command', () => {
    for (const text of HOSTILE) {
      const card = cardMarkdown({
        kind: 'event',
        span: { start: 0, end: 1 },
        event: { id: 'e', label: text, date: '2023-03-16', place: text, participants: [], mentions: [] },
        related: {
          others: [{ path: 'file:///b.txt', title: text, sentence: { start: 0, end: 5 }, sentenceText: text }],
          more: { mentions: 0, articles: 0 },
        },
        disagreements: [],
      });
      const tags = markup(md.render(card)).filter((t) => !/^<strong>$/.test(t));
      assert.deepStrictEqual(
        tags,
        [
          '<a href="command:articleAnnotator.openMention?' +
            '%7B%22path%22%3A%22file%3A%2F%2F%2Fb.txt%22%2C%22start%22%3A0%2C%22end%22%3A5%7D">',
        ],
        text,
      );
    }
  });

  it('in a card that counts more articles, the show-all link keeps its arguments whole', () => {
    for (const text of HOSTILE) {
      const card = cardMarkdown({
        kind: 'event',
        span: { start: 0, end: 1 },
        event: { id: text, label: text, date: null, place: null, participants: [], mentions: [] },
        related: {
          others: [{ path: 'file:///b.txt', title: text, sentence: { start: 0, end: 5 }, sentenceText: text }],
          more: { mentions: 40, articles: 30 },
        },
        disagreements: [],
      });
      const hrefs = markup(md.render(card))
        .filter((t) => t.startsWith('<a '))
        .map((t) => /href="([^"]*)"/.exec(t)![1]);
      assert.strictEqual(hrefs.length, 2, text);
      const all = /^command:articleAnnotator\.showAllMentions\?(.*)$/.exec(hrefs[1].replace(/&amp;/g, '&'));
      assert.ok(all, hrefs[1]);
      assert.deepStrictEqual(JSON.parse(decodeURIComponent(all[1])), { kind: 'event', id: text, label: text });
    }
  });

  it('in an annotation hover, nothing the user or the article wrote forms markup (only the heading is bold)', () => {
    for (const text of HOSTILE) {
      const hover = annotationHoverText({
        status: 'accepted',
        entityId: text,
        event: { id: text, label: text },
        note: text,
      });
      assert.deepStrictEqual(markup(md.render(hover)), ['<strong>'], text);
    }
  });

  it('shows a linked event as the folder has it now, escaped, with one command link to another article', () => {
    for (const text of HOSTILE) {
      const now = {
        id: text,
        label: text,
        date: '2023-03-16',
        place: text,
        articles: 3,
        how: 'content' as const,
        open: { path: 'file:///w/b.txt', start: 1, end: 5, title: text },
      };
      const hover = annotationHoverText({ event: { id: 'evt-old', label: text } }, now);
      assert.match(unescapeMarkdown(hover), /found again as/);
      assert.match(hover, /16 March 2023|March 16, 2023|2023/);
      const tags = markup(md.render(hover));
      assert.strictEqual(tags.length, 2, text);
      assert.strictEqual(tags[0], '<strong>');
      assert.match(tags[1], /^<a href="command:articleAnnotator\.openMention\?[^"]*">$/);
    }
    const gone = annotationHoverText({ event: { id: 'evt-old', label: 'Old' } }, null);
    assert.match(gone, /no event of the folder answers this link now/);
  });

  it('keeps the lines of a note', () => {
    const hover = annotationHoverText({ note: 'first line\nsecond [x](command:foo)' });
    assert.match(md.render(hover), /first line<br>\s*second \[x\]\(command:foo\)/);
  });
});
