// Commands that change annotations already made: remove one, re-anchor an orphan at the selection.
import * as vscode from 'vscode';
import { AnnotationManager } from '../manager';
import { AnnotationCommandOptions } from '../types';
import { command, CommandDeps, docFor, liveAt, target, writable } from './shared';

/** The annotation the options name, else the one at the cursor (asking when several overlap it). */
async function pickAnnotationHere(
  manager: AnnotationManager,
  o: AnnotationCommandOptions,
): Promise<string | undefined> {
  if (o.id) return o.id;
  const t = await target(o, false);
  if (!t) return undefined;
  const here = liveAt(manager, t.uri, t.start, t.end);
  if (!here.length) {
    void vscode.window.showInformationMessage('There is no annotation here.');
    return undefined;
  }
  if (here.length === 1) return here[0].id;
  const pick = await vscode.window.showQuickPick(
    here.map((a) => ({ label: a.exact, description: [a.status, a.tag, a.note].filter(Boolean).join(' · '), id: a.id })),
    { placeHolder: 'Remove which annotation?' },
  );
  return pick?.id;
}

async function removeAnnotation({ manager }: CommandDeps, o: AnnotationCommandOptions) {
  const doc = await docFor(o);
  if (!doc) return undefined;
  await writable(manager, doc.uri);
  const id = await pickAnnotationHere(manager, o);
  if (!id) return undefined;
  let removed = 0;
  await manager.mutate(doc.uri, (d) => {
    const before = d.annotations.length;
    d.annotations = d.annotations.filter((a) => a.id !== id);
    removed = before - d.annotations.length;
  });
  return removed;
}

async function reanchor({ manager }: CommandDeps, o: AnnotationCommandOptions) {
  const t = await target(o);
  if (!t || !o.id) return undefined;
  await writable(manager, t.uri);
  await manager.mutate(t.uri, (d, text) => {
    const a = d.annotations.find((x) => x.id === o.id);
    if (a) Object.assign(a, AnnotationManager.describe(text, t.start, t.end, {}), { id: a.id, created: a.created });
  });
  return true;
}

export function registerEditingCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    command('removeAnnotation', (o) => removeAnnotation(deps, o), deps.log),
    command('reanchorAnnotation', (o) => reanchor(deps, o), deps.log),
  ];
}
