// Three-way merge of sidecar texts by annotation id (git's merge driver and the conflict-marker quick fix use it).
import { createHash } from 'crypto';
import { Document, Pair, YAMLMap, YAMLSeq, isMap, isScalar, isSeq } from 'yaml';
import { mergeDecisions } from './decisions';
import { SIDECAR_KEY_ORDER, Sidecar, UserAnnotation, normaliseMerges } from './schema';
import { SidecarError, parseSidecar, serializeSidecar } from './yaml';

export type MergeSide = 'base' | 'ours' | 'theirs';

/** An annotation both sides changed differently: ours kept under `id`, theirs kept as `copyId` marked for review. */
export interface MergeConflict {
  id: string;
  copyId: string;
}

export type MergeOutcome =
  | { ok: true; text: string; sidecar: Sidecar; conflicts: MergeConflict[]; notes: string[] }
  | { ok: false; side: MergeSide; error: SidecarError };

/** One parsed side: data, YAML document, and per annotation id its node and a fingerprint of all that is in it. */
interface Side {
  sidecar: Sidecar;
  document: Document;
  nodes: Map<string, YAMLMap>;
  data: Map<string, UserAnnotation>;
  prints: Map<string, string>;
}

/** JSON with keys sorted, so two values that differ only in key order compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

function readSide(text: string): { ok: true; side: Side } | { ok: false; error: SidecarError } {
  const parsed = parseSidecar(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) return parsed;
  const nodes = new Map<string, YAMLMap>();
  const prints = new Map<string, string>();
  const seq: unknown = isMap(parsed.document.contents) ? parsed.document.contents.get('annotations', true) : undefined;
  for (const item of isSeq(seq) ? seq.items : []) {
    if (!isMap(item)) continue;
    const id = String(item.get('id'));
    nodes.set(id, item);
    // The whole node, unknown keys included: a change to a key this version does not know is a change too.
    prints.set(id, canonical(item.toJSON()));
  }
  const data = new Map(parsed.sidecar.annotations.map((a) => [a.id, a]));
  return { ok: true, side: { sidecar: parsed.sidecar, document: parsed.document, nodes, data, prints } };
}

/** A short, stable tag of the other side's version, so repeated merges give the same id. */
function copyIdFor(id: string, print: string): string {
  return `${id}-${createHash('sha256').update(print).digest('hex').slice(0, 6)}`;
}

interface Chosen {
  node: YAMLMap;
  data: UserAnnotation;
}

/** The annotations of the merge, following the rules in docs/sidecar-schema.md ("Merging"). */
function mergeAnnotations(
  base: Side | null,
  ours: Side,
  theirs: Side,
  notes: string[],
): { chosen: Chosen[]; conflicts: MergeConflict[] } {
  const ids = new Set([...(base?.nodes.keys() ?? []), ...ours.nodes.keys(), ...theirs.nodes.keys()]);
  const chosen: Chosen[] = [];
  const conflicts: MergeConflict[] = [];
  const take = (side: Side, id: string) =>
    chosen.push({ node: side.nodes.get(id)!.clone() as YAMLMap, data: side.data.get(id)! });
  for (const id of [...ids].sort()) {
    const b = base?.prints.get(id);
    const o = ours.prints.get(id);
    const t = theirs.prints.get(id);
    if (o !== undefined && t !== undefined) {
      if (o === t || t === b) take(ours, id);
      else if (o === b) take(theirs, id);
      else {
        take(ours, id);
        const copyId = copyIdFor(id, t);
        // Merged before (the copy is already on a side): the copy comes in under its own id, not twice.
        if (ids.has(copyId)) continue;
        const node = theirs.nodes.get(id)!.clone() as YAMLMap;
        node.set('id', copyId);
        chosen.push({ node, data: { ...theirs.data.get(id)!, id: copyId, review: 'conflict', conflictWith: id } });
        conflicts.push({ id, copyId });
      }
    } else if (o !== undefined || t !== undefined) {
      const side = o !== undefined ? ours : theirs;
      const print = o ?? t;
      if (b === undefined) take(side, id);
      else if (print !== b) {
        // Deleted on one side, changed on the other: the change is kept, so nobody's work disappears silently.
        take(side, id);
        notes.push(`annotation ${id} was deleted on one side and changed on the other: the changed version is kept`);
      }
    }
  }
  return { chosen, conflicts };
}

