// fileName and fileStem: the file name in the paths and URIs articles are keyed by.
import * as assert from 'assert';
import { fileName, fileStem } from '../../../../src/core/text/paths';

describe('core text: paths', () => {
  it('takes the last part of a path at either slash', () => {
    assert.strictEqual(fileName('/home/u/news/a.txt'), 'a.txt');
    assert.strictEqual(fileName('C:\\news\\a.txt'), 'a.txt');
    assert.strictEqual(fileName('a.txt'), 'a.txt');
    assert.strictEqual(fileName('news/'), '');
  });

  it('decodes a URI and drops its query and fragment', () => {
    assert.strictEqual(fileName('file:///w/my%20article.txt'), 'my article.txt');
    assert.strictEqual(fileName('vscode-vfs://github/o/r/a.txt?ref=main#L3'), 'a.txt');
    assert.strictEqual(fileName('untitled:Untitled-1'), 'untitled:Untitled-1');
    assert.strictEqual(fileName('file:///w/100%.txt'), '100%.txt', 'malformed escapes are left as they are');
  });

  it('takes a file path literally: "#" and "%" are ordinary characters there', () => {
    assert.strictEqual(fileName('/w/issue #3.txt'), 'issue #3.txt');
    assert.strictEqual(fileName('/w/a%20b.txt'), 'a%20b.txt');
  });

  it('drops the last extension for the stem', () => {
    assert.strictEqual(fileStem('news/a.txt.ann'), 'a.txt');
    assert.strictEqual(fileStem('file:///w/my%20article.txt'), 'my article');
    assert.strictEqual(fileStem('README'), 'README');
  });
});
