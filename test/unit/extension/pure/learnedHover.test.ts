// The hovers of learned suggestions carry command links (they run Accept, Reject, Accept All, Reject All, Restore),
// so the article text and the reason in them must never add a link of their own: rendered with a CommonMark renderer
// (links, HTML, linkify on), the only links are the hover's own commands, with the span's offsets as arguments.
import * as assert from 'assert';
import { LEARNED_HOVER_COMMANDS, learnedHoverText } from '../../../../src/extension/pure/learnedHover';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt: new (o: object) => { render(src: string): string } = require('markdown-it');
const md = new MarkdownIt({ html: true, linkify: true });

const HOSTILE =
  'Apple (AAPL) [x](command:workbench.action.quit) <img src=x onerror=alert(1)> http://evil.example **b**';

function links(html: string): string[] {
  return [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => decodeURIComponent(m[1]));
}

describe('learned suggestion hovers', () => {
  const base = { uri: 'file:///a.txt', start: 10, end: 21, text: HOSTILE, type: 'organization', reason: HOSTILE };

  it('a suggestion from your tags links Accept, Reject, Accept All and Reject All, and nothing else', () => {
    const html = md.render(learnedHoverText({ ...base, kind: 'propagated' }));
    const found = links(html);
    assert.deepStrictEqual(
      found.map((l) => l.replace(/\?.*$/s, '')),
      [
        'command:articleAnnotator.acceptLearnedSuggestion',
        'command:articleAnnotator.rejectLearnedSuggestion',
        'command:articleAnnotator.acceptAllLearnedSuggestions',
        'command:articleAnnotator.rejectAllLearnedSuggestions',
      ],
    );
    const args = JSON.parse(found[2].slice(found[2].indexOf('?') + 1));
    assert.deepStrictEqual(args, { uri: 'file:///a.txt', start: 10, end: 21, tag: 'organization', text: HOSTILE });
    assert.ok(!/<img|<strong>b/.test(html), html);
    assert.match(html, /Suggested from your tags/);
  });

  it('a dimmed suggestion says why and links Restore only', () => {
    const html = md.render(learnedHoverText({ ...base, kind: 'demoted', reason: 'you rejected 3 like this' }));
    assert.deepStrictEqual(
      links(html).map((l) => l.replace(/\?.*$/s, '')),
      ['command:articleAnnotator.restoreSuggestion'],
    );
    assert.match(html, /Dimmed: probably not/);
    assert.match(html, /you rejected 3 like this/);
  });

  it('a proposed span has Accept and Reject, no folder-wide links', () => {
    const found = links(md.render(learnedHoverText({ ...base, kind: 'proposed' })));
    assert.strictEqual(found.length, 2);
  });

  it('every command a hover links is in the list the hover trusts', () => {
    for (const kind of ['propagated', 'proposed', 'demoted'] as const)
      for (const l of links(md.render(learnedHoverText({ ...base, kind }))))
        assert.ok(LEARNED_HOVER_COMMANDS.includes(l.slice('command:'.length).replace(/\?.*$/s, '')), l);
  });
});
