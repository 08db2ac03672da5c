// Reads an article's own metadata — front matter, URL line, byline, wire dateline, "Published/Updated"
// stamps — into authors, dateline, outlet and publication-date candidates, and marks the lines that are
// metadata so the analysis skips them (they are shown as page furniture).
import { Span } from '../model';
import { Byline, isOutlet, mayOpenWithByline, parseByline, parseCredits } from './byline';
import { Dateline, parseDateline, parseUrlLine } from './dateline';
import { FrontMatter, readFrontMatter } from './frontmatter';
import {
  headerAuthor,
  headerBlock,
  isCapitalsLabel,
  isKicker,
  isProseLine,
  parseHeaderDate,
  sectionLabel,
} from './header';
import { DateCandidate } from './published';
import { parseStamp, Stamp, withoutTimes } from './stamps';

export interface Line extends Span {
  text: string;
}

export interface ArticleMetadata {
  frontMatter: FrontMatter | null;
  /** Title from the front matter, when it has one. */
  title: { text: string; span: Span } | null;
  authors: string[];
  byline: Span | null;
  dateline: (Dateline & { span: Span }) | null;
  /** The outlet named by the byline, the dateline's wire, the front matter or the URL's host. */
  source: string | null;
  url: string | null;
  /** Lines (and the front matter block) that are metadata, not reporting: never analysed. */
  spans: Span[];
  candidates: DateCandidate[];
}

/** Lines from the top in which bylines, datelines, URL lines and bare date lines are looked for. */
const HEAD_LINES = 20;
const HEAD_CHARS = 6000;
/** Content lines from the top where a stamp sharing its line with other words still counts. */
const STAMP_LINES = 8;

// "Published", "Updated", … at the start of a line or after a separator ("Posted …, updated …"); "date" only at the
// start.
const LABEL_RE = new RegExp(
  String.raw`(^|[|•·—–;,]\s*|\s{2,})(first published|originally published|published|posted|updated` +
    // Radio and television, press offices and wires: "Broadcast: Thursday 12 November", "Issued 4 March 2026".
    String.raw`|first broadcast|broadcast|first aired|aired|transmitted|issued|released|filed` +
    String.raw`|embargoed until|embargoed till|embargoed to|embargoed|embargo` +
    String.raw`|last updated|last modified|modified|sent|date|dated)(?:\s+(?:on|at))?(?:\s*:\s*|\s+)`,
  'gi',
);
const BELOW_HEAD_RE = new RegExp(
  String.raw`publish|posted|updated|modified|^\s*(?:dated?|sent)\b` +
    String.raw`|^\s*\(?\s*(?:additional\s+)?(?:reporting|writing|written|compiled)\s+by\b`,
  'i',
);
const FURNITURE_WORDS = new RegExp(
  String.raw`^(?:(?:listen|comment|comments|share|gift|article|print|email|save|follow|min|mins|read|\d+` +
    String.raw`|on|this|story|issue|edition|vol|volume|no)\.?\s*)+$`,
  'i',
);

interface LineScan {
  line: Line;
  /** 1-based line number in the whole file. */
  number: number;
  /** Index among the non-empty lines after the front matter. */
  contentIndex: number;
  inHead: boolean;
  /** Still in the header: no line of prose has been read yet. */
  header: boolean;
  /** Set when the line is a header line naming these names with a date ("Harbourton Port Authority — 4 March 2026"). */
  headerNames?: string[];
}

