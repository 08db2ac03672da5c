// Worker thread that owns the corpus index, so analysing large files never blocks the extension host.
import { displayName } from '../../core/displayName';
import { parentPort, receiveMessageOnPort, workerData } from 'worker_threads';
import { setInterruptHook } from '../../core/steps';
import { CorpusIndex } from '../../core/corpus';
import { analysisBuild, DiskAnalysisStore } from './analysisStore';
import {
  ArticleFile,
  ArticleInput,
  FoundEventInfo,
  RequestMessage,
  RequestName,
  Requests,
  ResponseMessage,
} from './protocol';
import { Relinker } from './relinker';
import { cardMarkdown } from './hoverText';
import { buildCoverage, eventRows, groupMentions, MentionKind, quoteRows } from './viewModel';
import { sentenceAt } from '../../core/article';
import { Task, WorkQueue } from './workQueue';
import { ChangeOrder } from './changeOrder';
import { WorkerStats } from './workerStats';
import { LineRange, lineRanges } from './positions';
import type { MentionRef } from '../../core/model';
import { LearnedState } from './learnedState';
import { AnalysisPool, PoolOutcome } from './analysisPool';
import { listArticleFiles, readArticleText } from './articleFiles';
import { join } from 'path';
import { EventLinkRecord, refindEvent } from '../../core/events/refind';

function openStore(): DiskAnalysisStore | undefined {
  const dir = (workerData as { cacheDir?: string } | undefined)?.cacheDir;
  if (!dir) return undefined;
  try {
    return new DiskAnalysisStore(dir, analysisBuild(__filename));
  } catch {
    return undefined;
  }
}

const index = new CorpusIndex(openStore());
// The user's decisions and the model built from them (learned suggestions).
const learned = new LearnedState();

// Threads that analyse new articles (see upsertTask); none when workerData asks for none (then all is done here).
const poolThreads = (workerData as { poolSize?: number } | undefined)?.poolSize ?? 0;
const pool =
  poolThreads > 0
    ? new AnalysisPool(join(__dirname, 'analysisPoolWorker.js'), poolThreads, {
        cacheDir: (workerData as { cacheDir?: string }).cacheDir,
        build: analysisBuild(__filename),
      })
    : undefined;

// What held the worker, for the bench (request 'stats').
const stats = new WorkerStats();
stats.start();

// Requests wait in a priority queue: hovers, views and status first, indexing one article at a time between them.
const queue = new WorkQueue(undefined, (kind, ms) => stats.noteStep(kind, ms));

const relinker = new Relinker(index, queue, (e) => parentPort?.postMessage(e));

function mentionsOf(kind: MentionKind, id: string) {
  if (kind === 'entity') return index.entityMentions(id);
  const clusters = kind === 'event' ? index.events() : index.quotes();
  return clusters.find((c) => c.id === id)?.mentions ?? [];
}

function articleSource(path: string) {
  const a = index.analysis(path);
  if (!a) return undefined;
  return {
    text: a.article.text,
    title: displayName(a.article),
    published: a.article.published?.value ?? null,
    sentenceAt: (o: number) => sentenceAt(a.article.sentences, o),
  };
}

// Upserts run article by article from the queue (see upsertTask), listFiles beside it, long lists in parts (see
// listTask); every other request is one call.
type ListName = 'entities' | 'events' | 'quotes' | 'titles' | 'mentionGroups' | 'eventRows' | 'quoteRows';
type Handlers = {
  [K in Exclude<RequestName, 'upsert' | 'listFiles' | ListName>]: (args: Requests[K]['args']) => Requests[K]['result'];
};
type ListHandlers = {
  [K in ListName]: (args: Requests[K]['args']) => Iterable<Requests[K]['result'][number]>;
};

/** The folder's articles with their titles, made as they are sent (a title takes a look-up per article). */
function* titles(): Iterable<Requests['titles']['result'][number]> {
  for (const p of index.paths()) {
    const a = index.analysis(p)!;
    yield { path: p, title: displayName(a.article), published: a.article.published?.value ?? null };
  }
}

