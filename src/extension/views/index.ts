// Registers the Article Annotator side bar (entities, events,
// quotes) and the coverage matrix; returns a small API for tests.
import * as vscode from 'vscode';
import type { MentionRef } from '../../core/model';
import type { ArticleTracker } from '../articles';
import type { CorpusClient } from '../corpusClient';
import { CoveragePanel } from './coveragePanel';
import {
  describeNode,
  EntitiesTree,
  EventsTree,
  MoreNode,
  nodeName,
  OPEN_MENTION,
  QuotesTree,
  SHOW_MORE_ROWS,
  ViewNode,
} from './trees';
import { toRange, toUri } from '../vscodeAdapter';
import { Throttle } from '../pure/throttle';
import { viewPageSize } from '../config';
import { FIND_IN_VIEWS, FindOptions, findInViews, ViewName } from './find';

export const VIEW_IDS = {
  entities: 'articleAnnotator.entities',
  events: 'articleAnnotator.events',
  quotes: 'articleAnnotator.quotes',
} as const;
export const SHOW_COVERAGE = 'articleAnnotator.showCoverage';
export const REFRESH_VIEWS = 'articleAnnotator.refreshViews';

type Summary = { label: string; description: string };

export interface ViewsApi {
  entitiesRoots(): Promise<Summary[]>;
  /** Children of the top-level node with that label (entity types → entities, events → articles…). */
  entitiesChildren(label: string): Promise<Summary[]>;
  /** Clicks the "Show more" row that ends the list under the Entities view's top-level node with that label. */
  entitiesShowMore(label: string): Promise<void>;
  /** The names of the entities, events and quotes each view has selected (after Find Name, Event or Quote…). */
  selected(): Record<ViewName, string[]>;
  eventsRoots(): Promise<Summary[]>;
  quotesRoots(): Promise<Summary[]>;
  /** Runs the coverage command and reports what the panel drew. */
  showCoverage(): Promise<{ open: boolean; rows: number; columns: number; checked: number }>;
  /** Cell buttons the coverage page drew once its script ran (undefined until then). */
  coverageRenderedButtons(): number | undefined;
  /** Does what clicking that cell does; resolves to the mention it opened, or null for an empty cell. */
  openCoverageCell(row: number, col: number): Promise<{ path: string; start: number; end: number } | null>;
  refresh(): void;
}

const INDEXING_GAP_MS = 2000;
const LINK_GAP_MS = 100;

export function registerViews(
  context: vscode.ExtensionContext,
  client: CorpusClient,
  tracker: ArticleTracker,
  log: (line: string) => void = () => undefined,
): ViewsApi {
  const entities = new EntitiesTree(client, log, viewPageSize);
  const events = new EventsTree(client, log, viewPageSize);
  const quotes = new QuotesTree(client, log, viewPageSize);
  const trees = [entities, events, quotes];

  const openMention = async (ref: MentionRef) => {
    const target = { path: ref.path, start: ref.start, end: ref.end };
    try {
      await vscode.commands.executeCommand(OPEN_MENTION, target);
    } catch (err) {
      // The command belongs to another feature; open the place ourselves if it is unavailable.
      log(`${OPEN_MENTION} failed (${(err as Error).message}); opening directly`);
      const doc = await vscode.workspace.openTextDocument(toUri(ref.path, true));
      const range = toRange(doc, ref.start, ref.end);
      await vscode.window.showTextDocument(doc, { selection: range, preview: true });
    }
  };
  const coverage = new CoveragePanel(client, openMention, log);

  const refresh = () => {
    for (const t of trees) t.refresh();
    void coverage.redraw();
  };
  // A lone change (an edit, its relink) refreshes the views at once; while a folder is indexed they refresh at most
  // every INDEXING_GAP_MS, and after each relink within LINK_GAP_MS, so the host never reloads them per batch.
  const throttle = new Throttle(refresh);

  const makeView = (id: string, tree: vscode.TreeDataProvider<ViewNode>) =>
    vscode.window.createTreeView(id, { treeDataProvider: tree, showCollapseAll: true });
  const views = {
    entities: makeView(VIEW_IDS.entities, entities),
    events: makeView(VIEW_IDS.events, events),
    quotes: makeView(VIEW_IDS.quotes, quotes),
  };

  context.subscriptions.push(
    ...trees,
    coverage,
    views.entities,
    views.events,
    views.quotes,
    vscode.commands.registerCommand(REFRESH_VIEWS, refresh),
    vscode.commands.registerCommand(SHOW_COVERAGE, () => coverage.show()),
    vscode.commands.registerCommand(SHOW_MORE_ROWS, (node: MoreNode) => node.tree.showMore(node)),
    // Tests and other commands pass { id } or { name }; a view's title bar passes nothing.
    vscode.commands.registerCommand(FIND_IN_VIEWS, (o?: FindOptions) =>
      findInViews({ entities, events, quotes }, views, o && typeof o === 'object' ? o : {}),
    ),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('articleAnnotator.views.pageSize')) refresh();
    }),
    tracker.onDidChange(() => throttle.request(INDEXING_GAP_MS)),
    client.onDidLink(() => throttle.request(LINK_GAP_MS)),
    { dispose: () => throttle.cancel() },
  );

  return testApi({ entities, events, quotes }, views, coverage, refresh);
}

/** What the integration tests read and click: the views as shown, through their providers. */
function testApi(
  { entities, events, quotes }: { entities: EntitiesTree; events: EventsTree; quotes: QuotesTree },
  views: Record<ViewName, vscode.TreeView<ViewNode>>,
  coverage: CoveragePanel,
  refresh: () => void,
): ViewsApi {
  const summarise = async (tree: EntitiesTree | EventsTree | QuotesTree, nodes: ViewNode[]) =>
    Promise.all(nodes.map((n) => describeNode(tree, n)));
  return {
    entitiesRoots: async () => summarise(entities, await entities.rootNodes()),
    entitiesChildren: async (label) => {
      for (const node of await entities.rootNodes()) {
        if ((await describeNode(entities, node)).label === label)
          return summarise(entities, await entities.getChildren(node));
      }
      return [];
    },
    entitiesShowMore: async (label) => {
      for (const node of await entities.rootNodes()) {
        if ((await describeNode(entities, node)).label !== label) continue;
        const more = (await entities.getChildren(node)).find((n): n is MoreNode => n.kind === 'more');
        if (more) await vscode.commands.executeCommand(SHOW_MORE_ROWS, more);
      }
    },
    selected: () => ({
      entities: views.entities.selection.map(nodeName),
      events: views.events.selection.map(nodeName),
      quotes: views.quotes.selection.map(nodeName),
    }),
    eventsRoots: async () => summarise(events, await events.getChildren()),
    quotesRoots: async () => summarise(quotes, await quotes.getChildren()),
    showCoverage: async () => {
      const matrix = (await vscode.commands.executeCommand(SHOW_COVERAGE)) as Awaited<
        ReturnType<CoveragePanel['show']>
      >;
      const checked = matrix.rows.reduce((n, r) => n + r.cells.length, 0);
      return { open: coverage.isOpen, rows: matrix.rows.length, columns: matrix.articles.length, checked };
    },
    coverageRenderedButtons: () => coverage.renderedButtons,
    openCoverageCell: async (row, col) => {
      const ref = await coverage.openCell(row, col);
      return ref && { path: ref.path, start: ref.start, end: ref.end };
    },
    refresh,
  };
}
