// The command-line face of the core (bundled as dist/cli.js): `analyze` prints what the extension shows; `export`
// writes annotations; `import` turns saved web pages into Markdown articles; `merge-sidecar` is git's merge driver.
import { spawn } from 'child_process';
import { heapFacts, heapPlan, RELAUNCHED_ENV } from './heap';
import * as os from 'os';
import { CorpusIndex } from '../core/corpus';
import { collectArticles, listArticleFiles } from './files';
import { OutputIO, summary, writeJson, writeJsonl } from './output';
import { analyzeFiles } from './pool';
import { runExport } from './export';
import { runImport } from './importPages';
import { runMergeSidecar } from './mergeSidecar';
import { decisionFolders, suggestionsByPath } from './decisions';

const USAGE = `Usage:
  article-annotator analyze [--published YYYY-MM-DD] [--json | --jsonl] [--jobs N] PATH...
      PATH is an article file or a folder (its article files, recursively). The decisions in a folder's
      folder.annotations.yaml are applied as in the editor: each article gets "suggestions" (JSON).
      --published  publication date applied to every article given
      --json       one JSON object on stdout (articles, events, quotes)
      --jsonl      the same as JSON lines: one per article, then one per event and per quote
      --jobs N     analyse in N threads (default: the number of cores from 500 files, one thread below;
                   1 = this thread only)
      --timings    how long reading and analysis, linking and output took, on stderr
  article-annotator export --format w3c|brat|conll|csv|jsonl [--out DIR] PATH...
  article-annotator import [--out DIR] FILE.html...
      writes each saved web page's article as <title>.md beside it (or in DIR); never over an existing file
  article-annotator merge-sidecar BASE OURS THEIRS
      git merge driver for *.annotations.yaml (%O %A %B): merges by annotation id into OURS
  article-annotator --help | --version`;

export interface CliIO extends OutputIO {
  stderr: (s: string) => void;
  /** Runs this command again in a process with a heap limit of `heapMB` and resolves to its exit status (the
   *  real CLI only; without it a large folder is analysed in this process as it is). */
  relaunch?: (heapMB: number) => Promise<number>;
}

export { collectArticles };

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

interface AnalyzeOptions {
  published: string | null;
  format: 'summary' | 'json' | 'jsonl';
  /** Threads asked for with --jobs, or undefined: the default (jobsFor). */
  jobs: number | undefined;
  timings: boolean;
  paths: string[];
}

/** The options of `analyze`, or the message of a usage error. */
function analyzeOptions(args: string[]): AnalyzeOptions | string {
  const { flags, rest, error } = parseFlags(args, ['published', 'jobs']);
  if (error) return `${error}\n${USAGE}`;
  for (const f of flags.keys()) {
    if (!['published', 'json', 'jsonl', 'jobs', 'timings'].includes(f)) return `unknown option --${f}\n${USAGE}`;
  }
  const published = flags.get('published');
  if (
    published !== undefined &&
    (typeof published !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(published) || isNaN(Date.parse(published)))
  ) {
    return `--published takes a date as YYYY-MM-DD, not "${String(published)}"`;
  }
  if (flags.has('json') && flags.has('jsonl')) return `--json and --jsonl: choose one\n${USAGE}`;
  const jobsFlag = flags.get('jobs');
  const jobs = jobsFlag === undefined ? undefined : Number(jobsFlag);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1))
    return `--jobs takes a whole number from 1, not "${String(jobsFlag)}"`;
  if (!rest.length) return `analyze needs at least one file or folder\n${USAGE}`;
  const format = flags.has('json') ? 'json' : flags.has('jsonl') ? 'jsonl' : 'summary';
  return {
    published: typeof published === 'string' ? published : null,
    format,
    jobs,
    timings: flags.has('timings'),
    paths: rest,
  };
}

/**
 * Below this many files the default is one thread. Each thread compiles the analysis afresh (V8 warms up per
 * thread), and V8's own compiler and collector threads already use a second core: on 2 cores, 262 real articles took
 * 4.1-4.4 s in one thread and 4.5-4.9 s in two, 500 generated ones 6.9-7.3 s either way, 1,000 12.4-13.0 s against
 * 11.2-11.3 s.
 */
