// Registers the user-annotation feature: manager, commands, highlights, hover, tree, problems, and the hook that
// hides rejected suggestions from the detected highlights.
import * as path from 'path';
import * as vscode from 'vscode';
import type { DocumentView } from '../../core/corpus';
import { FOLDER_SIDECAR, SIDECAR_SUFFIX } from '../../core/sidecar/schema';
import type { ArticleTracker } from '../articles';
import type { CorpusClient } from '../corpusClient';
import { registerAnnotationCommands } from './commands';
import { exportFromWorkspace, importIntoWorkspace } from './exchange';
import { AnnotationManager } from './manager';
import { AnnotationDecorations, AnnotationProblems, AnnotationTree, registerAnnotationHover, registerQuickFixes } from './views';

export interface AnnotationsFeature {
  /** Removes detected entities and dates the user marked wrong; Decorations draws what this returns. */
  filterView(view: DocumentView | null): DocumentView | null;
  /** For tests and other extensions: the annotations of an article as placed now. */
  annotationsOf(uri: vscode.Uri): Promise<{ id: string; start: number; end: number; tag?: string; note?: string; status?: string; orphan: boolean }[]>;
  /** Resolves once the sidecars present at startup have been read and their publication dates applied. */
  annotationsReady: Promise<void>;
  /** The Annotations view as text (label and description of each row, children indented), for tests. */
  annotationTreeText(): string[];
}

