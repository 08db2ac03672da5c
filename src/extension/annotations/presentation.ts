// How user annotations show: solid highlights with a gutter mark, hovers with tag/note/event, the Annotations tree,
// orphans, broken sidecars and what a merge left for review in the Problems panel with quick fixes.
import * as path from 'path';
import * as vscode from 'vscode';
import { annotationHoverText, LinkedEventNow, OPEN_MENTION_COMMAND } from '../pure/hoverText';
import type { CorpusClient } from '../corpusClient';
import { linkedEventNow } from './eventLinks';
import { fromRange, lineStart, toRange, toUri } from '../vscodeAdapter';
import { AnnotationManager, ArticleState } from './manager';
import { DIAGNOSTIC_SOURCE, conflictDiagnostic, mergeFixes, reviewDiagnostic } from './mergeReview';
import type { DecisionRecord } from '../../core/sidecar/decisions';
import type { LiveAnnotation } from './types';
import type { LearnedHoverItem } from '../pure/learnedHover';
import { learnedFixes } from './learned';

export { DIAGNOSTIC_SOURCE } from './mergeReview';

/**
 * The hover of a user annotation, untrusted: its text is escaped (see annotationHoverText) and the only command it
 * may run is opening the linked event's mention in another article.
 */
export function annotationHoverMarkdown(a: LiveAnnotation, now?: LinkedEventNow): vscode.MarkdownString {
  const md = new vscode.MarkdownString(annotationHoverText(a, now));
  md.isTrusted = now?.open ? { enabledCommands: [OPEN_MENTION_COMMAND] } : false;
  md.supportHtml = false;
  md.supportThemeIcons = false;
  return md;
}

export class AnnotationDecorations implements vscode.Disposable {
  private readonly user: vscode.TextEditorDecorationType;
  private readonly rejected: vscode.TextEditorDecorationType;

  constructor(
    extensionPath: string,
    private readonly manager: AnnotationManager,
  ) {
    this.user = vscode.window.createTextEditorDecorationType({
      backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
      border: '1px solid',
      borderColor: new vscode.ThemeColor('editorWarning.foreground'),
      borderRadius: '2px',
      gutterIconPath: vscode.Uri.file(path.join(extensionPath, 'media', 'annotation.svg')),
      gutterIconSize: 'contain',
      overviewRulerColor: new vscode.ThemeColor('editorWarning.foreground'),
      overviewRulerLane: vscode.OverviewRulerLane.Center,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
    // A rejected suggestion is not highlighted (the suggestion layer filters it); a faint strike says why it is plain.
    this.rejected = vscode.window.createTextEditorDecorationType({
      textDecoration: 'line-through 1px',
      opacity: '0.9',
    });
  }

  redraw(editor: vscode.TextEditor): void {
    const st = this.manager.get(editor.document.uri.toString());
    const doc = editor.document;
    const length = doc.getText().length;
    const live = (st?.live ?? []).filter((a) => !a.orphan && a.end <= length);
    const range = (a: LiveAnnotation) => toRange(doc, a.start, a.end);
    editor.setDecorations(this.user, live.filter((a) => a.status !== 'rejected').map(range));
    editor.setDecorations(this.rejected, live.filter((a) => a.status === 'rejected').map(range));
  }

  redrawAll(): void {
    for (const e of vscode.window.visibleTextEditors) this.redraw(e);
  }

  dispose(): void {
    this.user.dispose();
    this.rejected.dispose();
  }
}

export function registerAnnotationHover(
  manager: AnnotationManager,
  client: CorpusClient,
  selector: vscode.DocumentSelector,
): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, {
    async provideHover(doc, position) {
      const st = manager.get(doc.uri.toString());
      if (!st) return undefined;
      const off = doc.offsetAt(position);
      const hits = st.live.filter((a) => !a.orphan && a.start <= off && off < a.end);
      if (!hits.length) return undefined;
      // A linked event is shown as the folder has it now, found again if its id changed.
      const path = doc.uri.toString();
      const now = await Promise.all(hits.map((a) => (a.event ? linkedEventNow(client, a.event, path) : undefined)));
      const parts = hits.map((a, i) => annotationHoverMarkdown(a, now[i]));
      return new vscode.Hover(parts, toRange(doc, hits[0].start, hits[0].end));
    },
  });
}

type Node =
  | { kind: 'article'; uri: string; count: number }
  | { kind: 'annotation'; a: LiveAnnotation }
  | { kind: 'broken'; uri: string; sidecar: string; message: string }
  | { kind: 'decisions'; count: number; broken: string | null }
  | { kind: 'decision'; d: DecisionRecord };

