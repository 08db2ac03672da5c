// Status-bar counts for the active article: people, organisations, places, nationalities, dates, and why its
// publication date is unknown when the core knows (text and tooltip from pure/statusText.ts).
import * as vscode from 'vscode';
import type { DocumentView } from '../core/corpus';
import { statusText } from './pure/statusText';

export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('articleAnnotator.counts', vscode.StatusBarAlignment.Right, 100);

  constructor() {
    this.item.name = 'Article Annotator';
    this.item.command = 'articleAnnotator.toggleHighlights';
  }

  show(view: DocumentView | null, enabled: boolean): void {
    if (!view) {
      this.item.hide();
      return;
    }
    const { text, tooltip } = statusText(view, enabled);
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: tooltip };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
