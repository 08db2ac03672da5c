// The sidecar's data model (schema version 1): the user's annotations of one article, as plain data.
import { createHash, randomBytes } from 'crypto';
import type { EventLinkRecord } from '../events/refind';
import { TextPositionSelector } from '../anchoring/textPosition';
import { TextQuoteSelector, describeQuote } from '../anchoring/textQuote';
import type { DecisionRecord } from './decisions';

export const SIDECAR_SCHEMA_VERSION = 1;
/** What an article's sidecar adds to its file name. */
export const SIDECAR_SUFFIX = '.annotations.yaml';
/** The sidecar of a whole folder (entity merges that hold for every article). */
export const FOLDER_SIDECAR = 'folder' + SIDECAR_SUFFIX;

/** The tags offered before any the user made up. */
export const BUILTIN_TAGS = [
  'person',
  'organization',
  'place',
  'nationality',
  'date',
  'event',
  'quote',
  'claim',
] as const;
export type BuiltinTag = (typeof BUILTIN_TAGS)[number];
/** A built-in tag or one the user made up. */
export type AnnotationTag = BuiltinTag | (string & {});

/** What the user decided about a machine suggestion. */
export type Decision = 'accepted' | 'rejected';
/** Whether a decision holds for this mention only or for every article of the folder. */
export type DecisionScope = 'here' | 'folder';

/** A linked event: its id and name, and what finds it again when the id has changed (see events/refind.ts). */
export type EventLink = EventLinkRecord;

export interface UserAnnotation {
  /** Stable random id, "a-" + 10 base32 characters. */
  id: string;
  tag: AnnotationTag;
  /** The annotated text as it was when last anchored. */
  text: string;
  note?: string;
  /** Canonical entity id the annotation is about (e.g. "person:yoon-suk-yeol"), when it is about one. */
  entity?: string;
  event?: EventLink;
  status?: Decision;
  scope?: DecisionScope;
  /** True when re-anchoring failed: the selectors describe a text that is no longer there. */
  orphaned?: boolean;
  /** Set by a merge when two branches changed this annotation differently: this is the other branch's version. */
  review?: 'conflict';
  /** With `review`: the id of the version this one competes with (kept under its own id). */
  conflictWith?: string;
  position: TextPositionSelector;
  quote: TextQuoteSelector;
  /** ISO 8601 times. */
  created: string;
  modified: string;
}

export interface Sidecar {
  schema: number;
  /** The article's file name (no folders). */
  article: string;
  /** "sha256:" + hex digest of the text the annotations were anchored to. */
  textHash: string;
  /** Publication date set by the user, YYYY-MM-DD. */
  published?: string;
  annotations: UserAnnotation[];
  /** Pairs of entity ids the user declared to be one entity. */
  mergeEntities: Array<[string, string]>;
  /** The user's accept / reject / tag decisions (folder sidecar only; see decisions.ts). Absent: none. */
  decisions?: DecisionRecord[];
}

/** Key order of an annotation in the file; unknown keys follow in the order the person wrote them. */
export const ANNOTATION_KEY_ORDER = [
  'id',
  'tag',
  'text',
  'note',
  'entity',
  'event',
  'status',
  'scope',
  'orphaned',
  'review',
  'conflictWith',
  'position',
  'quote',
  'created',
  'modified',
] as const;
/** Key order at the top of the file. */
export const SIDECAR_KEY_ORDER = [
  'schema',
  'article',
  'textHash',
  'published',
  'annotations',
  'mergeEntities',
  'decisions',
] as const;

export function textHash(text: string): string {
  return 'sha256:' + createHash('sha256').update(text, 'utf8').digest('hex');
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A fresh annotation id: random, so two people adding annotations never collide and no counter needs merging. */
export function newAnnotationId(randomSource: (n: number) => Uint8Array = randomBytes): string {
  const bytes = randomSource(10);
  let id = 'a-';
  for (let i = 0; i < 10; i++) id += BASE32[bytes[i] & 31];
  return id;
}

export function emptySidecar(article: string, text: string, published?: string): Sidecar {
  return {
    schema: SIDECAR_SCHEMA_VERSION,
    article,
    textHash: textHash(text),
    ...(published ? { published } : {}),
    annotations: [],
    mergeEntities: [],
  };
}

export interface NewAnnotation {
  start: number;
  end: number;
  tag: AnnotationTag;
  note?: string;
  entity?: string;
  event?: EventLink;
  status?: Decision;
  scope?: DecisionScope;
}

/** An annotation of text[start, end) with both selectors filled in. */
export function createAnnotation(
  text: string,
  spec: NewAnnotation,
  now: Date = new Date(),
  id: string = newAnnotationId(),
): UserAnnotation {
  if (!(spec.start >= 0 && spec.end <= text.length && spec.start < spec.end)) {
    throw new RangeError(
      `annotation range ${spec.start}-${spec.end} is outside the text (length ${text.length}) or empty`,
    );
  }
  const time = now.toISOString();
  const annotation: UserAnnotation = {
    id,
    tag: spec.tag,
    text: text.slice(spec.start, spec.end),
    position: { start: spec.start, end: spec.end },
    quote: describeQuote(text, spec.start, spec.end),
    created: time,
    modified: time,
  };
  if (spec.note !== undefined) annotation.note = spec.note;
  if (spec.entity !== undefined) annotation.entity = spec.entity;
  if (spec.event !== undefined) annotation.event = { ...spec.event };
  if (spec.status !== undefined) annotation.status = spec.status;
  if (spec.scope !== undefined) annotation.scope = spec.scope;
  return annotation;
}

/** Stable file order: by position, then id. */
export function compareAnnotations(a: UserAnnotation, b: UserAnnotation): number {
  return (
    a.position.start - b.position.start || a.position.end - b.position.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Stable order for merge pairs: each pair sorted, pairs sorted, duplicates dropped. */
export function normaliseMerges(pairs: ReadonlyArray<readonly [string, string]>): Array<[string, string]> {
  const seen = new Set<string>();
  const out: Array<[string, string]> = [];
  for (const [a, b] of pairs) {
    if (a === b) continue;
    const pair: [string, string] = a < b ? [a, b] : [b, a];
    const key = pair.join('\u0000');
    if (!seen.has(key)) {
      seen.add(key);
      out.push(pair);
    }
  }
  return out.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
}

/** Each entity id → the representative of its merged group (the smallest id), following chains of merges. */
export function entityAliases(pairs: ReadonlyArray<readonly [string, string]>): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    return root;
  };
  for (const [a, b] of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) {
      if (ra < rb) parent.set(rb, ra);
      else parent.set(ra, rb);
    }
  }
  const out = new Map<string, string>();
  for (const id of parent.keys()) out.set(id, find(id));
  return out;
}

/** Default sidecar location: `<article file name>.annotations.yaml` beside the article. */
export function sidecarPathBeside(articlePath: string): string {
  return articlePath + SIDECAR_SUFFIX;
}
