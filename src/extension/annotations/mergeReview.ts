// What a merge leaves for the user to settle, in the Problems panel with quick fixes: a sidecar holding git's
// conflict markers (Resolve Annotation Merge Conflict), and annotations two branches changed differently.
import * as vscode from 'vscode';
import { lineStart, toRange } from '../vscodeAdapter';
import type { LiveAnnotation } from './types';

export const DIAGNOSTIC_SOURCE = 'Article Annotator';
export const MERGE_CONFLICT_CODE = 'sidecar-merge-conflict';

/** A sidecar with conflict markers: its annotations are not shown until the quick fix merges both sides. */
export function conflictDiagnostic(range: vscode.Range): vscode.Diagnostic {
  const message =
    'Annotations file holds git merge conflict markers (merged without the article-annotations merge driver), ' +
    'so its annotations are not shown. Use the quick fix “Resolve Annotation Merge Conflict” to merge both sides.';
  const d = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Error);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = MERGE_CONFLICT_CODE;
  return d;
}

const summary = (x: LiveAnnotation | undefined): string =>
  x ? [x.tag, x.note, x.event?.label, x.status].filter(Boolean).join(' · ') || 'no note' : 'gone';

/** The other branch's version of an annotation both branches changed: listed until the user keeps one. */
export function reviewDiagnostic(
  a: LiveAnnotation,
  live: LiveAnnotation[],
  doc?: vscode.TextDocument,
): vscode.Diagnostic {
  const other = live.find((x) => x.id === a.conflictWith);
  const placed = doc && !a.orphan && a.end <= doc.getText().length;
  const range = placed ? toRange(doc, a.start, a.end) : lineStart(0);
  const message =
    `Annotation “${a.exact.slice(0, 60)}” was changed differently in two branches and needs review: ` +
    `this version (${summary(a)}) or the other (${summary(other)}). Use a quick fix to keep one.`;
  const d = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Warning);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = `review:${a.id}`;
  return d;
}

const KEEP = [
  ['this', 'Keep this version of'],
  ['other', 'Keep the other version of'],
  ['both', 'Keep both versions of'],
] as const;

/** Quick fixes of a sidecar with conflict markers, and of annotations a merge marked for review. */
export function mergeFixes(
  doc: vscode.TextDocument,
  diagnostics: vscode.Diagnostic[],
  live: LiveAnnotation[],
): vscode.CodeAction[] {
  const out: vscode.CodeAction[] = [];
  const conflict = diagnostics.filter((d) => d.code === MERGE_CONFLICT_CODE);
  if (conflict.length) {
    const fix = new vscode.CodeAction('Resolve Annotation Merge Conflict', vscode.CodeActionKind.QuickFix);
    fix.diagnostics = conflict;
    fix.isPreferred = true;
    const args = [{ sidecar: doc.uri.fsPath }];
    fix.command = { command: 'articleAnnotator.resolveSidecarConflict', title: fix.title, arguments: args };
    out.push(fix);
  }
  for (const a of live.filter((x) => x.review === 'conflict')) {
    const diag = diagnostics.filter((d) => d.code === `review:${a.id}`);
    const short = a.exact.length > 30 ? a.exact.slice(0, 29) + '…' : a.exact;
    for (const [keep, verb] of KEEP) {
      const title = `${verb} “${short}”`;
      const fix = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      fix.diagnostics = diag;
      const args = [{ uri: doc.uri.toString(), id: a.id, keep }];
      fix.command = { command: 'articleAnnotator.keepAnnotationVersion', title, arguments: args };
      out.push(fix);
    }
  }
  return out;
}
