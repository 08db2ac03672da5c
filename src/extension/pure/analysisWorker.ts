// Worker thread that owns the corpus index, so analysing large files never blocks the extension host.
import { displayName } from '../../core/displayName';
import { parentPort, workerData } from 'worker_threads';
import { CorpusIndex } from '../../core/corpus';
import { analysisBuild, DiskAnalysisStore } from './analysisStore';
import { RequestMessage, RequestName, Requests, ResponseMessage } from './protocol';
import { buildCoverage, groupMentions, MentionKind } from './viewModel';
import { sentenceAt } from '../../core/article';

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

// Linking a large folder takes seconds. Once it does, queries answer from the last links (with each
// edited article's fresh analysis) and the folder is relinked when no change has come for a moment.
const SLOW_LINK_MS = 300;
const RELINK_AFTER_MS = 750;
let relinkTimer: ReturnType<typeof setTimeout> | undefined;
function changed(): void {
  clearTimeout(relinkTimer);
  relinkTimer = setTimeout(() => {
    if (!index.needsLink) return;
    index.link();
    index.deferLinking = index.lastLinkMs > SLOW_LINK_MS;
    // Views built from the previous links can now refresh.
    parentPort?.postMessage({ event: 'linked', ms: index.lastLinkMs });
  }, RELINK_AFTER_MS);
}

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

type Handlers = { [K in RequestName]: (args: Requests[K]['args']) => Requests[K]['result'] };

const handlers: Handlers = {
  upsert: ({ articles }) => {
    const t0 = Date.now();
    for (const a of articles) index.upsert(a.path, a.text, a.userPublished);
    changed();
    return { analysed: articles.length, ms: Date.now() - t0 };
  },
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
};

parentPort?.on('message', (msg: RequestMessage) => {
  let reply: ResponseMessage;
  try {
    const handler = handlers[msg.op] as (args: unknown) => unknown;
    reply = { id: msg.id, ok: true, result: handler(msg.args) };
    // A query may have linked the folder; once that is slow, later queries stop waiting for links.
    index.deferLinking = index.lastLinkMs > SLOW_LINK_MS;
  } catch (err) {
    reply = { id: msg.id, ok: false, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) };
  }
  parentPort!.postMessage(reply);
});
