// The command-line face of the core (bundled as dist/cli.js): `analyze` prints what the extension shows; `export`
// writes annotations; `import` turns saved web pages into Markdown articles; `merge-sidecar` is git's merge driver.
import * as fs from 'fs';
import * as path from 'path';
import { looksBinary, stripBom } from '../core/article';
import { CorpusIndex, CorpusJson } from '../core/corpus';
import { matchesAny } from '../core/glob';
import { SIDECAR_SUFFIX } from '../core/sidecar/schema';
import { runExport } from './export';
import { runImport } from './importPages';
import { runMergeSidecar } from './mergeSidecar';

const USAGE = `Usage:
  article-annotator analyze [--published YYYY-MM-DD] [--json] PATH...
      PATH is an article file or a folder (its article files, recursively).
      --published  publication date applied to every article given
      --json       one JSON object on stdout (articles, events, quotes)
  article-annotator export --format w3c|brat|conll|csv|jsonl [--out DIR] PATH...
  article-annotator import [--out DIR] FILE.html...
      writes each saved web page's article as <title>.md beside it (or in DIR); never over an existing file
  article-annotator merge-sidecar BASE OURS THEIRS
      git merge driver for *.annotations.yaml (%O %A %B): merges by annotation id into OURS
  article-annotator --help | --version`;

/** Extensions of files read from a folder; a file named explicitly is read whatever its extension. */
const ARTICLE_GLOBS = ['**/*.txt', '**/*.md', '**/*.text'];

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

interface LoadedArticle {
  path: string;
  text: string;
}

/** Collects article files; every problem becomes a message, never an exception. */
export function collectArticles(paths: string[], errors: string[]): LoadedArticle[] {
  const out: LoadedArticle[] = [];
  const seen = new Set<string>();
  const readOne = (file: string, explicit: boolean) => {
    if (seen.has(file)) return;
    seen.add(file);
    try {
      const bytes = fs.readFileSync(file);
      if (looksBinary(bytes)) {
        if (explicit) errors.push(`${file}: looks like a binary file, not an article; skipped`);
        return;
      }
      out.push({ path: file, text: stripBom(bytes.toString('utf8')) });
    } catch (err) {
      errors.push(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
  };
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      errors.push(`${dir}: cannot list (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && matchesAny(full, ARTICLE_GLOBS) && !e.name.endsWith(SIDECAR_SUFFIX)) readOne(full, false);
    }
  };
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      errors.push(`${p}: no such file or folder`);
      continue;
    }
    if (stat.isDirectory()) walk(p);
    else readOne(p, true);
  }
  return out;
}

function summary(json: CorpusJson): string {
  const lines: string[] = [];
  for (const a of json.articles) {
    lines.push(`${a.path}`);
    lines.push(`  title: ${a.title ?? '(none)'}`);
    lines.push(`  published: ${a.published ?? 'unknown'}${a.publishedReason ? ` (${a.publishedReason})` : ''}`);
    if (a.authors.length) lines.push(`  authors: ${a.authors.join(', ')}`);
    if (a.dateline || a.source)
      lines.push(
        `  ${[a.dateline && `dateline: ${a.dateline}`, a.source && `source: ${a.source}`].filter(Boolean).join('; ')}`,
      );
    const byType = new Map<string, Set<string>>();
    for (const e of a.entities) {
      const s = byType.get(e.type) ?? new Set<string>();
      s.add(e.text);
      byType.set(e.type, s);
    }
    for (const [type, names] of byType) lines.push(`  ${type.toLowerCase()} (${names.size}): ${[...names].join(', ')}`);
    if (a.dates.length)
      lines.push(`  dates (${a.dates.length}): ${a.dates.map((d) => `${d.text} → ${d.value}`).join('; ')}`);
  }
  if (json.events.length) {
    lines.push('', `events (${json.events.length}):`);
    for (const e of json.events)
      lines.push(`  ${e.date ?? '????'}  ${e.label}  [${new Set(e.mentions.map((m) => m.path)).size} articles]`);
  }
  if (json.quotes.length) {
    lines.push('', `quotes (${json.quotes.length}):`);
    for (const q of json.quotes)
      lines.push(`  ${q.speaker ?? 'unattributed'}  [${new Set(q.mentions.map((m) => m.path)).size} articles]`);
  }
  return lines.join('\n') + '\n';
}

function parseFlags(
  args: string[],
  valued: string[],
): { flags: Map<string, string | true>; rest: string[]; error?: string } {
  const flags = new Map<string, string | true>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      rest.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2);
      if (valued.includes(name)) {
        const v = inline ?? args[++i];
        if (v === undefined) return { flags, rest, error: `--${name} needs a value` };
        flags.set(name, v);
      } else flags.set(name, true);
    } else rest.push(a);
  }
  return { flags, rest };
}

export function runAnalyze(args: string[], io: CliIO): number {
  const { flags, rest, error } = parseFlags(args, ['published']);
  if (error) {
    io.stderr(`article-annotator: ${error}\n${USAGE}\n`);
    return 2;
  }
  for (const f of flags.keys()) {
    if (!['published', 'json'].includes(f)) {
      io.stderr(`article-annotator: unknown option --${f}\n${USAGE}\n`);
      return 2;
    }
  }
  const published = flags.get('published');
  if (
    published !== undefined &&
    (typeof published !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(published) || isNaN(Date.parse(published)))
  ) {
    io.stderr(`article-annotator: --published takes a date as YYYY-MM-DD, not "${String(published)}"\n`);
    return 2;
  }
  if (!rest.length) {
    io.stderr(`article-annotator: analyze needs at least one file or folder\n${USAGE}\n`);
    return 2;
  }
  const errors: string[] = [];
  const articles = collectArticles(rest, errors);
  for (const e of errors) io.stderr(`article-annotator: ${e}\n`);
  if (!articles.length) {
    io.stderr('article-annotator: nothing could be analysed\n');
    return 1;
  }
  const index = new CorpusIndex();
  for (const a of articles) index.upsert(a.path, a.text, typeof published === 'string' ? published : null);
  const json = index.toJSON();
  io.stdout(flags.has('json') ? JSON.stringify(json, null, 2) + '\n' : summary(json));
  return 0;
}

/** Runs one command; `import` answers asynchronously (it loads the HTML libraries on first use). */
export function main(argv: string[], io: CliIO): number | Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'analyze':
    case 'analyse':
      return runAnalyze(args, io);
    case 'export':
      return runExport(args, io, collectArticles, USAGE);
    case 'import':
      return runImport(args, io, USAGE);
    case 'merge-sidecar':
      return runMergeSidecar(args, io, USAGE);
    case '--version':
    case '-v':
      io.stdout('article-annotator 0.1.0\n');
      return 0;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      io.stdout(USAGE + '\n');
      return command === undefined ? 2 : 0;
    default:
      io.stderr(`article-annotator: unknown command "${command}"\n${USAGE}\n`);
      return 2;
  }
}

if (require.main === module) {
  const io: CliIO = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) };
  void Promise.resolve(main(process.argv.slice(2), io)).then(
    (code) => (process.exitCode = code),
    (err: Error) => {
      io.stderr(`article-annotator: ${err.stack ?? err.message}\n`);
      process.exitCode = 1;
    },
  );
}
