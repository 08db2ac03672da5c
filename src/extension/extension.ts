// Entry point: activate calls one register step per feature and returns
// a small API (used by integration tests and other extensions).
import * as vscode from 'vscode';
import type { DocumentView } from '../core/corpus';
import { ArticleTracker } from './articles';
import { onSettingsChanged, readSettings, setHighlightsEnabled } from './config';
import { CorpusClient } from './corpusClient';
import { Decorations } from './decorations';
import { registerHovers } from './hovers';
import { registerWebPageImport } from './importWebPages';
import { StatusBar } from './statusBar';
import type { WorkerStatsSnapshot } from './pure/workerStats';
import { registerViews, ViewsApi } from './views';
import { AnnotationsFeature, registerAnnotations } from './annotations';
import { registerGettingStarted } from './gettingStarted';

export interface ArticleAnnotatorApi {
  /** Resolves when the initial scan of the workspace has been indexed. */
  ready: Promise<void>;
  view(uri: vscode.Uri): Promise<DocumentView | null>;
  statusBarText(): string;
  highlightsEnabled(): boolean;
  /** Side-bar views and coverage matrix (test hooks). */
  views: ViewsApi;
  /** User annotations (test hooks). */
  annotations: AnnotationsFeature;
  /** Fires once highlights and status show an article's new analysis, or the folder's new links (bench hook). */
  onDidRefresh: vscode.Event<RefreshEvent>;
  /** What held the analysis worker since the last reset: hover queueing, longest steps, GC (bench hook). */
  workerStats(reset: boolean): Promise<WorkerStatsSnapshot>;
}

/**
 * `received`: when the analysis or the links reached the extension host; `shown`: when the visible editors and the
 * status bar showed them and the views were told. `version`: the worker's change count they include.
 */
export interface RefreshEvent {
  cause: 'analysis' | 'link';
  paths: string[];
  version: number;
  received: number;
  shown: number;
  /** For a link: how long it took and its longest step in the worker (see WorkerEvent). */
  linkMs?: number;
  longestStepMs?: number;
  /** A local link: the changed articles linked with the articles around them; the folder-wide link follows. */
  partial?: boolean;
}

/** What the feature steps below share. */
interface Parts {
  context: vscode.ExtensionContext;
  log: (line: string) => void;
  client: CorpusClient;
  tracker: ArticleTracker;
  decorations: Decorations;
  status: StatusBar;
  /** The analysis of an article (entities, dates…), or null when the file is not an article. */
  view: (uri: vscode.Uri, range?: { start: number; end: number }) => Promise<DocumentView | null>;
  /** Updates the status bar and the "is an article" context for the active editor. */
  refreshActive: () => Promise<void>;
  refreshed: vscode.EventEmitter<RefreshEvent>;
}

export function activate(context: vscode.ExtensionContext): ArticleAnnotatorApi {
  const output = vscode.window.createOutputChannel('Article Annotator', { log: true });
  const log = (line: string) => output.info(line);
  const client = new CorpusClient(context.extensionPath, log, (context.storageUri ?? context.globalStorageUri).fsPath);
  const tracker = new ArticleTracker(client, context.workspaceState, log);
  const view = articleView(client, tracker);
  // Suggestions the user marked wrong are not drawn: the annotations feature filters the view.
  const annotations = registerAnnotations(context, {
    client,
    tracker,
    log,
    redrawSuggestions: () => decorations.redrawAll(),
  });
  const decorations = new Decorations(readSettings().highlightsEnabled, async (u, range) =>
    annotations.filterView(await view(u, range)),
  );
  const status = new StatusBar();
  const parts: Parts = {
    context,
    log,
    client,
    tracker,
    decorations,
    status,
    view,
    refreshActive: () => refreshActive(parts),
    refreshed: new vscode.EventEmitter<RefreshEvent>(),
  };
  context.subscriptions.push(output, client, tracker, decorations, status, parts.refreshed);
  context.subscriptions.push(client.onDidStop((reason) => void warnStopped(reason, output)));
  registerArticleHovers(parts);
  registerCommands(parts);
  registerEventHandlers(parts);
  context.subscriptions.push(...registerGettingStarted(context, tracker, view));
  context.subscriptions.push(registerWebPageImport(tracker, context.extensionPath, log));
  return {
    ready: indexWorkspace(parts),
    view,
    statusBarText: () => status.item.text,
    highlightsEnabled: () => decorations.isEnabled,
    views: registerViews(context, client, tracker, log),
    annotations,
    onDidRefresh: parts.refreshed.event,
    workerStats: (reset) => client.request('stats', { reset }),
  };
}

function articleView(client: CorpusClient, tracker: ArticleTracker): Parts['view'] {
  return async (uri, range) => {
    if (!tracker.isArticle(uri)) return null;
    return client.request('view', { path: uri.toString(), range });
  };
}

