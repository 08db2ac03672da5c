// Reads wire datelines at the start of a story — "BRUSSELS (AP) —", "LONDON, March 16 (Reuters) -",
// "SEOUL —" — and dates in an article's URL ("/2019/07/04/", "/2019-07-04/", "/20190704/").
import { isoDate, MONTH_RE, parseMonthDay, parseStamp } from './stamps';

export interface Dateline {
  /** The dateline as written, without the dash: "BRUSSELS (AP)". */
  text: string;
  /** The place: "BRUSSELS". */
  place: string;
  /** The wire in brackets: "AP", "Reuters". */
  source: string | null;
  /** Month and day when the dateline gives them without a year ("March 16"). */
  monthDay: { month: number; day: number; text: string } | null;
  /** The full date when the dateline gives one (press releases: "OSLO, Norway, Feb. 9, 2024 /PRNewswire/ --"). */
  value: string | null;
  /** Length of the dateline with its dash and the space after it. */
  length: number;
}

// An upper-case place ("BRUSSELS", "NEW DELHI", "SAN JOSÉ, Costa Rica") — or any capitalised place when a
// wire or a date follows — then an optional date, an optional (WIRE) or /WIRE/ (press releases), and a dash.
const UPPER_PLACE = "\\p{Lu}[\\p{Lu}\\p{M} .'’-]{1,40}?";
const ANY_PLACE = "\\p{Lu}[\\p{L}\\p{M} .'’-]{1,40}?";
const REGION = "(?:,\\s*\\p{Lu}[\\p{L}.'’ ]{1,30}?)?";
const DATE_PART = `(?:,\\s*((?:${MONTH_RE}\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH_RE})(?:,?\\s+\\d{4})?))?`;
const WIRE_NAME = '([\\p{L}][\\p{L}\\s.&-]{0,30})';
const WIRE = `(?:\\s*\\(${WIRE_NAME}\\)|\\s*\\/${WIRE_NAME}\\/)`;
const DASH = '(?:\\s*(?:—|–|--)\\s*|\\s+-\\s+)';

const WIRE_DATELINE = new RegExp(`^(${ANY_PLACE}${REGION})${DATE_PART}${WIRE}${DASH}`, 'u');
const UPPER_DATELINE = new RegExp(`^(${UPPER_PLACE}${REGION})${DATE_PART}${WIRE}?${DASH}`, 'u');

// Kickers that open a paragraph like a dateline but name no place: "BREAKING —", "UPDATE —", "ANALYSIS —".
const NOT_PLACES = new RegExp(
  String.raw`^(breaking( news)?|update[ds]?|watch|exclusive|analysis|opinion|live|correction` +
    String.raw`|editor'?s note|photos?|video|explainer|factbox|fact check|comment|review|interview)$`,
  'i',
);

// A dateline given as a labelled line of its own ("Dateline: Nairobi, 14/03/2024"), as some newsrooms and
// content systems export it: any capitalised place, then optionally a date.
const LABELLED_DATELINE = new RegExp(`^dateline\\s*:\\s*(${ANY_PLACE}${REGION})(?:,\\s*([^,]+?))?\\s*$`, 'iu');

/** A "Dateline:" line: its place and, when the rest of the line is a date, that date. */
function labelledDateline(line: string): Dateline | null {
  const m = LABELLED_DATELINE.exec(line);
  if (!m) return null;
  let place = m[1].trim();
  let dateText: string | null = m[2]?.trim() ?? null;
  // "Dateline: Nairobi, Kenya" has a region, no date; "Nairobi, Kenya, 14/03/2024" has both.
  if (dateText && !/\d/.test(dateText) && !parseMonthDay(dateText)) {
    place = `${place}, ${dateText}`;
    dateText = null;
  }
  const full = dateText ? parseStamp(dateText) : null;
  const md = dateText && !full ? parseMonthDay(dateText) : null;
  if (dateText && !full && !md) return null;
  return {
    // The dateline itself, without its label ("Nairobi, 14/03/2024").
    text: line.slice(line.indexOf(':') + 1).trim(),
    place,
    source: null,
    length: line.length,
    monthDay: md ? { ...md, text: dateText! } : null,
    value: full?.value ?? null,
  };
}

/** The dateline that opens a paragraph, or null. */
export function parseDateline(paragraph: string): Dateline | null {
  const labelled = labelledDateline(paragraph);
  if (labelled) return labelled;
  const m = WIRE_DATELINE.exec(paragraph) ?? UPPER_DATELINE.exec(paragraph);
  if (!m) return null;
  const place = m[1].trim();
  const dateText = m[2] ?? null;
  const source = m[5] ?? m[6] ?? null;
  // Without a wire, only an all-capitals place is a dateline ("SEOUL —"); "The plan — …" is not.
  if (!source && !dateText && place !== place.toUpperCase()) return null;
  if (!/\p{L}{2}/u.test(place) || NOT_PLACES.test(place)) return null;
  // A place is a few words ("RIO DE JANEIRO"); a capitals headline with a dash is not a dateline.
  if (place.split(',')[0].trim().split(/\s+/).length > 4) return null;
  const full = dateText ? parseStamp(dateText) : null;
  const md = dateText && !full ? parseMonthDay(dateText) : null;
  const text = paragraph.slice(0, m[0].length).replace(/\s*(?:—|–|--|-)\s*$/, '');
  return {
    text,
    place,
    source: source?.trim() ?? null,
    length: m[0].length,
    monthDay: md ? { ...md, text: dateText! } : null,
    value: full?.value ?? null,
  };
}

export interface UrlDate {
  value: string;
  /** The part of the URL that gave it: "/2019/07/04/". */
  text: string;
  index: number;
  host: string;
}

/** A URL alone on a line (or after "URL:", "Source:"), with the date in its path if it has one. */
export function parseUrlLine(line: string): { url: string; offset: number; date: UrlDate | null } | null {
  const m = /^(?:(?:url|link|source|original(?: article)?|permalink)\s*:\s*)?<?(https?:\/\/[^\s<>]+?)>?$/i.exec(
    line.trim(),
  );
  if (!m) return null;
  const url = m[1];
  const offset = line.indexOf(url);
  let host = '';
  let pathname = '';
  try {
    const u = new URL(url);
    host = u.hostname.replace(/^www\./, '');
    pathname = u.pathname;
  } catch {
    return null;
  }
  const pathStart = url.indexOf(pathname, url.indexOf(host) + host.length);
  const forms = [
    /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?=\/|$|\.|-)/,
    /\/((?:19|20)\d{2})-(\d{2})-(\d{2})(?=\/|$|\.|-|_)/,
    /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?=\/|$|\.|-|_)/,
  ];
  for (const re of forms) {
    const d = re.exec(pathname);
    if (!d) continue;
    const value = isoDate(+d[1], +d[2], +d[3]);
    if (!value) continue;
    const text = pathname.slice(d.index, d.index + d[0].length) + (pathname[d.index + d[0].length] === '/' ? '/' : '');
    return { url, offset, date: { value, text, index: offset + (pathStart >= 0 ? pathStart : 0) + d.index, host } };
  }
  return { url, offset, date: null };
}

/** The host of a URL line, as a source name: "example-news.com". */
export function urlHost(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}
