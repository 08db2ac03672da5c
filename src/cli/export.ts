// Export and import of user annotations: W3C Web Annotation, brat standoff, CoNLL BIO, CSV and JSON Lines, plus the
// `article-annotator export` subcommand. Pure text in, text out, except runExport which reads and writes files.
import * as fs from 'fs';
import * as path from 'path';
import { anchor, describeQuote } from '../core/anchoring';
import { readSidecarSync } from '../extension/annotations/glue';
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

function w3cAnnotation(a: ExportArticle, x: AnnotationData): Record<string, unknown> {
  const body: Record<string, unknown>[] = [];
  if (x.tag) body.push({ type: 'TextualBody', purpose: 'tagging', value: x.tag });
  if (x.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: x.note, format: 'text/plain' });
  if (x.event) body.push({ type: 'SpecificResource', purpose: 'linking', source: x.event.id, label: x.event.label });
  if (x.status) body.push({ type: 'TextualBody', purpose: 'assessing', value: x.status });
  if (x.entityId) body.push({ type: 'SpecificResource', purpose: 'identifying', source: x.entityId });
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:article-annotator:${x.id}`,
    type: 'Annotation',
    created: x.created,
    body,
    target: {
      source: a.path,
      selector: [
        { type: 'TextQuoteSelector', exact: x.exact, prefix: x.prefix, suffix: x.suffix },
        { type: 'TextPositionSelector', start: x.start, end: x.end },
      ],
    },
  };
}

/** brat type names may not hold spaces; notes go in AnnotatorNotes; spans across lines become fragments. */
function bratAnn(a: ExportArticle): string {
  const lines: string[] = [];
  let t = 0;
  let n = 0;
  for (const x of a.annotations) {
    if (x.status === 'rejected') continue;
    t++;
    const type = (x.tag ?? (x.event ? 'event' : 'note')).replace(/[^\p{L}\p{N}_-]+/gu, '_') || 'note';
    const frags: string[] = [];
    let from = x.start;
    for (let i = x.start; i <= x.end; i++) {
      if (i === x.end || a.text[i] === '\n') {
        if (i > from) frags.push(`${from} ${i}`);
        from = i + 1;
      }
    }
    const shown = a.text.slice(x.start, x.end).replace(/\s*\n\s*/g, ' ');
    lines.push(`T${t}\t${type} ${frags.join(';')}\t${shown}`);
    const notes = [x.note, x.event ? `event: ${x.event.label} <${x.event.id}>` : ''].filter(Boolean).join(' | ');
    if (notes) lines.push(`#${++n}\tAnnotatorNotes T${t}\t${notes.replace(/[\t\r\n]+/g, ' ')}`);
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

/** Tokens with BIO tags; blank lines between paragraphs, -DOCSTART- between articles. */
function conll(a: ExportArticle): string {
  const kept = a.annotations.filter((x) => x.tag && x.status !== 'rejected').sort((p, q) => p.start - q.start);
  const out: string[] = [`-DOCSTART- ${base(a.path)}`, ''];
  const tokenRe = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
  let lastEnd = 0;
  let previous: AnnotationData | undefined;
  for (const m of a.text.matchAll(tokenRe)) {
    const s = m.index!;
    const e = s + m[0].length;
    if (/\n\s*\n/.test(a.text.slice(lastEnd, s)) && out[out.length - 1] !== '') out.push('');
    lastEnd = e;
    const x = kept.find((k) => k.start < e && s < k.end);
    out.push(`${m[0]}\t${x ? `${x === previous ? 'I' : 'B'}-${x.tag!.toUpperCase().replace(/\s+/g, '_')}` : 'O'}`);
    previous = x;
  }
  if (out[out.length - 1] !== '') out.push('');
  return out.join('\n') + '\n';
}

function csvCell(v: unknown): string {
  let s = v === undefined || v === null ? '' : String(v);
  // Spreadsheets run cells that start like formulas; article text is never trusted.
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const CSV_HEADER = ['article', 'id', 'start', 'end', 'text', 'tag', 'note', 'event_id', 'event_label', 'status', 'entity_id', 'published'];

function csvRows(a: ExportArticle): string[] {
  return a.annotations.map((x) => [a.path, x.id, x.start, x.end, x.exact, x.tag, x.note, x.event?.id, x.event?.label, x.status, x.entityId, a.published].map(csvCell).join(','));
}

function jsonlRows(a: ExportArticle): string[] {
  return a.annotations.map((x) =>
    JSON.stringify({ article: a.path, id: x.id, start: x.start, end: x.end, text: x.exact, tag: x.tag ?? null, note: x.note ?? null, event: x.event ?? null, status: x.status ?? null, entityId: x.entityId ?? null, published: a.published }),
  );
}

/** The files an export writes: one combined file for csv, jsonl, conll and w3c; a .txt and .ann per article for brat. */
export function exportFiles(format: ExportFormat, articles: ExportArticle[]): ExportFile[] {
  switch (format) {
    case 'w3c':
      return [{ name: 'annotations.w3c.json', content: JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: articles.reduce((n, a) => n + a.annotations.length, 0), first: { type: 'AnnotationPage', items: articles.flatMap((a) => a.annotations.map((x) => w3cAnnotation(a, x))) } }, null, 2) + '\n' }];
    case 'brat': {
      const used = new Set<string>();
      return articles.flatMap((a) => {
        let name = base(a.path);
        for (let i = 2; used.has(name); i++) name = `${base(a.path)}-${i}`;
        used.add(name);
        return [
          { name: `${name}.txt`, content: a.text },
          { name: `${name}.ann`, content: bratAnn(a) },
        ];
      });
    }
    case 'conll':
      return [{ name: 'annotations.conll', content: articles.map(conll).join('') }];
    case 'csv':
      return [{ name: 'annotations.csv', content: [CSV_HEADER.join(','), ...articles.flatMap(csvRows)].join('\r\n') + '\r\n' }];
    case 'jsonl':
      return [{ name: 'annotations.jsonl', content: articles.flatMap(jsonlRows).map((l) => l + '\n').join('') }];
  }
}

