// What every annotation command shares: the span it works on (target), the options it was given, and the wrapper
// (guarded) that turns a refusal or failure into a clear message instead of an unhandled error.
import * as vscode from 'vscode';
import type { ArticleTracker } from '../../articles';
import type { CorpusClient } from '../../corpusClient';
import { fromRange, lineStart, toUri } from '../../vscodeAdapter';
import { BrokenSidecarError } from '../../../core/sidecar/files';
import { AnnotationManager, UntrustedError } from '../manager';
import type { AnnotationData } from '../../../core/sidecar/annotationData';
import type { AnnotationCommandOptions, LiveAnnotation } from '../types';
import type { DecisionSpec } from '../decisions';
import type { LearnedItems } from '../engine';

export interface CommandDeps {
  manager: AnnotationManager;
  client: CorpusClient;
  tracker: ArticleTracker;
  log: (l: string) => void;
  exportAnnotations: (o: AnnotationCommandOptions) => Promise<string[] | undefined>;
  importAnnotations: (o: AnnotationCommandOptions) => Promise<number | undefined>;
  /** The folder's learned suggestions of an article, computed now. */
  learning: { itemsFor(uri: vscode.Uri): Promise<LearnedItems> };
  /** Records decisions in the folder sidecar (null when it does not parse: the user was told, nothing written). */
  decide(uri: vscode.Uri, specs: DecisionSpec[]): Promise<unknown>;
}

export interface Target {
  uri: vscode.Uri;
  doc: vscode.TextDocument;
  start: number;
  end: number;
}

// A word of names and numbers: letters with inner apostrophes, dots and hyphens ("O'Neill", "U.S.", "Yoon-Kishida").
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/u;

function opts(arg: unknown): AnnotationCommandOptions {
  // Menus pass a Uri as first argument; only a plain object is an options object.
  return arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) ? (arg as AnnotationCommandOptions) : {};
}

export async function docFor(o: AnnotationCommandOptions): Promise<vscode.TextDocument | undefined> {
  if (o.uri) return vscode.workspace.openTextDocument(toUri(o.uri));
  return vscode.window.activeTextEditor?.document;
}

/** The options' offsets, else the selection, else the word at the cursor (else the cursor) in the active editor. */
function spanOf(doc: vscode.TextDocument, o: AnnotationCommandOptions): { start?: number; end?: number } {
  const editor = vscode.window.activeTextEditor?.document === doc ? vscode.window.activeTextEditor : undefined;
  if (o.start !== undefined || !editor) return { start: o.start, end: o.end };
  const sel = editor.selection;
  const range = sel.isEmpty ? doc.getWordRangeAtPosition(sel.active, WORD) : sel;
  if (range) return fromRange(doc, range);
  const at = doc.offsetAt(sel.active);
  return { start: at, end: at };
}

/** The span a command works on: the options' offsets, else the selection, else the word at the cursor. */
export async function target(o: AnnotationCommandOptions, needSpan = true): Promise<Target | undefined> {
  const doc = await docFor(o);
  if (!doc) {
    void vscode.window.showInformationMessage('Open an article first.');
    return undefined;
  }
  let { start, end } = spanOf(doc, o);
  if (start === undefined) start = 0;
  if (end === undefined) end = start;
  const len = doc.getText().length;
  start = Math.max(0, Math.min(start, len));
  end = Math.max(start, Math.min(end, len));
  if (needSpan && end <= start) {
    void vscode.window.showInformationMessage('Select the text to annotate, or put the cursor on a word.');
    return undefined;
  }
  return { uri: doc.uri, doc, start, end };
}

function report(err: unknown, log: (l: string) => void): void {
  if (err instanceof UntrustedError) {
    void vscode.window.showWarningMessage(err.message);
    return;
  }
  if (err instanceof BrokenSidecarError) {
    const file = err.file;
    void vscode.window
      .showErrorMessage(`${err.message}. It was not changed; fix it to annotate this article.`, 'Open Annotations File')
      .then((choice) => {
        if (choice)
          void vscode.window.showTextDocument(vscode.Uri.file(file), {
            selection: err.line ? lineStart(err.line - 1) : undefined,
          });
      });
    return;
  }
  log(`annotation command failed: ${(err as Error).stack ?? err}`);
  void vscode.window.showErrorMessage(`Article Annotator: ${(err as Error).message}`);
}

/**
 * Runs a command with its options object; a refusal or failure is shown to the user, and the command returns undefined.
 */
export function guarded<T>(fn: (o: AnnotationCommandOptions) => Promise<T>, log: (l: string) => void) {
  return async (arg?: unknown): Promise<T | undefined> => {
    try {
      return await fn(opts(arg));
    } catch (err) {
      report(err, log);
      return undefined;
    }
  };
}

/** Registers `articleAnnotator.<id>` as a guarded command. */
export function command(
  id: string,
  fn: (o: AnnotationCommandOptions) => Promise<unknown>,
  log: (l: string) => void,
): vscode.Disposable {
  return vscode.commands.registerCommand(`articleAnnotator.${id}`, guarded(fn, log));
}

/** Refuses before any prompt when nothing could be written. */
export async function writable(manager: AnnotationManager, uri: vscode.Uri): Promise<void> {
  await manager.ensure(uri);
  manager.assertWritable(uri);
}

/** Finds (or creates) the annotation covering exactly [start, end) and lets `edit` change it. */
export function upsertAt(
  d: { annotations: AnnotationData[] },
  text: string,
  start: number,
  end: number,
  edit: (a: AnnotationData) => void,
): AnnotationData {
  let a = d.annotations.find(
    (x) => x.start === start && x.end === end && x.exact === text.slice(start, end) && x.status !== 'rejected',
  );
  if (!a) {
    a = AnnotationManager.describe(text, start, end, {});
    d.annotations.push(a);
  }
  edit(a);
  return a;
}

export function liveAt(manager: AnnotationManager, uri: vscode.Uri, start: number, end: number): LiveAnnotation[] {
  const all = manager.get(uri.toString())?.live ?? [];
  return all.filter(
    (a) => !a.orphan && (start === end ? a.start <= start && start <= a.end : a.start < end && start < a.end),
  );
}

/** Whether a folder-wide command should touch this article only or every article; asks unless the options say. */
export async function scopeOf(o: AnnotationCommandOptions, what: string): Promise<'article' | 'folder' | undefined> {
  if (o.scope === 'article' || o.scope === 'folder') return o.scope;
  const pick = await vscode.window.showQuickPick(
    [
      { label: 'This article', scope: 'article' as const },
      { label: 'Every article in the folder', scope: 'folder' as const },
    ],
    { placeHolder: what },
  );
  return pick?.scope;
}

/** The articles the corpus index knows in the folder. */
export async function folderArticles(deps: Pick<CommandDeps, 'client' | 'tracker'>): Promise<vscode.Uri[]> {
  const titles = await deps.client.request('titles', {});
  return titles.map((t) => toUri(t.path)).filter((u) => deps.tracker.isArticle(u));
}