/** Three-way choice of one value: the side that changed it wins; both changed differently → ours, with a note. */
function mergeField<T>(name: string, base: T | undefined, ours: T, theirs: T, notes: string[], hasBase: boolean): T {
  const o = canonical(ours);
  const t = canonical(theirs);
  if (o === t) return ours;
  if (hasBase && o === canonical(base)) return theirs;
  if (!hasBase || t !== canonical(base))
    notes.push(`${name} differs on the two sides (${o ?? 'none'} / ${t ?? 'none'}): ours is kept`);
  return ours;
}

/** Entity merge pairs as a set: added on either side → kept; removed on one side (and still in base) → removed. */
function mergePairs(base: Sidecar | null, ours: Sidecar, theirs: Sidecar): Array<[string, string]> {
  const key = (p: readonly [string, string]): string => normaliseMerges([p])[0]?.join('\u0000') ?? '';
  const inBase = new Set((base?.mergeEntities ?? []).map(key));
  const inOurs = new Set(ours.mergeEntities.map(key));
  const inTheirs = new Set(theirs.mergeEntities.map(key));
  const all = [...ours.mergeEntities, ...theirs.mergeEntities];
  return normaliseMerges(all.filter((p) => !inBase.has(key(p)) || (inOurs.has(key(p)) && inTheirs.has(key(p)))));
}

const KNOWN_TOP = new Set<string>(SIDECAR_KEY_ORDER);

function topPairs(doc: Document): Map<string, Pair> {
  const out = new Map<string, Pair>();
  if (!isMap(doc.contents)) return out;
  for (const pair of doc.contents.items) {
    const k = isScalar(pair.key) ? pair.key.value : pair.key;
    if (typeof k === 'string' && !KNOWN_TOP.has(k)) out.set(k, pair as Pair);
  }
  return out;
}

/** Top-level keys this version does not know, merged three-way in `doc` (a clone of ours). */
function mergeUnknownTopKeys(doc: Document, base: Side | null, theirs: Side): void {
  const top = doc.contents as YAMLMap;
  const mine = topPairs(doc);
  const theirPairs = topPairs(theirs.document);
  const basePairs = base ? topPairs(base.document) : new Map<string, Pair>();
  const print = (p: Pair | undefined): string | undefined =>
    p ? canonical(isMap(p.value) || isSeq(p.value) || isScalar(p.value) ? p.value.toJSON() : p.value) : undefined;
  for (const key of new Set([...mine.keys(), ...theirPairs.keys(), ...basePairs.keys()])) {
    const o = print(mine.get(key));
    const t = print(theirPairs.get(key));
    if (o === t || o !== print(basePairs.get(key))) continue; // unchanged by them, or changed by us: ours stays
    const theirsPair = theirPairs.get(key);
    if (theirsPair) top.set(key, (theirsPair.value as { clone?: () => unknown })?.clone?.() ?? theirsPair.value);
    else top.delete(key);
  }
}

/**
 * Merges three sidecar texts by annotation id; `base` null means no common ancestor (both sides added the file).
 * Comments and unknown keys come with the version chosen of each annotation; the file's own comments are ours.
 * Output order is the writer's stable order, so merging the same inputs twice gives the same bytes.
 */
export function mergeSidecarTexts(base: string | null, ours: string, theirs: string): MergeOutcome {
  const sides: Partial<Record<MergeSide, Side>> = {};
  for (const [name, text] of [
    ['base', base],
    ['ours', ours],
    ['theirs', theirs],
  ] as const) {
    if (text === null) continue;
    const r = readSide(text);
    if (!r.ok) return { ok: false, side: name, error: r.error };
    sides[name] = r.side;
  }
  return mergeSides(sides.base ?? null, sides.ours!, sides.theirs!);
}

