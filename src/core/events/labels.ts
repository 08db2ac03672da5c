// What an event is called: its label ("Yoon–Kishida summit in Tokyo"), date, place, participants and stable id.
import { EventCluster, MentionRef } from '../model';
import { moreSpecific } from '../text/datecompat';
import { slug } from '../text/slug';
import { presentTense, verbBase } from '../text/inflect';
import { stem } from '../text/stem';
import { EventMention } from './mentions';
import { actorName, shortName } from './phrases';
import { COUNTRY_BY_NAME } from './places';

function mostFrequent<T>(items: T[], key: (t: T) => string = String): T | null {
  const counts = new Map<string, { item: T; n: number }>();
  for (const it of items) {
    const k = key(it);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { item: it, n: 1 });
  }
  let best: { item: T; n: number } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best ? best.item : null;
}

/** Nouns for verb heads, so labels read "summit", "launch", "visit". */
const HEAD_NOUN: Record<string, string> = {
  meet: 'meeting',
  arriv: 'visit',
  travel: 'visit',
  fire: 'launch',
  announc: 'announcement',
  remov: 'removal',
  drop: 'removal',
  lift: 'lifting',
  withdraw: 'withdrawal',
  compens: 'compensation',
  kill: 'killing',
  die: 'death',
  arrest: 'arrest',
  elect: 'election',
  appoint: 'appointment',
  hold: 'meeting',
  host: 'hosting',
  lai: 'tribute',
  lay: 'tribute',
  propos: 'proposal',
  agre: 'agreement',
  attack: 'attack',
  shoot: 'shooting',
};

function singular(word: string): string {
  if (/(?:talks|news|series)$/.test(word)) return word;
  if (/(?:ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (/ies$/.test(word)) return word.slice(0, -3) + 'y';
  return word.replace(/([^s])s$/, '$1');
}

/** Nouns that name a whole occasion; a label prefers them to the parts ("summit" over "visit"). */
const OCCASION_NOUNS = new Set([
  'summit',
  'conference',
  'election',
  'attack',
  'earthquake',
  'ceremony',
  'trial',
  'war',
  'crash',
  'shooting',
]);

function headWord(ms: EventMention[]): string {
  const nominal = ms.filter((m) => m.nominal);
  const occasion = nominal.filter((m) => OCCASION_NOUNS.has(m.lemma));
  const pick = mostFrequent(occasion.length ? occasion : nominal.length ? nominal : ms, (m) => m.lemma)!;
  const head = pick.nominal
    ? singular(pick.triggerText.toLowerCase())
    : (HEAD_NOUN[pick.lemma] ?? pick.triggerText.toLowerCase());
  // A plan reported with what it does reads "compensation plan", not just "compensation" or "plan".
  const isPlan = (m: EventMention) => !m.general && m.classes.includes('plan');
  if (pick.nominal && !isPlan(pick) && !occasion.length && nominal.some(isPlan)) return `${head} plan`;
  return head;
}

type Ranked = [id: string, c: { n: number; name: string; type: string }][];

/** Participants named by at least `min` mentions (by default two, or the one), most often named first. */
function rankedParticipants(ms: EventMention[], min = Math.min(2, ms.length)): Ranked {
  const counts = new Map<string, { n: number; name: string; type: string }>();
  for (const m of ms) {
    m.participants.forEach((id, k) => {
      const c = counts.get(id) ?? { n: 0, name: m.participantNames?.[k] ?? id, type: m.participantTypes?.[k] ?? '' };
      c.n++;
      counts.set(id, c);
    });
  }
  return [...counts.entries()]
    .filter(([, c]) => c.n >= min)
    .sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]));
}

