// First use in a real VS Code: the Get Started walkthrough, Open Sample Articles, Treat Folder as Articles,
// the side bar's welcome text, and the prose defaults of the news-article language.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'article-annotator.article-annotator';

interface Api {
  ready: Promise<void>;
  view(uri: vscode.Uri): Promise<{ entities: { text: string; type: string }[] } | null>;
}

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: unknown };
  completionEvents: string[];
}

function extension(): vscode.Extension<Api> {
  const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  return ext;
}

async function api(): Promise<Api> {
  const a = await extension().activate();
  await a.ready;
  return a;
}

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 20000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Every `command:<id>` link in a piece of Markdown. */
function commandLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
}

const workspaceRoot = () => vscode.workspace.workspaceFolders![0].uri;

describe('getting started', function () {
  this.timeout(60000);

  it('contributes a Get Started walkthrough whose steps complete on events that exist, each with its page', async () => {
    await api();
    const ext = extension();
    const walkthroughs = ext.packageJSON.contributes.walkthroughs as { id: string; steps: Step[] }[];
    assert.strictEqual(walkthroughs.length, 1);
    const steps = walkthroughs[0].steps;
    assert.deepStrictEqual(
      steps.map((s) => s.id),
      ['openSamples', 'hoverDate', 'followEvent', 'tagName', 'coverage', 'export'],
    );
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const step of steps) {
      assert.ok(step.completionEvents.length > 0, `${step.id} never completes`);
      for (const event of step.completionEvents) {
        const [kind, target] = [event.slice(0, event.indexOf(':')), event.slice(event.indexOf(':') + 1)];
        if (kind === 'onCommand') assert.ok(commands.has(target), `${step.id}: command ${target} is not registered`);
        else assert.strictEqual(kind, 'onContext', `${step.id}: unexpected completion event ${event}`);
        if (kind === 'onContext')
          assert.match(
            target,
            /^articleAnnotator\.(isArticle|walkthrough\.dateHovered)$/,
            `${step.id}: a context key the extension sets`,
          );
      }
      for (const id of commandLinks(step.description))
        assert.ok(commands.has(id), `${step.id} links to ${id}, which is not registered`);
      assert.ok(step.media.markdown, `${step.id} has no page`);
      const page = fs.readFileSync(path.join(ext.extensionPath, step.media.markdown), 'utf8');
      assert.match(page, /^# \S/, `${step.media.markdown} has no heading`);
    }
  });

  it('the side bar explains articles and offers Treat Folder as Articles until one is found; every link there runs a registered command', async () => {
    await api();
    const welcome = extension().packageJSON.contributes.viewsWelcome as {
      view: string;
      contents: string;
      when?: string;
    }[];
    const none = welcome.find(
      (w) => w.view === 'articleAnnotator.entities' && w.when === '!articleAnnotator.hasArticles',
    );
    assert.ok(none, 'no welcome text for a folder without articles');
    assert.match(none.contents, /An article is/);
    assert.ok(commandLinks(none.contents).includes('articleAnnotator.treatFolderAsArticles'));
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const w of welcome)
      for (const id of commandLinks(w.contents))
        assert.ok(commands.has(id), `${w.view} links to ${id}, which is not registered`);
  });

  it('articles read like prose: word wrap on and no ambiguous-character boxes, by the language defaults', async () => {
    await api();
    const editor = vscode.workspace.getConfiguration('editor', { languageId: 'news-article' });
    assert.strictEqual(editor.get('wordWrap'), 'on');
    assert.strictEqual(editor.get('unicodeHighlight.ambiguousCharacters'), false);
    assert.strictEqual(editor.get('unicodeHighlight.invisibleCharacters'), false);
    // Only for articles: plain text keeps VS Code's default.
    assert.strictEqual(vscode.workspace.getConfiguration('editor', { languageId: 'plaintext' }).get('wordWrap'), 'off');
    const [seed] = await vscode.workspace.findFiles('000_*.txt');
    const doc = await vscode.workspace.openTextDocument(seed);
    assert.strictEqual(doc.languageId, 'news-article');
    assert.strictEqual(vscode.workspace.getConfiguration('editor', doc).get('wordWrap'), 'on');
  });

  it("nests each article's sidecar under it in the Explorer", async () => {
    await api();
    const nesting = vscode.workspace.getConfiguration('explorer.fileNesting');
    assert.strictEqual(nesting.get('enabled'), true);
    const patterns = nesting.get<Record<string, string>>('patterns')!;
    // Sidecars are "<article file name>.annotations.yaml" (src/core/sidecar/schema.ts).
    assert.strictEqual(patterns['*.txt'], '${capture}.txt.annotations.yaml');
    assert.strictEqual(patterns['*.md'], '${capture}.md.annotations.yaml');
  });

  it('Treat Folder as Articles makes the files of a new folder articles, highlighted', async () => {
    const a = await api();
    const folder = vscode.Uri.joinPath(workspaceRoot(), 'clippings');
    // Markdown: the workspace folder is named "seeds", so any .txt in it is already an article by default.
    const file = vscode.Uri.joinPath(folder, 'summit.md');
    const text =
      'TOKYO — Prime Minister Fumio Kishida met Chancellor Olaf Scholz in Tokyo on Monday, the Japanese foreign ministry said.\n';
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
    const config = vscode.workspace.getConfiguration('articleAnnotator');
    try {
      assert.strictEqual(await a.view(file), null, 'already an article before the command');
      const glob = await vscode.commands.executeCommand<string>('articleAnnotator.treatFolderAsArticles', {
        uri: folder,
      });
      assert.strictEqual(glob, '**/clippings/**/*.{txt,md}');
      assert.ok(
        vscode.workspace
          .getConfiguration('articleAnnotator')
          .inspect<string[]>('articleGlobs')!
          .workspaceValue!.includes(glob),
      );
      const view = await until('the new folder to be analysed', async () => {
        const v = await a.view(file);
        return v && v.entities.length > 0 ? v : undefined;
      });
      const names = view.entities.map((e) => `${e.type}:${e.text}`);
      assert.ok(names.includes('PERSON:Fumio Kishida'), names.join(', '));
      assert.ok(names.includes('PLACE:Tokyo'), names.join(', '));
    } finally {
      await config.update('articleGlobs', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace
        .getConfiguration('files')
        .update('associations', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });

  it('Open Sample Articles copies the packaged samples into the chosen folder, opens the first, and never overwrites', async () => {
    const a = await api();
    const ext = extension();
    const target = vscode.Uri.joinPath(workspaceRoot(), 'sample-test');
    type Result = { folder: string; files: string[]; openedWindow: boolean };
    try {
      const result = (await vscode.commands.executeCommand<Result>('articleAnnotator.openSampleArticles', { target }))!;
      assert.strictEqual(result.openedWindow, false, 'a folder inside the workspace is opened in place');
      assert.strictEqual(
        result.folder,
        vscode.Uri.joinPath(target, 'article-annotator-samples', 'articles').toString(),
      );
      const shipped = fs
        .readdirSync(path.join(ext.extensionPath, 'seeds'))
        .filter((n) => n.endsWith('.txt'))
        .sort();
      assert.strictEqual(shipped.length, 5, `samples in the package: ${shipped.join(', ')}`);
      assert.deepStrictEqual(
        result.files.map((f) => path.posix.basename(vscode.Uri.parse(f).path)),
        shipped,
      );
      const first = vscode.Uri.parse(result.files[0]);
      assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), first.toString());
      assert.strictEqual(vscode.window.activeTextEditor?.document.languageId, 'news-article');
      await until('the first sample to be analysed', async () => ((await a.view(first))?.entities.length ?? 0) > 0);

      // Running it again keeps what the user changed in a sample.
      const second = vscode.Uri.parse(result.files[1]);
      await vscode.workspace.fs.writeFile(second, new TextEncoder().encode('My edited copy.\n'));
      await vscode.commands.executeCommand('articleAnnotator.openSampleArticles', { target });
      assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(second)), 'My edited copy.\n');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(target, { recursive: true });
    }
  });
});
