// Parses raw article text into its parts: title, source, boilerplate lines, paragraphs and sentences, with
// the metadata (byline, dateline, stated publication date) that core/metadata reads.
import { ArticleMetadata, Line, readMetadata } from './metadata';
import { urlHost } from './metadata/dateline';
import { choosePublished, datelineCandidate, leadEventCandidate } from './metadata/published';
import { isCapitalsLabel, isHeadlineLike } from './metadata/header';
import { Article, ArticleMeta, Sentence, Span } from './model';

/** VS Code drops a leading byte-order mark from TextDocument.getText(); do the same so offsets agree. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** True when the bytes look like a binary file rather than text (NUL bytes or many control characters). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.1;
}

// Page furniture seen in saved news pages; matched against a whole trimmed line.
const BOILERPLATE_LINES: RegExp[] = [
  /^(skip )?advertisement$/i,
  /^(supported by|sponsored( content)?|story continues below( advertisement)?)$/i,
  /^video( player loading)?$/i,
  /^(related|recommended|more|most read|read more|see also)( articles| stories| from [\w ]+)?:?$/i,
  /^(leave a comment|comments?|share|share this( article)?|print|email|back to top|listen|gift article)$/i,
  /^enter your email( address)?:?$/i,
  /^(subscribe|sign up|log in|sign in)( to [\w ,.'’&-]+| on [\w ]+| now)?\.?$/i,
  /^already a subscriber\?/i,
  /^want all of /i,
  /^you have a preview view of this article/i,
  /^thank you for your patience/i,
  /^(this site is protected by recaptcha|you can unsubscribe at any time|by signing up,? you)/i,
  /^keep up to date with /i,
  /^(copyright|©|\(c\))(\s|$)/i,
  // Leftovers of a page saved from a browser: share bars, caption labels, navigation.
  /^share (this|on|via|article|story|page)\b.{0,40}$/i,
  /^(image|media|video|audio) (caption|source|copyright|credit)s?\b.{0,80}$/i,
  /^(photograph|photo|picture|illustration|graphic):\s.{0,80}$/i,
  new RegExp(
    String.raw`^(reuse this content|save( article| for later)?|bookmark|follow( us)?|topics|tags:.{0,80}` +
      String.raw`|most (popular|viewed)|trending( now)?|continue reading|read (the )?full (story|article)` +
      String.raw`|listen to (this )?article|open in app|toggle (menu|navigation)|skip to (main )?content|jump to)$`,
    'i',
  ),
  /^(facebook|twitter|x|linkedin|whatsapp|email|copy link|pinterest|reddit)$/i,
  /^(published|updated|last updated|posted|first published)$/i,
  // Press-release furniture.
  /^(for immediate release|embargoed( until| till)?\b.{0,60}|-?\s*ends\s*-?|#{3}|(media |press )?contacts?:.{0,80})$/i,
  /^all rights reserved\.?$/i,
  /newsletter$/i,
  /^.{0,80}\bno comments on\b/i,
  /^date \d{4}-\d{2}-\d{2}\b.*\b(comment|share|listen)\b/i,
  /^(listen \d+ min|\d+ min read)\b/i,
  /^(image|photo)( credit)?:/i,
];

const SOURCE_PATTERNS: RegExp[] = [
  /^source:\s*(.{2,80}?)\.?$/i,
  /^copyright\s*(?:©|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?=[^\d\s])([^-–,.]{2,60}?)(?:\s+[-–]\s+.*)?$/i,
  /^(?:the\s+)?(.{2,60}?)\s+newsletter$/i,
  /^want all of (the [\w ]{2,40}?)\?/i,
  /^by\s+(reuters|the associated press|associated press|afp|ap|bloomberg|yonhap|kyodo)\b/i,
];

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      let end = i;
      if (end > start && text.charCodeAt(end - 1) === 13) end--;
      lines.push({ start, end, text: text.slice(start, end) });
      start = i + 1;
    }
  }
  return lines;
}

/** Trimmed span of a line (leading/trailing white space, including no-break spaces, removed). */
function trimSpan(line: Line): Span {
  const m = /^\s*/.exec(line.text)!;
  const lead = m[0].length;
  const trail = line.text.length - line.text.trimEnd().length;
  return { start: line.start + lead, end: Math.max(line.start + lead, line.end - trail) };
}