export function readMetadata(text: string, lines: Line[], options: { head?: boolean } = {}): ArticleMetadata {
  const head = options.head ?? true;
  const fm = head ? readFrontMatter(text) : null;
  const meta: ArticleMetadata = {
    frontMatter: fm,
    title: null,
    authors: [],
    byline: null,
    dateline: null,
    source: null,
    url: null,
    spans: [],
    candidates: [],
  };
  if (fm) applyFrontMatter(text, fm, meta);
  let contentIndex = 0;
  let credits: string[] = [];
  let header = true;
  // The first header line: the masthead or letterhead above it may be the title (see headerBlock).
  let first: { names: string[]; line: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (fm && line.start < fm.span.end) continue;
    const inHead = head && contentIndex < HEAD_LINES && line.start < HEAD_CHARS;
    // Below the head only stamps and closing credits are looked for: one cheap test skips the rest.
    if (!inHead && (line.text.length > 260 || !BELOW_HEAD_RE.test(line.text))) continue;
    const trimmed = line.text.trim();
    if (!trimmed) continue;
    const scan: LineScan = { line, number: i + 1, contentIndex: contentIndex++, inHead, header: inHead && header };
    const credit = trimmed.length <= 300 ? parseCredits(trimmed) : null;
    if (credit) {
      if (!credits.length) credits = credit.authors;
      meta.spans.push(trimSpan(line));
      continue;
    }
    if (scan.header && isKicker(trimmed)) {
      meta.spans.push(trimSpan(line));
      continue;
    }
    const before = meta.candidates.length;
    const isMeta = scanLine(scan, meta);
    if (isMeta) meta.spans.push(trimSpan(line));
    // Past the first lines only a line that is wholly a stamp counts: "Updated figures show …" and a
    // timeline entry "March 4, 2024: talks begin" are reporting.
    else if (!inHead || scan.contentIndex >= STAMP_LINES) meta.candidates.length = before;
    if (scan.headerNames && !first) first = { names: scan.headerNames, line: i };
    if (!isMeta && isProseLine(trimmed)) header = false;
  }
  if (first && !meta.title) meta.title = headerBlock(lines, first, meta.spans);
  const label = head && !meta.frontMatter ? sectionLabel(lines, meta.spans) : null;
  if (label) meta.spans.push(label);
  if (!meta.authors.length && credits.length) meta.authors = credits;
  return meta;
}

function trimSpan(line: Line): Span {
  const lead = line.text.length - line.text.trimStart().length;
  return { start: line.start + lead, end: line.start + line.text.trimEnd().length };
}

function applyFrontMatter(text: string, fm: FrontMatter, meta: ArticleMetadata): void {
  meta.spans.push(fm.span);
  if (fm.title) meta.title = { text: fm.title.value, span: fm.title.span };
  if (fm.authors.length) {
    meta.authors = fm.authors;
    meta.byline = fm.authorsSpan ?? null;
  }
  if (fm.source) meta.source = fm.source.value;
  if (fm.url) meta.url = fm.url.value;
  const lineOf = (s: Span) => text.slice(0, s.start).split('\n').length;
  for (const [field, kind] of [
    ['published', 'published'],
    ['updated', 'updated'],
  ] as const) {
    const f = fm[field];
    const stamp = f ? parseStamp(f.value) : null;
    if (f && stamp) meta.candidates.push(candidate(stamp, kind, 'front matter', f.span, lineOf(f.span)));
  }
  const urlDate = fm.url ? parseUrlLine(fm.url.value)?.date : null;
  if (fm.url && urlDate)
    meta.candidates.push({
      value: urlDate.value,
      kind: 'published',
      rule: "the URL's path",
      evidence: fm.url.span,
      quote: urlDate.text,
      line: lineOf(fm.url.span),
    });
}

function candidate(
  stamp: Stamp,
  kind: DateCandidate['kind'],
  rule: string,
  evidence: Span,
  line: number,
): DateCandidate {
  return {
    value: stamp.value,
    readings: stamp.readings,
    time: stamp.time,
    weekday: stamp.weekday,
    kind,
    rule,
    evidence,
    line,
  };
}

