// The annotation commands: each works on the selection (or the word at the cursor), asks with a quick pick only when
// its options object does not say, and refuses clearly in Restricted Mode or when the sidecar is broken.
import * as vscode from 'vscode';
import type { EntityMention } from '../../core/model';
import type { AnnotationData } from '../../core/sidecar/annotationData';
import { BrokenSidecarError } from '../../core/sidecar/files';
import { BUILTIN_TAGS } from '../../core/sidecar/schema';
import type { ArticleTracker } from '../articles';
import type { CorpusClient } from '../corpusClient';
import { AnnotationManager, UntrustedError } from './manager';
import { AnnotationCommandOptions, LiveAnnotation } from './types';

export interface CommandDeps {
  manager: AnnotationManager;
  client: CorpusClient;
  tracker: ArticleTracker;
  log: (l: string) => void;
  exportAnnotations: (o: AnnotationCommandOptions) => Promise<string[] | undefined>;
  importAnnotations: (o: AnnotationCommandOptions) => Promise<number | undefined>;
}

interface Target {
  uri: vscode.Uri;
  doc: vscode.TextDocument;
  start: number;
  end: number;
}

// A word of names and numbers: letters with inner apostrophes, dots and hyphens ("O'Neill", "U.S.", "Yoon-Kishida").
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/u;

function wordAt(doc: vscode.TextDocument, at: vscode.Position): vscode.Range | undefined {
  return doc.getWordRangeAtPosition(at, WORD);
}

function opts(arg: unknown): AnnotationCommandOptions {
  // Menus pass a Uri as first argument; only a plain object is an options object.
  return arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) ? (arg as AnnotationCommandOptions) : {};
}

async function docFor(o: AnnotationCommandOptions): Promise<vscode.TextDocument | undefined> {
  if (o.uri) return vscode.workspace.openTextDocument(vscode.Uri.parse(o.uri));
  return vscode.window.activeTextEditor?.document;
}

/** The span a command works on: the options' offsets, else the selection, else the word at the cursor. */
async function target(o: AnnotationCommandOptions, needSpan = true): Promise<Target | undefined> {
  const doc = await docFor(o);
  if (!doc) {
    void vscode.window.showInformationMessage('Open an article first.');
    return undefined;
  }
  let start = o.start;
  let end = o.end;
  const editor = vscode.window.activeTextEditor?.document === doc ? vscode.window.activeTextEditor : undefined;
  if (start === undefined && editor) {
    const sel = editor.selection;
    const range = sel.isEmpty ? wordAt(doc, sel.active) : sel;
    if (range) {
      start = doc.offsetAt(range.start);
      end = doc.offsetAt(range.end);
    } else start = end = doc.offsetAt(sel.active);
  }
  if (start === undefined) start = 0;
  if (end === undefined) end = start;
  const len = doc.getText().length;
  start = Math.max(0, Math.min(start, len));
  end = Math.max(start, Math.min(end, len));
  if (needSpan && end <= start) {
    void vscode.window.showInformationMessage('Select the text to annotate, or put the cursor on a word.');
    return undefined;
  }
  return { uri: doc.uri, doc, start, end };
}

function report(err: unknown, log: (l: string) => void): void {
  if (err instanceof UntrustedError) {
    void vscode.window.showWarningMessage(err.message);
    return;
  }
  if (err instanceof BrokenSidecarError) {
    const file = err.file;
    void vscode.window.showErrorMessage(`${err.message}. It was not changed; fix it to annotate this article.`, 'Open Annotations File').then((choice) => {
      if (choice) void vscode.window.showTextDocument(vscode.Uri.file(file), { selection: err.line ? new vscode.Range(err.line - 1, 0, err.line - 1, 0) : undefined });
    });
    return;
  }
  log(`annotation command failed: ${(err as Error).stack ?? err}`);
  void vscode.window.showErrorMessage(`Article Annotator: ${(err as Error).message}`);
}

/** Finds (or creates) the annotation covering exactly [start, end) and lets `edit` change it. */
function upsertAt(d: { annotations: AnnotationData[] }, text: string, start: number, end: number, edit: (a: AnnotationData) => void): AnnotationData {
  let a = d.annotations.find((x) => x.start === start && x.end === end && x.exact === text.slice(start, end) && x.status !== 'rejected');
  if (!a) {
    a = AnnotationManager.describe(text, start, end, {});
    d.annotations.push(a);
  }
  edit(a);
  return a;
}

