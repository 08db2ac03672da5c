// Reads header lines that pair a name — an organisation, outlet, section, team, masthead or poster — with a full date:
// "Harbourton Port Authority — 4 March 2026, 09:15", "MORNING DIGEST · Wednesday 5 March 2026", "Corvel Intranet |
// Platform Team | 12 Feb 2026", and tells them from an event's date ("Jazz Festival · 12–14 June 2026") and from prose.
import { isFirstName, lookupKey, ORG_HEADS } from '../gazetteer';
import { Span } from '../model';
import { MONTH_RE, parseStamp, Stamp, withoutTimes } from './stamps';

export interface HeaderDate {
  /** The date; its index is into the line given. */
  stamp: Stamp;
  /** The names around the date, as written ("Harbourton Port Authority", "Platform Team"). */
  names: string[];
  /** True when the date is an event's (a range, or a festival's name): not a publication date. */
  event: boolean;
}

// Words that make a header's date a schedule, not the page's: "Closing date · Friday 20 March 2026", "Deadline | …".
const SCHEDULE_WORDS = new Set(
  'deadline closing closes opening opens expires expiry due starts ends until date dates'.split(' '),
);
/** Lines longer than this are not header lines. */
const MAX_LINE = 120;
// Separators between the parts of a header line; a comma is one too, but a weaker one (see namePiece).
const SEPARATORS = /\s+[-—–]\s+|[—–|·•»›]|\s\/\s|,/;
// Words that join the capitalised words of a name: "Ministry of Health", "Minutes of the Ordinary Meeting".
const CONNECTORS = new Set(
  'of and the for on in at to de du des da del la le les van von der den y et und & +'.split(' '),
);
// Words that open prose or a deictic date, never a name: "Today · 4 March 2026", "Since 3 February 2026".
const NOT_NAME_OPENERS = new Set(
  (
    'today yesterday tomorrow tonight last next this since from until till by before after between as on in at ' +
    'during through starting ending published posted updated modified sent dated date embargoed'
  ).split(' '),
);
// The last word of a name that makes its date the day of an event, not of the page: "Harbour Jazz Festival".
// ("Conference", "Meeting", "Briefing" and "Hearing" are left out: minutes and transcripts are dated by them.)
const EVENT_NOUNS = new Set(
  (
    'festival festivals fest fair fairs expo exhibition congress convention summit symposium tournament championship ' +
    'championships cup games olympics marathon regatta carnival parade concert gala premiere webinar workshop ' +
    'seminar hackathon'
  ).split(' '),
);
// A date range around the date found: "12–14 June 2026", "12 May – 14 May 2026", "3 March 2026 to 5 March 2026".
const RANGE_BEFORE = new RegExp(
  // The day must stand alone: "Ref. 26/0417 — 5 March 2026" is a reference number, not "17–5 March".
  String.raw`(?:(?<![\d/.-])\d{1,2}(?:st|nd|rd|th)?|${MONTH_RE})\s*(?:[-–—]|to|until|till|and|&)\s*$`,
  'i',
);
const RANGE_AFTER = new RegExp(
  String.raw`^\s*(?:[-–—]|to|until|till|through)\s*(?:\p{L}+,?\s+)?` +
    String.raw`(?:\d{1,2}(?:st|nd|rd|th)?\s+${MONTH_RE}|${MONTH_RE}\s+\d)`,
  'iu',
);

/**
 * A header line that is names and one full date (and times, zones and separators), or null. The line must hold
 * nothing else: a sentence that mentions a date ("The strike began on 3 February 2026.") is not one.
 */
