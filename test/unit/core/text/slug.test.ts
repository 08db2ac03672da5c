// The one slug helper keeps the three id forms it replaced: event ids, quote ids and annotation ids.
import * as assert from 'assert';
import { slug } from '../../../../src/core/text/slug';

describe('slug', () => {
  it('makes event ids: ASCII words joined by hyphens, accents dropped', () => {
    assert.strictEqual(slug('Yoon–Kishida summit'), 'yoon-kishida-summit');
    assert.strictEqual(slug('  São Paulo! '), 'sao-paulo');
    assert.strictEqual(slug('Müller'), 'muller');
    assert.strictEqual(slug('서울'), '');
  });

  it('makes quote ids as they always were: an accent breaks the word', () => {
    assert.strictEqual(slug('Müller', { stripAccents: false }), 'mu-ller');
    assert.strictEqual(slug('José', { stripAccents: false }), 'jose');
    assert.strictEqual(slug('We will respond', { stripAccents: false }), 'we-will-respond');
  });

  it('makes annotation ids: letters of any script, cut to a length, never empty', () => {
    const annotation = { stripAccents: false, unicode: true, maxLength: 60, fallback: 'event' };
    // NFKD splits Hangul syllables into jamo; annotation ids always had that form.
    assert.strictEqual(slug('서울 회담', annotation), '서울-회담'.normalize('NFKD'));
    assert.strictEqual(slug('Müller', annotation), 'mu-ller');
    assert.strictEqual(slug('!!!', annotation), 'event');
    assert.strictEqual(slug('a'.repeat(70), annotation).length, 60);
  });
});
