// Restricted Mode: importing web pages writes nothing and says so.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { ready } from '../helpers';

describe('import articles from web pages in Restricted Mode', function () {
  this.timeout(60000);

  it('refuses and writes no file', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    await ready();
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const page = path.join(
      __dirname,
      '..',
      '..',
      '..',
      '..',
      '..',
      'test',
      'fixtures',
      'webpages',
      'library-strike-opengraph.html',
    );
    const before = fs.readdirSync(root).sort();
    const result = await vscode.commands.executeCommand('articleAnnotator.importWebPages', {
      files: [page],
      out: root,
    });
    assert.strictEqual(result, undefined);
    assert.deepStrictEqual(fs.readdirSync(root).sort(), before, 'a file was written in Restricted Mode');
  });
});