/** "Yoon–Kishida summit", "Pentagon announcement", "Earthquake", with " in <place>" unless the label names it. */
function labelOf(head: string, ranked: Ranked, place: string | null): string {
  const fullNames = ranked.filter(([, c]) => c.type === 'PERSON').map(([, c]) => c.name);
  const shortNames = fullNames.map(shortName);
  // Two people who share a family name keep their full names.
  const people = new Set(shortNames.slice(0, 2)).size < Math.min(2, shortNames.length) ? fullNames : shortNames;
  const actors = ranked.filter(([, c]) => c.type !== 'PERSON' && c.name !== place).map(([, c]) => c.name);
  let label: string;
  if (people.length >= 2) label = `${people[0]}–${people[1]} ${head}`;
  else if (people.length === 1) label = `${people[0]} ${head}`;
  else if (actors.length) label = `${actors[0]} ${head}`;
  else label = head.charAt(0).toUpperCase() + head.slice(1);
  if (place && !label.includes(place)) label += ` in ${place}`;
  return label;
}

/** Mentions of each lemma, for picking the word most of the group uses. */
function lemmaCounts(ms: EventMention[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of ms) counts.set(m.lemma, (counts.get(m.lemma) ?? 0) + 1);
  return counts;
}

/** A verb as written in lower case: a past or -ing form, an irregular form, or after a modal ("will return"). */
function looksLikeVerb(m: EventMention): boolean {
  const t = m.triggerText;
  return !m.nominal && /^[a-z][a-z\s-]*$/.test(t) && (!!m.modal || /(?:ed|ing)$/.test(t) || verbBase(t) !== t);
}

/**
 * The mention whose words make the headline: a verb with a named subject (and, when `withObject`, an object),
 * in an event word rather than a general one, of the group's most used word, with a subject the group names
 * often, earliest first.
 */
function headlineMention(ms: EventMention[], ranked: Ranked, withObject: boolean, head: string): EventMention | null {
  const verbal = ms.filter((m) => looksLikeVerb(m) && m.subject && (m.complement || !withObject));
  const specific = verbal.filter((m) => !m.general);
  const pool = specific.length ? specific : verbal;
  if (!pool.length) return null;
  const counts = lemmaCounts(ms);
  const rank = new Map(ranked.map(([id], k) => [id, k]));
  const headStem = stem(head);
  const score = (m: EventMention) =>
    counts.get(m.lemma)! * 4 +
    // The word the event's id is built from ("removal" for "remove"), so the label and the id agree.
    (HEAD_NOUN[m.lemma] === head || headStem === m.lemma ? 4 : 0) +
    (m.complement ? 3 : 0) +
    (rank.has(m.subject!.id) ? 2 : 0) +
    (m.place ? 1 : 0) +
    (m.date ? 1 : 0);
  // The first of the best-scoring, each scored once.
  let best = pool[0];
  let bestScore = score(best);
  for (let k = 1; k < pool.length; k++) {
    const sc = score(pool[k]);
    if (sc > bestScore) [best, bestScore] = [pool[k], sc];
  }
  return best;
}

/** "North Korea launches missile", "Kishida lays flowers at national cemetery in Seoul", "DeGeneres returns". */
function verbHeadline(m: EventMention, place: string | null, planned = false): string {
  const words = m.triggerText.toLowerCase().split(/\s+/);
  const last = words[words.length - 1];
  // "announced a plan to compensate": a group about a plan says "plans to compensate", any other "to remove".
  const modal = planned ? `plans to ${verbBase(last)}` : `to ${verbBase(last)}`;
  words[words.length - 1] = m.modal ? modal : presentTense(last);
  let label = [actorName(m.subject!), ...words, m.complement].filter(Boolean).join(' ');
  if (place && !label.includes(place)) label += ` in ${place}`;
  return label;
}

/** The named subjects of the group's mentions, most frequent first, when no participant is shared. */
function subjectsRanked(ms: EventMention[]): Ranked {
  const counts = new Map<string, { n: number; name: string; type: string }>();
  for (const m of ms) {
    if (!m.subject) continue;
    const c = counts.get(m.subject.id) ?? { n: 0, name: m.subject.name, type: m.subject.type };
    c.n++;
    counts.set(m.subject.id, c);
  }
  return [...counts.entries()].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]));
}

