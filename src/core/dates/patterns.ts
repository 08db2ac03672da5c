// Regular-expression building blocks for date and time expressions (source strings, compiled once by the rules).

/** Spaces inside one line (a few at most): expressions never run across a line break or a wide gap. */
export const SP = '[ \\t\\u00a0]{1,4}';
export const SPO = '[ \\t\\u00a0]{0,4}';

export const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
export const MONTH_FULL = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
/** Full names and the usual abbreviations; "Mar" and "May" need the full or dotted form to stay unambiguous. */
export const MONTH_ANY =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan\\.?|Feb\\.?|Mar\\.|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
/** Abbreviated month names written with their dot. */
export const MONTH_DOTTED = '(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.';
/** A plausible year in news text. */
export const YEAR = '(?:1[5-9]\\d\\d|20\\d\\d)';

const ONES = 'one|two|three|four|five|six|seven|eight|nine';
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
/**
 * A quantity before a unit: digits, number words, vague quantities. Multi-word forms first (alternation is ordered).
 */
export const QUANTITY =
  `(?:\\d+(?:\\.\\d+)?|(?:${TENS})(?:[- ](?:${ONES}))?|one${SP}hundred|a${SP}hundred|hundreds${SP}of|` +
  `a${SP}dozen|dozens${SP}of|a${SP}couple${SP}of|a${SP}couple|couple${SP}of|a${SP}few|half${SP}an?|a${SP}half|` +
  `${TEENS}|${ONES}|few|several|many|an|a)(?:${SP}and${SP}a${SP}half)?`;

export const UNIT =
  '(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|decades?|centuries|century|' +
  'quarters?|fortnights?)';

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  a: 1,
  an: 1,
  dozen: 12,
  hundred: 100,
  couple: 2,
  half: 0.5,
};

/** The number a quantity stands for, or null when it is vague ("several", "a few"). */
export function quantityValue(raw: string): number | null {
  let s = raw
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
  let extra = 0;
  if (s.endsWith(' and a half')) {
    extra = 0.5;
    s = s.slice(0, -' and a half'.length);
  }
  let n: number | null;
  if (/^\d/.test(s)) n = parseFloat(s);
  else if (s === 'a dozen') n = 12;
  else if (s === 'a couple of' || s === 'a couple' || s === 'couple of') n = 2;
  else if (s === 'a hundred' || s === 'one hundred') n = 100;
  else if (s === 'half a' || s === 'half an' || s === 'a half') n = 0.5;
  else if (/^(?:a few|few|several|many|dozens of|hundreds of)$/.test(s)) n = null;
  else {
    const parts = s.split(/[- ]/);
    n = 0;
    for (const p of parts) {
      const v = NUMBER_WORDS[p];
      if (v === undefined) return null;
      n += v;
    }
  }
  return n === null ? null : n + extra;
}

/** Unit word → TIMEX3 duration unit, and whether it goes after the T. */
export function unitCode(raw: string): { code: string; time: boolean; factor: number } {
  const u = raw.toLowerCase();
  if (u.startsWith('y')) return { code: 'Y', time: false, factor: 1 };
  if (u.startsWith('mo')) return { code: 'M', time: false, factor: 1 };
  if (u.startsWith('w')) return { code: 'W', time: false, factor: 1 };
  if (u.startsWith('da')) return { code: 'D', time: false, factor: 1 };
  if (u.startsWith('h')) return { code: 'H', time: true, factor: 1 };
  if (u.startsWith('mi')) return { code: 'M', time: true, factor: 1 };
  if (u.startsWith('s')) return { code: 'S', time: true, factor: 1 };
  if (u.startsWith('de')) return { code: 'Y', time: false, factor: 10 };
  if (u.startsWith('ce')) return { code: 'Y', time: false, factor: 100 };
  if (u.startsWith('q')) return { code: 'M', time: false, factor: 3 };
  return { code: 'W', time: false, factor: 2 }; // fortnight
}

export function monthIndex(raw: string): number {
  const k = raw.slice(0, 3).toLowerCase();
  return ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(k) + 1;
}

export function weekdayIndex(raw: string): number {
  const k = raw.slice(0, 3).toLowerCase();
  return ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].indexOf(k) + 1;
}
