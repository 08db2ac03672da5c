// Highlights in visible article editors: one decoration type per kind, created once, redrawn on
// editor switch at once and after edits once the worker has re-analysed the article.
import * as vscode from 'vscode';
import type { DocumentView } from '../core/corpus';
import { Span } from '../core/model';
import { toRange } from './vscodeAdapter';

/** Characters above which an article counts as large and only its visible part is decorated. */
const LARGE_DOCUMENT = 200_000;
const MARGIN = 20_000;

/** The document's length without building its text. */
function documentLength(doc: vscode.TextDocument): number {
  return doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
}

type Kind = 'PERSON' | 'ORGANIZATION' | 'PLACE' | 'NATIONALITY' | 'DATE' | 'BOILERPLATE';

// Colour alone never carries the kind: each has its own underline style too.
const STYLES: Record<Kind, vscode.DecorationRenderOptions> = {
  PERSON: {
    borderStyle: 'solid',
    borderWidth: '0 0 2px 0',
    borderColor: new vscode.ThemeColor('articleAnnotator.person'),
    color: new vscode.ThemeColor('articleAnnotator.personText'),
  },
  ORGANIZATION: {
    borderStyle: 'double',
    borderWidth: '0 0 3px 0',
    borderColor: new vscode.ThemeColor('articleAnnotator.organization'),
    color: new vscode.ThemeColor('articleAnnotator.organizationText'),
  },
  PLACE: {
    borderStyle: 'dashed',
    borderWidth: '0 0 2px 0',
    borderColor: new vscode.ThemeColor('articleAnnotator.place'),
    color: new vscode.ThemeColor('articleAnnotator.placeText'),
  },
  NATIONALITY: {
    borderStyle: 'dotted',
    borderWidth: '0 0 2px 0',
    borderColor: new vscode.ThemeColor('articleAnnotator.nationality'),
    color: new vscode.ThemeColor('articleAnnotator.nationalityText'),
  },
  DATE: {
    outlineStyle: 'dotted',
    outlineWidth: '1px',
    outlineColor: new vscode.ThemeColor('articleAnnotator.date'),
    backgroundColor: new vscode.ThemeColor('articleAnnotator.dateBackground'),
  },
  BOILERPLATE: { opacity: '0.45', fontStyle: 'italic' },
};

export class Decorations implements vscode.Disposable {
  private readonly types = new Map<Kind, vscode.TextEditorDecorationType>();
  private enabled: boolean;
  private readonly scrollTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    enabled: boolean,
    private readonly viewFor: (uri: vscode.Uri, range?: Span) => Promise<DocumentView | null>,
  ) {
    this.enabled = enabled;
    for (const kind of Object.keys(STYLES) as Kind[]) {
      this.types.set(
        kind,
        vscode.window.createTextEditorDecorationType({
          ...STYLES[kind],
          rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
        }),
      );
    }
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  setEnabled(on: boolean): void {
    this.enabled = on;
    void this.redrawAll();
  }

  async redrawAll(): Promise<void> {
    await Promise.all(vscode.window.visibleTextEditors.map((e) => this.redraw(e)));
  }

  async redrawUris(keys: Set<string>): Promise<void> {
    await Promise.all(
      vscode.window.visibleTextEditors.filter((e) => keys.has(e.document.uri.toString())).map((e) => this.redraw(e)),
    );
  }

  async redraw(editor: vscode.TextEditor): Promise<void> {
    const view = this.enabled ? await this.viewFor(editor.document.uri, Decorations.visibleSpan(editor)) : null;
    // The editor may have been closed or switched while the worker answered.
    if (!vscode.window.visibleTextEditors.includes(editor)) return;
    const doc = editor.document;
    const ranges = new Map<Kind, vscode.Range[]>();
    for (const k of this.types.keys()) ranges.set(k, []);
    const range = (s: Span) => toRange(doc, s.start, s.end);
    if (view) {
      for (const e of view.entities) ranges.get(e.type)?.push(range(e));
      for (const d of view.dates) ranges.get('DATE')!.push(range(d));
      for (const b of view.boilerplate) ranges.get('BOILERPLATE')!.push(range(b));
    }
    for (const [kind, type] of this.types) editor.setDecorations(type, ranges.get(kind)!);
  }

  /**
   * For a large article only what is on screen (with a margin) is drawn, so that neither the worker's
   * answer nor building the ranges blocks the extension host; scrolling redraws (see onScroll).
   */
  static visibleSpan(editor: vscode.TextEditor): Span | undefined {
    const doc = editor.document;
    if (documentLength(doc) <= LARGE_DOCUMENT || !editor.visibleRanges.length) return undefined;
    const first = doc.offsetAt(editor.visibleRanges[0].start);
    const last = doc.offsetAt(editor.visibleRanges[editor.visibleRanges.length - 1].end);
    return { start: Math.max(0, first - MARGIN), end: last + MARGIN };
  }

  /** Redraws a large article when it scrolls, debounced; small ones are drawn whole already. */
  onScroll(editor: vscode.TextEditor): void {
    if (documentLength(editor.document) <= LARGE_DOCUMENT) return;
    const key = editor.document.uri.toString();
    clearTimeout(this.scrollTimers.get(key));
    this.scrollTimers.set(
      key,
      setTimeout(() => void this.redraw(editor), 100),
    );
  }

  dispose(): void {
    for (const t of this.scrollTimers.values()) clearTimeout(t);
    for (const t of this.types.values()) t.dispose();
  }
}
