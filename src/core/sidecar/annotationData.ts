// The flat working shape of a user annotation that the editor's commands and views use, and its conversion to and
// from the stored shape (UserAnnotation in schema.ts), which keeps keys the working shape does not know.
import type { DecisionRecord } from './decisions';
import { Decision, DecisionScope, EventLink, UserAnnotation } from './schema';

/** An annotation's linked event in working form (the stored `name` is `label` here). */
export type LinkedEvent = { id: string; label: string } & Pick<EventLink, 'date' | 'place' | 'articles'>;

function linkedEvent(e: EventLink): LinkedEvent {
  const out: LinkedEvent = { id: String(e.id), label: String(e.name ?? e.id) };
  if (e.date !== undefined) out.date = e.date;
  if (e.place !== undefined) out.place = e.place;
  if (e.articles !== undefined) out.articles = [...e.articles];
  return out;
}

/** Keys in the order the sidecar reader gives them, so an unchanged link compares equal to the stored one. */
function storedEvent(e: LinkedEvent): EventLink {
  const out: EventLink = { id: e.id, name: e.label };
  if (e.date !== undefined) out.date = e.date;
  if (e.place !== undefined) out.place = e.place;
  if (e.articles !== undefined) out.articles = [...e.articles];
  return out;
}

/** A suggestion the user judged: accepted into the record, or marked wrong (no longer highlighted). */
export type SuggestionStatus = Decision;

/** One annotation in working form: a span of the article text with what the user said about it. */
export interface AnnotationData {
  id: string;
  start: number;
  end: number;
  /** The annotated text and its context, so the annotation can be found again after the article changes. */
  exact: string;
  prefix: string;
  suffix: string;
  tag?: string;
  note?: string;
  /** The linked event: `label` is its name; date, place and articles find it again when its id changed. */
  event?: LinkedEvent;
  /** Set when the annotation records a judgement on a detected entity or date. */
  status?: SuggestionStatus;
  /** The detected entity id the annotation confirms or rejects, e.g. "person:yoon-suk-yeol". */
  entityId?: string;
  /** Whether a judgement was made for this mention only or for the whole folder. */
  scope?: DecisionScope;
  /** Set when the annotation's text could not be found in the article the last time it was placed. */
  orphaned?: boolean;
  /** Set by a merge on the other branch's version of an annotation both branches changed (see merge.ts). */
  review?: 'conflict';
  /** With `review`: the id of the competing version. */
  conflictWith?: string;
  created?: string;
}

/** The working view of one sidecar. */
export interface ArticleSidecar {
  article: string;
  /** Publication date the user gave (YYYY-MM-DD), or null. */
  published: string | null;
  annotations: AnnotationData[];
  /** Pairs of entity ids the user says are one entity. */
  merges: Array<[string, string]>;
  /** The folder sidecar's decision records (decisions.ts); undefined in an article's sidecar. */
  decisions?: DecisionRecord[];
}

export function fromStored(u: UserAnnotation): AnnotationData {
  const a: AnnotationData = {
    id: String(u.id),
    start: u.position?.start ?? 0,
    end: u.position?.end ?? 0,
    exact: u.quote?.exact ?? u.text ?? '',
    prefix: u.quote?.prefix ?? '',
    suffix: u.quote?.suffix ?? '',
  };
  if (u.tag) a.tag = String(u.tag);
  if (u.note !== undefined) a.note = String(u.note);
  if (u.event?.id) a.event = linkedEvent(u.event);
  if (u.status === 'accepted' || u.status === 'rejected') a.status = u.status;
  if (u.entity) a.entityId = String(u.entity);
  if (u.scope === 'here' || u.scope === 'folder') a.scope = u.scope;
  if (u.orphaned) a.orphaned = true;
  if (u.review === 'conflict') a.review = 'conflict';
  if (u.conflictWith) a.conflictWith = String(u.conflictWith);
  if (u.created) a.created = String(u.created);
  return a;
}

/** Writes the working fields back onto the stored annotation, keeping keys this extension does not know. */
export function toStored(a: AnnotationData, previous: UserAnnotation | undefined, now: string): UserAnnotation {
  const u: UserAnnotation = previous ? { ...previous } : ({ id: a.id, created: a.created ?? now } as UserAnnotation);
  u.tag = a.tag ?? (a.event ? 'event' : 'note');
  u.text = a.exact;
  u.position = { start: a.start, end: a.end };
  u.quote = { exact: a.exact, prefix: a.prefix, suffix: a.suffix };
  const set = <K extends keyof UserAnnotation>(k: K, v: UserAnnotation[K] | undefined) => {
    if (v === undefined || v === '') delete u[k];
    else u[k] = v;
  };
  set('note', a.note);
  set('entity', a.entityId);
  set('event', a.event ? storedEvent(a.event) : undefined);
  set('status', a.status);
  set('scope', a.scope);
  set('orphaned', a.orphaned ? true : undefined);
  set('review', a.review);
  set('conflictWith', a.conflictWith);
  const changed =
    !previous || JSON.stringify({ ...previous, modified: undefined }) !== JSON.stringify({ ...u, modified: undefined });
  u.modified = changed ? now : (previous?.modified ?? now);
  return u;
}

/** Keeps one version (or both) of an annotation a merge marked `review: conflict`. */
export function settleReview(
  annotations: AnnotationData[],
  id: string,
  keep: 'this' | 'other' | 'both',
): AnnotationData[] {
  const copy = annotations.find((a) => a.id === id);
  if (!copy || copy.review !== 'conflict') return annotations;
  const settled = { ...copy, review: undefined, conflictWith: undefined };
  if (keep === 'other') return annotations.filter((a) => a.id !== id);
  if (keep === 'both') return annotations.map((a) => (a.id === id ? settled : a));
  // This version replaces the other one under the other one's id, so links to that id still hold.
  const original = copy.conflictWith;
  const rest = annotations.filter((a) => a.id !== id && a.id !== original);
  return [...rest, { ...settled, id: original ?? id }];
}