/** References with their line ranges, each article's lines counted once. */
function placed(refs: MentionRef[]): Requests['references']['result'] {
  const byPath = new Map<string, MentionRef[]>();
  for (const r of refs) {
    const list = byPath.get(r.path);
    if (list) list.push(r);
    else byPath.set(r.path, [r]);
  }
  const ranges = new Map<MentionRef, LineRange>();
  for (const [p, rs] of byPath) {
    const text = index.text(p);
    if (text !== undefined) lineRanges(text, rs).forEach((lr, k) => ranges.set(rs[k], lr));
  }
  return refs.map((r) => ({ path: r.path, start: r.start, end: r.end, range: ranges.get(r) ?? null }));
}

/** An article's title and publication date, as the coverage matrix shows them. */
function titleOf(path: string): { title: string; published: string | null } | undefined {
  const a = index.analysis(path);
  return a && { title: displayName(a.article), published: a.article.published?.value ?? null };
}

const handlers: Handlers = {
  remove: ({ paths }) => {
    for (const p of paths) index.remove(p);
    relinker.changed(true);
  },
  rename: ({ from, to }) => {
    index.rename(from, to);
    relinker.changed(true);
  },
  setMerges: ({ pairs }) => {
    index.setMerges(pairs);
    relinker.changed(true);
  },
  view: ({ path, range }) => index.view(path, range) ?? null,
  cards: ({ path, offset }) => index.cardsAt(path, offset).map((c) => ({ span: c.span, markdown: cardMarkdown(c) })),
  references: ({ path, offset }) => placed(index.references(path, offset)),
  findEvent: ({ link, path }) => foundEventInfo(link, path),
  coverage: () => buildCoverage(index.events(), titleOf),
  setDecisions: ({ decisions }) => learned.set(decisions),
  suggestions: ({ path, article }) => learned.suggest(index.analysis(path), article),
  sentenceTypes: ({ path, start, end }) => LearnedState.sentenceTypes(index.analysis(path), start, end),
  stats: ({ reset }) => {
    const snapshot = stats.snapshot();
    if (reset) stats.reset();
    return snapshot;
  },
};

function foundEventInfo(link: EventLinkRecord, path: string): FoundEventInfo | null {
  const found = refindEvent(link, index.events());
  if (!found) return null;
  const c = found.cluster;
  const other = c.mentions.find((m) => m.path !== path) ?? null;
  const otherAnalysis = other ? index.analysis(other.path) : undefined;
  return {
    id: c.id,
    label: c.label,
    date: c.date,
    place: c.place,
    articles: new Set(c.mentions.map((m) => m.path)).size,
    how: found.how,
    open:
      other && otherAnalysis
        ? { path: other.path, start: other.start, end: other.end, title: displayName(otherAnalysis.article) }
        : null,
  };
}

const listHandlers: ListHandlers = {
  entities: () => index.entities(),
  events: () => index.events(),
  quotes: () => index.quotes(),
  titles: () => titles(),
  mentionGroups: ({ kind, id }) => groupMentions(mentionsOf(kind, id), articleSource),
  eventRows: () => eventRows(index.events()),
  quoteRows: () => quoteRows(index.quotes()),
};

/** Requests that change the index keep their order among themselves; the others are served first. */
const BACKGROUND = new Set<RequestName>(['upsert', 'remove', 'rename', 'setMerges']);
/** The order of the changes, since small ones go ahead of a folder's batches (workQueue.ts). */
const order = new ChangeOrder();

/** The articles a remove or a rename changes (a batch waiting must not bring them back). */
function changedPaths(msg: RequestMessage): string[] {
  if (msg.op === 'remove') return (msg as RequestMessage<'remove'>).args.paths;
  if (msg.op === 'rename')
    return [(msg as RequestMessage<'rename'>).args.from, (msg as RequestMessage<'rename'>).args.to];
  return [];
}

