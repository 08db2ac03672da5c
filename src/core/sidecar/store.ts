// Loading and saving sidecars: atomic writes, never over a broken file, merging with changes made on disk meanwhile.
import { randomBytes } from 'crypto';
import { promises as fsp } from 'fs';
import * as path from 'path';
import type { Document } from 'yaml';
import { mergeDecisions } from './decisions';
import { Sidecar, UserAnnotation, normaliseMerges, sidecarPathBeside } from './schema';
import { SidecarError, parseSidecar, serializeSidecar } from './yaml';

/** What the store needs from a file handle opened for writing. */
export interface WritableFileHandle {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The file system the store works on; `nodeFileSystem` is the real one, tests may pass others. */
export interface SidecarFileSystem {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  stat(path: string): Promise<{ size: number; mtimeMs?: number }>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  /** Opens a new file for writing; must fail if it exists ('wx'). */
  open(path: string, flags: 'wx'): Promise<WritableFileHandle>;
  /** Resolves symbolic links; when given, links that lead outside the workspace are refused. */
  realpath?(path: string): Promise<string>;
}

/** The node `fs` implementation. */
export function nodeFileSystem(): SidecarFileSystem {
  return {
    readFile: (p) => fsp.readFile(p),
    writeFile: (p, d) => fsp.writeFile(p, d),
    rename: (a, b) => fsp.rename(a, b),
    unlink: (p) => fsp.unlink(p),
    stat: (p) => fsp.stat(p),
    mkdir: (p, o) => fsp.mkdir(p, o),
    open: (p, f) => fsp.open(p, f),
    realpath: (p) => fsp.realpath(p),
  };
}

export type LoadResult =
  { ok: true; path: string; sidecar: Sidecar | null } | { ok: false; path: string; error: SidecarError };
export type SaveResult =
  | { ok: true; path: string; sidecar: Sidecar | null; written: boolean }
  | { ok: false; path: string; error: SidecarError };

export interface SidecarStoreOptions {
  fs: SidecarFileSystem;
  /** Sidecars outside this folder (after resolving links) are refused. */
  workspaceRoot: string;
  /** Where the sidecar of an article lives; default `<article>.annotations.yaml` beside it. */
  sidecarPathFor?: (articlePath: string) => string;
  /** Largest sidecar read or written, in bytes (default 20 MB). */
  maxBytes?: number;
  /** A lock file older than this is taken to be left by a writer that died (default 10 s). */
  staleLockMs?: number;
  /** How long to wait for another writer's lock (default 5 s). */
  lockWaitMs?: number;
}

export const DEFAULT_MAX_SIDECAR_BYTES = 20 * 1024 * 1024;

interface Loaded {
  text: string;
  document: Document;
  sidecar: Sidecar;
}

type DiskState =
  | { kind: 'missing' }
  | { kind: 'ok'; text: string; document: Document; sidecar: Sidecar }
  | { kind: 'error'; error: SidecarError };

const ioError = (message: string): SidecarError => ({ message, line: 0, column: 0 });

/** Sidecar files of one workspace. Keeps what it last loaded per path to merge later saves with changes on disk. */
export class SidecarStore {
  private readonly fs: SidecarFileSystem;
  private readonly root: string;
  private readonly maxBytes: number;
  private readonly pathFor: (articlePath: string) => string;
  private readonly loaded = new Map<string, Loaded>();
  private readonly staleLockMs: number;
  private readonly lockWaitMs: number;

  constructor(options: SidecarStoreOptions) {
    this.fs = options.fs;
    this.root = path.resolve(options.workspaceRoot);
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_SIDECAR_BYTES;
    this.pathFor = options.sidecarPathFor ?? sidecarPathBeside;
    this.staleLockMs = options.staleLockMs ?? 10_000;
    this.lockWaitMs = options.lockWaitMs ?? 5_000;
  }

