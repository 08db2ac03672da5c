// “Import Articles from Web Pages…” with its options object: a saved page becomes a Markdown article beside it,
// which is opened and analysed; a page that is not an article writes nothing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { ready, waitFor } from './helpers';

const FIXTURES = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'webpages');

describe('import articles from web pages', function () {
  this.timeout(60000);

  it('writes the article beside the page, opens it, and analyses it', async () => {
    const api = await ready();
    const dir = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'saved-pages');
    fs.mkdirSync(dir, { recursive: true });
    const page = path.join(dir, 'harbour-ferry-jsonld-graph.html');
    fs.copyFileSync(path.join(FIXTURES, 'harbour-ferry-jsonld-graph.html'), page);
    const before = fs.readFileSync(page);

    const written = await vscode.commands.executeCommand<string[]>('articleAnnotator.importWebPages', {
      files: [page],
    });

    assert.deepStrictEqual(written, [path.join(dir, 'harbour-board-approves-night-ferry-trial.md')]);
    const text = fs.readFileSync(written[0], 'utf8');
    assert.match(text, /^---\ntitle: Harbour board approves night ferry trial\n/);
    assert.match(text, /\npublished: 2025-03-14T09:30:00\+01:00\n/);
    assert.ok(!/Share on|cookies|islandgirl72/.test(text), 'no furniture in the article');
    assert.deepStrictEqual(fs.readFileSync(page), before, 'the saved page is untouched');
    const editor = await waitFor(
      () => vscode.window.activeTextEditor?.document.uri.fsPath === written[0] && vscode.window.activeTextEditor,
      {
        what: 'the imported article to open',
      },
    );
    const view = await waitFor(() => api.view(editor.document.uri), { what: 'the imported article to be analysed' });
    assert.ok(
      view.entities.some((e) => e.text === 'Aileen Brosnan'),
      'people in the imported article are found',
    );
  });

  it('writes nothing for a page that is not an article, and never over an existing file', async () => {
    await ready();
    const dir = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'saved-pages-2');
    const out = path.join(dir, 'out');
    fs.mkdirSync(out, { recursive: true });
    const section = path.join(dir, 'politics-section-front.html');
    const article = path.join(dir, 'library.html');
    fs.copyFileSync(path.join(FIXTURES, 'politics-section-front.html'), section);
    fs.copyFileSync(path.join(FIXTURES, 'library-strike-opengraph.html'), article);
    fs.writeFileSync(path.join(out, 'library-strike-ends-after-11-days.md'), 'mine');

    const written = await vscode.commands.executeCommand<string[]>('articleAnnotator.importWebPages', {
      files: [section, article],
      out,
    });

    assert.deepStrictEqual(written, [path.join(out, 'library-strike-ends-after-11-days-2.md')]);
    assert.strictEqual(fs.readFileSync(path.join(out, 'library-strike-ends-after-11-days.md'), 'utf8'), 'mine');
    assert.deepStrictEqual(fs.readdirSync(out).sort(), [
      'library-strike-ends-after-11-days-2.md',
      'library-strike-ends-after-11-days.md',
    ]);
  });
});
