// Verb forms for headlines: the present tense of a verb as written in an article.
import * as assert from 'assert';
import { presentTense, verbBase } from '../../../../src/core/text/inflect';

describe('presentTense', () => {
  it('turns past, participle, -ing and base forms into the third person present', () => {
    const cases: [string, string][] = [
      ['launched', 'launches'],
      ['met', 'meets'],
      ['laid', 'lays'],
      ['announced', 'announces'],
      ['removed', 'removes'],
      ['dropped', 'drops'],
      ['agreed', 'agrees'],
      ['visited', 'visits'],
      ['visiting', 'visits'],
      ['fired', 'fires'],
      ['withdrawn', 'withdraws'],
      ['reciprocating', 'reciprocates'],
      ['lifted', 'lifts'],
      ['released', 'releases'],
      ['focused', 'focuses'],
      ['carried', 'carries'],
      ['meet', 'meets'],
      ['passed', 'passes'],
      ['needed', 'needs'],
      ['proceed', 'proceeds'],
    ];
    for (const [word, want] of cases) assert.strictEqual(presentTense(word), want, word);
  });

  it('gives the base form after a modal', () => {
    assert.strictEqual(verbBase('remove'), 'remove');
    assert.strictEqual(verbBase('compensate'), 'compensate');
    assert.strictEqual(verbBase('launches'), 'launch');
    assert.strictEqual(verbBase('bring'), 'bring');
  });
});
