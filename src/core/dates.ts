// Finds date, time, duration and set expressions in an article and normalises them to TIMEX3 values,
// resolving relative ones against the publication date (news leans to the past).
import { DateMention, Span, TimexType } from './model';
import {
  addMonths,
  civil,
  dayNumber,
  formatDay,
  formatMonth,
  formatWeek,
  isValidDate,
  isoWeekday,
  MONTH_NAMES,
  pad,
  parseIsoDay,
  WEEKDAY_NAMES,
} from './dates/calendar';
import {
  MONTH_ANY,
  MONTH_DOTTED,
  MONTH_FULL,
  monthIndex,
  QUANTITY,
  quantityValue,
  SP,
  SPO,
  UNIT,
  unitCode,
  WEEKDAY,
  weekdayIndex,
  YEAR,
} from './dates/patterns';

export interface DateOptions {
  /** Article publication date YYYY-MM-DD, or null when unknown. */
  published: string | null;
  /** Sentence spans, if the caller has them (used for tense detection). */
  sentences?: Span[];
  /** Spans not to analyse (boilerplate lines). */
  exclude?: Span[];
}

type Tense = 'past' | 'future' | 'present' | 'none';

interface Resolved {
  type: TimexType;
  value: string;
  explanation: string;
  relative: boolean;
  range?: { begin: string; end: string };
  /** Day number this mention pins down, so that later "that morning" / "18:00 UTC" can anchor on it. */
  day?: number;
  /**
   * For a clock time that fell back to the publication date: its time part, in case a day follows ("3 a.m. Sunday").
   */
  clock?: string;
  /**
   * Expressions inside this one that are dates in their own right, as TimeML marks them: the two ends of
   * "from 2009 to 2011". They follow the mention in the output (nested in its span).
   */
  parts?: { start: number; end: number; value: string; explanation: string }[];
}

interface Ctx {
  text: string;
  pub: number | null;
  pubStr: string;
  sentences: Span[] | undefined;
  /** Latest day-granular date mentioned so far (reading order), for anaphoric expressions. */
  anchorDay: number | null;
  /** Where the anchor day was mentioned, and whether its value was relative. */
  anchorPos: number;
  anchorRelative: boolean;
  /** Latest year (and month, when it says one) named by a date so far: "the following year" counts from it. */
  anchorYear: number | null;
  anchorMonth: number | null;
}

interface Rule {
  name: string;
  re: RegExp;
  /**
   * Optional context right before the core match (anchored with $, tried on a short slice before it). Its groups
   * come first in the match handed to accept/resolve, as if the rule were one regex; scanning for the core alone
   * keeps the scan fast, since a leading optional group stops the regex engine from skipping ahead.
   */
  left?: RegExp;
  /** Drop the core match when `left` does not match. */
  needLeft?: boolean;
  /**
   * Words that can start the core match (lower case). A rule with triggers is tried, sticky, only where one
   * pass of a shared regex found one of them; a rule without is scanned for on its own.
   */
  triggers?: string[];
  /** Triggers count only in lower case ("daily", not the "Daily" of a newspaper's name). */
  lowerOnly?: boolean;
  /** Cheap check at collection time; false drops the match. */
  accept?: (m: RegExpExecArray, text: string) => boolean;
  /** Offsets of the mention inside the match, when the match carries context that is not part of it. */
  span?: (m: RegExpExecArray) => [number, number];
  resolve: (m: RegExpExecArray, ctx: Ctx, start: number, end: number) => Resolved | null;
}

interface Candidate {
  start: number;
  end: number;
  rule: Rule;
  m: RegExpExecArray;
}

// ---------------------------------------------------------------------------------------------
// Small text helpers (allocate only per candidate, never per character).

