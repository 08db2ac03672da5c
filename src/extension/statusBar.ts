// Status-bar counts for the active article: people, organisations, places, nationalities, dates.
import * as vscode from 'vscode';
import type { DocumentView } from '../core/corpus';

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
    const { PERSON: people, ORGANIZATION: orgs, PLACE: places, NATIONALITY: nat, dates } = view.counts;
    this.item.text =
      `$(person) ${people} $(organization) ${orgs} $(location) ${places} $(globe) ${nat} $(calendar) ${dates}` +
      (enabled ? '' : ' $(eye-closed)');
    const pub = view.published
      ? `published ${view.published.value} (${view.published.reason})`
      : 'publication date unknown';
    this.item.tooltip =
      `Article Annotator — ${people} people, ${orgs} organisations, ${places} places, ${nat} nationalities, ` +
      `${dates} dates; ${pub}. Click to ${enabled ? 'hide' : 'show'} highlights.`;
    this.item.accessibilityInformation = { label: this.item.tooltip };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
