// Suggestion commands: accept or reject a detected entity or date (here or across the folder), merge entities.
import * as vscode from 'vscode';
import type { EntityMention } from '../../../core/model';
import { BrokenSidecarError } from '../../../core/sidecar/files';
import { AnnotationManager, UntrustedError } from '../manager';
import type { AnnotationData } from '../../../core/sidecar/annotationData';
import type { AnnotationCommandOptions } from '../types';
import { command, CommandDeps, folderArticles, scopeOf, Target, target, writable } from './shared';

type Status = 'accepted' | 'rejected';
type Scope = 'article' | 'folder';
/** A span the judgement applies to, with the detected entity's id and type (none for a date). */
type Judged = { start: number; end: number; id?: string; type?: string };
type Suggestion =
  | { kind: 'entity'; entity: EntityMention; start: number; end: number; text: string }
  | { kind: 'date'; start: number; end: number; text: string; value: string };

/** The detected entity or date under the span. */
async function suggestionAt({ client }: CommandDeps, t: Target): Promise<Suggestion | undefined> {
  const view = await client.request('view', { path: t.uri.toString() });
  if (!view) return undefined;
  const hit = (s: { start: number; end: number }) =>
    t.start === t.end ? s.start <= t.start && t.start <= s.end : s.start < t.end && t.start < s.end;
  const entity = view.entities.find(hit);
  if (entity) return { kind: 'entity', entity, start: entity.start, end: entity.end, text: entity.text };
  const date = view.dates.find(hit);
  if (date) return { kind: 'date', start: date.start, end: date.end, text: date.text, value: date.value };
  return undefined;
}

/** Records the judgement on one span; one judgement per span: a later accept or reject replaces the earlier one. */
function place(d: { annotations: AnnotationData[] }, text: string, m: Judged, status: Status, scope: Scope): void {
  d.annotations = d.annotations.filter((a) => !(a.status && a.start === m.start && a.end === m.end));
  d.annotations.push(
    AnnotationManager.describe(text, m.start, m.end, {
      status,
      tag: m.type ? m.type.toLowerCase() : 'date',
      entityId: m.id,
      scope: scope === 'folder' ? 'folder' : 'here',
    }),
  );
}

/** The same entity (by id) or date (by text) in the other articles of the folder; returns how many were judged. */
async function judgeElsewhere(deps: CommandDeps, t: Target, s: Suggestion, status: Status): Promise<number> {
  let count = 0;
  for (const uri of await folderArticles(deps)) {
    if (uri.toString() === t.uri.toString()) continue;
    const v = await deps.client.request('view', { path: uri.toString() });
    if (!v) continue;
    const same: Judged[] =
      s.kind === 'entity'
        ? v.entities.filter((e: EntityMention) => e.id === s.entity.id)
        : v.dates.filter((x) => x.text === s.text);
    if (!same.length) continue;
    try {
      await deps.manager.mutate(uri, (d, text) => {
        for (const m of same) {
          place(d, text, m, status, 'folder');
          count++;
        }
      });
    } catch (err) {
      if (!(err instanceof BrokenSidecarError)) throw err;
      deps.log(`skipped ${uri.toString()}: ${err.message}`);
    }
  }
  return count;
}

async function judge(deps: CommandDeps, status: Status, o: AnnotationCommandOptions) {
  const t = await target(o, false);
  if (!t) return undefined;
  await writable(deps.manager, t.uri);
  const s = await suggestionAt(deps, t);
  if (!s) {
    void vscode.window.showInformationMessage('There is no detected entity or date here.');
    return undefined;
  }
  const scope = await scopeOf(o, status === 'accepted' ? `Accept “${s.text}” where?` : `Mark “${s.text}” wrong where?`);
  if (!scope) return undefined;
  const here: Judged = {
    start: s.start,
    end: s.end,
    id: s.kind === 'entity' ? s.entity.id : undefined,
    type: s.kind === 'entity' ? s.entity.type : undefined,
  };
  await deps.manager.mutate(t.uri, (d, text) => place(d, text, here, status, scope));
  const count = 1 + (scope === 'folder' ? await judgeElsewhere(deps, t, s, status) : 0);
  // What the folder learns from: judgements of names (dates are not learned).
  if (here.type)
    await deps.decide(t.uri, [
      {
        action: status === 'accepted' ? 'accept' : 'reject',
        tag: here.type.toLowerCase(),
        scope: scope === 'folder' ? 'folder' : 'here',
        start: here.start,
        end: here.end,
        suggested: here.type.toLowerCase(),
        source: 'rules',
      },
    ]);
  return count;
}

async function mergeEntities({ manager, client }: CommandDeps, o: AnnotationCommandOptions) {
  if (!manager.trusted) throw new UntrustedError();
  let ids = o.entities;
  if (!ids || ids.length < 2) {
    const entities = await client.request('entities', {});
    const picks = await vscode.window.showQuickPick(
      entities.map((e) => ({ label: e.canonical, description: `${e.type.toLowerCase()} · ${e.id}`, id: e.id })),
      { canPickMany: true, placeHolder: 'Pick the entities that are one and the same' },
    );
    ids = picks?.map((p) => p.id);
    if (!ids || ids.length < 2) return undefined;
  }
  const group = [...new Set(ids)];
  await manager.mutateFolder((d) => {
    // Stored as pairs (the core's schema); chains of pairs make groups.
    for (const other of group.slice(1)) d.merges.push([group[0], other]);
  });
  return group;
}

export function registerSuggestionCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    command('acceptSuggestion', (o) => judge(deps, 'accepted', o), deps.log),
    command('rejectSuggestion', (o) => judge(deps, 'rejected', o), deps.log),
    command('mergeEntities', (o) => mergeEntities(deps, o), deps.log),
  ];
}
