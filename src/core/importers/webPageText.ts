// A saved page's furniture (cookie banners, share bars, newsletter boxes, related lists, comments, images) removed
// before Readability runs, and the article Readability keeps turned into plain Markdown blocks.
import { isBoilerplateLine } from '../article';
import { DomDocument, DomElement, DomNode, isElement, squash, TEXT_NODE } from './dom';

// Elements that are never article text.
const DROP_TAGS = new Set([
  ...['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'canvas', 'object', 'embed', 'map'],
  ...['form', 'button', 'input', 'select', 'textarea', 'dialog', 'nav', 'aside'],
  ...['figure', 'figcaption', 'picture', 'img', 'video', 'audio', 'source'],
]);
const DROP_SELECTOR = [
  '[hidden]',
  '[aria-hidden="true"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[role="navigation"]',
  '[role="complementary"]',
  '[role="contentinfo"]',
  '[role="search"]',
].join(', ');

// A part of a class or id (split at - and _) that names furniture: "c-share__button", "related-articles",
// "newsletter-signup", "gdpr-consent-overlay", "comments-area", "ad-slot", "inline-promo".
const FURNITURE_PART = new RegExp(
  '^(' +
    'share\\w*|sharing|social\\w*|cookies?\\w*|consent|cmp|gdpr|newsletters?|subscribe|subscription|signup|' +
    'related|recommended|recommendations|promo|advert\\w*|ads?|sponsor\\w*|comments?|disqus|paywall|outbrain|taboola|' +
    'breadcrumbs?|also|more|tags|topics' +
    ')$',
  'i',
);
// Parts that only count together with another ("more-stories", "also-read", "article-tags").
const NEEDS_PAIR = new Set(['also', 'more', 'tags', 'topics']);

function furnitureName(el: DomElement): boolean {
  const words = `${el.getAttribute('class') ?? ''} ${el.id ?? ''}`.split(/\s+/).filter(Boolean);
  return words.some((w) => {
    const parts = w.split(/[-_]+/).filter(Boolean);
    const hits = parts.filter((p) => FURNITURE_PART.test(p));
    if (!hits.length) return false;
    // "more-stories" and "also-read" are lists of links; "more" alone ("more-info") or "tags" alone is too weak.
    return hits.some((h) => !NEEDS_PAIR.has(h.toLowerCase())) || parts.length > 1;
  });
}

/**
 * Removes the page's furniture in place. An element named like furniture is kept when it holds most of the page's
 * text (a wrapper such as <div class="story has-comments">), so one odd class name cannot remove the article.
 */
export function removeFurniture(doc: DomDocument): void {
  const body = doc.body ?? doc.documentElement;
  for (const el of Array.from(body.querySelectorAll('*'))) if (DROP_TAGS.has(el.tagName.toLowerCase())) el.remove();
  for (const el of Array.from(body.querySelectorAll(DROP_SELECTOR))) el.remove();
  const total = squash(body.textContent).length || 1;
  for (const el of Array.from(body.querySelectorAll('[class], [id]'))) {
    if (!el.parentNode || /^(html|body|main|article)$/i.test(el.tagName) || !furnitureName(el)) continue;
    if (squash(el.textContent).length / total < 0.4) el.remove();
  }
}

export type Block = { kind: 'heading' | 'paragraph' | 'list' | 'quote'; lines: string[]; linkShare: number };

const CONTAINERS = new Set('div section article main header footer details summary center body dl'.split(' '));

/** Adds one node's inline text to `acc` (link text counted apart), skipping anything that is never text. */
function inlineNode(c: DomNode, acc: { text: string; link: number }): void {
  if (c.nodeType === TEXT_NODE) {
    acc.text += c.textContent ?? '';
    return;
  }
  if (!isElement(c)) return;
  const tag = c.tagName.toLowerCase();
  if (DROP_TAGS.has(tag)) return;
  if (tag === 'br') {
    acc.text += '\n';
    return;
  }
  const before = acc.text.length;
  for (const k of Array.from(c.childNodes)) inlineNode(k, acc);
  if (tag === 'a') acc.link += squash(acc.text.slice(before)).length;
}

function textOf(node: DomNode): { text: string; linkShare: number } {
  const acc = { text: '', link: 0 };
  for (const c of Array.from(node.childNodes)) inlineNode(c, acc);
  const text = acc.text
    .split('\n')
    .map((l) => squash(l))
    .filter(Boolean)
    .join('\n');
  return { text, linkShare: text.length ? Math.min(1, acc.link / text.length) : 0 };
}

function listBlock(el: DomElement): Block {
  const ordered = el.tagName.toLowerCase() === 'ol';
  const items = Array.from(el.childNodes).filter(
    (c): c is DomElement => isElement(c) && c.tagName.toLowerCase() === 'li',
  );
  const texts = items.map(textOf).filter((t) => t.text);
  const chars = texts.reduce((n, t) => n + t.text.length, 0) || 1;
  return {
    kind: 'list',
    lines: texts.map((t, i) => `${ordered ? `${i + 1}.` : '-'} ${t.text.replace(/\n/g, ' ')}`),
    linkShare: texts.reduce((n, t) => n + t.linkShare * t.text.length, 0) / chars,
  };
}

function tableBlock(el: DomElement): Block {
  const rows = Array.from(el.querySelectorAll('tr')).map((tr) =>
    Array.from(tr.childNodes)
      .filter(isElement)
      .map((c) => textOf(c).text.replace(/\n/g, ' '))
      .filter(Boolean)
      .join(' | '),
  );
  return { kind: 'paragraph', lines: rows.filter(Boolean), linkShare: 0 };
}

/** The blocks of Readability's article element, in reading order. */
export function articleBlocks(root: DomNode): Block[] {
  const out: Block[] = [];
  const loose = { text: '', link: 0 };
  const flush = () => {
    const text = squash(loose.text);
    if (text) out.push({ kind: 'paragraph', lines: [text], linkShare: Math.min(1, loose.link / text.length) });
    loose.text = '';
    loose.link = 0;
  };
  const visit = (node: DomNode): void => {
    for (const c of Array.from(node.childNodes)) {
      if (!isElement(c)) {
        if (c.nodeType === TEXT_NODE) loose.text += c.textContent ?? '';
        continue;
      }
      const tag = c.tagName.toLowerCase();
      if (DROP_TAGS.has(tag)) continue;
      if (
        /^h[1-6]$/.test(tag) ||
        tag === 'p' ||
        tag === 'pre' ||
        tag === 'dt' ||
        tag === 'dd' ||
        tag === 'blockquote'
      ) {
        flush();
        const { text, linkShare } = textOf(c);
        const kind = tag.startsWith('h') ? 'heading' : tag === 'blockquote' ? 'quote' : 'paragraph';
        if (text) out.push({ kind, lines: text.split('\n'), linkShare });
      } else if (tag === 'ul' || tag === 'ol') {
        flush();
        out.push(listBlock(c));
      } else if (tag === 'table') {
        flush();
        out.push(tableBlock(c));
      } else if (CONTAINERS.has(tag) || tag === 'hr' || tag === 'li') {
        flush();
        visit(c);
        flush();
      } else inlineNode(c, loose);
    }
  };
  visit(root);
  flush();
  return out;
}

// A label that introduces links to other articles, not text of this one.
const RELATED_LABEL = new RegExp(
  '^(read more|related|see also|also read|you may also like|more on this( story)?|recommended|most read|' +
    'more from [\\w ]+|latest news)\\b',
  'i',
);

/** Whether a block is furniture that survived Readability: a label, an advertisement line, or a list of links. */
export function isFurnitureBlock(b: Block): boolean {
  const text = b.lines.join(' ');
  if (b.lines.every((l) => isBoilerplateLine(l))) return true;
  if (RELATED_LABEL.test(text) && (text.length < 40 || b.linkShare > 0.4)) return true;
  // Links to elsewhere: a list made of links, or a short paragraph that is mostly one.
  if (b.kind === 'list' && b.linkShare > 0.6) return true;
  return b.kind === 'paragraph' && b.linkShare > 0.6 && text.split(/\s+/).length < 30;
}
