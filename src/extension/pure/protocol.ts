// Messages between the extension host and the analysis worker that owns the corpus index.
// The worker keeps heavy analysis off the extension host. Requests that change the index (upsert, remove,
// rename, setMerges) are applied in order; queries are answered ahead of them, from the state at that moment,
// so a caller that needs its change seen awaits the change's reply first (the host always does).
import type { Card, DocumentView } from '../../core/corpus';
import type { EntityRecord, Span, EventCluster, MentionRef, QuoteCluster } from '../../core/model';
import type { CoverageMatrix, MentionGroup, MentionKind } from './viewModel';
import type { Suggestion } from '../../core/learning';
import type { DecisionRecord } from '../../core/sidecar/decisions';

export interface ArticleInput {
  path: string;
  text: string;
  userPublished: string | null;
}

export interface Requests {
  upsert: { args: { articles: ArticleInput[] }; result: { analysed: number; ms: number } };
  remove: { args: { paths: string[] }; result: void };
  /** The user's entity merges for the folder (from the folder sidecar). */
  setMerges: { args: { pairs: [string, string][] }; result: void };
  rename: { args: { from: string; to: string }; result: void };
  view: { args: { path: string; range?: Span }; result: DocumentView | null };
  cards: { args: { path: string; offset: number }; result: Card[] };
  references: { args: { path: string; offset: number }; result: MentionRef[] };
  entities: { args: Record<string, never>; result: EntityRecord[] };
  events: { args: Record<string, never>; result: EventCluster[] };
  quotes: { args: Record<string, never>; result: QuoteCluster[] };
  titles: { args: Record<string, never>; result: { path: string; title: string | null; published: string | null }[] };
  /** The mentions of one entity, event or quote, by article, with sentence excerpts (side-bar views). */
  mentionGroups: { args: { kind: MentionKind; id: string }; result: MentionGroup[] };
  /** Events × articles (coverage matrix). */
  coverage: { args: Record<string, never>; result: CoverageMatrix };
  /** The folder's decisions (from the folder sidecar): the model is rebuilt from them. */
  setDecisions: { args: { decisions: DecisionRecord[] }; result: void };
  /** An article's suggestions after the decisions; `article` is its path as decisions name it (src/core/learning). */
  suggestions: { args: { path: string; article: string }; result: Suggestion[] | null };
  /** The types of the other names in the sentence of [start, end): recorded with a decision (a model feature). */
  sentenceTypes: { args: { path: string; start: number; end: number }; result: string[] };
}

export type RequestName = keyof Requests;

export interface RequestMessage<K extends RequestName = RequestName> {
  id: number;
  op: K;
  args: Requests[K]['args'];
}

export type ResponseMessage = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
