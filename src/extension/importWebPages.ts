// “Import Articles from Web Pages…”: saved .html pages (picked, or named in an options object) become Markdown
// articles beside them or in `out`, are treated as articles, and the first one is opened. Restricted Mode writes
// nothing. The pages are parsed in a worker thread (dist/webPageWorker.js), never in the extension host.
import * as path from 'path';
import * as vscode from 'vscode';
import { Worker } from 'worker_threads';
import type { WebPageExtract } from '../core/importers/webPage';
import { importWebPageFiles, WebPageFileResult } from '../core/importers/webPageFiles';
import type { ArticleTracker } from './articles';
import type { WebPageResponse } from './pure/webPageWorker';

export interface ImportWebPagesOptions {
  /** Saved pages (paths or file URIs); without them the user picks pages or a folder of pages. */
  files?: string[];
  /** Folder for the Markdown files; beside each page without it. */
  out?: string;
}

const PAGE = /\.html?$/i;
const UNTRUSTED =
  'Importing web pages writes new files: this folder is open in Restricted Mode, so nothing was written. ' +
  'Trust the folder (Manage Workspace Trust) to import.';

const toPath = (f: string) => (/^file:/i.test(f) ? vscode.Uri.parse(f).fsPath : f);

/** The pages the user picks: files, or the .html files of a folder. */
async function pickPages(): Promise<string[] | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: true,
    canSelectFolders: true,
    canSelectMany: true,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    filters: { 'Saved web pages': ['html', 'htm'] },
    openLabel: 'Import',
    title: 'Import Articles from Web Pages',
  });
  if (!picked?.length) return undefined;
  const files: string[] = [];
  for (const uri of picked) {
    const stat = await vscode.workspace.fs.stat(uri);
    if (!(stat.type & vscode.FileType.Directory)) files.push(uri.fsPath);
    else {
      const entries = await vscode.workspace.fs.readDirectory(uri);
      for (const [name, type] of entries)
        if (type & vscode.FileType.File && PAGE.test(name)) files.push(path.join(uri.fsPath, name));
    }
  }
  return files.sort();
}

/** A worker thread that extracts articles for the length of one import; `dispose` ends it. */
function workerExtractor(extensionPath: string): {
  extract: (html: string) => Promise<WebPageExtract>;
  dispose: () => void;
} {
  const worker = new Worker(path.join(extensionPath, 'dist', 'webPageWorker.js'));
  const pending = new Map<number, { resolve: (r: WebPageExtract) => void; reject: (e: Error) => void }>();
  let next = 0;
  let dead: Error | undefined;
  const failAll = (e: Error) => {
    dead = e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('message', (m: WebPageResponse) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if ('error' in m) p?.reject(new Error(m.error));
    else p?.resolve(m.result);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the import worker stopped (exit code ${code})`)));
  const extract = (html: string) =>
    new Promise<WebPageExtract>((resolve, reject) => {
      if (dead) return reject(dead);
      const id = ++next;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, html });
    });
  return { extract, dispose: () => void worker.terminate() };
}

/** Tells what was imported and what was not (with each page's reason). */
function announce(results: WebPageFileResult[]): void {
  const done = results.filter((r) => r.ok);
  const failed = results.flatMap((r) => (r.ok ? [] : [`${path.basename(r.file)}: ${r.reason}`]));
  const notImported = failed.length ? `; ${failed.length} page(s) not imported` : '';
  if (done.length)
    void vscode.window.showInformationMessage(`Imported ${done.length} article(s) from web pages${notImported}.`);
  if (failed.length) void vscode.window.showWarningMessage(`Not imported (nothing written): ${failed.join('; ')}`);
}

/** The command; returns the Markdown files written, or undefined when cancelled or refused (Restricted Mode). */
export async function importWebPages(
  arg: unknown,
  tracker: ArticleTracker,
  extensionPath: string,
): Promise<string[] | undefined> {
  const o: ImportWebPagesOptions =
    arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) ? (arg as ImportWebPagesOptions) : {};
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(UNTRUSTED);
    return undefined;
  }
  // An Explorer menu passes the page's Uri.
  const given = arg instanceof vscode.Uri ? [arg.fsPath] : o.files?.map(toPath);
  const files = given ?? (await pickPages());
  if (!files) return undefined;
  if (!files.length) {
    void vscode.window.showInformationMessage('No saved web pages (.html) to import.');
    return [];
  }
  // The HTML libraries load in the worker, never at activation (their own bundle, dist/webPageImporter.js).
  const worker = workerExtractor(extensionPath);
  let results: WebPageFileResult[];
  try {
    results = await importWebPageFiles(files, o.out ? toPath(o.out) : undefined, { extract: worker.extract });
  } finally {
    worker.dispose();
  }
  announce(results);
  const written = results.flatMap((r) => (r.ok ? [r.written] : []));
  // The first article opens at once; marking the files as articles waits for the analysis worker.
  if (written.length) await vscode.window.showTextDocument(vscode.Uri.file(written[0]), { preview: false });
  for (const w of written) await tracker.treatAsArticle(vscode.Uri.file(w));
  return written;
}

/** Registers `articleAnnotator.importWebPages`; a failure is shown to the user, not thrown. */
export function registerWebPageImport(
  tracker: ArticleTracker,
  extensionPath: string,
  log: (l: string) => void,
): vscode.Disposable {
  return vscode.commands.registerCommand('articleAnnotator.importWebPages', async (arg?: unknown) => {
    try {
      return await importWebPages(arg, tracker, extensionPath);
    } catch (err) {
      log(`importing web pages failed: ${(err as Error).stack ?? err}`);
      void vscode.window.showErrorMessage(`Article Annotator: importing web pages failed: ${(err as Error).message}`);
      return undefined;
    }
  });
}