const POOL_MIN_FILES = 500;

/** --jobs as given; by default the cores, or one thread for a folder too small to gain from more. */
function jobsFor(asked: number | undefined, files: number): number {
  if (asked !== undefined) return asked;
  if (files < POOL_MIN_FILES) return 1;
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : Math.max(1, os.cpus().length);
}

/** With --timings, each call says on stderr how long the phase since the previous call took. */
function phaseTimer(on: boolean, io: CliIO): (phase: string) => void {
  let last = Date.now();
  return (phase) => {
    const now = Date.now();
    if (on) io.stderr(`article-annotator: ${phase}: ${((now - last) / 1000).toFixed(2)} s\n`);
    last = now;
  };
}

/**
 * `analyze`: the files are analysed one by one (in worker threads with --jobs > 1), added to the index in
 * input order, and linked once. Read errors come back from whichever thread read the file.
 */
export async function runAnalyze(args: string[], io: CliIO): Promise<number> {
  const opts = analyzeOptions(args);
  if (typeof opts === 'string') {
    io.stderr(`article-annotator: ${opts}\n`);
    return 2;
  }
  const errors: string[] = [];
  const files = listArticleFiles(opts.paths, errors);
  for (const e of errors) io.stderr(`article-annotator: ${e}\n`);
  const plan = heapPlan(heapFacts(files.length));
  if (plan.message) io.stderr(`article-annotator: ${plan.message}\n`);
  if (plan.relaunchMB && io.relaunch) return io.relaunch(plan.relaunchMB);
  const index = new CorpusIndex();
  // The CLI links once, folder-wide: nothing to keep for local links.
  index.localLinks = false;
  // Nor for a second link: detections go once resolved.
  index.keepDetections = false;
  const tasks = files.map((f) => ({ ...f, published: opts.published }));
  const took = phaseTimer(opts.timings, io);
  const jobs = jobsFor(opts.jobs, tasks.length);
  await analyzeFiles(tasks, jobs, (r) => {
    if ('analysis' in r) index.upsertAnalysis(r.path, r.analysis.article.text, opts.published, r.analysis);
    else if ('error' in r) io.stderr(`article-annotator: ${r.error}\n`);
  });
  if (!index.size) {
    io.stderr('article-annotator: nothing could be analysed\n');
    return 1;
  }
  took(`reading and analysis of ${index.size} articles in ${Math.min(jobs, tasks.length)} thread(s)`);
  index.link();
  took('linking');
  if (opts.timings) {
    const phases = Object.entries(index.lastLinkPhases).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(2)} s`);
    io.stderr(`article-annotator: linking phases: ${phases.join(', ')}\n`);
  }
  // The decisions of each folder's folder.annotations.yaml, applied as the editor applies them.
  const suggestions = suggestionsByPath(
    index,
    decisionFolders(opts.paths, (m) => io.stderr(`article-annotator: ${m}\n`)),
  );
  if (opts.format === 'json') await writeJson(index, io, suggestions);
  else if (opts.format === 'jsonl') await writeJsonl(index, io, suggestions);
  else io.stdout(summary(index.toJSON(), suggestions));
  took('output');
  return 0;
}

/** The exit status; a promise for `analyze` (it may wait for worker threads) and `import` (it loads the HTML
 * libraries on first use). */
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

/** This command again, in a child process with a heap limit of `heapMB`, sharing this one's streams. */
function relaunch(heapMB: number): Promise<number> {
  const args = [...process.execArgv, `--max-old-space-size=${heapMB}`, process.argv[1], ...process.argv.slice(2)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, [RELAUNCHED_ENV]: '1' } });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

if (require.main === module) {
  const io: CliIO = {
    stdout: (s) => process.stdout.write(s),
    drained: () => new Promise((resolve) => process.stdout.once('drain', resolve)),
    stderr: (s) => process.stderr.write(s),
    relaunch,
  };
  void Promise.resolve(main(process.argv.slice(2), io)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(`article-annotator: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