function liveAt(manager: AnnotationManager, uri: vscode.Uri, start: number, end: number): LiveAnnotation[] {
  const all = manager.get(uri.toString())?.live ?? [];
  return all.filter((a) => !a.orphan && (start === end ? a.start <= start && start <= a.end : a.start < end && start < a.end));
}

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

export function registerAnnotationCommands(deps: CommandDeps): vscode.Disposable[] {
  const { manager, client, tracker, log } = deps;

  const usedTags = (): string[] => {
    const custom = vscode.workspace.getConfiguration('articleAnnotator').get<string[]>('customTags', []);
    const used = manager.all().flatMap((s) => s.live.map((a) => a.tag ?? ''));
    return [...new Set([...BUILTIN_TAGS, ...custom, ...used].filter((t) => t && t.trim()))];
  };

  const scopeOf = async (o: AnnotationCommandOptions, what: string): Promise<'article' | 'folder' | undefined> => {
    if (o.scope === 'article' || o.scope === 'folder') return o.scope;
    const pick = await vscode.window.showQuickPick(
      [
        { label: 'This article', scope: 'article' as const },
        { label: 'Every article in the folder', scope: 'folder' as const },
      ],
      { placeHolder: what },
    );
    return pick?.scope;
  };

  const folderArticles = async (): Promise<vscode.Uri[]> => {
    const titles = await client.request('titles', {});
    return titles.map((t) => vscode.Uri.parse(t.path)).filter((u) => tracker.isArticle(u));
  };

  const guarded = <T>(fn: (o: AnnotationCommandOptions) => Promise<T>) => async (arg?: unknown) => {
    try {
      return await fn(opts(arg));
    } catch (err) {
      report(err, log);
      return undefined;
    }
  };

  /** Refuses before any prompt when nothing could be written. */
  const writable = async (uri: vscode.Uri) => {
    await manager.ensure(uri);
    manager.assertWritable(uri);
  };

  const tagSelection = async (o: AnnotationCommandOptions) => {
    const t = await target(o);
    if (!t) return undefined;
    await writable(t.uri);
    const tag = o.tag ?? (await vscode.window.showQuickPick(usedTags(), { placeHolder: `Tag “${t.doc.getText().slice(t.start, t.end).slice(0, 40)}” as…` }));
    if (!tag) return undefined;
    let made: AnnotationData | undefined;
    await manager.mutate(t.uri, (d, text) => {
      made = upsertAt(d, text, t.start, t.end, (a) => (a.tag = tag));
    });
    return made;
  };

  const tagAllOccurrences = async (o: AnnotationCommandOptions) => {
    const t = await target(o);
    if (!t) return undefined;
    await writable(t.uri);
    const needle = t.doc.getText().slice(t.start, t.end);
    const tag = o.tag ?? (await vscode.window.showQuickPick(usedTags(), { placeHolder: `Tag every “${needle.slice(0, 40)}” as…` }));
    if (!tag) return undefined;
    const scope = await scopeOf(o, `Tag “${needle.slice(0, 40)}” where?`);
    if (!scope) return undefined;
    const uris = scope === 'article' ? [t.uri] : [t.uri, ...(await folderArticles()).filter((u) => u.toString() !== t.uri.toString())];
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
    if (skipped.length) void vscode.window.showWarningMessage(`Not tagged in ${skipped.join(', ')}: its annotations file is broken.`);
    return count;
  };

  const linkToEvent = async (o: AnnotationCommandOptions) => {
    const t = await target(o);
    if (!t) return undefined;
    await writable(t.uri);
    const events = await client.request('events', {});
    let event: { id: string; label: string } | undefined;
    if (o.event) {
      const found = events.find((e) => e.id === o.event || e.label === o.event);
      event = found ? { id: found.id, label: found.label } : { id: `user:${slug(o.event)}`, label: o.event };
    } else {
      const NEW = '$(add) New event…';
      const pick = await vscode.window.showQuickPick([{ label: NEW, id: '' }, ...events.map((e) => ({ label: e.label, description: e.date ?? '', id: e.id }))], { placeHolder: 'Link to which event?' });
      if (!pick) return undefined;
      if (pick.id) event = { id: pick.id, label: pick.label };
      else {
        const name = await vscode.window.showInputBox({ prompt: 'Name of the new event' });
        if (!name?.trim()) return undefined;
        event = { id: `user:${slug(name)}`, label: name.trim() };
      }
    }
    let made: AnnotationData | undefined;
    await manager.mutate(t.uri, (d, text) => {
      made = upsertAt(d, text, t.start, t.end, (a) => {
        a.event = event;
        if (!a.tag) a.tag = 'event';
      });
    });
    return made;
  };

  const addNote = async (o: AnnotationCommandOptions) => {
    const t = await target(o);
    if (!t) return undefined;
    await writable(t.uri);
    const existing = liveAt(manager, t.uri, t.start, t.end).find((a) => a.start === t.start && a.end === t.end);
    const note = o.note ?? (await vscode.window.showInputBox({ prompt: 'Note (shown in the hover)', value: existing?.note ?? '' }));
    if (note === undefined) return undefined;
    let made: AnnotationData | undefined;
    await manager.mutate(t.uri, (d, text) => {
      made = upsertAt(d, text, t.start, t.end, (a) => (a.note = note));
    });
    return made;
  };

  /** The detected entity or date under the span, and the spans of the same thing in other articles. */
  const suggestionAt = async (t: Target) => {
    const view = await client.request('view', { path: t.uri.toString() });
    if (!view) return undefined;
    const hit = (s: { start: number; end: number }) => (t.start === t.end ? s.start <= t.start && t.start <= s.end : s.start < t.end && t.start < s.end);
    const entity = view.entities.find(hit);
    if (entity) return { kind: 'entity' as const, entity, start: entity.start, end: entity.end, text: entity.text };
    const date = view.dates.find(hit);
    if (date) return { kind: 'date' as const, start: date.start, end: date.end, text: date.text, value: date.value };
    return undefined;
  };

  const judge = (status: 'accepted' | 'rejected') => async (o: AnnotationCommandOptions) => {
    const t = await target(o, false);
    if (!t) return undefined;
    await writable(t.uri);
    const s = await suggestionAt(t);
    if (!s) {
      void vscode.window.showInformationMessage('There is no detected entity or date here.');
      return undefined;
    }
    const scope = await scopeOf(o, status === 'accepted' ? `Accept “${s.text}” where?` : `Mark “${s.text}” wrong where?`);
    if (!scope) return undefined;
    const place = (d: { annotations: AnnotationData[] }, text: string, m: { start: number; end: number; id?: string; type?: string }) => {
      // One judgement per span: a later accept or reject replaces the earlier one.
      d.annotations = d.annotations.filter((a) => !(a.status && a.start === m.start && a.end === m.end));
      d.annotations.push(AnnotationManager.describe(text, m.start, m.end, { status, tag: m.type ? m.type.toLowerCase() : 'date', entityId: m.id, scope: scope === 'folder' ? 'folder' : 'here' }));
    };
    const here = { start: s.start, end: s.end, id: s.kind === 'entity' ? s.entity.id : undefined, type: s.kind === 'entity' ? s.entity.type : undefined };
    let count = 0;
    await manager.mutate(t.uri, (d, text) => {
      place(d, text, here);
      count++;
    });
    if (scope === 'folder') {
      for (const uri of await folderArticles()) {
        if (uri.toString() === t.uri.toString()) continue;
        const v = await client.request('view', { path: uri.toString() });
        if (!v) continue;
        const same: { start: number; end: number; id?: string; type?: string }[] =
          s.kind === 'entity' ? v.entities.filter((e: EntityMention) => e.id === s.entity.id) : v.dates.filter((x) => x.text === s.text);
        if (!same.length) continue;
        try {
          await manager.mutate(uri, (d, text) => {
            for (const m of same) {
              place(d, text, m);
              count++;
            }
          });
        } catch (err) {
          if (!(err instanceof BrokenSidecarError)) throw err;
          log(`skipped ${uri.toString()}: ${err.message}`);
        }
      }
    }
    return count;
  };

  const mergeEntities = async (o: AnnotationCommandOptions) => {
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
  };

  const setPublicationDate = async (o: AnnotationCommandOptions) => {
    const doc = await docFor(o);
    if (!doc) return undefined;
    await writable(doc.uri);
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
  };

  const removeAnnotation = async (o: AnnotationCommandOptions) => {
    const doc = await docFor(o);
    if (!doc) return undefined;
    await writable(doc.uri);
    let id = o.id;
    if (!id) {
      const t = await target(o, false);
      if (!t) return undefined;
      const here = liveAt(manager, t.uri, t.start, t.end);
      if (!here.length) {
        void vscode.window.showInformationMessage('There is no annotation here.');
        return undefined;
      }
      if (here.length === 1) id = here[0].id;
      else {
        const pick = await vscode.window.showQuickPick(here.map((a) => ({ label: a.exact, description: [a.status, a.tag, a.note].filter(Boolean).join(' · '), id: a.id })), { placeHolder: 'Remove which annotation?' });
        id = pick?.id;
      }
      if (!id) return undefined;
    }
    let removed = 0;
    await manager.mutate(doc.uri, (d) => {
      const before = d.annotations.length;
      d.annotations = d.annotations.filter((a) => a.id !== id);
      removed = before - d.annotations.length;
    });
    return removed;
  };

  const step = (dir: 1 | -1) => async (o: AnnotationCommandOptions) => {
    const doc = await docFor(o);
    if (!doc) return undefined;
    const st = await manager.ensure(doc.uri);
    const list = st.live.filter((a) => !a.orphan).sort((a, b) => a.start - b.start);
    if (!list.length) return undefined;
    const editor = await vscode.window.showTextDocument(doc, { preserveFocus: false });
    const at = o.start ?? doc.offsetAt(editor.selection.start);
    const next = dir === 1 ? (list.find((a) => a.start > at) ?? list[0]) : ([...list].reverse().find((a) => a.start < at) ?? list[list.length - 1]);
    const range = new vscode.Range(doc.positionAt(next.start), doc.positionAt(next.end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return { id: next.id, start: next.start, end: next.end };
  };

  const reanchor = async (o: AnnotationCommandOptions) => {
    const t = await target(o);
    if (!t || !o.id) return undefined;
    await writable(t.uri);
    await manager.mutate(t.uri, (d, text) => {
      const a = d.annotations.find((x) => x.id === o.id);
      if (a) Object.assign(a, AnnotationManager.describe(text, t.start, t.end, {}), { id: a.id, created: a.created });
    });
    return true;
  };

  const reveal = async (o: AnnotationCommandOptions) => {
    if (!o.uri || !o.id) return;
    const st = manager.get(o.uri);
    const a = st?.live.find((x) => x.id === o.id);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(o.uri));
    const range = a && !a.orphan ? new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end)) : undefined;
    await vscode.window.showTextDocument(doc, { selection: range, preview: true });
  };

  const openSidecar = async (o: AnnotationCommandOptions) => {
    const doc = await docFor(o);
    if (!doc) return;
    const st = await manager.ensure(doc.uri);
    const line = st.broken?.line ? st.broken.line - 1 : 0;
    try {
      await vscode.window.showTextDocument(vscode.Uri.file(st.sidecar), { selection: new vscode.Range(line, 0, line, 0) });
    } catch {
      void vscode.window.showInformationMessage('This article has no annotations file yet.');
    }
  };

  const reg = (id: string, fn: (o: AnnotationCommandOptions) => Promise<unknown>) => vscode.commands.registerCommand(`articleAnnotator.${id}`, guarded(fn));
  return [
    reg('tagSelection', tagSelection),
    reg('tagAllOccurrences', tagAllOccurrences),
    reg('linkToEvent', linkToEvent),
    reg('addNote', addNote),
    reg('acceptSuggestion', judge('accepted')),
    reg('rejectSuggestion', judge('rejected')),
    reg('mergeEntities', mergeEntities),
    reg('setPublicationDate', setPublicationDate),
    reg('removeAnnotation', removeAnnotation),
    reg('nextAnnotation', step(1)),
    reg('previousAnnotation', step(-1)),
    reg('exportAnnotations', deps.exportAnnotations),
    reg('importAnnotations', deps.importAnnotations),
    reg('reanchorAnnotation', reanchor),
    reg('revealAnnotation', reveal),
    reg('openSidecar', openSidecar),
  ];
}

function slug(s: string): string {
  return s.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'event';
}

function validDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !isNaN(Date.parse(s));
}
