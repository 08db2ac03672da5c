// Restricted Mode smoke test: the folder is untrusted and the extension is still loaded there.
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'article-annotator.article-annotator';

describe('restricted mode smoke', () => {
  it('opens the workspace untrusted', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
  });

  it(`still loads and activates ${EXTENSION_ID}`, async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded in Restricted Mode`);
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });
});