/** Reads one line; true when the whole line is metadata. */
function scanLine(scan: LineScan, meta: ArticleMetadata): boolean {
  const { line } = scan;
  const { t, base } = unwrapEmphasis(line);
  if (scan.inHead && scan.contentIndex < 5) {
    const url = parseUrlLine(t);
    if (url) return urlLine(url, scan, base, meta);
  }
  if (scan.inHead && scan.contentIndex < 8 && emailHeader(t, base, meta)) return true;
  const dl = scan.inHead && !meta.dateline ? datelineOf(t, base, scan, meta) : null;
  if (dl?.whole) return true;
  const rest = dl ? t.slice(dl.length) : t;
  const restAt = dl ? base + dl.length : base;
  const covered: Span[] = [];
  const labelledAt = labelledStamps(rest, restAt, scan.number, meta, covered);
  if (scan.inHead && labelledAt !== 0 && !meta.byline && (labelledAt >= 0 || mayOpenWithByline(rest))) {
    const cut = labelledAt >= 0 ? labelledAt : stampStart(rest);
    const by = parseByline(rest.slice(0, cut));
    if (by) {
      addByline(by, { start: restAt, end: restAt + rest.slice(0, cut).trimEnd().length }, meta);
      covered.push({ start: 0, end: cut });
    }
  }
  if (scan.inHead && labelledAt < 0) {
    // A line that is only a date ("Thu 10 Nov 2011 14.45 GMT", "14 August 2015"), or a byline followed by one.
    const from = covered.length ? covered[0].end : 0;
    const tail = rest.slice(from);
    // Only a short line can be a date line: a paragraph is not searched for stamps (four regexes over it).
    const st = tail.length <= 60 ? parseStamp(tail) : null;
    // "5 min read · Feb 9, 2024": share-bar words before the date do not make it a sentence.
    const lead = st
      ? tail
          .slice(0, stampStart(tail))
          .replace(/[\s|•·,;:—–-]+/g, ' ')
          .trim()
      : '';
    if (st && (lead.length <= 2 || FURNITURE_WORDS.test(lead))) {
      const start = restAt + from + st.index;
      meta.candidates.push(
        candidate(
          st,
          'published',
          covered.length ? 'the byline states' : 'date line',
          { start, end: start + st.length },
          scan.number,
        ),
      );
      covered.push({ start: from + st.index, end: from + st.index + st.length });
    }
  }
  if (scan.header && labelledAt < 0 && !covered.length && headerLine(rest, restAt, scan, meta)) return true;
  if (scan.inHead && covered.length && !meta.byline) trailingByline(rest, restAt, covered, meta);
  // "BBC News" alone under the byline: the outlet the byline writes for.
  if (!covered.length && scan.inHead && meta.byline && t.length <= 40 && isOutlet(t)) {
    meta.source ??= t;
    return true;
  }
  if (!covered.length) return false;
  // The line is metadata when what is left is only times, zones, separators and share-bar words.
  let left = '';
  let at = 0;
  for (const c of covered.sort((a, b) => a.start - b.start)) {
    left += rest.slice(at, Math.max(at, c.start)) + ' ';
    at = Math.max(at, c.end);
  }
  left = withoutTimes(left + rest.slice(at))
    .replace(/[\s|•·,;:()[\]—–-]+/g, ' ')
    .trim();
  return (left.length <= 12 && !/\p{Ll}{3}/u.test(left)) || FURNITURE_WORDS.test(left);
}

/**
 * The wire dateline that opens a line ("BRUSSELS (AP) —"), read into the metadata: its length, and whether it is the
 * whole line ("Dateline: Nairobi, 14/03/2024"). Null when there is none, or when what follows the capitals and the
 * dash is a date alone: "MORNING DIGEST — 5 March 2026" is a masthead's header line, not a place.
 */
