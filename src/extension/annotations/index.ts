// Registers the user-annotation feature: manager, commands, highlights, hover, tree, problems, and the hook that
// hides rejected suggestions from the detected highlights. Each step is a named register function below.
import * as vscode from 'vscode';
import type { DocumentView } from '../../core/corpus';
import type { ArticleTracker } from '../articles';
import type { CorpusClient } from '../corpusClient';
import { registerAnnotationCommands } from './commands';
import { exportFromWorkspace, importIntoWorkspace } from './exchange';
import { AnnotationManager } from './manager';
import {
  AnnotationDecorations,
  AnnotationProblems,
  AnnotationTree,
  registerAnnotationHover,
  registerQuickFixes,
} from './presentation';
import { SidecarSync } from './sync';
import type { DecisionRecord } from '../../core/sidecar/decisions';
import { recordDecisions } from './decisions';
import type { LearnedItems } from './engine';
import { LearningController } from './learning';

export interface AnnotationsFeature {
  /**
   * Removes detected entities and dates the user marked wrong and those the folder's model dimmed (drawn dimmed
   * instead); Decorations draws what this returns.
   */
  filterView(view: DocumentView | null): Promise<DocumentView | null>;
  /** For tests and other extensions: the annotations of an article as placed now. */
  annotationsOf(
    uri: vscode.Uri,
  ): Promise<
    { id: string; start: number; end: number; tag?: string; note?: string; status?: string; orphan: boolean }[]
  >;
  /** Resolves once the sidecars present at startup have been read and their publication dates applied. */
  annotationsReady: Promise<void>;
  /** The Annotations view as text (label and description of each row, children indented), for tests. */
  annotationTreeText(): string[];
  /** The learned suggestions of an article as last drawn and listed (propagated, proposed, demoted), for tests. */
  learnedShown(uri: vscode.Uri): LearnedItems;
  /** The learned suggestions of an article computed now. */
  learnedOf(uri: vscode.Uri): Promise<LearnedItems>;
  /** The folder's decisions as loaded from folder.annotations.yaml. */
  decisions(): DecisionRecord[];
  /** Resolves once the learned suggestions of every article are up to date with the decisions (for tests). */
  learnedSettled(): Promise<void>;
  /** Forgets everything read and reads every sidecar again as on activation (what a window reload does). */
  reloadFromDisk(): Promise<void>;
}

interface FeatureDeps {
  client: CorpusClient;
  tracker: ArticleTracker;
  log: (l: string) => void;
  redrawSuggestions: () => Promise<void>;
}

/** The parts of the feature its steps share. */
interface Parts extends FeatureDeps {
  manager: AnnotationManager;
  sync: SidecarSync;
  decorations: AnnotationDecorations;
  tree: AnnotationTree;
  problems: AnnotationProblems;
  learning: LearningController;
}

export function registerAnnotations(context: vscode.ExtensionContext, deps: FeatureDeps): AnnotationsFeature {
  const manager = new AnnotationManager(deps.log);
  const learning = new LearningController(manager, deps.client, deps.tracker, deps.log);
  const parts: Parts = {
    ...deps,
    manager,
    sync: new SidecarSync(manager, deps),
    decorations: new AnnotationDecorations(context.extensionPath, manager),
    tree: new AnnotationTree(manager),
    problems: new AnnotationProblems(manager),
    learning,
  };
  context.subscriptions.push(manager, learning);
  registerPresentation(context, parts);
  registerCommands(context, parts);
  registerChangeHandlers(context, parts);
  void vscode.commands.executeCommand('setContext', 'articleAnnotator.trusted', vscode.workspace.isTrusted);
  return annotationsApi(parts, readExistingSidecars(parts));
}

/** Highlights, the Annotations tree, hovers, problems and their quick fixes. */
function registerPresentation(context: vscode.ExtensionContext, parts: Parts): void {
  const { manager, decorations, tree, problems, learning } = parts;
  const selector: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'vscode-remote' }];
  context.subscriptions.push(
    decorations,
    tree,
    problems,
    vscode.window.createTreeView('articleAnnotator.annotations', { treeDataProvider: tree, showCollapseAll: true }),
    registerAnnotationHover(manager, parts.client, selector),
    vscode.languages.registerHoverProvider(selector, {
      provideHover: (doc, position) => learning.presentation.hover(doc, position),
    }),
    registerQuickFixes(manager, selector, (uri, start, end) => learning.presentation.at(uri, start, end)),
  );
}

function registerCommands(context: vscode.ExtensionContext, { manager, client, tracker, log, learning }: Parts): void {
  const decisionDeps = {
    manager,
    log,
    sentenceTypes: (uri: vscode.Uri, start: number, end: number) =>
      client.request('sentenceTypes', { path: uri.toString(), start, end }),
  };
  context.subscriptions.push(
    ...registerAnnotationCommands({
      manager,
      client,
      tracker,
      log,
      exportAnnotations: (o) => exportFromWorkspace(manager, client, tracker, o),
      importAnnotations: (o) => importIntoWorkspace(manager, o),
      learning,
      decide: (uri, specs) => recordDecisions(decisionDeps, uri, specs),
    }),
  );
}

