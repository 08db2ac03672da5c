// Runs the per-article analysis: article structure, then entities and dates resolved against the
// publication date. Folder-level linking happens later, in the corpus index.
// Large articles are analysed in content-defined chunks with a cache, so an edit re-analyses only
// the chunks it touched.
import { parseArticle } from './article';
import { findDates } from './dates';
import { findEntities } from './entities';
import { detectEvents, leadOf } from './events';
import {
  Article,
  ArticleAnalysis,
  ArticleDetections,
  DateMention,
  EntityMention,
  PublishedDate,
  Sentence,
  Span,
} from './model';
import { detectQuotes } from './quotes';

export interface AnalyzeOptions {
  /** A publication date that overrides what the text says: set by the user, or inferred from the corpus. */
  published?: PublishedDate | null;
  /** Chunk results of the previous analysis of this article; updated in place to the chunks now used. */
  cache?: ChunkCache;
}

/** Texts up to this size are analysed whole: linking within the article works best on the whole text. */
export const CHUNKING_THRESHOLD = 256 * 1024;
const MIN_CHUNK = 32 * 1024;
const MAX_CHUNK = 256 * 1024;

interface ChunkResult {
  boilerplate: Span[];
  paragraphs: Span[];
  sentences: Sentence[];
  entities: EntityMention[];
  dates: DateMention[];
}

/** Per-article cache of chunk results, keyed by the chunk's text and the date it was resolved with. */
export class ChunkCache {
  private entries = new Map<string, ChunkResult>();
  private used = new Map<string, ChunkResult>();
  /** How many chunks the last analysis computed (the rest came from the cache). */
  computed = 0;
  reused = 0;

  get(key: string): ChunkResult | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.reused++;
      this.used.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: ChunkResult): void {
    this.computed++;
    this.used.set(key, value);
  }

  /** Keeps only the chunks of the latest text, so the cache never outgrows the article. */
  commit(): void {
    this.entries = this.used;
    this.used = new Map();
  }

  resetCounters(): void {
    this.computed = 0;
    this.reused = 0;
  }
}

export function analyzeArticle(text: string, path: string, options: AnalyzeOptions = {}): ArticleAnalysis {
  if (text.length > CHUNKING_THRESHOLD) return analyzeInChunks(text, path, options);
  const parsed = parseArticle(text, path);
  const article = options.published ? { ...parsed, published: options.published } : parsed;
  const exclude = article.boilerplate;
  const entities = findEntities(text, { sentences: article.sentences, exclude });
  const dates = findDates(text, { published: article.published?.value ?? null, sentences: article.sentences, exclude });
  return { article, entities, dates };
}

/**
 * The article's events and quotes before linking, found where the article is analysed (a worker thread): they
 * refer to entities by index, so linking can rename entities without finding them again.
 */
export function detectArticle(analysis: ArticleAnalysis): ArticleDetections {
  return { events: detectEvents(analysis), quotes: detectQuotes(leadOf(analysis)) };
}

/** True when the analysis carries detections made with its current publication date. */
export function hasDetections(analysis: ArticleAnalysis): boolean {
  const published = analysis.article.published?.value ?? null;
  const d = analysis.detected;
  return !!d && d.events.published === published && d.quotes.published === published;
}

/** Re-resolves only the dates of an analysis against a new publication date (entities do not depend on it). */
export function withPublished(analysis: ArticleAnalysis, published: PublishedDate): ArticleAnalysis {
  const article = { ...analysis.article, published };
  const dates = findDates(article.text, {
    published: published.value,
    sentences: article.sentences,
    exclude: article.boilerplate,
  });
  return { article, entities: analysis.entities, dates };
}

/**
 * Cuts text at blank lines chosen by content (a hash of the paragraph that ends the chunk), so an
 * edit moves only the boundaries next to it and every other chunk keeps its exact text.
 */
