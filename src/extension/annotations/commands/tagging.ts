// Tagging commands: tag the selection, or every whole-word occurrence of it in the article or the folder.
import * as vscode from 'vscode';
import { customTags } from '../../config';
import { BrokenSidecarError } from '../../../core/sidecar/files';
import type { AnnotationData } from '../../../core/sidecar/annotationData';
import { BUILTIN_TAGS } from '../../../core/sidecar/schema';
import type { AnnotationCommandOptions } from '../types';
import { command, CommandDeps, folderArticles, scopeOf, Target, target, upsertAt, writable } from './shared';

/** Offsets of whole-word occurrences of `needle` in `text`. */
export function wordOccurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  const isWord = (c: string | undefined) => !!c && /[\p{L}\p{N}_]/u.test(c);
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) {
    if (isWord(needle[0]) && isWord(text[i - 1])) continue;
    if (isWord(needle[needle.length - 1]) && isWord(text[i + needle.length])) continue;
    out.push(i);
  }
  return out;
}

/** Built-in tags, the user's own from the settings, and those already used in the folder. */
function usedTags({ manager }: CommandDeps): string[] {
  const used = manager.all().flatMap((s) => s.live.map((a) => a.tag ?? ''));
  return [...new Set([...BUILTIN_TAGS, ...customTags(), ...used].filter((t) => t && t.trim()))];
}

/** Records the tag as a decision (what the folder's suggestions learn from), with the machine's type there if any. */
async function decideTag(deps: CommandDeps, t: Target, tag: string, scope: 'here' | 'folder'): Promise<void> {
  const range = { start: t.start, end: t.end };
  const view = await deps.client.request('view', { path: t.uri.toString(), range }).catch(() => null);
  const machine = view?.entities.find((e) => e.start === t.start && e.end === t.end);
  await deps.decide(t.uri, [
    {
      action: 'tag',
      tag,
      scope,
      start: t.start,
      end: t.end,
      ...(machine ? { source: 'rules' as const, suggested: machine.type.toLowerCase() } : {}),
    },
  ]);
}

async function tagSelection(deps: CommandDeps, o: AnnotationCommandOptions) {
  const { manager } = deps;
  const t = await target(o);
  if (!t) return undefined;
  await writable(manager, t.uri);
  const tag =
    o.tag ??
    (await vscode.window.showQuickPick(usedTags(deps), {
      placeHolder: `Tag “${t.doc.getText().slice(t.start, t.end).slice(0, 40)}” as…`,
    }));
  if (!tag) return undefined;
  let made: AnnotationData | undefined;
  await manager.mutate(t.uri, (d, text) => {
    made = upsertAt(d, text, t.start, t.end, (a) => (a.tag = tag));
  });
  await decideTag(deps, t, tag, 'here');
  return made;
}

async function tagAllOccurrences(deps: CommandDeps, o: AnnotationCommandOptions) {
  const { manager } = deps;
  const t = await target(o);
  if (!t) return undefined;
  await writable(manager, t.uri);
  const needle = t.doc.getText().slice(t.start, t.end);
  const tag =
    o.tag ??
    (await vscode.window.showQuickPick(usedTags(deps), { placeHolder: `Tag every “${needle.slice(0, 40)}” as…` }));
  if (!tag) return undefined;
  const scope = await scopeOf(o, `Tag “${needle.slice(0, 40)}” where?`);
  if (!scope) return undefined;
  const uris =
    scope === 'article'
      ? [t.uri]
      : [t.uri, ...(await folderArticles(deps)).filter((u) => u.toString() !== t.uri.toString())];
  let count = 0;
  const skipped: string[] = [];
  for (const uri of uris) {
    try {
      await manager.mutate(uri, (d, text) => {
        for (const at of wordOccurrences(text, needle)) {
          upsertAt(d, text, at, at + needle.length, (a) => (a.tag = tag));
          count++;
        }
      });
    } catch (err) {
      if (!(err instanceof BrokenSidecarError) || uri.toString() === t.uri.toString()) throw err;
      skipped.push(vscode.workspace.asRelativePath(uri));
    }
  }
  if (skipped.length)
    void vscode.window.showWarningMessage(`Not tagged in ${skipped.join(', ')}: its annotations file is broken.`);
  await decideTag(deps, t, tag, scope === 'folder' ? 'folder' : 'here');
  return count;
}

export function registerTaggingCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    command('tagSelection', (o) => tagSelection(deps, o), deps.log),
    command('tagAllOccurrences', (o) => tagAllOccurrences(deps, o), deps.log),
  ];
}
