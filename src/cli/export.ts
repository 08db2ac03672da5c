// Export and import of user annotations: W3C Web Annotation, brat standoff, CoNLL BIO, CSV and JSON Lines, plus the
// `article-annotator export` subcommand. Pure text in, text out, except runExport which reads and writes files.
import * as fs from 'fs';
import * as path from 'path';
import { anchor } from '../core/anchoring';
import { ExportArticle as CoreExportArticle, ImportedAnnotation, exportBrat, exportConll, exportCsv, exportJsonl, exportW3C, importBrat, importW3C, toUserAnnotations } from '../core/exporters';
import { fromStored, readSidecarSync, toStored } from '../extension/annotations/glue';
import type { AnnotationData } from '../extension/annotations/types';

export const EXPORT_FORMATS = ['w3c', 'brat', 'conll', 'csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportArticle {
  /** Path or URI of the article, written as the annotations' source. */
  path: string;
  text: string;
  published: string | null;
  annotations: AnnotationData[];
}

export interface ExportFile {
  /** File name relative to the output folder. */
  name: string;
  content: string;
}

const base = (p: string) => path.basename(p.replace(/^[a-z-]+:\/\/[^/]*/, '')).replace(/\.[^.]+$/, '');

function toCore(articles: ExportArticle[]): CoreExportArticle[] {
  const now = new Date().toISOString();
  return articles.map((a) => ({ path: a.path, text: a.text, annotations: a.annotations.map((x) => toStored(x, undefined, x.created ?? now)) }));
}

/**
 * The files an export writes, made by the core's exporters (src/core/exporters): one combined file for csv,
 * jsonl, conll and w3c; a .txt and an .ann per article for brat. Only the user's record is exported, not
 * the machine's suggestions.
 */
export function exportFiles(format: ExportFormat, articles: ExportArticle[]): ExportFile[] {
  const core = toCore(articles);
  const options = { suggestions: false };
  switch (format) {
    case 'w3c':
      return [{ name: 'annotations.w3c.json', content: JSON.stringify(exportW3C(core, options), null, 2) + '\n' }];
    case 'brat': {
      const used = new Set<string>();
      return core.flatMap((a) => {
        const files = exportBrat(a, options);
        let name = base(files.annPath);
        for (let i = 2; used.has(name); i++) name = `${base(files.annPath)}-${i}`;
        used.add(name);
        return [
          { name: `${name}.txt`, content: files.txt },
          { name: `${name}.ann`, content: files.ann },
        ];
      });
    }
    case 'conll':
      return [{ name: 'annotations.conll', content: exportConll(core, options) }];
    case 'csv':
      return [{ name: 'annotations.csv', content: exportCsv(core, options) }];
    case 'jsonl':
      return [{ name: 'annotations.jsonl', content: exportJsonl(core, options) }];
  }
}

function imported(list: ImportedAnnotation[], text: string): { annotations: AnnotationData[]; skipped: number } {
  // Quote-only W3C targets come with start = end = -1: place them by their quote.
  const placed = list.map((a) => {
    if (a.start >= 0 || !a.text) return a;
    const at = anchor(text, { quote: { exact: a.text, prefix: '', suffix: '' } });
    return at ? { ...a, start: at.start, end: at.end } : a;
  });
  const { annotations, rejected } = toUserAnnotations(placed, text);
  return { annotations: annotations.map(fromStored), skipped: rejected.length };
}

/** Reads brat standoff (.ann) into annotations of `text`; those that do not fit the text are skipped and counted. */
export function importBratFile(text: string, ann: string): { annotations: AnnotationData[]; skipped: number } {
  return imported(importBrat(ann, text), text);
}

/** Reads W3C Web Annotations whose target is the article `source` (matched by file name; any, if there is one target). */
export function importW3cFile(text: string, json: string, source: string): { annotations: AnnotationData[]; skipped: number } {
  const groups = importW3C(JSON.parse(json));
  const entries = [...groups.entries()];
  const mine = entries.filter(([target]) => base(target) === base(source));
  const chosen = mine.length ? mine : entries.length === 1 ? entries : [];
  return imported(chosen.flatMap(([, list]) => list), text);
}

/** Places stored annotations in the article's current text; those that cannot be placed are reported, not exported. */
export function placeForExport(text: string, stored: AnnotationData[]): { placed: AnnotationData[]; orphans: number } {
  const placed: AnnotationData[] = [];
  let orphans = 0;
  for (const a of stored) {
    const at = anchor(text, { quote: { exact: a.exact ?? '', prefix: a.prefix ?? '', suffix: a.suffix ?? '' }, position: { start: a.start, end: a.end } });
    if (at) placed.push({ ...a, start: at.start, end: at.end, exact: text.slice(at.start, at.end) });
    else orphans++;
  }
  return { placed, orphans };
}

export interface ExportIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** `article-annotator export`: sidecars beside the given articles, to files in --out or (single-file formats) stdout. */
export function runExport(args: string[], io: ExportIO, collect: (paths: string[], errors: string[]) => { path: string; text: string }[], usage: string): number {
  let format: string | undefined;
  let out: string | undefined;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const [name, inline] = a.startsWith('--') ? a.slice(2).split('=', 2) : [null, undefined];
    if (name === 'format' || name === 'out') {
      const v = inline ?? args[++i];
      if (v === undefined) {
        io.stderr(`article-annotator: --${name} needs a value\n${usage}\n`);
        return 2;
      }
      if (name === 'format') format = v;
      else out = v;
    } else if (name !== null) {
      io.stderr(`article-annotator: unknown option ${a}\n${usage}\n`);
      return 2;
    } else paths.push(a);
  }
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    io.stderr(`article-annotator: export needs --format ${EXPORT_FORMATS.join('|')}${format ? `, not "${format}"` : ''}\n`);
    return 2;
  }
  if (!paths.length) {
    io.stderr(`article-annotator: export needs at least one file or folder\n${usage}\n`);
    return 2;
  }
  if (format === 'brat' && !out) {
    io.stderr('article-annotator: brat writes a .txt and an .ann per article: give --out DIR\n');
    return 2;
  }
  const errors: string[] = [];
  const loaded = collect(paths, errors);
  const articles: ExportArticle[] = [];
  let status = 0;
  for (const a of loaded) {
    const read = readSidecarSync(a.path + '.annotations.yaml');
    if (read.kind === 'broken') {
      errors.push(`${a.path}.annotations.yaml: not valid YAML${read.line ? ` (line ${read.line})` : ''}: ${read.message}; its article is skipped`);
      status = 1;
      continue;
    }
    if (read.kind === 'missing') continue;
    const { placed, orphans } = placeForExport(a.text, read.data.annotations);
    if (orphans) errors.push(`${a.path}: ${orphans} annotation(s) no longer match the text and were not exported`);
    articles.push({ path: a.path, text: a.text, published: read.data.published, annotations: placed });
  }
  for (const e of errors) io.stderr(`article-annotator: ${e}\n`);
  const files = exportFiles(format as ExportFormat, articles);
  if (!out) {
    for (const f of files) io.stdout(f.content);
  } else {
    fs.mkdirSync(out, { recursive: true });
    for (const f of files) fs.writeFileSync(path.join(out, f.name), f.content);
    io.stderr(`article-annotator: ${articles.reduce((n, a) => n + a.annotations.length, 0)} annotation(s) of ${articles.length} article(s) written to ${files.length} file(s) in ${out}\n`);
  }
  return status;
}
