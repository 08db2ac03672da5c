// Parses raw article text into its parts: title, source, publication date stated in the text,
// boilerplate lines, paragraphs and sentences.
import { Article, PublishedDate, Sentence, Span } from './model';

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
  /^(copyright|©|\(c\))\s/i,
  /^all rights reserved\.?$/i,
  /newsletter$/i,
  /^.{0,80}\bno comments on\b/i,
  /^date \d{4}-\d{2}-\d{2}\b.*\b(comment|share|listen)\b/i,
  /^(listen \d+ min|\d+ min read)\b/i,
  /^(image|photo)( credit)?:/i,
];

const SOURCE_PATTERNS: RegExp[] = [
  /^source:\s*(.{2,80}?)\.?$/i,
  /^copyright\s*(?:©|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*([^-–,.]{2,60}?)(?:\s+[-–]\s+.*)?$/i,
  /^(?:the\s+)?(.{2,60}?)\s+newsletter$/i,
  /^want all of (the [\w ]{2,40}?)\?/i,
  /^by\s+(reuters|the associated press|associated press|afp|ap|bloomberg|yonhap|kyodo)\b/i,
];

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_RE =
  '(January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';

function monthNumber(name: string): number {
  const key = name.toLowerCase().replace(/\.$/, '').slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(key)) + 1;
}

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

interface Line extends Span {
  text: string;
}

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

/** Publication dates stated by the text itself, strongest evidence first. */
function findStatedDate(text: string, lines: Line[], bodyStart: number): PublishedDate | null {
  // An explicit metadata line or stamp: "date 2023-05-07", "Published: 2023-05-07", "Updated March 16, 2023".
  const head = text.slice(0, Math.min(text.length, 4000));
  const m = /\b(?:date|published|posted|updated)\s*:?\s*(\d{4})-(\d{2})-(\d{2})\b/i.exec(head);
  if (m) {
    const v = isoDate(+m[1], +m[2], +m[3]);
    if (v)
      return {
        value: v,
        origin: 'text',
        reason: `the article states "${m[0].trim()}"`,
        evidence: { start: m.index, end: m.index + m[0].length },
      };
  }
  const longDate = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'g');
  const dayFirst = new RegExp(`\\b(\\d{1,2})\\s+${MONTH_RE}\\s+(\\d{4})\\b`, 'g');
  // A dateline: a short line near the top that is only a date ("March 01, 2008"), or starts with one.
  for (const line of lines.slice(0, 12)) {
    const t = line.text.trim();
    if (t.length > 60) continue;
    longDate.lastIndex = 0;
    const d = longDate.exec(t);
    if (d && d.index <= 2) {
      const v = isoDate(+d[3], monthNumber(d[1]), +d[2]);
      if (v) {
        const s = line.start + line.text.indexOf(d[0]);
        return { value: v, origin: 'text', reason: `dateline "${d[0]}"`, evidence: { start: s, end: s + d[0].length } };
      }
    }
    const p = /^(?:published|posted|updated)?\s*:?\s*(\d{4})-(\d{2})-(\d{2})\b/i.exec(t);
    if (p) {
      const v = isoDate(+p[1], +p[2], +p[3]);
      if (v) {
        const s = line.start + line.text.indexOf(p[0]);
        return { value: v, origin: 'text', reason: `dateline "${p[0]}"`, evidence: { start: s, end: s + p[0].length } };
      }
    }
  }
  // The event of the day in the lead: "… met … on March 16, 2023." News reports what happened that day,
  // so a full date in the opening paragraphs is taken as the publication date (weaker evidence).
  const lead = text.slice(bodyStart, Math.min(text.length, bodyStart + 1500));
  for (const re of [longDate, dayFirst]) {
    re.lastIndex = 0;
    const d = re.exec(lead);
    if (!d) continue;
    const before = lead.slice(Math.max(0, d.index - 4), d.index);
    if (!/\bon\s+$/i.test(before)) continue;
    const v = re === longDate ? isoDate(+d[3], monthNumber(d[1]), +d[2]) : isoDate(+d[3], monthNumber(d[2]), +d[1]);
    if (v) {
      const s = bodyStart + d.index;
      return {
        value: v,
        origin: 'text',
        reason: `the lead reports the day's event "on ${d[0]}"`,
        evidence: { start: s, end: s + d[0].length },
      };
    }
  }
  return null;
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

/** Sentences of one paragraph, with the abbreviation splits merged back. */
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
      out.push({ ...pending, paragraph });
      pending = null;
    }
  }
  if (pending) out.push({ ...pending, paragraph });
}

/** Splits text into sentences; exposed for callers that have text without article structure. */
export function splitSentences(text: string, paragraphs?: Span[]): Sentence[] {
  const paras = paragraphs ?? [{ start: 0, end: text.length }];
  const out: Sentence[] = [];
  paras.forEach((p, i) => paragraphSentences(text, p, i, out));
  return out;
}

export function parseArticle(rawText: string, path: string): Article {
  const text = rawText;
  const lines = splitLines(text);
  const boilerplate: Span[] = [];
  const paragraphs: Span[] = [];
  let title: string | null = null;
  let titleSpan: Span | null = null;
  let source: string | null = null;
  let current: Span | null = null;
  let bodyStart = 0;
  let seenContent = false;

  for (const line of lines) {
    const span = trimSpan(line);
    const t = text.slice(span.start, span.end);
    if (!t) {
      if (current) paragraphs.push(current);
      current = null;
      continue;
    }
    if (!source) {
      for (const re of SOURCE_PATTERNS) {
        const m = re.exec(t);
        if (m && m[1] && !/^(the )?(daily )?$/i.test(m[1])) {
          source = m[1].trim();
          break;
        }
      }
    }
    const repeatedTitle = title !== null && t === title;
    if (isBoilerplateLine(t) || repeatedTitle) {
      boilerplate.push(span);
      if (current) paragraphs.push(current);
      current = null;
      continue;
    }
    // Only the first line of content can be the headline, and a headline has no closing full stop.
    const first = !seenContent;
    seenContent = true;
    if (first && t.length <= 200 && !/[.!?:]["”’]?$/.test(t)) {
      title = t;
      titleSpan = span;
      bodyStart = span.end;
      if (current) paragraphs.push(current);
      paragraphs.push(span);
      current = null;
      continue;
    }
    if (current) current.end = span.end;
    else current = { ...span };
  }
  if (current) paragraphs.push(current);

  const sentences: Sentence[] = [];
  paragraphs.forEach((p, i) => paragraphSentences(text, p, i, sentences));
  const published = findStatedDate(text, lines, bodyStart);
  return { path, text, title, titleSpan, source, published, boilerplate, paragraphs, sentences };
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