export function isBoilerplateLine(trimmed: string): boolean {
  if (!trimmed) return false;
  return BOILERPLATE_LINES.some((re) => re.test(trimmed));
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'adm',
  'st',
  'jr',
  'sr',
  'inc',
  'corp',
  'co',
  'ltd',
  'no',
  'vs',
  'etc',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mt',
  'ft',
  'fig',
  'approx',
  'dept',
  'univ',
  'pres',
  'rev',
  'hon',
]);

function endsWithAbbreviation(s: string): boolean {
  const m = /(?:^|[\s(“"])((?:[A-Za-z]\.)+|[A-Za-z]+\.)\s*$/.exec(s);
  if (!m) return false;
  const tok = m[1];
  // Initials and dotted acronyms: "U.S.", "S.", "a.m." — a following capital may still start a sentence,
  // but in news these are far more often mid-sentence ("U.S. allies", "S. Korea").
  if (/^(?:[A-Za-z]\.)+$/.test(tok)) return true;
  return ABBREVIATIONS.has(tok.slice(0, -1).toLowerCase());
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Sentences of one paragraph, with the abbreviation splits merged back. Each is written out field by field: a spread
 * ({ ...pending, paragraph }) gave every article's sentences a hidden class of their own (see analyze.ts shift).
 */
function paragraphSentences(text: string, para: Span, paragraph: number, out: Sentence[]): void {
  const slice = text.slice(para.start, para.end);
  let pending: Span | null = null;
  for (const seg of segmenter.segment(slice)) {
    const raw = seg.segment;
    const trimmedEnd = raw.trimEnd();
    if (!trimmedEnd.trim()) continue;
    const lead = raw.length - raw.trimStart().length;
    const span = { start: para.start + seg.index + lead, end: para.start + seg.index + trimmedEnd.length };
    if (pending) {
      pending.end = span.end;
    } else {
      pending = span;
    }
    if (!endsWithAbbreviation(trimmedEnd)) {
      out.push({ start: pending.start, end: pending.end, paragraph });
      pending = null;
    }
  }
  if (pending) out.push({ start: pending.start, end: pending.end, paragraph });
}

/** Splits text into sentences; exposed for callers that have text without article structure. */
export function splitSentences(text: string, paragraphs?: Span[]): Sentence[] {
  const paras = paragraphs ?? [{ start: 0, end: text.length }];
  const out: Sentence[] = [];
  paras.forEach((p, i) => paragraphSentences(text, p, i, out));
  return out;
}

interface Structure {
  title: string | null;
  titleSpan: Span | null;
  /** Where the body starts: after the headline. */
  bodyStart: number;
  source: string | null;
  boilerplate: Span[];
  paragraphs: Span[];
}

/** The outlet a line names ("Source: …", "Copyright … Reuters", "The Daily newsletter"), or null. */
function sourceOfLine(t: string): string | null {
  for (const re of SOURCE_PATTERNS) {
    const m = re.exec(t);
    if (m && m[1] && !/^(the )?(daily )?$/i.test(m[1])) return m[1].trim();
  }
  return null;
}

/** A Markdown heading's text and where it starts: "# Headline" → "Headline". */
function headingText(t: string): { text: string; skip: number } {
  const m = /^#{1,6}\s+/.exec(t);
  return m ? { text: t.slice(m[0].length).replace(/\s+#+$/, ''), skip: m[0].length } : { text: t, skip: 0 };
}

/**
 * A section label in capitals on the first line of content, over a headline ("COMMUNITY NEWS" over "Mill Lane families
 * count the cost of workshop blast"): furniture, as a section label is above a byline (metadata/header sectionLabel).
 */
function labelOverHeadline(text: string, lines: Line[], k: number, metaSpans: Span[]): boolean {
  const span = trimSpan(lines[k]);
  if (!isCapitalsLabel(text.slice(span.start, span.end))) return false;
  for (let j = k + 1; j < lines.length && j <= k + 3; j++) {
    const next = trimSpan(lines[j]);
    const t = text.slice(next.start, next.end);
    // A metadata line under it (a date line, an issue number) makes it a masthead, not a label.
    if (t && metaSpans.some((m) => m.start <= next.start && m.end > next.start)) return false;
    if (t) return isHeadlineLike(t) && !isCapitalsLabel(t) && t.split(/\s+/).length >= 4;
  }
  return false;
}

/** Headline, paragraphs and furniture; the metadata's lines are furniture, its title the headline. */
function readStructure(text: string, lines: Line[], meta: ArticleMetadata): Structure {
  const isMeta = spanTest(meta.spans);
  const out: Structure = {
    title: meta.title?.text ?? null,
    titleSpan: meta.title?.span ?? null,
    bodyStart: meta.frontMatter?.span.end ?? 0,
    source: null,
    boilerplate: [],
    paragraphs: [],
  };
  let current: Span | null = null;
  let seenContent = false;
  const close = () => {
    if (current) out.paragraphs.push(current);
    current = null;
  };
  for (let k = 0; k < lines.length; k++) {
    const span = trimSpan(lines[k]);
    const t = text.slice(span.start, span.end);
    if (!t || isMeta(span.start)) {
      close();
      continue;
    }
    out.source ??= sourceOfLine(t);
    const first = !seenContent;
    const heading = headingText(t);
    if (
      isBoilerplateLine(t) ||
      (!first && out.title !== null && heading.text === out.title) ||
      (first && !meta.title && labelOverHeadline(text, lines, k, meta.spans))
    ) {
      out.boilerplate.push(span);
      close();
      continue;
    }
    seenContent = true;
    // Only the first line of content can be the headline, and a headline has no closing full stop; with front
    // matter it is the line that repeats the front matter's title.
    const headline = meta.title ? heading.text.toLowerCase() === meta.title.text.toLowerCase() : isHeadlineLike(t);
    if (first && headline) {
      out.title = heading.text;
      out.titleSpan = { start: span.start + heading.skip, end: span.end };
      out.bodyStart = span.end;
      close();
      out.paragraphs.push(out.titleSpan);
      continue;
    }
    if (current) current.end = span.end;
    else current = { start: span.start, end: span.end };
  }
  close();
  out.boilerplate = mergeSpans([...out.boilerplate, ...meta.spans]);
  return out;
}

/** A membership test for sorted, disjoint spans, for offsets asked in increasing order. */
function spanTest(spans: Span[]): (offset: number) => boolean {
  const sorted = spans.slice().sort((a, b) => a.start - b.start);
  let i = 0;
  return (offset) => {
    while (i < sorted.length && sorted[i].end <= offset) i++;
    return i < sorted.length && sorted[i].start <= offset;
  };
}

function mergeSpans(spans: Span[]): Span[] {
  return spans
    .slice()
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .filter((s, i, all) => i === 0 || s.start >= all[i - 1].end);
}

export interface ParseOptions {
  /** False for a later chunk of a large article: no front matter, headline or byline is looked for. */
  head?: boolean;
}

export function parseArticle(rawText: string, path: string, options: ParseOptions = {}): Article {
  const text = rawText;
  const lines = splitLines(text);
  const meta = readMetadata(text, lines, options);
  const st = readStructure(text, lines, meta);
  const sentences: Sentence[] = [];
  st.paragraphs.forEach((p, i) => paragraphSentences(text, p, i, sentences));
  // The lead is the first paragraph after the headline; metadata lines (a "Published" line) are not in it.
  const lead = st.paragraphs.find((p) => p.start >= st.bodyStart && p !== st.titleSpan)?.start ?? st.bodyStart;
  const { published, note } = statedPublication(text, lines, meta, lead);
  const source = meta.source ?? st.source ?? (meta.url ? urlHost(meta.url) : null);
  const articleMeta: ArticleMeta = {
    authors: meta.authors,
    dateline: meta.dateline?.text ?? null,
    url: meta.url,
    byline: meta.byline,
    publishedNote: note ?? (published ? null : (meta.frontMatter?.error ?? null)),
  };
  return {
    path,
    text,
    title: st.title,
    titleSpan: st.titleSpan,
    source,
    published,
    meta: articleMeta,
    boilerplate: st.boilerplate,
    paragraphs: st.paragraphs,
    sentences,
  };
}

/** The publication date the article states about itself (see metadata/published for the order of preference). */
function statedPublication(text: string, lines: Line[], meta: ArticleMetadata, leadStart: number) {
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const candidates = meta.candidates.slice();
  let dateline: string | null = null;
  const md = meta.dateline?.monthDay;
  if (md && !candidates.some((c) => c.kind === 'published')) {
    const c = datelineCandidate(text, md, meta.dateline!.span, lineOf(meta.dateline!.span.start));
    if (typeof c === 'string') dateline = c;
    else candidates.push(c);
  }
  const lead = leadEventCandidate(text, leadStart, lineOf);
  if (lead) candidates.push(lead);
  const choice = choosePublished(candidates, text);
  return { published: choice.published, note: choice.note ?? (choice.published ? null : dateline) };
}

/** The sentence that contains an offset (binary search over sorted sentences). */
export function sentenceAt(sentences: readonly Span[], offset: number): Span | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
