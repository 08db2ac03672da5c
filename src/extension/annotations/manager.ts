// Keeps each article's user annotations placed in its current text: loads sidecars, re-anchors them after changes on
// disk, moves them with edits in the editor (saved debounced), and applies every change through a merge-on-write
// update.
import * as path from 'path';
import * as vscode from 'vscode';
import { stripBom } from '../../core/article';
import { anchor, describeQuote, rebase } from '../../core/anchoring';
import type { AnnotationData, ArticleSidecar } from '../../core/sidecar/annotationData';
import type { DecisionRecord } from '../../core/sidecar/decisions';
import { BrokenSidecarError, readSidecar, updateFolderDecisions, updateSidecar } from '../../core/sidecar/files';
import { FileMergeResult, resolveConflictedSidecarFile } from '../../core/sidecar/mergeFiles';
import { FOLDER_SIDECAR, SIDECAR_SUFFIX } from '../../core/sidecar/schema';
import type { LiveAnnotation } from './types';
import { sidecarFolder } from '../config';

export interface ArticleState {
  uri: string;
  sidecar: string;
  /** Set while the sidecar does not parse; `conflict` when that is because it holds git's conflict markers. */
  broken: { message: string; line: number | null; conflict?: boolean } | null;
  published: string | null;
  live: LiveAnnotation[];
}

export class UntrustedError extends Error {
  constructor() {
    super(
      'Annotations need a trusted folder: this folder is open in Restricted Mode, so nothing was written. ' +
        'Trust the folder (Manage Workspace Trust) to annotate.',
    );
  }
}

