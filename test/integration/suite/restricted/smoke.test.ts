// Restricted Mode smoke test: the folder is untrusted and the extension is still loaded there.
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'article-annotator.article-annotator';

describe('restricted mode smoke', () => {
  it('opens the workspace untrusted', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
  });

  it(`still loads ${EXTENSION_ID}`, () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} is not loaded in Restricted Mode`);
  });
});