export function registerAnnotations(
  context: vscode.ExtensionContext,
  deps: { client: CorpusClient; tracker: ArticleTracker; log: (l: string) => void; redrawSuggestions: () => Promise<void> },
): AnnotationsFeature {
  const { client, tracker, log } = deps;
  const manager = new AnnotationManager(log);
  const decorations = new AnnotationDecorations(context.extensionPath, manager);
  const tree = new AnnotationTree(manager);
  const problems = new AnnotationProblems(manager);
  const selector: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'vscode-remote' }];

  // The publication date each article's sidecar gave, as last passed to the tracker (which re-analyses on change).
  const applied = new Map<string, string | null>();
  const applyPublished = async (key: string) => {
    const st = manager.get(key);
    if (!st || st.broken) return;
    if ((applied.get(key) ?? null) === st.published) return;
    applied.set(key, st.published);
    await tracker.setUserPublished(vscode.Uri.parse(key), st.published).catch((e) => log(`could not apply the publication date of ${key}: ${(e as Error).message}`));
  };

  // Said once per broken file (until it parses again); the Problems panel keeps showing it.
  const announced = new Set<string>();
  const announceBroken = (key: string) => {
    const st = manager.get(key);
    if (!st) return;
    if (!st.broken) {
      announced.delete(st.sidecar);
      return;
    }
    if (announced.has(st.sidecar)) return;
    announced.add(st.sidecar);
    const where = st.broken.line ? ` (line ${st.broken.line})` : '';
    void vscode.window
      .showErrorMessage(`${path.basename(st.sidecar)} does not parse${where}: ${st.broken.message}. It is left as it is, and this article cannot be annotated until it is fixed.`, 'Open Annotations File')
      .then((choice) => {
        if (choice) void vscode.commands.executeCommand('articleAnnotator.openSidecar', { uri: key });
      });
  };

  // The folder's entity merges go to the corpus index, which then gives each group one identity.
  let sentMerges = '[]';
  const syncMerges = async () => {
    const json = JSON.stringify(manager.merges());
    if (json === sentMerges) return;
    sentMerges = json;
    await client.request('setMerges', { pairs: manager.merges() }).catch((e) => log(`could not apply entity merges: ${(e as Error).message}`));
  };

  const loadIfArticle = (doc: vscode.TextDocument) => {
    if (!tracker.isArticle(doc.uri) || doc.uri.path.endsWith(SIDECAR_SUFFIX) || manager.get(doc.uri.toString())) return;
    void manager.load(doc.uri).catch((e) => log(`could not read annotations of ${doc.uri.fsPath}: ${(e as Error).message}`));
  };

  context.subscriptions.push(
    manager,
    decorations,
    tree,
    problems,
    vscode.window.createTreeView('articleAnnotator.annotations', { treeDataProvider: tree, showCollapseAll: true }),
    registerAnnotationHover(manager, selector),
    registerQuickFixes(manager, selector),
    ...registerAnnotationCommands({
      manager,
      client,
      tracker,
      log,
      exportAnnotations: (o) => exportFromWorkspace(manager, client, tracker, o),
      importAnnotations: (o) => importIntoWorkspace(manager, o),
    }),
    // A restarted analysis worker has no merges yet.
    client.onDidRestart(() => {
      sentMerges = '[]';
      void syncMerges();
    }),
    manager.onDidChange(async (uris) => {
      await syncMerges();
      for (const u of uris) await applyPublished(u);
      for (const u of uris) announceBroken(u);
      decorations.redrawAll();
      tree.refresh();
      for (const u of uris) await problems.update(u);
      await deps.redrawSuggestions();
    }),
    manager.onDidMove(async (uris) => {
      for (const e of vscode.window.visibleTextEditors) if (uris.includes(e.document.uri.toString())) decorations.redraw(e);
      for (const u of uris) await problems.update(u);
    }),
    vscode.window.onDidChangeVisibleTextEditors(() => decorations.redrawAll()),
    vscode.workspace.onDidOpenTextDocument(loadIfArticle),
    vscode.workspace.onDidGrantWorkspaceTrust(() => tree.refresh()),
  );
  void vscode.commands.executeCommand('setContext', 'articleAnnotator.trusted', vscode.workspace.isTrusted);

  // Sidecars already on disk: place their annotations and apply the publication dates users gave.
  const annotationsReady = (async () => {
    for (const doc of vscode.workspace.textDocuments) loadIfArticle(doc);
    await manager.loadFolderMerges();
    await syncMerges();
    const sidecars = await vscode.workspace.findFiles('**/*' + SIDECAR_SUFFIX, '**/node_modules/**');
    for (const s of sidecars) {
      if (path.basename(s.fsPath) === FOLDER_SIDECAR) continue;
      const article = articleOfSidecar(s);
      if (!article) continue;
      try {
        await vscode.workspace.fs.stat(article);
      } catch {
        continue; // the article is gone; the sidecar stays for the user to deal with
      }
      const st = await manager.load(article, false);
      await applyPublished(st.uri);
      announceBroken(st.uri);
      await problems.update(st.uri);
    }
    decorations.redrawAll();
    tree.refresh();
    await deps.redrawSuggestions();
  })().catch((e) => log(`reading annotations failed: ${(e as Error).stack ?? e}`));

  return {
    filterView(view) {
      if (!view) return view;
      const rejected = (manager.get(view.path)?.live ?? []).filter((a) => a.status === 'rejected' && !a.orphan);
      // An entity rejected for the whole folder stays hidden in articles added after the judgement, too.
      const folderWide = new Set(manager.all().flatMap((st) => st.live.filter((a) => a.status === 'rejected' && a.scope === 'folder' && a.entityId).map((a) => a.entityId!)));
      if (!rejected.length && !folderWide.size) return view;
      const wrong = (s: { start: number; end: number }) => rejected.some((r) => r.start === s.start && r.end === s.end);
      return { ...view, entities: view.entities.filter((e) => !wrong(e) && !folderWide.has(e.id)), dates: view.dates.filter((d) => !wrong(d)) };
    },
    async annotationsOf(uri) {
      const st = await manager.load(uri, false);
      return st.live.map((a) => ({ id: a.id, start: a.start, end: a.end, tag: a.tag, note: a.note, status: a.status, orphan: a.orphan }));
    },
    annotationsReady,
    annotationTreeText() {
      const lines: string[] = [];
      const walk = (nodes: ReturnType<AnnotationTree['getChildren']>, depth: number) => {
        for (const n of nodes) {
          const item = tree.getTreeItem(n);
          const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
          lines.push(`${'  '.repeat(depth)}${label}${item.description ? ` — ${item.description}` : ''}`);
          walk(tree.getChildren(n), depth + 1);
        }
      };
      walk(tree.getChildren(), 0);
      return lines;
    },
  };
}

/** The article a sidecar belongs to: beside it, or mirrored under the sidecar folder. */
function articleOfSidecar(sidecar: vscode.Uri): vscode.Uri | null {
  const folder = vscode.workspace.getWorkspaceFolder(sidecar);
  const setting = folder ? vscode.workspace.getConfiguration('articleAnnotator', folder.uri).get<string>('sidecarFolder', '').trim() : '';
  const p = sidecar.fsPath;
  if (!p.endsWith(SIDECAR_SUFFIX)) return null;
  const bare = p.slice(0, -SIDECAR_SUFFIX.length);
  if (folder && setting) {
    const root = path.resolve(folder.uri.fsPath, setting);
    const rel = path.relative(root, bare);
    if (!rel.startsWith('..')) return sidecar.with({ path: vscode.Uri.file(path.join(folder.uri.fsPath, rel)).path });
  }
  return sidecar.with({ path: vscode.Uri.file(bare).path });
}
