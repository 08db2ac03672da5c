// How strongly two event mentions look like one happening: vetoes
// first, then the word, local evidence and the articles' likeness.
import { isExactDay, parseTimex } from '../text/datecompat';
import { DateFits, PlaceFits } from './datefit';
import { epochDayOf, latestStartOf } from './groups';
import { EventMention } from './mentions';
import { ClusterSettings } from './settings';
import { EventCorpus } from './similarity';
import { Pacer, Steps } from '../steps';

/**
 * The mentions with what scoring compares, computed once, as columns indexed by mention (no object per
 * mention, no string compared in the pair loop): ids for dates, places, lemmas, words and participants.
 */
export interface Features {
  n: number;
  ms: EventMention[];
  doc: Int32Array;
  lemma: Int32Array;
  /** Id of the mention's date value (equal values, equal ids), -1 when undated. */
  date: Int32Array;
  /** The date's constraint is usable (parseTimex): only then can it veto. */
  hasWhen: Uint8Array;
  exactDay: Uint8Array;
  /** Epoch day of the date (NaN unless a plain ISO day) and of the article's publication (NaN when unknown). */
  dateDay: Float64Array;
  pubDay: Float64Array;
  /** Id of the place, -1 when none. */
  place: Int32Array;
  general: Uint8Array;
  notAfter: Float64Array;
  latestStart: Float64Array;
  /** Distinct sentence words as term ids, in order of first use: mention i reads wordIds[wordStart[i] … wordEnd[i]). */
  wordStart: Int32Array;
  wordEnd: Int32Array;
  wordIds: Int32Array;
  /** Sum of the IDF weights of the mention's distinct words. */
  wordTotal: Float64Array;
  /**
   * Participants as entity ids (numbers), with each one's evidence when shared (see sharedParticipants): mention i
   * reads partIds[partStart[i] … partEnd[i]), a run the mentions of one sentence share.
   */
  partStart: Int32Array;
  partEnd: Int32Array;
  partIds: Int32Array;
  partWeight: Float64Array;
  /** The participants that are people (personIds[personStart[i] … personEnd[i])). */
  personStart: Int32Array;
  personEnd: Int32Array;
  personIds: Int32Array;
  /** What each article reports (its years, its people: see Story), as sorted ids per article. */
  storyYears: Int32Array[];
  storyPersons: Int32Array[];
  /** The date values by id, and the place names by id. */
  dates: string[];
  places: string[];
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

/** Two sorted id lists, both non-empty, with nothing in common. */
function disjoint(a: Int32Array, b: Int32Array): boolean {
  if (!a.length || !b.length) return false;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) return false;
    if (a[i] < b[j]) i++;
    else j++;
  }
  return true;
}

/**
 * Two articles that tell different stories of one kind (a fire in 2008 and a fire in 2013; one man's death and
 * another's): they name years and share none, or (with `personStories`) name people and share none.
 */
export function storiesClash(f: Features, a: number, b: number, s: ClusterSettings): boolean {
  return (
    disjoint(f.storyYears[a], f.storyYears[b]) || (s.personStories && disjoint(f.storyPersons[a], f.storyPersons[b]))
  );
}

/** Strings as small integer ids, in order of first use. */
class Interner {
  readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
}

/** Growable Int32 column (for the variable-length lists of the table). */
class IntColumn {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const d = new Int32Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length++] = v;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

function emptyFeatures(mentions: EventMention[]): Features {
  const n = mentions.length;
  return {
    n,
    ms: mentions,
    doc: new Int32Array(n),
    lemma: new Int32Array(n),
    date: new Int32Array(n),
    hasWhen: new Uint8Array(n),
    exactDay: new Uint8Array(n),
    dateDay: new Float64Array(n),
    pubDay: new Float64Array(n),
    place: new Int32Array(n),
    general: new Uint8Array(n),
    notAfter: new Float64Array(n),
    latestStart: new Float64Array(n),
    wordStart: new Int32Array(n),
    wordEnd: new Int32Array(n),
    wordIds: new Int32Array(0),
    wordTotal: new Float64Array(n),
    partStart: new Int32Array(n),
    partEnd: new Int32Array(n),
    partIds: new Int32Array(0),
    partWeight: new Float64Array(0),
    personStart: new Int32Array(n),
    personEnd: new Int32Array(n),
    personIds: new Int32Array(0),
    storyYears: [],
    storyPersons: [],
    dates: [],
    places: [],
  };
}

