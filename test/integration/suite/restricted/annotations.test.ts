// Restricted Mode: annotation commands refuse and write nothing; highlights still come from the analysis.
import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { hovers, plain, ready, seedUri } from '../helpers';

describe('user annotations in Restricted Mode', function () {
  this.timeout(60000);

  it('refuses every writing command and writes no file', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    await ready();
    const uri = await seedUri('000');
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

  it('shows annotations from an existing sidecar in hovers', async () => {
    const a = await ready();
    const uri = await seedUri('001');
    const doc = await vscode.workspace.openTextDocument(uri);
    const text = doc.getText();
    const at = text.indexOf('Kishida');
    const yaml = [
      'schema: 1',
      `article: ${JSON.stringify(path.basename(uri.fsPath))}`,
      `textHash: "sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}"`,
      'annotations:',
      '  - id: a-restricted',
      '    tag: person',
      `    text: Kishida`,
      `    note: "seen in Restricted Mode"`,
      `    position: { start: ${at}, end: ${at + 7} }`,
      `    quote: { exact: Kishida, prefix: ${JSON.stringify(text.slice(Math.max(0, at - 32), at))}, ` +
        `suffix: ${JSON.stringify(text.slice(at + 7, at + 39))} }`,
      '',
    ].join('\n');
    // The test writes the file (as git would); the extension only reads it.
    fs.writeFileSync(uri.fsPath + '.annotations.yaml', yaml);
    const live = await a.annotations.annotationsOf(uri);
    assert.deepStrictEqual(
      live.map((x) => [x.id, x.orphan]),
      [['a-restricted', false]],
    );
    const text2 = plain((await hovers(doc, at + 2)).map((m) => m.value).join('\n'));
    assert.ok(text2.includes('seen in Restricted Mode'), text2);
    assert.strictEqual(
      fs.readFileSync(uri.fsPath + '.annotations.yaml', 'utf8'),
      yaml,
      'the sidecar was rewritten in Restricted Mode',
    );
  });
});