function datelineOf(
  t: string,
  base: number,
  scan: LineScan,
  meta: ArticleMetadata,
): { length: number; whole: boolean } | null {
  const dl = parseDateline(t);
  if (!dl) return null;
  // "HARBOUR FM — MORNING REPORT": capitals on both sides of the dash are a masthead, not a place and its story.
  if (isCapitalsLabel(t.slice(dl.length).trim())) return null;
  if (scan.header && !dl.source && !dl.value && !dl.monthDay) {
    const h = parseHeaderDate(t);
    if (h && !h.event && h.stamp.index <= dl.length) return null;
  }
  // A labelled dateline's text starts after its label ("Dateline: …").
  const at = Math.max(0, t.indexOf(dl.text));
  const span = { start: base + at, end: base + at + dl.text.length };
  // "KYODO NEWS - Feb 9, 2024": an outlet's name before a stamp is the source, not a place.
  if (isOutlet(dl.place) && !dl.source) meta.source ??= dl.place;
  else meta.dateline = { ...dl, span };
  if (!meta.source && dl.source) meta.source = dl.source;
  if (dl.value)
    meta.candidates.push({
      value: dl.value,
      kind: 'published',
      rule: 'the dateline',
      evidence: span,
      line: scan.number,
    });
  // "Dateline: Nairobi, 14/03/2024" on a line of its own is furniture, not the headline or the story.
  const whole = !t.slice(dl.length).trim() && /^dateline\s*:/i.test(t);
  return { length: dl.length, whole };
}

/**
 * A header line of names and a full date ("Harbourton Port Authority — 4 March 2026, 09:15", "Greta Holm — Sun 8 Mar
 * 2026 18:42") read into a publication-date candidate, the poster when it names one person, and the outlet when a
 * name is one; true when the line is one. An event's date ("Harbour Jazz Festival · 12–14 June 2026") is not read.
 */
function headerLine(rest: string, restAt: number, scan: LineScan, meta: ArticleMetadata): boolean {
  const h = parseHeaderDate(rest);
  if (!h || h.event) return false;
  const start = restAt + (rest.length - rest.trimStart().length) + h.stamp.index;
  const c = candidate(h.stamp, 'published', 'the header line', { start, end: start + h.stamp.length }, scan.number);
  // The reason quotes the whole line: the names say why it is a header ("Harbourton Port Authority — 4 March 2026").
  meta.candidates.push({ ...c, quote: rest.trim() });
  for (const name of h.names) if (isOutlet(name)) meta.source ??= name;
  const author = headerAuthor(h);
  if (author && !meta.authors.length) {
    meta.authors = [author];
    meta.byline ??= trimSpan(scan.line);
  }
  scan.headerNames = h.names;
  return true;
}

/**
 * The line's text, trimmed and without Markdown emphasis around the whole of it ("*By Jane Doe, 12 June 2024*",
 * "_Published 5 March 2024_"), and where that text starts in the article.
 */
function unwrapEmphasis(line: Line): { t: string; base: number } {
  const lead = line.text.length - line.text.trimStart().length;
  const t = line.text.trim();
  const m = /^(\*{1,2}|_{1,2})(?=\S)(.*\S)\1$/.exec(t);
  if (!m || m[2].includes(m[1])) return { t, base: line.start + lead };
  return { t: m[2], base: line.start + lead + m[1].length };
}

/** "Last modified: 2024-03-05 | Posted by Jane Roe": a byline after the stamps of a line. */
function trailingByline(rest: string, restAt: number, covered: Span[], meta: ArticleMetadata): void {
  const end = Math.max(...covered.map((c) => c.end));
  const tail = rest.slice(end);
  const lead = /^[\s|•·,;—–-]*/.exec(tail)![0].length;
  if (lead === tail.length) return;
  const by = parseByline(tail.slice(lead));
  if (!by) return;
  addByline(by, { start: restAt + end + lead, end: restAt + rest.trimEnd().length }, meta);
  covered.push({ start: end, end: rest.length });
}