let counter = 0;
export function newId(): string {
  counter = (counter + 1) % 1_000_000;
  return `a-${Date.now().toString(36)}-${counter.toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

export class AnnotationManager implements vscode.Disposable {
  private readonly states = new Map<string, ArticleState>();
  private readonly changed = new vscode.EventEmitter<string[]>();
  readonly onDidChange = this.changed.event;
  private readonly moved = new vscode.EventEmitter<string[]>();
  /** Fires while typing moves annotations (cheap redraws only; the sidecar is saved debounced). */
  readonly onDidMove = this.moved.event;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.moved];
  private readonly pendingSaves = new Map<string, ReturnType<typeof setTimeout>>();
  private folderMerges: Array<[string, string]> = [];
  /** The user's decisions from the folder sidecar (none while it does not parse: suggestions use the rules alone). */
  private folderDecisions: DecisionRecord[] = [];
  /** The folder sidecar's path and problem when it does not parse (its merges are then not applied). */
  private folderProblem: { sidecar: string; broken: NonNullable<ArticleState['broken']> } | null = null;

  constructor(
    private readonly log: (l: string) => void,
    private readonly saveDelayMs = 400,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidSaveTextDocument((d) => void this.flush(d.uri.toString())),
    );
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('articleAnnotator.sidecarFolder')) return;
        // Every article now reads its annotations from the other place.
        void (async () => {
          for (const key of [...this.states.keys()]) await this.load(vscode.Uri.parse(key));
          await this.loadFolderMerges();
        })().catch((err) => this.log(`reloading annotations failed: ${(err as Error).message}`));
      }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*' + SIDECAR_SUFFIX);
    const reload = (u: vscode.Uri) =>
      void this.onSidecarChanged(u).catch((e) => this.log(`sidecar reload failed: ${(e as Error).message}`));
    watcher.onDidChange(reload);
    watcher.onDidCreate(reload);
    watcher.onDidDelete(reload);
    this.disposables.push(watcher);
  }

  get trusted(): boolean {
    return vscode.workspace.isTrusted;
  }

  /**
   * Where an article's sidecar lives: beside it, or under `articleAnnotator.sidecarFolder` keeping its relative path.
   */
  sidecarPath(uri: vscode.Uri): string {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const setting = sidecarFolder(uri);
    if (folder && setting) {
      const rel = path.relative(folder.uri.fsPath, uri.fsPath);
      return path.join(path.resolve(folder.uri.fsPath, setting), rel + SIDECAR_SUFFIX);
    }
    return uri.fsPath + SIDECAR_SUFFIX;
  }

  folderSidecarPath(uri?: vscode.Uri): string | null {
    const folder = (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
    if (!folder) return null;
    const setting = sidecarFolder(folder.uri);
    return path.join(setting ? path.resolve(folder.uri.fsPath, setting) : folder.uri.fsPath, FOLDER_SIDECAR);
  }

  /** The folder the core's store confines sidecar writes to. */
  private rootFor(uri: vscode.Uri): string {
    // Sidecars must stay inside the article's workspace folder (the store refuses paths, and links,
    // that lead outside it); a file outside any folder may have its sidecar beside it.
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? folder.uri.fsPath : path.dirname(this.sidecarPath(uri));
  }

  get(uri: string): ArticleState | undefined {
    return this.states.get(uri);
  }

  all(): ArticleState[] {
    return [...this.states.values()];
  }

  merges(): Array<[string, string]> {
    return this.folderMerges;
  }

  decisions(): DecisionRecord[] {
    return this.folderDecisions;
  }

  /** The folder sidecar when it does not parse, for the Problems panel. */
  folderSidecarProblem(): { sidecar: string; broken: NonNullable<ArticleState['broken']> } | null {
    return this.folderProblem;
  }

  async textOf(uri: vscode.Uri): Promise<string> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc) return doc.getText();
    return stripBom(new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)));
  }

  /** Reads the article's sidecar and places its annotations in the article's current text. */
  async load(uri: vscode.Uri, fire = true): Promise<ArticleState> {
    const key = uri.toString();
    const sidecar = this.sidecarPath(uri);
    const read = await readSidecar(sidecar);
    const state: ArticleState = { uri: key, sidecar, broken: null, published: null, live: [] };
    if (read.kind === 'broken') {
      state.broken = { message: read.message, line: read.line, ...(read.conflict ? { conflict: true } : {}) };
    } else if (read.kind === 'ok') {
      state.published = read.data.published;
      const text = await this.textOf(uri);
      state.live = read.data.annotations.map((a) => this.place(key, text, a));
    }
    this.states.set(key, state);
    if (fire) this.changed.fire([key]);
    return state;
  }

  async ensure(uri: vscode.Uri): Promise<ArticleState> {
    return this.states.get(uri.toString()) ?? this.load(uri);
  }

  async loadFolderMerges(): Promise<void> {
    const file = this.folderSidecarPath();
    if (!file) return;
    const read = await readSidecar(file);
    this.folderMerges = read.kind === 'ok' ? read.data.merges : [];
    this.folderDecisions = read.kind === 'ok' ? (read.data.decisions ?? []) : [];
    const conflict = read.kind === 'broken' && read.conflict ? { conflict: true } : {};
    const broken = read.kind === 'broken' ? { message: read.message, line: read.line, ...conflict } : null;
    this.folderProblem = broken ? { sidecar: file, broken } : null;
  }

  private place(uri: string, text: string, a: AnnotationData): LiveAnnotation {
    const at = anchor(text, {
      quote: { exact: a.exact ?? '', prefix: a.prefix ?? '', suffix: a.suffix ?? '' },
      position: { start: a.start, end: a.end },
    });
    return at ? { ...a, uri, start: at.start, end: at.end, orphan: false } : { ...a, uri, orphan: true };
  }

  /** Fails (without writing) when the folder is untrusted or the sidecar is broken. */
  assertWritable(uri: vscode.Uri): void {
    if (!this.trusted) throw new UntrustedError();
    const st = this.states.get(uri.toString());
    if (st?.broken) throw new BrokenSidecarError(st.sidecar, st.broken.message, st.broken.line);
  }

  /** Applies a change to an article's sidecar (merged with what is on disk now) and re-places its annotations. */
  async mutate(uri: vscode.Uri, fn: (d: ArticleSidecar, text: string) => void): Promise<ArticleState> {
    await this.ensure(uri);
    this.assertWritable(uri);
    await this.flush(uri.toString());
    const text = await this.textOf(uri);
    try {
      const orphans = new Set((this.states.get(uri.toString())?.live ?? []).filter((a) => a.orphan).map((a) => a.id));
      await updateSidecar(
        this.sidecarPath(uri),
        path.basename(uri.fsPath),
        text,
        (d) => {
          fn(d, text);
          // The file says which annotations could not be placed, so other tools (and the CLI) know too.
          for (const a of d.annotations)
            a.orphaned = orphans.has(a.id) && a.exact !== text.slice(a.start, a.end) ? true : undefined;
        },
        this.rootFor(uri),
      );
    } catch (err) {
      if (err instanceof BrokenSidecarError) await this.load(uri);
      throw err;
    }
    return this.load(uri);
  }

  /**
   * The one case where a broken sidecar is rewritten, on the user's explicit request: a sidecar holding git's
   * conflict markers becomes the merge of its two sides (the file as it was is kept as `<name>.orig`).
   */
  async resolveConflict(sidecar: string): Promise<FileMergeResult> {
    if (!this.trusted) throw new UntrustedError();
    const result = resolveConflictedSidecarFile(sidecar);
    if (result.ok) await this.reloadSidecar(sidecar);
    return result;
  }

  /** Re-reads whatever depends on this sidecar file now, without waiting for the file watcher. */
  private async reloadSidecar(sidecar: string): Promise<void> {
    if (path.basename(sidecar) === FOLDER_SIDECAR) {
      await this.loadFolderMerges();
      this.changed.fire([]);
    }
    for (const st of this.states.values()) {
      if (path.resolve(st.sidecar) === path.resolve(sidecar)) await this.load(vscode.Uri.parse(st.uri));
    }
  }

  async mutateFolder(fn: (d: ArticleSidecar) => void): Promise<void> {
    if (!this.trusted) throw new UntrustedError();
    const file = this.folderSidecarPath();
    if (!file) throw new Error('Open a folder to keep folder-wide annotations.');
    await updateSidecar(file, '', null, fn, this.rootFor(vscode.Uri.file(file)));
    await this.loadFolderMerges();
    this.changed.fire([]);
  }

  /**
   * Changes the folder's decisions (merged with what is on disk now, written atomically); a folder sidecar that does
   * not parse is never written (BrokenSidecarError says why).
   */
  async mutateDecisions(fn: (current: DecisionRecord[]) => DecisionRecord[]): Promise<DecisionRecord[]> {
    if (!this.trusted) throw new UntrustedError();
    const file = this.folderSidecarPath();
    if (!file) throw new Error('Open a folder to keep decisions.');
    try {
      return await updateFolderDecisions(file, fn, this.rootFor(vscode.Uri.file(file)));
    } finally {
      await this.loadFolderMerges();
      this.changed.fire([]);
    }
  }

  /** An article's path as decisions name it: relative to its workspace folder, with forward slashes. */
  articlePath(uri: vscode.Uri): string {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return (folder ? path.relative(folder.uri.fsPath, uri.fsPath) : uri.fsPath).split(path.sep).join('/');
  }

  /** The article a decision names (see articlePath). */
  articleUri(article: string): vscode.Uri | null {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (path.isAbsolute(article)) return vscode.Uri.file(article);
    return folder ? vscode.Uri.joinPath(folder.uri, ...article.split('/')) : null;
  }

  /** Builds a stored annotation for [start, end) of `text`. */
  static describe(text: string, start: number, end: number, extra: Partial<AnnotationData>): AnnotationData {
    const q = describeQuote(text, start, end);
    return {
      id: newId(),
      start,
      end,
      exact: q.exact,
      prefix: q.prefix,
      suffix: q.suffix,
      created: new Date().toISOString(),
      ...extra,
    };
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    const st = this.states.get(key);
    if (!st || !e.contentChanges.length || !st.live.length) return;
    // contentChanges of one event are against the text before the event, sorted from the end: apply them in order.
    const edits = e.contentChanges.map((c) => ({
      start: c.rangeOffset,
      end: c.rangeOffset + c.rangeLength,
      newText: c.text,
    }));
    const moved = rebase(
      st.live.map((a) => (a.orphan ? null : { start: a.start, end: a.end })),
      edits,
    );
    st.live = st.live.map((a, i) => {
      const m = moved[i];
      return a.orphan ? a : m ? { ...a, start: m.start, end: m.end } : { ...a, orphan: true };
    });
    this.moved.fire([key]);
    if (!this.trusted || st.broken) return;
    clearTimeout(this.pendingSaves.get(key));
    this.pendingSaves.set(
      key,
      setTimeout(() => void this.flush(key), this.saveDelayMs),
    );
  }

  /** Writes moved positions (and their new quotes) of an edited article to its sidecar. */
  async flush(key: string): Promise<void> {
    const timer = this.pendingSaves.get(key);
    if (!timer) return;
    clearTimeout(timer);
    this.pendingSaves.delete(key);
    const st = this.states.get(key);
    if (!st || st.broken || !this.trusted) return;
    const uri = vscode.Uri.parse(key);
    const text = await this.textOf(uri);
    const byId = new Map(st.live.filter((a) => !a.orphan).map((a) => [a.id, a]));
    try {
      await updateSidecar(
        st.sidecar,
        path.basename(uri.fsPath),
        text,
        (d) => {
          for (const a of d.annotations) {
            const live = byId.get(a.id);
            if (!live || live.end > text.length) continue;
            Object.assign(a, { start: live.start, end: live.end, ...describeQuote(text, live.start, live.end) });
          }
        },
        this.rootFor(uri),
      );
    } catch (err) {
      this.log(`could not save moved annotations of ${uri.fsPath}: ${(err as Error).message}`);
    }
  }

  private async onSidecarChanged(sidecar: vscode.Uri): Promise<void> {
    if (path.basename(sidecar.fsPath) === FOLDER_SIDECAR) {
      await this.loadFolderMerges();
      this.changed.fire([]);
      return;
    }
    for (const st of this.states.values()) {
      if (path.resolve(st.sidecar) === path.resolve(sidecar.fsPath) && !this.pendingSaves.has(st.uri))
        await this.load(vscode.Uri.parse(st.uri));
    }
  }

  /** Forgets every sidecar read (moved positions not yet saved are written first), as before activation. */
  forgetAll(): void {
    for (const key of this.pendingSaves.keys()) void this.flush(key);
    this.states.clear();
    this.folderMerges = [];
    this.folderDecisions = [];
    this.folderProblem = null;
  }

  dispose(): void {
    for (const t of this.pendingSaves.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
