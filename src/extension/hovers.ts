// Hover cards on entities, dates, events and quotes, and Go to References across the folder.
import * as vscode from 'vscode';
import { CorpusClient } from './corpusClient';
import { OPEN_MENTION_COMMAND, SET_PUBLISHED_COMMAND } from './pure/hoverText';
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
        md.isTrusted = { enabledCommands: [OPEN_MENTION_COMMAND, SET_PUBLISHED_COMMAND] };
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
      for (const r of refs) {
        const uri = toUri(r.path);
        const target = r.path === doc.uri.toString() ? doc : await vscode.workspace.openTextDocument(uri);
        out.push(new vscode.Location(uri, toRange(target, r.start, r.end)));
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
  return [hover, references, open];
}
