// Keeps the learned suggestions of the folder's articles up to date: sends the folder's decisions to the analysis
// worker (which rebuilds the model), and after every decision (or a change of the folder sidecar on disk, a git pull)
// asks it for every article's suggestions (Problems entries), and on every redraw for the visible ones (highlights,
// hovers), leaving out what the user already annotated there.
import * as vscode from 'vscode';
import type { DocumentView } from '../../core/corpus';
import type { Suggestion } from '../../core/learning';
import type { ArticleTracker } from '../articles';
import type { CorpusClient } from '../corpusClient';
import { toUri } from '../vscodeAdapter';
import { folderArticles } from './commands/shared';
import { keptByRules, LearnedItem, LearnedItems, learnedItems, NO_LEARNED } from './engine';
import { LearnedPresentation } from './learned';
import type { AnnotationManager } from './manager';

/** Above this many articles only the open ones get Problems entries on each decision (the rest on opening). */
const FOLDER_REFRESH_LIMIT = 400;
const REFRESH_DELAY_MS = 30;
const REFRESH_BATCH = 16;

export class LearningController implements vscode.Disposable {
  readonly presentation = new LearnedPresentation();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();
  private readonly waiting: Array<() => void> = [];
  /** The decisions last sent to the worker, as JSON. */
  private sent = '[]';
  /** The core's suggestions of each article as last computed (what a view limited to a range is filtered by). */
  private readonly lists = new Map<string, Suggestion[]>();

  constructor(
    private readonly manager: AnnotationManager,
    private readonly client: CorpusClient,
    private readonly tracker: ArticleTracker,
    private readonly log: (l: string) => void,
  ) {}

  /** The folder's decisions go to the analysis worker, which rebuilds the model from them. */
  async syncDecisions(force = false): Promise<void> {
    const decisions = this.manager.decisions();
    const json = JSON.stringify(decisions);
    if (json === this.sent && !force) return;
    this.sent = json;
    await this.client
      .request('setDecisions', { decisions })
      .catch((e) => this.log(`could not apply the decisions: ${(e as Error).message}`));
  }

  private async suggestionsOf(uri: vscode.Uri): Promise<Suggestion[] | null> {
    const key = uri.toString();
    if (!this.manager.decisions().length) {
      this.lists.delete(key);
      return null;
    }
    const list = await this.client
      .request('suggestions', { path: key, article: this.manager.articlePath(uri) })
      .catch((e) => {
        this.log(`learned suggestions of ${key} failed: ${(e as Error).message}`);
        return null;
      });
    if (list) this.lists.set(key, list);
    else this.lists.delete(key);
    return list;
  }

  /** The learned suggestions of an article now (computed afresh, not drawn). */
  async itemsFor(uri: vscode.Uri): Promise<LearnedItems> {
    const list = await this.suggestionsOf(uri);
    if (!list) return NO_LEARNED;
    const items = learnedItems(list, await this.manager.textOf(uri), (id) => this.whereTagged(id));
    // Where the user already annotated or judged this mention, there is nothing left to suggest.
    const mine = (this.manager.get(uri.toString())?.live ?? []).filter((a) => !a.orphan);
    const free = (x: LearnedItem) => !mine.some((a) => a.start < x.end && x.start < a.end);
    return {
      propagated: items.propagated.filter(free),
      proposed: items.proposed.filter(free),
      // A machine suggestion the user accepted here stays highlighted, whatever the model thinks.
      demoted: items.demoted.filter(
        (x) => !mine.some((a) => a.status === 'accepted' && a.start === x.start && a.end === x.end),
      ),
    };
  }

  /** Says which decision a suggestion from your tags comes from: "you tagged it policy in 001.txt (by Ana)". */
  private whereTagged(id: string | undefined): string | undefined {
    const d = id ? this.manager.decisions().find((x) => x.id === id) : undefined;
    if (!d) return undefined;
    const file = d.article.split('/').pop();
    return `you tagged “${d.text}” as ${d.tag} in ${file}${d.author ? ` (${d.author})` : ''}`;
  }

  /** Recomputes and shows the learned suggestions of one article. */
  async refreshArticle(uri: vscode.Uri): Promise<LearnedItems> {
    const items = await this.itemsFor(uri);
    this.presentation.show(uri.toString(), items);
    return items;
  }

  /**
   * The machine's view as the decisions leave it: the names the model dimmed (drawn dimmed instead), hidden by a
   * decision, or given another type by the user's tags are taken out. The article's learned suggestions are redrawn.
   */
  async filterView(view: DocumentView): Promise<DocumentView> {
    // A view limited to a range (a large article) is filtered by the suggestions computed for the whole article.
    if (!view.range) await this.refreshArticle(toUri(view.path));
    const list = this.lists.get(view.path);
    if (!list) return view;
    const restored = (this.manager.get(view.path)?.live ?? []).filter((a) => a.status === 'accepted' && !a.orphan);
    const accepted = (e: { start: number; end: number }) =>
      restored.some((a) => a.start === e.start && a.end === e.end);
    const kept = new Set(keptByRules(view.entities, list));
    return { ...view, entities: view.entities.filter((e) => kept.has(e) || accepted(e)) };
  }

  /** After a decision or a folder sidecar change: every article of the folder again, debounced. */
  scheduleFolder(): Promise<void> {
    this.folderDue = true;
    return this.schedule();
  }

  /** Articles (re-)analysed: their suggestions again (the text or the names changed), debounced with the rest. */
  scheduleArticles(keys: readonly string[]): Promise<void> {
    if (!this.manager.decisions().length) return Promise.resolve();
    for (const k of keys) this.dueArticles.add(k);
    return this.schedule();
  }

  private folderDue = false;
  private readonly dueArticles = new Set<string>();

  private schedule(): Promise<void> {
    clearTimeout(this.timer);
    const done = new Promise<void>((resolve) => this.waiting.push(resolve));
    this.timer = setTimeout(() => {
      const waiting = this.waiting.splice(0);
      const folder = this.folderDue;
      const articles = [...this.dueArticles].map((k) => toUri(k));
      this.folderDue = false;
      this.dueArticles.clear();
      this.running = this.running
        .then(() => (folder ? this.refreshFolder() : this.refreshAll(articles)))
        .catch((e) => this.log(`refreshing learned suggestions failed: ${(e as Error).message}`))
        .then(() => waiting.forEach((r) => r()));
    }, REFRESH_DELAY_MS);
    return done;
  }

  /** Asked together: the worker answers one after the other without waiting for the host between them. */
  private async refreshAll(uris: vscode.Uri[]): Promise<void> {
    for (let i = 0; i < uris.length; i += REFRESH_BATCH)
      await Promise.all(uris.slice(i, i + REFRESH_BATCH).map((u) => this.refreshArticle(u)));
  }

  private async refreshFolder(): Promise<void> {
    await this.syncDecisions();
    const open = vscode.workspace.textDocuments.filter((d) => this.tracker.isArticle(d.uri)).map((d) => d.uri);
    const all = await folderArticles({ client: this.client, tracker: this.tracker });
    const seen = new Map<string, vscode.Uri>();
    for (const uri of [...open, ...(all.length <= FOLDER_REFRESH_LIMIT ? all : [])]) seen.set(uri.toString(), uri);
    await this.refreshAll([...seen.values()]);
    // Articles no longer in the folder keep no entries.
    for (const uri of this.presentation.uris()) if (!seen.has(uri)) this.presentation.show(uri, NO_LEARNED);
  }

  forgetAll(): void {
    this.lists.clear();
    this.sent = '';
    this.presentation.forgetAll();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.presentation.dispose();
  }
}
