// The foundation in a real VS Code: highlights' data, hovers on dates and names, the toggle and the status bar.
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'article-annotator.article-annotator';

interface Api {
  ready: Promise<void>;
  view(uri: vscode.Uri): Promise<{ entities: { text: string; type: string }[]; dates: { text: string; value: string }[]; boilerplate: unknown[] } | null>;
  statusBarText(): string;
  highlightsEnabled(): boolean;
}

async function api(): Promise<Api> {
  const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID)!;
  const a = await ext.activate();
  await a.ready;
  return a;
}

async function openSeed(prefix: string): Promise<vscode.TextEditor> {
  const [uri] = await vscode.workspace.findFiles(`${prefix}_*.txt`);
  assert.ok(uri, `seed ${prefix} not found`);
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

/** The text a reader sees in the hover (Markdown escapes removed). */
async function hoverText(doc: vscode.TextDocument, needle: string, nth = 0): Promise<string> {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = doc.getText().indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `"${needle}" not in ${doc.fileName}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset + 1));
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .join('\n')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

describe('analysis in the editor', function () {
  this.timeout(60000);

  it('opens a seed as a news-article and finds people, places and dates', async () => {
    const a = await api();
    const editor = await openSeed('000');
    assert.strictEqual(editor.document.languageId, 'news-article');
    const view = await a.view(editor.document.uri);
    assert.ok(view, 'no analysis for the seed');
    const names = view.entities.map((e) => `${e.type}:${e.text}`);
    assert.ok(names.includes('PERSON:Yoon Suk Yeol'), names.join(', '));
    assert.ok(names.includes('PLACE:Tokyo'), names.join(', '));
    assert.ok(view.dates.some((d) => d.text === 'Thursday' && d.value === '2023-03-16'), JSON.stringify(view.dates));
    assert.ok(view.boilerplate.length >= 4, 'boilerplate lines not found');
  });

  it('hovering a weekday shows the resolved date and why', async () => {
    await api();
    const editor = await openSeed('000');
    const text = await hoverText(editor.document, 'Thursday');
    assert.ok(text.includes('Thursday → Thursday 16 March 2023'), text);
    assert.ok(/published 2023-03-16/.test(text), text);
    // 000 states no date: the folder gave it, and the hover names and links the article it came from.
    assert.ok(/inferred: .*004_c0e5fdfcdfc52de7\.txt/.test(text), text);
    assert.ok(/learned from \[004_c0e5fdfcdfc52de7\.txt\]\(command:articleAnnotator\.openMention/.test(text), text);
  });

  it('hovering a name shows the canonical name, other spellings and the article count', async () => {
    await api();
    const editor = await openSeed('004');
    const text = await hoverText(editor.document, 'Yoon Suk-yeol');
    assert.ok(text.includes('Yoon Suk Yeol'), text);
    assert.ok(/also .*Yoon/.test(text), text);
    const m = /in (\d+) articles/.exec(text);
    assert.ok(m && +m[1] >= 4, text);
  });

  it('the status bar counts the active article and the toggle command hides and shows highlights', async () => {
    const a = await api();
    await openSeed('001');
    await new Promise((r) => setTimeout(r, 300));
    assert.match(a.statusBarText(), /\$\(person\) [1-9]\d* .*\$\(calendar\) [1-9]/);
    const before = a.highlightsEnabled();
    await vscode.commands.executeCommand('articleAnnotator.toggleHighlights');
    assert.strictEqual(a.highlightsEnabled(), !before);
    await vscode.commands.executeCommand('articleAnnotator.toggleHighlights');
    assert.strictEqual(a.highlightsEnabled(), before);
  });

  it('treats any file as an article on request', async () => {
    const a = await api();
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
    const a = await api();
    await vscode.commands.executeCommand('articleAnnotator.restartAnalysis');
    const editor = await openSeed('002');
    const view = await a.view(editor.document.uri);
    assert.ok(view && view.entities.some((e) => e.text === 'Yuko Kishida'), JSON.stringify(view?.entities.slice(0, 5)));
    const text = await hoverText(editor.document, 'Sunday');
    assert.ok(text.includes('Sunday 7 May 2023'), text);
  });
});