/** What a date value gives every mention dated by it, computed once per distinct value. */
function dateFacts(value: string) {
  const exact = isExactDay(value);
  return { hasWhen: parseTimex(value) !== null, exact, day: epochDayOf(value), latestStart: latestStartOf(value) };
}

/** The columns of the mentions, built in slices (a unit is a mention or participant read). */
export function* featuresSteps(
  mentions: EventMention[],
  corpus: EventCorpus,
  s: ClusterSettings,
  ticker: Pacer,
): Generator<void, Features, void> {
  const f = emptyFeatures(mentions);
  const [lemmas, dates, places, entities] = [new Interner(), new Interner(), new Interner(), new Interner()];
  const facts: ReturnType<typeof dateFacts>[] = [];
  const pubDays = new Map<string | null | undefined, number>();
  const parts = new IntColumn();
  const partWeight: number[] = [];
  const persons = new IntColumn();
  const maxIdf = corpus.idf(1);
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    f.doc[i] = corpus.docOf[i];
    f.lemma[i] = lemmas.id(m.lemma);
    f.date[i] = m.date ? dates.id(m.date) : -1;
    const d = f.date[i] >= 0 ? (facts[f.date[i]] ??= dateFacts(m.date!)) : null;
    f.hasWhen[i] = d?.hasWhen ? 1 : 0;
    f.exactDay[i] = d?.exact ? 1 : 0;
    f.dateDay[i] = d ? d.day : NaN;
    f.latestStart[i] = d ? d.latestStart : -Infinity;
    let pub = pubDays.get(m.published);
    if (pub === undefined) pubDays.set(m.published, (pub = epochDayOf(m.published)));
    f.pubDay[i] = pub;
    f.notAfter[i] = m.date || m.future || Number.isNaN(pub) ? Infinity : pub;
    f.place[i] = m.place ? places.id(m.place) : -1;
    f.general[i] = m.general ? 1 : 0;
    const prev = i > 0 ? mentions[i - 1] : null;
    if (prev && prev.participants === m.participants && prev.participantTypes === m.participantTypes) {
      // The next mention of one sentence: its participants (one list per sentence) are the run just read.
      f.partStart[i] = f.partStart[i - 1];
      f.partEnd[i] = f.partEnd[i - 1];
      f.personStart[i] = f.personStart[i - 1];
      f.personEnd[i] = f.personEnd[i - 1];
      if (ticker.add(4)) yield;
      continue;
    }
    f.partStart[i] = parts.length;
    f.personStart[i] = persons.length;
    m.participants.forEach((p, k) => {
      parts.push(entities.id(p));
      // A shared team, body or country is often the whole story's backdrop.
      const weight = m.participantTypes?.[k] === 'PERSON' ? 1 : s.nonPersonWeight;
      partWeight.push((weight * corpus.idf(corpus.ctxDf.get(p))) / maxIdf);
      if (m.participantTypes?.[k] === 'PERSON') persons.push(entities.id(p));
    });
    f.partEnd[i] = parts.length;
    f.personEnd[i] = persons.length;
    if (ticker.add(4 + m.participants.length)) yield;
  }
  Object.assign(f, {
    wordStart: corpus.wordStart,
    wordEnd: corpus.wordEnd,
    wordIds: corpus.mentionWords,
    partIds: parts.done(),
    partWeight: Float64Array.from(partWeight),
    personIds: persons.done(),
    dates: dates.values,
    places: places.values,
  });
  for (let i = 0; i < mentions.length; i++) {
    let total = 0;
    for (let k = f.wordStart[i]; k < f.wordEnd[i]; k++) total += corpus.wordWeight[f.wordIds[k]];
    f.wordTotal[i] = total;
    if (ticker.add(1 + f.wordEnd[i] - f.wordStart[i])) yield;
  }
  yield* storyColumns(f, mentions, corpus.docIndex.size, ticker);
  return f;
}

