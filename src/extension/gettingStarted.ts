// First steps of a new user: the sample articles shipped in the package, "Treat Folder as Articles",
// the context keys behind the side bar's welcome text and the Get Started walkthrough.
import * as path from 'path';
import * as vscode from 'vscode';
import type { DocumentView } from '../core/corpus';
import type { ArticleTracker } from './articles';
import { addArticleGlob, associateWithNewsArticle } from './config';

export const OPEN_SAMPLES = 'articleAnnotator.openSampleArticles';
export const TREAT_FOLDER = 'articleAnnotator.treatFolderAsArticles';
/** True once the index holds at least one article: the side bar's welcome text depends on it. */
export const HAS_ARTICLES = 'articleAnnotator.hasArticles';
/**
 * Set when the user first hovers a date: completes the walkthrough's "hover a date" step. (VS Code 1.100
 * ignores an onContext event whose key was already true when it registered the walkthrough, so keys used
 * there must turn true on a user action, never at startup.)
 */
export const DATE_HOVERED = 'articleAnnotator.walkthrough.dateHovered';

/**
 * The samples go to `<picked folder>/article-annotator-samples/articles/`: opened as a workspace, that folder
 * has an `articles/` folder, which the default article globs and the activation events look for.
 */
const SAMPLES_FOLDER = 'article-annotator-samples';
const SAMPLES_ARTICLES = 'articles';
/** A samples folder "Open Sample Articles" opened as a workspace: its first sample is opened on activation there. */
const PENDING_SAMPLES_KEY = 'articleAnnotator.pendingSampleFolder';

type View = (uri: vscode.Uri, range?: { start: number; end: number }) => Promise<DocumentView | null>;

export interface OpenSamplesOptions {
  /** The folder to copy into (the samples land in `<target>/article-annotator-samples/articles`); asked for when absent. */
  target?: vscode.Uri | string;
}

export interface OpenSamplesResult {
  /** The folder that holds the samples. */
  folder: string;
  /** Every sample now in the folder (copied now or already there: an existing file is never overwritten). */
  files: string[];
  /** True when the samples were outside the workspace, so their folder was opened as the workspace (a new window when one was open). */
  openedWindow: boolean;
}

export function registerGettingStarted(
  context: vscode.ExtensionContext,
  tracker: ArticleTracker,
  view: View,
): vscode.Disposable[] {
  const disposables: vscode.Disposable[] = [
    vscode.commands.registerCommand(OPEN_SAMPLES, (options?: OpenSamplesOptions) =>
      openSampleArticles(context, options),
    ),
    vscode.commands.registerCommand(TREAT_FOLDER, (arg?: vscode.Uri | { uri?: vscode.Uri | string }) =>
      treatFolderAsArticles(arg),
    ),
    trackHasArticles(tracker, view),
    watchDateHover(tracker, view),
  ];
  void openPendingSample(context);
  return disposables;
}

function toUri(u: vscode.Uri | string): vscode.Uri {
  return typeof u === 'string' ? (/^[a-z][a-z0-9+.-]+:/i.test(u) ? vscode.Uri.parse(u, true) : vscode.Uri.file(u)) : u;
}

function insideWorkspace(uri: vscode.Uri): boolean {
  return vscode.workspace.getWorkspaceFolder(uri) !== undefined;
}

/** Copies the seeds that ship in the package into a folder of the user's, then opens the first one. */
export async function openSampleArticles(
  context: vscode.ExtensionContext,
  options: OpenSamplesOptions = {},
): Promise<OpenSamplesResult | undefined> {
  const parent = options.target ? toUri(options.target) : await askForSampleFolder();
  if (!parent) return undefined;
  const root = vscode.Uri.joinPath(parent, SAMPLES_FOLDER);
  const folder = vscode.Uri.joinPath(root, SAMPLES_ARTICLES);
  let files: vscode.Uri[];
  try {
    files = await copySeeds(vscode.Uri.joinPath(context.extensionUri, 'seeds'), folder);
  } catch (err) {
    void vscode.window.showErrorMessage(
      `Article Annotator: could not copy the sample articles to ${folder.fsPath}: ${(err as Error).message}`,
    );
    return undefined;
  }
  if (!files.length) {
    void vscode.window.showErrorMessage(
      'Article Annotator: the sample articles are missing from the installed extension.',
    );
    return undefined;
  }
  if (insideWorkspace(folder)) {
    // The folder watcher indexes the copies; opening one shows the highlights at once.
    const doc = await vscode.workspace.openTextDocument(files[0]);
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('revealInExplorer', files[0]);
    return { folder: folder.toString(), files: files.map(String), openedWindow: false };
  }
  await context.globalState.update(PENDING_SAMPLES_KEY, root.toString());
  await vscode.commands.executeCommand('vscode.openFolder', root, {
    forceNewWindow: vscode.workspace.workspaceFolders !== undefined,
  });
  return { folder: folder.toString(), files: files.map(String), openedWindow: true };
}

async function askForSampleFolder(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    openLabel: 'Copy Sample Articles Here',
    title: `Folder for the sample articles (they go into ${SAMPLES_FOLDER}/ there)`,
  });
  return picked?.[0];
}

