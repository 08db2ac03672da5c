// Reads the date stamps news pages print about themselves: "Thu 10 Nov 2011 14.45 GMT", "5:03 AM EST, Mon
// March 4, 2024", "14 August 2015", "Aug. 14, 2015", "2023-12-13T19:05:00Z", "03/04/2023" (ambiguous).

export const MONTH_NAMES = [
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
const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export const MONTH_RE =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const WEEKDAY_RE =
  '(?:(Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\\.?|(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))';
const ORD = '(?:st|nd|rd|th)?';
// Zones as outlets print them; "ET"/"PT" are the American wire spellings.
const ZONE_RE =
  '((?:GMT|UTC)(?:\\s?[+-]\\s?\\d{1,2}(?::?\\d{2})?)?|[+-]\\d{2}:?\\d{2}|Z|BST|IST|CET|CEST|EET|EEST|WET|WEST|MSK|E[SD]?T|C[SD]?T|M[SD]?T|P[SD]?T|AK[SD]T|HST|JST|KST|HKT|SGT|AE[SD]T|AW[SD]T|NZ[SD]T|WIB)';

export interface Stamp {
  /** ISO date, or null when the written date is ambiguous (see `readings`). */
  value: string | null;
  /** Both readings of an ambiguous numeric date: [day-first, month-first]. */
  readings?: [string, string];
  /** "05:03 EST", "14:45 GMT", "19:05 Z" — for display only. */
  time?: string;
  /** Day of the week the stamp names (0 = Sunday), to check or settle the date. */
  weekday?: number;
  /** Where the date (and its weekday) sits in the string searched. */
  index: number;
  length: number;
  /** Which written form: 'iso', 'month-first', 'day-first', 'numeric'. */
  form: 'iso' | 'month-first' | 'day-first' | 'numeric';
}

export function monthNumber(name: string): number {
  const key = name.toLowerCase().replace(/\.$/, '').slice(0, 3);
  return MONTH_NAMES.findIndex((m) => m.startsWith(key)) + 1;
}

/** "2023-03-16" from parts, or null when no such day exists. */
export function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || y < 1000) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

function weekdayNumber(abbr: string | undefined, full: string | undefined): number | undefined {
  const w = (full ?? abbr)?.toLowerCase();
  if (!w) return undefined;
  return WEEKDAY_NAMES.findIndex((n) => n.startsWith(w.slice(0, 3)));
}

const WD = `(?:${WEEKDAY_RE},?\\s+)?`;
const PATTERNS: { form: Stamp['form']; re: RegExp }[] = [
  {
    form: 'iso',
    re: /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?(?![\d-])/,
  },
  { form: 'month-first', re: new RegExp(`\\b${WD}${MONTH_RE}\\s+(\\d{1,2})${ORD},?\\s+(\\d{4})\\b`, 'i') },
  { form: 'day-first', re: new RegExp(`\\b${WD}(\\d{1,2})${ORD}\\s+(?:of\\s+)?${MONTH_RE},?\\s+(\\d{4})\\b`, 'i') },
  {
    form: 'numeric',
    re: new RegExp(`(?<![\\d/.-])${WD}(\\d{1,2})([/.-])(\\d{1,2})\\4(\\d{4}|\\d{2})(?![\\d/-]|\\.\\d)`, 'i'),
  },
];

/** The first date stamp in a string: its date, the time and zone printed with it, and where it is. */
export function parseStamp(s: string): Stamp | null {
  let best: { form: Stamp['form']; m: RegExpExecArray } | null = null;
  for (const { form, re } of PATTERNS) {
    const m = re.exec(s);
    if (m && (!best || m.index < best.m.index)) best = { form, m };
  }
  if (!best) return null;
  const stamp = stampFrom(best.form, best.m);
  if (!stamp) return null;
  const time = timeNear(s, best.m.index, best.m.index + best.m[0].length, best.form === 'iso' ? best.m : null);
  if (time) stamp.time = time;
  return stamp;
}

function stampFrom(form: Stamp['form'], m: RegExpExecArray): Stamp | null {
  const base = { index: m.index, length: m[0].length, form };
  if (form === 'iso') {
    const value = isoDate(+m[1], +m[2], +m[3]);
    return value ? { ...base, value } : null;
  }
  const weekday = weekdayNumber(m[1], m[2]);
  if (form === 'month-first') {
    const value = isoDate(+m[5], monthNumber(m[3]), +m[4]);
    return value ? { ...base, value, weekday } : null;
  }
  if (form === 'day-first') {
    const value = isoDate(+m[5], monthNumber(m[4]), +m[3]);
    return value ? { ...base, value, weekday } : null;
  }
  return numericStamp(base, +m[3], +m[5], m[6], weekday);
}

