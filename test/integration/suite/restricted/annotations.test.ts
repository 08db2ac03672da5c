// Restricted Mode: annotation commands refuse and write nothing; highlights still come from the analysis.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'article-annotator.article-annotator';

describe('user annotations in Restricted Mode', function () {
  this.timeout(60000);

  it('refuses every writing command and writes no file', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    const a = await vscode.extensions.getExtension<{ ready: Promise<void> }>(EXTENSION_ID)!.activate();
    await a.ready;
    const [uri] = await vscode.workspace.findFiles('000_*.txt');
    const doc = await vscode.workspace.openTextDocument(uri);
    const at = doc.getText().indexOf('Tokyo');
    const s = { uri: uri.toString(), start: at, end: at + 5 };
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const before = fs.readdirSync(root).sort();
    const out = path.join(path.dirname(root), 'restricted-export');
    for (const [cmd, o] of [
      ['tagSelection', { ...s, tag: 'place' }],
      ['addNote', { ...s, note: 'n' }],
      ['linkToEvent', { ...s, event: 'e' }],
      ['tagAllOccurrences', { ...s, tag: 'place', scope: 'folder' }],
      ['rejectSuggestion', { ...s, scope: 'article' }],
      ['acceptSuggestion', { ...s, scope: 'article' }],
      ['setPublicationDate', { uri: s.uri, date: '2020-01-01' }],
      ['mergeEntities', { entities: ['place:tokyo', 'place:seoul'] }],
      ['exportAnnotations', { format: 'csv', target: out }],
    ] as [string, object][]) {
      const result = await vscode.commands.executeCommand(`articleAnnotator.${cmd}`, o);
      assert.strictEqual(result, undefined, `${cmd} returned ${JSON.stringify(result)}`);
    }
    assert.deepStrictEqual(fs.readdirSync(root).sort(), before, 'a file was written in Restricted Mode');
    assert.ok(!fs.existsSync(out), 'the export was written in Restricted Mode');
  });
});
