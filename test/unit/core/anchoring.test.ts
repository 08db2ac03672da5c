// Unit tests for anchoring: selectors, approximate search, re-anchoring after edits, and rebasing through editor edits.
import * as assert from 'assert';
import { anchor, describeQuote, editDistance, rebase, searchApprox } from '../../../src/core/anchoring';
import { runScenario } from '../../../scripts/bench/anchoring';

const ARTICLE =
  'Yoon Suk Yeol of South Korea arrived in Tokyo for a summit with Prime Minister Fumio Kishida.\n\n' +
  'The visit was the first in 12 years. Kishida said the talks were frank. Yoon said the talks were useful.\n\n' +
  'North Korea launched a missile hours before the leaders met in Tokyo.';

function selectorsFor(text: string, phrase: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(phrase, start + 1);
  assert.ok(start >= 0, `fixture lacks ${phrase}`);
  return {
    start,
    end: start + phrase.length,
    quote: describeQuote(text, start, start + phrase.length),
    position: { start, end: start + phrase.length },
  };
}

describe('anchoring', () => {
  describe('describeQuote', () => {
    it('keeps 32 characters of context either side, clipped at the text edges', () => {
      const q = describeQuote(ARTICLE, 0, 13);
      assert.strictEqual(q.exact, 'Yoon Suk Yeol');
      assert.strictEqual(q.prefix, '');
      assert.strictEqual(q.suffix, ARTICLE.slice(13, 45));
    });
  });

  describe('searchApprox', () => {
    it('agrees with a plain dynamic-programming search on random strings', () => {
      let seed = 7;
      const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
      const alphabet = 'abc d';
      for (let round = 0; round < 200; round++) {
        const pattern = Array.from({ length: 1 + Math.floor(rnd() * 70) }, () => alphabet[Math.floor(rnd() * 5)]).join(
          '',
        );
        const text = Array.from({ length: Math.floor(rnd() * 150) }, () => alphabet[Math.floor(rnd() * 5)]).join('');
        const k = Math.floor(rnd() * pattern.length);
        // Reference: distance of the best match ending at each position.
        let col = Array.from({ length: pattern.length + 1 }, (_, i) => i);
        const best: number[] = [];
        for (const ch of text) {
          const next = [0];
          for (let i = 1; i <= pattern.length; i++)
            next[i] = Math.min(col[i - 1] + (pattern[i - 1] === ch ? 0 : 1), col[i] + 1, next[i - 1] + 1);
          col = next;
          best.push(col[pattern.length]);
        }
        for (const hit of searchApprox(text, pattern, k)) {
          assert.ok(hit.errors <= k);
          assert.strictEqual(hit.errors, best[hit.end - 1]);
          assert.strictEqual(editDistance(text.slice(hit.start, hit.end), pattern), hit.errors);
        }
      }
    });
  });

  describe('anchor', () => {
    it('keeps an annotation where it is when the text has not changed', () => {
      const s = selectorsFor(ARTICLE, 'Fumio Kishida');
      const found = anchor(ARTICLE, s);
      assert.deepStrictEqual(found && [found.start, found.end], [s.start, s.end]);
      assert.ok(found!.confidence > 0.9);
    });

    it('follows the text when something is inserted before it', () => {
      const s = selectorsFor(ARTICLE, 'Kishida said');
      const edited = 'Advertisement\n\n' + ARTICLE.replace('first in 12 years', 'first such visit in a dozen years');
      const found = anchor(edited, s);
      const expected = edited.indexOf('Kishida said');
      assert.deepStrictEqual(found && [found.start, found.end], [expected, expected + 'Kishida said'.length]);
    });

    it('chooses among repeated words by their context', () => {
      const s = selectorsFor(ARTICLE, 'the talks were', 1); // Yoon's, not Kishida's
      const edited = ARTICLE.replace('The visit', 'The long-awaited visit');
      const found = anchor(edited, s);
      const expected = edited.indexOf('the talks were', edited.indexOf('Yoon said'));
      assert.deepStrictEqual(found && [found.start, found.end], [expected, expected + 14]);
    });

    it('finds a slightly reworded quote by fuzzy matching, between its unchanged context', () => {
      const s = selectorsFor(ARTICLE, 'Prime Minister Fumio Kishida');
      const edited = ARTICLE.replace('Prime Minister Fumio Kishida', 'Prime Minister Fumyo Kishida');
      const found = anchor(edited, s);
      const expected = edited.indexOf('Prime Minister Fumyo Kishida');
      assert.deepStrictEqual(found && [found.start, found.end], [expected, expected + 28]);
      assert.ok(found!.confidence < 1);
    });

    it('orphans an annotation whose text was deleted, even though the same words occur elsewhere', () => {
      const s = selectorsFor(ARTICLE, 'Tokyo', 1);
      const edited = ARTICLE.replace(' before the leaders met in Tokyo.', '.');
      assert.strictEqual(anchor(edited, s), null);
    });

    it('orphans rather than guesses inside a repeated passage', () => {
      const passage = 'Thank you for your patience while we verify access.';
      const text = `Intro line here.\n\n${passage}\n\nMiddle of the story goes on and on.\n\n${passage}\n\nEnd.`;
      const s = selectorsFor(text, 'patience', 1);
      // Both copies lose their different outer context; only the identical inner context remains.
      const edited = text
        .replace('Intro line here.', 'Something else.')
        .replace('Middle of the story goes on and on.', 'Other words now.')
        .replace('End.', 'Fin.');
      const found = anchor(edited.replace(/\n\n/g, '\n'), s);
      assert.strictEqual(found, null);
    });

    it('does not place a word-boundary quote inside another word', () => {
      const text = 'The ban was lifted. Urban planners met.';
      const s = selectorsFor(text, 'ban');
      const edited = 'Urban planners met. Nothing else.';
      assert.strictEqual(anchor(edited, s), null);
    });

    it('falls back to the position alone only while it fits the text', () => {
      assert.deepStrictEqual(anchor('abcdef', { position: { start: 1, end: 3 } }), {
        start: 1,
        end: 3,
        confidence: 0.5,
      });
      assert.strictEqual(anchor('ab', { position: { start: 1, end: 3 } }), null);
    });
  });

  describe('rebase', () => {
    const span = { start: 10, end: 20 };
    it('shifts spans after an insertion or deletion before them, and leaves ones before an edit alone', () => {
      assert.deepStrictEqual(rebase([span], [{ start: 0, end: 0, newText: 'abc' }]), [{ start: 13, end: 23 }]);
      assert.deepStrictEqual(rebase([span], [{ start: 2, end: 7, newText: '' }]), [{ start: 5, end: 15 }]);
      assert.deepStrictEqual(rebase([span], [{ start: 25, end: 30, newText: 'x' }]), [span]);
    });
    it('keeps text typed at either edge outside the annotation', () => {
      assert.deepStrictEqual(rebase([span], [{ start: 10, end: 10, newText: 'ab' }]), [{ start: 12, end: 22 }]);
      assert.deepStrictEqual(rebase([span], [{ start: 20, end: 20, newText: 'ab' }]), [span]);
    });
    it('grows and shrinks with edits inside', () => {
      assert.deepStrictEqual(rebase([span], [{ start: 12, end: 14, newText: 'abcdef' }]), [{ start: 10, end: 24 }]);
      assert.deepStrictEqual(rebase([span], [{ start: 12, end: 18, newText: '' }]), [{ start: 10, end: 14 }]);
    });
    it('clips at edits overlapping an edge and orphans when all its text is gone', () => {
      assert.deepStrictEqual(rebase([span], [{ start: 5, end: 15, newText: 'xy' }]), [{ start: 7, end: 12 }]);
      assert.deepStrictEqual(rebase([span], [{ start: 15, end: 25, newText: '' }]), [{ start: 10, end: 15 }]);
      assert.deepStrictEqual(rebase([span], [{ start: 8, end: 22, newText: 'new words' }]), [null]);
      assert.deepStrictEqual(rebase([span], [{ start: 10, end: 20, newText: '' }]), [null]);
    });
    it('applies several changes in order, as VS Code reports them (from the end of the document)', () => {
      const text = 'aaaa bbbb cccc';
      const edits = [
        { start: 10, end: 14, newText: 'CCCCCC' },
        { start: 0, end: 0, newText: '>> ' },
      ];
      let edited = text;
      for (const e of edits) edited = edited.slice(0, e.start) + e.newText + edited.slice(e.end);
      const [moved] = rebase([{ start: 5, end: 9 }], edits);
      assert.strictEqual(edited.slice(moved!.start, moved!.end), 'bbbb');
    });
  });

  describe('benchmark', () => {
    it('re-anchors intact annotations correctly and never misplaces one in a small seeded run', () => {
      const { metrics } = runScenario({ rounds: 40, editsPerRound: 10, seed: 99 });
      assert.strictEqual(metrics.intactMisplaced, 0);
      assert.strictEqual(metrics.deletedMisplaced, 0);
      assert.ok(metrics.intactCorrectPct >= 95, `intact correct ${metrics.intactCorrectPct}%`);
    });
  });
});
