// Event mentions of one analysed article: each trigger with the date, place and participants of its clause or sentence.
// Detection runs with the per-article analysis (in its thread) and refers to participants by their index in the
// analysis's entities; resolveEvents gives them the ids and names linking has given them since.
import { ArticleAnalysis, DateMention, EntityMention, Span } from '../model';
import { parseTimex } from '../text/datecompat';
import { contentStemsOf, Token, tokenize } from '../text/stem';
import { articleTopics, withEntities } from './context';
import { addMention, addSentence, ArticleEvents, emptyEvents, mentionAt, setTopics } from './stored';
import { Actor, actorOf, complementOf, complementText, subjectOf } from './phrases';
import { findTriggers, inside, timeAnchor, TimeAnchor, Trigger } from './triggers';

export interface EventMention {
  path: string;
  sentence: Span;
  trigger: Span;
  triggerText: string;
  /** Stem of the trigger's head word ("meet" for "met", "summit" for "summits"). */
  lemma: string;
  /** TIMEX3 value of when it happened, from the trigger's clause or sentence; null when unknown. */
  date: string | null;
  /** True when the date came from a relative expression resolved against the publication date. */
  dateRelative?: boolean;
  /** The words that gave the date ("on Thursday", "in March"). */
  dateText?: string;
  /** Canonical name of the place where it happened ("in Tokyo"), or null. */
  place: string | null;
  /** Canonical entity ids of the people, organisations and places in the sentence. */
  participants: string[];
  /** Canonical names, parallel to `participants`. */
  participantNames?: string[];
  /** Entity types, parallel to `participants`. */
  participantTypes?: string[];
  /** Publication date of the article, when known: an undated mention is most likely about recent news. */
  published?: string | null;
  /** Said of what is to come ("will host", "to host", "expected to hold"): may be later than publication. */
  future?: boolean;
  /**
   * Event classes the trigger belongs to: words that can name the same happening share one. A general word's
   * only class is its own stem.
   */
  classes: string[];
  /** The trigger is a word outside the event classes ("restore", "war", any past-tense verb). */
  general: boolean;
  /** Noun triggers make better labels than verbs. */
  nominal: boolean;
  /** The named participant right before the trigger in its clause ("North Korea launched"), for the label. */
  subject?: Actor | null;
  /** What a verb trigger acts on, as written ("intercontinental ballistic missile", "Fumio Kishida"). */
  complement?: string | null;
  /** Preceded by a modal or "to" ("will remove", "to compensate"): a headline says "Japan to remove …". */
  modal?: boolean;
  /**
   * Reported as what happened before the sentence's own happening ("suspended crossings after the ferry collided",
   * "stay closed after Monday's crash"): a happening of its own, which shares neither the sentence's date nor, when
   * groups merge, its sentence.
   */
  anchor?: boolean;
  /** Content-word stems of the sentence, for argument overlap. */
  words: string[];
  /** What the whole article is about: entity ids and years, with counts (shared by its mentions). */
  context: Record<string, number>;
}

/**
 * Events and quotes are looked for in the first EVENT_SCOPE characters of an article. News reports
 * its events up front; a multi-megabyte file (a dump, a book) would otherwise cost minutes of
 * clustering for links nobody reads. Entities and dates are still found everywhere.
 */
export const EVENT_SCOPE = 200_000;

/** The part of an analysis that events and quotes are looked for in (the whole of any ordinary article). */
export function leadOf(a: ArticleAnalysis): ArticleAnalysis {
  if (a.article.text.length <= EVENT_SCOPE) return a;
  const inScope = <T extends Span>(xs: T[]) => xs.filter((x) => x.end <= EVENT_SCOPE);
  return {
    article: { ...a.article, sentences: inScope(a.article.sentences), paragraphs: inScope(a.article.paragraphs) },
    entities: inScope(a.entities),
    dates: inScope(a.dates),
  };
}

