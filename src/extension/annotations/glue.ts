// Glue between the extension's annotation shapes and sidecar files in the core schema (src/core/sidecar/schema.ts):
// read with the YAML error line, update as read-now/mutate/write-atomically so two windows both keep theirs.
// Parsing, validation, comment-preserving writing and the merge-on-write update are the core's (src/core/sidecar).
import * as fs from 'fs';
import * as path from 'path';
import type { Document } from 'yaml';
import { SIDECAR_SCHEMA_VERSION, Sidecar, UserAnnotation, normaliseMerges, textHash } from '../../core/sidecar/schema';
import { SidecarStore, nodeFileSystem } from '../../core/sidecar/store';
import { parseSidecar } from '../../core/sidecar/yaml';
import type { AnnotationData } from './types';

/** The extension's working view of one sidecar. */
export interface ArticleSidecar {
  article: string;
  /** Publication date the user gave (YYYY-MM-DD), or null. */
  published: string | null;
  annotations: AnnotationData[];
  /** Pairs of entity ids the user says are one entity. */
  merges: Array<[string, string]>;
}

export type SidecarRead = { kind: 'missing' } | { kind: 'ok'; data: ArticleSidecar } | { kind: 'broken'; message: string; line: number | null };

export class BrokenSidecarError extends Error {
  constructor(readonly file: string, readonly detail: string, readonly line: number | null) {
    super(`${path.basename(file)} is not valid YAML${line ? ` (line ${line})` : ''}: ${detail}`);
  }
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
  if (u.event?.id) a.event = { id: String(u.event.id), label: String(u.event.name ?? u.event.id) };
  if (u.status === 'accepted' || u.status === 'rejected') a.status = u.status;
  if (u.entity) a.entityId = String(u.entity);
  if (u.scope === 'here' || u.scope === 'folder') a.scope = u.scope;
  if (u.orphaned) a.orphaned = true;
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
  set('event', a.event ? { id: a.event.id, name: a.event.label } : undefined);
  set('status', a.status);
  set('scope', a.scope);
  set('orphaned', a.orphaned ? true : undefined);
  const changed = !previous || JSON.stringify({ ...previous, modified: undefined }) !== JSON.stringify({ ...u, modified: undefined });
  u.modified = changed ? now : (previous?.modified ?? now);
  return u;
}

function parse(file: string, text: string): { read: SidecarRead; parsed: { sidecar: Sidecar; document: Document } | null } {
  const r = parseSidecar(text);
  if (!r.ok) return { read: { kind: 'broken', message: r.error.message, line: r.error.line || null }, parsed: null };
  const sc = r.sidecar;
  return {
    read: {
      kind: 'ok',
      data: {
        article: sc.article || path.basename(file).replace(/\.annotations\.yaml$/, ''),
        published: sc.published ?? null,
        annotations: sc.annotations.map(fromStored),
        merges: sc.mergeEntities,
      },
    },
    parsed: { sidecar: sc, document: r.document },
  };
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

export function readSidecarSync(file: string): SidecarRead {
  const text = readText(file);
  return text === null ? { kind: 'missing' } : parse(file, text).read;
}

export async function readSidecar(file: string): Promise<SidecarRead> {
  return readSidecarSync(file);
}

const stores = new Map<string, SidecarStore>();

/** The core's store for a workspace root (it refuses sidecars outside it and keeps what it loaded for merging). */
function storeFor(root: string): SidecarStore {
  let store = stores.get(root);
  if (!store) {
    store = new SidecarStore({ fs: nodeFileSystem(), workspaceRoot: root });
    stores.set(root, store);
  }
  return store;
}

/**
 * Applies `mutate` to the sidecar as it is on disk now and writes it atomically through the core's store, so two
 * windows adding annotations both keep theirs. A sidecar that does not parse is never written (BrokenSidecarError).
 */
export async function updateSidecar(file: string, article: string, articleText: string | null, mutate: (d: ArticleSidecar) => void, root = path.dirname(path.dirname(file))): Promise<ArticleSidecar> {
  let result: ArticleSidecar | undefined;
  const saved = await storeFor(root).update(file, (current) => {
    const data: ArticleSidecar = current
      ? { article: current.article || article, published: current.published ?? null, annotations: current.annotations.map(fromStored), merges: current.mergeEntities }
      : { article, published: null, annotations: [], merges: [] };
    mutate(data);
    result = data;
    const now = new Date().toISOString();
    const previous = new Map((current?.annotations ?? []).map((u) => [u.id, u]));
    return {
      schema: current?.schema ?? SIDECAR_SCHEMA_VERSION,
      article: data.article || article,
      textHash: articleText !== null ? textHash(articleText) : (current?.textHash ?? textHash('')),
      ...(data.published ? { published: data.published } : {}),
      annotations: data.annotations.map((a) => toStored(a, previous.get(a.id), now)),
      mergeEntities: normaliseMerges(data.merges),
    };
  });
  if (!saved.ok) throw new BrokenSidecarError(file, saved.error.message, saved.error.line || null);
  return result!;
}
