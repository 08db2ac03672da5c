// Runs only against the installed .vsix (runInstalled.ts): the extension VS Code loaded is the installed
// package, not the working tree, and the package holds what a user needs and nothing of the sources.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'article-annotator.article-annotator';

describe('installed from the .vsix', () => {
  it(`${EXTENSION_ID} is loaded from the extensions folder, not the working tree`, async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    const repo = process.env.ARTICLE_ANNOTATOR_TEST_REPO;
    assert.ok(repo, 'ARTICLE_ANNOTATOR_TEST_REPO is not set: run this pass with runInstalled.js');
    const installed = path.resolve(ext.extensionPath);
    assert.ok(
      !installed.startsWith(path.resolve(repo) + path.sep) && installed !== path.resolve(repo),
      `loaded from the working tree: ${installed}`,
    );
    assert.strictEqual(path.basename(installed), `${EXTENSION_ID}-${ext.packageJSON.version}`);
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });

  it('the package holds the bundles, icon, licence, walkthrough pages and samples, and no sources', () => {
    const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    const has = (p: string) => fs.existsSync(path.join(root, p));
    for (const p of [
      'dist/extension.js',
      'dist/analysisWorker.js',
      'media/icon.png',
      'LICENSE.txt',
      'syntaxes/news-article.tmLanguage.json',
    ])
      assert.ok(has(p), `${p} is missing`);
    assert.strictEqual(fs.readdirSync(path.join(root, 'seeds')).filter((n) => n.endsWith('.txt')).length, 5);
    for (const p of [
      'src',
      'test',
      'out',
      'node_modules',
      'scripts',
      'dist/cli.js',
      'dist/extension.js.map',
      'tsconfig.json',
    ])
      assert.ok(!has(p), `${p} should not be packaged`);
    const png = fs.readFileSync(path.join(root, 'media/icon.png'));
    // PNG header: width and height are the big-endian words at bytes 16 and 20.
    assert.deepStrictEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });
});