const PREV_WORDS_RE = /([A-Za-z0-9'’$€£#%.,-]+)[ \t\u00a0]*$/;

/** The word just before `pos` on the same line, lowercased ("" when none). */
function prevWord(text: string, pos: number): string {
  const from = Math.max(0, pos - 24);
  const m = PREV_WORDS_RE.exec(text.slice(from, pos));
  return m ? m[1].toLowerCase() : '';
}

/** The word right after `pos` on the same line (original case). */
function nextWord(text: string, pos: number): string {
  const m = /^[ \t\u00a0]*([A-Za-z'’%]+)/.exec(text.slice(pos, pos + 24));
  return m ? m[1] : '';
}

/** The first non-space character before `pos` ('' at the start). */
function prevChar(text: string, pos: number): string {
  let i = pos - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\u00a0')) i--;
  return i >= 0 ? text[i] : '';
}

const isUpper = (c: string) => c >= 'A' && c <= 'Z';

// ---------------------------------------------------------------------------------------------
// Tense: the nearest tense cue before the expression in its sentence, else the first after it.

const TENSE_CUE_RE = new RegExp(
  "\\b(?:(will|won['’]t|shall|going to|set to|scheduled|slated|due to|due (?:in|on|by|until|for)|expected to|" +
    "plans? to|planned|planning|intends? to|upcoming|to be held|is to|are to|may|might|would|['’]ll|['’]d|" +
    // The present of a timetable says what is to come: "the pier reopens on Monday", "talks resume on Friday".
    '(?:re)?(?:opens|starts|begins|resumes|launches)|resume|reopen|kicks off)|' +
    '(was|were|had|did|said|told|met|made|took|came|went|began|gave|held|left|saw|got|found|became|fell|' +
    'rose|brought|sent|won|lost|paid|sold|bought|spoke|wrote|ran|led|struck|thought|felt|kept|built|flew|knew|' +
    'grew|drew|chose|broke|spent|ago|has been|have been|[a-z]+ed)|' +
    '(is|are|am|says|ends|closes|runs|arrives|expires|remains|lasts|continues|goes))\\b',
  'g',
);
const NOT_PAST_ED = /(?:eed|^red|^bed|^shed|hundred)$/;

function sentenceAround(ctx: Ctx, start: number, end: number): Span {
  const ss = ctx.sentences;
  if (ss && ss.length) {
    let lo = 0,
      hi = ss.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ss[mid].end <= start) lo = mid + 1;
      else if (ss[mid].start > start) hi = mid - 1;
      else return { start: ss[mid].start, end: Math.max(ss[mid].end, end) };
    }
  }
  // Fallback: the stretch between sentence-ending punctuation or line breaks, at most 400 characters each way.
  const text = ctx.text;
  let s = start;
  const sMin = Math.max(0, start - 400);
  while (s > sMin) {
    const c = text.charCodeAt(s - 1);
    if (c === 10 || c === 13) break;
    if (
      (c === 46 || c === 33 || c === 63) &&
      s < start &&
      /\s/.test(text[s]) &&
      !(c === 46 && dotContinues(text, s - 1))
    )
      break;
    s--;
  }
  let e = end;
  const eMax = Math.min(text.length, end + 400);
  while (e < eMax) {
    const c = text.charCodeAt(e);
    if (c === 10 || c === 13) break;
    if (
      (c === 46 || c === 33 || c === 63) &&
      (e + 1 >= text.length || /\s/.test(text[e + 1])) &&
      !(c === 46 && dotContinues(text, e))
    )
      break;
    e++;
  }
  return { start: s, end: e };
}

const ABBREVIATION_BEFORE_DOT = new RegExp(
  String.raw`(?:^|[^A-Za-z])(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen` +
    String.raw`|Gov|Sen|Rep|Inc|Corp|Co|Ltd|No|vs|[A-Z]|[a-z]\.[a-z])$`,
);

/**
 * A dot that does not end the sentence: after an abbreviation ("Oct. 28", "Mr. Ito"), or before a lower-case word or a
 * number.
 */
function dotContinues(text: string, dot: number): boolean {
  if (ABBREVIATION_BEFORE_DOT.test(text.slice(Math.max(0, dot - 6), dot))) return true;
  const next = /^[ \t\u00a0]+(\S)/.exec(text.slice(dot + 1, dot + 8));
  return !!next && /[a-z0-9]/.test(next[1]);
}

const TENSE_WINDOW = 300;

function tenseAt(ctx: Ctx, start: number, end: number): Tense {
  const sent = sentenceAround(ctx, start, end);
  // Scan only the sentence: a global scan from its start would run on to the end of the text when it has no cue.
  // Tense cues farther than a few clauses away say little; the clamp also bounds the work per expression.
  const from = Math.max(sent.start, start - TENSE_WINDOW),
    to = Math.min(sent.end, end + TENSE_WINDOW);
  const sentence = ctx.text.slice(from, to);
  const relStart = start - from,
    relEnd = end - from;
  const re = TENSE_CUE_RE;
  re.lastIndex = 0;
  let before: Tense = 'none';
  let after: Tense = 'none';
  let m: RegExpExecArray | null;
  while ((m = re.exec(sentence)) !== null) {
    let t: Tense;
    if (m[1]) t = 'future';
    else if (m[3]) t = 'present';
    else {
      if (m[2].endsWith('ed')) {
        if (NOT_PAST_ED.test(m[2])) continue;
        // "will be shipped", "to be released": a passive participle takes its tense from the auxiliary.
        if (m.index >= 3 && sentence.slice(m.index - 3, m.index) === 'be ') continue;
      }
      t = 'past';
    }
    if (m.index + m[0].length <= relStart) before = t;
    else if (m.index >= relEnd) {
      after = t;
      break;
    }
  }
  return before !== 'none' ? before : after;
}

// ---------------------------------------------------------------------------------------------
// Resolution helpers.

const UNKNOWN = 'the publication date is unknown';

function pubYmd(ctx: Ctx) {
  return civil(ctx.pub as number);
}

function leanWord(t: Tense): string {
  return t === 'future'
    ? 'future-tense sentence'
    : t === 'past'
      ? 'past-tense sentence'
      : t === 'present'
        ? 'present-tense sentence'
        : 'sentence without a clear tense (news leans to the past)';
}

/** Month-day without a year: the occurrence nearest the publication date in the direction of the tense. */
function resolveMonthDay(ctx: Ctx, mo: number, d: number, tense: Tense): number | null {
  const p = pubYmd(ctx);
  const pub = ctx.pub as number;
  const cands: number[] = [];
  for (const y of [p.y - 1, p.y, p.y + 1]) if (isValidDate(y, mo, d)) cands.push(dayNumber(y, mo, d));
  if (!cands.length) return null;
  if (tense === 'past') {
    const ok = cands.filter((n) => n <= pub);
    if (ok.length) return ok[ok.length - 1];
  } else if (tense === 'future') {
    const ok = cands.filter((n) => n >= pub);
    if (ok.length) return ok[0];
  }
  let best = cands[0];
  for (const n of cands) if (Math.abs(n - pub) < Math.abs(best - pub)) best = n;
  return best;
}

function dayResult(n: number, explanation: string, relative: boolean): Resolved {
  return { type: 'DATE', value: formatDay(n), explanation, relative, day: n };
}

const PART_OF_DAY: Record<string, string> = {
  morning: 'MO',
  afternoon: 'AF',
  evening: 'EV',
  night: 'NI',
  tonight: 'NI',
};

const SEASONS: Record<string, { code: string; index: number }> = {
  spring: { code: 'SP', index: 0 },
  summer: { code: 'SU', index: 1 },
  autumn: { code: 'FA', index: 2 },
  fall: { code: 'FA', index: 2 },
  winter: { code: 'WI', index: 3 },
};
/** Season index of a month: Dec–Feb winter (3), Mar–May spring (0)… */
const seasonOfMonth = (m: number) => (m === 12 || m <= 2 ? 3 : m <= 5 ? 0 : m <= 8 ? 1 : 2);

function durationValue(n: number | null, unitRaw: string): string {
  const u = unitCode(unitRaw);
  if (n === null) {
    const low = unitRaw.toLowerCase();
    const code = low.startsWith('de') ? 'DE' : low.startsWith('ce') ? 'CE' : u.code;
    return u.time ? `PTX${code}` : `PX${code}`;
  }
  const q = n * u.factor;
  const num = Number.isInteger(q) ? String(q) : String(Math.round(q * 100) / 100);
  return u.time ? `PT${num}${u.code}` : `P${num}${u.code}`;
}

// ---------------------------------------------------------------------------------------------
// Rules. Each regex is compiled once; rules that need lower-case-only words are case-sensitive.

const COUNT_NOUN_AFTER_YEAR = new Set([
  'people',
  'jobs',
  'units',
  'employees',
  'workers',
  'staff',
  'passengers',
  'planes',
  'aircraft',
  'jets',
  'cars',
  'feet',
  'ft',
  'metres',
  'meters',
  'km',
  'kilometres',
  'kilometers',
  'miles',
  'tonnes',
  'tons',
  'pounds',
  'dollars',
  'euros',
  'yen',
  'won',
  'points',
  'shares',
  'votes',
  'seats',
  'troops',
  'soldiers',
  'cases',
  'deaths',
  'copies',
  'homes',
  'houses',
  'students',
  'members',
  'users',
  'customers',
  'times',
  'hours',
  'days',
  'words',
  'kg',
  'mw',
  'lb',
  'lbs',
  'm',
  'cm',
  'mm',
  'percent',
  'per',
  'of',
  'x',
  'sq',
  'square',
  'visitors',
  'stores',
  'songs',
]);

const BARE_MONTH_CUES = new Set([
  'in',
  'on',
  'of',
  'since',
  'until',
  'till',
  'by',
  'from',
  'to',
  'through',
  'during',
  'before',
  'after',
  'and',
  'or',
  'between',
  'last',
  'next',
  'this',
  'early',
  'late',
  'mid',
  'each',
  'every',
  'throughout',
  'around',
  'as',
  'that',
  'past',
  'coming',
  'into',
  'for',
  'mid-',
  'end',
  'beginning',
  'start',
  'middle',
]);

const TIME_CUES = new Set([
  'at',
  'by',
  'around',
  'about',
  'from',
  'until',
  'till',
  'before',
  'after',
  'since',
  'to',
  'between',
  'and',
  'approximately',
  'roughly',
  'nearly',
  'almost',
  'past',
  'on',
]);

const NEWSPAPER_AFTER_WEEKDAY =
  /^(?:Times|Telegraph|Post|Herald|Mail|Express|Mirror|Independent|Tribune|Star|Sun|School|Service|Bloody)$/;

function modOf(raw: string | undefined): string {
  if (!raw) return '';
  const r = raw.toLowerCase();
  if (r.startsWith('early') || r === 'beginning' || r === 'start') return 'the start of ';
  if (r.startsWith('mid') || r === 'middle') return 'the middle of ';
  if (r.startsWith('late') || r === 'end') return 'the end of ';
  return '';
}

function twoDigitYear(yy: number): number {
  return yy < 50 ? 2000 + yy : 1900 + yy;
}

const TRIG_MONTHS = [
  ...MONTH_NAMES.map((n) => n.toLowerCase()),
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
];
const TRIG_WEEKDAYS = WEEKDAY_NAMES.map((n) => n.toLowerCase());
const TRIG_UNITS = [
  'year',
  'years',
  'yr',
  'yrs',
  'month',
  'months',
  'week',
  'weeks',
  'day',
  'days',
  'hour',
  'hours',
  'hr',
  'hrs',
  'minute',
  'minutes',
  'min',
  'mins',
  'second',
  'seconds',
  'sec',
  'secs',
  'decade',
  'decades',
  'century',
  'centuries',
  'quarter',
  'quarters',
  'fortnight',
  'fortnights',
];

const rules: Rule[] = [];

// "Thursday, March 16, 2023", "March 16th, 2023", "March 16"
rules.push({
  name: 'month-day-year',
  triggers: TRIG_MONTHS,
  left: new RegExp(`\\b(${WEEKDAY}),?${SP}$`),
  re: new RegExp(
    `\\b(${MONTH_ANY})(?![A-Za-z])${SPO}(\\d{1,2})(?:st|nd|rd|th)?(?![A-Za-z\\d:])(?:,?${SP}(${YEAR})(?!\\d))?`,
    'y',
  ),
  resolve: (m, ctx, start, end) => resolveExplicitDay(ctx, monthIndex(m[2]), +m[3], m[4], start, end, m[1]),
});

// "11 December 2009", "the 16th of March"
rules.push({
  name: 'day-month-year',
  triggers: TRIG_MONTHS,
  left: new RegExp(`(?:\\b(${WEEKDAY}),?${SP})?(?:\\b[Tt]he${SP})?\\b(\\d{1,2})(?:st|nd|rd|th)?(?:${SP}of)?${SP}$`),
  needLeft: true,
  re: new RegExp(`\\b(${MONTH_ANY})(?![A-Za-z])(?:,?${SP}(${YEAR})(?!\\d))?`, 'y'),
  resolve: (m, ctx, start, end) => resolveExplicitDay(ctx, monthIndex(m[3]), +m[2], m[4], start, end, m[1]),
});

function resolveExplicitDay(
  ctx: Ctx,
  mo: number,
  d: number,
  yearRaw: string | undefined,
  start: number,
  end: number,
  weekdayRaw?: string,
): Resolved | null {
  if (yearRaw) {
    const y = +yearRaw;
    if (!isValidDate(y, mo, d)) return null;
    return dayResult(dayNumber(y, mo, d), `explicit calendar date ${MONTH_NAMES[mo - 1]} ${d}, ${y}`, false);
  }
  if (d < 1 || d > 31 || (mo === 2 && d > 29)) return null;
  if (mo === 9 && d === 11 && /^attacks?$/i.test(nextWord(ctx.text, end))) {
    return dayResult(dayNumber(2001, 9, 11), 'the September 11 attacks: 2001-09-11', false);
  }
  if (ctx.pub === null) {
    return {
      type: 'DATE',
      value: `XXXX-${pad(mo, 2)}-${pad(d, 2)}`,
      explanation: `month and day without a year; ${UNKNOWN}`,
      relative: true,
    };
  }
  if (weekdayRaw) {
    // "Friday, August 2": the year near publication in which that day is a Friday settles it.
    const wd = weekdayIndex(weekdayRaw);
    const p = pubYmd(ctx);
    for (const y of [p.y, p.y - 1, p.y + 1]) {
      if (isValidDate(y, mo, d) && isoWeekday(dayNumber(y, mo, d)) === wd) {
        return dayResult(
          dayNumber(y, mo, d),
          `${weekdayRaw}, ${MONTH_NAMES[mo - 1]} ${d} without a year: ${y} is the year near the publication ` +
            `date ${ctx.pubStr} in which it falls on a ${weekdayRaw}`,
          true,
        );
      }
    }
  }
  const tense = tenseAt(ctx, start, end);
  const n = resolveMonthDay(ctx, mo, d, tense);
  if (n === null) return null;
  const y = civil(n).y;
  const how =
    tense === 'past'
      ? 'the latest one on or before'
      : tense === 'future'
        ? 'the first one on or after'
        : 'the one nearest to';
  return dayResult(
    n,
    `${MONTH_NAMES[mo - 1]} ${d} without a year in a ${leanWord(tense)}: ${how} the publication date ${ctx.pubStr}, ` +
      `so ${y}`,
    true,
  );
}

// "November 2006", "mid-2011"'s cousin "early March 2023", "May this year"
rules.push({
  name: 'month-year',
  left: new RegExp(
    `(?:\\b((?:[Ee]arly|[Mm]id|[Ll]ate)[- ]?)|\\b(?:[Tt]he${SP})?(end|beginning|start|middle)${SP}of${SP})$`,
  ),
  triggers: TRIG_MONTHS,
  // Abbreviated months too ("Sept. 2008", "Dec 2006"): a year after them rules out other readings.
  re: new RegExp(
    `\\b(${MONTH_ANY})(?:,?${SP}(?:of${SP})?(${YEAR})(?![\\d])|${SP}(this|last|next)${SP}year(?![A-Za-z]))`,
    'y',
  ),
  resolve: (m, ctx) => {
    const mo = monthIndex(m[3]);
    const mod = modOf(m[1] || m[2]);
    if (m[4])
      return {
        type: 'DATE',
        value: formatMonth(+m[4], mo),
        explanation: `explicit month: ${mod}${MONTH_NAMES[mo - 1]} ${m[4]}`,
        relative: false,
      };
    const which = m[5];
    if (ctx.pub === null)
      return {
        type: 'DATE',
        value: `XXXX-${pad(mo, 2)}`,
        explanation: `${MONTH_NAMES[mo - 1]} ${which} year; ${UNKNOWN}`,
        relative: true,
      };
    const y = pubYmd(ctx).y + (which === 'last' ? -1 : which === 'next' ? 1 : 0);
    return {
      type: 'DATE',
      value: formatMonth(y, mo),
      explanation: `${mod}${MONTH_NAMES[mo - 1]} of ${which} year, counted from the publication date ${ctx.pubStr}`,
      relative: true,
    };
  },
});

// Bare month: "in June", "mid-March", "the end of October"
rules.push({
  name: 'bare-month',
  left: new RegExp(
    `(?:\\b((?:[Ee]arly|[Mm]id|[Ll]ate)[- ` +
      `])|\\b([Mm]id-)|\\b(?:[Tt]he${SP})?(end|beginning|start|middle)${SP}of${SP})$`,
  ),
  triggers: TRIG_MONTHS,
  // Abbreviations only with their dot ("in Feb."): "Jan" alone is as often a name.
  re: new RegExp(`\\b(${MONTH_FULL}|${MONTH_DOTTED})(?![A-Za-z\\d])`, 'y'),
  accept: (m, text) => {
    // "early Aug. 2": the day after it makes it month-day-year's.
    if (/^[ \t]*\d{1,2}(?!\d)/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 6))) return false;
    if (m[1] || m[2] || m[3]) return true;
    const w = prevWord(text, m.index);
    return BARE_MONTH_CUES.has(w) || w.endsWith('-');
  },
  resolve: (m, ctx, start, end) => {
    const mo = monthIndex(m[4]);
    const mod = modOf(m[1] || m[2] || m[3]);
    if (ctx.pub === null)
      return {
        type: 'DATE',
        value: `XXXX-${pad(mo, 2)}`,
        explanation: `month without a year; ${UNKNOWN}`,
        relative: true,
      };
    // A preposition can settle the direction by itself: "since December" is past, "next March" ahead.
    const pw = prevWord(ctx.text, start);
    let tense = tenseAt(ctx, start, end);
    if (pw === 'since' || pw === 'last') tense = 'past';
    else if (pw === 'next' || pw === 'coming') tense = 'future';
    const p = pubYmd(ctx);
    let y = p.y;
    let how: string;
    if (tense === 'future') {
      if (mo < p.m) y++;
      how = 'the first one on or after';
    } else if (tense === 'present') {
      // Present tense: the nearest such month.
      if (mo - p.m > 6) y--;
      else if (p.m - mo > 6) y++;
      how = 'the one nearest to';
    } else {
      if (mo > p.m) y--;
      how = 'the latest one on or before';
    }
    return {
      type: 'DATE',
      value: formatMonth(y, mo),
      explanation:
        `${mod}${MONTH_NAMES[mo - 1]} without a year in a ${leanWord(tense)}: ${how} the publication ` +
        `month, so ${y}`,
      relative: true,
    };
  },
});

// ISO dates "2023-05-07", "2023/05/07"
rules.push({
  name: 'iso-date',
  re: /\b(\d{4})([-/])(\d{2})\2(\d{2})(?![\d])/g,
  resolve: (m) => {
    const y = +m[1],
      mo = +m[3],
      d = +m[4];
    if (!isValidDate(y, mo, d)) return null;
    return dayResult(dayNumber(y, mo, d), 'ISO calendar date', false);
  },
});