export function chunkBoundaries(text: string): number[] {
  const cuts: number[] = [0];
  const blank = /\n[ \t\r]*\n/g;
  let chunkStart = 0;
  let m: RegExpExecArray | null;
  while ((m = blank.exec(text))) {
    const cut = m.index + m[0].length;
    const size = cut - chunkStart;
    if (size < MIN_CHUNK) continue;
    if (size >= MAX_CHUNK || paragraphHash(text, m.index) % 8 === 0) {
      cuts.push(cut);
      chunkStart = cut;
    }
  }
  if (cuts[cuts.length - 1] !== text.length) cuts.push(text.length);
  return cuts;
}

/** A cheap hash of the 32 characters before a paragraph break. */
function paragraphHash(text: string, end: number): number {
  let h = 2166136261;
  for (let i = Math.max(0, end - 32); i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

// The copies below are written out field by field: an object spread ({ ...s, start }) made for every span gave
// V8 a hidden class of its own per article (tens of thousands in a folder), which cost memory and slowed every read.

/** The items moved `by` characters, each a copy made by `copy` from its new start and end; the items when 0. */
function shift<T extends Span>(items: T[], by: number, copy: (x: T, start: number, end: number) => T): T[] {
  return by === 0 ? items : items.map((x) => copy(x, x.start + by, x.end + by));
}

const spanAt = (_: Span, start: number, end: number): Span => ({ start, end });

function entityAt(e: EntityMention, start: number, end: number): EntityMention {
  const m: EntityMention = { start, end, text: e.text, type: e.type, id: e.id, canonical: e.canonical };
  if (e.modifier) m.modifier = true;
  return m;
}

function dateAt(d: DateMention, start: number, end: number): DateMention {
  const m: DateMention = {
    start,
    end,
    text: d.text,
    type: d.type,
    value: d.value,
    explanation: d.explanation,
    relative: d.relative,
  };
  if (d.range) m.range = d.range;
  return m;
}

function shiftSentences(items: Sentence[], by: number, paragraphBase: number): Sentence[] {
  return items.map((s) => ({ start: s.start + by, end: s.end + by, paragraph: s.paragraph + paragraphBase }));
}

function analyzeInChunks(text: string, path: string, options: AnalyzeOptions): ArticleAnalysis {
  const cache = options.cache ?? new ChunkCache();
  const cuts = chunkBoundaries(text);
  // Title, outlet and stated date come from the head of the article.
  const head = parseArticle(text.slice(0, cuts[1]), path);
  const published = options.published ?? head.published;
  const boilerplate: Span[] = [];
  const paragraphs: Span[] = [];
  const sentences: Sentence[] = [];
  const entities: EntityMention[] = [];
  const dates: DateMention[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i];
    const chunk = text.slice(start, cuts[i + 1]);
    const key = `${published?.value ?? '-'}\u0000${i === 0 ? 'head' : 'body'}\u0000${chunk}`;
    let result = cache.get(key);
    if (!result) {
      // Front matter, byline and stamps belong to the head; a later chunk that opens with "---" is not front matter.
      const parsed = i === 0 ? head : parseArticle(chunk, path, { head: false });
      const exclude = parsed.boilerplate;
      result = {
        boilerplate: parsed.boilerplate,
        paragraphs: parsed.paragraphs,
        sentences: parsed.sentences,
        entities: findEntities(chunk, { sentences: parsed.sentences, exclude }),
        dates: findDates(chunk, { published: published?.value ?? null, sentences: parsed.sentences, exclude }),
      };
      cache.set(key, result);
    }
    const paragraphBase = paragraphs.length;
    boilerplate.push(...shift(result.boilerplate, start, spanAt));
    paragraphs.push(...shift(result.paragraphs, start, spanAt));
    sentences.push(...shiftSentences(result.sentences, start, paragraphBase));
    entities.push(...shift(result.entities, start, entityAt));
    dates.push(...shift(result.dates, start, dateAt));
  }
  cache.commit();
  const article: Article = { ...head, text, published, boilerplate, paragraphs, sentences };
  return { article, entities, dates };
}