/** Reads brat standoff (.ann) text into annotations on `text`; unknown lines are skipped and counted. */
export function importBrat(text: string, ann: string): { annotations: AnnotationData[]; skipped: number } {
  const out = new Map<string, AnnotationData>();
  let skipped = 0;
  for (const line of ann.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const t = /^(T\d+)\t(\S+) ([\d ;]+)\t?(.*)$/.exec(line);
    if (t) {
      const frags = t[3].split(';').map((f) => f.trim().split(' ').map(Number));
      const start = Math.min(...frags.map((f) => f[0]));
      const end = Math.max(...frags.map((f) => f[1]));
      if (!(start >= 0 && end <= text.length && start < end)) {
        skipped++;
        continue;
      }
      out.set(t[1], { id: `brat-${t[1]}-${start}-${end}`, start, end, ...describeQuote(text, start, end), tag: t[2] });
      continue;
    }
    const note = /^#\d+\tAnnotatorNotes (T\d+)\t(.*)$/.exec(line);
    if (note && out.has(note[1])) {
      const a = out.get(note[1])!;
      const ev = /(?:^| \| )event: (.*) <([^>]+)>$/.exec(note[2]);
      if (ev) a.event = { label: ev[1], id: ev[2] };
      const rest = ev ? note[2].slice(0, ev.index) : note[2];
      if (rest.trim()) a.note = rest.trim();
      continue;
    }
    skipped++;
  }
  return { annotations: [...out.values()], skipped };
}

/** Reads W3C Web Annotations (one, an array, or an AnnotationCollection) whose target is `source` (or any, when null). */
export function importW3c(text: string, json: string, source: string | null): { annotations: AnnotationData[]; skipped: number } {
  const data = JSON.parse(json) as unknown;
  const items: Record<string, unknown>[] = Array.isArray(data)
    ? data
    : (data as { type?: string })?.type === 'AnnotationCollection'
      ? (((data as { first?: { items?: unknown[] } }).first?.items ?? []) as Record<string, unknown>[])
      : [data as Record<string, unknown>];
  const annotations: AnnotationData[] = [];
  let skipped = 0;
  for (const item of items) {
    const target = (Array.isArray(item.target) ? item.target[0] : item.target) as { source?: string; selector?: unknown } | undefined;
    if (source && target?.source && base(target.source) !== base(source)) continue;
    const selectors = (Array.isArray(target?.selector) ? target!.selector : [target?.selector]) as { type?: string; exact?: string; prefix?: string; suffix?: string; start?: number; end?: number }[];
    const q = selectors.find((s) => s?.type === 'TextQuoteSelector');
    const p = selectors.find((s) => s?.type === 'TextPositionSelector');
    const at = anchor(text, { quote: q?.exact ? { exact: q.exact, prefix: q.prefix ?? '', suffix: q.suffix ?? '' } : undefined, position: p && typeof p.start === 'number' && typeof p.end === 'number' ? { start: p.start, end: p.end } : undefined });
    if (!at) {
      skipped++;
      continue;
    }
    const a: AnnotationData = { id: String(item.id ?? `w3c-${at.start}-${at.end}`).replace(/^urn:article-annotator:/, ''), start: at.start, end: at.end, ...describeQuote(text, at.start, at.end) };
    const bodies = (Array.isArray(item.body) ? item.body : item.body ? [item.body] : []) as { purpose?: string; value?: string; source?: string; label?: string }[];
    for (const b of bodies) {
      if (b.purpose === 'tagging' && b.value) a.tag = b.value;
      else if ((b.purpose === 'commenting' || b.purpose === undefined) && b.value) a.note = b.value;
      else if (b.purpose === 'linking' && b.source) a.event = { id: b.source, label: b.label ?? b.source };
      else if (b.purpose === 'assessing' && (b.value === 'accepted' || b.value === 'rejected')) a.status = b.value;
      else if (b.purpose === 'identifying' && b.source) a.entityId = b.source;
    }
    if (typeof item.created === 'string') a.created = item.created;
    annotations.push(a);
  }
  return { annotations, skipped };
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
