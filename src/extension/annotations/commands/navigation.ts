// Navigation commands: next/previous annotation, reveal one (from the tree), open an article's annotations file.
import * as vscode from 'vscode';
import { lineStart, toRange, toSelection, toUri } from '../../vscodeAdapter';
import { AnnotationCommandOptions } from '../types';
import { command, CommandDeps, docFor } from './shared';

async function step({ manager }: CommandDeps, dir: 1 | -1, o: AnnotationCommandOptions) {
  const doc = await docFor(o);
  if (!doc) return undefined;
  const st = await manager.ensure(doc.uri);
  const list = st.live.filter((a) => !a.orphan).sort((a, b) => a.start - b.start);
  if (!list.length) return undefined;
  const editor = await vscode.window.showTextDocument(doc, { preserveFocus: false });
  const at = o.start ?? doc.offsetAt(editor.selection.start);
  const next =
    dir === 1
      ? (list.find((a) => a.start > at) ?? list[0])
      : ([...list].reverse().find((a) => a.start < at) ?? list[list.length - 1]);
  editor.selection = toSelection(doc, next.start, next.end);
  editor.revealRange(toRange(doc, next.start, next.end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return { id: next.id, start: next.start, end: next.end };
}

async function reveal({ manager }: CommandDeps, o: AnnotationCommandOptions) {
  if (!o.uri || !o.id) return;
  const st = manager.get(o.uri);
  const a = st?.live.find((x) => x.id === o.id);
  const doc = await vscode.workspace.openTextDocument(toUri(o.uri));
  const range = a && !a.orphan ? toRange(doc, a.start, a.end) : undefined;
  await vscode.window.showTextDocument(doc, { selection: range, preview: true });
}

async function openSidecar({ manager }: CommandDeps, o: AnnotationCommandOptions) {
  const doc = await docFor(o);
  if (!doc) return;
  const st = await manager.ensure(doc.uri);
  const line = st.broken?.line ? st.broken.line - 1 : 0;
  try {
    await vscode.window.showTextDocument(vscode.Uri.file(st.sidecar), { selection: lineStart(line) });
  } catch {
    void vscode.window.showInformationMessage('This article has no annotations file yet.');
  }
}

export function registerNavigationCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    command('nextAnnotation', (o) => step(deps, 1, o), deps.log),
    command('previousAnnotation', (o) => step(deps, -1, o), deps.log),
    command('revealAnnotation', (o) => reveal(deps, o), deps.log),
    command('openSidecar', (o) => openSidecar(deps, o), deps.log),
  ];
}