function mergeSides(base: Side | null, ours: Side, theirs: Side): MergeOutcome {
  const notes: string[] = [];
  const { chosen, conflicts } = mergeAnnotations(base, ours, theirs, notes);
  const doc = ours.document.clone();
  const top = doc.contents as YAMLMap;
  // The chosen nodes (with their comments and unknown keys) go in; the writer then orders them and checks the values.
  const existing: unknown = top.get('annotations', true);
  const seq = isSeq(existing) ? existing : new YAMLSeq();
  seq.items = chosen.map((c) => c.node);
  if (chosen.length) seq.flow = false;
  if (seq !== existing && chosen.length) top.set('annotations', seq);
  mergeUnknownTopKeys(doc, base, theirs);
  const b = base?.sidecar;
  const field = <K extends 'article' | 'textHash' | 'published'>(k: K) =>
    mergeField(k, b?.[k], ours.sidecar[k], theirs.sidecar[k], notes, base !== null);
  const published = field('published');
  const sidecar: Sidecar = {
    schema: Math.max(ours.sidecar.schema, theirs.sidecar.schema),
    article: field('article'),
    textHash: field('textHash'),
    ...(published !== undefined ? { published } : {}),
    annotations: chosen.map((c) => c.data),
    mergeEntities: mergePairs(b ?? null, ours.sidecar, theirs.sidecar),
  };
  if (ours.sidecar.decisions || theirs.sidecar.decisions)
    sidecar.decisions = mergeDecisions(
      b?.decisions ?? null,
      ours.sidecar.decisions ?? [],
      theirs.sidecar.decisions ?? [],
      notes,
    );
  const text = serializeSidecar(sidecar, doc);
  const check = parseSidecar(text);
  if (!check.ok)
    return {
      ok: false,
      side: 'ours',
      error: { ...check.error, message: `internal error, the merged sidecar does not parse: ${check.error.message}` },
    };
  return { ok: true, text, sidecar: check.sidecar, conflicts, notes };
}

/** The sides of a file git left with conflict markers: `base` only when it was written diff3-style (`|||||||`). */
export interface ConflictSides {
  ours: string;
  theirs: string;
  base: string | null;
}

// Tested against a line without its line break.
const MARK = { start: /^<{7}(?:[ \t]|$)/, base: /^\|{7}(?:[ \t]|$)/, middle: /^={7}[ \t]*$/, end: /^>{7}(?:[ \t]|$)/ };
const bare = (line: string): string => line.replace(/\r?\n$/, '').replace(/\r$/, '');

/** Whether the text holds git's conflict markers (a start, a separator and an end line). */
export function hasConflictMarkers(text: string): boolean {
  const lines = text.split('\n').map(bare);
  return (
    lines.some((l) => MARK.start.test(l)) &&
    lines.some((l) => MARK.middle.test(l)) &&
    lines.some((l) => MARK.end.test(l))
  );
}

/** Splits a file with conflict markers into its sides; null when the markers are not well formed. */
export function splitConflictMarkers(text: string): ConflictSides | null {
  const out = { ours: '', theirs: '', base: '' };
  let state: 'common' | 'ours' | 'base' | 'theirs' = 'common';
  let blocks = 0;
  let diff3 = 0;
  for (const line of text.split(/(?<=\n)/)) {
    const l = bare(line);
    if (MARK.start.test(l) && state === 'common') {
      state = 'ours';
      blocks++;
    } else if (MARK.base.test(l) && state === 'ours') {
      state = 'base';
      diff3++;
    } else if (MARK.middle.test(l) && (state === 'ours' || state === 'base')) state = 'theirs';
    else if (MARK.end.test(l) && state === 'theirs') state = 'common';
    else if (state === 'common') {
      out.ours += line;
      out.theirs += line;
      out.base += line;
    } else out[state] += line;
  }
  if (state !== 'common' || blocks === 0 || (diff3 > 0 && diff3 !== blocks)) return null;
  return { ours: out.ours, theirs: out.theirs, base: diff3 ? out.base : null };
}

/**
 * Resolves a sidecar that holds conflict markers: splits it and merges the sides. A base that does not parse
 * (both branches added the file, so the base is only the lines they share) counts as no base.
 */
export function resolveConflictMarkers(
  text: string,
): MergeOutcome | { ok: false; side: 'markers'; error: SidecarError } {
  const sides = splitConflictMarkers(text);
  if (!sides)
    return {
      ok: false,
      side: 'markers',
      error: {
        message: 'the conflict markers are not well formed (<<<<<<<, =======, >>>>>>> in this order)',
        line: 0,
        column: 0,
      },
    };
  const base = sides.base !== null && parseSidecar(sides.base).ok ? sides.base : null;
  return mergeSidecarTexts(base, sides.ours, sides.theirs);
}
