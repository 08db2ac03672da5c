// Commands that settle what a merge left behind: a sidecar holding git's conflict markers (merged without the merge
// driver), and an annotation two branches changed differently (kept twice, the other version marked for review).
import * as path from 'path';
import * as vscode from 'vscode';
import { SIDECAR_SUFFIX } from '../../../core/sidecar/schema';
import { settleReview } from '../../../core/sidecar/annotationData';
import { AnnotationCommandOptions } from '../types';
import { command, CommandDeps, docFor, writable } from './shared';

/** The sidecar the options name (`sidecar`, or a `uri` that is one), else the sidecar of the article. */
async function sidecarFile({ manager }: CommandDeps, o: AnnotationCommandOptions): Promise<string | undefined> {
  if (o.sidecar) return path.resolve(o.sidecar);
  const uri = o.uri ? vscode.Uri.parse(o.uri) : vscode.window.activeTextEditor?.document.uri;
  if (!uri) return undefined;
  return uri.fsPath.endsWith(SIDECAR_SUFFIX) ? uri.fsPath : manager.sidecarPath(uri);
}

async function resolveSidecarConflict(deps: CommandDeps, o: AnnotationCommandOptions) {
  const file = await sidecarFile(deps, o);
  if (!file) return undefined;
  const result = await deps.manager.resolveConflict(file);
  if (!result.ok) {
    void vscode.window.showErrorMessage(
      `${path.basename(file)} was not changed: ${result.message}. Resolve the conflict by hand.`,
    );
    return undefined;
  }
  const twice = result.conflicts.length;
  const review = twice
    ? ` ${twice} annotation${twice === 1 ? ' was' : 's were'} changed on both sides: both versions are kept, ` +
      'listed in Problems for review.'
    : '';
  void vscode.window.showInformationMessage(
    `Merged the annotations of both sides of ${path.basename(file)}.${review} ` +
      `The file as it was is kept as ${path.basename(result.backup ?? '')}.`,
  );
  return { conflicts: twice, backup: result.backup };
}

async function keepVersion({ manager }: CommandDeps, o: AnnotationCommandOptions) {
  const doc = await docFor(o);
  if (!doc || !o.id) return undefined;
  await writable(manager, doc.uri);
  const keep = o.keep ?? (await pickKeep());
  if (!keep) return undefined;
  await manager.mutate(doc.uri, (d) => {
    d.annotations = settleReview(d.annotations, o.id!, keep);
  });
  return keep;
}

async function pickKeep(): Promise<'this' | 'other' | 'both' | undefined> {
  const pick = await vscode.window.showQuickPick(
    [
      { label: 'Keep this version', keep: 'this' as const },
      { label: 'Keep the other version', keep: 'other' as const },
      { label: 'Keep both', keep: 'both' as const },
    ],
    { placeHolder: 'This annotation was changed differently in two branches' },
  );
  return pick?.keep;
}

export function registerReviewCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    command('resolveSidecarConflict', (o) => resolveSidecarConflict(deps, o), deps.log),
    command('keepAnnotationVersion', (o) => keepVersion(deps, o), deps.log),
  ];
}
