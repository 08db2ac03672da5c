import * as assert from 'assert';
import { globToRegExp, matchesAny } from '../../../src/core/glob';

describe('glob', () => {
  it('matches the default article globs', () => {
    const globs = ['**/seeds/**/*.txt', '**/articles/**/*.{txt,md}'];
    assert.ok(matchesAny('/work/project/seeds/000_a.txt', globs));
    assert.ok(matchesAny('seeds/sub/x.txt', globs));
    assert.ok(matchesAny('/home/u/articles/2023/a.md', globs));
    assert.ok(!matchesAny('/home/u/articles/a.yaml', globs));
    assert.ok(!matchesAny('/home/u/notes/a.txt', globs));
    assert.ok(!matchesAny('/home/u/seeds/a.txt.annotations.yaml', globs));
  });
  it('treats * as one path segment and escapes regex characters', () => {
    assert.ok(globToRegExp('*.txt').test('a.txt'));
    assert.ok(!globToRegExp('*.txt').test('dir/a.txt'));
    assert.ok(!globToRegExp('a+b.txt').test('aab.txt'));
    assert.ok(globToRegExp('a+b.txt').test('a+b.txt'));
  });
});
