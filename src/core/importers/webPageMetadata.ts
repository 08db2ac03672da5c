// The metadata of a saved news page: title, authors, source URL, site name and publication date, taken from
// JSON-LD (NewsArticle and kin), then OpenGraph, then <time datetime>, then other meta tags, in that order of trust.
import { attr, DomDocument, squash } from './dom';

export interface WebPageMetadata {
  title: string | null;
  authors: string[];
  source: string | null;
  site: string | null;
  /** ISO 8601: a date (2024-11-02) or a date-time with its offset when the page gives one. */
  published: string | null;
  /** Whether the page calls itself an article (JSON-LD article type or og:type article). */
  declaresArticle: boolean;
}

type Json = Record<string, unknown>;

// schema.org types of a news or blog article (NewsArticle, ReportageNews, BlogPosting, LiveBlogPosting, …).
const ARTICLE_TYPE = /^(\w*Article|ReportageNews|BlogPosting|LiveBlogPosting|Report)$/;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const types = (n: Json): string[] => asList(n['@type']).filter((t): t is string => typeof t === 'string');

/** Every object in the page's JSON-LD blocks (inside @graph, arrays, mainEntity…), and an index of them by @id. */
function jsonLdNodes(doc: DomDocument): { nodes: Json[]; byId: Map<string, Json> } {
  const nodes: Json[] = [];
  const byId = new Map<string, Json>();
  const visit = (v: unknown, depth: number): void => {
    if (depth > 8) return;
    if (Array.isArray(v)) for (const x of v) visit(x, depth + 1);
    else if (isObject(v)) {
      nodes.push(v);
      if (typeof v['@id'] === 'string' && Object.keys(v).length > 1) byId.set(v['@id'], v);
      for (const x of Object.values(v)) if (typeof x === 'object') visit(x, depth + 1);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script[type]'))) {
    if (!/^application\/ld\+json\b/i.test(script.getAttribute('type') ?? '')) continue;
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // A page's broken JSON-LD is common; the other sources still apply.
    }
  }
  return { nodes, byId };
}

/** The page's article node: a NewsArticle before any other article type. */
function articleNode(nodes: Json[]): Json | undefined {
  const articles = nodes.filter((n) => types(n).some((t) => ARTICLE_TYPE.test(t)));
  return articles.find((n) => types(n).some((t) => /NewsArticle|ReportageNews/.test(t))) ?? articles[0];
}

function resolve(v: unknown, byId: Map<string, Json>): unknown {
  return isObject(v) && typeof v['@id'] === 'string' && byId.has(v['@id']) ? { ...byId.get(v['@id']), ...v } : v;
}

function nameOf(v: unknown, byId: Map<string, Json>): string | null {
  const r = resolve(v, byId);
  if (typeof r === 'string') return squash(r) || null;
  return isObject(r) && typeof r.name === 'string' ? squash(r.name) || null : null;
}

function urlOf(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (isObject(v)) return typeof v.url === 'string' ? v.url : typeof v['@id'] === 'string' ? v['@id'] : null;
  return null;
}

function fromJsonLd(doc: DomDocument): Partial<WebPageMetadata> {
  const { nodes, byId } = jsonLdNodes(doc);
  const node = articleNode(nodes);
  if (!node) return {};
  const authors = asList(node.author ?? node.creator).flatMap((a) => {
    const n = nameOf(a, byId);
    return n ? splitAuthors(n) : [];
  });
  const str = (v: unknown) => (typeof v === 'string' ? squash(v) || null : null);
  return {
    title: str(node.headline) ?? str(node.name),
    authors,
    source: cleanUrl(urlOf(node.url) ?? urlOf(node.mainEntityOfPage)),
    site: nameOf(node.publisher, byId) ?? nameOf(node.isPartOf, byId),
    published: normaliseDate(str(node.datePublished) ?? str(node.dateCreated)),
    declaresArticle: true,
  };
}

/** The page's <meta> values by property, name and itemprop (lower case); the first of each wins. */
type MetaTags = Map<string, string>;

function metaTags(doc: DomDocument): MetaTags {
  const tags: MetaTags = new Map();
  for (const el of Array.from(doc.querySelectorAll('meta[content]'))) {
    const content = attr(el, 'content');
    if (!content) continue;
    for (const key of ['property', 'name', 'itemprop']) {
      const k = el.getAttribute(key)?.trim().toLowerCase();
      if (k && !tags.has(k)) tags.set(k, content);
    }
  }
  return tags;
}

function meta(tags: MetaTags, ...names: string[]): string | null {
  for (const n of names) {
    const v = tags.get(n.toLowerCase());
    if (v) return v;
  }
  return null;
}

function fromOpenGraph(doc: MetaTags): Partial<WebPageMetadata> {
  const author = meta(doc, 'article:author', 'og:article:author');
  return {
    title: meta(doc, 'og:title'),
    // article:author is often a profile URL, which names no one.
    authors: author && !/^https?:/i.test(author) ? splitAuthors(author) : [],
    source: cleanUrl(meta(doc, 'og:url')),
    site: meta(doc, 'og:site_name'),
    published: normaliseDate(meta(doc, 'article:published_time', 'og:article:published_time', 'og:published_time')),
    declaresArticle: /^article$/i.test(meta(doc, 'og:type') ?? ''),
  };
}

/** The publication time the page's markup marks, else its first <time datetime>. */
function fromTimeElement(doc: DomDocument): string | null {
  const marked = doc.querySelector(
    'time[itemprop~="datePublished"][datetime], time[pubdate][datetime], time[class*="publish"][datetime]',
  );
  const el = marked ?? doc.querySelector('time[datetime]');
  return normaliseDate(attr(el, 'datetime'));
}

