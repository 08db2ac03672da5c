// Decision records: the user's accept / reject / tag decisions kept in the folder sidecar, from which the folder's
// suggestions are recomputed (propagation and the adaptive model, src/core/learning). Plain data, merged by id.
import { randomBytes } from 'crypto';
import { describeQuote } from '../anchoring/textQuote';
import type { AnnotationTag, DecisionScope } from './schema';

/** What the user did: took a suggestion, refused it, or tagged a span themselves (a new type or a missed name). */
export type DecisionAction = 'accept' | 'reject' | 'tag';
export const DECISION_ACTIONS: readonly DecisionAction[] = ['accept', 'reject', 'tag'];

/** Who proposed the suggestion that was judged. */
export type SuggestionSource = 'rules' | 'your-tags' | 'model';
export const SUGGESTION_SOURCES: readonly SuggestionSource[] = ['rules', 'your-tags', 'model'];

/**
 * One decision. Enough to find the span again (article, position, quote) and to recompute the model's features
 * (the text, its quote context and the types of the sentence's other names) without re-reading the article.
 */
export interface DecisionRecord {
  /** Stable random id, "d-" + 10 base32 characters: two colleagues' decisions merge by it. */
  id: string;
  action: DecisionAction;
  /** The type decided about: the suggestion's type (accept, reject) or the type the user gave (tag). */
  tag: AnnotationTag;
  /** The span's text. */
  text: string;
  /** `folder`: holds for this text in every article; `here`: this mention (it still teaches the model). */
  scope: DecisionScope;
  /** The article's path relative to the folder of the folder sidecar, with forward slashes. */
  article: string;
  position: { start: number; end: number };
  /** The text and up to 32 characters either side: re-anchors the decision and gives the neighbouring words. */
  quote: { exact: string; prefix: string; suffix: string };
  /** The type the machine suggested at this span, when it suggested one (a tag over it replaces it). */
  suggested?: AnnotationTag;
  /** Who proposed what was judged. */
  source?: SuggestionSource;
  /** Types of the other names in the sentence (sorted, unique), a feature of the model. */
  sentence?: string[];
  /** "sha256:" + hex digest of the article text when the decision was made. */
  textHash?: string;
  author?: string;
  /** ISO 8601 time of the decision. */
  created: string;
}

/** Key order of a decision in the file; unknown keys follow. */
export const DECISION_KEY_ORDER = [
  'id',
  'action',
  'tag',
  'text',
  'scope',
  'article',
  'suggested',
  'source',
  'sentence',
  'position',
  'quote',
  'textHash',
  'author',
  'created',
] as const;

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A fresh decision id: random, so two people's decisions never collide. */
export function newDecisionId(randomSource: (n: number) => Uint8Array = randomBytes): string {
  const bytes = randomSource(10);
  let id = 'd-';
  for (let i = 0; i < 10; i++) id += BASE32[bytes[i] & 31];
  return id;
}

/** What the editor (or a test) knows when the user decides. */
export interface NewDecision {
  action: DecisionAction;
  tag: AnnotationTag;
  scope: DecisionScope;
  /** Article path relative to the folder sidecar's folder. */
  article: string;
  start: number;
  end: number;
  suggested?: AnnotationTag;
  source?: SuggestionSource;
  /** Types of the other names in the sentence; `sentenceTypesAt` (learning) computes them. */
  sentence?: string[];
  textHash?: string;
  author?: string;
}

/** A decision about text[start, end) with its anchor filled in. */
export function createDecision(
  text: string,
  spec: NewDecision,
  now: Date = new Date(),
  id: string = newDecisionId(),
): DecisionRecord {
  if (!(spec.start >= 0 && spec.end <= text.length && spec.start < spec.end))
    throw new RangeError(`decision range ${spec.start}-${spec.end} is outside the text (length ${text.length})`);
  const d: DecisionRecord = {
    id,
    action: spec.action,
    tag: spec.tag,
    text: text.slice(spec.start, spec.end),
    scope: spec.scope,
    article: spec.article.replace(/\\/g, '/'),
    position: { start: spec.start, end: spec.end },
    quote: describeQuote(text, spec.start, spec.end),
    created: now.toISOString(),
  };
  if (spec.suggested !== undefined) d.suggested = spec.suggested;
  if (spec.source !== undefined) d.source = spec.source;
  if (spec.sentence !== undefined) d.sentence = [...new Set(spec.sentence)].sort();
  if (spec.textHash !== undefined) d.textHash = spec.textHash;
  if (spec.author !== undefined) d.author = spec.author;
  return d;
}

