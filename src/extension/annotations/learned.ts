// What the folder learned from the user, in the editor: suggestions from their tags and the model's proposals drawn in
// styles of their own, the machine suggestions the model doubts drawn dimmed, each with a hover that settles it, and
// the suggestions listed in the Problems panel with quick fixes. The learning itself is the core's (see engine.ts).
import * as vscode from 'vscode';
import type { DocumentView } from '../../core/corpus';
import { LEARNED_HOVER_COMMANDS, LearnedHoverItem, LearnedKind, learnedHoverText } from '../pure/learnedHover';
import { toRange, toUri } from '../vscodeAdapter';
import { DIAGNOSTIC_SOURCE } from './mergeReview';
import { LearnedItem, LearnedItems, NO_LEARNED } from './engine';

export const LEARNED_DIAGNOSTIC = 'learned-suggestion';

const STYLES: Record<LearnedKind, vscode.DecorationRenderOptions> = {
  // Suggested from your tags: a dashed box in the info colour, so it never looks like a detected entity.
  propagated: {
    border: '1px dashed',
    borderColor: new vscode.ThemeColor('editorInfo.foreground'),
    borderRadius: '2px',
    fontStyle: 'italic',
    overviewRulerColor: new vscode.ThemeColor('editorInfo.foreground'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  },
  // Proposed by the model (looks like your tags): dotted, in the hint colour.
  proposed: {
    border: '1px dotted',
    borderColor: new vscode.ThemeColor('editorHint.foreground'),
    borderRadius: '2px',
    fontStyle: 'italic',
  },
  // A machine suggestion the model doubts: dimmed, struck through faintly (the normal highlight is not drawn).
  demoted: { opacity: '0.55', textDecoration: 'underline dotted 1px' },
};

const KINDS: LearnedKind[] = ['propagated', 'proposed', 'demoted'];

function hoverMarkdown(item: LearnedHoverItem): vscode.MarkdownString {
  const md = new vscode.MarkdownString(learnedHoverText(item));
  // Only the links built by learnedHoverText run; the article text in it is escaped.
  md.isTrusted = { enabledCommands: LEARNED_HOVER_COMMANDS };
  md.supportHtml = false;
  md.supportThemeIcons = false;
  return md;
}

/** The learned suggestions of an article as hover items (what the links and quick fixes act on). */
export function hoverItems(uri: string, items: LearnedItems): LearnedHoverItem[] {
  return KINDS.flatMap((kind) => items[kind].map((x) => ({ kind, uri, ...x })));
}

export class LearnedPresentation implements vscode.Disposable {
  private readonly types = new Map<LearnedKind, vscode.TextEditorDecorationType>();
  /** The last learned suggestions of each article (drawn, hovered, listed). */
  private readonly last = new Map<string, LearnedItems>();
  readonly diagnostics = vscode.languages.createDiagnosticCollection('articleAnnotator.learned');

  constructor() {
    for (const k of KINDS)
      this.types.set(
        k,
        vscode.window.createTextEditorDecorationType({
          ...STYLES[k],
          rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
        }),
      );
  }

  itemsOf(uri: string): LearnedItems {
    return this.last.get(uri) ?? NO_LEARNED;
  }

  /** Shows an article's learned suggestions: in its visible editors, and in the Problems panel. */
  show(uri: string, items: LearnedItems): void {
    this.last.set(uri, items);
    for (const editor of vscode.window.visibleTextEditors)
      if (editor.document.uri.toString() === uri) this.draw(editor, items);
    this.list(uri, items);
  }

  /** The articles with learned suggestions shown. */
  uris(): string[] {
    return [...this.last.keys()];
  }

  forgetAll(): void {
    this.last.clear();
    this.diagnostics.clear();
  }

  private draw(editor: vscode.TextEditor, items: LearnedItems): void {
    const length = editor.document.getText().length;
    for (const [kind, type] of this.types)
      editor.setDecorations(
        type,
        items[kind].filter((x) => x.end <= length).map((x) => toRange(editor.document, x.start, x.end)),
      );
  }

  /** Suggestions (not the dimmed ones) as Information entries, so the Problems panel lists them with quick fixes. */
  private list(uri: string, items: LearnedItems): void {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    const entries = (['propagated', 'proposed'] as const).flatMap((kind) =>
      items[kind].map((x) => diagnosticOf(kind, x, doc)),
    );
    if (entries.length) this.diagnostics.set(toUri(uri), entries);
    else this.diagnostics.delete(toUri(uri));
  }

  /** The items at an offset, for hovers and quick fixes. */
  at(uri: string, start: number, end = start): LearnedHoverItem[] {
    return hoverItems(uri, this.itemsOf(uri)).filter((x) =>
      start === end ? x.start <= start && start < x.end : x.start < end && start < x.end,
    );
  }

  hover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const hits = this.at(doc.uri.toString(), doc.offsetAt(position));
    if (!hits.length) return undefined;
    return new vscode.Hover(hits.map(hoverMarkdown), toRange(doc, hits[0].start, hits[0].end));
  }

  dispose(): void {
    for (const t of this.types.values()) t.dispose();
    this.diagnostics.dispose();
  }
}

