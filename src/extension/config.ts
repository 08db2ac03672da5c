// Reads (and, for the highlight toggle, writes) the extension's settings in one place: no other module calls
// vscode.workspace.getConfiguration. Features subscribe to changes through onSettingsChanged.
import * as vscode from 'vscode';

export interface Settings {
  articleGlobs: string[];
  highlightsEnabled: boolean;
  maxFileSizeMB: number;
  debounceMs: number;
}

const SECTION = 'articleAnnotator';

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration(SECTION);
  return {
    articleGlobs: c.get<string[]>('articleGlobs', ['**/seeds/**/*.txt', '**/articles/**/*.{txt,md}']),
    highlightsEnabled: c.get<boolean>('highlights.enabled', true),
    maxFileSizeMB: c.get<number>('maxFileSizeMB', 20),
    debounceMs: c.get<number>('debounceMs', 300),
  };
}

/** Rows each list of the side bar shows before its "Show more" row (`articleAnnotator.views.pageSize`). */
export function viewPageSize(): number {
  return vscode.workspace.getConfiguration(SECTION).get<number>('views.pageSize', 200);
}

/** Tags the user added to the built-in ones (`articleAnnotator.customTags`). */
export function customTags(): string[] {
  return vscode.workspace.getConfiguration(SECTION).get<string[]>('customTags', []);
}

/**
 * The folder sidecars are mirrored under, relative to the workspace
 * folder of `scope`; '' when they sit beside their articles.
 */
export function sidecarFolder(scope: vscode.Uri): string {
  return vscode.workspace.getConfiguration(SECTION, scope).get<string>('sidecarFolder', '').trim();
}

/** Remembers the highlight toggle for every workspace (user settings). */
export async function setHighlightsEnabled(enabled: boolean): Promise<void> {
  await vscode.workspace
    .getConfiguration(SECTION)
    .update('highlights.enabled', enabled, vscode.ConfigurationTarget.Global);
}

/** Makes the files matching `glob` articles in this workspace (Treat Folder as Articles). */
export async function addArticleGlob(glob: string): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const globs = config.get<string[]>('articleGlobs', []);
  if (!globs.includes(glob))
    await config.update('articleGlobs', [...globs, glob], vscode.ConfigurationTarget.Workspace);
}

/** Opens the files matching `glob` in the news-article language (workspace `files.associations`). */
export async function associateWithNewsArticle(glob: string): Promise<void> {
  const files = vscode.workspace.getConfiguration('files');
  const associations = { ...(files.inspect<Record<string, string>>('associations')?.workspaceValue ?? {}) };
  if (associations[glob] === 'news-article') return;
  associations[glob] = 'news-article';
  await files.update('associations', associations, vscode.ConfigurationTarget.Workspace);
}

export function onSettingsChanged(listener: (s: Settings) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SECTION)) listener(readSettings());
  });
}
