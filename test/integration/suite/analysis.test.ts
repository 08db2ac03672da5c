// The foundation in a real VS Code: highlights' data, hovers on dates and names, the toggle and the status bar.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { hoverText, ready, seed, waitFor } from './helpers';

async function openSeed(prefix: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await seed(prefix));
}

describe('analysis in the editor', function () {
  this.timeout(60000);

  it('opens a seed as a news-article and finds people, places and dates', async () => {
    const a = await ready();
    const editor = await openSeed('000');
    assert.strictEqual(editor.document.languageId, 'news-article');
    const view = await a.view(editor.document.uri);
    assert.ok(view, 'no analysis for the seed');
    const names = view.entities.map((e) => `${e.type}:${e.text}`);
    assert.ok(names.includes('PERSON:Yoon Suk Yeol'), names.join(', '));
    assert.ok(names.includes('PLACE:Tokyo'), names.join(', '));
    assert.ok(
      view.dates.some((d) => d.text === 'Thursday' && d.value === '2023-03-16'),
      JSON.stringify(view.dates),
    );
    assert.ok(view.boilerplate.length >= 4, 'boilerplate lines not found');
  });

  it('hovering a weekday shows the resolved date and why', async () => {
    await ready();
    const editor = await openSeed('000');
    const text = await hoverText(editor.document, 'Thursday');
    assert.ok(text.includes('Thursday means Thursday 16 March 2023'), text);
    assert.ok(/published 2023-03-16/.test(text), text);
    // 000 states no date: the folder gave it, and the hover names and links the article it came from.
    assert.ok(/inferred: .*004_c0e5fdfcdfc52de7\.txt/.test(text), text);
    assert.ok(/learned from \[004_c0e5fdfcdfc52de7\.txt\]\(command:articleAnnotator\.openMention/.test(text), text);
  });

  it('hovering a name shows the canonical name, other spellings and the article count', async () => {
    await ready();
    const editor = await openSeed('004');
    const text = await hoverText(editor.document, 'Yoon Suk-yeol');
    assert.ok(text.includes('Yoon Suk Yeol'), text);
    assert.ok(/also .*Yoon/.test(text), text);
    const m = /in (\d+) articles/.exec(text);
    assert.ok(m && +m[1] >= 4, text);
  });

  it('the status bar counts the active article and the toggle command hides and shows highlights', async () => {
    const a = await ready();
    await openSeed('001');
    const counts = /\$\(person\) [1-9]\d* .*\$\(calendar\) [1-9]/;
    await waitFor(() => counts.test(a.statusBarText()), {
      timeout: 5000,
      what: 'the person and date counts in the status bar',
    });
    const before = a.highlightsEnabled();
    await vscode.commands.executeCommand('articleAnnotator.toggleHighlights');
    assert.strictEqual(a.highlightsEnabled(), !before);
    await vscode.commands.executeCommand('articleAnnotator.toggleHighlights');
    assert.strictEqual(a.highlightsEnabled(), before);
  });

  it('the status bar says why an article has no publication date (an ambiguous 03/04/2023)', async () => {
    const a = await ready();
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(folder, 'notes', 'ambiguous-stamp.txt');
    const text = 'Harbour reopens after storm\nPublished 03/04/2023\n\nThe harbour reopened on Monday.\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand('articleAnnotator.treatAsArticle');
    await waitFor(() => a.statusBarText().includes('$(warning) date ambiguous'), {
      timeout: 10000,
      what: `"date ambiguous" in the status bar (it reads "${a.statusBarText()}")`,
    });
    const view = await a.view(uri);
    assert.match(view?.publishedNote ?? '', /is ambiguous: .*day first.*month first/);
  });

  it('treats any file as an article on request', async () => {
    const a = await ready();
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(folder, 'notes', 'scratch.log');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('Kishida visited Seoul on Sunday.\n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(await a.view(uri), null);
    await vscode.commands.executeCommand('articleAnnotator.treatAsArticle');
    const view = await a.view(uri);
    assert.ok(view && view.entities.some((e) => e.text === 'Seoul'), JSON.stringify(view));
  });

  it('restarting the analysis worker re-indexes the folder', async () => {
    const a = await ready();
    await vscode.commands.executeCommand('articleAnnotator.restartAnalysis');
    const editor = await openSeed('002');
    // Hovers and views answer ahead of the re-indexing, from what is indexed so far: wait for the folder.
    const view = await waitFor(() => a.view(editor.document.uri), { what: 'the re-indexed article' });
    assert.ok(
      view.entities.some((e) => e.text === 'Yuko Kishida'),
      JSON.stringify(view.entities.slice(0, 5)),
    );
    let text = '';
    await waitFor(async () => (text = await hoverText(editor.document, 'Sunday')).includes('Sunday 7 May 2023'), {
      what: 'the date inferred from the folder',
    }).catch(() => assert.fail(text));
  });
});
