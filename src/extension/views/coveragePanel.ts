// The coverage matrix webview: one panel, redrawn when the index changes; cell clicks open the mention.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { MentionRef } from '../../core/model';
import type { CorpusClient } from '../corpusClient';
import { coverageHtml, isCoverageClick, isCoverageReady } from '../pure/coverageHtml';
import type { CoverageMatrix } from '../pure/viewModel';

export class CoveragePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private matrix: CoverageMatrix = { articles: [], rows: [], total: { events: 0, articles: 0 } };

  constructor(
    private readonly client: CorpusClient,
    private readonly openMention: (ref: MentionRef) => Promise<void>,
    private readonly log: (line: string) => void,
  ) {}

  /** Cell buttons the page reported after its script ran; undefined until the current page has reported. */
  renderedButtons: number | undefined;

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** Opens (or reveals) the panel and draws the current matrix; returns what it drew. */
  async show(): Promise<CoverageMatrix> {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        'articleAnnotator.coverage',
        'Event Coverage',
        vscode.ViewColumn.Active,
        {
          enableScripts: true,
          enableCommandUris: false,
          localResourceRoots: [],
          retainContextWhenHidden: false,
        },
      );
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((msg: unknown) => {
        if (isCoverageReady(msg)) this.renderedButtons = msg.buttons;
        else if (isCoverageClick(msg)) void this.openCell(msg.row, msg.col);
      });
    } else {
      this.panel.reveal();
    }
    await this.redraw();
    return this.matrix;
  }

  /** What a click on a cell does: opens the first mention of that event in that article. */
  async openCell(row: number, col: number): Promise<MentionRef | null> {
    const cell = this.matrix.rows[row]?.cells.find((c) => c.col === col);
    if (!cell) return null;
    await this.openMention(cell.first);
    return cell.first;
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
    this.renderedButtons = undefined;
    panel.webview.html = coverageHtml(this.matrix, randomBytes(16).toString('hex'), panel.webview.cspSource);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