function reply(id: number, result: unknown): void {
  parentPort!.postMessage({ id, ok: true, result } satisfies ResponseMessage);
}

function replyError(id: number, err: unknown): void {
  const error = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
  parentPort!.postMessage({ id, ok: false, error } satisfies ResponseMessage);
}

/** How long one step of storing a batch's finished analyses may hold the worker. */
const STORE_SLICE_MS = 8;

type Settled = PoolOutcome | { error: string };

/**
 * Indexing a batch. Articles new to the index, and files to read, are analysed by the pool, all at once and in
 * parallel, and stored here in the batch's order as they come back (several per step, within STORE_SLICE_MS), so the
 * index is the same as with one thread. An open article already indexed (an edit) is re-analysed here, one per step:
 * its chunk cache makes an edit cost about one chunk. A hover asked meanwhile waits for one step at most.
 */
function upsertTask(msg: RequestMessage<'upsert'>, seq: number): Task {
  const { articles } = msg.args;
  const viaPool = articles.map((a) => !!pool && ('file' in a || !index.has(a.path)));
  const batch = articles.length > 1;
  // Queries answer from the last links while the batch's articles are stored, not by linking the folder each time.
  if (batch) relinker.batchArrived();
  const settled: (Settled | undefined)[] = articles.map(() => undefined);
  articles.forEach((a, k) => {
    if (!viaPool[k]) return;
    pool!.analyse(a, !batch).then(
      (outcome) => ((settled[k] = outcome), queue.wake()),
      (err: Error) => ((settled[k] = { error: err.message }), queue.wake()),
    );
  });
  const errors: string[] = [];
  const skipped: { path: string; message: string }[] = [];
  let i = 0;
  let ms = 0;
  const store = (a: ArticleInput | ArticleFile, r: Settled) => {
    if ('analysis' in r) index.upsertAnalysis(a.path, r.text, a.userPublished, r.analysis);
    else if ('skipped' in r) skipped.push({ path: a.path, message: r.skipped });
    else errors.push(r.error);
  };
  const storeOne = (): boolean => {
    const a = articles[i];
    // A change of the article that went ahead of this batch (workQueue.ts) is newer: the batch leaves it.
    if (batch && order.superseded(a.path, seq)) return (i++, true);
    if (!batch) order.note(seq, a.path);
    if (viaPool[i]) {
      const r = settled[i];
      if (!r) return false;
      settled[i] = undefined;
      store(a, r);
    } else {
      const read = 'file' in a ? readArticleText(a.file, a.maxBytes) : { text: a.text };
      try {
        if ('text' in read) index.upsert(a.path, read.text, a.userPublished);
        else skipped.push({ path: a.path, message: read.skipped });
      } catch (err) {
        errors.push(`${a.path}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    i++;
    return true;
  };
  return {
    interactive: false,
    kind: 'upsert',
    batch,
    blocked: () => i < articles.length && viaPool[i] && !settled[i],
    step: () => {
      const t0 = Date.now();
      // Stored analyses are cheap to add, so a step takes several; analysing here takes one.
      while (i < articles.length && Date.now() - t0 < STORE_SLICE_MS) {
        const inline = !viaPool[i];
        if (!storeOne() || inline) break;
      }
      ms += Date.now() - t0;
      if (i < articles.length) return false;
      relinker.changed(articles.length <= 1);
      if (errors.length) replyError(msg.id, new Error(errors.join('\n')));
      else reply(msg.id, { analysed: articles.length - skipped.length, ms, version: relinker.version, skipped });
      return true;
    },
    fail: (err) => {
      relinker.changed(articles.length <= 1);
      replyError(msg.id, err);
    },
  };
}

/** How long posting one part of a long list may hold the worker (the part's size adapts to it). */
const LIST_SLICE_MS = 6;

/**
 * A long list (the side bar's entities, events, quotes at 10,000 articles are megabytes) sent in parts, one per
 * step, so that copying it to the host never holds the worker for long; the list is the one of the step it began.
 */
function listTask(msg: RequestMessage<ListName>): Task {
  let items: Iterator<unknown> | undefined;
  let size = 64;
  return {
    interactive: true,
    bulk: true,
    kind: `list:${msg.op}`,
    step: () => {
      const t0 = performance.now();
      if (!items) {
        index.deferLinking = relinker.deferLinks();
        const handler = listHandlers[msg.op] as (args: unknown) => Iterable<unknown>;
        items = handler(msg.args)[Symbol.iterator]();
        relinker.noteLinked();
      }
      const part: unknown[] = [];
      let r = items.next();
      for (; !r.done && part.length < size; r = items.next()) part.push(r.value);
      if (r.done) {
        reply(msg.id, part);
        return true;
      }
      part.push(r.value);
      parentPort!.postMessage({ id: msg.id, part } satisfies ResponseMessage);
      // Parts grow while they are quick to copy and shrink when one took too long.
      const ms = performance.now() - t0;
      if (ms < LIST_SLICE_MS / 2) size = Math.min(size * 2, 8192);
      else if (ms > LIST_SLICE_MS) size = Math.max(1, Math.floor(size / 2));
      return false;
    },
    fail: (err) => replyError(msg.id, err),
  };
}

const LISTS = new Set<RequestName>([
  'entities',
  'events',
  'quotes',
  'titles',
  'mentionGroups',
  'eventRows',
  'quoteRows',
]);

function requestTask(msg: RequestMessage, arrived: number): Task {
  if (msg.op === 'upsert') return upsertTask(msg as RequestMessage<'upsert'>, order.next());
  const seq = BACKGROUND.has(msg.op) ? order.next() : 0;
  if (LISTS.has(msg.op)) return listTask(msg as RequestMessage<ListName>);
  const interactive = !BACKGROUND.has(msg.op);
  return {
    interactive,
    kind: msg.op,
    // The coverage matrix is one large answer: it waits behind hovers like the lists.
    bulk: msg.op === 'coverage',
    step: () => {
      const t0 = performance.now();
      // A query links first only when that is quick; else it answers from the last links (see relinker.ts).
      index.deferLinking = relinker.deferLinks();
      const handler = handlers[msg.op as keyof Handlers] as (args: unknown) => unknown;
      if (seq) order.note(seq, ...changedPaths(msg));
      reply(msg.id, handler(msg.args));
      relinker.noteLinked();
      if (msg.op === 'cards') {
        const port = msg.sent === undefined ? 0 : performance.timeOrigin + arrived - msg.sent;
        stats.noteCards(port, t0 - arrived, performance.now() - t0);
      }
      return true;
    },
    fail: (err) => replyError(msg.id, err),
  };
}

function onMessage(msg: RequestMessage): void {
  // Listing files touches no index: it runs on its own, with asynchronous I/O, while the queue goes on.
  if (msg.op === 'listFiles') {
    const { roots, globs } = (msg as RequestMessage<'listFiles'>).args;
    listArticleFiles(roots, globs).then(
      (files) => reply(msg.id, files),
      (err) => replyError(msg.id, err),
    );
    return;
  }
  queue.push(requestTask(msg, performance.now()));
}

/** How often a relink step looks into the port for a request (ms): a hover waits about this long at most. */
const POLL_MS = 0.5;
let lastPoll = 0;

/**
 * A relink step ends early when a request waits: the pacer asks with each clock reading, and the messages that
 * reached the port since are taken in (in order, as the 'message' event would have) and queued ahead of the relink.
 */
function requestWaiting(now: number): boolean {
  if (now - lastPoll >= POLL_MS && parentPort) {
    lastPoll = now;
    for (let m = receiveMessageOnPort(parentPort); m; m = receiveMessageOnPort(parentPort))
      onMessage(m.message as RequestMessage);
  }
  return queue.interactivePending;
}

parentPort?.on('message', onMessage);
setInterruptHook(requestWaiting);
