// "Find Name, Event or Quote…": a quick pick over every entity, event and quote of the folder, shown in its view
// when picked. The side bar's lists are paged, so the tree's own find (type to filter) sees only the rows shown;
// this finds any of them and grows its list to take it in.
import * as vscode from 'vscode';
import { ENTITY_GROUPS, entityDescription, eventDescription, quoteDescription, quoteLabel } from '../pure/viewModel';
import { EntitiesTree, EventsTree, nodeName, QuotesTree, TYPE_ICONS, ViewNode } from './trees';

export const FIND_IN_VIEWS = 'articleAnnotator.findInViews';

export type ViewName = 'entities' | 'events' | 'quotes';

interface Found extends vscode.QuickPickItem {
  view: ViewName;
  node: ViewNode;
  id: string;
}

/** Without a picker: the item with that id, or else the first with that name (as its view shows it). */
export interface FindOptions {
  id?: string;
  name?: string;
}

const TYPE_LABEL = new Map(ENTITY_GROUPS.map((g) => [g.type, g.label]));

export interface FindTrees {
  entities: EntitiesTree;
  events: EventsTree;
  quotes: QuotesTree;
}

/** Every item the three views list, as quick-pick rows: entities by type, then events, then quotes. */
async function findItems(trees: FindTrees): Promise<Found[]> {
  const out: Found[] = [];
  for (const type of await trees.entities.rootNodes()) {
    if (type.kind !== 'type') continue;
    for (const node of trees.entities.getEntityNodes(type)) {
      if (node.kind !== 'entity') continue;
      const r = node.record;
      out.push({
        label: `$(${TYPE_ICONS[r.type]}) ${r.canonical}`,
        description: `${TYPE_LABEL.get(r.type) ?? r.type} · ${entityDescription(r)}`,
        detail:
          r.spellings.length > 1 ? `Also written: ${r.spellings.filter((s) => s !== r.canonical).join(', ')}` : '',
        view: 'entities',
        node,
        id: r.id,
      });
    }
  }
  for (const node of await trees.events.rootNodes()) {
    if (node.kind !== 'event') continue;
    const e = node.event;
    out.push({ label: `$(calendar) ${e.label}`, description: eventDescription(e), view: 'events', node, id: e.id });
  }
  for (const node of await trees.quotes.rootNodes()) {
    if (node.kind !== 'quote') continue;
    const q = node.quote;
    out.push({
      label: `$(comment) ${quoteLabel(q)}`,
      description: quoteDescription(q),
      view: 'quotes',
      node,
      id: q.id,
    });
  }
  return out;
}

/**
 * Asks which item (or takes `o.id` or `o.name`, as tests and other commands do), then reveals it in its view.
 * Resolves to what was revealed, or undefined when nothing was picked or found.
 */
export async function findInViews(
  trees: FindTrees,
  views: Record<ViewName, vscode.TreeView<ViewNode>>,
  o: FindOptions = {},
): Promise<{ view: ViewName; id: string } | undefined> {
  const items = await findItems(trees);
  let pick: Found | undefined;
  if (o.id !== undefined) pick = items.find((i) => i.id === o.id);
  else if (o.name !== undefined) pick = items.find((i) => nodeName(i.node) === o.name);
  else if (!items.length) {
    void vscode.window.showInformationMessage('Nothing to find yet: the folder has no names, events or quotes listed.');
    return undefined;
  } else
    pick = await vscode.window.showQuickPick(items, {
      placeHolder: 'Find a name, event or quote of the folder (the side bar shows it)',
      matchOnDescription: true,
      matchOnDetail: true,
    });
  if (!pick) return undefined;
  await trees[pick.view].reveal(views[pick.view], pick.node);
  return { view: pick.view, id: pick.id };
}
