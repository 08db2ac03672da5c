// Smoke test in a real VS Code: the extension is installed from the development path and activates.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { extension, EXTENSION_ID } from './helpers';

describe('smoke', () => {
  it('runs inside a real VS Code with a version number', () => {
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
    assert.ok(vscode.env.appName.length > 0, 'appName is empty');
  });

  it('opens the seed articles as the workspace folder', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.strictEqual(folders.length, 1);
    const articles = await vscode.workspace.findFiles('*.txt');
    assert.ok(articles.length >= 1, 'no seed article in the workspace');
  });

  it(`finds and activates ${EXTENSION_ID}`, async () => {
    const ext = extension();
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });
});
