// Tree data providers of the side bar: entities by type, events
// as a timeline, quotes; each opens to articles, then mentions.
import * as vscode from 'vscode';
import type { EntityRecord, EntityType } from '../../core/model';
import type { CorpusClient } from '../corpusClient';
import { toUri } from '../vscodeAdapter';
import { Pages } from '../pure/paging';
import {
  ENTITY_GROUPS,
  entitiesOfType,
  entityDescription,
  entityTooltip,
  eventDescription,
  EventRow,
  MentionExcerpt,
  MentionGroup,
  MentionKind,
  quoteDescription,
  quoteLabel,
  QuoteRow,
} from '../pure/viewModel';

export const OPEN_MENTION = 'articleAnnotator.openMention';
export const SHOW_MORE_ROWS = 'articleAnnotator.showMoreRows';

export type ViewNode =
  | { kind: 'type'; type: EntityType; label: string; records: EntityRecord[] }
  | { kind: 'entity'; record: EntityRecord }
  | { kind: 'event'; event: EventRow }
  | { kind: 'quote'; quote: QuoteRow }
  | { kind: 'article'; owner: MentionKind; ownerId: string; group: MentionGroup }
  | { kind: 'mention'; path: string; mention: MentionExcerpt }
  | MoreNode;

/** The last row of a list longer than its page: "Show 200 more". `parent` is the node whose list it ends. */
export interface MoreNode {
  kind: 'more';
  key: string;
  parent: ViewNode | undefined;
  hidden: number;
  /** The view whose list it ends. */
  tree: { showMore(node: MoreNode): void };
}

/** The name a view shows for an entity, event or quote (its kind for other nodes). */
export function nodeName(n: ViewNode): string {
  if (n.kind === 'entity') return n.record.canonical;
  if (n.kind === 'event') return n.event.label;
  if (n.kind === 'quote') return n.quote.text;
  return n.kind;
}

/** Which list a node's children are, for paging: the same key for the same list across reloads. */
function listKey(parent: ViewNode | undefined): string {
  if (!parent) return 'root';
  switch (parent.kind) {
    case 'type':
      return `type:${parent.type}`;
    case 'entity':
      return `entity:${parent.record.id}`;
    case 'event':
      return `event:${parent.event.id}`;
    case 'quote':
      return `quote:${parent.quote.id}`;
    case 'article':
      return `article:${parent.owner}:${parent.ownerId}:${parent.group.path}`;
    default:
      return `${parent.kind}:`;
  }
}