export class AnnotationTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly manager: AnnotationManager) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const problem = this.manager.folderSidecarProblem();
      const count = this.manager.decisions().length;
      const decisions: Node[] =
        count || problem ? [{ kind: 'decisions', count, broken: problem?.broken.message ?? null }] : [];
      return decisions.concat(this.articleNodes());
    }
    // Newest first: the one to undo is usually the last one made.
    if (node.kind === 'decisions')
      return [...this.manager.decisions()].reverse().map((d): Node => ({ kind: 'decision', d }));
    if (node.kind === 'article')
      return [...(this.manager.get(node.uri)?.live ?? [])]
        .sort((a, b) => a.start - b.start)
        .map((a) => ({ kind: 'annotation', a }));
    return [];
  }

  private articleNodes(): Node[] {
    return this.manager
      .all()
      .filter((s) => s.live.length || s.broken)
      .sort((a, b) => a.uri.localeCompare(b.uri))
      .map((s): Node =>
        s.broken
          ? { kind: 'broken', uri: s.uri, sidecar: s.sidecar, message: s.broken.message }
          : { kind: 'article', uri: s.uri, count: s.live.length },
      );
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'decisions') return decisionsItem(node.count, node.broken);
    if (node.kind === 'decision') return decisionItem(node.d);
    if (node.kind === 'article') {
      const uri = toUri(node.uri);
      const item = new vscode.TreeItem(path.basename(uri.fsPath), vscode.TreeItemCollapsibleState.Expanded);
      item.resourceUri = uri;
      item.description = `${node.count} annotation${node.count === 1 ? '' : 's'}`;
      item.contextValue = 'article';
      return item;
    }
    if (node.kind === 'broken') {
      const item = new vscode.TreeItem(path.basename(toUri(node.uri).fsPath), vscode.TreeItemCollapsibleState.None);
      item.description = `annotations file is broken: ${node.message}`;
      item.iconPath = new vscode.ThemeIcon('error');
      item.command = {
        command: 'articleAnnotator.openSidecar',
        title: 'Open Annotations File',
        arguments: [{ uri: node.uri }],
      };
      return item;
    }
    const a = node.a;
    const label = a.exact.length > 60 ? a.exact.slice(0, 57) + '…' : a.exact;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.description = [
      a.status === 'rejected' ? 'rejected' : a.tag,
      a.event?.label,
      a.note,
      a.orphan ? 'orphaned' : '',
    ]
      .filter(Boolean)
      .join(' · ');
    item.iconPath = new vscode.ThemeIcon(
      a.orphan ? 'warning' : a.status === 'rejected' ? 'close' : a.note ? 'note' : 'tag',
    );
    item.contextValue = 'annotation';
    item.tooltip = annotationHoverMarkdown(a);
    item.command = {
      command: 'articleAnnotator.revealAnnotation',
      title: 'Reveal',
      arguments: [{ uri: a.uri, id: a.id }],
    };
    return item;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/** The Decisions row: what the folder learns from, or why it learns nothing while the folder sidecar is broken. */
function decisionsItem(count: number, broken: string | null): vscode.TreeItem {
  const item = new vscode.TreeItem('Decisions', vscode.TreeItemCollapsibleState.Collapsed);
  item.description = broken
    ? `folder.annotations.yaml is broken, not applied (suggestions from the rules alone): ${broken}`
    : `${count} the suggestions learn from`;
  item.iconPath = new vscode.ThemeIcon(broken ? 'error' : 'history');
  item.contextValue = broken ? 'decisionsBroken' : 'decisions';
  item.tooltip =
    'Your accepts, rejects and tags, kept in folder.annotations.yaml (shared through git). ' +
    'Suggestions in every article of the folder follow them.';
  return item;
}

const VERB: Record<DecisionRecord['action'], string> = {
  accept: 'accepted as',
  reject: 'rejected as',
  tag: 'tagged',
};

function decisionItem(d: DecisionRecord): vscode.TreeItem {
  const label = `“${d.text.length > 50 ? d.text.slice(0, 49) + '…' : d.text}”`;
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  const where = d.scope === 'folder' ? 'whole folder' : path.basename(d.article);
  item.description = [`${VERB[d.action]} ${d.tag}`, where, d.author, d.created.slice(0, 10)]
    .filter(Boolean)
    .join(' · ');
  item.iconPath = new vscode.ThemeIcon(d.action === 'reject' ? 'close' : d.action === 'accept' ? 'check' : 'tag');
  item.contextValue = 'decision';
  item.id = `decision:${d.id}`;
  item.tooltip = `${d.article}: “${d.quote.prefix.slice(-20)}[${d.text}]${d.quote.suffix.slice(0, 20)}”`;
  return item;
}

/**
 * Orphaned annotations and unreadable sidecars, as problems of the article (orphans) and of the sidecar (YAML errors).
 */
