// `article-annotator import`: its arguments and output; the core reads the saved pages and writes the Markdown
// articles (src/core/importers/webPageFiles.ts).
import * as fs from 'fs';
import { importWebPageFiles } from '../core/importers/webPageFiles';

export interface ImportIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** Reads `[--out DIR] FILE.html...`; an error message instead when the arguments are wrong. */
function parseArgs(args: string[]): { out?: string; files: string[]; error?: string } {
  let out: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('--')) {
      files.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split('=', 2);
    if (name !== 'out') return { files, error: `unknown option ${a}` };
    out = inline ?? args[++i];
    if (!out) return { files, error: '--out needs a folder' };
  }
  if (!files.length) return { files, error: 'import needs at least one saved web page (.html)' };
  return { out, files };
}

/** `article-annotator import`: each page's article as `<slug>.md` beside it or in --out; exit 1 when none was. */
export async function runImport(args: string[], io: ImportIO, usage: string): Promise<number> {
  const { out, files, error } = parseArgs(args);
  if (error) {
    io.stderr(`article-annotator: ${error}\n${usage}\n`);
    return 2;
  }
  const pages: string[] = [];
  for (const f of files) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(f);
    } catch {
      io.stderr(`article-annotator: ${f}: no such file\n`);
      continue;
    }
    if (stat.isDirectory()) io.stderr(`article-annotator: ${f}: is a folder; give the saved pages (.html) in it\n`);
    else pages.push(f);
  }
  const results = await importWebPageFiles(pages, out);
  for (const r of results) {
    if (r.ok) io.stdout(`${r.written}  (${r.title}; ${r.words} words, from ${r.file})\n`);
    else io.stderr(`article-annotator: ${r.file}: ${r.reason}; nothing written\n`);
  }
  const written = results.filter((r) => r.ok).length;
  if (results.length > 1 || written !== results.length)
    io.stderr(`article-annotator: ${written} of ${files.length} page(s) imported\n`);
  return written ? 0 : 1;
}
