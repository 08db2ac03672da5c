// Messages between the extension host and the analysis worker that owns the corpus index.
// The worker keeps heavy analysis off the extension host. Requests that change the index (upsert, remove,
// rename, setMerges) are applied in order; queries are answered ahead of them, from the state at that moment,
// so a caller that needs its change seen awaits the change's reply first (the host always does). An upsert's
// `version` is the index's count of applied changes once its articles are in (see WorkerEvent).
import type { DocumentView } from '../../core/corpus';
import type { EntityRecord, Span, EventCluster, MentionRef, QuoteCluster } from '../../core/model';
import type { CoverageMatrix, EventRow, MentionGroup, MentionKind, QuoteRow } from './viewModel';
import type { Suggestion } from '../../core/learning';
import type { DecisionRecord } from '../../core/sidecar/decisions';
import type { EventLinkRecord } from '../../core/events/refind';
import type { WorkerStatsSnapshot } from './workerStats';
import type { LineRange } from './positions';

/** What a hover shows of a linked event as the folder has it now. */
export interface FoundEventInfo {
  id: string;
  label: string;
  date: string | null;
  place: string | null;
  articles: number;
  how: 'id' | 'content';
  /** A mention of the event in another article than the link's, to jump to. */
  open: { path: string; start: number; end: number; title: string } | null;
}

export interface ArticleInput {
  path: string;
  text: string;
  userPublished: string | null;
}

/** An article of the local disk that the worker reads itself (the host sends only its path). */
export interface ArticleFile {
  path: string;
  file: string;
  userPublished: string | null;
  maxBytes: number;
}

export interface Requests {
  /** `skipped`: files not indexed (too large, binary, unreadable), each with the message to log. */
  upsert: {
    args: { articles: (ArticleInput | ArticleFile)[] };
    result: { analysed: number; ms: number; version: number; skipped: { path: string; message: string }[] };
  };
  /** The text files under these folders that match the article globs (read by the worker, not the host). */
  listFiles: { args: { roots: string[]; globs: string[] }; result: string[] };
  remove: { args: { paths: string[] }; result: void };
  /** The user's entity merges for the folder (from the folder sidecar). */
  setMerges: { args: { pairs: [string, string][] }; result: void };
  rename: { args: { from: string; to: string }; result: void };
  view: { args: { path: string; range?: Span }; result: DocumentView | null };
  /**
   * The hover at an offset, as Markdown rendered in the worker: a card of a name or an event in a large folder
   * holds thousands of articles, which the host would otherwise receive and lex on every hover.
   */
  cards: { args: { path: string; offset: number }; result: { span: Span; markdown: string }[] };
  /** Every mention of what is at the offset, each with its line range, so the host opens none of the articles. */
  references: { args: { path: string; offset: number }; result: (MentionRef & { range: LineRange | null })[] };
  entities: { args: Record<string, never>; result: EntityRecord[] };
  events: { args: Record<string, never>; result: EventCluster[] };
  /**
   * The event a user's link points at now (events/refind.ts): the same id, or the event found again by the
   * articles, date and place the link stored; `path` is the article holding the link (`open` is another one).
   */
  findEvent: { args: { link: EventLinkRecord; path: string }; result: FoundEventInfo | null };
  quotes: { args: Record<string, never>; result: QuoteCluster[] };
  /** The Events view's rows (timeline order) and the Quotes view's (most reported first): counts, not mentions. */
  eventRows: { args: Record<string, never>; result: EventRow[] };
  quoteRows: { args: Record<string, never>; result: QuoteRow[] };
  titles: { args: Record<string, never>; result: { path: string; title: string | null; published: string | null }[] };
  /** The mentions of one entity, event or quote, by article, with sentence excerpts (side-bar views). */
  mentionGroups: { args: { kind: MentionKind; id: string }; result: MentionGroup[] };
  /** Events × articles (coverage matrix). */
  coverage: { args: Record<string, never>; result: CoverageMatrix };
  /** The folder's decisions (from the folder sidecar): the model is rebuilt from them. */
  setDecisions: { args: { decisions: DecisionRecord[] }; result: void };
  /** An article's suggestions after the decisions; `article` is its path as decisions name it (src/core/learning). */
  suggestions: { args: { path: string; article: string }; result: Suggestion[] | null };
  /** What held the worker since the last reset (bench figures); `reset` starts a new sample. */
  stats: { args: { reset: boolean }; result: WorkerStatsSnapshot };
  /** The types of the other names in the sentence of [start, end): recorded with a decision (a model feature). */
  sentenceTypes: { args: { path: string; start: number; end: number }; result: string[] };
}

export type RequestName = keyof Requests;

export interface RequestMessage<K extends RequestName = RequestName> {
  id: number;
  op: K;
  args: Requests[K]['args'];
  /** When the host posted it (ms since the epoch, performance.timeOrigin + now): how long it sat in the port. */
  sent?: number;
}

/**
 * Sent by the worker unasked: the folder was relinked (`ms` of linking, spread over slices), and its links now include
 * every change up to `version` (compare with an upsert's version to know whether an edit is linked).
 */
export interface WorkerEvent {
  event: 'linked';
  ms: number;
  version: number;
  /** The longest single step of linking since the last event (the most a query waited behind the link). */
  longestStepMs?: number;
  /**
   * The changed articles up to `version` are linked with the articles around them only (a local link); the
   * folder-wide link follows with an event of its own.
   */
  partial?: boolean;
  error?: string;
}

/**
 * The answer to a request. A long list (entities, events, quotes, titles, mention groups) comes in parts, each
 * posted in a step of its own so that a hover is answered between them: the result is the parts' items in order,
 * followed by the final message's items.
 */
export type ResponseMessage =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string }
  | { id: number; part: unknown[] };
