// File-level export and import shared by the CLI and the extension: the sidecars beside articles placed in their
// current text, the files each format writes, and brat or W3C files read back as sidecar annotations.
import { anchor } from '../anchoring';
import { readSidecarFileSync } from '../sidecar/files';
import { SIDECAR_SUFFIX, UserAnnotation } from '../sidecar/schema';
import { fileStem } from '../text/paths';
import { exportBrat, importBrat } from './brat';
import { exportConll } from './conll';
import { exportCsv } from './csv';
import { exportJsonl } from './jsonl';
import { ExportArticle, ImportedAnnotation, toUserAnnotations } from './record';
import { exportW3C, importW3C } from './w3c';

export const EXPORT_FORMATS = ['w3c', 'brat', 'conll', 'csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  /** File name relative to the output folder. */
  name: string;
  content: string;
}

/**
 * The files an export writes: one combined file for csv, jsonl, conll and w3c; a .txt and an .ann per
 * article for brat. Only the user's record is exported, not the machine's suggestions.
 */
export function exportFiles(format: ExportFormat, articles: ExportArticle[]): ExportFile[] {
  const options = { suggestions: false };
  switch (format) {
    case 'w3c':
      return [{ name: 'annotations.w3c.json', content: JSON.stringify(exportW3C(articles, options), null, 2) + '\n' }];
    case 'brat': {
      const used = new Set<string>();
      return articles.flatMap((a) => {
        const files = exportBrat(a, options);
        let name = fileStem(files.annPath);
        for (let i = 2; used.has(name); i++) name = `${fileStem(files.annPath)}-${i}`;
        used.add(name);
        return [
          { name: `${name}.txt`, content: files.txt },
          { name: `${name}.ann`, content: files.ann },
        ];
      });
    }
    case 'conll':
      return [{ name: 'annotations.conll', content: exportConll(articles, options) }];
    case 'csv':
      return [{ name: 'annotations.csv', content: exportCsv(articles, options) }];
    case 'jsonl':
      return [{ name: 'annotations.jsonl', content: exportJsonl(articles, options) }];
  }
}

export interface ImportResult {
  annotations: UserAnnotation[];
  /** Annotations that did not fit the text and were left out. */
  skipped: number;
}

function imported(list: ImportedAnnotation[], text: string): ImportResult {
  // Quote-only W3C targets come with start = end = -1: place them by their quote.
  const placed = list.map((a) => {
    if (a.start >= 0 || !a.text) return a;
    const at = anchor(text, { quote: { exact: a.text, prefix: '', suffix: '' } });
    return at ? { ...a, start: at.start, end: at.end } : a;
  });
  const { annotations, rejected } = toUserAnnotations(placed, text);
  return { annotations, skipped: rejected.length };
}

/** Reads brat standoff (.ann) into annotations of `text`; those that do not fit the text are skipped and counted. */
export function importBratFile(text: string, ann: string): ImportResult {
  return imported(importBrat(ann, text), text);
}

/**
 * Reads W3C Web Annotations whose target is the article `source` (matched by file name; any, if there is one target).
 */
export function importW3cFile(text: string, json: string, source: string): ImportResult {
  const groups = importW3C(JSON.parse(json));
  const entries = [...groups.entries()];
  const mine = entries.filter(([target]) => fileStem(target) === fileStem(source));
  const chosen = mine.length ? mine : entries.length === 1 ? entries : [];
  return imported(
    chosen.flatMap(([, list]) => list),
    text,
  );
}

/** Places stored annotations in the article's current text; those that cannot be placed are reported, not exported. */
export function placeForExport(text: string, stored: UserAnnotation[]): { placed: UserAnnotation[]; orphans: number } {
  const placed: UserAnnotation[] = [];
  let orphans = 0;
  for (const a of stored) {
    const at = anchor(text, { quote: a.quote, position: a.position });
    if (!at) {
      orphans++;
      continue;
    }
    const exact = text.slice(at.start, at.end);
    placed.push({ ...a, text: exact, position: { start: at.start, end: at.end }, quote: { ...a.quote, exact } });
  }
  return { placed, orphans };
}

/**
 * The export records of articles from the sidecars beside them. An article without a sidecar is left out; one
 * whose sidecar is broken is left out with a message and `broken` set; orphaned annotations are counted in a message.
 */
export function sidecarsForExport(articles: ReadonlyArray<{ path: string; text: string }>): {
  articles: ExportArticle[];
  errors: string[];
  broken: boolean;
} {
  const out: ExportArticle[] = [];
  const errors: string[] = [];
  let broken = false;
  for (const a of articles) {
    const read = readSidecarFileSync(a.path + SIDECAR_SUFFIX);
    if (read.kind === 'broken') {
      errors.push(
        `${a.path}${SIDECAR_SUFFIX}: not valid YAML${read.line ? ` (line ${read.line})` : ''}: ` +
          `${read.message}; its article is skipped`,
      );
      broken = true;
      continue;
    }
    if (read.kind === 'missing') continue;
    const { placed, orphans } = placeForExport(a.text, read.data.annotations);
    if (orphans) errors.push(`${a.path}: ${orphans} annotation(s) no longer match the text and were not exported`);
    out.push({ path: a.path, text: a.text, annotations: placed });
  }
  return { articles: out, errors, broken };
}