// US numeric dates "7/8/07", "03/16/2023" (day first when the first number cannot be a month)
rules.push({
  name: 'numeric-date',
  re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d/])/g,
  resolve: (m) => {
    let a = +m[1],
      b = +m[2];
    const y = m[3].length === 2 ? twoDigitYear(+m[3]) : +m[3];
    let order = 'month/day/year (American order)';
    if (a > 12 && b <= 12) {
      [a, b] = [b, a];
      order = 'day/month/year';
    }
    if (!isValidDate(y, a, b)) return null;
    return dayResult(dayNumber(y, a, b), `numeric date read as ${order}`, false);
  },
});

// Dotted day.month.year "16.03.2023", and CJK "2023年3月16日"
rules.push({
  name: 'dotted-date',
  re: /\b(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])/g,
  resolve: (m) => {
    const d = +m[1],
      mo = +m[2],
      y = +m[3];
    if (!isValidDate(y, mo, d)) return null;
    return dayResult(dayNumber(y, mo, d), 'numeric date read as day.month.year', false);
  },
});
rules.push({
  name: 'cjk-date',
  re: /(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?/g,
  resolve: (m) => {
    const y = +m[1];
    if (!m[2]) return { type: 'DATE', value: m[1], explanation: `the year ${m[1]}`, relative: false };
    const mo = +m[2];
    if (mo < 1 || mo > 12) return null;
    if (!m[3])
      return {
        type: 'DATE',
        value: formatMonth(y, mo),
        explanation: `explicit month ${MONTH_NAMES[mo - 1]} ${y}`,
        relative: false,
      };
    const d = +m[3];
    if (!isValidDate(y, mo, d)) return null;
    return dayResult(dayNumber(y, mo, d), `explicit calendar date ${MONTH_NAMES[mo - 1]} ${d}, ${y}`, false);
  },
});

// Year ranges: "1910-45", "2014–2025", "from 1910 to 1945", "between 2014 and 2016"
rules.push({
  name: 'year-range',
  left: new RegExp(`\\b([Ff]rom|[Bb]etween)${SP}$`),
  re: new RegExp(
    `\\b(${YEAR})(?:${SPO}([-–—])${SPO}|${SP}(to|until|till|through|and)${SP})(${YEAR}|\\d\\d)(?![\\d-])`,
    'g',
  ),
  accept: (m, text) => {
    const conn = m[4];
    if (conn === 'and' && !m[1]) return false;
    if (m[1] && m[1].toLowerCase() === 'between' && conn !== 'and') return false;
    if (m[1] && m[1].toLowerCase() === 'from' && !conn) return false;
    if (m[5].length === 2 && !m[3]) return false;
    const begin = +m[2];
    const end = m[5].length === 2 ? Math.floor(begin / 100) * 100 + +m[5] : +m[5];
    if (end <= begin) return false;
    // "2008 - 12 - 23", "/ 2012 - 13 /", "2011 - 13: 42": pieces of a date, a path or a clock, not a range.
    if (
      /^[ \t]*[-–/:]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4)) ||
      prevChar(text, m.index) === '/'
    )
      return false;
    return (
      !COUNT_NOUN_AFTER_YEAR.has(nextWord(text, m.index + m[0].length).toLowerCase()) &&
      !/[$€£#]/.test(prevChar(text, m.index))
    );
  },
  resolve: (m, ctx, start) => {
    const begin = +m[2];
    const end = m[5].length === 2 ? Math.floor(begin / 100) * 100 + +m[5] : +m[5];
    // The left context ("from", "between") holds no digit: the first one starts the first year.
    const beginAt = start + m[0].search(/\d/),
      endAt = start + m[0].length - m[5].length;
    return {
      type: 'DURATION',
      value: `P${end - begin}Y`,
      range: { begin: String(begin), end: String(end) },
      explanation: `year range from ${begin} to ${end} (${end - begin} years)`,
      relative: false,
      parts: [
        {
          start: beginAt,
          end: beginAt + m[2].length,
          value: String(begin),
          explanation: `the year ${begin}, where the range ${m[0]} begins`,
        },
        {
          start: endAt,
          end: endAt + m[5].length,
          value: String(end),
          explanation: `the year ${end}, where the range ${m[0]} ends`,
        },
      ],
    };
  },
});

// Decades: "the 1990s", "the early 2000s", "the '90s"
rules.push({
  name: 'decade',
  left: new RegExp(`(?:\\b[Tt]he${SP})?(?:\\b((?:[Ee]arly|[Mm]id|[Ll]ate)[- ]?))?$`),
  re: new RegExp(`(?:\\b(1[5-9]\\d|20\\d)0['’]?s|(?<![A-Za-z0-9])['’](\\d)0s)(?![A-Za-z])`, 'g'),
  resolve: (m) => {
    const dec = m[2] ?? (+m[3] <= 2 ? `20${m[3]}` : `19${m[3]}`);
    return { type: 'DATE', value: dec, explanation: `${modOf(m[1])}the decade ${dec}0–${dec}9`, relative: false };
  },
});