/**
 * A label that reads like a short headline, or null when the group names neither who nor where (a bare word
 * such as "Released" or "Agreement"): an occasion with who and where ("Yoon–Kishida summit in Tokyo"); else a
 * named subject's verb and object as written ("North Korea launches missile"); else the group's noun with who
 * or where ("Yoon announcement"); else a named subject's verb alone ("DeGeneres returns").
 */
function headline(ms: EventMention[], head: string, ranked: Ranked, place: string | null): string | null {
  const occasion = ms.some((m) => m.nominal && OCCASION_NOUNS.has(m.lemma));
  const full = occasion ? null : sayingMost(headlineMention(ms, ranked, true, head), ms);
  const planned = ms.some((m) => m.nominal && m.classes.includes('plan'));
  if (full) return verbHeadline(full, place, planned);
  // Who: the participants the mentions share, else their subjects, else the one most named in their sentences.
  // Else the one most named in the sentences; a bare verb ("released") takes a person or organisation only, not
  // the country an article is about.
  const hasNoun = ms.some((m) => m.nominal || HEAD_NOUN[m.lemma]);
  const subjects = subjectsRanked(ms);
  const named = rankedParticipants(ms, 1)
    .filter(([, c]) => hasNoun || c.type === 'PERSON' || c.type === 'ORGANIZATION')
    .slice(0, 1);
  const actors = ranked.length ? ranked : subjects.length ? subjects : named;
  if (!actors.length && !place) return null;
  const bare = occasion || hasNoun ? null : sayingMost(headlineMention(ms, ranked, false, head), ms);
  return bare ? verbHeadline(bare, place) : labelOf(head, actors, place);
}

/**
 * The headline's mention, unless it is a general word that fewer of the group's mentions use than another word: "the
 * derailment … blocked the coast line" tells what followed, and the derailment is the event ("Derailment in …").
 */
function sayingMost(m: EventMention | null, ms: EventMention[]): EventMention | null {
  if (!m || !m.general) return m;
  const counts = lemmaCounts(ms);
  const own = counts.get(m.lemma) ?? 0;
  for (const n of counts.values()) if (n > own) return null;
  return m;
}

/** An event with whether its label is a headline (who or where and what) rather than a bare noun. */
export interface DescribedGroup {
  cluster: EventCluster;
  headline: boolean;
}

/** One linked group of mentions as an event. Its id is stored by users: it must not change for the same group. */
export function describeCluster(ms: EventMention[]): EventCluster {
  return describeGroup(ms).cluster;
}

/** The event of a group of mentions; the id is built from the date, place and head word only, never the label. */
export function describeGroup(ms: EventMention[]): DescribedGroup {
  let date: string | null = null;
  for (const m of ms) if (m.date) date = moreSpecific(date, m.date);
  // The most specific place: a city over the country it lies in.
  const places = ms.filter((m) => m.place).map((m) => m.place!);
  const specific = places.filter((p) => !COUNTRY_BY_NAME.has(p.toLowerCase()));
  const place = mostFrequent(specific.length ? specific : places);
  const ranked = rankedParticipants(ms);
  const participants = ranked.map(([id]) => id);
  const head = headWord(ms);
  const title = headline(ms, head, ranked, place);
  const label = title ?? labelOf(head, ranked, place);
  const id = ['evt', date ? date.replace('/', '--') : 'undated', place ? slug(place) : null, slug(head)]
    .filter(Boolean)
    .join('-');
  const mentions: MentionRef[] = ms
    .map((m) => ({ path: m.path, start: m.trigger.start, end: m.trigger.end, sentence: m.sentence }))
    .sort((a, b) => a.path.localeCompare(b.path) || a.start - b.start);
  return { cluster: { id, label, date, place, participants, mentions }, headline: title !== null };
}
