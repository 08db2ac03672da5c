// An extracted article as a Markdown file: YAML front matter (title, authors, source, site, published,
// imported_from), the headline, then paragraphs, `##` headings, lists and quotes; never HTML.
import { stringify } from 'yaml';
import type { WebPageMetadata } from './webPageMetadata';
import type { Block } from './webPageText';

// Markdown that a line of article text would start by accident: a heading, a list item, a quote.
const MARKDOWN_START = /^(#{1,6}\s|[-+*]\s|>|\d+[.)]\s)/;

function blockMarkdown(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `## ${b.lines.join(' ')}`;
    case 'list':
      return b.lines.join('\n');
    case 'quote':
      return b.lines.map((l) => `> ${l}`).join('\n');
    default:
      return b.lines.map((l) => (MARKDOWN_START.test(l) ? `\\${l}` : l)).join('\n');
  }
}

/** The Markdown file; front matter keys without a value are left out. */
export function webPageMarkdown(m: WebPageMetadata, blocks: Block[], importedFrom?: string): string {
  const front: Record<string, unknown> = {};
  if (m.title) front.title = m.title;
  if (m.authors.length) front.authors = m.authors;
  if (m.source) front.source = m.source;
  if (m.site) front.site = m.site;
  if (m.published) front.published = m.published;
  if (importedFrom) front.imported_from = importedFrom;
  const yaml = stringify(front, { lineWidth: 0 });
  const body = blocks.map(blockMarkdown).join('\n\n');
  return `---\n${yaml}---\n\n${m.title ? `# ${m.title}\n\n` : ''}${body}\n`;
}