export class AnnotationProblems implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('articleAnnotator.annotations');

  constructor(private readonly manager: AnnotationManager) {}

  async update(uri: string): Promise<void> {
    const st = this.manager.get(uri);
    const article = toUri(uri);
    if (!st) return;
    const sidecarUri = vscode.Uri.file(st.sidecar);
    if (st.broken) this.collection.set(sidecarUri, [brokenDiagnostic(st.broken)]);
    else this.collection.delete(sidecarUri);
    const orphans = st.live.filter((a) => a.orphan);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    const review = st.live.filter((a) => a.review === 'conflict').map((a) => reviewDiagnostic(a, st.live, doc));
    this.collection.set(
      article,
      orphans
        .map((a) => {
          const d = new vscode.Diagnostic(
            lineStart(0),
            `Annotation “${a.exact.slice(0, 60)}”${a.tag ? ` (${a.tag})` : ''} lost its place: ` +
              'its text is no longer in the article. Select where it belongs and re-anchor, or delete it.',
            vscode.DiagnosticSeverity.Warning,
          );
          d.source = DIAGNOSTIC_SOURCE;
          d.code = `orphan:${a.id}`;
          return d;
        })
        .concat(review),
    );
  }

  /**
   * The folder sidecar (entity merges, decisions) while it does not parse: with the quick fix that merges it when it
   * holds conflict markers, else saying that the decisions wait and suggestions come from the rules meanwhile.
   */
  updateFolder(): void {
    const problem = this.manager.folderSidecarProblem();
    if (problem) this.collection.set(vscode.Uri.file(problem.sidecar), [brokenDiagnostic(problem.broken, true)]);
    else if (this.folderSidecar) this.collection.delete(vscode.Uri.file(this.folderSidecar));
    this.folderSidecar = problem?.sidecar ?? null;
  }

  private folderSidecar: string | null = null;

  dispose(): void {
    this.collection.dispose();
  }
}

/** A sidecar that does not parse (one holding git's conflict markers has its own entry, see mergeReview.ts). */
function brokenDiagnostic(broken: NonNullable<ArticleState['broken']>, folder = false): vscode.Diagnostic {
  const line = Math.max(0, (broken.line ?? 1) - 1);
  const range = new vscode.Range(line, 0, line, 1000);
  if (broken.conflict) return conflictDiagnostic(range);
  const consequence = folder
    ? 'your decisions and entity merges are not applied (suggestions come from the rules alone) and none are ' +
      'recorded until it is fixed.'
    : 'annotating this article is refused until it is fixed.';
  const d = new vscode.Diagnostic(
    range,
    `Annotations file does not parse (line ${broken.line ?? '?'}): ${broken.message}. It is left untouched; ` +
      consequence,
    vscode.DiagnosticSeverity.Error,
  );
  d.source = DIAGNOSTIC_SOURCE;
  d.code = 'broken-sidecar';
  return d;
}

export function registerQuickFixes(
  manager: AnnotationManager,
  selector: vscode.DocumentSelector,
  learnedAt: (uri: string, start: number, end: number) => LearnedHoverItem[],
): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    selector,
    {
      // Orphans are offered wherever the user selects text (the diagnostic itself sits at the top of the article).
      provideCodeActions(doc, range) {
        const orphans = (manager.get(doc.uri.toString())?.live ?? []).filter((a) => a.orphan);
        const diagnostics = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
        const out = mergeFixes(doc, diagnostics, manager.get(doc.uri.toString())?.live ?? []);
        const { start, end } = fromRange(doc, range);
        out.push(...learnedFixes(learnedAt(doc.uri.toString(), start, end), diagnostics));
        for (const a of orphans) {
          const diag = diagnostics.filter((d) => d.code === `orphan:${a.id}`);
          const short = a.exact.length > 30 ? a.exact.slice(0, 29) + '…' : a.exact;
          if (!range.isEmpty) {
            const re = new vscode.CodeAction(`Re-anchor “${short}” at the selection`, vscode.CodeActionKind.QuickFix);
            re.diagnostics = diag;
            re.command = {
              command: 'articleAnnotator.reanchorAnnotation',
              title: re.title,
              arguments: [{ uri: doc.uri.toString(), id: a.id, ...fromRange(doc, range) }],
            };
            out.push(re);
          }
          const del = new vscode.CodeAction(
            `Delete the orphaned annotation “${short}”`,
            vscode.CodeActionKind.QuickFix,
          );
          del.diagnostics = diag;
          del.command = {
            command: 'articleAnnotator.removeAnnotation',
            title: del.title,
            arguments: [{ uri: doc.uri.toString(), id: a.id }],
          };
          out.push(del);
        }
        return out;
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}
