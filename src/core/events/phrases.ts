// The words around a trigger that a headline needs: who did it (the named subject) and what it was done to.
import { EntityMention, Span } from '../model';

/** A named participant as a label uses it. */
export interface Actor {
  id: string;
  name: string;
  type: string;
}

/** Words that open a noun phrase without naming anything. */
const DETERMINER = /^(?:a|an|the|its|his|her|their|our|this|that|these|those|some|any|another|both|two|three)$/;
/** Words that end the object of a verb: prepositions, conjunctions, relative words, adverbs of time. */
const PHRASE_END = new Set(
  (
    'to of in on at for with from by into onto over after before as and or but that which who whom while since ' +
    'during amid against about than under between across through toward towards within without despite ahead ' +
    'earlier later again also then yet still not just only even when where if because so ' +
    'today yesterday tomorrow morning afternoon evening night last next time ' +
    'hours minutes days weeks months years hour minute day week month year each other others ' +
    'is are was were be been being has have had will would can could should may might must ' +
    'it them him me us you they we she he there here what'
  ).split(' '),
);
/** Prepositions after which a named participant completes the object ("curbs on South Korea"). */
const LINKING_PREPOSITION = /^\s+(on|to|against|with|over|from)\s+(?:[a-z-]+\s+){0,3}$/;
/** What may stand between a verb and the person it names ("met his Japanese counterpart Fumio Kishida"). */
const BEFORE_NAMED_OBJECT =
  /^(?:\s+(?:with|the|a|an|his|her|its|their|counterpart|[Pp]resident|[Pp]rime|[Mm]inister|[A-Z][\w’'.-]*))*\s+$/;
/** A preposition right before a name makes it an object, not the subject ("the leaders of Japan met"). */
const PREPOSITION_BEFORE = /\b(?:in|at|to|from|of|with|by|for|on|into|than|and)\s+(?:the\s+)?$/i;

/** A person's name as a label uses it: family name of a two-word Western name, else the whole name. */
export function shortName(name: string): string {
  const words = name.split(/\s+/);
  if (words.length !== 2) return name;
  // A hyphenated lower-case second part is a Korean given name ("Yoon Suk-yeol"): the family name comes first.
  return /^[A-Z][a-z]+-[a-z]+$/.test(words[1]) ? words[0] : words[1];
}

/** A participant's name in a headline: a person by the short name, anything else by its canonical name. */
export const actorName = (a: { name: string; type: string }): string =>
  a.type === 'PERSON' ? shortName(a.name) : a.name;

const named = (entities: EntityMention[]) => entities.filter((e) => e.type !== 'NATIONALITY');
/** A mention as a label's actor, with the id and name linking gave it. */
export const actorOf = (e: EntityMention): Actor => ({ id: e.id, name: e.canonical, type: e.type });

const afterPreposition = (text: string, from: number, e: EntityMention) =>
  PREPOSITION_BEFORE.test(text.slice(Math.max(from, e.start - 12), e.start));

/**
 * The named participant right before the trigger in its clause ("North Korea launched", "Yoon’s visit"); else
 * the sentence's first name before the trigger that no preposition governs ("Upon landing in South Korea,
 * Kishida and his wife, Yuko, laid flowers").
 */
export function subjectOf(
  text: string,
  clause: Span,
  sentence: Span,
  trigger: Span,
  entities: EntityMention[],
): EntityMention | null {
  const before = named(entities).filter((e) => e.end <= trigger.start);
  const e = before[before.length - 1];
  // A short gap of adverbs and auxiliaries ("on Sunday", "will", "has"), never a new clause or a relative.
  const plain = (gap: string) => gap.length <= 40 && !/\b(?:who|which|that|where|when|while|but)\b|[,;:(“"]/i.test(gap);
  if (e && e.start >= clause.start) {
    const gap = text.slice(e.end, trigger.start);
    if (plain(gap) && !/\band\b/.test(gap) && !afterPreposition(text, clause.start, e)) return e;
  }
  // A dateline ("SEOUL —", "TOKYO (Reuters)") says where the story was filed, not who acted.
  const dateline = (x: EntityMention) => /^\s*(?:[—–-]|\()/.test(text.slice(x.end, x.end + 3));
  // Across an apposition only: "Kishida and his wife, Yuko, laid".
  const first = before.find(
    (x) =>
      x.start >= sentence.start &&
      !afterPreposition(text, sentence.start, x) &&
      !dateline(x) &&
      plain(text.slice(x.end, trigger.start).replace(/,[^,]*,/g, ' ')),
  );
  return first ?? null;
}

/** Lower-case words of a noun phrase after a verb: "an intercontinental ballistic missile for …" → 3 words. */
function nounPhraseAt(text: string, from: number, to: number): { words: string[]; end: number } {
  const words: string[] = [];
  let end = from;
  const re = /\S+/g;
  const rest = text.slice(from, to);
  for (let m = re.exec(rest); m && words.length < 4; m = re.exec(rest)) {
    const word = m[0].replace(/[.,;:!?"”’)]+$/, '');
    if (!words.length && DETERMINER.test(word)) continue;
    if (!/^[a-z][a-z-]*$/.test(word) || PHRASE_END.has(word)) break;
    words.push(word);
    end = from + m.index + m[0].length;
    if (word !== m[0]) break;
  }
  return { words, end };
}

/**
 * What a verb trigger acts on, as written: words, and a named participant after them (its name as a label says it
 * depends on linking, so it is kept as the mention): "Kishida", "restrictions on technology exports to" + Korea.
 */
export interface Complement {
  words: string | null;
  entity: EntityMention | null;
}

/** The complement as a label writes it, with the participant's current name. */
export function complementText(words: string | null, entity: Actor | null): string | null {
  if (!entity) return words;
  return words ? `${words} ${actorName(entity)}` : actorName(entity);
}

/** What a verb trigger acts on: a named participant ("Kishida") or a short noun phrase, or null. */
export function complementOf(
  text: string,
  trigger: Span,
  clauseEnd: number,
  entities: EntityMention[],
): Complement | null {
  const after = named(entities).filter((e) => e.start >= trigger.end && e.end <= clauseEnd);
  const first = after[0];
  if (first && first.start - trigger.end <= 60 && BEFORE_NAMED_OBJECT.test(text.slice(trigger.end, first.start))) {
    return { words: null, entity: first };
  }
  const phrase = nounPhraseAt(text, trigger.end, clauseEnd);
  if (!phrase.words.length) return null;
  // "restrictions on technology exports to South Korea": the named participant completes the object.
  const target = after.find((e) => e.start >= phrase.end && e.start - phrase.end <= 40);
  const prep = target && LINKING_PREPOSITION.exec(text.slice(phrase.end, target.start))?.[1];
  if (target && prep) return { words: `${phrase.words.join(' ')} ${prep}`, entity: target };
  // "laid flowers at a national cemetery": where the object went completes it.
  const where = /^\s+(at|into)\s/.exec(text.slice(phrase.end, clauseEnd));
  const place = where && nounPhraseAt(text, phrase.end + where[0].length - 1, clauseEnd);
  if (where && place?.words.length)
    return { words: `${phrase.words.join(' ')} ${where[1]} ${place.words.join(' ')}`, entity: null };
  return { words: phrase.words.join(' '), entity: null };
}
