// Event triggers in a sentence: the words that report a happening, with whether they are nouns or general words.
import { Span } from '../model';
import { IRREGULAR_VERB_FORMS, stem, STOP_WORDS, tokenize, Token } from '../text/stem';
import {
  CALENDAR,
  classesOf,
  eventLemma,
  isHappeningNoun,
  NOT_EVENT_ED,
  NOT_EVENT_ING,
  NOUN_TRIGGERS,
  REPORTING,
  WordClasses,
} from './words';

export interface Trigger {
  span: Span;
  text: string;
  lemma: string;
  classes: string[];
  /** A word outside the event classes, matched by its own stem alone. */
  general: boolean;
  nominal: boolean;
}

export function inside(spans: Span[], offset: number): boolean {
  return spans.some((s) => offset >= s.start && offset < s.end);
}

/** "held a press conference", "hold talks": the noun names the happening, the verb only carries it. */
export function isLightVerb(text: string, t: Trigger, next: Trigger | undefined): boolean {
  if (!next || !/^(?:hold|held|holds|holding|host|hosted|hosts|hosting)$/i.test(t.text)) return false;
  return next.nominal && next.span.start - t.span.end < 30 && !/[,;.]/.test(text.slice(t.span.end, next.span.start));
}

/**
 * A trigger that anchors the time of another event: what happened earlier ("suspended crossings after the ferry
 * collided", "stay closed after Monday's crash", "since the vote") or what is to come ("hours before Mr. Yoon and
 * Mr. Kishida met", "ahead of his summit with Yoon"); null when it is no anchor.
 */
export type TimeAnchor = 'earlier' | 'later' | null;

export function timeAnchor(text: string, t: Trigger, previous: Trigger | undefined, clauseStart: number): TimeAnchor {
  const from = Math.max(clauseStart, previous ? previous.span.end : clauseStart);
  const before = text.slice(from, t.span.start);
  const m = /\b(before|after|ahead of|since|following|until|prior to)\b(?:\s+[^\s,;]+){0,6}\s*$/i.exec(before);
  if (!m) return null;
  return /^(?:after|since|following)$/i.test(m[1]) ? 'earlier' : 'later';
}

/** Verb stem and particle → the event word they make together (its lemma and classes). */
const PHRASAL = new Map<string, { lemma: string; classes: string[] }>([
  ['touch down', { lemma: 'arriv', classes: ['meet'] }],
  ['check into', { lemma: 'admit', classes: ['admit'] }],
  ['check in', { lemma: 'admit', classes: ['admit'] }],
  ['pass away', { lemma: 'die', classes: ['kill'] }],
  ['gun down', { lemma: 'shoot', classes: ['shoot'] }],
]);

const PHRASAL_VERBS = new Set([...PHRASAL.keys()].map((k) => k.split(' ')[0]));

/** What a word is as a trigger, whatever its sentence: the part of findTriggers that depends on the word alone. */
interface TriggerWord {
  lemma: string;
  lower: string;
  /** Its event classes; null when it is none of them (it may still be a general past-tense or -ing trigger). */
  classes: WordClasses | null;
  /**
   * Outside the classes, a past-tense verb, an -ing form or a noun of a happening ("derailment"): a general trigger
   * outside quotations.
   */
  pastOrIng: boolean;
  /** A noun by its form alone (a known noun trigger, "-tion", "-ment"…). */
  nounForm: boolean;
}

// Memoised, since every token of every sentence asks: null for short, stop, reporting and calendar words.
const WORD_MEMO = new Map<string, TriggerWord | null>();
const WORD_MEMO_MAX = 200_000;

function triggerWord(word: string): TriggerWord | null {
  let w = WORD_MEMO.get(word);
  if (w === undefined) {
    w = readTriggerWord(word);
    if (WORD_MEMO.size >= WORD_MEMO_MAX) WORD_MEMO.clear();
    WORD_MEMO.set(word, w);
  }
  return w;
}

function readTriggerWord(word: string): TriggerWord | null {
  const lower = word.toLowerCase();
  if (lower.length < 3 || STOP_WORDS.has(lower)) return null;
  const lemma = eventLemma(stem(lower));
  if (REPORTING.has(lemma) || CALENDAR.test(lower)) return null;
  let classes = classesOf(lemma);
  if (!classes && /-/.test(lower)) {
    const last = lower.split('-').pop()!;
    if (!CALENDAR.test(last)) classes = classesOf(eventLemma(stem(last)));
  }
  // A noun of a happening made from a verb ("derailment", "evacuation") reports one as its verb does.
  const happeningNoun = word === lower && isHappeningNoun(lower);
  // General fallback: past-tense verbs and -ing forms report happenings (hosted, resigned, climbing…).
  const pastOrIng =
    !classes &&
    ((/^[a-z]+ed$/.test(word) && lower.length > 4 && !NOT_EVENT_ED.has(lower)) ||
      (/^[a-z]+ing$/.test(word) && lower.length > 5 && !NOT_EVENT_ING.has(lower)) ||
      (IRREGULAR_VERB_FORMS.has(lower) && word === lower) ||
      happeningNoun);
  const nounForm = NOUN_TRIGGERS.has(lower) || happeningNoun || /(?:tion|sion|ment|ance|ence)s?$/.test(lower);
  return { lemma, lower, classes, pastOrIng, nounForm };
}

