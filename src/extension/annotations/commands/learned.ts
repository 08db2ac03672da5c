// Commands on what the folder learned: accept or reject a suggestion from the user's tags or the model (here, or all
// of that text and type in the folder), restore a machine suggestion the model dimmed, and undo or clear decisions.
import * as vscode from 'vscode';
import type { LearnedItem } from '../engine';
import { AnnotationManager } from '../manager';
import type { AnnotationCommandOptions } from '../types';
import { undoDecision } from '../decisions';
import { command, CommandDeps, folderArticles, target, upsertAt, writable } from './shared';

type Source = 'your-tags' | 'model';
type Found = LearnedItem & { source: Source };

/** The learned suggestion the options (or the cursor) point at. */
async function learnedAt(deps: CommandDeps, uri: vscode.Uri, start: number, end: number): Promise<Found | undefined> {
  const items = await deps.learning.itemsFor(uri);
  const hit = (x: LearnedItem) => (start === end ? x.start <= start && start <= x.end : x.start < end && start < x.end);
  const exact = (x: LearnedItem) => x.start === start && x.end === end;
  const pick = (xs: LearnedItem[], source: Source) => {
    const x = xs.find(exact) ?? xs.find(hit);
    return x ? { ...x, source } : undefined;
  };
  return pick(items.propagated, 'your-tags') ?? pick(items.proposed, 'model');
}

async function acceptOne(deps: CommandDeps, o: AnnotationCommandOptions) {
  const t = await target(o, false);
  if (!t) return undefined;
  await writable(deps.manager, t.uri);
  const x = await learnedAt(deps, t.uri, t.start, t.end);
  if (!x) return nothingHere();
  const tag = o.tag ?? x.type;
  await deps.manager.mutate(t.uri, (d, text) => void upsertAt(d, text, x.start, x.end, (a) => (a.tag = tag)));
  await deps.decide(t.uri, [{ action: 'accept', tag, scope: 'here', start: x.start, end: x.end, source: x.source }]);
  return 1;
}

async function rejectOne(deps: CommandDeps, o: AnnotationCommandOptions) {
  const t = await target(o, false);
  if (!t) return undefined;
  await writable(deps.manager, t.uri);
  const x = await learnedAt(deps, t.uri, t.start, t.end);
  if (!x) return nothingHere();
  await deps.manager.mutate(t.uri, (d, text) => {
    d.annotations.push(
      AnnotationManager.describe(text, x.start, x.end, { status: 'rejected', tag: x.type, scope: 'here' }),
    );
  });
  await deps.decide(t.uri, [
    { action: 'reject', tag: x.type, scope: 'here', start: x.start, end: x.end, source: x.source },
  ]);
  return 1;
}

function nothingHere(): undefined {
  void vscode.window.showInformationMessage('There is no suggestion from your tags or decisions here.');
  return undefined;
}

/** Every suggestion from the user's tags of this text and type, article by article. */
async function sameEverywhere(deps: CommandDeps, text: string, type: string) {
  const out: Array<{ uri: vscode.Uri; items: LearnedItem[] }> = [];
  for (const uri of await folderArticles(deps)) {
    const items = (await deps.learning.itemsFor(uri)).propagated.filter((x) => x.text === text && x.type === type);
    if (items.length) out.push({ uri, items });
  }
  return out;
}

/** The text and type Accept All / Reject All act on: the options', the suggestion at the cursor's, or picked. */
async function groupOf(deps: CommandDeps, o: AnnotationCommandOptions) {
  if (o.text && o.tag && o.uri && o.start !== undefined) return { text: o.text, type: o.tag, at: o };
  const t = vscode.window.activeTextEditor ? await target(o, false) : undefined;
  const x = t && (await learnedAt(deps, t.uri, t.start, t.end));
  if (t && x?.source === 'your-tags')
    return { text: x.text, type: x.type, at: { uri: t.uri.toString(), start: x.start, end: x.end } };
  const groups = new Map<string, { text: string; type: string; count: number; at: AnnotationCommandOptions }>();
  for (const uri of await folderArticles(deps))
    for (const s of (await deps.learning.itemsFor(uri)).propagated) {
      const key = `${s.type}\u0000${s.text}`;
      const g = groups.get(key) ?? { text: s.text, type: s.type, count: 0, at: { uri: uri.toString(), ...s } };
      g.count++;
      groups.set(key, g);
    }
  if (!groups.size) return nothingHere();
  const pick = await vscode.window.showQuickPick(
    [...groups.values()].map((g) => ({ label: g.text, description: `${g.type} · ${g.count} in the folder`, g })),
    { placeHolder: 'Which suggestion from your tags?' },
  );
  return pick?.g;
}

