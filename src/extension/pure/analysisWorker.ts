// Worker thread that owns the corpus index, so analysing large files never blocks the extension host.
import { displayName } from '../../core/displayName';
import { parentPort, workerData } from 'worker_threads';
import { CorpusIndex } from '../../core/corpus';
import { analysisBuild, DiskAnalysisStore } from './analysisStore';
import { RequestMessage, RequestName, Requests, ResponseMessage } from './protocol';
import { buildCoverage, groupMentions, MentionKind } from './viewModel';
import { sentenceAt } from '../../core/article';
import { stepwise, Task, WorkQueue } from './workQueue';
import { LearnedState } from './learnedState';

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

// Requests wait in a priority queue: hovers, views and status first, indexing one article at a time between them.
const queue = new WorkQueue();

// Linking a large folder takes seconds. Once it does, queries answer from the last links (with each
// edited article's fresh analysis) and the folder is relinked when no change has come for a moment.
// The cost of the next link is estimated from the last one and the articles added since, so a hover never
// pays for linking a folder that has grown large since it was last linked.
const SLOW_LINK_MS = 300;
const RELINK_AFTER_MS = 750;
let relinkTimer: ReturnType<typeof setTimeout> | undefined;
/** Articles in the index at the last link: linking time grows with them, so the next link is estimated. */
let linkedSize = 0;
function noteLinked(): void {
  if (!index.needsLink) linkedSize = index.size;
}
function estimatedLinkMs(): number {
  return (Math.max(1, index.lastLinkMs) * Math.max(1, index.size)) / Math.max(1, linkedSize);
}
/** Queries answer from the last links when linking now would be slow (a large folder, or one still growing). */
function deferLinks(): boolean {
  return estimatedLinkMs() > SLOW_LINK_MS;
}
function changed(): void {
  clearTimeout(relinkTimer);
  // A slow link waits for a longer pause, so a folder still being indexed is not relinked between batches.
  const quiet = Math.max(RELINK_AFTER_MS, 2 * estimatedLinkMs());
  relinkTimer = setTimeout(() => queue.push(relinkTask), quiet);
}

// Queued behind the indexing already asked for, so interactive requests go first and never find a relink
// started ahead of them. (The relink itself is one synchronous call of the corpus index.)
const relinkTask: Task = {
  interactive: false,
  step: () => {
    if (!index.needsLink) return true;
    index.link();
    noteLinked();
    // Views built from the previous links can now refresh.
    parentPort?.postMessage({ event: 'linked', ms: index.lastLinkMs });
    return true;
  },
  fail: (err) => parentPort?.postMessage({ event: 'linked', ms: 0, error: String(err) }),
};

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

// Upserts run article by article from the queue (see upsertTask); every other request is one call.
type Handlers = { [K in Exclude<RequestName, 'upsert'>]: (args: Requests[K]['args']) => Requests[K]['result'] };

const handlers: Handlers = {
  remove: ({ paths }) => {
    for (const p of paths) index.remove(p);
    changed();
  },
  rename: ({ from, to }) => {
    index.rename(from, to);
    changed();
  },
  setMerges: ({ pairs }) => {
    index.setMerges(pairs);
    changed();
  },
  view: ({ path, range }) => index.view(path, range) ?? null,
  cards: ({ path, offset }) => index.cardsAt(path, offset),
  references: ({ path, offset }) => index.references(path, offset),
  entities: () => index.entities(),
  events: () => index.events(),
  quotes: () => index.quotes(),
  titles: () =>
    index.paths().map((p) => {
      const a = index.analysis(p)!;
      return { path: p, title: displayName(a.article), published: a.article.published?.value ?? null };
    }),
  mentionGroups: ({ kind, id }) => groupMentions(mentionsOf(kind, id), articleSource),
  coverage: () => buildCoverage(index.events(), handlers.titles({})),
  setDecisions: ({ decisions }) => learned.set(decisions),
  suggestions: ({ path, article }) => learned.suggest(index.analysis(path), article),
  sentenceTypes: ({ path, start, end }) => LearnedState.sentenceTypes(index.analysis(path), start, end),
};

/** Requests that change the index keep their order among themselves; the others are served first. */
const BACKGROUND = new Set<RequestName>(['upsert', 'remove', 'rename', 'setMerges']);

function reply(id: number, result: unknown): void {
  parentPort!.postMessage({ id, ok: true, result } satisfies ResponseMessage);
}

function replyError(id: number, err: unknown): void {
  const error = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
  parentPort!.postMessage({ id, ok: false, error } satisfies ResponseMessage);
}

/** Indexing a batch, one article per step, so a hover asked meanwhile waits for one article at most. */
function upsertTask(msg: RequestMessage<'upsert'>): Task {
  let ms = 0;
  const { articles } = msg.args;
  return stepwise(
    false,
    articles,
    (a) => {
      const t0 = Date.now();
      index.upsert(a.path, a.text, a.userPublished);
      ms += Date.now() - t0;
    },
    () => {
      changed();
      reply(msg.id, { analysed: articles.length, ms });
    },
    (err) => {
      changed();
      replyError(msg.id, err);
    },
  );
}

function requestTask(msg: RequestMessage): Task {
  if (msg.op === 'upsert') return upsertTask(msg as RequestMessage<'upsert'>);
  const interactive = !BACKGROUND.has(msg.op);
  return {
    interactive,
    step: () => {
      index.deferLinking = deferLinks();
      const handler = handlers[msg.op as Exclude<RequestName, 'upsert'>] as (args: unknown) => unknown;
      reply(msg.id, handler(msg.args));
      noteLinked();
      return true;
    },
    fail: (err) => replyError(msg.id, err),
  };
}

parentPort?.on('message', (msg: RequestMessage) => queue.push(requestTask(msg)));
