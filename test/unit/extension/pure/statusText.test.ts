// The status bar's words: counts, and why the publication date is unknown (short in the bar, whole in the tooltip).
import * as assert from 'assert';
import { analyzeArticle } from '../../../../src/core/analyze';
import { CorpusIndex } from '../../../../src/core/corpus';
import { shortDateNote, statusText } from '../../../../src/extension/pure/statusText';

function viewOf(text: string) {
  const corpus = new CorpusIndex();
  corpus.upsert('a.txt', text);
  const view = corpus.view('a.txt');
  assert.ok(view);
  return view;
}

describe('status bar text', () => {
  it('says in the bar that a numeric stamp is ambiguous, and why in the tooltip', () => {
    const view = viewOf('Harbour reopens after storm\nPublished 03/04/2023\n\nThe harbour reopened on Monday.\n');
    assert.strictEqual(view.published, null);
    assert.match(view.publishedNote ?? '', /ambiguous/);
    const { text, tooltip } = statusText(view, true);
    assert.match(text, /\$\(warning\) date ambiguous$/);
    assert.match(tooltip, /publication date unknown: .*03\/04\/2023.* is ambiguous: .*day first.*month first/);
  });

  it('shows the date and its reason when it is known, and no warning', () => {
    const view = viewOf('Harbour reopens after storm\nPublished 14 August 2015\n\nThe harbour reopened on Monday.\n');
    const { text, tooltip } = statusText(view, false);
    assert.ok(!text.includes('$(warning)'), text);
    assert.match(text, /\$\(eye-closed\)$/);
    assert.match(tooltip, /published 2015-08-14 \(/);
  });

  it('says nothing more than "unknown" in the tooltip when the article has no date at all', () => {
    const { text, tooltip } = statusText(viewOf('The harbour reopened on Monday.\n'), true);
    assert.ok(!text.includes('$(warning)'), text);
    assert.match(tooltip, /publication date unknown\. Click to hide/);
  });

  it('shortens each kind of note', () => {
    assert.strictEqual(shortDateNote('"03/04/2023" (line 2) is ambiguous: …'), 'date ambiguous');
    assert.strictEqual(
      shortDateNote('the dateline gives "March 16" but the article states no year'),
      'date without year',
    );
    assert.strictEqual(shortDateNote('front matter is not valid TOML (Invalid …)'), 'front matter broken');
    assert.strictEqual(shortDateNote('something else'), 'date unknown');
  });

  it('is the same analysis the CLI reports', () => {
    const text = 'Harbour reopens after storm\nPublished 03/04/2023\n\nThe harbour reopened on Monday.\n';
    const a = analyzeArticle(text, 'a.txt');
    assert.match(a.article.meta?.publishedNote ?? '', /ambiguous/);
  });
});