// Centuries: "the 20th century"
rules.push({
  name: 'century',
  left: new RegExp(`(?:\\b[Tt]he${SP})?(?:\\b((?:[Ee]arly|[Mm]id|[Ll]ate)[- ]?))?$`),
  re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)(?:${SP}|-)[Cc]entury(?![A-Za-z])`, 'g'),
  resolve: (m) => {
    const c = +m[2];
    if (c < 1) return null;
    return {
      type: 'DATE',
      value: pad(c - 1, 2),
      explanation: `${modOf(m[1])}the ${m[2]}th century (years ${c - 1}00–${c - 1}99)`,
      relative: false,
    };
  },
});

// Years: "in 2019", "early 2009", "mid-2011", "the 1991 settlement"
rules.push({
  name: 'year',
  left: new RegExp(`\\b((?:[Ee]arly|[Mm]id|[Ll]ate)[- ]?)$`),
  re: new RegExp(`\\b(${YEAR})(?![\\d])`, 'g'),
  accept: (m, text) => {
    const after = m.index + m[0].length;
    const c = text[after];
    if (c === '%' || ((c === ',' || c === '.') && /\d/.test(text[after + 1] ?? ''))) return false;
    if (c === '-' && /\d/.test(text[after + 1] ?? '')) return false;
    const pc = prevChar(text, m.index);
    if (/[$€£#¥]/.test(pc)) return false;
    if (
      m.index > 0 &&
      (text[m.index - 1] === '-' || text[m.index - 1] === '/' || text[m.index - 1] === '.') &&
      /[\dA-Za-z]/.test(text[m.index - 2] ?? '')
    )
      return false;
    const pw = prevWord(text, m.index);
    if (pw === 'no.' || pw === 'us$' || pw === 'usd' || pw === 'rs.' || pw === 'number') return false;
    return !COUNT_NOUN_AFTER_YEAR.has(nextWord(text, after).toLowerCase());
  },
  resolve: (m) => ({ type: 'DATE', value: m[2], explanation: `${modOf(m[1])}the year ${m[2]}`, relative: false }),
});

// Weekdays: "Thursday", "last Friday", "Thursday afternoon"
rules.push({
  name: 'weekday',
  left: new RegExp(`\\b([Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast|[Ee]arly|[Ll]ate)${SP}$`),
  triggers: TRIG_WEEKDAYS,
  re: new RegExp(`\\b(${WEEKDAY})(?:${SP}(morning|afternoon|evening|night))?(?![A-Za-z])`, 'y'),
  accept: (m, text) => !NEWSPAPER_AFTER_WEEKDAY.test(nextWord(text, m.index + m[0].length)),
  span: (m) => {
    // "early Sunday": the modifier is not part of the weekday's value; keep it out of the span.
    const mod = m[1]?.toLowerCase();
    if (mod === 'early' || mod === 'late') return [m[0].indexOf(m[2]), m[0].length];
    return [0, m[0].length];
  },
  resolve: (m, ctx, start, end) => {
    const wd = weekdayIndex(m[2]);
    const mod = m[1]?.toLowerCase();
    const part = m[3] ? PART_OF_DAY[m[3]] : '';
    const type: TimexType = part ? 'TIME' : 'DATE';
    const suffix = part ? `T${part}` : '';
    const partText = m[3] ? ` ${m[3]}` : '';
    if (ctx.pub === null) {
      return {
        type,
        value: `XXXX-WXX-${wd}${suffix}`,
        explanation: `weekday${partText}; ${UNKNOWN}, so only the day of the week is known`,
        relative: true,
      };
    }
    const pub = ctx.pub;
    const pwd = isoWeekday(pub);
    let n: number;
    let why: string;
    if (mod === 'last' || mod === 'past') {
      n = pub - ((pwd - wd + 7) % 7 || 7);
      why = `"${mod} ${m[2]}": the latest ${m[2]} before the publication date ${ctx.pubStr}`;
    } else if (mod === 'next' || mod === 'coming') {
      n = pub + ((wd - pwd + 7) % 7 || 7);
      why = `"${mod} ${m[2]}": the first ${m[2]} after the publication date ${ctx.pubStr}`;
    } else if (mod === 'this') {
      n = pub - pwd + wd;
      why = `"this ${m[2]}": the ${m[2]} of the publication week (${ctx.pubStr})`;
    } else if (DEADLINE_WORDS.has(prevWord(ctx.text, start))) {
      [n, why] = deadlineWeekday(ctx, start, end, wd, m[2]);
    } else {
      const tense = tenseAt(ctx, start, end);
      const back = (pwd - wd + 7) % 7,
        ahead = (wd - pwd + 7) % 7;
      if (tense === 'present' && ahead < back) {
        n = pub + ahead;
        why =
          `bare weekday in a present-tense sentence: the nearest ${m[2]}, on or after the publication ` +
          `date ${ctx.pubStr}`;
      } else if (tense === 'future') {
        n = pub + ((wd - pwd + 7) % 7);
        why =
          `bare weekday in a future-tense sentence: the first ${m[2]} on or after the publication ` +
          `date ${ctx.pubStr}`;
      } else {
        n = pub - ((pwd - wd + 7) % 7);
        why =
          `bare weekday in a ${leanWord(tense)}: the latest ${m[2]} on or before the publication ` +
          `date ${ctx.pubStr}`;
      }
    }
    return { type, value: formatDay(n) + suffix, explanation: why + (part ? `, ${m[3]}` : ''), relative: true, day: n };
  },
});

/** Words that make a weekday a deadline or a limit: "by Friday", "until Monday", "before Thursday". */
const DEADLINE_WORDS: ReadonlySet<string> = new Set(['by', 'until', 'till', 'before']);
/** An obligation or a time allowed, just before the deadline: "must pay by", "has until", "are due by". */
const OBLIGATION_RE = /\b(?:must|should|need(?:s)? to|ha(?:s|ve) (?:to|until)|ought to|(?:is|are) due|due)\b[^.;]*$/i;
/**
 * What is expected or in force now, just before the limit: an expectation in the present ("REN expects them back by
 * Sunday", "hopes to finish before Friday") or a present perfect whose result holds ("AEMET has issued warnings until
 * Saturday", "roads have been closed until Monday"). Either runs ahead of the report, whatever verb of saying in the
 * past frames it ("told RTP the operator expects …").
 */
const IN_FORCE_RE = new RegExp(
  String.raw`\b(?:(?:expects?|hopes?|aims?|wants?|promises?|vows?|pledges?|intends?|predicts?|forecasts?|` +
    String.raw`(?:is|are) expected|(?:is|are) likely)|` +
    String.raw`ha(?:s|ve)(?: not| also| now| already)? (?:been )?\w+(?:ed|en|un|wn|t))\b[^.;]*$`,
  'i',
);

/**
 * A weekday after "by", "until", "before": a limit lies ahead unless the clause is told in the past ("the board had
 * approved it by Friday" is the Friday gone; "the firm must pay by Friday", "talks continue until Monday", "voters
 * have until Monday" are the next one). An obligation right before the limit wins over a verb of saying in the past
 * ("officials said the company must pay by Friday").
 */
/** The clause the limit ends: from the last comma, semicolon or dash before it (a limit belongs to its own verb). */
function clauseOf(before: string): string {
  const cut = Math.max(
    before.lastIndexOf(','),
    before.lastIndexOf(';'),
    before.lastIndexOf('—'),
    before.lastIndexOf(' - '),
  );
  return before.slice(cut + 1);
}

function deadlineWeekday(ctx: Ctx, start: number, end: number, wd: number, name: string): [number, string] {
  const pub = ctx.pub as number;
  const pwd = isoWeekday(pub);
  const sent = sentenceAround(ctx, start, end);
  const clause = ctx.text.slice(Math.max(sent.start, start - 80), start);
  // "the company had until Friday to agree": a time allowed, told in the past, still runs ahead of the report.
  const allowed = /\bhad\s+until\s*$/i.test(clause) && /^\s+to\s+\p{Ll}/u.test(ctx.text.slice(end, end + 24));
  const ahead = allowed || OBLIGATION_RE.test(clause) || IN_FORCE_RE.test(clauseOf(clause));
  const tense = ahead ? 'future' : tenseAt(ctx, start, end);
  if (tense === 'past') {
    return [
      pub - ((pwd - wd + 7) % 7),
      `limit "${prevWord(ctx.text, start)} ${name}" in a past-tense sentence: the latest ${name} on or before the ` +
        `publication date ${ctx.pubStr}`,
    ];
  }
  const where = tense === 'future' ? 'sentence about what must or will happen' : leanWord(tense);
  return [
    pub + ((wd - pwd + 7) % 7),
    `limit "${prevWord(ctx.text, start)} ${name}" in a ${where}: a limit lies ahead, the first ${name} on or after ` +
      `the publication date ${ctx.pubStr}`,
  ];
}

// Deictic words: today, yesterday, tomorrow, tonight, now, currently, recently, "these days", "in the future"…
const DEICTIC_PREFIX_FITS: Record<string, RegExp> = {
  more: /^recently$/,
  most: /^recently$/,
  until: /^recently$/,
  till: /^recently$/,
  these: /^days$/,
  the: /^(?:future|past)$/,
};
function deicticPrefix(m: RegExpExecArray): string {
  const pre = m[1]
    ? m[1]
        .trim()
        .split(/[\s\u00a0]+/)[0]
        .toLowerCase()
    : '';
  return pre && DEICTIC_PREFIX_FITS[pre]?.test(m[2].toLowerCase()) ? m[1] : '';
}
rules.push({
  name: 'deictic',
  triggers: [
    'today',
    'tonight',
    'yesterday',
    'tomorrow',
    'now',
    'currently',
    'recently',
    'lately',
    'nowadays',
    'presently',
    'days',
    'future',
    'past',
  ],
  left: new RegExp(`\\b((?:[Mm]ore|[Mm]ost|[Uu]ntil|[Tt]ill|[Tt]hese|[Tt]he)${SP})$`),
  re: new RegExp(
    String.raw`\b([Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow|[Nn]ow|[Cc]urrently|[Rr]ecently` +
      String.raw`|[Ll]ately|[Nn]owadays|[Pp]resently|days|future|past)(?![A-Za-z]|-[a-z])`,
    'y',
  ),
  accept: (m, text) => {
    const pre = deicticPrefix(m);
    const core = m[2].toLowerCase();
    if (core === 'days' || core === 'future' || core === 'past') {
      if (!pre) return false;
      if (core !== 'days') {
        const pw = prevWord(text, m.index);
        // "in the past season", "the past two years": an adjective, not the vague past.
        const nw = nextWord(text, m.index + m[0].length).toLowerCase();
        if (
          new RegExp(
            String.raw`^(?:season|seasons|term|session|round|game|games|decade|century|few|several|couple` +
              String.raw`|\d.*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)$`,
          ).test(nw)
        )
          return false;
        return pw === 'in' || pw === 'for';
      }
    }
    return true;
  },
  span: (m) => [m[1] ? m[1].length - deicticPrefix(m).length : 0, m[0].length],
  resolve: (m, ctx, start, end) => {
    const w = ctx.text
      .slice(start, end)
      .toLowerCase()
      .replace(/[\s\u00a0]+/g, ' ');
    const offsets: Record<string, number> = { today: 0, tonight: 0, yesterday: -1, tomorrow: 1 };
    if (w in offsets) {
      const off = offsets[w];
      const suffix = w === 'tonight' ? 'NI' : '';
      const type: TimexType = suffix ? 'TIME' : 'DATE';
      if (ctx.pub === null)
        return {
          type,
          value: `XXXX-XX-XX${suffix ? 'T' + suffix : ''}`,
          explanation: `"${w}"; ${UNKNOWN}`,
          relative: true,
        };
      const n = ctx.pub + off;
      const rel =
        off === 0
          ? 'the publication date'
          : off < 0
            ? 'the day before the publication date'
            : 'the day after the publication date';
      return {
        type,
        value: formatDay(n) + (suffix ? 'T' + suffix : ''),
        explanation: `"${w}" is ${rel} ${ctx.pubStr}${suffix ? ', at night' : ''}`,
        relative: true,
        day: n,
      };
    }
    if (w.includes('recently') || w === 'lately' || w === 'the past') {
      return { type: 'DATE', value: 'PAST_REF', explanation: `"${w}" refers vaguely to the past`, relative: false };
    }
    if (w === 'the future')
      return {
        type: 'DATE',
        value: 'FUTURE_REF',
        explanation: '"the future" refers vaguely to the future',
        relative: false,
      };
    return {
      type: 'DATE',
      value: 'PRESENT_REF',
      explanation: `"${w}" refers to the present, around the publication date`,
      relative: false,
    };
  },
});

// Calendar units relative to the publication date: "last week", "later this month", "this morning",
// "the past decade" (a duration), "the last quarter", "next year", "the end of this year".
rules.push({
  name: 'relative-unit',
  left: new RegExp(
    `(?:\\b((?:[Ll]ater|[Ee]arlier|[Ee]arly|[Ll]ate|[Mm]id)(?:-|${SP}))|\\b[Tt]he${SP}(end|beginning|start|middle|re` +
      `st|remainder)${SP}of${SP})?(?:\\b([Tt]he)${SP})?$`,
  ),
  re: new RegExp(
    `\\b([Tt]his|[Ll]ast|[Nn]ext|[Pp]ast|[Pp]revious|[Pp]receding|[Ff]ollowing|[Cc]oming|[Cc]urrent)${SP}(week|weeke` +
      `nd|month|year|quarter|decade|century|morning|afternoon|evening|night)(?![A-Za-z])`,
    'y',
  ),
  triggers: ['this', 'last', 'next', 'past', 'previous', 'preceding', 'following', 'coming', 'current'],
  // "the following morning" is anaphoric-day's.
  accept: (m) =>
    !(m[3] && m[4].toLowerCase() === 'this') &&
    !(/^(?:following|preceding)$/i.test(m[4]) && PART_OF_DAY[m[5].toLowerCase()]),
  resolve: (m, ctx, start, end) => resolveRelativeUnit(m, ctx, start, end),
});

// "the beginning of the year", "the end of the month": the current one.
rules.push({
  name: 'edge-of-current-unit',
  triggers: ['end', 'beginning', 'start', 'middle'],
  left: new RegExp(`\\b[Tt]he${SP}$`),
  needLeft: true,
  re: new RegExp(
    `\\b(end|beginning|start|middle)${SP}of${SP}the${SP}(week|month|year|quarter|decade)(?![A-Za-z])`,
    'y',
  ),
  resolve: (m, ctx, start, end) => {
    const unit = m[2];
    const fake = ['', undefined, m[1], undefined, 'this', unit] as unknown as RegExpExecArray;
    const r = resolveRelativeUnit(fake, ctx, start, end);
    return r && { ...r, explanation: `${m[1]} of the current ${unit}: ${r.explanation}` };
  },
});

/**
 * What a unit is counted from: the latest year (Y) or month (M) named, else the day last mentioned, else the
 * publication date. `base` is that day (anchor day or publication date).
 */
function anchorFor(ctx: Ctx, base: number, grain: 'Y' | 'M' | 'D'): { b: { y: number; m: number }; from: string } {
  if (grain === 'Y' && ctx.anchorYear !== null)
    return { b: { y: ctx.anchorYear, m: ctx.anchorMonth ?? 1 }, from: `the year last mentioned (${ctx.anchorYear})` };
  if (grain === 'M' && ctx.anchorYear !== null && ctx.anchorMonth !== null) {
    return {
      b: { y: ctx.anchorYear, m: ctx.anchorMonth },
      from: `the month last mentioned (${formatMonth(ctx.anchorYear, ctx.anchorMonth)})`,
    };
  }
  return {
    b: civil(base),
    from: ctx.anchorDay !== null ? `the day last mentioned (${formatDay(base)})` : `the publication date ${ctx.pubStr}`,
  };
}

/** TIMEX3 values of a calendar unit whose position is unknown (no date to count from). */
const VAGUE_UNIT: Record<string, string> = {
  week: 'XXXX-WXX',
  weekend: 'XXXX-WXX-WE',
  month: 'XXXX-XX',
  year: 'XXXX',
  quarter: 'XXXX-QX',
  decade: 'XXX',
  century: 'XX',
};

/**
 * "the previous year", "the following week": the unit before or after the one of the day last mentioned
 * (else of the publication date), a date as TimeML has it; "the past year" stays a duration ending now.
 */
function anaphoricUnit(ctx: Ctx, which: string, unit: string, words = `the ${which} ${unit}`): Resolved {
  const dir = which === 'following' || which === 'after' ? 1 : which === 'same' || which === 'that' ? 0 : -1;
  const base = ctx.anchorDay ?? ctx.pub;
  if (base === null)
    return {
      type: 'DATE',
      value: unit === 'day' ? 'XXXX-XX-XX' : VAGUE_UNIT[unit],
      explanation: `"${words}" refers to a time mentioned before; ${UNKNOWN}`,
      relative: true,
    };
  if (unit === 'day') {
    const from =
      ctx.anchorDay !== null ? `the day last mentioned (${formatDay(base)})` : `the publication date ${ctx.pubStr}`;
    return dayResult(
      base + dir,
      `"${words}": ${dir < 0 ? 'the day before' : dir > 0 ? 'the day after' : 'the same day as'} ${from}`,
      true,
    );
  }
  const { b, from } = anchorFor(
    ctx,
    base,
    unit === 'year' || unit === 'decade' || unit === 'century'
      ? 'Y'
      : unit === 'month' || unit === 'quarter'
        ? 'M'
        : 'D',
  );
  const why =
    `"${words}":` +
    ` ${dir < 0 ? `the ${unit} before the one of` : dir > 0 ? `the ${unit} after the one of` : `the ${unit} of`}` +
    ` ${from}`;
  let value: string;
  if (unit === 'week') value = formatWeek(base + 7 * dir);
  else if (unit === 'weekend') value = `${formatWeek(base + 7 * dir)}-WE`;
  else if (unit === 'month') {
    const r = addMonths(b.y, b.m, dir);
    value = formatMonth(r.y, r.m);
  } else if (unit === 'quarter') {
    const q0 = b.y * 4 + Math.floor((b.m - 1) / 3) + dir;
    value = `${pad(Math.floor(q0 / 4), 4)}-Q${(q0 % 4) + 1}`;
  } else if (unit === 'decade') value = String(Math.floor(b.y / 10) + dir);
  else if (unit === 'century') value = pad(Math.floor(b.y / 100) + dir, 2);
  else value = pad(b.y + dir, 4);
  return { type: 'DATE', value, explanation: why, relative: true };
}

/** "this morning", "last night": a part of the day of (or the day before) the publication date. */
function partOfDayUnit(ctx: Ctx, which: string, unit: string, dir: number): Resolved | null {
  // "this morning", "last night"
  if (dir === 1 || (dir === -1 && unit !== 'night')) return null;
  const off = dir;
  const type: TimexType = 'TIME';
  if (ctx.pub === null)
    return {
      type,
      value: `XXXX-XX-XXT${PART_OF_DAY[unit]}`,
      explanation: `"${which} ${unit}"; ${UNKNOWN}`,
      relative: true,
    };
  const n = ctx.pub + off;
  return {
    type,
    value: `${formatDay(n)}T${PART_OF_DAY[unit]}`,
    explanation: `"${which} ${unit}": the ${unit} of ${off ? 'the day before ' : ''}the publication date ${ctx.pubStr}`,
    relative: true,
    day: n,
  };
}

/** "last week", "next month", "this decade": the calendar unit before, after or of the publication date. */
function calendarUnit(
  ctx: Ctx,
  pub: number,
  unit: string,
  dir: number,
  whichText: string,
  start: number,
  end: number,
): Resolved | null {
  const p = pubYmd(ctx);
  const pubStr = ctx.pubStr;
  switch (unit) {
    case 'week': {
      const n = pub + 7 * dir;
      return {
        type: 'DATE',
        value: formatWeek(n),
        explanation:
          `"${whichText}": the ISO week ${dir < 0 ? 'before' : dir > 0 ? 'after' : 'of'} the publication ` +
          `date ${pubStr}`,
        relative: true,
      };
    }
    case 'weekend': {
      // The weekend belongs to the ISO week of its Saturday. On Monday or Tuesday "this weekend" in
      // a past-tense sentence is the one just gone.
      let n = pub + 7 * dir;
      const wd = isoWeekday(pub);
      if (dir === 0 && wd <= 2 && tenseAt(ctx, start, end) !== 'future') n -= 7;
      return {
        type: 'DATE',
        value: `${formatWeek(n)}-WE`,
        explanation:
          `"${whichText}": the weekend of the ISO week ${formatWeek(n)}, counted from the publication ` +
          `date ${pubStr}`,
        relative: true,
      };
    }
    case 'month': {
      const r = addMonths(p.y, p.m, dir);
      return {
        type: 'DATE',
        value: formatMonth(r.y, r.m),
        explanation:
          `"${whichText}": the month ${dir < 0 ? 'before' : dir > 0 ? 'after' : 'of'} the publication ` +
          `date ${pubStr}`,
        relative: true,
      };
    }
    case 'year':
      return {
        type: 'DATE',
        value: pad(p.y + dir, 4),
        explanation:
          `"${whichText}": the year ${dir < 0 ? 'before' : dir > 0 ? 'after' : 'of'} the publication ` +
          `date ${pubStr}`,
        relative: true,
      };
    case 'quarter': {
      const q0 = p.y * 4 + Math.floor((p.m - 1) / 3) + dir;
      const y = Math.floor(q0 / 4),
        q = (q0 % 4) + 1;
      return {
        type: 'DATE',
        value: `${pad(y, 4)}-Q${q}`,
        explanation:
          `"${whichText}": the quarter ${dir < 0 ? 'before' : dir > 0 ? 'after' : 'of'} the publication ` +
          `date ${pubStr}`,
        relative: true,
      };
    }
    case 'decade': {
      const d = Math.floor(p.y / 10) + dir;
      return {
        type: 'DATE',
        value: String(d),
        explanation: `"${whichText}": the decade ${d}0–${d}9, counted from the publication date ${pubStr}`,
        relative: true,
      };
    }
    case 'century': {
      const c = Math.floor(p.y / 100) + dir;
      return {
        type: 'DATE',
        value: pad(c, 2),
        explanation: `"${whichText}": the years ${c}00–${c}99, counted from the publication date ${pubStr}`,
        relative: true,
      };
    }
  }
  return null;
}

function resolveRelativeUnit(m: RegExpExecArray, ctx: Ctx, start: number, end: number): Resolved | null {
  const prefix = (m[1] ?? '').toLowerCase().replace(/[-\s]+$/, '');
  const edge = m[2];
  const hasThe = !!m[3];
  const which = m[4].toLowerCase();
  const unit = m[5].toLowerCase();
  if (/^(?:previous|preceding|following)$/.test(which) && !PART_OF_DAY[unit]) return anaphoricUnit(ctx, which, unit);
  const dir =
    which === 'last' || which === 'past' || which === 'previous' ? -1 : which === 'next' || which === 'coming' ? 1 : 0;
  const modText = prefix ? `${prefix} ` : edge ? `the ${edge} of ` : '';
  // "the past decade", "the next year": a stretch of time ending or starting now, not a calendar unit.
  if (hasThe && dir !== 0 && unit !== 'quarter' && unit !== 'weekend' && !PART_OF_DAY[unit]) {
    const value = unit === 'decade' ? 'P10Y' : unit === 'century' ? 'P100Y' : `P1${unit[0].toUpperCase()}`;
    return {
      type: 'DURATION',
      value,
      explanation: `"the ${which} ${unit}": a duration of one ${unit}`,
      relative: false,
    };
  }
  if (PART_OF_DAY[unit]) return partOfDayUnit(ctx, which, unit, dir);
  const whichText = `${modText}${which} ${unit}`;
  if (ctx.pub === null) {
    return { type: 'DATE', value: VAGUE_UNIT[unit], explanation: `"${whichText}"; ${UNKNOWN}`, relative: true };
  }
  return calendarUnit(ctx, ctx.pub, unit, dir, whichText, start, end);
}

// "over the weekend": the latest weekend on or before publication, or the next one in a future-tense sentence.
rules.push({
  name: 'the-weekend',
  triggers: ['weekend'],
  left: new RegExp(`\\b[Tt]he${SP}$`),
  needLeft: true,
  re: /weekend(?![A-Za-z])/y,
  accept: (m, text) => /^(?:over|on|at|during|for|by|until|through|across|after|before)$/.test(prevWord(text, m.index)),
  resolve: (m, ctx, start, end) => {
    if (ctx.pub === null)
      return { type: 'DATE', value: 'XXXX-WXX-WE', explanation: `"the weekend"; ${UNKNOWN}`, relative: true };
    const wd = isoWeekday(ctx.pub);
    const tense = tenseAt(ctx, start, end);
    let n = ctx.pub;
    let why: string;
    if (tense === 'future') {
      why =
        `"the weekend" in a future-tense sentence: the first weekend on or after the publication ` +
        `date ${ctx.pubStr}`;
    } else {
      // Monday to Friday: the weekend before; Saturday or Sunday: this one.
      if (wd <= 5) n -= 7;
      why = `"the weekend" in a ${leanWord(tense)}: the latest weekend on or before the publication date ${ctx.pubStr}`;
    }
    return { type: 'DATE', value: `${formatWeek(n)}-WE`, explanation: why, relative: true };
  },
});

// "on this day": the publication date; "to this day", "this day and age": the present.
rules.push({
  name: 'this-day',
  triggers: ['day'],
  left: new RegExp(`\\b[Tt]his${SP}$`),
  needLeft: true,
  re: /day(?![A-Za-z'’-])/y,
  resolve: (m, ctx, start, end) => {
    const pw = prevWord(ctx.text, start);
    const nw = nextWord(ctx.text, end).toLowerCase();
    if (pw === 'to' || pw === 'until' || pw === 'till' || nw === 'and') {
      return { type: 'DATE', value: 'PRESENT_REF', explanation: '"this day" here means the present', relative: false };
    }
    if (ctx.pub === null)
      return { type: 'DATE', value: 'XXXX-XX-XX', explanation: `"this day"; ${UNKNOWN}`, relative: true };
    return dayResult(ctx.pub, `"this day" is the publication date ${ctx.pubStr}`, true);
  },
});

// Anaphoric days: "that morning", "the next day", "the same day" — anchored on the latest day mentioned.
rules.push({
  name: 'anaphoric-day',
  triggers: ['day', 'morning', 'afternoon', 'evening', 'night'],
  left: new RegExp(`\\b([Tt]hat|[Tt]he${SP}same|[Tt]he${SP}previous|[Tt]he${SP}following|[Tt]he${SP}next)${SP}$`),
  needLeft: true,
  re: new RegExp(`\\b(day|morning|afternoon|evening|night)(?![A-Za-z])`, 'y'),
  accept: (m, text) => {
    // "the next day" as a subject ("the next day was…") is still a date; "that day" after "one"/"a" is not here.
    return (
      !/^(?:when|that|before|after)$/i.test(nextWord(text, m.index + m[0].length)) || m[1].toLowerCase() !== 'that'
    );
  },
  resolve: (m, ctx) => {
    const which = m[1].toLowerCase().replace(/\s+/g, ' ');
    const off = which.endsWith('previous') ? -1 : which.endsWith('following') || which.endsWith('next') ? 1 : 0;
    const part = PART_OF_DAY[m[2]];
    const type: TimexType = part ? 'TIME' : 'DATE';
    const suffix = part ? `T${part}` : '';
    const base = ctx.anchorDay ?? ctx.pub;
    if (base === null)
      return {
        type,
        value: `XXXX-XX-XX${suffix}`,
        explanation: `"${which} ${m[2]}" refers to a day mentioned before; ${UNKNOWN}`,
        relative: true,
      };
    const n = base + off;
    const from =
      ctx.anchorDay !== null ? `the day last mentioned (${formatDay(base)})` : `the publication date ${ctx.pubStr}`;
    return {
      type,
      value: formatDay(n) + suffix,
      explanation:
        `"${which} ${m[2]}" refers back ` +
        `to ${from}${off ? (off < 0 ? ', one day earlier' : ', one day later') : ''}`,
      relative: true,
      day: n,
    };
  },
});

// "that year", "the same month": the unit of the time last mentioned ("that day" is anaphoric-day's).
rules.push({
  name: 'anaphoric-unit',
  triggers: ['week', 'month', 'year', 'quarter'],
  left: new RegExp(`\\b([Tt]hat|[Tt]he${SP}same)${SP}$`),
  needLeft: true,
  re: /(week|month|year|quarter)(?![A-Za-z-])/y,
  resolve: (m, ctx) => anaphoricUnit(ctx, 'same', m[2], `${m[1].toLowerCase().replace(/\s+/g, ' ')} ${m[2]}`),
});

// "the day before", "the year after," at the end of a clause: one unit from the time last mentioned
// ("the day before the vote" is the vote's, not a date of its own).
rules.push({
  name: 'unit-before-after',
  triggers: ['day', 'week', 'month', 'year'],
  left: new RegExp(`\\b[Tt]he${SP}$`),
  needLeft: true,
  re: new RegExp(`(day|week|month|year)${SP}(before|after)(?=[ \\t]*(?:[,.;:)]|$))`, 'y'),
  resolve: (m, ctx) => anaphoricUnit(ctx, m[2], m[1], `the ${m[1]} ${m[2]}`),
});

// "in the morning", "during the afternoon": that part of the day last mentioned (else of the publication date),
// as TimeML marks it; "the morning session", "the morning of May 3" are left to other readings.
rules.push({
  name: 'part-of-day',
  triggers: ['morning', 'afternoon', 'evening'],
  left: new RegExp(`\\b([Ii]n|[Dd]uring|[Tt]hroughout|[Bb]y|[Uu]ntil|[Ee]arly${SP}in|[Ll]ate${SP}in)${SP}(the)${SP}$`),
  needLeft: true,
  re: /(morning|afternoon|evening)(?![A-Za-z-])/y,
  accept: (m, text) =>
    !new RegExp(
      String.raw`^(?:of|session|sessions|trading|papers?|news|shows?|editions?|rush|commute|shift` +
        String.raw`|meetings?|light|sun|star|prayers?|service)$`,
      'i',
    ).test(nextWord(text, m.index + m[0].length)),
  span: (m) => [m[0].lastIndexOf(m[2], m[0].length - m[3].length), m[0].length],
  resolve: (m, ctx) => {
    const part = PART_OF_DAY[m[3]];
    const base = ctx.anchorDay ?? ctx.pub;
    if (base === null)
      return {
        type: 'TIME',
        value: `XXXX-XX-XXT${part}`,
        explanation: `"the ${m[3]}" of a day not named; ${UNKNOWN}`,
        relative: true,
      };
    const from =
      ctx.anchorDay !== null ? `the day last mentioned (${formatDay(base)})` : `the publication date ${ctx.pubStr}`;
    return {
      type: 'TIME',
      value: `${formatDay(base)}T${part}`,
      explanation: `"the ${m[3]}" of ${from}`,
      relative: true,
      day: base,
    };
  },
});

const ANCHORED_DIRECTION = /^(?:earlier|later|before|after)$/;

/**
 * "three days later": n units after (or before) the day last mentioned, else the publication date, at the unit's
 * granularity.
 */
function offsetFromAnchor(
  ctx: Ctx,
  n: number | null,
  u: { code: string; factor: number },
  direction: string,
  words: string,
): Resolved {
  const sign = direction === 'earlier' || direction === 'before' ? -1 : 1;
  // Without a day or publication date, a year (or month) named before is still something to count from.
  const coarse = (u.code === 'Y' && ctx.anchorYear !== null) || (u.code === 'M' && ctx.anchorMonth !== null);
  const base =
    ctx.anchorDay ?? ctx.pub ?? (coarse ? dayNumber(ctx.anchorYear as number, ctx.anchorMonth ?? 1, 1) : null);
  if (base === null || n === null || !Number.isInteger(n * u.factor)) {
    const why = base === null ? UNKNOWN : 'the amount is vague';
    return {
      type: 'DATE',
      value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF',
      explanation: `"${words}" counted from an earlier date, but ${why}`,
      relative: base !== null,
    };
  }
  const k = n * u.factor * sign;
  const { b, from } = anchorFor(ctx, base, u.code === 'Y' ? 'Y' : u.code === 'M' ? 'M' : 'D');
  const why = `"${words}" counted from ${from}`;
  if (u.code === 'Y') return { type: 'DATE', value: pad(b.y + k, 4), explanation: why, relative: true };
  if (u.code === 'M') {
    const r = addMonths(b.y, b.m, k);
    return { type: 'DATE', value: formatMonth(r.y, r.m), explanation: why, relative: true };
  }
  if (u.code === 'W') return { type: 'DATE', value: formatWeek(base + 7 * k), explanation: why, relative: true };
  return dayResult(base + k, why, true);
}

// Numbered durations: "12 years", "a dozen years", "almost two and a half years", "27-year", "the next four years",
// "one year ago" (a date), "15 a year" (a set).
rules.push({
  name: 'quantity-unit',
  left: new RegExp(
    `(?:\\b((?:almost|nearly|about|around|roughly|approximately)${SP}))?(?:\\b((?:the${SP})?(?:past|last|next|coming` +
      `|previous|first|final|following|ensuing))${SP})?\\b(${QUANTITY})(?:${SP}|-)$`,
    'i',
  ),
  needLeft: true,
  triggers: TRIG_UNITS,
  // "two days later", "a year earlier", "three weeks before.": a date counted from the day last mentioned
  // (TimeML); "two days before the vote" stays a duration, its anchor being the event.
  re: new RegExp(
    `\\b(${UNIT})(?![A-Za-z])(?:(-long|-old)|${SP}(ago|from${SP}now|hence|earlier|later|(?:before|after)(?=[ \\t]*(?` +
      `:[,.;:)]|$)))(?![A-Za-z]))?`,
    'y',
  ),
  accept: (m, text) => {
    const q = m[3].toLowerCase();
    const u = m[4].toLowerCase();
    if ((q === 'a' || q === 'an') && u.startsWith('sec')) return false; // "a second time"
    if ((q === 'a' || q === 'an') && u.startsWith('quarter')) return false; // "a quarter of"
    // "a decades-old row"
    if ((q === 'a' || q === 'an' || q === 'one') && /(?:s|ies)$/.test(u) && u !== 'hrs' && u !== 'mins') return false;
    // "at 1100 hrs": a military clock time, not a duration (see time-military).
    if (/^h/.test(u) && /^(?:[01]\d|2[0-3])[0-5]\d$/.test(q)) return false;
    if (u.startsWith('quarter') && !/^\d|^(?:one|two|three|four|five|six|seven|eight|several|few)$/.test(q))
      return false;
    // "1,000 years": a number ending in a thousands group is fine; "3.5" fine; but not "A380 5 years"
    if (m.index > 0 && /[\d,.]/.test(text[m.index - 1]) && /^\d/.test(q)) return false;
    return true;
  },
  // "two hours later": too fine to date, so a duration whose signal ("later") is not part of it.
  span: (m) => [
    0,
    m[6] && ANCHORED_DIRECTION.test(m[6]) && unitCode(m[4]).time
      ? m[0].slice(0, m[0].length - m[6].length).trimEnd().length
      : m[0].length,
  ],
  resolve: (m, ctx, start) => {
    const qRaw = m[3];
    const n = quantityValue(qRaw);
    const unitRaw = m[4];
    const u = unitCode(unitRaw);
    const direction = m[6]?.toLowerCase();
    const ql = qRaw.toLowerCase();
    if (direction && ANCHORED_DIRECTION.test(direction)) {
      if (!u.time) return offsetFromAnchor(ctx, n, u, direction, `${qRaw} ${unitRaw} ${direction}`);
    } else if (direction) {
      const sign = direction === 'ago' ? -1 : 1;
      if (ctx.pub === null || n === null || !Number.isInteger(n * u.factor) || u.time) {
        const value = sign < 0 ? 'PAST_REF' : 'FUTURE_REF';
        const why = ctx.pub === null ? UNKNOWN : n === null ? 'the amount is vague' : 'the offset is too fine to place';
        return {
          type: 'DATE',
          value,
          explanation: `"${m[0]}" counted from the publication date, but ${why}`,
          relative: ctx.pub !== null,
        };
      }
      const k = n * u.factor * sign;
      const p = pubYmd(ctx);
      const base = `"${qRaw} ${unitRaw} ${direction}" counted from the publication date ${ctx.pubStr}`;
      if (u.code === 'Y') return { type: 'DATE', value: pad(p.y + k, 4), explanation: base, relative: true };
      if (u.code === 'M') {
        const r = addMonths(p.y, p.m, k);
        return { type: 'DATE', value: formatMonth(r.y, r.m), explanation: base, relative: true };
      }
      if (u.code === 'W')
        return { type: 'DATE', value: formatWeek(ctx.pub + 7 * k), explanation: base, relative: true };
      return dayResult(ctx.pub + k, base, true);
    }
    // "I'd one day have the chance", "One day, he walked in": an indefinite day, not a length of time.
    if (ql === 'one' && unitRaw.toLowerCase() === 'day' && !m[1] && !m[2]) {
      const pw = prevWord(ctx.text, start);
      const nw = nextWord(ctx.text, start + m[0].length).toLowerCase();
      if (
        !/^(?:for|in|after|within|than|about|only|just|over|of|the|a|on|by|per|each|every|least)$/.test(pw) &&
        !/^(?:after|before|later|earlier|ago|of|and|or|to|off|-)$/.test(nw)
      ) {
        const future = tenseAt(ctx, start, start + m[0].length) !== 'past';
        return {
          type: 'DATE',
          value: future ? 'FUTURE_REF' : 'PAST_REF',
          explanation: `"one day" as an indefinite ${future ? 'future' : 'past'} day`,
          relative: false,
        };
      }
    }
    // "15 a year", "twice a month": a frequency.
    if (ql === 'a' || ql === 'an') {
      const pw = prevWord(ctx.text, start);
      // "in 2007, a decade after": a number that ends a clause is not the amount of a rate.
      if (
        !/[,.]$/.test(pw) &&
        new RegExp(
          String.raw`^(?:\d[\d,.]*%?|once|twice|thrice|times|percent|\$[\d,.]+|[\d,.]+bn|[\d,.]+m|million` +
            String.raw`|billion|trillion|thousand|hundred|dollars|euros|pounds|yen|yuan|won|cents|each|apiece|hours` +
            String.raw`|days|nights|weeks|months)$`,
        ).test(pw)
      ) {
        return {
          type: 'SET',
          value: durationValue(1, unitRaw),
          explanation: `a frequency: once per ${unitRaw.toLowerCase()}`,
          relative: false,
        };
      }
    }
    const value = durationValue(n, unitRaw);
    let unitText = unitRaw.toLowerCase();
    if (n !== 1 && !unitText.endsWith('s')) unitText = unitText === 'century' ? 'centuries' : unitText + 's';
    const qText = qRaw.toLowerCase().replace(/[\s\u00a0]+/g, ' ');
    return {
      type: 'DURATION',
      value,
      explanation: n === null ? `a vague number of ${unitText}` : `a duration of ${qText} ${unitText} (${value})`,
      relative: false,
    };
  },
});

// Bare plural units with a cue: "for years", "over the years", "in recent weeks", "decades-long", "hours before".
rules.push({
  name: 'vague-units',
  left: new RegExp(
    `\\b((?:[Oo]ver|[Ii]n|[Ff]or|[Dd]uring|[Ww]ithin)${SP}the${SP}(?:past|last|coming|next|following)|[Ii]n${SP}rece` +
      `nt|[Oo]ver${SP}the|[Ii]n${SP}previous)${SP}$`,
    'i',
  ),
  triggers: ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'decades', 'centuries'],
  re: new RegExp(`\\b(years|months|weeks|days|hours|minutes|decades|centuries)(-long|-old)?(?![A-Za-z])`, 'yi'),
  accept: (m, text) => {
    if (m[1] || m[3]) return true;
    const pw = prevWord(text, m.index);
    // "the early hours", "office hours", "after hours trading": times of day, not stretches of time.
    if (/^(?:early|late|small|wee|opening|closing|business|working|office|peak|rush|visiting|waking)$/.test(pw))
      return false;
    if (nextWord(text, m.index + m[0].length).toLowerCase() === 'trading') return false;
    if (/^(?:for|after|within|in|of|many|several|few|recent|past|the|last|two|three|four)$/.test(pw)) {
      // "the years" alone is not vague enough to be an expression; numbers belong to quantity-unit.
      if (pw !== 'the') return true;
    }
    const nw = nextWord(text, m.index + m[0].length).toLowerCase();
    return /^(?:before|after|earlier|later|ago|of)$/.test(nw);
  },
  span: (m) => {
    const cue = m[1] ?? '';
    // Keep "recent"/"the past" (they bound the stretch) but not the preposition.
    const low = cue.toLowerCase();
    const keepFrom =
      low.indexOf('the') >= 0
        ? low.indexOf('the')
        : low.indexOf('recent') >= 0
          ? low.indexOf('recent')
          : low.indexOf('previous') >= 0
            ? low.indexOf('previous')
            : cue.length
              ? -1
              : 0;
    return [keepFrom < 0 ? m[0].indexOf(m[2], cue.length) : keepFrom, m[0].length];
  },
  resolve: (m, ctx, start, end) => {
    const unit = m[2].toLowerCase();
    if (nextWord(ctx.text, end).toLowerCase() === 'ago') {
      return {
        type: 'DATE',
        value: 'PAST_REF',
        explanation: `"${unit} ago": a vague time in the past`,
        relative: false,
      };
    }
    return {
      type: 'DURATION',
      value: durationValue(null, unit),
      explanation: `an unspecified number of ${unit}`,
      relative: false,
    };
  },
});

// Sets: "every year", "each week", "every Monday", "every two years", "per year"
rules.push({
  name: 'set-every',
  re: new RegExp(
    `\\b(every|each|per)${SP}(?:(other|${QUANTITY})${SP})?(years?|months?|weeks?|days?|hours?|minutes?|nights?|morni` +
      `ngs?|evenings?|afternoons?|weekends?|quarters?|decades?|${WEEKDAY})(?![A-Za-z])`,
    'yi',
  ),
  triggers: ['every', 'each', 'per'],
  accept: (m) => !(m[2] && /^(?:a|an|few|a few|several|many)$/i.test(m[2])),
  resolve: (m) => {
    const unit = m[3];
    const wd = weekdayIndex(unit);
    if (/^[A-Z]/.test(unit) && wd > 0 && /day$/i.test(unit) && unit.length > 5) {
      return { type: 'SET', value: `XXXX-WXX-${wd}`, explanation: `every ${WEEKDAY_NAMES[wd - 1]}`, relative: false };
    }
    const low = unit.toLowerCase().replace(/s$/, '');
    if (PART_OF_DAY[low])
      return { type: 'SET', value: `XXXX-XX-XXT${PART_OF_DAY[low]}`, explanation: `every ${low}`, relative: false };
    if (low === 'weekend') return { type: 'SET', value: 'XXXX-WXX-WE', explanation: 'every weekend', relative: false };
    let n: number | null = 1;
    if (m[2]) n = m[2].toLowerCase() === 'other' ? 2 : quantityValue(m[2]);
    if (n === null) return null;
    return {
      type: 'SET',
      value: durationValue(n, low),
      explanation: `a frequency: ${m[0].toLowerCase()}`,
      relative: false,
    };
  },
});

rules.push({
  name: 'set-adverb',
  triggers: [
    'daily',
    'weekly',
    'monthly',
    'yearly',
    'annually',
    'annual',
    'quarterly',
    'hourly',
    'nightly',
    'fortnightly',
    'biannually',
    'biennial',
  ],
  lowerOnly: true,
  re: new RegExp(
    String.raw`\b(daily|weekly|monthly|yearly|annually|annual|quarterly|hourly|nightly|fortnightly` +
      String.raw`|biannually|biennial)(?![A-Za-z])`,
    'y',
  ),
  resolve: (m) => {
    const w = m[1];
    const v: Record<string, string> = {
      daily: 'P1D',
      weekly: 'P1W',
      monthly: 'P1M',
      yearly: 'P1Y',
      annually: 'P1Y',
      annual: 'P1Y',
      quarterly: 'P3M',
      hourly: 'PT1H',
      nightly: 'P1D',
      fortnightly: 'P2W',
      biannually: 'P6M',
      biennial: 'P2Y',
    };
    return { type: 'SET', value: v[w], explanation: `"${w}": a regular frequency`, relative: false };
  },
});

// Seasons: "spring", "last summer", "the winter of 2022"
rules.push({
  name: 'season',
  left: new RegExp(`(?:\\b([Tt]his|[Ll]ast|[Nn]ext|[Ee]arly|[Ll]ate|[Tt]he)${SP}|\\b([Mm]id)-?)$`),
  triggers: ['spring', 'summer', 'autumn', 'fall', 'winter'],
  re: new RegExp(
    `\\b(spring|summer|autumn|fall|winter|Spring|Summer|Autumn|Fall|Winter)(?:${SP}(?:of${SP})?(${YEAR})(?!\\d))?(?!` +
      `[A-Za-z])`,
    'y',
  ),
  accept: (m, text) => {
    const word = m[3];
    const mod = (m[1] ?? m[2] ?? '').toLowerCase();
    const after = m.index + m[0].length;
    const nw = nextWord(text, after);
    if (isUpper(word[0])) {
      // "Arab Spring", "Winter Olympics": part of a name.
      const at = m.index + m[0].indexOf(word);
      if (!mod && /[A-Z][A-Za-z]*[ \t\u00a0]+$/.test(text.slice(Math.max(0, at - 30), at))) return false;
      if (/^[A-Z]/.test(nw) && !m[4]) return false;
    }
    if (word.toLowerCase() === 'fall') {
      if (m[4] || /^(?:this|last|next|early|late|mid)$/.test(mod)) return true;
      return (
        mod === 'the' &&
        /^(?:in|during|by|this|until|since)$/.test(prevWord(text, m.index)) &&
        nw.toLowerCase() !== 'of'
      );
    }
    if (nw.toLowerCase() === 'of' && !m[4])
      return mod !== 'the' ? true : /^(?:in|during|by|this|until|since|of)$/.test(prevWord(text, m.index));
    return true;
  },
  resolve: (m, ctx, start, end) => {
    const s = SEASONS[m[3].toLowerCase()];
    const mod = (m[1] ?? m[2] ?? '').toLowerCase();
    if (m[4])
      return {
        type: 'DATE',
        value: `${m[4]}-${s.code}`,
        explanation: `the ${m[3].toLowerCase()} of ${m[4]}`,
        relative: false,
      };
    if (ctx.pub === null)
      return {
        type: 'DATE',
        value: `XXXX-${s.code}`,
        explanation: `season without a year; ${UNKNOWN}`,
        relative: true,
      };
    const p = pubYmd(ctx);
    const cur = seasonOfMonth(p.m);
    // A season year runs spring to winter, and YYYY-WI is the winter that begins in December of YYYY:
    // in January or February the current season is the winter of the year before.
    const curYear = p.m <= 2 ? p.y - 1 : p.y;
    let y = curYear;
    let why: string;
    if (mod === 'last') {
      y = s.index >= cur ? curYear - 1 : curYear;
      why = `"last ${m[3]}": the latest one before the publication date ${ctx.pubStr}`;
    } else if (mod === 'next') {
      y = s.index <= cur ? curYear + 1 : curYear;
      why = `"next ${m[3]}": the first one after the publication date ${ctx.pubStr}`;
    } else if (mod === 'this') {
      why = `"this ${m[3]}": the one of the season year of the publication date ${ctx.pubStr}`;
    } else {
      const tense = tenseAt(ctx, start, end);
      const diff = s.index - cur;
      if (tense === 'past') {
        if (diff > 0) y--;
      } else if (tense === 'future') {
        if (diff < 0) y++;
      } else if (diff > 2) y--;
      else if (diff < -2) y++;
      const how =
        tense === 'past' ? 'the latest one up to' : tense === 'future' ? 'the first one from' : 'the one nearest to';
      why = `season without a year in a ${leanWord(tense)}: ${how} the publication date ${ctx.pubStr}`;
    }
    return { type: 'DATE', value: `${pad(y, 4)}-${s.code}`, explanation: why, relative: true };
  },
});

// Quarters: "the fourth quarter", "Q1 2023", "the third quarter of 2022"
function resolveQuarter(
  ctx: Ctx,
  q: number,
  yr: string | undefined,
  which: string | undefined,
  start: number,
  end: number,
): Resolved {
  if (yr) return { type: 'DATE', value: `${yr}-Q${q}`, explanation: `quarter ${q} of ${yr}`, relative: false };
  if (ctx.pub === null)
    return { type: 'DATE', value: `XXXX-Q${q}`, explanation: `quarter without a year; ${UNKNOWN}`, relative: true };
  const p = pubYmd(ctx);
  const cq = Math.floor((p.m - 1) / 3) + 1;
  let y = p.y;
  if (which) y += which === 'last' ? -1 : which === 'next' ? 1 : 0;
  else if (q > cq && tenseAt(ctx, start, end) !== 'future') y--;
  return {
    type: 'DATE',
    value: `${pad(y, 4)}-Q${q}`,
    explanation:
      `quarter ${q} without a year: the latest one that has begun by the publication date ${ctx.pubStr}, ` +
      `unless the sentence looks ahead`,
    relative: true,
  };
}
const ORDINAL_QUARTER: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
};
rules.push({
  name: 'quarter',
  triggers: ['quarter'],
  left: new RegExp(
    `(?:\\b[Tt]he${SP})?\\b(first|second|third|fourth|1st|2nd|3rd|4th|First|Second|Third|Fourth)(?:${SP}|-)$`,
  ),
  needLeft: true,
  re: new RegExp(
    `quarter(?:${SP}(?:of${SP})?(?:(?:fiscal${SP})?(${YEAR})(?!\\d)|(this|last|next)${SP}year))?(?![A-Za-z])`,
    'y',
  ),
  resolve: (m, ctx, start, end) => resolveQuarter(ctx, ORDINAL_QUARTER[m[1].toLowerCase()], m[2], m[3], start, end),
});
rules.push({
  name: 'quarter-q',
  re: new RegExp(`\\bQ([1-4])(?:${SP}(${YEAR}))?(?![A-Za-z\\d])`, 'g'),
  resolve: (m, ctx, start, end) => resolveQuarter(ctx, +m[1], m[2], undefined, start, end),
});

// Halves: "the first half of 2022", "the second half of the year"
rules.push({
  name: 'half-year',
  triggers: ['half'],
  left: new RegExp(`\\b[Tt]he${SP}(first|second|1st|2nd)${SP}$`),
  needLeft: true,
  re: new RegExp(
    `half${SP}of${SP}(?:(${YEAR})(?!\\d)|(?:the|this)${SP}year(?![A-Za-z])|(last|next)${SP}year(?![A-Za-z]))`,
    'y',
  ),
  resolve: (m, ctx) => {
    const h = /^(?:first|1st)$/i.test(m[1]) ? 1 : 2;
    if (m[2]) return { type: 'DATE', value: `${m[2]}-H${h}`, explanation: `half ${h} of ${m[2]}`, relative: false };
    if (ctx.pub === null)
      return { type: 'DATE', value: `XXXX-H${h}`, explanation: `half of a year; ${UNKNOWN}`, relative: true };
    const y = pubYmd(ctx).y + (m[3] === 'last' ? -1 : m[3] === 'next' ? 1 : 0);
    return {
      type: 'DATE',
      value: `${pad(y, 4)}-H${h}`,
      explanation: `half ${h} of ${y}, counted from the publication date ${ctx.pubStr}`,
      relative: true,
    };
  },
});

// Fiscal years: "fiscal 2007", "FY2007"
rules.push({
  name: 'fiscal-year',
  re: new RegExp(`\\b(?:[Ff]iscal(?:${SP}year)?${SP}(${YEAR})|FY${SPO}(${YEAR}|\\d\\d))(?![\\d])`, 'g'),
  resolve: (m) => {
    const y = m[1] ?? (m[2].length === 2 ? String(twoDigitYear(+m[2])) : m[2]);
    return { type: 'DATE', value: `FY${y}`, explanation: `the fiscal year ${y}`, relative: false };
  },
});

// Holidays with a fixed date.
const HOLIDAYS: Record<string, [number, number]> = {
  'christmas eve': [12, 24],
  'christmas day': [12, 25],
  christmas: [12, 25],
  "new year's day": [1, 1],
  "new year's eve": [12, 31],
  halloween: [10, 31],
  "valentine's day": [2, 14],
};
rules.push({
  name: 'holiday',
  triggers: ['christmas', 'new', 'halloween', 'valentine'],
  re: new RegExp(
    `\\b(Christmas${SP}Eve|Christmas${SP}Day|Christmas|New${SP}Year['’]s${SP}(?:Day|Eve)|Halloween|Valentine['’]` +
      `s${SP}Day)(?:,?${SP}(${YEAR})(?!\\d))?(?![A-Za-z])`,
    'y',
  ),
  resolve: (m, ctx, start, end) => {
    const key = m[1].toLowerCase().replace(/\s+/g, ' ').replace('’', "'");
    const [mo, d] = HOLIDAYS[key];
    return resolveExplicitDay(ctx, mo, d, m[2], start, end);
  },
});

// Clock times: "10:30 a.m.", "6 pm", "18:00 UTC", "at 14:30", "noon"
const TZ = '(?:UTC|GMT|Z|[ECMP][SD]T|BST|CET|CEST|JST|KST|IST|HKT|SGT|AEST|AEDT)';
rules.push({
  name: 'time-ampm',
  // "6 p.m." keeps its last dot; "4pm." ends a sentence, so the dot is not part of it.
  re: new RegExp(
    `\\b(\\d{1,2})(?:[:.](\\d{2}))?${SPO}([AaPp])(?:\\.[Mm]\\.?|[Mm])(?![A-Za-z])(?:${SP}(${TZ})(?![A-Za-z]))?`,
    'g',
  ),
  accept: (m) => +m[1] >= 1 && +m[1] <= 12 && (!m[2] || +m[2] < 60),
  resolve: (m, ctx, start, end) => {
    let h = +m[1] % 12;
    if (m[3].toLowerCase() === 'p') h += 12;
    return resolveClock(ctx, h, m[2] ? +m[2] : 0, m[4], start, end);
  },
});
rules.push({
  name: 'time-24h',
  re: new RegExp(`\\b([01]?\\d|2[0-3]):([0-5]\\d)(?![\\d:])(?:${SP}(${TZ}|local${SP}time)(?![A-Za-z]))?`, 'g'),
  accept: (m, text) => !!m[3] || TIME_CUES.has(prevWord(text, m.index)),
  resolve: (m, ctx, start, end) =>
    resolveClock(ctx, +m[1], +m[2], m[3] && m[3].startsWith('local') ? undefined : m[3], start, end),
});
rules.push({
  name: 'time-military',
  re: new RegExp(`\\b([01]\\d|2[0-3])([0-5]\\d)(?:${SP}(hrs|hours))?(?![A-Za-z])(?:${SP}(${TZ})(?![A-Za-z-]))?`, 'g'),
  // "at 1100 hours", "1700 GMT"; a bare four-digit number is a year or an amount.
  accept: (m, text) => !!m[4] || (!!m[3] && TIME_CUES.has(prevWord(text, m.index))),
  resolve: (m, ctx, start, end) => resolveClock(ctx, +m[1], +m[2], m[4], start, end),
});
rules.push({
  name: 'time-word',
  triggers: ['noon', 'midday', 'midnight'],
  re: /\b(noon|midday|midnight)(?![A-Za-z])/iy,
  accept: (m, text) => TIME_CUES.has(prevWord(text, m.index)),
  resolve: (m, ctx, start, end) =>
    m[1].toLowerCase() === 'midnight'
      ? resolveClock(ctx, 24, 0, undefined, start, end)
      : resolveClock(ctx, 12, 0, undefined, start, end),
});

function resolveClock(ctx: Ctx, h: number, min: number, tz: string | undefined, start: number, end: number): Resolved {
  const z = tz === 'UTC' || tz === 'GMT' || tz === 'Z' ? 'Z' : '';
  const clock = `T${pad(h, 2)}:${pad(min, 2)}${z}`;
  // The day: the latest day-granular date mentioned in the same sentence, else the publication date.
  const sent = sentenceAround(ctx, start, end);
  const anchor = ctx.anchorDay !== null && ctx.anchorPos >= sent.start ? ctx.anchorDay : null;
  if (anchor !== null) {
    return {
      type: 'TIME',
      value: formatDay(anchor) + clock,
      explanation: `clock time on ${formatDay(anchor)}, the day named earlier in the sentence`,
      relative: ctx.anchorRelative,
      day: anchor,
    };
  }
  if (ctx.pub === null)
    return {
      type: 'TIME',
      value: `XXXX-XX-XX${clock}`,
      explanation: `clock time; no day is named and ${UNKNOWN}`,
      relative: true,
      clock,
    };
  return {
    type: 'TIME',
    value: formatDay(ctx.pub) + clock,
    explanation: `clock time with no day named: taken to be on the publication date ${ctx.pubStr}`,
    relative: true,
    day: ctx.pub,
    clock,
  };
}

// ---------------------------------------------------------------------------------------------
// The scan.

function overlapsExcluded(excl: Span[], start: number, end: number): boolean {
  let lo = 0,
    hi = excl.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (excl[mid].end <= start) lo = mid + 1;
    else if (excl[mid].start >= end) hi = mid - 1;
    else return true;
  }
  return false;
}

/**
 * Each rule's left context as a sticky lookbehind: tried once, right-to-left, at the start of the core match
 * (instead of an end-anchored regex tried at every position of a slice). Group 1 holds the whole context.
 */
const LEFT_BEHIND: ReadonlyMap<RegExp, RegExp> = new Map(
  rules
    .filter((r) => r.left)
    .map((r) => {
      const left = r.left as RegExp;
      return [left, new RegExp(`(?<=(${left.source.replace(/\$$/, '')}))`, `${left.flags.replace(/[gy]/g, '')}y`)];
    }),
);

/** How many capturing groups each rule's left context has. */
const LEFT_GROUP_COUNT: ReadonlyMap<RegExp, number> = new Map(
  rules
    .filter((r) => r.left)
    .map((r) => [
      r.left as RegExp,
      (new RegExp(`${(r.left as RegExp).source}|`).exec('') as RegExpExecArray).length - 1,
    ]),
);

/** Joins a left-context match and a core match into one match, numbered as the combined regex would be. */
function withLeft(
  core: RegExpExecArray,
  pre: RegExpExecArray | null,
  text: string,
  leftGroups: number,
): RegExpExecArray {
  // pre[1] is the whole context, pre[2…] its own groups.
  const arr: (string | undefined)[] = [(pre ? pre[1] : '') + core[0]];
  for (let i = 0; i < leftGroups; i++) arr.push(pre ? pre[i + 2] : undefined);
  for (let i = 1; i < core.length; i++) arr.push(core[i]);
  const out = arr as unknown as RegExpExecArray;
  out.index = core.index - (pre ? pre[1].length : 0);
  out.input = text;
  return out;
}

const SCANNED_RULES = rules.filter((r) => !r.triggers);
const TRIGGERED = new Map<string, Rule[]>();
for (const rule of rules) {
  for (const w of rule.triggers ?? []) {
    const list = TRIGGERED.get(w) ?? [];
    list.push(rule);
    TRIGGERED.set(w, list);
  }
}
/** Every trigger word, lower case and capitalised, longest first. */
const TRIGGER_RE = new RegExp(
  `\\b(?:${[...TRIGGERED.keys()]
    .flatMap((w) => [w, w[0].toUpperCase() + w.slice(1)])
    .sort((a, b) => b.length - a.length)
    .join('|')})(?![A-Za-z])`,
  'g',
);

/** Sorted, merged exclusion spans, so that the binary search in overlapsExcluded is exact. */
function mergeSpans(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const s of spans.slice().sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  return merged;
}

/** One rule's core match, with its left context joined on and checked, as a candidate; null when dropped. */
function candidateOf(rule: Rule, core: RegExpExecArray, text: string, excluded: Span[]): Candidate | null {
  let m = core;
  if (rule.left) {
    const behind = LEFT_BEHIND.get(rule.left) as RegExp;
    behind.lastIndex = m.index;
    const found = behind.exec(text);
    const pre = found && found[1].length > 0 ? found : null;
    if (!pre && rule.needLeft) return null;
    m = withLeft(m, pre, text, LEFT_GROUP_COUNT.get(rule.left) ?? 0);
  }
  if (rule.accept && !rule.accept(m, text)) return null;
  let start = m.index,
    end = m.index + m[0].length;
  if (rule.span) {
    const [a, b] = rule.span(m);
    start = m.index + a;
    end = m.index + b;
  }
  if (end <= start) return null;
  if (excluded.length && overlapsExcluded(excluded, start, end)) return null;
  return { start, end, rule, m };
}

/** Every rule's matches: scanned rules on their own, word-triggered rules only where a trigger word stands. */
function collectCandidates(text: string, excluded: Span[]): Candidate[] {
  const cands: Candidate[] = [];
  const add = (rule: Rule, m: RegExpExecArray) => {
    const c = candidateOf(rule, m, text, excluded);
    if (c) cands.push(c);
  };
  // Rules whose core starts with a digit or a rare literal scan the text on their own.
  for (const rule of SCANNED_RULES) {
    const re = rule.re;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      add(rule, m);
    }
  }
  // Word-triggered rules: one pass finds every trigger word, then only the rules it can start are tried there.
  const trig = TRIGGER_RE;
  trig.lastIndex = 0;
  let t: RegExpExecArray | null;
  while ((t = trig.exec(text)) !== null) {
    const word = t[0];
    const lower = word.toLowerCase();
    for (const rule of TRIGGERED.get(lower) ?? []) {
      if (rule.lowerOnly && word !== lower) continue;
      const re = rule.re;
      re.lastIndex = t.index;
      const m = re.exec(text);
      if (m && m[0].length) add(rule, m);
    }
  }
  return cands;
}

/**
 * Non-overlapping candidates: the longest match wins; on equal spans the earlier rule (stable sort keeps rule order).
 */
function chooseLongest(cands: Candidate[]): Candidate[] {
  cands.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: Candidate[] = [];
  for (const c of cands) {
    const last = chosen[chosen.length - 1];
    if (!last || c.start >= last.end) chosen.push(c);
    else if (c.end - c.start > last.end - last.start) {
      // A longer expression that starts inside the previous one replaces it, if it clears the one before.
      const prev = chosen[chosen.length - 2];
      if (!prev || c.start >= prev.end) chosen[chosen.length - 1] = c;
    }
  }
  return chosen;
}

/** "3:15 a.m. Sunday": a clock time with no day before it takes the day named right after it. */
function clockTakesDayAfter(text: string, clock: DateMention, r: Resolved, start: number): boolean {
  return (
    r.type === 'DATE' &&
    r.day !== undefined &&
    /^\d{4}-\d{2}-\d{2}$/.test(r.value) &&
    start - clock.end <= 16 &&
    !/[\n\r.;]/.test(text.slice(clock.end, start))
  );
}

/** Resolves the chosen candidates in reading order, each seeing the days named before it. */
function resolveInOrder(chosen: Candidate[], ctx: Ctx): DateMention[] {
  const out: DateMention[] = [];
  let pendingClock: { mention: DateMention; clock: string } | null = null;
  for (const c of chosen) {
    const r = c.rule.resolve(c.m, ctx, c.start, c.end);
    if (!r) continue;
    const mention: DateMention = {
      start: c.start,
      end: c.end,
      text: ctx.text.slice(c.start, c.end),
      type: r.type,
      value: r.value,
      explanation: r.explanation,
      relative: r.relative,
    };
    if (r.range) mention.range = r.range;
    const prev = pendingClock;
    pendingClock = null;
    if (prev && clockTakesDayAfter(ctx.text, prev.mention, r, c.start)) {
      prev.mention.value = r.value + prev.clock;
      prev.mention.explanation = `clock time on ${r.value}, the day named right after it`;
      prev.mention.relative = r.relative;
    }
    if (r.clock !== undefined) pendingClock = { mention, clock: r.clock };
    out.push(mention);
    // The ends keep the range they belong to, so that what reads dates as "when it happened" (events) still
    // sees a period, not its first year.
    for (const p of r.parts ?? []) {
      const part: DateMention = {
        start: p.start,
        end: p.end,
        text: ctx.text.slice(p.start, p.end),
        type: 'DATE',
        value: p.value,
        explanation: p.explanation,
        relative: false,
      };
      if (r.range) part.range = r.range;
      out.push(part);
    }
    if (r.day !== undefined && r.type === 'DATE') {
      ctx.anchorDay = r.day;
      ctx.anchorPos = c.start;
      ctx.anchorRelative = r.relative;
    }
    const cal = r.type === 'DATE' ? /^(\d{4})(?:-(\d{2})(?:-\d{2})?)?$/.exec(r.value) : null;
    if (cal) {
      ctx.anchorYear = +cal[1];
      ctx.anchorMonth = cal[2] ? +cal[2] : null;
    }
  }
  return out;
}

export function findDates(text: string, options: DateOptions): DateMention[] {
  if (!text) return [];
  const pub = parseIsoDay(options.published);
  const chosen = chooseLongest(collectCandidates(text, mergeSpans(options.exclude ?? [])));
  const ctx: Ctx = {
    text,
    pub,
    pubStr: pub === null ? '' : formatDay(pub),
    sentences: options.sentences,
    anchorDay: null,
    anchorPos: -1,
    anchorRelative: false,
    anchorYear: null,
    anchorMonth: null,
  };
  return resolveInOrder(chosen, ctx);
}