async function refreshActive({ tracker, status, decorations, view }: Parts): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  // Keybindings of the annotation commands apply in articles only, whatever their language mode.
  void vscode.commands.executeCommand(
    'setContext',
    'articleAnnotator.isArticle',
    !!editor && tracker.isArticle(editor.document.uri),
  );
  // The status bar needs only the counts: ask for an empty range so a large article sends no lists.
  status.show(editor ? await view(editor.document.uri, { start: -1, end: -1 }) : null, decorations.isEnabled);
}

/** Hover cards and Go to References; an article not indexed yet is indexed first. */
function registerArticleHovers({ context, client, tracker }: Parts): void {
  const selector: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'vscode-remote' }, { scheme: 'untitled' }];
  const ensureIndexed = async (doc: vscode.TextDocument) => {
    // Known indexed: no round trip to the worker before the hover's own.
    if (tracker.isIndexed(doc.uri)) return;
    // An empty range: only whether the article is indexed matters, not its (possibly huge) lists.
    const existing = await client.request('view', { path: doc.uri.toString(), range: { start: -1, end: -1 } });
    if (!existing) await tracker.syncDocument(doc);
  };
  context.subscriptions.push(...registerHovers(client, selector, (u) => tracker.isArticle(u), ensureIndexed));
}

/** The worker was left stopped after repeated crashes: say so once, with the way out. */
async function warnStopped(reason: string, output: vscode.OutputChannel): Promise<void> {
  const pick = await vscode.window.showErrorMessage(
    `Article Annotator: ${reason}. The folder may be too large for this machine's memory, or an article trips a ` +
      'bug (see the log).',
    'Restart Analysis',
    'Show Log',
  );
  if (pick === 'Restart Analysis') await vscode.commands.executeCommand('articleAnnotator.restartAnalysis');
  else if (pick === 'Show Log') output.show();
}

function registerCommands({ context, client, tracker, decorations, refreshActive }: Parts): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('articleAnnotator.toggleHighlights', async () => {
      decorations.setEnabled(!decorations.isEnabled);
      await setHighlightsEnabled(decorations.isEnabled);
      await refreshActive();
      return decorations.isEnabled;
    }),
    vscode.commands.registerCommand('articleAnnotator.restartAnalysis', async () => {
      await client.restart();
      await tracker.scanWorkspace();
    }),
    vscode.commands.registerCommand('articleAnnotator.treatAsArticle', async (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!target) {
        void vscode.window.showInformationMessage('Open a text file first, then run “Treat as Article”.');
        return;
      }
      await tracker.treatAsArticle(target);
      await decorations.redrawAll();
      await refreshActive();
    }),
  );
}

/** Re-indexing and redrawing as the worker, the articles, the editors and the settings change. */
function registerEventHandlers(parts: Parts): void {
  const { context, log, client, tracker, decorations, refreshActive, refreshed } = parts;
  context.subscriptions.push(
    // New links change what the visible articles show (the views listen for themselves).
    client.onDidLink(async ({ version, ms, longestStepMs, partial }) => {
      const received = performance.now();
      await decorations.redrawAll();
      await refreshActive();
      const shown = performance.now();
      refreshed.fire({ cause: 'link', paths: [], version, received, shown, linkMs: ms, longestStepMs, partial });
    }),
    client.onDidRestart(() => {
      log('the analysis worker was restarted; indexing the folder again');
      void tracker.reindexAll().catch((e) => log(`re-indexing failed: ${(e as Error).message}`));
    }),
    tracker.onDidChange(async (paths) => {
      const received = performance.now();
      const version = tracker.version;
      await decorations.redrawUris(new Set(paths));
      await refreshActive();
      refreshed.fire({ cause: 'analysis', paths, version, received, shown: performance.now() });
    }),
    vscode.window.onDidChangeVisibleTextEditors(() => void decorations.redrawAll()),
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => decorations.onScroll(e.textEditor)),
    vscode.window.onDidChangeActiveTextEditor(() => void refreshActive()),
    onSettingsChanged((s) => {
      tracker.applySettings(s);
      if (s.highlightsEnabled !== decorations.isEnabled) decorations.setEnabled(s.highlightsEnabled);
      void refreshActive();
    }),
  );
}

/** Open article editors first (what the user looks at), then the rest of the folder in the background. */
async function indexWorkspace({ log, tracker, decorations, refreshActive }: Parts): Promise<void> {
  try {
    for (const doc of vscode.workspace.textDocuments) await tracker.syncDocument(doc).catch((e) => log(String(e)));
    await decorations.redrawAll();
    await refreshActive();
    await tracker.scanWorkspace();
    await decorations.redrawAll();
    await refreshActive();
  } catch (err) {
    log(`indexing failed: ${(err as Error).stack ?? err}`);
  }
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