/** A modal or infinitive marker right before a trigger ("will host", "to host", "could face"). */
const MODAL_BEFORE = /\b(?:will|would|shall|could|may|might|to|['’]ll)\s+(?:\w+\s+)?$/i;

/** Words that put a sentence's happening ahead of the time of writing. */
const FUTURE = new RegExp(
  '\\b(?:will|would|shall|going to|expected|scheduled|set to|plans? to|planned|upcoming|next|later|future|due to|' +
    "to be held)\\b|['’]ll\\b",
  'i',
);

// "from" is left out: "a leader from Seoul made the flight" says where someone came from, not where it happened.
const PLACE_PREPOSITION =
  /\b(?:in|at|to|into|near|inside|outside|across|throughout|off|visiting|visited|visit)\s+(?:the\s+)?$/i;

/** Clause index of each offset: commas, semicolons, dashes and colons end a clause. */
function clauseBreaks(text: string, sentence: Span): number[] {
  const breaks: number[] = [];
  const re = /[,;:—–]|\s-\s/g;
  const slice = text.slice(sentence.start, sentence.end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) breaks.push(sentence.start + m.index);
  return breaks;
}

function clauseOf(breaks: number[], offset: number): number {
  let i = 0;
  while (i < breaks.length && breaks[i] < offset) i++;
  return i;
}

/**
 * The trigger a modifier (a date or a place) belongs to: the nearest trigger to its left in its clause
 * ("visit to Tokyo in March"), else the nearest to its right in its clause ("on Sunday met"), else the
 * nearest to its right in the sentence ("Thursday morning brought …, as the country launched"). A modifier
 * never reaches back across a clause: "the summit is focused on … Japan's 1910-45 colonial rule".
 */
function attach(mod: Span, triggers: Trigger[], breaks: number[]): number {
  if (!triggers.length) return -1;
  const clause = clauseOf(breaks, mod.start);
  let best = -1;
  let bestDistance = Infinity;
  for (let i = 0; i < triggers.length; i++) {
    const t = triggers[i];
    if (clauseOf(breaks, t.span.start) !== clause || t.span.end > mod.start) continue;
    const d = mod.start - t.span.end;
    if (d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  }
  if (best >= 0) return best;
  for (let i = 0; i < triggers.length; i++) {
    const t = triggers[i];
    if (t.span.start < mod.end) continue;
    const d = t.span.start - mod.end + (clauseOf(breaks, t.span.start) === clause ? 0 : 1000);
    if (d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  }
  return best;
}

/** The TIMEX3 value of a date mention as an event date, or null when it does not say when something happened. */
function eventDateValue(d: DateMention, published: string | null): string | null {
  // Ranges ("1910-45") are periods, not the day something happened.
  if ((d.type === 'DATE' || d.type === 'TIME') && !d.range) {
    const v = d.value.split('T')[0];
    return parseTimex(v) ? v : null;
  }
  // "In recent weeks", "over the past few days": a stretch of time ending at publication.
  if (d.type === 'DURATION' && published && /\b(?:recent|past|last)\b/i.test(d.text)) {
    const unit = /P(?:X|\d+)([DWM])/.exec(d.value)?.[1];
    const days = unit === 'D' ? 10 : unit === 'W' ? 60 : unit === 'M' ? 200 : 0;
    if (days) {
      const end = Date.parse(`${published}T00:00:00Z`);
      if (!Number.isNaN(end)) return `${new Date(end - days * 86400000).toISOString().slice(0, 10)}/${published}`;
    }
  }
  return null;
}

/** What every sentence of an article shares while its mentions are found. */
interface ArticleScope {
  analysis: ArticleAnalysis;
  text: string;
  /** Entities in text order, with their index in the analysis's entities. */
  entities: EntityMention[];
  entityIndex: Map<EntityMention, number>;
  /** Dates that can say when something happened, in text order, with their event-date values. */
  dates: DateMention[];
  dateValue: Map<DateMention, string>;
  quoted: Span[];
  published: string | null;
  /** Tokens and content stems of each sentence, computed once and shared by triggers, words and topics. */
  tokens: (Token[] | undefined)[];
  words: (string[] | undefined)[];
}

/** The sentences' mentions found with everything they attach to. */
interface SentenceScope {
  sentence: Span;
  index: number;
  triggers: Trigger[];
  breaks: number[];
  entities: EntityMention[];
  dates: DateMention[];
  /** Per trigger: where its clause starts. */
  clauseStarts: number[];
  /** Per trigger: whether it anchors the time of the sentence's happening, and which way (see timeAnchor). */
  anchors: TimeAnchor[];
}

/** Event mentions of one analysed article, in text order, with the ids and names its entities have now. */
export function findEventMentions(analysis: ArticleAnalysis): EventMention[] {
  return resolveEvents(detectEvents(analysis), analysis);
}

/** Event mentions of one analysed article (of its lead), in text order, before linking. */
export function detectEvents(full: ArticleAnalysis): ArticleEvents {
  const analysis = leadOf(full);
  const scope = articleScope(analysis);
  const out = emptyEvents(scope.published);
  let e = 0;
  let d = 0;
  const scopes: SentenceScope[] = [];
  analysis.article.sentences.forEach((sentence, i) => {
    // Entities and dates in text order: each sentence takes the ones inside it, moving on from the last.
    while (e < scope.entities.length && scope.entities[e].start < sentence.start) e++;
    while (d < scope.dates.length && scope.dates[d].start < sentence.start) d++;
    const s = sentenceScope(scope, sentence, i, e, d);
    if (s) scopes.push(s);
  });
  const reported = reportedClasses(scopes);
  for (const s of scopes) sentenceMentions(scope, s, out, reported);
  setTopics(
    out,
    articleTopics(analysis, (i) => wordsOf(scope, i)),
  );
  return out;
}

/** The mentions with the entity ids and names the analysis's entities carry now (after linking and merges). */
export function resolveEvents(events: ArticleEvents, full: ArticleAnalysis, path = full.article.path): EventMention[] {
  const analysis = leadOf(full);
  const ents = analysis.entities;
  const context = withEntities(ents, events.topicKeys, events.topicCounts);
  const participants = events.sentenceEntities.map((list) => participantsOf(list.map((k) => ents[k])));
  // One span per sentence, shared by its mentions and the references clusters keep to them.
  const sentences = events.sentenceStart.map((start, i) => ({ start, end: events.sentenceEnd[i] }));
  const text = analysis.article.text;
  return events.sentence.map((_, k) => {
    const m = mentionAt(events, k);
    const p = participants[m.sentence];
    const dated = m.date !== null;
    return {
      path,
      sentence: sentences[m.sentence],
      trigger: m.trigger,
      triggerText: text.slice(m.trigger.start, m.trigger.end),
      lemma: m.lemma,
      date: m.date,
      dateRelative: dated ? m.dateRelative : undefined,
      dateText: dated ? (m.dateText ?? undefined) : undefined,
      place: m.place >= 0 ? ents[m.place].canonical : null,
      participants: p.ids,
      participantNames: p.names,
      participantTypes: p.types,
      published: events.published,
      future: m.future,
      classes: m.classes,
      general: m.general,
      nominal: m.nominal,
      subject: m.subject >= 0 ? actorOf(ents[m.subject]) : null,
      modal: m.modal,
      anchor: m.anchor || undefined,
      complement: m.nominal
        ? null
        : complementText(m.complement, m.complementEntity >= 0 ? actorOf(ents[m.complementEntity]) : null),
      words: events.sentenceWords[m.sentence],
      context,
    };
  });
}

function articleScope(analysis: ArticleAnalysis): ArticleScope {
  const { article } = analysis;
  const text = article.text;
  const published = article.published?.value ?? null;
  const dateValue = new Map<DateMention, string>();
  for (const d of analysis.dates) {
    const v = eventDateValue(d, published);
    if (v) dateValue.set(d, v);
  }
  const quoted: Span[] = [];
  for (const m of text.matchAll(/“[^”]{8,}?”|"[^"\n]{8,}?"/g))
    quoted.push({ start: m.index!, end: m.index! + m[0].length });
  const n = article.sentences.length;
  return {
    analysis,
    text,
    entities: [...analysis.entities].sort((a, b) => a.start - b.start),
    entityIndex: new Map(analysis.entities.map((e, i) => [e, i])),
    dates: [...dateValue.keys()].sort((a, b) => a.start - b.start),
    dateValue,
    quoted,
    published,
    tokens: new Array<Token[] | undefined>(n),
    words: new Array<string[] | undefined>(n),
  };
}

function tokensOf(scope: ArticleScope, i: number): Token[] {
  const s = scope.analysis.article.sentences[i];
  return (scope.tokens[i] ??= tokenize(scope.text.slice(s.start, s.end), s.start));
}

function wordsOf(scope: ArticleScope, i: number): string[] {
  return (scope.words[i] ??= contentStemsOf(tokensOf(scope, i)));
}

/** The items from `from` on (in text order) that lie inside the sentence. */
function within<T extends Span>(items: T[], from: number, sentence: Span): T[] {
  const out: T[] = [];
  for (let k = from; k < items.length && items[k].start < sentence.end; k++) {
    if (items[k].end <= sentence.end) out.push(items[k]);
  }
  return out;
}

/** A sentence with its triggers, or null when it reports nothing (boilerplate, a web address, no trigger). */
function sentenceScope(
  scope: ArticleScope,
  sentence: Span,
  index: number,
  firstEntity: number,
  firstDate: number,
): SentenceScope | null {
  const { text } = scope;
  if (inside(scope.analysis.article.boilerplate, sentence.start)) return null;
  // A web address is not reporting ("http://…/2013/ellen-to-host-oscars").
  if (/^\s*(?:https?:|www\.)/i.test(text.slice(sentence.start, sentence.start + 12))) return null;
  const entities = within(scope.entities, firstEntity, sentence);
  const dates = within(scope.dates, firstDate, sentence);
  const triggers = findTriggers(text, sentence, [...entities, ...dates], scope.quoted, tokensOf(scope, index));
  if (!triggers.length) return null;
  const breaks = clauseBreaks(text, sentence);
  const clauseStarts = triggers.map((t) => breaks.filter((b) => b < t.span.start).pop() ?? sentence.start);
  const anchors = triggers.map((t, i) => timeAnchor(text, t, triggers[i - 1], clauseStarts[i]));
  return { sentence, index, triggers, breaks, entities, dates, clauseStarts, anchors };
}

/** The classes of the article's triggers that anchor no other happening's time: what it reports in its own right. */
function reportedClasses(scopes: SentenceScope[]): Set<string> {
  const out = new Set<string>();
  for (const s of scopes) s.triggers.forEach((t, i) => s.anchors[i] || t.classes.forEach((c) => out.add(c)));
  return out;
}

/**
 * Whether a time anchor is left out. What is to come ("hours before they met") is reported where it happens. What
 * happened earlier ("crossings stay suspended after Monday's collision") is background when the article reports a
 * happening of its kind in its own right too ("In a news conference after the two leaders met", in an article on the
 * meeting), and else often the news itself: a digest item or a brief names the cause only so.
 */
function anchorLeftOut(anchor: TimeAnchor, t: Trigger, reported: Set<string>, told: boolean): boolean {
  return anchor === 'later' || (anchor === 'earlier' && !told && t.classes.some((c) => reported.has(c)));
}

/** A sentence opening with a preposition: its first clause is an adverbial set before the main clause. */
const FRONTED_RE = /^\W*(?:after|following|since|in|at|during|on|upon|with|amid|as)\b/i;

/**
 * A time anchor that tells its happening: one after the main clause ("suspended crossings on Tuesday after the ferry
 * collided near Gull Point"), not one in an adverbial set before it ("After their meeting in Tokyo, the leaders held a
 * press conference", "In a news conference after the two leaders met on Thursday, Mr. Kishida said"), which presents
 * it as known.
 */
function toldAnchor(text: string, s: SentenceScope, i: number): boolean {
  const t = s.triggers[i];
  const fronted =
    s.clauseStarts[i] === s.sentence.start &&
    FRONTED_RE.test(text.slice(s.sentence.start, t.span.start)) &&
    s.breaks.some((b) => b >= t.span.end);
  return !fronted;
}

/** "Monday's collision", "last week's summit": a date in the possessive is the date of the noun after it. */
function possessiveOwner(text: string, d: Span, triggers: Trigger[]): number {
  const m = /^['’]s\s+(?:[\p{L}-]+\s+){0,2}/u.exec(text.slice(d.end, d.end + 40));
  if (!m) return -1;
  return triggers.findIndex((t) => t.span.start >= d.end && t.span.start <= d.end + m[0].length);
}

/**
 * The date of each trigger: its own, else one it shares with a dated trigger of its clause or sentence. A time anchor
 * ("after the ferry collided") happened at another time than the clause it anchors: it keeps its own date only, and
 * lends none.
 */
function triggerDates(text: string, s: SentenceScope): (DateMention | null)[] {
  const { sentence, triggers, breaks, anchors } = s;
  const dateOf: (DateMention | null)[] = triggers.map(() => null);
  for (const d of s.dates) {
    const owner = possessiveOwner(text, d, triggers);
    const i = owner >= 0 ? owner : attach(d, triggers, breaks);
    if (i >= 0 && !dateOf[i]) dateOf[i] = d;
  }
  // A trigger without a date of its own shares the date of a dated trigger in its clause ("met … at a
  // summit in Tokyo on March 16") or before it in its sentence ("launched … hours before Mr. Yoon and
  // Mr. Kishida met"): dates scope rightwards, not back across a clause.
  const own = [...dateOf];
  for (let i = 0; i < triggers.length; i++) {
    // "announced Friday that she will host": what is to come does not share the day it was announced.
    if (
      own[i] ||
      anchors[i] ||
      MODAL_BEFORE.test(text.slice(Math.max(sentence.start, triggers[i].span.start - 20), triggers[i].span.start))
    )
      continue;
    const clause = clauseOf(breaks, triggers[i].span.start);
    let pick: DateMention | null = null;
    const next = i + 1 < triggers.length ? i + 1 : -1;
    if (next >= 0 && !anchors[next] && clauseOf(breaks, triggers[next].span.start) === clause) pick = own[next];
    for (let j = i - 1; j >= 0 && !pick; j--) if (!anchors[j]) pick = own[j];
    dateOf[i] = pick;
  }
  return dateOf;
}

/** The place of each trigger: a place named after a place preposition, attached like a date. */
function triggerPlaces(text: string, s: SentenceScope): (EntityMention | null)[] {
  const { sentence, triggers, breaks, anchors } = s;
  const placeOf: (EntityMention | null)[] = triggers.map(() => null);
  for (const e of s.entities) {
    if (e.type !== 'PLACE') continue;
    const before = text.slice(Math.max(sentence.start, e.start - 24), e.start);
    if (!PLACE_PREPOSITION.test(before)) continue;
    const i = attach(e, triggers, breaks);
    if (i >= 0 && !placeOf[i]) placeOf[i] = e;
  }
  // "visited the national cemetery in Seoul": a verb shares the place of the noun right after it in its clause (not
  // of a time anchor's: "suspended crossings after the ferry collided near Gull Point").
  for (let i = 0; i + 1 < triggers.length; i++) {
    if (
      !placeOf[i] &&
      placeOf[i + 1] &&
      !anchors[i + 1] &&
      clauseOf(breaks, triggers[i].span.start) === clauseOf(breaks, triggers[i + 1].span.start)
    ) {
      placeOf[i] = placeOf[i + 1];
    }
  }
  return placeOf;
}

/** The people, organisations and places named in the sentence, once each (shared by its mentions). */
function participantsOf(entities: EntityMention[]): { ids: string[]; names: string[]; types: string[] } {
  const ids: string[] = [];
  const names: string[] = [];
  const types: string[] = [];
  for (const e of entities) {
    if (ids.includes(e.id)) continue;
    ids.push(e.id);
    names.push(e.canonical);
    types.push(e.type);
  }
  // Copies at their length: an array grown by push keeps room for 17, and these stay for the whole link.
  return { ids: ids.slice(), names: names.slice(), types: types.slice() };
}

function sentenceMentions(scope: ArticleScope, s: SentenceScope, out: ArticleEvents, reported: Set<string>): void {
  const { text } = scope;
  const { sentence, triggers, breaks, anchors } = s;
  const dateOf = triggerDates(text, s);
  const placeOf = triggerPlaces(text, s);
  const indexOf = (e: EntityMention | null | undefined) => (e ? scope.entityIndex.get(e)! : -1);
  let sentenceIndex = -1;
  const future = FUTURE.test(text.slice(sentence.start, sentence.end));
  triggers.forEach((t, i) => {
    const clauseStart = s.clauseStarts[i];
    if (anchorLeftOut(anchors[i], t, reported, toldAnchor(text, s, i))) return;
    const clauseEnd = breaks.find((b) => b >= t.span.end) ?? sentence.end;
    const d = dateOf[i];
    const complement = t.nominal ? null : complementOf(text, t.span, clauseEnd, s.entities);
    // The sentence is kept once, with its first mention.
    if (sentenceIndex < 0) {
      const named = s.entities.filter((e) => e.type !== 'NATIONALITY').map(indexOf);
      sentenceIndex = addSentence(out, sentence, wordsOf(scope, s.index), named);
    }
    addMention(out, {
      sentence: sentenceIndex,
      trigger: t.span,
      lemma: t.lemma,
      classes: t.classes,
      date: d ? scope.dateValue.get(d)! : null,
      dateRelative: d ? d.relative : false,
      dateText: d ? d.text : null,
      place: indexOf(placeOf[i]),
      future: future || /\bto\s+$/i.test(text.slice(Math.max(sentence.start, t.span.start - 4), t.span.start)),
      general: t.general,
      nominal: t.nominal,
      modal: MODAL_BEFORE.test(text.slice(Math.max(sentence.start, t.span.start - 20), t.span.start)),
      anchor: anchors[i] === 'earlier',
      subject: indexOf(subjectOf(text, { start: clauseStart, end: clauseEnd }, sentence, t.span, s.entities)),
      complement: complement?.words ?? null,
      complementEntity: indexOf(complement?.entity),
    });
  });
}
