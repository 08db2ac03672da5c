// Chooses the publication date among what the article says about itself, and keeps why: the line, the
// rule, and the candidates it was preferred to (the date hover shows this reason).
//
// Order of preference, decided once for every layout:
//  1. a publication stamp — front matter `date`/`published`, a "Published"/"Posted"/"date" line, a line that
//     is only a date, a date in the URL's path, a wire dateline completed by a year — nearest the top first;
//  2. an "Updated"/"Last modified" stamp, only when there is no publication stamp (an update is later);
//  3. the day's event in the lead ("… met on March 16, 2023"), only when the article has no stamp at all.
// A numeric date that reads two ways (03/04/2023) is used only when the article settles the order;
// otherwise the date stays unknown and the note says why.
import { PublishedDate, Span } from '../model';
import { MONTH_NAMES, MONTH_RE, monthNumber, isoDate, weekdayOf, writtenDates } from './stamps';

export interface DateCandidate {
  /** ISO date, or null when the written date is ambiguous (see `readings`). */
  value: string | null;
  readings?: [string, string];
  time?: string;
  /** The day of the week printed with the date (0 = Sunday), if any: a mismatch is said in the reason. */
  weekday?: number;
  kind: 'published' | 'updated' | 'event';
  /** How the date was found, worded for the reason: "the article states", "date line", "the URL's path". */
  rule: string;
  evidence: Span;
  /** What to quote when it is not the evidence text itself. */
  quote?: string;
  /** 1-based line of the file. */
  line: number;
}

export interface PublishedChoice {
  published: PublishedDate | null;
  /** Why there is no date although the article has a stamp (ambiguous, no year). */
  note: string | null;
}

const KIND_ORDER = { published: 0, updated: 1, event: 2 } as const;

function quoteOf(c: DateCandidate, text: string): string {
  return c.quote ?? text.slice(c.evidence.start, c.evidence.end).replace(/\s+/g, ' ');
}

function human(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTH_NAMES[m - 1][0].toUpperCase()}${MONTH_NAMES[m - 1].slice(1)} ${y}`;
}

/** Settles a two-way numeric date from the article's other evidence; null when nothing does. */
function settle(
  c: DateCandidate,
  all: DateCandidate[],
  text: string,
  written: () => ReturnType<typeof writtenDates>,
): { value: string; why: string } | null {
  const [dayFirst, monthFirst] = c.readings!;
  for (const o of all) {
    if (o === c || !o.value) continue;
    if (o.value === dayFirst || o.value === monthFirst)
      return { value: o.value, why: `read as ${human(o.value)}, as "${quoteOf(o, text)}" (line ${o.line}) agrees` };
  }
  const w = written();
  if (w.dayFirst !== w.monthFirst) {
    const value = w.dayFirst ? dayFirst : monthFirst;
    return {
      value,
      why: `read as ${human(value)}: the article's other numeric dates are ${w.dayFirst ? 'day' : 'month'}-first`,
    };
  }
  const md = (iso: string) => `--${iso.slice(5)}`;
  const agrees = (iso: string) => w.values.has(iso) || w.values.has(md(iso));
  if (agrees(dayFirst) !== agrees(monthFirst)) {
    const value = agrees(dayFirst) ? dayFirst : monthFirst;
    return { value, why: `read as ${human(value)}, as the article writes that date out` };
  }
  return null;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function describe(c: DateCandidate, text: string): string {
  const said = `${c.rule} "${quoteOf(c, text)}" (line ${c.line}${c.time ? `, ${c.time}` : ''})`;
  // The date is read as printed; a weekday that does not fit it is a slip the reader should see.
  if (c.value && c.weekday !== undefined && c.weekday >= 0 && weekdayOf(c.value) !== c.weekday)
    return `${said}, though ${human(c.value)} is a ${WEEKDAYS[weekdayOf(c.value)]}, not a ${WEEKDAYS[c.weekday]}`;
  return said;
}

function whyNot(c: DateCandidate, chosen: DateCandidate): string {
  if (c.kind === 'updated' && chosen.kind !== 'updated') return 'an update';
  if (c.kind === 'event') return 'an event date';
  return c.line > chosen.line ? 'further down' : 'weaker';
}