function urlLine(
  url: NonNullable<ReturnType<typeof parseUrlLine>>,
  scan: LineScan,
  base: number,
  meta: ArticleMetadata,
): boolean {
  meta.url ??= url.url;
  if (url.date) {
    const start = base + url.date.index;
    meta.candidates.push({
      value: url.date.value,
      kind: 'published',
      rule: "the URL's path",
      evidence: { start, end: start + url.date.text.length },
      quote: url.date.text,
      line: scan.number,
    });
  }
  return true;
}

function addByline(by: Byline, span: Span, meta: ArticleMetadata): void {
  meta.byline = span;
  if (!meta.authors.length) meta.authors = by.authors;
  if (!meta.source && by.source) meta.source = by.source;
}

/** Where the first date stamp of a string starts (its length when there is none). */
function stampStart(s: string): number {
  const st = parseStamp(s);
  if (!st) return s.length;
  // A time printed before the date ("5:03 AM EST, Mon March 4") belongs to the stamp.
  const before = /(\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?\s*[A-Z+\d:-]{0,8}[\s,]*)$/i.exec(s.slice(0, st.index));
  return before ? before.index : st.index;
}

/**
 * The "Published …"/"Updated …" stamps of a line, as candidates. Returns where the first label starts
 * (-1 when there is none); the labels and stamps read are added to `covered` (offsets into `s`).
 */
function labelledStamps(s: string, at: number, lineNumber: number, meta: ArticleMetadata, covered: Span[]): number {
  if (s.length > 240) return -1;
  const labels: { index: number; end: number; label: string }[] = [];
  LABEL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LABEL_RE.exec(s))) {
    const index = m.index + m[1].length;
    if (/^(?:dated?|sent)$/i.test(m[2]) && index !== 0) continue;
    labels.push({ index, end: m.index + m[0].length, label: m[2] });
  }
  let first = -1;
  labels.forEach((l, i) => {
    const segment = s.slice(l.end, i + 1 < labels.length ? labels[i + 1].index : s.length);
    const st = parseStamp(segment);
    if (!st || st.index > 30) return;
    if (first < 0) first = l.index;
    const kind = /updated|modified/i.test(l.label) ? 'updated' : 'published';
    const stampEnd = l.end + st.index + st.length;
    const evidenceEnd = stampEnd + timeLength(s.slice(stampEnd));
    meta.candidates.push({
      ...candidate(st, kind, 'the article states', { start: at + l.index, end: at + evidenceEnd }, lineNumber),
    });
    covered.push({ start: l.index, end: Math.max(evidenceEnd, l.end + st.index + st.length) });
    if (st.index > 0) covered.push({ start: l.end, end: l.end + st.index });
  });
  return first;
}

/** Length of the time and zone at the start of a string: " 10:12 a.m. ET" → 13, " at 3:10pm" → 10; 0 when none. */
function timeLength(s: string): number {
  const m = new RegExp(
    String.raw`^,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?(?:\s*(?:(?:GMT` +
      String.raw`|UTC)(?:\s?[+-]\s?\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}|[A-Z]{2,4})(?![A-Za-z]))?`,
    'i',
  ).exec(s);
  return m ? m[0].trimEnd().length : 0;
}

/** An e-mail header line of a newsletter ("From: Harbour Weekly <…>", "Subject: …"): metadata; true when it is one. */
function emailHeader(t: string, at: number, meta: ArticleMetadata): boolean {
  const m = /^(from|to|cc|bcc|reply-to|subject)\s*:\s*(\S.*)$/i.exec(t);
  if (!m) return false;
  const key = m[1].toLowerCase();
  const value = m[2].trim();
  if (key === 'from') {
    const name = /^"?([^"<@]+?)"?\s*<[^>]+>$/.exec(value);
    if (name) meta.source ??= name[1].trim();
  } else if (key === 'subject' && !meta.title) {
    const start = at + t.indexOf(value, m[1].length);
    meta.title = { text: value, span: { start, end: start + value.length } };
  }
  return true;
}
