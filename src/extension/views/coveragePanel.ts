// The coverage matrix webview: one panel, redrawn when the index changes; cell clicks open the mention.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { MentionRef } from '../../core/model';
import type { CorpusClient } from '../corpusClient';
import { coverageHtml, isCoverageClick } from './coverageHtml';
import type { CoverageMatrix } from './viewModel';

export class CoveragePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private matrix: CoverageMatrix = { articles: [], rows: [] };

  constructor(private readonly client: CorpusClient, private readonly openMention: (ref: MentionRef) => Promise<void>, private readonly log: (line: string) => void) {}

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** Opens (or reveals) the panel and draws the current matrix; returns what it drew. */
  async show(): Promise<CoverageMatrix> {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('articleAnnotator.coverage', 'Event Coverage', vscode.ViewColumn.Active, {
        enableScripts: true,
        enableCommandUris: false,
        localResourceRoots: [],
        retainContextWhenHidden: false,
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((msg: unknown) => {
        if (!isCoverageClick(msg)) return;
        const cell = this.matrix.rows[msg.row]?.cells[msg.col];
        if (cell) void this.openMention(cell.first);
      });
    } else {
      this.panel.reveal();
    }
    await this.redraw();
    return this.matrix;
  }

  async redraw(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    try {
      this.matrix = await this.client.request('coverage', {});
    } catch (err) {
      this.log(`coverage failed: ${(err as Error).message}`);
    }
    // A fresh nonce per render: the policy only ever trusts the script written just now.
    panel.webview.html = coverageHtml(this.matrix, randomBytes(16).toString('hex'), panel.webview.cspSource);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