/** Stable file order: by time, then id (the model does not depend on it: it is rebuilt in id order). */
export function compareDecisions(a: DecisionRecord, b: DecisionRecord): number {
  return a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A decision from plain data, or "key\0message" saying what is wrong. */
export function readDecision(raw: unknown): DecisionRecord | string {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return '\u0000must be a mapping';
  const a = raw as Record<string, unknown>;
  const str = (key: string): string | undefined =>
    typeof a[key] === 'string' ? (a[key] as string) : typeof a[key] === 'number' ? String(a[key]) : undefined;
  const id = str('id');
  if (!id) return 'id\u0000`id` is required';
  if (!DECISION_ACTIONS.includes(a.action as DecisionAction))
    return 'action\u0000`action` must be accept, reject or tag';
  const tag = str('tag');
  if (!tag) return 'tag\u0000`tag` is required';
  if (a.scope !== 'here' && a.scope !== 'folder') return 'scope\u0000`scope` must be here or folder';
  const article = str('article');
  if (article === undefined) return 'article\u0000`article` must be the article path';
  const p = a.position as Record<string, unknown> | undefined;
  if (!p || typeof p !== 'object' || !Number.isInteger(p.start) || !Number.isInteger(p.end) || +p.start! > +p.end!)
    return 'position\u0000`position` needs integer `start` ≤ `end`';
  const q = a.quote as Record<string, unknown> | undefined;
  if (!q || typeof q !== 'object' || typeof q.exact !== 'string') return 'quote\u0000`quote` needs `exact` text';
  const d: DecisionRecord = {
    id,
    action: a.action as DecisionAction,
    tag,
    text: str('text') ?? q.exact,
    scope: a.scope,
    article,
    position: { start: p.start as number, end: p.end as number },
    quote: {
      exact: q.exact,
      prefix: typeof q.prefix === 'string' ? q.prefix : '',
      suffix: typeof q.suffix === 'string' ? q.suffix : '',
    },
    created: str('created') ?? '',
  };
  return readOptional(a, d);
}

function readOptional(a: Record<string, unknown>, d: DecisionRecord): DecisionRecord | string {
  if (a.suggested !== undefined && a.suggested !== null) {
    if (typeof a.suggested !== 'string') return 'suggested\u0000`suggested` must be a tag';
    d.suggested = a.suggested;
  }
  if (a.source !== undefined && a.source !== null) {
    if (!SUGGESTION_SOURCES.includes(a.source as SuggestionSource))
      return 'source\u0000`source` must be rules, your-tags or model';
    d.source = a.source as SuggestionSource;
  }
  if (a.sentence !== undefined && a.sentence !== null) {
    if (!Array.isArray(a.sentence) || !a.sentence.every((x) => typeof x === 'string'))
      return 'sentence\u0000`sentence` must be a list of tags';
    d.sentence = a.sentence as string[];
  }
  for (const k of ['textHash', 'author'] as const) {
    if (a[k] === undefined || a[k] === null) continue;
    if (typeof a[k] !== 'string') return `${k}\u0000\`${k}\` must be text`;
    d[k] = a[k];
  }
  return d;
}

/** The record as plain data in key order (optional keys left out), for the YAML writer. */
export function decisionToPlain(d: DecisionRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of DECISION_KEY_ORDER) {
    const v = d[k];
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? [...v] : typeof v === 'object' ? { ...v } : v;
  }
  return out;
}

const print = (d: DecisionRecord | undefined): string | undefined =>
  d === undefined ? undefined : JSON.stringify(decisionToPlain(d));

/**
 * Three-way merge of decision lists by id: added on either side → kept; removed on one side (undone) and unchanged
 * on the other → removed; changed on one side → that change; changed differently on both → ours, with a note.
 */
export function mergeDecisions(
  base: readonly DecisionRecord[] | null,
  ours: readonly DecisionRecord[],
  theirs: readonly DecisionRecord[],
  notes: string[] = [],
): DecisionRecord[] {
  const index = (list: readonly DecisionRecord[] | null) => new Map((list ?? []).map((d) => [d.id, d]));
  const [b, o, t] = [index(base), index(ours), index(theirs)];
  const out: DecisionRecord[] = [];
  for (const id of [...new Set([...b.keys(), ...o.keys(), ...t.keys()])].sort()) {
    const [pb, po, pt] = [print(b.get(id)), print(o.get(id)), print(t.get(id))];
    if (po !== undefined && pt !== undefined) {
      if (po !== pt && pt !== pb && po !== pb) notes.push(`decision ${id} differs on the two sides: ours is kept`);
      out.push(po === pb && pt !== undefined ? t.get(id)! : o.get(id)!);
    } else if (po !== undefined || pt !== undefined) {
      const kept = (po !== undefined ? o : t).get(id)!;
      if (pb === undefined) out.push(kept);
      else if ((po ?? pt) !== pb) {
        out.push(kept);
        notes.push(`decision ${id} was undone on one side and changed on the other: the changed version is kept`);
      }
    }
  }
  return out.sort(compareDecisions);
}
