// Hover cards on entities, dates, events and quotes, and Go to References across the folder.
import * as vscode from 'vscode';
import { CorpusClient } from './corpusClient';
import { HOVER_COMMANDS, OPEN_MENTION_COMMAND, SHOW_MENTIONS_COMMAND, ShowMentionsArgs } from './pure/hoverText';
import { toRange, toUri } from './vscodeAdapter';

export function registerHovers(
  client: CorpusClient,
  selector: vscode.DocumentSelector,
  isArticle: (uri: vscode.Uri) => boolean,
  ensureIndexed: (doc: vscode.TextDocument) => Promise<void>,
): vscode.Disposable[] {
  const hover = vscode.languages.registerHoverProvider(selector, {
    async provideHover(doc, position) {
      if (!isArticle(doc.uri)) return undefined;
      await ensureIndexed(doc);
      const cards = await client.request('cards', { path: doc.uri.toString(), offset: doc.offsetAt(position) });
      if (!cards.length) return undefined;
      const contents = cards.map((c) => {
        const md = new vscode.MarkdownString(c.markdown);
        // Only our own commands may run from a hover; article text never becomes HTML.
        md.isTrusted = { enabledCommands: HOVER_COMMANDS };
        md.supportHtml = false;
        return md;
      });
      const s = cards[0].span;
      return new vscode.Hover(contents, toRange(doc, s.start, s.end));
    },
  });
  const references = vscode.languages.registerReferenceProvider(selector, {
    async provideReferences(doc, position) {
      if (!isArticle(doc.uri)) return [];
      await ensureIndexed(doc);
      const refs = await client.request('references', { path: doc.uri.toString(), offset: doc.offsetAt(position) });
      const out: vscode.Location[] = [];
      // The worker placed each mention in its article's lines: the host opens no article for it (an event of a
      // large folder is in thousands). The hovered document is placed here, in case it changed since.
      for (const r of refs) {
        const uri = toUri(r.path);
        if (r.path === doc.uri.toString()) out.push(new vscode.Location(uri, toRange(doc, r.start, r.end)));
        else if (r.range) out.push(new vscode.Location(uri, new vscode.Range(...r.range)));
        else out.push(new vscode.Location(uri, toRange(await vscode.workspace.openTextDocument(uri), r.start, r.end)));
      }
      return out;
    },
  });
  const open = vscode.commands.registerCommand(
    OPEN_MENTION_COMMAND,
    async (arg: { path: string; start: number; end: number }) => {
      if (!arg || typeof arg.path !== 'string' || typeof arg.start !== 'number') return;
      const uri = toUri(arg.path);
      const doc = await vscode.workspace.openTextDocument(uri);
      const range = toRange(doc, arg.start, typeof arg.end === 'number' ? arg.end : arg.start);
      await vscode.window.showTextDocument(doc, { selection: range, preview: true });
    },
  );
  const showAll = vscode.commands.registerCommand(SHOW_MENTIONS_COMMAND, (arg: ShowMentionsArgs) =>
    showAllMentions(client, arg),
  );
  return [hover, references, open, showAll];
}

/** Every article that reports an event or quote, in a quick pick (a card names only a few); picking one opens it. */
async function showAllMentions(client: CorpusClient, arg: ShowMentionsArgs): Promise<void> {
  if (!arg || (arg.kind !== 'event' && arg.kind !== 'quote') || typeof arg.id !== 'string') return;
  const groups = await client.request('mentionGroups', { kind: arg.kind, id: arg.id });
  type Item = vscode.QuickPickItem & { at: { path: string; start: number; end: number } };
  const items = groups.flatMap((g): Item[] => {
    const m = g.mentions[0];
    if (!m) return [];
    const count = g.mentions.length > 1 ? ` · ${g.mentions.length} mentions` : '';
    return [
      {
        label: g.title,
        description: `${g.published ?? 'undated'}${count}`,
        detail: m.excerpt,
        at: { path: g.path, start: m.start, end: m.end },
      },
    ];
  });
  const what = arg.kind === 'event' ? 'Event' : 'Quote';
  const picked = await vscode.window.showQuickPick(items, {
    title: `${what}: ${typeof arg.label === 'string' ? arg.label : arg.id} — ${items.length} articles`,
    placeHolder: 'Open the article at its mention',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked) await vscode.commands.executeCommand(OPEN_MENTION_COMMAND, picked.at);
}