function fromMetaTags(doc: MetaTags, canonical: string | null): Partial<WebPageMetadata> {
  const author = meta(doc, 'author', 'parsely-author', 'dc.creator', 'dcterms.creator', 'byl', 'sailthru.author');
  return {
    title: meta(doc, 'twitter:title', 'dc.title'),
    authors: author && !/^https?:/i.test(author) ? splitAuthors(author) : [],
    source: cleanUrl(canonical),
    site: meta(doc, 'application-name', 'publisher', 'dc.publisher'),
    published: normaliseDate(
      meta(
        doc,
        'datePublished',
        'date',
        'pubdate',
        'publishdate',
        'publish-date',
        'parsely-pub-date',
        'dc.date',
        'dc.date.issued',
        'dcterms.created',
        'dcterms.date',
        'sailthru.date',
        'article.published',
      ),
    ),
  };
}

/** What the page's markup says, before Readability runs (it changes the document). */
export interface PageMarkup extends WebPageMetadata {
  documentTitle: string;
  h1: string | null;
}

/** Reads the page's markup in order of trust: JSON-LD, OpenGraph, <time datetime>, other meta tags. */
export function readPageMarkup(doc: DomDocument): PageMarkup {
  const tags = metaTags(doc);
  const canonical = attr(doc.querySelector('link[rel~="canonical"]'), 'href');
  const layers = [
    fromJsonLd(doc),
    fromOpenGraph(tags),
    { published: fromTimeElement(doc) },
    fromMetaTags(tags, canonical),
  ];
  const first = <K extends keyof WebPageMetadata>(k: K) =>
    layers.map((l) => l[k]).find((v) => (Array.isArray(v) ? v.length : v)) ?? null;
  return {
    title: first('title') as string | null,
    authors: (first('authors') as string[] | null) ?? [],
    source: first('source') as string | null,
    site: first('site') as string | null,
    published: first('published') as string | null,
    declaresArticle: layers.some((l) => l.declaresArticle),
    documentTitle: squash(doc.title),
    h1: squash(doc.querySelector('h1')?.textContent) || null,
  };
}

/**
 * The metadata, with the gaps in the markup filled from what Readability found (its cleaned title and the byline
 * it took from the text) and from the address a browser noted when it saved the page.
 */
export function completeMetadata(
  m: PageMarkup,
  found: { title?: string | null; byline?: string | null; savedFrom?: string | null },
): WebPageMetadata {
  // The page's own headline when the document title repeats it ("Headline — Site"), else Readability's guess.
  const h1 = m.h1 && m.documentTitle.includes(m.h1) ? m.h1 : null;
  const title = m.title ?? (h1 || squash(found.title) || m.h1 || m.documentTitle || null);
  return {
    title,
    authors: m.authors.length ? m.authors : splitAuthors(squash(found.byline)),
    source: m.source ?? cleanUrl(found.savedFrom ?? null),
    site: m.site ?? siteFromTitle(m.documentTitle, title),
    published: m.published,
    declaresArticle: m.declaresArticle,
  };
}

/** "The Post" from a page title "Headline - The Post" whose first part is the headline. */
function siteFromTitle(pageTitle: string, title: string | null): string | null {
  if (!title || !pageTitle.startsWith(title)) return null;
  const m = /^\s*[|\-–—:»·]\s*(.{2,60})$/.exec(pageTitle.slice(title.length));
  return m ? m[1].trim() : null;
}

/** People in a byline: "By A, B and C" → [A, B, C]; duplicates and e-mail addresses dropped. */
export function splitAuthors(byline: string): string[] {
  const text = squash(byline)
    .replace(/^(by|written by|words by|von|par|por)\s+/i, '')
    .replace(/\s*[|·•].*$/, '');
  const names = text
    .split(/\s*(?:,|;|&|\band\b)\s*/i)
    .map((s) => s.replace(/^(by)\s+/i, '').trim())
    .filter((s) => s.length > 1 && s.length <= 80 && !/@|^https?:/i.test(s));
  return [...new Set(names)];
}

/** An absolute http(s) URL without tracking parameters (utm_*, fbclid, gclid), or null. */
export function cleanUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url.trim());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    for (const k of [...u.searchParams.keys()])
      if (/^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|cmpid|ocid)$/i.test(k)) u.searchParams.delete(k);
    return u.toString();
  } catch {
    return null;
  }
}

const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** ISO 8601 from the date forms pages use: ISO date or date-time (its offset kept), 20240621, or what Date parses. */
export function normaliseDate(raw: string | null): string | null {
  const s = squash(raw);
  if (!s) return null;
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  const m = ISO.exec(compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : s);
  if (m) {
    if (!validDay(m[1])) return null;
    if (!m[2]) return m[1];
    const zone = m[3] ? (m[3].toUpperCase() === 'Z' ? 'Z' : m[3].replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2')) : '';
    return `${m[1]}T${m[2].length === 5 ? m[2] + ':00' : m[2]}${zone}`;
  }
  const t = Date.parse(s);
  if (isNaN(t)) return null;
  const d = new Date(t);
  // A written time ("Fri, 21 Jun 2024 17:45:00 GMT") is kept as an instant; a bare date stays a date.
  if (/\d:\d\d/.test(s)) return d.toISOString().replace(/\.000Z$/, 'Z');
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function validDay(ymd: string): boolean {
  const d = new Date(`${ymd}T00:00:00Z`);
  return !isNaN(d.getTime()) && d.toISOString().startsWith(ymd);
}
