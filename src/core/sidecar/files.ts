// Sidecar files on disk: read with the YAML error line, in the stored shape or the working one (annotationData.ts),
// and updated as read-now/mutate/write-atomically through the store so two windows both keep theirs.
// Parsing, validation, comment-preserving writing and the merge-on-write update are schema.ts, yaml.ts and store.ts.
import * as fs from 'fs';
import * as path from 'path';
import { ArticleSidecar, fromStored, toStored } from './annotationData';
import type { DecisionRecord } from './decisions';
import { hasConflictMarkers } from './merge';
import { SIDECAR_SCHEMA_VERSION, SIDECAR_SUFFIX, Sidecar, normaliseMerges, textHash } from './schema';
import { SidecarStore, nodeFileSystem } from './store';
import { parseSidecar } from './yaml';

/**
 * A sidecar file as read: absent, parsed (stored shape `Sidecar`, or the working `ArticleSidecar`), or broken with
 * where.
 */
/** `conflict` is set on a broken file that holds git's conflict markers (merged without the merge driver). */
export type SidecarRead<T = ArticleSidecar> =
  | { kind: 'missing' }
  | { kind: 'ok'; data: T }
  | { kind: 'broken'; message: string; line: number | null; conflict?: boolean };

export class BrokenSidecarError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly line: number | null,
  ) {
    super(`${path.basename(file)} is not valid YAML${line ? ` (line ${line})` : ''}: ${detail}`);
  }
}

function parse(text: string): SidecarRead<Sidecar> {
  const r = parseSidecar(text);
  if (r.ok) return { kind: 'ok', data: r.sidecar };
  const conflict = hasConflictMarkers(text) ? { conflict: true } : {};
  return { kind: 'broken', message: r.error.message, line: r.error.line || null, ...conflict };
}

/** The working view of a parsed sidecar; an article name missing from the file comes from the file's name. */
function working(file: string, sc: Sidecar): ArticleSidecar {
  const name = path.basename(file);
  return {
    article: sc.article || (name.endsWith(SIDECAR_SUFFIX) ? name.slice(0, -SIDECAR_SUFFIX.length) : name),
    published: sc.published ?? null,
    annotations: sc.annotations.map(fromStored),
    merges: sc.mergeEntities,
    ...(sc.decisions ? { decisions: sc.decisions } : {}),
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

/** A sidecar in the stored shape, as the CLI and the exporters take it. */
export function readSidecarFileSync(file: string): SidecarRead<Sidecar> {
  const text = readText(file);
  return text === null ? { kind: 'missing' } : parse(text);
}

/** A sidecar in the working shape the editor's commands and views use. */
export async function readSidecar(file: string): Promise<SidecarRead> {
  const read = readSidecarFileSync(file);
  return read.kind === 'ok' ? { kind: 'ok', data: working(file, read.data) } : read;
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
export async function updateSidecar(
  file: string,
  article: string,
  articleText: string | null,
  mutate: (d: ArticleSidecar) => void,
  root = path.dirname(path.dirname(file)),
): Promise<ArticleSidecar> {
  let result: ArticleSidecar | undefined;
  const saved = await storeFor(root).update(file, (current) => {
    const data: ArticleSidecar = current
      ? {
          article: current.article || article,
          published: current.published ?? null,
          annotations: current.annotations.map(fromStored),
          merges: current.mergeEntities,
          ...(current.decisions ? { decisions: current.decisions } : {}),
        }
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
      ...(data.decisions ? { decisions: data.decisions } : {}),
    };
  });
  if (!saved.ok) throw new BrokenSidecarError(file, saved.error.message, saved.error.line || null);
  return result!;
}

/** The folder sidecar's decisions as read: none when the file is missing; a broken file says why (never rewritten). */
export type FolderDecisionsRead =
  | { kind: 'ok'; decisions: DecisionRecord[]; missing: boolean }
  | { kind: 'broken'; message: string; line: number | null; conflict?: boolean };

/**
 * The decisions of `folder.annotations.yaml` (the CLI and the editor's worker read them the same way). When the file
 * does not parse, `message` says so with its line, and suggestions fall back to the rules alone.
 */
export function readFolderDecisions(file: string): FolderDecisionsRead {
  const read = readSidecarFileSync(file);
  if (read.kind === 'missing') return { kind: 'ok', decisions: [], missing: true };
  if (read.kind === 'broken')
    return {
      ...read,
      message:
        `${path.basename(file)} does not parse${read.line ? ` (line ${read.line})` : ''}: ${read.message}; ` +
        'your decisions are not applied until it is fixed (suggestions come from the rules alone)',
    };
  return { kind: 'ok', decisions: read.data.decisions ?? [], missing: false };
}

/**
 * Adds, undoes or clears decisions: `mutate` gets the decisions on disk now and returns the new list; the folder
 * sidecar is written atomically through the core's store (its annotations and merges stay). A folder sidecar that
 * does not parse is never written: BrokenSidecarError says why.
 */
export async function updateFolderDecisions(
  file: string,
  mutate: (current: DecisionRecord[]) => DecisionRecord[],
  root = path.dirname(file),
): Promise<DecisionRecord[]> {
  let result: DecisionRecord[] = [];
  const saved = await storeFor(root).update(file, (current) => {
    result = mutate([...(current?.decisions ?? [])]);
    return {
      schema: current?.schema ?? SIDECAR_SCHEMA_VERSION,
      article: current?.article ?? '',
      textHash: current?.textHash ?? textHash(''),
      ...(current?.published ? { published: current.published } : {}),
      annotations: current?.annotations ?? [],
      mergeEntities: current?.mergeEntities ?? [],
      decisions: result,
    };
  });
  if (!saved.ok) throw new BrokenSidecarError(file, saved.error.message, saved.error.line || null);
  return result;
}
