// Event triggers in a sentence: the words that report a happening, with whether they are nouns or general words.
import { Span } from '../model';
import { IRREGULAR_VERB_FORMS, stem, STOP_WORDS, tokenize, Token } from '../text/stem';
import { CALENDAR, classesOf, NOT_EVENT_ED, NOT_EVENT_ING, NOUN_TRIGGERS, REPORTING, WordClasses } from './words';

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
 * A trigger that only anchors the time of another event ("hours before Mr. Yoon and Mr. Kishida met", "ahead of
 * his summit with Yoon") is background: the sentence reports something else.
 */
export function isTimeAnchor(text: string, t: Trigger, previous: Trigger | undefined, clauseStart: number): boolean {
  const from = Math.max(clauseStart, previous ? previous.span.end : clauseStart);
  const before = text.slice(from, t.span.start);
  return /\b(?:before|after|ahead of|since|following|until|prior to)\b(?:\s+[^\s,;]+){0,6}\s*$/i.test(before);
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

// Whether a word can be a trigger at all, and its stem: memoised, since every token of every sentence asks.
const LEMMA_MEMO = new Map<string, string | null>();
const LEMMA_MEMO_MAX = 200_000;

/** The stem of a word that may report a happening, or null for short, stop, reporting and calendar words. */
function candidateLemma(word: string): string | null {
  let lemma = LEMMA_MEMO.get(word);
  if (lemma === undefined) {
    const lower = word.toLowerCase();
    lemma = lower.length < 3 || STOP_WORDS.has(lower) ? null : stem(lower);
    if (lemma !== null && (REPORTING.has(lemma) || CALENDAR.test(lower))) lemma = null;
    if (LEMMA_MEMO.size >= LEMMA_MEMO_MAX) LEMMA_MEMO.clear();
    LEMMA_MEMO.set(word, lemma);
  }
  return lemma;
}

const REFLEXIVE = /^(?:himself|herself|themselves|itself)$/i;

/** Words that make the next one a noun ("a plan", "their plans"). */
const DETERMINER = /^(?:a|an|the|this|that|these|those|its|his|her|their|our|my|your|new|landmark|government['’]s)$/i;

/** Event triggers in a sentence: known event words, plus past-tense verbs as a general fallback. */
export function findTriggers(
  text: string,
  sentence: Span,
  entitySpans: Span[],
  quoted: Span[] = [],
  tokens: Token[] = tokenize(text.slice(sentence.start, sentence.end), sentence.start),
): Trigger[] {
  const out: Trigger[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (entitySpans.some((e) => tok.start < e.end && tok.end > e.start)) continue;
    const lemma = candidateLemma(tok.text);
    if (lemma === null) continue;
    const lower = tok.text.toLowerCase();
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
    const found = wordClasses(tok, lemma, quoted);
    if (!found) continue;
    const sense = NOUN_SENSE.has(lemma) ? nounOrVerbSense(found, lemma, tokens, i) : null;
    const classes: WordClasses = sense?.classes ?? found;
    const nominal = sense?.noun || NOUN_TRIGGERS.has(lower) || /(?:tion|sion|ment|ance|ence)s?$/.test(lower);
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
function wordClasses(tok: Token, lemma: string, quoted: Span[]): WordClasses | null {
  const lower = tok.text.toLowerCase();
  let classes = classesOf(lemma);
  if (!classes && /-/.test(lower)) {
    const last = lower.split('-').pop()!;
    if (!CALENDAR.test(last)) classes = classesOf(stem(last));
  }
  if (classes) return classes;
  // General fallback: past-tense verbs and -ing forms report happenings (hosted, resigned, climbing…).
  const pastOrIng =
    (/^[a-z]+ed$/.test(tok.text) && lower.length > 4 && !NOT_EVENT_ED.has(lower)) ||
    (/^[a-z]+ing$/.test(tok.text) && lower.length > 5 && !NOT_EVENT_ING.has(lower)) ||
    (IRREGULAR_VERB_FORMS.has(lower) && tok.text === lower);
  // Inside quotations such verbs are the speaker's words, which quote linking already covers.
  return pastOrIng && !inside(quoted, tok.start) ? { classes: [lemma], general: true } : null;
}