const REFLEXIVE = /^(?:himself|herself|themselves|itself)$/i;

/** Words that make the next one a noun ("a plan", "their plans"). */
const DETERMINER = /^(?:a|an|the|this|that|these|those|its|his|her|their|our|my|your|new|landmark|government['’]s)$/i;

/**
 * Whether a token overlaps one of the spans, for tokens asked in text order: `ends[k]` is the furthest end of the
 * spans (sorted by start) up to k, so a token overlaps a span iff the spans starting before its end reach past its
 * start.
 */
function overlapTest(spans: Span[]): (tok: Token) => boolean {
  if (!spans.length) return () => false;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const ends: number[] = [];
  for (const s of sorted) ends.push(Math.max(s.end, ends.length ? ends[ends.length - 1] : -Infinity));
  let k = 0;
  return (tok) => {
    while (k < sorted.length && sorted[k].start < tok.end) k++;
    return k > 0 && ends[k - 1] > tok.start;
  };
}

/** Event triggers in a sentence: known event words, plus past-tense verbs as a general fallback. */
export function findTriggers(
  text: string,
  sentence: Span,
  entitySpans: Span[],
  quoted: Span[] = [],
  tokens: Token[] = tokenize(text.slice(sentence.start, sentence.end), sentence.start),
): Trigger[] {
  const out: Trigger[] = [];
  const overlapsEntity = overlapTest(entitySpans);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const word = triggerWord(tok.text);
    if (word === null || overlapsEntity(tok)) continue;
    const { lemma } = word;
    const next = tokens[i + 1];
    // Phrasal verbs whose particle makes them an event word: "touched down", "checked (herself) into".
    const skip = next && REFLEXIVE.test(next.text) ? 2 : 1;
    const particle = PHRASAL_VERBS.has(lemma) ? tokens[i + skip] : undefined;
    const phrasal = particle ? PHRASAL.get(`${lemma} ${particle.text.toLowerCase()}`) : undefined;
    if (phrasal) {
      const span = { start: tok.start, end: particle!.end };
      out.push({ span, text: text.slice(span.start, span.end), ...phrasal, general: false, nominal: false });
      i += skip;
      continue;
    }
    // "he and Yoon plan to exchange views", "planned to attend": an intention, not a plan as a happening
    // ("a plan to compensate" keeps its determiner and stays).
    if (lemma === 'plan' && next?.text.toLowerCase() === 'to' && !(i > 0 && DETERMINER.test(tokens[i - 1].text)))
      continue;
    const found = wordClasses(word, tok, quoted);
    if (!found) continue;
    const sense = NOUN_SENSE.has(lemma) ? nounOrVerbSense(found, lemma, tokens, i) : null;
    const classes: WordClasses = sense?.classes ?? found;
    const nominal = sense?.noun || word.nounForm;
    out.push({ span: { start: tok.start, end: tok.end }, text: tok.text, lemma, ...classes, nominal });
  }
  return out.filter((t, k) => !isLightVerb(text, t, out[k + 1]));
}

/** Words whose noun names another happening than their verb: "a fire" burns, "fired" launches or dismisses. */
const NOUN_SENSE = new Map([['fire', 'burn']]);

/** The noun's class after a determiner ("the fire", "a huge fire"), else the verb's classes. */
function nounOrVerbSense(
  found: WordClasses,
  lemma: string,
  tokens: Token[],
  i: number,
): { classes: WordClasses; noun: boolean } {
  const nounClass = NOUN_SENSE.get(lemma)!;
  const noun =
    /^[a-z]+s?$/i.test(tokens[i].text) &&
    !/(?:ed|ing)$/i.test(tokens[i].text) &&
    tokens.slice(Math.max(0, i - 2), i).some((t) => DETERMINER.test(t.text));
  const classes = noun ? [nounClass] : found.classes.filter((c) => c !== nounClass);
  return { classes: { ...found, classes }, noun };
}

/** The classes of a token as an event word, or null when it does not report a happening. */
function wordClasses(word: TriggerWord, tok: Token, quoted: Span[]): WordClasses | null {
  if (word.classes) return { ...word.classes };
  // Inside quotations such verbs are the speaker's words, which quote linking already covers.
  return word.pastOrIng && !inside(quoted, tok.start) ? { classes: [word.lemma], general: true } : null;
}
