// `article-annotator export`: its arguments and output; the core reads the sidecars and makes the files
// (src/core/exporters/files.ts).
import * as fs from 'fs';
import * as path from 'path';
import { EXPORT_FORMATS, ExportFormat, exportFiles, sidecarsForExport } from '../core/exporters/files';

export interface ExportIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/**
 * `article-annotator export`: sidecars beside the given articles, to files in --out or (single-file formats) stdout.
 */
export function runExport(
  args: string[],
  io: ExportIO,
  collect: (paths: string[], errors: string[]) => { path: string; text: string }[],
  usage: string,
): number {
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
    io.stderr(
      `article-annotator: export needs --format ${EXPORT_FORMATS.join('|')}${format ? `, not "${format}"` : ''}\n`,
    );
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
  const { articles, errors: sidecarErrors, broken } = sidecarsForExport(loaded);
  for (const e of [...errors, ...sidecarErrors]) io.stderr(`article-annotator: ${e}\n`);
  const files = exportFiles(format as ExportFormat, articles);
  if (!out) {
    for (const f of files) io.stdout(f.content);
  } else {
    fs.mkdirSync(out, { recursive: true });
    for (const f of files) fs.writeFileSync(path.join(out, f.name), f.content);
    io.stderr(
      `article-annotator: ${articles.reduce((n, a) => n + a.annotations.length, 0)} annotation(s) ` +
        `of ${articles.length} article(s) written to ${files.length} file(s) in ${out}\n`,
    );
  }
  return broken ? 1 : 0;
}
