// Linking and note commands: link the selection to an event (a detected one or a new one), add a note to it.
import * as vscode from 'vscode';
import type { AnnotationData, LinkedEvent } from '../../../core/sidecar/annotationData';
import { linkedEventFor } from '../eventLinks';
import type { AnnotationCommandOptions } from '../types';
import { command, CommandDeps, liveAt, target, upsertAt, writable } from './shared';
import { slug } from '../../../core/text/slug';

async function pickEvent(
  deps: CommandDeps,
  o: AnnotationCommandOptions,
  annotated: string,
): Promise<LinkedEvent | undefined> {
  const events = await deps.client.request('events', {});
  if (o.event) {
    const found = events.find((e) => e.id === o.event || e.label === o.event);
    return found ? linkedEventFor(found, annotated) : { id: `user:${eventSlug(o.event)}`, label: o.event };
  }
  const NEW = '$(add) New event…';
  const pick = await vscode.window.showQuickPick(
    [{ label: NEW, id: '' }, ...events.map((e) => ({ label: e.label, description: e.date ?? '', id: e.id }))],
    { placeHolder: 'Link to which event?' },
  );
  if (!pick) return undefined;
  const chosen = pick.id ? events.find((e) => e.id === pick.id) : undefined;
  if (chosen) return linkedEventFor(chosen, annotated);
  const name = await vscode.window.showInputBox({ prompt: 'Name of the new event' });
  if (!name?.trim()) return undefined;
  return { id: `user:${eventSlug(name)}`, label: name.trim() };
}

async function linkToEvent(deps: CommandDeps, o: AnnotationCommandOptions) {
  const t = await target(o);
  if (!t) return undefined;
  await writable(deps.manager, t.uri);
  const event = await pickEvent(deps, o, t.uri.toString());
  if (!event) return undefined;
  let made: AnnotationData | undefined;
  await deps.manager.mutate(t.uri, (d, text) => {
    made = upsertAt(d, text, t.start, t.end, (a) => {
      a.event = event;
      if (!a.tag) a.tag = 'event';
    });
  });
  return made;
}

async function addNote({ manager }: CommandDeps, o: AnnotationCommandOptions) {
  const t = await target(o);
  if (!t) return undefined;
  await writable(manager, t.uri);
  const existing = liveAt(manager, t.uri, t.start, t.end).find((a) => a.start === t.start && a.end === t.end);
  const note =
    o.note ?? (await vscode.window.showInputBox({ prompt: 'Note (shown in the hover)', value: existing?.note ?? '' }));
  if (note === undefined) return undefined;
  let made: AnnotationData | undefined;
  await manager.mutate(t.uri, (d, text) => {
    made = upsertAt(d, text, t.start, t.end, (a) => (a.note = note));
  });
  return made;
}

export function registerLinkingCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    command('linkToEvent', (o) => linkToEvent(deps, o), deps.log),
    command('addNote', (o) => addNote(deps, o), deps.log),
  ];
}

// User event ids keep the form they always had (Unicode letters kept, 60 characters at most).
function eventSlug(text: string): string {
  return slug(text, { stripAccents: false, unicode: true, maxLength: 60, fallback: 'event' });
}
