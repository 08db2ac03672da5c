// Whether two TIMEX3 values can name the same day: "2023-03" fits "2023-03-16", "XXXX-WXX-4" (a Thursday) fits it too.

export interface DateConstraint {
  /** Inclusive day range (epoch days, UTC) when the year is known. */
  from?: number;
  to?: number;
  month?: number;
  day?: number;
  /** ISO weekday, Monday 1 … Sunday 7. */
  weekday?: number;
}

const DAY_MS = 86400000;

function epochDay(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

function isoWeekStart(year: number, week: number): number {
  const jan4 = epochDay(year, 1, 4);
  const jan4Weekday = ((new Date(jan4 * DAY_MS).getUTCDay() + 6) % 7) + 1;
  return jan4 - (jan4Weekday - 1) + (week - 1) * 7;
}

// Parsing is pure and a folder repeats few distinct values: memoised, bounded. Callers never mutate results.
const TIMEX_MEMO = new Map<string, DateConstraint | null>();

/** Parses the date part of a TIMEX3 value; null when it says nothing usable about the day. */
export function parseTimex(value: string | null | undefined): DateConstraint | null {
  if (!value) return null;
  const memo = TIMEX_MEMO.get(value);
  if (memo !== undefined) return memo;
  const parsed = parseTimexUncached(value);
  if (TIMEX_MEMO.size >= 50_000) TIMEX_MEMO.clear();
  TIMEX_MEMO.set(value, parsed);
  return parsed;
}

function parseTimexUncached(value: string): DateConstraint | null {
  // ISO interval "2023-03-08/2023-05-07": from the first value's start to the second's end.
  const slash = value.indexOf('/');
  if (slash > 0) {
    const a = parseTimex(value.slice(0, slash));
    const b = parseTimex(value.slice(slash + 1));
    return a?.from !== undefined && b?.to !== undefined ? { from: a.from, to: b.to } : null;
  }
  const v = value.split('T')[0];
  let m = /^(\d{4}|XXXX)-W(\d{2}|XX)(?:-(\d))?$/.exec(v);
  if (m) {
    const out: DateConstraint = {};
    if (m[3]) out.weekday = Number(m[3]);
    if (m[1] !== 'XXXX' && m[2] !== 'XX') {
      const start = isoWeekStart(Number(m[1]), Number(m[2]));
      if (out.weekday) out.from = out.to = start + out.weekday - 1;
      else {
        out.from = start;
        out.to = start + 6;
      }
    }
    return out.from !== undefined || out.weekday ? out : null;
  }
  m = /^(\d{4}|XXXX)(?:-(\d{2}|XX|SP|SU|FA|WI|Q\d|H\d))?(?:-(\d{2}|XX))?$/.exec(v);
  if (!m) return null;
  const year = m[1] === 'XXXX' ? undefined : Number(m[1]);
  const month = m[2] && /^\d{2}$/.test(m[2]) ? Number(m[2]) : undefined;
  const day = m[3] && /^\d{2}$/.test(m[3]) ? Number(m[3]) : undefined;
  const out: DateConstraint = {};
  if (month) out.month = month;
  if (day) out.day = day;
  if (year !== undefined) {
    if (month && day) out.from = out.to = epochDay(year, month, day);
    else if (month) {
      out.from = epochDay(year, month, 1);
      out.to = epochDay(year, month + 1, 1) - 1;
    } else if (!m[2]) {
      out.from = epochDay(year, 1, 1);
      out.to = epochDay(year + 1, 1, 1) - 1;
    } else if (/^Q\d$/.test(m[2])) {
      const q = Number(m[2][1]);
      out.from = epochDay(year, q * 3 - 2, 1);
      out.to = epochDay(year, q * 3 + 1, 1) - 1;
    } else {
      out.from = epochDay(year, 1, 1);
      out.to = epochDay(year + 1, 1, 1) - 1;
    }
  }
  return out.from !== undefined || out.month || out.day ? out : null;
}

function weekdayOf(epoch: number): number {
  return ((new Date(epoch * DAY_MS).getUTCDay() + 6) % 7) + 1;
}

function monthDayOf(epoch: number): { month: number; day: number } {
  const d = new Date(epoch * DAY_MS);
  return { month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** False only when the two values cannot be the same day. Unknown or vague values are compatible. */
export function datesCompatible(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = parseTimex(a);
  const y = parseTimex(b);
  if (!x || !y) return true;
  return constraintsCompatible(x, y);
}

export function constraintsCompatible(x: DateConstraint, y: DateConstraint): boolean {
  if (x.from !== undefined && y.from !== undefined) {
    if (x.to! < y.from || y.to! < x.from) return false;
  }
  for (const [p, q] of [
    [x, y],
    [y, x],
  ] as const) {
    if (p.from !== undefined && p.from === p.to) {
      const md = monthDayOf(p.from);
      if (q.weekday && weekdayOf(p.from) !== q.weekday) return false;
      if (q.month && q.month !== md.month) return false;
      if (q.day && q.day !== md.day) return false;
    }
  }
  if (x.month && y.month && x.month !== y.month) return false;
  if (x.day && y.day && x.day !== y.day) return false;
  if (x.weekday && y.weekday && x.weekday !== y.weekday) return false;
  return true;
}

/** True when the value pins a single calendar day. */
export function isExactDay(value: string | null | undefined): boolean {
  const c = parseTimex(value);
  return !!c && c.from !== undefined && c.from === c.to;
}

/** The more specific of two compatible values (the narrower known range wins). */
export function moreSpecific(a: string | null, b: string | null): string | null {
  const x = parseTimex(a);
  const y = parseTimex(b);
  if (!x) return y ? b : a;
  if (!y) return a;
  const wx = x.from !== undefined ? x.to! - x.from : 1e9;
  const wy = y.from !== undefined ? y.to! - y.from : 1e9;
  return wy < wx ? b : a;
}

/** ISO date of an epoch day. */
export function isoOfEpoch(epoch: number): string {
  return new Date(epoch * DAY_MS).toISOString().slice(0, 10);
}
