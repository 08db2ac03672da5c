// Glue between the extension's annotation shapes and the sidecar files: read, merge-on-write update, error lines.
// Node's fs is used directly: the extension host runs where the files are (desktop, code-server, remote).
import * as fs from 'fs';
import * as path from 'path';
import YAML from 'yaml';
import type { AnnotationData } from './types';

export interface ArticleSidecar {
  article: string;
  /** Publication date the user gave (YYYY-MM-DD), or null. */
  published: string | null;
  annotations: AnnotationData[];
  /** Groups of entity ids the user says are one entity (kept in the folder sidecar). */
  merges: string[][];
}

export type SidecarRead = { kind: 'missing' } | { kind: 'ok'; data: ArticleSidecar } | { kind: 'broken'; message: string; line: number | null };

export class BrokenSidecarError extends Error {
  constructor(readonly file: string, readonly detail: string, readonly line: number | null) {
    super(`${path.basename(file)} is not valid YAML${line ? ` (line ${line})` : ''}: ${detail}`);
  }
}

export function emptySidecar(article: string): ArticleSidecar {
  return { article, published: null, annotations: [], merges: [] };
}

function parse(file: string, text: string): SidecarRead {
  const doc = YAML.parseDocument(text);
  if (doc.errors.length) {
    const e = doc.errors[0];
    return { kind: 'broken', message: e.message.split('\n')[0], line: e.linePos?.[0]?.line ?? null };
  }
  const raw = doc.toJS() as Record<string, unknown> | null;
  if (raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) return { kind: 'broken', message: 'the file must hold a mapping (key: value)', line: 1 };
  const r = raw ?? {};
  const annotations = Array.isArray(r.annotations) ? (r.annotations as AnnotationData[]).filter((a) => a && typeof a.id === 'string') : [];
  return {
    kind: 'ok',
    data: {
      article: typeof r.article === 'string' ? r.article : path.basename(file).replace(/\.annotations\.yaml$/, ''),
      published: typeof r.published === 'string' ? r.published : r.published instanceof Date ? r.published.toISOString().slice(0, 10) : null,
      annotations,
      merges: Array.isArray(r.merges) ? (r.merges as unknown[]).filter((m): m is string[] => Array.isArray(m)) : [],
    },
  };
}

export async function readSidecar(file: string): Promise<SidecarRead> {
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw err;
  }
  return parse(file, text);
}

export function readSidecarSync(file: string): SidecarRead {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw err;
  }
  return parse(file, text);
}

function serialise(d: ArticleSidecar): string {
  const clean = (a: AnnotationData) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return YAML.stringify({ article: d.article, published: d.published ?? undefined, annotations: d.annotations.map(clean), merges: d.merges.length ? d.merges : undefined });
}

/**
 * Reads the sidecar as it is on disk now, applies `mutate`, writes atomically. Reading just before writing is what lets
 * two windows both keep their annotations. A sidecar that does not parse is never overwritten.
 */
export async function updateSidecar(file: string, article: string, mutate: (d: ArticleSidecar) => void): Promise<ArticleSidecar> {
  const read = await readSidecar(file);
  if (read.kind === 'broken') throw new BrokenSidecarError(file, read.message, read.line);
  const data = read.kind === 'ok' ? read.data : emptySidecar(article);
  mutate(data);
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await fs.promises.writeFile(tmp, serialise(data), 'utf8');
  await fs.promises.rename(tmp, file);
  return data;
}