/** Each article's years and people as sorted ids (storiesClash compares them by merge). */
function* storyColumns(f: Features, mentions: EventMention[], nDocs: number, ticker: Pacer): Steps<void> {
  const keys = new Interner();
  const ids = (set: Set<string>) => Int32Array.from([...set].map((k) => keys.id(k))).sort();
  f.storyYears = new Array<Int32Array>(nDocs);
  f.storyPersons = new Array<Int32Array>(nDocs);
  for (let i = 0; i < mentions.length; i++) {
    const d = f.doc[i];
    if (f.storyYears[d]) continue;
    const story = storyOf(mentions[i]);
    f.storyYears[d] = ids(story.years);
    f.storyPersons[d] = ids(story.persons);
    // An article's story reads its sentences: a step's worth of units per few articles.
    if (ticker.add(64 + story.years.size + story.persons.size)) yield;
  }
}

/**
 * Scores pairs of mentions of a feature table: scorePair of the comments below, with the vetoes and the
 * article likeness memoised per pair of ids, and scratch space for the word overlap so that the pair loop
 * allocates nothing.
 */
export class PairScorer {
  private readonly mark: Int32Array;
  private stamp = 0;
  private readonly dateFits: DateFits;
  private readonly placeFits: PlaceFits;

  constructor(
    readonly f: Features,
    private readonly corpus: EventCorpus,
    private readonly s: ClusterSettings,
  ) {
    this.mark = new Int32Array(corpus.wordWeight.length);
    this.dateFits = new DateFits(f.dates);
    this.placeFits = new PlaceFits(f.places);
  }

  /** Two usable dates (by id) can name one day. */
  datesFit(a: number, b: number): boolean {
    return this.dateFits.fits(a, b);
  }

  /** Two places (by id) can be where one event happened. */
  placesFit(p: number, q: number): boolean {
    return this.placeFits.fits(p, q);
  }

  /** A date, place or time order that rules the pair out. */
  vetoed(i: number, j: number): boolean {
    const f = this.f;
    if (f.notAfter[i] < f.latestStart[j] || f.notAfter[j] < f.latestStart[i]) return true;
    if (f.hasWhen[i] && f.hasWhen[j] && !this.datesFit(f.date[i], f.date[j])) return true;
    const p = f.place[i];
    const q = f.place[j];
    return p >= 0 && q >= 0 && p !== q && !this.placesFit(p, q);
  }

  /** Both name one exact day, by the same value. */
  sameDay(i: number, j: number): boolean {
    const f = this.f;
    return f.exactDay[i] === 1 && f.exactDay[j] === 1 && f.date[i] === f.date[j];
  }

  /** IDF-weighted Jaccard overlap of the two sentences' words (summed over the smaller set, in its order). */
  private wordOverlap(i: number, j: number): number {
    const f = this.f;
    const sizeI = f.wordEnd[i] - f.wordStart[i];
    const sizeJ = f.wordEnd[j] - f.wordStart[j];
    const small = sizeI <= sizeJ ? i : j;
    const large = small === i ? j : i;
    if (++this.stamp === 0x7fffffff) {
      this.mark.fill(0);
      this.stamp = 1;
    }
    const { wordIds, wordStart, wordEnd } = f;
    for (let k = wordStart[large]; k < wordEnd[large]; k++) this.mark[wordIds[k]] = this.stamp;
    const weight = this.corpus.wordWeight;
    let shared = 0;
    for (let k = wordStart[small]; k < wordEnd[small]; k++) {
      const w = wordIds[k];
      if (this.mark[w] === this.stamp) shared += weight[w];
    }
    const total = f.wordTotal[i] + f.wordTotal[j] - shared;
    return total ? shared / total : 0;
  }

