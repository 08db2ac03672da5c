// Reads the extension's settings in one place; features subscribe to changes through onDidChange.
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

export function onSettingsChanged(listener: (s: Settings) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SECTION)) listener(readSettings());
  });
}