  /** The sidecar path of an article (absolute). */
  sidecarPath(articlePath: string): string {
    return path.resolve(this.root, this.pathFor(path.resolve(this.root, articlePath)));
  }

  /** Reads a sidecar. A missing file is `{ ok: true, sidecar: null }`; a broken one is an error with its line. */
  async load(sidecarPath: string): Promise<LoadResult> {
    const target = path.resolve(this.root, sidecarPath);
    const refused = await this.checkPath(target);
    if (refused) return { ok: false, path: target, error: refused };
    const disk = await this.readDisk(target);
    if (disk.kind === 'error') {
      this.loaded.delete(target);
      return { ok: false, path: target, error: disk.error };
    }
    if (disk.kind === 'missing') {
      this.loaded.delete(target);
      return { ok: true, path: target, sidecar: null };
    }
    this.loaded.set(target, disk);
    return { ok: true, path: target, sidecar: cloneSidecar(disk.sidecar) };
  }

  /**
   * Writes `sidecar` as the new record. Refused while the file on disk does not parse. If the file changed on
   * disk since it was loaded, the change is merged: annotations others added stay, ones they removed and we did
   * not touch go, and for the rest our version wins.
   */
  async save(sidecarPath: string, sidecar: Sidecar): Promise<SaveResult> {
    const target = path.resolve(this.root, sidecarPath);
    const base = this.loaded.get(target);
    return this.writeMerged(target, (disk) => {
      if (!disk || !base || disk.text === base.text) return sidecar;
      return mergeSidecars(base.sidecar, sidecar, disk.sidecar);
    });
  }

  /**
   * Re-reads the file, applies `mutate` to what is on disk now, and writes the result, so two windows adding
   * annotations to one article both keep theirs. `mutate` gets null when there is no sidecar yet and returns
   * the new sidecar, or null/undefined to leave the file as it is.
   */
  async update(
    sidecarPath: string,
    mutate: (current: Sidecar | null) => Sidecar | null | undefined,
  ): Promise<SaveResult> {
    const target = path.resolve(this.root, sidecarPath);
    return this.writeMerged(target, (disk) => mutate(disk ? cloneSidecar(disk.sidecar) : null) ?? null);
  }

  private async writeMerged(target: string, produce: (disk: Loaded | null) => Sidecar | null): Promise<SaveResult> {
    const refused = await this.checkPath(target);
    if (refused) return { ok: false, path: target, error: refused };
    // Read-merge-write must not interleave with another writer's (another window, another process):
    // a lock file beside the sidecar, created exclusively, serialises them.
    const lock = `${path.join(path.dirname(target), '.' + path.basename(target))}.lock`;
    try {
      await this.fs.mkdir(path.dirname(target), { recursive: true });
    } catch (e) {
      return { ok: false, path: target, error: ioError(`not saved: ${(e as Error).message}`) };
    }
    const locked = await this.acquireLock(lock);
    if (!locked)
      return { ok: false, path: target, error: ioError('not saved: another writer holds the sidecar lock; try again') };
    try {
      return await this.writeMergedLocked(target, produce);
    } finally {
      await this.fs.unlink(lock).catch(() => undefined);
    }
  }