/** The publication date among the candidates, with its reason; see the order of preference above. */
export function choosePublished(candidates: DateCandidate[], text: string): PublishedChoice {
  let cache: ReturnType<typeof writtenDates> | null = null;
  const written = () => (cache ??= writtenDates(text));
  const settled = new Map<DateCandidate, string>();
  const cands = candidates.map((c) => {
    if (c.value || !c.readings) return c;
    const s = settle(c, candidates, text, written);
    if (!s) return c;
    const out = { ...c, value: s.value };
    settled.set(out, s.why);
    return out;
  });
  const ordered = cands
    .slice()
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.line - b.line || a.evidence.start - b.evidence.start);
  for (const kind of ['published', 'updated', 'event'] as const) {
    const ofKind = ordered.filter((c) => c.kind === kind);
    const best = ofKind.find((c) => c.value);
    if (!best) {
      const ambiguous = ofKind.find((c) => c.readings);
      if (ambiguous) {
        const [d, m] = ambiguous.readings!;
        return {
          published: null,
          note:
            `${describe(ambiguous, text)} is ambiguous: ${human(d)} (day first) or ${human(m)} (month first), ` +
            `and nothing in the article settles it`,
        };
      }
      continue;
    }
    const others = ordered.filter((c) => c !== best && c.value && c.value !== best.value);
    let reason = describe(best, text);
    if (settled.has(best)) reason += `, ${settled.get(best)}`;
    if (best.kind === 'updated') reason += ', an update (the article has no publication stamp)';
    if (others.length)
      reason += `; preferred to ${others
        .slice(0, 3)
        .map((o) => `${describe(o, text)}, ${whyNot(o, best)}`)
        .join('; ')}`;
    const published: PublishedDate = { value: best.value!, origin: 'text', reason, evidence: best.evidence };
    if (best.time) published.time = best.time;
    return { published, note: null };
  }
  return { published: null, note: null };
}

/**
 * The event of the day in the lead: "… met … on March 16, 2023." News reports what happened that day, so a
 * full date in the opening paragraphs is the weakest evidence of the publication date.
 */
export function leadEventCandidate(
  text: string,
  bodyStart: number,
  lineOf: (offset: number) => number,
): DateCandidate | null {
  const lead = text.slice(bodyStart, Math.min(text.length, bodyStart + 1500));
  const longDate = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'g');
  const dayFirst = new RegExp(`\\b(\\d{1,2})\\s+${MONTH_RE}\\s+(\\d{4})\\b`, 'g');
  for (const re of [longDate, dayFirst]) {
    const d = re.exec(lead);
    if (!d) continue;
    if (!/\bon\s+$/i.test(lead.slice(Math.max(0, d.index - 4), d.index))) continue;
    const v = re === longDate ? isoDate(+d[3], monthNumber(d[1]), +d[2]) : isoDate(+d[3], monthNumber(d[2]), +d[1]);
    if (!v) continue;
    const start = bodyStart + d.index;
    return {
      value: v,
      kind: 'event',
      rule: "the lead reports the day's event",
      quote: `on ${d[0]}`,
      evidence: { start, end: start + d[0].length },
      line: lineOf(start),
    };
  }
  return null;
}

/**
 * A wire dateline's "March 16" completed by a year the article states elsewhere — a copyright line or the
 * same day written in full — or a note that the year is missing.
 */
export function datelineCandidate(
  text: string,
  monthDay: { month: number; day: number; text: string },
  evidence: Span,
  line: number,
): DateCandidate | string {
  const same = new RegExp(
    `\\b(?:${MONTH_RE}\\s+(\\d{1,2}),?\\s+(\\d{4})|(\\d{1,2})\\s+${MONTH_RE},?\\s+(\\d{4}))\\b`,
    'gi',
  );
  let m: RegExpExecArray | null;
  while ((m = same.exec(text))) {
    const month = monthNumber(m[1] ?? m[5]);
    const day = +(m[2] ?? m[4]);
    if (month === monthDay.month && day === monthDay.day) {
      const value = isoDate(+(m[3] ?? m[6]), month, day);
      if (value)
        return {
          value,
          kind: 'published',
          rule: 'the wire dateline',
          quote: `${monthDay.text}", the year from "${m[0]}`,
          evidence,
          line,
        };
    }
  }
  const copyright = /(?:©|\(c\)|copyright)\s*((?:19|20)\d{2})(?!\s*[-–]\s*\d)/i.exec(text);
  if (copyright) {
    const value = isoDate(+copyright[1], monthDay.month, monthDay.day);
    if (value)
      return {
        value,
        kind: 'published',
        rule: 'the wire dateline',
        quote: `${monthDay.text}", the year from "${copyright[0]}`,
        evidence,
        line,
      };
  }
  return `the dateline gives "${monthDay.text}" but the article states no year`;
}