export function parseHeaderDate(line: string): HeaderDate | null {
  const t = line.trim();
  if (!t || t.length > MAX_LINE) return null;
  // A closing full stop makes a sentence, unless it ends an abbreviation ("Acme Co.", "Harbour Ltd.").
  if (/[.!?]["”’)]?$/.test(t) && !/\b\p{Lu}\p{Ll}{0,3}\.$/u.test(t)) return null;
  const stamp = parseStamp(t);
  if (!stamp) return null;
  const before = t.slice(0, stamp.index);
  const after = t.slice(stamp.index + stamp.length);
  // "End of Watch: Friday, June 24, 2005": a labelled field of a record; its label is not a name (the labels of
  // publication, "Published:", "Updated:", are read as stamps before this).
  if (/:\s*$/.test(before)) return null;
  // Two full dates ("Born 3 May 1941 · Died 2 March 2026") are a record's, not one page's stamp.
  if (parseStamp(after)) return null;
  // "Meeting of 6 March 2026", "Minutes of 12 May 2026": the date completes the name that "of" leaves open.
  const pieces = [...splitPieces(before.replace(/(\p{L})\s+of\s*$/iu, '$1')), ...splitPieces(after)];
  if (!pieces.length) return null;
  const loose = /[—–|·•»›]|\s[-/]\s/.test(t);
  if (!pieces.every((p) => namePiece(p, loose))) return null;
  const event = RANGE_BEFORE.test(before) || RANGE_AFTER.test(after) || pieces.some(eventName) || pieces.some(schedule);
  return { stamp, names: pieces, event };
}

/**
 * The parts of a string between separators, without times, zones and "at"/"@" before a time, and without the Markdown
 * and quotes around a name ("# MORNING DIGEST", "**Harbour Rowing Club**", "“The Daily Brief”").
 */
function splitPieces(s: string): string[] {
  return withoutTimes(s)
    .split(SEPARATORS)
    .map((p) =>
      p
        .replace(/(?:^|\s)(?:at|@|h)\s*$/i, '')
        .replace(/^\s*#{1,6}\s+/, '')
        .replace(/[*_`"“”]+/g, '')
        .trim(),
    )
    .filter((p) => p && !/^[\s()[\]'‘’-]*$/.test(p));
}

// A reference number is one word of a name, a number: "Public notice no. 2026/114", "Bulletin #42", "Ref. 17/0231".
const REFERENCE_NUMBER = /\b(?:no|nr|ref)\.?\s*#?\s*(?=\d)[\p{L}\d/.-]*[\p{L}\d]|#\d[\p{L}\d/.-]*/giu;

/**
 * A name: up to eight words, each capitalised (or all capitals, or a number: "Issue 42") except the connectors
 * inside it. Where the line is split by strong separators (a dash, a bar, a dot), a short sentence-case section name
 * ("Local news", "Letters to the editor") counts too; after a mere comma it does not ("Yesterday, the council …").
 */
function namePiece(piece: string, loose: boolean): boolean {
  const words = piece.replace(REFERENCE_NUMBER, '0').split(/\s+/);
  if (words.length > 8 || piece.length > 70) return false;
  const first = words[0];
  const last = words[words.length - 1];
  if (!/^[\p{Lu}\d]/u.test(first) || NOT_NAME_OPENERS.has(first.toLowerCase())) return false;
  if (CONNECTORS.has(last.toLowerCase())) return false;
  const capitalised = words.every((w) => /^[\p{Lu}\d&+("'“‘]/u.test(w) || CONNECTORS.has(w.toLowerCase()));
  if (capitalised) return true;
  const content = words.filter((w) => !CONNECTORS.has(w.toLowerCase()));
  return (
    loose && words.length <= 5 && content.length <= 3 && words.slice(1).every((w) => /^(?:\p{Ll}+|\d\S*)$/u.test(w))
  );
}

/** A name that makes its date an event's: "Harbour Jazz Festival", "Festival of Light 2026" (not "… Committee"). */
function eventName(piece: string): boolean {
  const words = piece
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => /^\p{L}/u.test(w));
  if (!words.length) return false;
  const last = words[words.length - 1];
  if (EVENT_NOUNS.has(last)) return true;
  return words.some((w) => EVENT_NOUNS.has(w)) && !ORG_HEADS.has(lookupKey(last));
}

/** A name that says the date is a deadline or a schedule's: "Closing date", "Applications close", "Deadline". */
function schedule(piece: string): boolean {
  return piece
    .toLowerCase()
    .split(/\s+/)
    .some((w) => SCHEDULE_WORDS.has(w));
}

/**
 * The poster a header line names, when it names one person: "Greta Holm — Sun 8 Mar 2026 18:42". A name with an
 * organisation's word ("Valmora Water Board", "Platform Team") or in capitals (a masthead) is not a person's.
 */
export function headerAuthor(h: HeaderDate): string | null {
  if (h.names.length !== 1) return null;
  const name = h.names[0];
  const words = name.split(/\s+/);
  if (words.length < 2 || words.length > 4 || name === name.toUpperCase()) return null;
  if (!isFirstName(words[0]) || words.some((w) => ORG_HEADS.has(lookupKey(w)))) return null;
  return words.every((w) => /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(w)) ? name : null;
}

/** A line of prose: a sentence of the story ("The council met on …."), which ends the header. */
export function isProseLine(t: string): boolean {
  if (t.length > 160) return true;
  return /[.!?…]["”’)]?$/.test(t) && t.split(/\s+/).length >= 4;
}

const KICKER_RE = new RegExp(
  String.raw`^(?:for immediate release|(?:press|news|media) release|(?:(?:press|media|joint) )?statement|transcript` +
    String.raw`|(?:media )?advisory|public notice)$`,
  'i',
);

/** Press-release and transcript kickers on a line of their own: metadata, not the headline. */
export function isKicker(t: string): boolean {
  return KICKER_RE.test(t);
}

interface HeadLine {
  text: string;
  start: number;
}

/**
 * What the first header line of an article says about the lines around it, once every line is read: the masthead
 * or letterhead above it is the title when no headline follows ("MORNING DIGEST · …" over a digest's items), and
 * furniture when one does ("Office of the Ombudsman for Children" over "Kestrel Bay, 27 January 2026" over the
 * headline). Returns the title, if any, and adds the letterhead's span to `spans`.
 */
export function headerBlock(
  lines: HeadLine[],
  first: { line: number; names: string[] },
  spans: Span[],
): { text: string; span: Span } | null {
  const isMeta = coveredBy(spans);
  const above = lines.slice(0, first.line).filter((l) => l.text.trim() && !isMeta(l));
  // Above the header line: nothing but metadata, or one letterhead line (an organisation's name, or capitals).
  if (above.length > 1) return null;
  const letterhead = above[0];
  if (letterhead && !isLetterhead(letterhead.text.trim())) return null;
  const rest = lines.slice(first.line + 1, first.line + 12).filter((l) => l.text.trim() && !isMeta(l));
  // A section label in capitals under the masthead ("COMMUNITY NEWS", "TRANSPORT") is no headline: over a headline
  // it is furniture, over prose the masthead has no headline under it.
  const label = rest[0] && isCapitalsLabel(rest[0].text.trim()) ? rest[0] : null;
  const next = label ? rest[1] : rest[0];
  if (label && next && isHeadlineLike(next.text.trim()) && !isCapitalsLabel(next.text.trim()))
    spans.push(trimmed(label));
  if (next && isHeadlineLike(next.text.trim()) && !isFieldList(next.text.trim())) {
    if (letterhead) spans.push(trimmed(letterhead));
    return null;
  }
  if (letterhead) return null;
  const line = lines[first.line];
  const at = line.text.indexOf(first.names[0]);
  if (at < 0) return null;
  return { text: first.names[0], span: { start: line.start + at, end: line.start + at + first.names[0].length } };
}

/**
 * A section label above the headline ("Business", "Opinion", "World news"): a first line of at most three words over
 * a longer headline that metadata follows (a byline, a date line). Its span, or null.
 */
export function sectionLabel(lines: HeadLine[], spans: Span[]): Span | null {
  const isMeta = coveredBy(spans);
  const content: HeadLine[] = [];
  for (let k = 0; k < lines.length && content.length < 12; k++) if (lines[k].text.trim()) content.push(lines[k]);
  const open = content.filter((l) => !isMeta(l));
  if (open.length < 2) return null;
  const [label, headline] = open;
  const t = label.text.trim();
  if (t.split(/\s+/).length > 3 || !isHeadlineLike(t) || isProseLine(t)) return null;
  const h = headline.text.trim();
  if (!isHeadlineLike(h) || h.split(/\s+/).length < 4) return null;
  // The lines between are metadata, and so is the one under the headline.
  const i = content.indexOf(label);
  const j = content.indexOf(headline);
  if (content.slice(i + 1, j).some((l) => !isMeta(l))) return null;
  const under = content[j + 1];
  return under && isMeta(under) ? trimmed(label) : null;
}

/** Whether a line is metadata already: one of the spans covers it. */
function coveredBy(spans: Span[]): (l: HeadLine) => boolean {
  return (l) => spans.some((s) => s.start <= l.start + 1 && s.end >= l.start + l.text.trimEnd().length);
}

/** The headline test of the article's structure (article.ts): a short line without a closing stop. */
export function isHeadlineLike(t: string): boolean {
  return t.length <= 200 && !/[.!?:]["”’]?$/.test(t);
}

/** A record's labelled list, no headline: "Present: Chair Edith Denholm; Councillor Tomas Whitlock". */
function isFieldList(t: string): boolean {
  return /^\p{L}+:\s.*;/u.test(t);
}

/** A section label in capitals: one to three words, no digits, no sentence ("TRANSPORT", "COMMUNITY NEWS"). */
export function isCapitalsLabel(t: string): boolean {
  return /^[\p{Lu}][\p{Lu}\s&'’-]{2,40}$/u.test(t) && t.split(/\s+/).length <= 3;
}

function isLetterhead(t: string): boolean {
  if (!isHeadlineLike(t) || t.split(/\s+/).length > 8) return false;
  if (t === t.toUpperCase() && /\p{Lu}{2}/u.test(t)) return true;
  return namePiece(t, false) && t.split(/\s+/).some((w) => ORG_HEADS.has(lookupKey(w)));
}

function trimmed(l: HeadLine): Span {
  const lead = l.text.length - l.text.trimStart().length;
  return { start: l.start + lead, end: l.start + l.text.trimEnd().length };
}
