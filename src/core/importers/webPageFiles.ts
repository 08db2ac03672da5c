// Saved web pages to Markdown article files, shared by the CLI and the extension. The extraction (./webPage, with
// linkedom and Readability) is loaded on first use; the bundles keep it apart in dist/webPageImporter.js.
import { promises as fsp } from 'fs';
import * as path from 'path';
import { wordCount } from './dom';
import type { ExtractOptions, WebPageExtract, WebPageMetadata } from './webPage';
import { webPageMarkdown } from './webPageMarkdown';

export interface ImportOptions extends ExtractOptions {
  /** Runs the extraction elsewhere (the extension uses a worker thread); in this thread by default. */
  extract?: (html: string) => Promise<WebPageExtract>;
}

async function extractHere(html: string, options: ExtractOptions): Promise<WebPageExtract> {
  const { extractWebPage } = await import('./webPage');
  return extractWebPage(html, options);
}

export type WebPageImport =
  | { ok: true; title: string; metadata: WebPageMetadata; markdown: string; words: number }
  | { ok: false; reason: string };

export type WebPageFileResult =
  | { file: string; ok: true; written: string; title: string; words: number }
  | { file: string; ok: false; reason: string };

/** One saved page as a Markdown article, or the reason it is not an article. */
export async function importWebPage(
  html: string,
  options: ImportOptions & { importedFrom?: string } = {},
): Promise<WebPageImport> {
  const page = await (options.extract ? options.extract(html) : extractHere(html, options));
  if (!page.ok) return page;
  const { metadata, blocks } = page;
  const markdown = webPageMarkdown(metadata, blocks, options.importedFrom);
  const words = wordCount(blocks.map((b) => b.lines.join(' ')).join(' '));
  return { ok: true, title: metadata.title ?? '', metadata, markdown, words };
}

/** A file name from a title: lower case, ASCII letters and digits joined by "-", at most 60 characters. */
export function slugify(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøł]/gi, (c) => ({ ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l' })[c.toLowerCase()] ?? c)
    .toLowerCase();
  let slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length > 60) slug = slug.slice(0, 61).replace(/-[^-]*$/, '') || slug.slice(0, 60);
  return slug || 'article';
}

// windows-1252 at 0x80–0x9F (Node 20's TextDecoder decodes that label as Latin-1 there: “ becomes U+0093).
const CP1252_C1 = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

function decode(bytes: Uint8Array, label: string): string {
  const decoder = new TextDecoder(label);
  const text = decoder.decode(bytes);
  return decoder.encoding === 'windows-1252'
    ? text.replace(/[\x80-\x9f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80])
    : text;
}

/** Text of an HTML file in its declared encoding (byte-order mark, then <meta charset>), else UTF-8. */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode(bytes.subarray(2), 'utf-16be');
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
  try {
    return decode(bytes, declared ?? 'utf-8');
  } catch {
    return decode(bytes, 'utf-8');
  }
}

/**
 * Writes `content` as `<slug>.md` in `dir`, or `<slug>-2.md`, `-3`… when taken: never over an existing file.
 * The file appears whole (written aside, then hard-linked into place, which fails rather than replace a file).
 */
export async function writeNewFile(dir: string, slug: string, content: string): Promise<string> {
  await fsp.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${slug}.${process.pid}.${Date.now().toString(36)}.tmp`);
  await fsp.writeFile(tmp, content);
  try {
    for (let i = 1; ; i++) {
      const target = path.join(dir, i === 1 ? `${slug}.md` : `${slug}-${i}.md`);
      try {
        await fsp.link(tmp, target);
        return target;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') continue;
        // File systems without hard links: exclusive create still never replaces a file.
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw err;
        try {
          await fsp.writeFile(target, content, { flag: 'wx' });
          return target;
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
          throw e;
        }
      }
    }
  } finally {
    await fsp.rm(tmp, { force: true });
  }
}

/** Imports each saved page into `<slug>.md` beside it (or in `outDir`); each failure is a result with its reason. */
export async function importWebPageFiles(
  files: string[],
  outDir?: string,
  options: ImportOptions = {},
): Promise<WebPageFileResult[]> {
  const results: WebPageFileResult[] = [];
  for (const file of files) {
    try {
      const html = decodeHtml(await fsp.readFile(file));
      const dir = outDir ?? path.dirname(file);
      const page = await importWebPage(html, { ...options, importedFrom: path.basename(file) });
      if (!page.ok) {
        results.push({ file, ok: false, reason: page.reason });
        continue;
      }
      const written = await writeNewFile(dir, slugify(page.title), page.markdown);
      results.push({ file, ok: true, written, title: page.title, words: page.words });
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      results.push({ file, ok: false, reason: e.code ? `cannot read or write (${e.code})` : e.message });
    }
  }
  return results;
}
