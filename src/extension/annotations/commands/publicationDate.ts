// The publication-date command: the user gives (or forgets) an article's publication date, kept in its sidecar.
import * as vscode from 'vscode';
import { AnnotationCommandOptions } from '../types';
import { command, CommandDeps, docFor, writable } from './shared';

function validDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !isNaN(Date.parse(s));
}

async function setPublicationDate({ manager }: CommandDeps, o: AnnotationCommandOptions) {
  const doc = await docFor(o);
  if (!doc) return undefined;
  await writable(manager, doc.uri);
  let date = o.date;
  if (date === undefined) {
    const current = manager.get(doc.uri.toString())?.published ?? '';
    const input = await vscode.window.showInputBox({
      prompt: 'Publication date of this article (YYYY-MM-DD); empty to forget the date you gave',
      value: current,
      validateInput: (v) => (!v.trim() || validDate(v.trim()) ? undefined : 'Use YYYY-MM-DD, e.g. 2023-03-16'),
    });
    if (input === undefined) return undefined;
    date = input.trim() || null;
  }
  if (date !== null && !validDate(date)) throw new Error(`“${date}” is not a date as YYYY-MM-DD`);
  // Reloading the sidecar passes the date to the analysis (the feature's change handler calls the tracker).
  await manager.mutate(doc.uri, (d) => (d.published = date ?? null));
  return date;
}

export function registerPublicationDateCommands(deps: CommandDeps): vscode.Disposable[] {
  return [command('setPublicationDate', (o) => setPublicationDate(deps, o), deps.log)];
}
