// What an event is called: its label ("Yoon–Kishida summit in Tokyo"), date, place, participants and stable id.
import { EventCluster, MentionRef } from '../model';
import { moreSpecific } from '../text/datecompat';
import { slug } from '../text/slug';
import { EventMention } from './mentions';
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

/** A person's name as a label uses it: family name of a two-word Western name, else the whole name. */
function shortName(name: string): string {
  const words = name.split(/\s+/);
  if (words.length !== 2) return name;
  // A hyphenated lower-case second part is a Korean given name ("Yoon Suk-yeol"): the family name comes first.
  return /^[A-Z][a-z]+-[a-z]+$/.test(words[1]) ? words[0] : words[1];
}

type Ranked = [id: string, c: { n: number; name: string; type: string }][];

/** Participants named by at least two mentions (or the one), most often named first. */
function rankedParticipants(ms: EventMention[]): Ranked {
  const counts = new Map<string, { n: number; name: string; type: string }>();
  for (const m of ms) {
    m.participants.forEach((id, k) => {
      const c = counts.get(id) ?? { n: 0, name: m.participantNames?.[k] ?? id, type: m.participantTypes?.[k] ?? '' };
      c.n++;
      counts.set(id, c);
    });
  }
  return [...counts.entries()]
    .filter(([, c]) => c.n >= Math.min(2, ms.length))
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

/** One linked group of mentions as an event. Its id is stored by users: it must not change for the same group. */
export function describeCluster(ms: EventMention[]): EventCluster {
  let date: string | null = null;
  for (const m of ms) if (m.date) date = moreSpecific(date, m.date);
  // The most specific place: a city over the country it lies in.
  const places = ms.filter((m) => m.place).map((m) => m.place!);
  const specific = places.filter((p) => !COUNTRY_BY_NAME.has(p.toLowerCase()));
  const place = mostFrequent(specific.length ? specific : places);
  const ranked = rankedParticipants(ms);
  const participants = ranked.map(([id]) => id);
  const head = headWord(ms);
  const label = labelOf(head, ranked, place);
  const id = ['evt', date ? date.replace('/', '--') : 'undated', place ? slug(place) : null, slug(head)]
    .filter(Boolean)
    .join('-');
  const mentions: MentionRef[] = ms
    .map((m) => ({ path: m.path, start: m.trigger.start, end: m.trigger.end, sentence: m.sentence }))
    .sort((a, b) => a.path.localeCompare(b.path) || a.start - b.start);
  return { id, label, date, place, participants, mentions };
}