/** Redraws, re-syncs and re-reports when sidecars change or annotations move, and loads sidecars of opened articles. */
function registerChangeHandlers(
  context: vscode.ExtensionContext,
  { manager, client, tracker, sync, decorations, tree, problems, redrawSuggestions, learning }: Parts,
): void {
  context.subscriptions.push(
    client.onDidRestart(() => {
      void sync.resendMerges();
      void learning.syncDecisions(true);
    }),
    manager.onDidChange(async (uris) => {
      await sync.syncMerges();
      await learning.syncDecisions();
      // Decisions or annotations changed: the suggestions they teach change in every article.
      const learned = learning.scheduleFolder();
      for (const u of uris) await sync.applyPublished(u);
      for (const u of uris) sync.announceBroken(u);
      sync.announceFolderBroken();
      decorations.redrawAll();
      tree.refresh();
      for (const u of uris) await problems.update(u);
      problems.updateFolder();
      await redrawSuggestions();
      await learned;
    }),
    manager.onDidMove(async (uris) => {
      for (const e of vscode.window.visibleTextEditors)
        if (uris.includes(e.document.uri.toString())) decorations.redraw(e);
      for (const u of uris) await problems.update(u);
    }),
    vscode.window.onDidChangeVisibleTextEditors(() => decorations.redrawAll()),
    // Articles analysed (indexing, edits, files changed on disk): their learned suggestions follow.
    tracker.onDidChange((keys) => void learning.scheduleArticles(keys)),
    vscode.workspace.onDidOpenTextDocument((doc) => sync.loadIfArticle(doc)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => tree.refresh()),
  );
}

/** Sidecars already on disk: place their annotations and apply the publication dates users gave. */
async function readExistingSidecars({
  manager,
  sync,
  decorations,
  tree,
  problems,
  log,
  redrawSuggestions,
  learning,
}: Parts): Promise<void> {
  try {
    for (const doc of vscode.workspace.textDocuments) sync.loadIfArticle(doc);
    await manager.loadFolderMerges();
    problems.updateFolder();
    sync.announceFolderBroken();
    await sync.syncMerges();
    await learning.syncDecisions();
    for (const article of await sync.articlesWithSidecars()) {
      const st = await manager.load(article, false);
      await sync.applyPublished(st.uri);
      sync.announceBroken(st.uri);
      await problems.update(st.uri);
    }
    decorations.redrawAll();
    tree.refresh();
    await redrawSuggestions();
    await learning.scheduleFolder();
  } catch (e) {
    log(`reading annotations failed: ${(e as Error).stack ?? e}`);
  }
}

function annotationsApi(parts: Parts, annotationsReady: Promise<void>): AnnotationsFeature {
  const { manager, tree, learning } = parts;
  return {
    async filterView(view) {
      return view && learning.filterView(withoutRejected(manager, view));
    },
    async annotationsOf(uri) {
      const st = await manager.load(uri, false);
      return st.live.map((a) => ({
        id: a.id,
        start: a.start,
        end: a.end,
        tag: a.tag,
        note: a.note,
        status: a.status,
        orphan: a.orphan,
      }));
    },
    annotationsReady,
    annotationTreeText: () => treeText(tree),
    learnedShown: (uri) => learning.presentation.itemsOf(uri.toString()),
    learnedOf: (uri) => learning.itemsFor(uri),
    decisions: () => manager.decisions(),
    learnedSettled: () => learning.scheduleFolder(),
    reloadFromDisk: () => reloadFromDisk(parts),
  };
}

/** Drops what was read and reads the sidecars on disk again, as activation does. */
async function reloadFromDisk(parts: Parts): Promise<void> {
  parts.manager.forgetAll();
  parts.learning.forgetAll();
  await readExistingSidecars(parts);
}

/** The view without the detected entities and dates the user marked wrong. */
function withoutRejected(manager: AnnotationManager, view: DocumentView): DocumentView {
  const rejected = (manager.get(view.path)?.live ?? []).filter((a) => a.status === 'rejected' && !a.orphan);
  // An entity rejected for the whole folder stays hidden in articles added after the judgement, too.
  const folderWide = new Set(
    manager
      .all()
      .flatMap((st) =>
        st.live.filter((a) => a.status === 'rejected' && a.scope === 'folder' && a.entityId).map((a) => a.entityId!),
      ),
  );
  if (!rejected.length && !folderWide.size) return view;
  const wrong = (s: { start: number; end: number }) => rejected.some((r) => r.start === s.start && r.end === s.end);
  return {
    ...view,
    entities: view.entities.filter((e) => !wrong(e) && !folderWide.has(e.id)),
    dates: view.dates.filter((d) => !wrong(d)),
  };
}

/** The tree as text: label and description of each row, children indented. */
function treeText(tree: AnnotationTree): string[] {
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
}
