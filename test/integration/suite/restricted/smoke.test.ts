// Restricted Mode smoke test: the folder is untrusted and the extension is still loaded there.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { extension, EXTENSION_ID } from '../helpers';

describe('restricted mode smoke', () => {
  it('opens the workspace untrusted', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
  });

  it(`still loads and activates ${EXTENSION_ID}`, async () => {
    const ext = extension();
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });
});
