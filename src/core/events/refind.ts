// A user's link to a detected event, and how it is found again after the folder changed. An event's id is built
// from its date, place and head word (labels.ts), so it holds while unrelated articles come and go; but a new
// article can give the event a date or a place it lacked, and two events with the same date, place and word are
// told apart by a numbered suffix that shifts when one of them goes. The link therefore stores, beside the id,
// what the event was when the user linked it: its date, place and a few of its articles; the event is found
// again as the one that still tells that story.
import { EventCluster } from '../model';

/** What a sidecar keeps of a linked event (`event:` of an annotation); only `id` is required. */
export interface EventLinkRecord {
  id: string;
  name?: string;
  date?: string | null;
  place?: string | null;
  /** Paths of up to ARTICLES_KEPT articles the event was found in, as the folder named them. */
  articles?: string[];
}

export interface FoundEvent {
  cluster: EventCluster;
  /** `id`: the same id is still there; `content`: found again by its articles, date, place and word. */
  how: 'id' | 'content';
}

/** Enough articles to recognise the event, few enough to keep the sidecar readable. */
const ARTICLES_KEPT = 5;

/** The record of a link to this event, made when the user links text to it. */
export function eventLinkOf(cluster: EventCluster): EventLinkRecord {
  const articles = [...new Set(cluster.mentions.map((m) => m.path))].sort().slice(0, ARTICLES_KEPT);
  return { id: cluster.id, name: cluster.label, date: cluster.date, place: cluster.place, articles };
}

/** The id without the numbered suffix that tells apart events of the same date, place and word ("-2"). */
function baseId(id: string): string {
  return id.replace(/-\d+$/, '');
}

/** The head word an id was built from: its last part ("summit" in "evt-2023-03-16-tokyo-summit"). */
function headOf(id: string): string {
  return baseId(id).split('-').pop() ?? '';
}

/** The words of a label, for comparing what two events are called ("summit", "tokyo", "kishida"). */
function labelWords(label: string | undefined): Set<string> {
  return new Set((label ?? '').toLowerCase().match(/\p{L}{3,}/gu) ?? []);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * How well a cluster answers the link: what it is called (the label's words) and where it is told (shared
 * articles) count most, then the same date, place and head word. Zero when the cluster tells another story: in a
 * small folder every article holds many events, so shared articles alone never move a link; the name, the id's
 * head word or the id without its suffix must agree too.
 */
function scoreOf(link: EventLinkRecord, cluster: EventCluster): number {
  const kept = new Set(link.articles ?? []);
  let shared = 0;
  for (const m of new Set(cluster.mentions.map((x) => x.path))) if (kept.has(m)) shared++;
  const sameBase = baseId(cluster.id) === baseId(link.id);
  const sameHead = headOf(cluster.id) === headOf(link.id);
  const named = jaccard(labelWords(link.name), labelWords(cluster.label));
  if (!sameBase && !(shared && (sameHead || named >= NAME_AGREES))) return 0;
  // Another date and another place: another happening, as the clusterer's own vetoes have it.
  const differs = (a: string | null | undefined, b: string | null) => a != null && b != null && a !== b;
  if (differs(link.date, cluster.date) && differs(link.place, cluster.place)) return 0;
  const year = (d: string | null | undefined) => (d && /^\d{4}/.test(d) ? d.slice(0, 4) : null);
  if (differs(year(link.date), year(cluster.date))) return 0;
  const agrees = (a: string | null | undefined, b: string | null) => (a != null && a === b ? 1 : 0);
  return (
    3 * named +
    2 * (kept.size ? shared / kept.size : 0) +
    (sameBase ? 2 : 0) +
    (sameHead ? 1 : 0) +
    agrees(link.date, cluster.date) +
    agrees(link.place, cluster.place)
  );
}

/** Labels that share this part of their words name the same happening ("Kishida–Yoon summit in Tokyo"). */
const NAME_AGREES = 0.5;

/** Below this a candidate is too weak to take the link. */
const MIN_SCORE = 2.5;

/**
 * The event a link points at now: the same id when it is still there, else the event that shares most of the
 * story (articles, date, place, head word), or undefined when none shares enough. Ties go to the smaller id, so
 * every reader of the same folder finds the same event.
 */
export function refindEvent(link: EventLinkRecord, clusters: readonly EventCluster[]): FoundEvent | undefined {
  const same = clusters.find((c) => c.id === link.id);
  if (same) return { cluster: same, how: 'id' };
  let best: EventCluster | undefined;
  let bestScore = MIN_SCORE - 1e-9;
  for (const c of clusters) {
    const s = scoreOf(link, c);
    if (s > bestScore || (s === bestScore && best && c.id < best.id)) {
      best = c;
      bestScore = s;
    }
  }
  return best ? { cluster: best, how: 'content' } : undefined;
}