async function copySeeds(from: vscode.Uri, to: vscode.Uri): Promise<vscode.Uri[]> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(from);
  } catch {
    return [];
  }
  await vscode.workspace.fs.createDirectory(to);
  const copied: vscode.Uri[] = [];
  for (const [name, type] of entries.sort(([a], [b]) => a.localeCompare(b))) {
    if (type !== vscode.FileType.File || !name.endsWith('.txt')) continue;
    const target = vscode.Uri.joinPath(to, name);
    // A sample the user already has (and may have annotated) stays as it is.
    const exists = await vscode.workspace.fs.stat(target).then(
      () => true,
      () => false,
    );
    if (!exists) await vscode.workspace.fs.copy(vscode.Uri.joinPath(from, name), target, { overwrite: false });
    copied.push(target);
  }
  return copied;
}

/** After "Open Sample Articles" opened a new window on the samples, shows the first one there. */
async function openPendingSample(context: vscode.ExtensionContext): Promise<void> {
  const pending = context.globalState.get<string>(PENDING_SAMPLES_KEY);
  if (!pending) return;
  const root = vscode.Uri.parse(pending, true);
  if (!vscode.workspace.workspaceFolders?.some((f) => f.uri.toString() === root.toString())) return;
  await context.globalState.update(PENDING_SAMPLES_KEY, undefined);
  const folder = vscode.Uri.joinPath(root, SAMPLES_ARTICLES);
  const [first] = (await vscode.workspace.fs.readDirectory(folder).then(undefined, () => []))
    .filter(([n, t]) => t === vscode.FileType.File && n.endsWith('.txt'))
    .map(([n]) => n)
    .sort();
  if (first) await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, first), { preview: false });
}

/** The glob that makes every .txt and .md file under `folder` an article, or an error for the user. */
export function folderGlob(folder: vscode.Uri): { glob: string } | { error: string } {
  const ws = vscode.workspace.getWorkspaceFolder(folder);
  if (!ws) return { error: 'Pick a folder inside the open workspace: only its files are scanned for articles.' };
  const rel = path.posix.relative(ws.uri.path, folder.path) || path.posix.basename(ws.uri.path);
  // Glob metacharacters in a folder name would change the pattern's meaning; "?" matches them literally enough.
  const safe = rel.replace(/[*?{}[\],]/g, '?');
  // Matched against absolute paths (see ArticleTracker), so "**/" anchors it to a folder of that name.
  return { glob: `**/${safe}/**/*.{txt,md}` };
}

/** Adds the folder's glob to the workspace's `articleAnnotator.articleGlobs` and its .txt files to the news-article language. */
export async function treatFolderAsArticles(
  arg?: vscode.Uri | { uri?: vscode.Uri | string },
): Promise<string | undefined> {
  const given = arg instanceof vscode.Uri ? arg : arg?.uri !== undefined ? toUri(arg.uri) : undefined;
  const folder = given ?? (await askForArticleFolder());
  if (!folder) return undefined;
  const result = folderGlob(folder);
  if ('error' in result) {
    void vscode.window.showErrorMessage(`Article Annotator: ${result.error}`);
    return undefined;
  }
  await addArticleGlob(result.glob);
  // Plain-text articles get the prose defaults (word wrap...) of the news-article language; Markdown keeps its own.
  await associateWithNewsArticle(result.glob.replace(/\{txt,md\}$/, 'txt'));
  void vscode.window.showInformationMessage(
    `Article Annotator: the .txt and .md files under ${vscode.workspace.asRelativePath(folder)} are now articles (${result.glob}).`,
  );
  return result.glob;
}

async function askForArticleFolder(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    openLabel: 'Treat as Articles',
    title: 'Which folder holds articles? (its .txt and .md files, one article a file)',
  });
  return picked?.[0];
}

/** Keeps HAS_ARTICLES in step with the index: the welcome text of the side bar explains articles until one is found. */
function trackHasArticles(tracker: ArticleTracker, view: View): vscode.Disposable {
  const indexed = new Set<string>();
  let shown: boolean | undefined;
  return tracker.onDidChange(async (paths) => {
    for (const p of paths) {
      // An empty range: only whether it is indexed matters.
      if (
        await view(vscode.Uri.parse(p, true), { start: -1, end: -1 }).then(
          (v) => !!v,
          () => false,
        )
      )
        indexed.add(p);
      else indexed.delete(p);
    }
    const has = indexed.size > 0;
    if (has !== shown) {
      shown = has;
      await vscode.commands.executeCommand('setContext', HAS_ARTICLES, has);
    }
  });
}

/**
 * Sets DATE_HOVERED the first time the user hovers a date in an article. Hovers run no command, so the
 * walkthrough step needs a context key; this provider adds nothing to the hover and retires once it fired.
 */
function watchDateHover(tracker: ArticleTracker, view: View): vscode.Disposable {
  let done = false;
  const provider = vscode.languages.registerHoverProvider([{ scheme: 'file' }, { scheme: 'vscode-remote' }], {
    async provideHover(doc, position) {
      if (done || !tracker.isArticle(doc.uri)) return undefined;
      const offset = doc.offsetAt(position);
      const v = await view(doc.uri, { start: offset, end: offset });
      if (v?.dates.some((d) => d.start <= offset && offset < d.end)) {
        done = true;
        await vscode.commands.executeCommand('setContext', DATE_HOVERED, true);
        provider.dispose();
      }
      return undefined;
    },
  });
  return provider;
}
