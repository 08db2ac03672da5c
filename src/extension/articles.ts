// Which files are articles, and keeping the corpus index in step with them: the initial scan of the
// workspace (with progress, cancellable), open editors' unsaved text (debounced), and file watchers
// for changes made outside VS Code (git pull, other editors).
import * as vscode from 'vscode';
import { looksBinary, stripBom } from '../core/article';
import { matchesAny } from '../core/glob';
import { readSettings, Settings } from './config';
import { CorpusClient } from './corpusClient';
import { ArticleFile, ArticleInput } from './pure/protocol';

const EXPLICIT_KEY = 'articleAnnotator.explicitArticles';

export class ArticleTracker implements vscode.Disposable {
  private settings: Settings = readSettings();
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  private readonly pendingEdits = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<string[]>();
  /** Fires with the paths whose analysis changed (after the worker has them). */
  readonly onDidChange = this.changed.event;
  private readonly known = new Set<string>();
  /** The worker's change count after the last upsert answered (see Requests['upsert']). */
  version = 0;
  private readonly userDates = new Map<string, string | null>();
  private scanned: Promise<void> | undefined;

  constructor(
    private readonly client: CorpusClient,
    private readonly state: vscode.Memento,
    private readonly log: (l: string) => void,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.scheduleEdit(e.document)),
      vscode.workspace.onDidOpenTextDocument((d) => void this.syncDocument(d)),
      this.changed,
    );
    this.watch();
  }

  /** Paths are the documents' URI strings: unique across a multi-root workspace and usable to reopen. */
  static keyOf(uri: vscode.Uri): string {
    return uri.toString();
  }

  /** True once the worker has this article (so a hover need not ask it first). */
  isIndexed(uri: vscode.Uri): boolean {
    return this.known.has(ArticleTracker.keyOf(uri));
  }

  isArticle(uri: vscode.Uri): boolean {
    if (this.known.has(ArticleTracker.keyOf(uri))) return true;
    if (this.explicit().includes(uri.toString())) return true;
    if (uri.scheme !== 'file' && uri.scheme !== 'vscode-remote') return false;
    return matchesAny(uri.path, this.settings.articleGlobs);
  }

  private explicit(): string[] {
    return this.state.get<string[]>(EXPLICIT_KEY, []);
  }

  async treatAsArticle(uri: vscode.Uri): Promise<void> {
    const list = this.explicit();
    if (!list.includes(uri.toString())) await this.state.update(EXPLICIT_KEY, [...list, uri.toString()]);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc) await this.syncDocument(doc, true);
    else await this.indexFiles([uri]);
  }

  applySettings(s: Settings): void {
    const globsChanged = JSON.stringify(s.articleGlobs) !== JSON.stringify(this.settings.articleGlobs);
    this.settings = s;
    if (globsChanged) {
      this.watch();
      this.scanned = undefined;
      void this.scanWorkspace();
    }
  }

  /** Sets the date the user gave an article (from its sidecar), re-resolving its dates. */
  async setUserPublished(uri: vscode.Uri, date: string | null): Promise<void> {
    const key = ArticleTracker.keyOf(uri);
    this.userDates.set(key, date);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (doc) await this.syncDocument(doc, true);
    else await this.indexFiles([uri]);
  }

  scanWorkspace(): Promise<void> {
    if (!this.scanned) this.scanned = this.doScan();
    return this.scanned;
  }

  private async doScan(): Promise<void> {
    const uris = await this.candidates();
    const extra = this.explicit().map((s) => vscode.Uri.parse(s));
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Article Annotator: indexing articles', cancellable: true },
      async (progress, token) => {
        const all = [...uris, ...extra];
        const batch = 25;
        // Two batches in flight: the next is sent while the worker's pool analyses this one, so it never idles.
        let previous: Promise<void> | undefined;
        for (let i = 0; i < all.length && !token.isCancellationRequested; i += batch) {
          progress.report({
            message: `${Math.min(i + batch, all.length)}/${all.length}`,
            increment: (batch / Math.max(1, all.length)) * 100,
          });
          const current = this.indexFiles(
            all.slice(i, i + batch).map((u) => (typeof u === 'string' ? vscode.Uri.file(u) : u)),
          );
          await previous;
          previous = current;
        }
        await previous;
      },
    );
  }

  /**
   * The workspace's article files. The worker lists local folders (file paths, turned into URIs a batch at a time),
   * so the host never holds a file search of the whole folder; other folders (remote, virtual) go through VS Code's
   * file search. Globs are matched against the absolute path, so a glob naming a "seeds" folder also finds the
   * articles when that folder itself is the workspace folder.
   */
  private async candidates(): Promise<(string | vscode.Uri)[]> {
    const globs = this.settings.articleGlobs;
    const folders = vscode.workspace.workspaceFolders ?? [];
    const local = folders.filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
    const listed = local.length ? await this.client.request('listFiles', { roots: local, globs }) : [];
    const searched = await Promise.all(
      folders
        .filter((f) => f.uri.scheme !== 'file')
        .map((f) =>
          vscode.workspace.findFiles(new vscode.RelativePattern(f, '**/*.{txt,md,text}'), '**/{node_modules,.git}/**'),
        ),
    );
    return [...listed, ...searched.flat().filter((u) => matchesAny(u.path, globs))];
  }

  /**
   * Sends files to the index: an open one with its editor's text (unsaved text wins), a local one as its path (the
   * worker reads it), any other read here.
   */
  async indexFiles(uris: vscode.Uri[]): Promise<void> {
    const inputs: (ArticleInput | ArticleFile)[] = [];
    const maxBytes = this.settings.maxFileSizeMB * 1024 * 1024;
    for (const uri of uris) {
      const key = ArticleTracker.keyOf(uri);
      const userPublished = this.userDates.get(key) ?? null;
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (open) inputs.push({ path: key, text: open.getText(), userPublished });
      else if (uri.scheme === 'file') inputs.push({ path: key, file: uri.fsPath, userPublished, maxBytes });
      else {
        const text = await this.readFile(uri, maxBytes);
        if (text !== undefined) inputs.push({ path: key, text, userPublished });
      }
    }
    if (!inputs.length) return;
    const done = await this.client.request('upsert', { articles: inputs });
    this.noteVersion(done);
    const skipped = new Set(done.skipped.map((s) => s.path));
    for (const s of done.skipped) this.log(s.message);
    const indexed = inputs.map((i) => i.path).filter((p) => !skipped.has(p));
    for (const p of indexed) this.known.add(p);
    if (indexed.length) this.changed.fire(indexed);
  }

  /** A file of a remote or virtual folder, through VS Code's file system; undefined (logged) when not an article. */
  private async readFile(uri: vscode.Uri, maxBytes: number): Promise<string | undefined> {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > maxBytes) {
        this.log(
          `skipped ${uri.fsPath}: ${(stat.size / 1048576).toFixed(1)} MB is over articleAnnotator.maxFileSizeMB`,
        );
        return undefined;
      }
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (!looksBinary(bytes)) return stripBom(new TextDecoder('utf-8').decode(bytes));
      this.log(`skipped ${uri.fsPath}: it looks like a binary file, not an article`);
    } catch (err) {
      this.log(`could not read ${uri.fsPath}: ${(err as Error).message}`);
    }
    return undefined;
  }

  /** Sends an open document's current text to the index. */
  async syncDocument(doc: vscode.TextDocument, force = false): Promise<boolean> {
    if (!force && !this.isArticle(doc.uri)) return false;
    const key = ArticleTracker.keyOf(doc.uri);
    const text = doc.getText();
    if (text.length > this.settings.maxFileSizeMB * 1024 * 1024) return false;
    const done = await this.client.request('upsert', {
      articles: [{ path: key, text, userPublished: this.userDates.get(key) ?? null }],
    });
    this.noteVersion(done);
    this.known.add(key);
    this.changed.fire([key]);
    return true;
  }

  private scheduleEdit(doc: vscode.TextDocument): void {
    if (!this.isArticle(doc.uri)) return;
    const key = ArticleTracker.keyOf(doc.uri);
    clearTimeout(this.pendingEdits.get(key));
    // Typing is debounced; the worker re-analyses only the edited article.
    this.pendingEdits.set(
      key,
      setTimeout(() => {
        this.pendingEdits.delete(key);
        void this.syncDocument(doc).catch((e) => this.log(`re-analysis failed: ${(e as Error).message}`));
      }, this.settings.debounceMs),
    );
  }

  /** Sends every article to the index again (after the analysis worker was restarted). */
  async reindexAll(): Promise<void> {
    this.known.clear();
    this.scanned = undefined;
    for (const doc of vscode.workspace.textDocuments) await this.syncDocument(doc);
    await this.scanWorkspace();
  }

  private noteVersion(done: { version: number }): void {
    this.version = Math.max(this.version, done.version);
  }

  private watch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    // One watcher for text files, filtered by the article globs on absolute paths (see doScan).
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{txt,md,text}');
    watcher.onDidCreate((u) => this.isArticle(u) && void this.indexFiles([u]));
    watcher.onDidChange((u) => this.isArticle(u) && void this.indexFiles([u]));
    watcher.onDidDelete((u) => this.known.has(ArticleTracker.keyOf(u)) && void this.removed(u));
    this.watchers.push(watcher);
    // Deleted in the workbench (Explorer, a workspace edit): dropped at once, a folder with every article in it (the
    // file watcher may lag, and names only the folder when a folder goes).
    this.watchers.push(
      vscode.workspace.onDidDeleteFiles((e) => {
        for (const f of e.files) {
          const key = ArticleTracker.keyOf(f);
          const inside = key.endsWith('/') ? key : key + '/';
          for (const k of [...this.known])
            if (k === key || k.startsWith(inside)) void this.removed(vscode.Uri.parse(k));
        }
      }),
    );
    this.watchers.push(
      vscode.workspace.onDidRenameFiles((e) => {
        for (const f of e.files) {
          const from = ArticleTracker.keyOf(f.oldUri);
          if (!this.known.has(from)) continue;
          this.known.delete(from);
          this.known.add(ArticleTracker.keyOf(f.newUri));
          void this.client
            .request('rename', { from, to: ArticleTracker.keyOf(f.newUri) })
            .then(() => this.changed.fire([ArticleTracker.keyOf(f.newUri)]));
        }
      }),
    );
  }

  private async removed(uri: vscode.Uri): Promise<void> {
    const key = ArticleTracker.keyOf(uri);
    this.known.delete(key);
    await this.client.request('remove', { paths: [key] });
    this.changed.fire([key]);
  }

  dispose(): void {
    for (const t of this.pendingEdits.values()) clearTimeout(t);
    for (const d of [...this.disposables, ...this.watchers]) d.dispose();
  }
}