/** "03/04/2023": day-first in most of the world, month-first in the US; settled only when one reading is impossible. */
function numericStamp(
  base: Omit<Stamp, 'value'>,
  a: number,
  b: number,
  yearText: string,
  weekday: number | undefined,
): Stamp | null {
  const year = yearText.length === 2 ? 2000 + +yearText : +yearText;
  const dayFirst = isoDate(year, b, a);
  const monthFirst = isoDate(year, a, b);
  if (!dayFirst && !monthFirst) return null;
  if (!dayFirst || !monthFirst || dayFirst === monthFirst)
    return { ...base, value: (dayFirst ?? monthFirst)!, weekday };
  // A weekday printed with the date tells the two readings apart.
  if (weekday !== undefined && weekdayOf(dayFirst) !== weekdayOf(monthFirst)) {
    if (weekdayOf(dayFirst) === weekday) return { ...base, value: dayFirst, weekday };
    if (weekdayOf(monthFirst) === weekday) return { ...base, value: monthFirst, weekday };
  }
  return { ...base, value: null, readings: [dayFirst, monthFirst], weekday };
}

const TIME_RE = new RegExp(
  `\\b(\\d{1,2})[:.](\\d{2})(?::\\d{2})?\\s*(a\\.?\\s?m\\.?|p\\.?\\s?m\\.?)?(?:\\s*\\(?${ZONE_RE}\\)?(?![A-Za-z]))?`,
  'gi',
);

/** The time printed next to a date ("5:03 AM EST", "14.45 GMT", "10:12 a.m. ET"), as "05:03 EST". */
function timeNear(s: string, start: number, end: number, iso: RegExpExecArray | null): string | undefined {
  if (iso?.[4]) return `${iso[4]}:${iso[5]}${iso[6] ? ` ${iso[6] === 'Z' ? 'UTC' : iso[6]}` : ''}`;
  TIME_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TIME_RE.exec(s))) {
    const near = (m.index + m[0].length >= start - 4 && m.index < start) || (m.index >= end && m.index <= end + 4);
    if (!near) continue;
    // "3.5" is not a time: a time has a colon, or a dot with am/pm or a zone after it.
    const colon = s[m.index + m[1].length] === ':';
    if (!colon && !m[3] && !m[4]) continue;
    let h = +m[1];
    const min = +m[2];
    if (h > 23 || min > 59) continue;
    const ampm = m[3]?.toLowerCase().replace(/[.\s]/g, '');
    if (ampm === 'pm' && h < 12) h += 12;
    if (ampm === 'am' && h === 12) h = 0;
    const zone = m[4] ? ` ${m[4].replace(/\s+/g, '').toUpperCase()}` : '';
    return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}${zone}`;
  }
  return undefined;
}

/** "March 16" or "16 March" without a year (wire datelines): month and day, or null. */
export function parseMonthDay(s: string): { month: number; day: number } | null {
  let m = new RegExp(`^${MONTH_RE}\\s+(\\d{1,2})${ORD}$`, 'i').exec(s.trim());
  if (m) return { month: monthNumber(m[1]), day: +m[2] };
  m = new RegExp(`^(\\d{1,2})${ORD}\\s+${MONTH_RE}$`, 'i').exec(s.trim());
  if (m) return { month: monthNumber(m[2]), day: +m[1] };
  return null;
}

/** Every date the text writes out in full, for settling ambiguous stamps: values and numeric day/month orders. */
export function writtenDates(text: string): { values: Set<string>; dayFirst: boolean; monthFirst: boolean } {
  const values = new Set<string>();
  let dayFirst = false;
  let monthFirst = false;
  for (const { form, re } of PATTERNS) {
    const g = new RegExp(re.source, 'gi');
    let m: RegExpExecArray | null;
    while ((m = g.exec(text))) {
      if (form === 'numeric') {
        const a = +m[3];
        const b = +m[5];
        if (a > 12 && b <= 12) dayFirst = true;
        if (b > 12 && a <= 12) monthFirst = true;
        continue;
      }
      const st = stampFrom(form, m);
      if (st?.value) values.add(st.value);
    }
  }
  // Month and day written without a year ("April 3") also tell which reading the article means.
  const md = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})\\b|\\b(\\d{1,2})${ORD}\\s+${MONTH_RE}\\b`, 'gi');
  let m: RegExpExecArray | null;
  while ((m = md.exec(text))) {
    const month = monthNumber(m[1] ?? m[4]);
    const day = +(m[2] ?? m[3]);
    values.add(`--${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  }
  return { values, dayFirst, monthFirst };
}

/** The string without the times and zones printed in it ("14.45 GMT", "5:03 AM EST"). */
export function withoutTimes(s: string): string {
  TIME_RE.lastIndex = 0;
  return s.replace(TIME_RE, (m, _h: string, _min: string, ampm?: string, zone?: string) =>
    m.includes(':') || ampm || zone ? ' ' : m,
  );
}