  private async acquireLock(lock: string): Promise<boolean> {
    const deadline = Date.now() + this.lockWaitMs;
    for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
      try {
        const handle = await this.fs.open(lock, 'wx');
        await handle.close();
        return true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return false;
      }
      try {
        const { mtimeMs } = await this.fs.stat(lock);
        if (mtimeMs !== undefined && Date.now() - mtimeMs > this.staleLockMs) {
          await this.fs.unlink(lock).catch(() => undefined);
          continue;
        }
      } catch {
        continue; // released meanwhile
      }
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, wait));
    }
  }

  private async writeMergedLocked(
    target: string,
    produce: (disk: Loaded | null) => Sidecar | null,
  ): Promise<SaveResult> {
    // Optimistic concurrency: if the file changes between our read and our rename, start again from it.
    for (let attempt = 0; attempt < 5; attempt++) {
      const disk = await this.readDisk(target);
      if (disk.kind === 'error') {
        return {
          ok: false,
          path: target,
          error: {
            ...disk.error,
            message: `not saved: the sidecar on disk does not parse (fix it first): ${disk.error.message}`,
          },
        };
      }
      const current = disk.kind === 'ok' ? disk : null;
      const next = produce(current);
      if (!next)
        return { ok: true, path: target, sidecar: current ? cloneSidecar(current.sidecar) : null, written: false };
      const text = serializeSidecar(next, current?.document);
      if (current && text === current.text) {
        this.loaded.set(target, current);
        return { ok: true, path: target, sidecar: cloneSidecar(current.sidecar), written: false };
      }
      const bytes = Buffer.byteLength(text, 'utf8');
      if (bytes > this.maxBytes)
        return {
          ok: false,
          path: target,
          error: ioError(
            `not saved: the sidecar would be ${formatMB(bytes)}, over the ${formatMB(this.maxBytes)} limit`,
          ),
        };
      const reparsed = parseSidecar(text);
      if (!reparsed.ok)
        return {
          ok: false,
          path: target,
          error: {
            ...reparsed.error,
            message: `not saved: internal error, the new sidecar does not parse: ${reparsed.error.message}`,
          },
        };
      const unchangedSince = async (): Promise<boolean> => {
        const again = await this.readRaw(target);
        return current ? again === current.text : again === null;
      };
      try {
        const wrote = await this.atomicWrite(target, text, unchangedSince);
        if (!wrote) continue;
      } catch (e) {
        return { ok: false, path: target, error: ioError(`not saved: ${(e as Error).message}`) };
      }
      this.loaded.set(target, { text, document: reparsed.document, sidecar: reparsed.sidecar });
      return { ok: true, path: target, sidecar: cloneSidecar(reparsed.sidecar), written: true };
    }
    return {
      ok: false,
      path: target,
      error: ioError('not saved: the sidecar kept changing on disk while saving; try again'),
    };
  }

  /** Temp file in the same folder, fsync, then rename over the target; the temp file is removed on any failure. */
  private async atomicWrite(target: string, text: string, stillCurrent: () => Promise<boolean>): Promise<boolean> {
    const dir = path.dirname(target);
    await this.fs.mkdir(dir, { recursive: true });
    const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    let handle: WritableFileHandle | null = null;
    try {
      handle = await this.fs.open(temp, 'wx');
      await handle.writeFile(text);
      await handle.sync();
      await handle.close();
      handle = null;
      if (!(await stillCurrent())) {
        await this.fs.unlink(temp);
        return false;
      }
      await this.fs.rename(temp, target);
      return true;
    } catch (e) {
      if (handle) await handle.close().catch(() => undefined);
      await this.fs.unlink(temp).catch(() => undefined);
      throw e;
    }
  }

  private async readRaw(target: string): Promise<string | null> {
    try {
      const bytes = await this.fs.readFile(target);
      return Buffer.from(bytes).toString('utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  private async readDisk(target: string): Promise<DiskState> {
    let size: number;
    try {
      size = (await this.fs.stat(target)).size;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
      return { kind: 'error', error: ioError(`cannot read the sidecar: ${(e as Error).message}`) };
    }
    if (size > this.maxBytes) {
      return {
        kind: 'error',
        error: ioError(
          `the sidecar is ${formatMB(size)}, over the ${formatMB(this.maxBytes)} limit; it is left as it is`,
        ),
      };
    }
    let text: string | null;
    try {
      text = await this.readRaw(target);
    } catch (e) {
      return { kind: 'error', error: ioError(`cannot read the sidecar: ${(e as Error).message}`) };
    }
    if (text === null) return { kind: 'missing' };
    const parsed = parseSidecar(text.replace(/^\uFEFF/, ''));
    if (!parsed.ok) return { kind: 'error', error: parsed.error };
    return { kind: 'ok', text, document: parsed.document, sidecar: parsed.sidecar };
  }

  /** Refuses paths outside the workspace, following symbolic links where the file system can resolve them. */
  private async checkPath(target: string): Promise<SidecarError | null> {
    if (!isInside(this.root, target)) return ioError(`refused: ${target} is outside the workspace ${this.root}`);
    if (!this.fs.realpath) return null;
    let realRoot: string;
    try {
      realRoot = await this.fs.realpath(this.root);
    } catch {
      return ioError(`refused: the workspace folder ${this.root} does not exist`);
    }
    // The deepest existing ancestor decides where the file really lands.
    let probe = target;
    for (;;) {
      try {
        const real = await this.fs.realpath(probe);
        const ok = probe === target ? isInside(realRoot, real) : real === realRoot || isInside(realRoot, real);
        return ok ? null : ioError(`refused: ${target} leads outside the workspace (through a link)`);
      } catch {
        const parent = path.dirname(probe);
        if (parent === probe) return null;
        probe = parent;
      }
    }
  }
}

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function formatMB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function cloneSidecar(s: Sidecar): Sidecar {
  return JSON.parse(JSON.stringify(s)) as Sidecar;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Three-way merge of a sidecar: `base` as we loaded it, `ours` as we want it, `theirs` as it is on disk now.
 * Per annotation id: a side that changed it (or added it) wins over one that did not; when both changed it
 * ours wins; a deletion loses to a modification, so nobody's work disappears silently.
 */
export function mergeSidecars(base: Sidecar, ours: Sidecar, theirs: Sidecar): Sidecar {
  const index = (s: Sidecar): Map<string, UserAnnotation> => new Map(s.annotations.map((a) => [a.id, a]));
  const b = index(base);
  const o = index(ours);
  const t = index(theirs);
  const ids = new Set([...b.keys(), ...o.keys(), ...t.keys()]);
  const annotations: UserAnnotation[] = [];
  for (const id of ids) {
    const inBase = b.get(id);
    const mine = o.get(id);
    const other = t.get(id);
    if (!inBase) {
      const pick = mine ?? other;
      if (pick) annotations.push(pick);
      continue;
    }
    if (mine && other) annotations.push(same(mine, inBase) ? other : mine);
    else if (mine && !other) {
      if (!same(mine, inBase)) annotations.push(mine); // they deleted, we modified: keep ours
    } else if (!mine && other) {
      if (!same(other, inBase)) annotations.push(other); // we deleted, they modified: keep theirs
    }
  }
  const field = <K extends keyof Sidecar>(k: K): Sidecar[K] => (same(ours[k], base[k]) ? theirs[k] : ours[k]);
  const key = (p: readonly [string, string]): string => normaliseMerges([p])[0]?.join('\u0000') ?? '';
  const baseMerges = new Set(base.mergeEntities.map(key));
  const theirMerges = new Set(theirs.mergeEntities.map(key));
  const ourMerges = new Set(ours.mergeEntities.map(key));
  const merges = [
    ...ours.mergeEntities.filter((p) => theirMerges.has(key(p)) || !baseMerges.has(key(p))),
    ...theirs.mergeEntities.filter((p) => !baseMerges.has(key(p)) && !ourMerges.has(key(p))),
  ];
  const published = field('published');
  const decisions =
    ours.decisions || theirs.decisions
      ? { decisions: mergeDecisions(base.decisions ?? [], ours.decisions ?? [], theirs.decisions ?? []) }
      : {};
  return {
    schema: Math.max(ours.schema, theirs.schema),
    article: field('article'),
    textHash: field('textHash'),
    ...(published !== undefined ? { published } : {}),
    annotations,
    mergeEntities: normaliseMerges(merges),
    ...decisions,
  };
}
