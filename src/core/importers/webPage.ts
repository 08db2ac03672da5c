// Article extraction from a saved web page: the page's metadata and the text Readability finds, furniture removed.
// This module and its HTML libraries (linkedom, Readability) are bundled apart and loaded only when a page is imported.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { DomDocument, DomNode, squash, wordCount } from './dom';
import { completeMetadata, readPageMarkup, WebPageMetadata } from './webPageMetadata';
import { articleBlocks, Block, isFurnitureBlock, removeFurniture } from './webPageText';

export type { WebPageMetadata } from './webPageMetadata';

export type WebPageExtract = { ok: true; metadata: WebPageMetadata; blocks: Block[] } | { ok: false; reason: string };

export interface ExtractOptions {
  /** Parses HTML into a W3C DOM; linkedom by default. */
  parse?: (html: string) => DomDocument;
}

// Below these a page is a section front, a list of links or a stub, not an article.
const MIN_WORDS = 60;
const MIN_LONGEST_PARAGRAPH = 20;

export function parseWithLinkedom(html: string): DomDocument {
  return (parseHTML(html) as unknown as { document: DomDocument }).document;
}

/** The address a browser noted in the page when saving it (Chrome/IE "saved from url", SingleFile's "url:"). */
function savedFromUrl(html: string): string | null {
  const head = html.slice(0, 4000);
  const m =
    /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(head) ??
    /<!--[^]*?Page saved with SingleFile[^]*?\burl:\s*(\S+)/i.exec(head);
  return m ? m[1] : null;
}

/** A byline left in the text ("By A and B"), which the front matter already carries. */
function isBylineLine(line: string, authors: string[]): boolean {
  return /^(by|written by|words by)\s/i.test(line) && wordCount(line) <= 20 && authors.some((a) => line.includes(a));
}

/** The article's blocks: furniture, the repeated headline and bylines left out. */
function bodyBlocks(content: DomNode, m: WebPageMetadata): Block[] {
  const norm = (s: string) => squash(s).toLowerCase();
  const title = norm(m.title ?? '');
  return articleBlocks(content)
    .filter((b) => !isFurnitureBlock(b) && !(b.kind === 'heading' && norm(b.lines.join(' ')) === title))
    .map((b) => (b.kind === 'paragraph' ? { ...b, lines: b.lines.filter((l) => !isBylineLine(l, m.authors)) } : b))
    .filter((b) => b.lines.length);
}

/** Why the blocks are not an article, or null when they are. */
function notAnArticle(blocks: Block[]): string | null {
  const prose = blocks
    .filter((b) => b.kind === 'paragraph' || b.kind === 'quote')
    .map((b) => wordCount(b.lines.join(' ')));
  const total = prose.reduce((a, b) => a + b, 0);
  const longest = Math.max(0, ...prose);
  if (total < MIN_WORDS || longest < MIN_LONGEST_PARAGRAPH) {
    const what = `only ${total} word(s) of running text, the longest paragraph ${longest}`;
    return `not an article: ${what} (a section page, a list of links or a stub?)`;
  }
  return null;
}

/** The article in a saved page (metadata and blocks of text), or the reason the page is not an article. */
export function extractWebPage(html: string, options: ExtractOptions = {}): WebPageExtract {
  const doc = (options.parse ?? parseWithLinkedom)(html);
  const markup = readPageMarkup(doc);
  removeFurniture(doc);
  // The serializer hands back the article's element itself, so the text is read from the DOM, not re-parsed.
  const reader = new Readability<DomNode>(doc as never, { serializer: (n) => n as unknown as DomNode });
  const parsed = reader.parse();
  if (!parsed?.content) return { ok: false, reason: 'not an article: Readability found no main text' };
  const metadata = completeMetadata(markup, {
    title: parsed.title,
    byline: parsed.byline,
    savedFrom: savedFromUrl(html),
  });
  const blocks = bodyBlocks(parsed.content, metadata);
  const why = notAnArticle(blocks);
  return why ? { ok: false, reason: why } : { ok: true, metadata, blocks };
}