/** Shared behaviour: lazy roots, article and mention children, lists in pages, refresh. */
abstract class MentionTree implements vscode.TreeDataProvider<ViewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ViewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: Promise<ViewNode[]> | undefined;
  private readonly pages: Pages;

  constructor(
    protected readonly client: CorpusClient,
    private readonly log: (line: string) => void,
    pageRows: () => number,
  ) {
    this.pages = new Pages(pageRows);
  }

  protected abstract loadRoots(): Promise<ViewNode[]>;
  protected abstract ownItem(node: ViewNode): vscode.TreeItem | undefined;
  protected abstract ownChildren(node: ViewNode): ViewNode[] | undefined;

  refresh(): void {
    this.roots = undefined;
    this.changed.fire(undefined);
  }

  /** The top-level nodes as the view shows them (also the integration tests' hook). */
  rootNodes(): Promise<ViewNode[]> {
    this.roots ??= this.loadRoots().catch((err) => {
      this.log(`view failed to load: ${(err as Error).message}`);
      this.roots = undefined;
      return [];
    });
    return this.roots;
  }

  /** A list shows its first page and a "Show more" row; the rest stays here until asked for. */
  async getChildren(node?: ViewNode): Promise<ViewNode[]> {
    const all = await this.allChildren(node);
    const key = listKey(node);
    const { rows, hidden } = this.pages.slice(key, all);
    return hidden ? [...rows, { kind: 'more', key, parent: node, hidden, tree: this }] : rows;
  }

  /** One page more of the list a "Show more" row ends. */
  showMore(node: MoreNode): void {
    this.pages.more(node.key);
    this.changed.fire(node.parent);
  }

  /** The node holding `node` in this view (for reveal): only top-level nodes and their children are revealed. */
  async getParent(node: ViewNode): Promise<ViewNode | undefined> {
    return node.kind === 'more' ? node.parent : this.parentOf(node);
  }

  protected parentOf(_node: ViewNode): Promise<ViewNode | undefined> | ViewNode | undefined {
    return undefined;
  }

  /** Shows `node` (a top-level node or a child of one) in `view`: its list grows to take it in, then it is selected. */
  async reveal(view: vscode.TreeView<ViewNode>, node: ViewNode): Promise<void> {
    const parent = await this.getParent(node);
    const siblings = await this.allChildren(parent);
    const index = siblings.indexOf(node);
    if (index < 0) return;
    if (this.pages.include(listKey(parent), index)) this.changed.fire(parent);
    await view.reveal(node, { select: true, focus: true, expand: false });
  }

  private async allChildren(node?: ViewNode): Promise<ViewNode[]> {
    if (!node) return this.rootNodes();
    const own = this.ownChildren(node);
    if (own) return own;
    if (node.kind === 'entity' || node.kind === 'event' || node.kind === 'quote') {
      const id = node.kind === 'entity' ? node.record.id : node.kind === 'event' ? node.event.id : node.quote.id;
      const groups = await this.client.request('mentionGroups', { kind: node.kind, id }).catch((err: Error) => {
        this.log(`mentions of ${id} failed to load: ${err.message}`);
        return [];
      });
      return groups.map((group) => ({ kind: 'article', owner: node.kind, ownerId: id, group }));
    }
    if (node.kind === 'article')
      return node.group.mentions.map((mention) => ({ kind: 'mention', path: node.group.path, mention }));
    return [];
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    const own = this.ownItem(node);
    if (own) return own;
    if (node.kind === 'more') return this.moreItem(node);
    if (node.kind === 'article') {
      const item = new vscode.TreeItem(node.group.title, vscode.TreeItemCollapsibleState.Collapsed);
      const n = node.group.mentions.length;
      item.description = [node.group.published, `${n} mention${n === 1 ? '' : 's'}`].filter(Boolean).join(' · ');
      item.tooltip = node.group.published ? `${node.group.title}\nPublished ${node.group.published}` : node.group.title;
      item.iconPath = new vscode.ThemeIcon('file-text');
      item.resourceUri = safeUri(node.group.path);
      item.id = `${node.owner}:${node.ownerId}:${node.group.path}`;
      item.contextValue = 'article';
      return item;
    }
    if (node.kind === 'mention') {
      const item = new vscode.TreeItem(node.mention.excerpt, vscode.TreeItemCollapsibleState.None);
      item.tooltip = node.mention.excerpt;
      item.iconPath = new vscode.ThemeIcon('quote');
      item.command = {
        command: OPEN_MENTION,
        title: 'Open Mention',
        arguments: [{ path: node.path, start: node.mention.start, end: node.mention.end }],
      };
      item.contextValue = 'mention';
      return item;
    }
    return new vscode.TreeItem('?');
  }

  private moreItem(node: MoreNode): vscode.TreeItem {
    const { label, description } = this.pages.moreRow(node.hidden);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.description = description;
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.id = `more:${node.key}`;
    item.contextValue = 'more';
    item.command = { command: SHOW_MORE_ROWS, title: label, arguments: [node] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function safeUri(path: string): vscode.Uri | undefined {
  try {
    return toUri(path, true);
  } catch {
    return undefined;
  }
}

export const TYPE_ICONS: Record<EntityType, string> = {
  PERSON: 'person',
  ORGANIZATION: 'organization',
  PLACE: 'location',
  NATIONALITY: 'globe',
};

export class EntitiesTree extends MentionTree {
  protected async loadRoots(): Promise<ViewNode[]> {
    const records = await this.client.request('entities', {});
    return ENTITY_GROUPS.map(({ type, label }) => ({
      kind: 'type' as const,
      type,
      label,
      records: entitiesOfType(records, type),
    })).filter((g) => g.records.length > 0);
  }

  /** Each type's entity nodes, made once per load, so a node found for reveal is the one the view holds. */
  private readonly nodesOfType = new WeakMap<EntityRecord[], ViewNode[]>();

  protected ownChildren(node: ViewNode): ViewNode[] | undefined {
    return node.kind === 'type' ? this.getEntityNodes(node) : undefined;
  }

  /** All the entity nodes of a type node (not only the page shown). */
  getEntityNodes(node: ViewNode & { kind: 'type' }): ViewNode[] {
    let nodes = this.nodesOfType.get(node.records);
    if (!nodes) {
      nodes = node.records.map((record) => ({ kind: 'entity', record }));
      this.nodesOfType.set(node.records, nodes);
    }
    return nodes;
  }

  protected async parentOf(node: ViewNode): Promise<ViewNode | undefined> {
    if (node.kind !== 'entity') return undefined;
    return (await this.rootNodes()).find((t) => t.kind === 'type' && t.type === node.record.type);
  }

  protected ownItem(node: ViewNode): vscode.TreeItem | undefined {
    if (node.kind === 'type') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.records.length);
      item.iconPath = new vscode.ThemeIcon(TYPE_ICONS[node.type]);
      item.id = `type:${node.type}`;
      return item;
    }
    if (node.kind === 'entity') {
      const item = new vscode.TreeItem(node.record.canonical, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = entityDescription(node.record);
      item.tooltip = entityTooltip(node.record);
      item.id = `entity:${node.record.id}`;
      item.contextValue = 'entity';
      return item;
    }
    return undefined;
  }
}

export class EventsTree extends MentionTree {
  protected async loadRoots(): Promise<ViewNode[]> {
    // Rows sorted in the worker, with counts: the host never receives nor counts the mentions of every event.
    return (await this.client.request('eventRows', {})).map((event) => ({ kind: 'event', event }));
  }

  protected ownChildren(): undefined {
    return undefined;
  }

  protected ownItem(node: ViewNode): vscode.TreeItem | undefined {
    if (node.kind !== 'event') return undefined;
    const item = new vscode.TreeItem(node.event.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.description = eventDescription(node.event);
    item.tooltip = [
      node.event.label,
      `When: ${node.event.date ?? 'undated'}`,
      node.event.place ? `Where: ${node.event.place}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    item.iconPath = new vscode.ThemeIcon(node.event.date ? 'calendar' : 'question');
    item.id = `event:${node.event.id}`;
    item.contextValue = 'event';
    return item;
  }
}

export class QuotesTree extends MentionTree {
  protected async loadRoots(): Promise<ViewNode[]> {
    return (await this.client.request('quoteRows', {})).map((quote) => ({ kind: 'quote', quote }));
  }

  protected ownChildren(): undefined {
    return undefined;
  }

  protected ownItem(node: ViewNode): vscode.TreeItem | undefined {
    if (node.kind !== 'quote') return undefined;
    const item = new vscode.TreeItem(quoteLabel(node.quote), vscode.TreeItemCollapsibleState.Collapsed);
    item.description = quoteDescription(node.quote);
    item.tooltip = `${node.quote.speaker ?? 'Unattributed'}: “${node.quote.text}”`;
    item.iconPath = new vscode.ThemeIcon('comment');
    item.id = `quote:${node.quote.id}`;
    item.contextValue = 'quote';
    return item;
  }
}

/** A plain summary of a node, for tests and logs: the label and description the view shows. */
export function describeNode(
  tree: vscode.TreeDataProvider<ViewNode>,
  node: ViewNode,
): Promise<{ label: string; description: string }> {
  return Promise.resolve(tree.getTreeItem(node)).then((item) => ({
    label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''),
    description: typeof item.description === 'string' ? item.description : '',
  }));
}