async function acceptAll(deps: CommandDeps, o: AnnotationCommandOptions) {
  const g = await groupOf(deps, o);
  if (!g) return undefined;
  let count = 0;
  for (const { uri, items } of await sameEverywhere(deps, g.text, g.type)) {
    await deps.manager.mutate(uri, (d, text) => {
      for (const x of items) upsertAt(d, text, x.start, x.end, (a) => (a.tag = g.type));
    });
    count += items.length;
  }
  await decideForFolder(deps, 'accept', g);
  return count;
}

async function rejectAll(deps: CommandDeps, o: AnnotationCommandOptions) {
  const g = await groupOf(deps, o);
  if (!g) return undefined;
  const count = (await sameEverywhere(deps, g.text, g.type)).reduce((n, x) => n + x.items.length, 0);
  // One folder-wide decision: the text and type are no longer suggested anywhere, in articles added later too.
  await decideForFolder(deps, 'reject', g);
  return count;
}

async function decideForFolder(
  deps: CommandDeps,
  action: 'accept' | 'reject',
  g: { type: string; at: AnnotationCommandOptions },
): Promise<void> {
  const uri = vscode.Uri.parse(g.at.uri!);
  await writable(deps.manager, uri);
  const [start, end] = [g.at.start!, g.at.end!];
  await deps.decide(uri, [{ action, tag: g.type, scope: 'folder', start, end, source: 'your-tags' }]);
}

/** A machine suggestion the model dimmed is accepted here: highlighted again, and the model learns it was right. */
async function restore(o: AnnotationCommandOptions) {
  return vscode.commands.executeCommand('articleAnnotator.acceptSuggestion', { ...o, scope: 'article' });
}

async function undo(deps: CommandDeps, o: AnnotationCommandOptions & { d?: { id: string } }) {
  let id = o.id ?? o.d?.id;
  if (!id) {
    const picks = [...deps.manager.decisions()].reverse().map((d) => ({
      label: d.text,
      description: `${d.action} ${d.tag} · ${d.scope === 'folder' ? 'whole folder' : d.article}`,
      id: d.id,
    }));
    if (!picks.length) return void vscode.window.showInformationMessage('There are no decisions to undo.');
    id = (await vscode.window.showQuickPick(picks, { placeHolder: 'Undo which decision?' }))?.id;
  }
  if (!id) return undefined;
  return (await undoDecision(deps.manager, id)) ? 1 : 0;
}

async function clearAll(deps: CommandDeps, o: AnnotationCommandOptions) {
  const n = deps.manager.decisions().length;
  if (!n) return void vscode.window.showInformationMessage('There are no decisions to clear.');
  if (!o.confirmed) {
    const yes = 'Clear All Decisions';
    const choice = await vscode.window.showWarningMessage(
      `Forget all ${n} decision${n === 1 ? '' : 's'} of this folder? Suggestions go back to the rules alone ` +
        '(for everyone who pulls folder.annotations.yaml). Your annotations in the articles are kept.',
      { modal: true },
      yes,
    );
    if (choice !== yes) return 0;
  }
  await deps.manager.mutateDecisions(() => []);
  return n;
}

export function registerLearnedCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    command('acceptLearnedSuggestion', (o) => acceptOne(deps, o), deps.log),
    command('rejectLearnedSuggestion', (o) => rejectOne(deps, o), deps.log),
    command('acceptAllLearnedSuggestions', (o) => acceptAll(deps, o), deps.log),
    command('rejectAllLearnedSuggestions', (o) => rejectAll(deps, o), deps.log),
    command('restoreSuggestion', (o) => restore(o), deps.log),
    command('undoDecision', (o) => undo(deps, o), deps.log),
    command('clearDecisions', (o) => clearAll(deps, o), deps.log),
  ];
}
