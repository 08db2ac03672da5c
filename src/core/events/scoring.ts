// How strongly two event mentions look like one happening: vetoes
// first, then the word, local evidence and the articles' likeness.
import { constraintsCompatible, DateConstraint, isExactDay, parseTimex } from '../text/datecompat';
import { epochDayOf, latestStartOf, notAfterOf } from './groups';
import { EventMention } from './mentions';
import { placesCompatible } from './places';
import { ClusterSettings } from './settings';
import { EventCorpus } from './similarity';

/** A mention with what scoring compares, computed once. */
export interface Features {
  m: EventMention;
  index: number;
  doc: number;
  wordSet: Set<string>;
  /** Sum of the IDF weights of wordSet. */
  wordTotal: number;
  when: DateConstraint | null;
  exactDay: boolean;
  notAfter: number;
  latestStart: number;
  /** Ids of the people named in the sentence. */
  persons: string[];
  /** What the mention's article reports, shared by its mentions: its years and its people. */
  story: Story;
}

/** An article's years (named in its dates, or its publication year) and the people it names. */
export interface Story {
  years: Set<string>;
  persons: Set<string>;
}

function storyOf(m: EventMention): Story {
  const years = new Set<string>();
  const persons = new Set<string>();
  for (const k of Object.keys(m.context)) {
    if (k.startsWith('year:')) years.add(k.slice(5));
    else if (k.startsWith('person:')) persons.add(k);
  }
  if (m.published) years.add(m.published.slice(0, 4));
  return { years, persons };
}

const disjoint = (a: Set<string>, b: Set<string>): boolean => {
  if (!a.size || !b.size) return false;
  for (const x of a) if (b.has(x)) return false;
  return true;
};

/**
 * Two articles that tell different stories of one kind (a fire in 2008 and a fire in 2013; one man's death and
 * another's): they name years and share none, or (with `personStories`) name people and share none.
 */
export function storiesClash(a: Story, b: Story, s: ClusterSettings): boolean {
  return disjoint(a.years, b.years) || (s.personStories && disjoint(a.persons, b.persons));
}

export function featuresOf(mentions: EventMention[], corpus: EventCorpus): Features[] {
  const stories = new Map<string, Story>();
  return mentions.map((m, index) => {
    let story = stories.get(m.path);
    if (!story) {
      story = storyOf(m);
      stories.set(m.path, story);
    }
    const wordSet = new Set(m.words);
    let wordTotal = 0;
    for (const w of wordSet) wordTotal += corpus.wordWeight.get(w) ?? 0;
    return {
      m,
      index,
      doc: corpus.docIndex.get(m.path)!,
      wordSet,
      wordTotal,
      when: parseTimex(m.date),
      exactDay: isExactDay(m.date),
      notAfter: notAfterOf(m),
      latestStart: latestStartOf(m),
      persons: m.participants.filter((_, k) => m.participantTypes?.[k] === 'PERSON'),
      story,
    };
  });
}

/** IDF-weighted Jaccard overlap of the two sentences' words. */
function wordOverlap(a: Features, b: Features, corpus: EventCorpus): number {
  const [small, large] = a.wordSet.size <= b.wordSet.size ? [a, b] : [b, a];
  let shared = 0;
  for (const w of small.wordSet) if (large.wordSet.has(w)) shared += corpus.wordWeight.get(w) ?? 0;
  const total = a.wordTotal + b.wordTotal - shared;
  return total ? shared / total : 0;
}

/** An undated mention published up to three days after the other's exact day. */
function recentFor(undated: EventMention, dated: EventMention): boolean {
  if (undated.date || !dated.date || !isExactDay(dated.date)) return false;
  const lag = epochDayOf(undated.published) - epochDayOf(dated.date);
  return lag >= 0 && lag <= 3;
}

/** A date, place or time order that rules the pair out. */
function vetoed(a: Features, b: Features): boolean {
  if (a.when && b.when && !constraintsCompatible(a.when, b.when)) return true;
  if (!placesCompatible(a.m.place, b.m.place)) return true;
  return a.notAfter < b.latestStart || b.notAfter < a.latestStart;
}

/** Evidence from the participants both sentences name: shared people say most, a shared body or country less. */
function sharedParticipants(x: EventMention, y: EventMention, corpus: EventCorpus, s: ClusterSettings): number {
  const maxIdf = corpus.idf(1);
  let shared = 0;
  // A shared team, body or country is often the whole story's backdrop.
  x.participants.forEach((p, k) => {
    if (!y.participants.includes(p)) return;
    const weight = x.participantTypes?.[k] === 'PERSON' ? 1 : s.nonPersonWeight;
    shared += (weight * corpus.idf(corpus.ctxDf.get(p))) / maxIdf;
  });
  return Math.min(1.2, shared * 0.5);
}

/**
 * Local evidence: the same day, the same place, the same people, the same words around the trigger; null
 * when two sentences of one article name different people.
 */
function localEvidence(
  a: Features,
  b: Features,
  sameDay: boolean,
  corpus: EventCorpus,
  s: ClusterSettings,
): number | null {
  const x = a.m;
  const y = b.m;
  let local = 0;
  if (x.date && y.date) local += sameDay ? 1.2 : 0.4;
  // An undated mention most likely means the news of its day: a dated event just before publication.
  else if (s.recentBonus && (recentFor(x, y) || recentFor(y, x))) local += s.recentBonus;
  if (x.place && y.place) local += x.place === y.place ? 0.8 : 0.3;
  local += sharedParticipants(x, y, corpus, s);
  // Both name people and none in common: probably two people doing the same kind of thing.
  if (a.persons.length && b.persons.length && !a.persons.some((p) => b.persons.includes(p))) {
    if (a.doc === b.doc) return null;
    local -= s.personClash;
  }
  return local + 2 * wordOverlap(a, b, corpus);
}

/** The score of a pair of mentions; -Infinity when they cannot be one happening. */
export function scorePair(a: Features, b: Features, corpus: EventCorpus, s: ClusterSettings): number {
  const x = a.m;
  const y = b.m;
  if (vetoed(a, b)) return -Infinity;
  const sameDay = a.exactDay && b.exactDay && x.date === y.date;
  const sim = a.doc === b.doc ? 1 : corpus.similarityOf(a.doc, b.doc);
  if (sim < s.minDocSimilarity && !sameDay) return -Infinity;
  // Words outside the event classes (any past-tense verb, "war", "cooperation") need more support than
  // "summit" or "fired": they are as often background as the happening itself.
  const general = x.general;
  const lexical = x.lemma === y.lemma ? (general ? 1 - s.generalPenalty : 1) : 0.6;
  const local = localEvidence(a, b, sameDay, corpus, s);
  if (local === null) return -Infinity;
  const needed = s.minLocal + (general ? s.generalLocal : 0);
  if (a.doc === b.doc) return local < needed ? -Infinity : lexical + local;
  // Articles telling two stories of one kind share words and article likeness; only the same day joins them.
  if (!sameDay && storiesClash(a.story, b.story, s)) {
    if (!Number.isFinite(s.storyClash)) return -Infinity;
    return lexical + local + s.docWeight * sim - s.storyClash;
  }
  // Two articles plainly about one story may share an event word with nothing else around it ("FIRED IN PHILLY!!").
  const waived = !general && sim >= s.sameStory;
  if (!waived && local < needed) return -Infinity;
  return lexical + local + s.docWeight * sim;
}
