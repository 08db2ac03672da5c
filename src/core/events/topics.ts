// Groups that are a topic of the articles rather than a happening they report, and so are not shown as events.
import { EventMention } from './mentions';
import { DescribedGroup } from './labels';

/** A year ("2019") or a decade ("201X") with no month or day: how background is dated. */
const YEAR_ONLY = /^(\d{3,4})X?$/;

/**
 * Background: dated by a year alone, earlier than the year every one of its articles was published ("the 2019
 * trade dispute", "Japan's 1910 annexation"). News dates what it reports to the day or the month.
 */
function isBackground(ms: EventMention[], date: string | null): boolean {
  const year = date ? YEAR_ONLY.exec(date)?.[1] : undefined;
  if (!year) return false;
  const last = Number(year.padEnd(4, '9'));
  return ms.every((m) => !!m.published && Number(m.published.slice(0, 4)) > last);
}

/**
 * The documented rule: a group is a topic, not a happening, when its label can only be a bare noun (no mention
 * names who did it, no participant is shared, no place: "Agreement", "Released") or when it is background.
 */
export function isTopic(ms: EventMention[], group: DescribedGroup): boolean {
  return !group.headline || isBackground(ms, group.cluster.date);
}
