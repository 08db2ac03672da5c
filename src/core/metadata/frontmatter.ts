// Reads Markdown front matter at the top of the file — YAML ("---" … "---") or TOML as Hugo writes it ("+++" … "+++")
// — the article's own record of its title, dates, outlet and authors. The block is metadata, never analysed as text.
import { parse as parseYaml } from 'yaml';
import { parse as parseToml } from 'smol-toml';
import { Span } from '../model';

export interface FrontField {
  /** The value as written (a string; lists of authors are joined by the caller). */
  value: string;
  /** The whole "key: value" line, for evidence and hovers. */
  span: Span;
  key: string;
}

export interface FrontMatter {
  /** The block including its fences. */
  span: Span;
  title?: FrontField;
  published?: FrontField;
  updated?: FrontField;
  source?: FrontField;
  url?: FrontField;
  authors: string[];
  authorsSpan?: Span;
  /** Why the block could not be read, when its YAML is broken (the block is still not analysed). */
  error?: string;
}

const KEYS: Record<string, 'title' | 'published' | 'updated' | 'source' | 'url'> = {
  title: 'title',
  headline: 'title',
  date: 'published',
  published: 'published',
  publishdate: 'published',
  pubdate: 'published',
  date_published: 'published',
  datepublished: 'published',
  published_at: 'published',
  publication_date: 'published',
  created: 'published',
  updated: 'updated',
  lastmod: 'updated',
  modified: 'updated',
  date_modified: 'updated',
  datemodified: 'updated',
  updated_at: 'updated',
  source: 'source',
  publisher: 'source',
  outlet: 'source',
  site: 'source',
  site_name: 'source',
  publication: 'source',
  url: 'url',
  link: 'url',
  canonical: 'url',
  canonical_url: 'url',
  permalink: 'url',
};
const AUTHOR_KEYS = new Set(['author', 'authors', 'byline', 'creator', 'creators']);

type Syntax = 'yaml' | 'toml';

/** Where the front matter ends: the offset after the closing fence line, or null when there is none. */
function closingFence(text: string, syntax: Syntax): { bodyStart: number; innerEnd: number } | null {
  const open = (syntax === 'yaml' ? /^---[ \t]*\r?\n/ : /^\+\+\+[ \t]*\r?\n/).exec(text);
  if (!open) return null;
  const close = syntax === 'yaml' ? /^(?:---|\.\.\.)[ \t]*$/m : /^\+\+\+[ \t]*$/m;
  const rest = text.slice(open[0].length);
  const m = close.exec(rest);
  // A front matter block is short; a "---" far down is a Markdown rule, not a fence.
  if (!m || m.index > 20000) return null;
  const innerEnd = open[0].length + m.index;
  let bodyStart = innerEnd + m[0].length;
  if (text[bodyStart] === '\r') bodyStart++;
  if (text[bodyStart] === '\n') bodyStart++;
  return { bodyStart, innerEnd };
}

function asText(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (v instanceof Date) return v.toISOString();
  return null;
}

function authorNames(v: unknown): string[] {
  const one = (x: unknown): string | null => {
    if (x && typeof x === 'object' && !Array.isArray(x)) return asText((x as Record<string, unknown>).name);
    return asText(x);
  };
  if (Array.isArray(v)) return v.map(one).filter((x): x is string => !!x);
  const s = one(v);
  return s ? s.split(/\s*(?:;|\band\b|&)\s*/).filter(Boolean) : [];
}

/** The line "key: …" (YAML) or "key = …" (TOML) inside the block, as a span of the whole file. */
function keyLine(text: string, inner: Span, key: string, syntax: Syntax): Span {
  const sep = syntax === 'yaml' ? ':' : '=';
  const re = new RegExp(`^[ \\t]*["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?[ \\t]*${sep}.*$`, 'm');
  const m = re.exec(text.slice(inner.start, inner.end));
  if (!m) return inner;
  const start = inner.start + m.index + (m[0].length - m[0].trimStart().length);
  return { start, end: inner.start + m.index + m[0].trimEnd().length };
}

export function readFrontMatter(text: string): FrontMatter | null {
  const syntax: Syntax = text.startsWith('+++') ? 'toml' : 'yaml';
  const fence = closingFence(text, syntax);
  if (!fence) return null;
  const inner = { start: text.indexOf('\n') + 1, end: fence.innerEnd };
  // Text between two Markdown rules is not front matter: the block must open with a "key:" (or "key =") line.
  const firstKey = syntax === 'yaml' ? /^\s*["']?[\w-]+["']?\s*:/ : /^\s*(?:["']?[\w-]+["']?\s*=|\[)/;
  if (!firstKey.test(text.slice(inner.start, inner.end))) return null;
  const fm: FrontMatter = { span: { start: 0, end: fence.bodyStart }, authors: [] };
  let data: unknown;
  try {
    const block = text.slice(inner.start, inner.end);
    data = syntax === 'yaml' ? parseYaml(block) : parseToml(block);
  } catch (err) {
    const what = syntax === 'yaml' ? 'YAML' : 'TOML';
    fm.error = `front matter is not valid ${what} (${(err as Error).message.split('\n')[0]})`;
    return fm;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  for (const [key, raw] of fieldsOf(data as Record<string, unknown>)) readField(fm, text, inner, key, raw, syntax);
  return fm;
}

/**
 * The block's keys, then those of its tables one level down, which Hugo uses for what it has no key of its own
 * for (`[params]` source = …, `[author]` name = …): a top-level key wins over a nested one.
 */
function fieldsOf(data: Record<string, unknown>): Array<[string, unknown]> {
  const top = Object.entries(data);
  const nested: Array<[string, unknown]> = [];
  for (const [key, value] of top) {
    if (!value || typeof value !== 'object' || Array.isArray(value) || value instanceof Date) continue;
    if (AUTHOR_KEYS.has(key.toLowerCase())) continue; // `[author]` name = …: the author's own record
    nested.push(...Object.entries(value as Record<string, unknown>));
  }
  return [...top, ...nested];
}

function readField(fm: FrontMatter, text: string, inner: Span, key: string, raw: unknown, syntax: Syntax): void {
  const k = key.toLowerCase();
  if (AUTHOR_KEYS.has(k)) {
    if (!fm.authors.length) {
      fm.authors = authorNames(raw);
      fm.authorsSpan = keyLine(text, inner, key, syntax);
    }
    return;
  }
  const field = KEYS[k];
  const value = asText(raw);
  if (!field || !value || fm[field]) return;
  fm[field] = { value, key, span: keyLine(text, inner, key, syntax) };
}