  /** An undated mention published up to three days after the other's exact day. */
  private recentFor(undated: number, dated: number): boolean {
    const f = this.f;
    if (f.date[undated] >= 0 || f.date[dated] < 0 || !f.exactDay[dated]) return false;
    const lag = f.pubDay[undated] - f.dateDay[dated];
    return lag >= 0 && lag <= 3;
  }

  /** Evidence from the participants both sentences name: shared people say most, a shared body or country less. */
  private sharedParticipants(i: number, j: number): number {
    const { partStart, partEnd, partIds, partWeight } = this.f;
    let shared = 0;
    for (let k = partStart[i]; k < partEnd[i]; k++) {
      if (includes(partIds, partStart[j], partEnd[j], partIds[k])) shared += partWeight[k];
    }
    return Math.min(1.2, shared * 0.5);
  }

  /** Both sentences name people and none in common. */
  private personsClash(i: number, j: number): boolean {
    const { personStart, personEnd, personIds } = this.f;
    if (personStart[i] === personEnd[i] || personStart[j] === personEnd[j]) return false;
    for (let k = personStart[i]; k < personEnd[i]; k++) {
      if (includes(personIds, personStart[j], personEnd[j], personIds[k])) return false;
    }
    return true;
  }

  /**
   * Local evidence: the same day, the same place, the same people, the same words around the trigger; NaN
   * when two sentences of one article name different people.
   */
  private localEvidence(i: number, j: number, sameDay: boolean): number {
    const f = this.f;
    const s = this.s;
    let local = 0;
    if (f.date[i] >= 0 && f.date[j] >= 0) local += sameDay ? 1.2 : 0.4;
    // An undated mention most likely means the news of its day: a dated event just before publication.
    else if (s.recentBonus && (this.recentFor(i, j) || this.recentFor(j, i))) local += s.recentBonus;
    if (f.place[i] >= 0 && f.place[j] >= 0) local += f.place[i] === f.place[j] ? 0.8 : 0.3;
    local += this.sharedParticipants(i, j);
    // Both name people and none in common: probably two people doing the same kind of thing.
    if (this.personsClash(i, j)) {
      if (f.doc[i] === f.doc[j]) return NaN;
      local -= s.personClash;
    }
    return local + 2 * this.wordOverlap(i, j);
  }

  /** The score of a pair of mentions; -Infinity when they cannot be one happening. */
  score(i: number, j: number): number {
    const f = this.f;
    const s = this.s;
    if (this.vetoed(i, j)) return -Infinity;
    const sameDay = this.sameDay(i, j);
    const sameDoc = f.doc[i] === f.doc[j];
    const sim = sameDoc ? 1 : this.corpus.similarityOf(f.doc[i], f.doc[j]);
    if (sim < s.minDocSimilarity && !sameDay) return -Infinity;
    // Words outside the event classes (any past-tense verb, "war", "cooperation") need more support than
    // "summit" or "fired": they are as often background as the happening itself.
    const general = f.general[i] === 1;
    const lexical = f.lemma[i] === f.lemma[j] ? (general ? 1 - s.generalPenalty : 1) : 0.6;
    const local = this.localEvidence(i, j, sameDay);
    if (Number.isNaN(local)) return -Infinity;
    const needed = s.minLocal + (general ? s.generalLocal : 0);
    if (sameDoc) return local < needed ? -Infinity : lexical + local;
    // Articles telling two stories of one kind share words and article likeness; only the same day joins them.
    if (!sameDay && storiesClash(f, f.doc[i], f.doc[j], s)) {
      if (!Number.isFinite(s.storyClash)) return -Infinity;
      return lexical + local + s.docWeight * sim - s.storyClash;
    }
    // Two articles plainly about one story may share an event word with nothing else around it ("FIRED IN PHILLY!!").
    const waived = !general && sim >= s.sameStory;
    if (!waived && local < needed) return -Infinity;
    return lexical + local + s.docWeight * sim;
  }
}

function includes(list: Int32Array, from: number, to: number, value: number): boolean {
  for (let k = from; k < to; k++) if (list[k] === value) return true;
  return false;
}