function diagnosticOf(kind: LearnedKind, x: LearnedItem, doc: vscode.TextDocument | undefined): vscode.Diagnostic {
  // Without an open document the position is worked out from the line breaks of the stored text.
  const range = doc ? toRange(doc, x.start, x.end) : rangeIn(x);
  const what = kind === 'propagated' ? 'Suggested from your tags' : 'Suggested (looks like your tags)';
  const d = new vscode.Diagnostic(
    range,
    `${what}: “${x.text.slice(0, 60)}” as ${x.type} (${x.reason}).`,
    vscode.DiagnosticSeverity.Information,
  );
  d.source = DIAGNOSTIC_SOURCE;
  d.code = `${LEARNED_DIAGNOSTIC}:${kind}`;
  return d;
}

function rangeIn(x: LearnedItem): vscode.Range {
  const before = x.line ?? { line: 0, character: x.start };
  return new vscode.Range(before.line, before.character, before.line, before.character + (x.end - x.start));
}

/** The commands a learned suggestion offers as quick fixes (the same as its hover's links). */
export function learnedFixes(items: LearnedHoverItem[], diagnostics: vscode.Diagnostic[]): vscode.CodeAction[] {
  const out: vscode.CodeAction[] = [];
  for (const x of items) {
    const args = [{ uri: x.uri, start: x.start, end: x.end, tag: x.type, text: x.text }];
    const mine = diagnostics.filter(
      (d) => typeof d.code === 'string' && d.code.startsWith(LEARNED_DIAGNOSTIC) && d.message.includes(x.text),
    );
    const action = (title: string, command: string, preferred = false) => {
      const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      a.command = { command: `articleAnnotator.${command}`, title, arguments: args };
      a.diagnostics = mine;
      a.isPreferred = preferred;
      out.push(a);
    };
    const q = `“${x.text.slice(0, 30)}”`;
    if (x.kind === 'demoted') {
      action(`Restore the suggestion ${q} (${x.type})`, 'restoreSuggestion');
      continue;
    }
    action(`Accept ${q} as ${x.type}`, 'acceptLearnedSuggestion', true);
    action(`Reject ${q} as ${x.type}`, 'rejectLearnedSuggestion');
    if (x.kind === 'propagated') {
      action(`Accept All ${q} as ${x.type} in the folder`, 'acceptAllLearnedSuggestions');
      action(`Reject All ${q} as ${x.type} in the folder`, 'rejectAllLearnedSuggestions');
    }
  }
  return out;
}

/** Removes from the machine's view what the model dimmed: it is drawn dimmed instead of highlighted. */
export function withoutDemoted(view: DocumentView, items: LearnedItems): DocumentView {
  if (!items.demoted.length) return view;
  const dimmed = (e: { start: number; end: number; type: string }) =>
    items.demoted.some((d) => d.start === e.start && d.end === e.end && d.type === e.type.toLowerCase());
  return { ...view, entities: view.entities.filter((e) => !dimmed(e)) };
}
