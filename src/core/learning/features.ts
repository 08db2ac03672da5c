// The sparse features of a span the adaptive model learns from: the name, its neighbouring words and their shapes,
// whether the gazetteer or a rule proposed it, and the types of the sentence's other names. Computed from the text
// and its quote context only, so a decision record gives the same features as the live suggestion it was about.
import { describeQuote } from '../anchoring/textQuote';
import { NAMES, lookupKey } from '../gazetteer';
import { EntityMention, EntityType, Span } from '../model';

/** The tag of an entity type as decisions and suggestions write it ("organization"). */
export function tagOfType(type: EntityType): string {
  return type.toLowerCase();
}

/** The entity type a tag stands for, when it is one of the four the analysis finds. */
export function typeOfTag(tag: string): EntityType | undefined {
  const t = tag.toUpperCase();
  return t === 'PERSON' || t === 'ORGANIZATION' || t === 'PLACE' || t === 'NATIONALITY' ? t : undefined;
}

/** Everything a feature is computed from. */
export interface SpanContext {
  text: string;
  prefix: string;
  suffix: string;
  /** Tags of the other names in the sentence. */
  sentence: readonly string[];
}

const TOKEN = /[\p{L}\p{N}]+(?:[’'.&-][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;

/** The word just before the span: "^" at the start of a line or of the text. */
export function previousToken(prefix: string): string {
  if (/(^|\n)[ \t]*$/.test(prefix)) return '^';
  const tokens = prefix.match(TOKEN);
  return tokens ? tokens[tokens.length - 1] : '^';
}

/** The word just after the span: "$" at the end of a line or of the text; a possessive is "'s". */
export function nextToken(suffix: string): string {
  if (/^['’]s\b/.test(suffix)) return "'s";
  if (/^[ \t]*(\n|$)/.test(suffix)) return '$';
  const m = TOKEN.exec(suffix);
  TOKEN.lastIndex = 0;
  return m ? m[0] : '$';
}

/** The shape of a neighbouring word: Cap (Watch), CAPS (TV), mixed (iPhone), num (A380, 787), lower, punct. */
export function tokenShape(token: string): string {
  if (token === '^' || token === '$') return token;
  if (/\d/.test(token)) return 'num';
  if (!/\p{L}/u.test(token)) return token === "'s" ? "'s" : 'punct';
  if (/^\p{Lu}[\p{Ll}’'.-]*$/u.test(token)) return 'Cap';
  if (/^[\p{Lu}.&-]+$/u.test(token)) return 'CAPS';
  if (/^\p{Ll}+[\p{Ll}’'.-]*$/u.test(token)) return 'lower';
  return 'mixed';
}

const FUNCTION_WORDS = new Set(
  `a an the this that these those and or but nor of in on at to for from by with without about into onto over under
after before during since until as than then so if while when where which who whom whose what why how its his her
their our your my it he she they we you i not no also both either each every all some any more most other such
up down out off via per against between among through across around near`.split(/\s+/),
);
const VERBS = new Set(
  `is are was were be been being am has have had having do does did will would shall should can could may might must
said says say told tells announced announces reported reports added adds stated states confirmed confirms denied
denies plans planned wants wanted expects expected hopes hoped agreed agrees won wins lost loses made makes took takes
gave gives got gets became becomes began begins signed signs ordered orders delivered delivers launched launches
unveiled unveils released releases sold sells bought buys opened opens flew flies left leaves saw sees went goes
came comes ran runs set sets put puts cut cuts paid pays held holds kept keeps brought brings built builds chose
chooses fell falls rose rises grew grows led leads met meets sent sends spent spends stood stands struck strikes
thought thinks wrote writes spoke speaks knew knows found finds showed shows`.split(/\s+/),
);

/** Adverbs that follow a name as often as a verb does ("Aer Lingus already operates"): no noun it modifies. */
const ADVERBS = new Set(
  `already still now today yesterday tomorrow recently currently previously again never always once often soon just
later earlier finally initially reportedly officially alone jointly`.split(/\s+/),
);

/** A coarse class of the word after the span, so "Airbus website" and "Boeing plant" are alike while "Airbus said"
 *  and "Airbus and" are not: verb, function (word), adverb, noun, noun-or-verb (ends in -s), or the token's shape. */
export function wordClass(token: string): string {
  const lower = token.toLowerCase();
  if (tokenShape(token) !== 'lower') return tokenShape(token);
  if (FUNCTION_WORDS.has(lower)) return 'function';
  // "ultimately", "reportedly" (not "supply", "assembly", "family", "monopoly").
  if (ADVERBS.has(lower) || (lower.length >= 6 && /ly$/.test(lower) && !/(?:pply|mbly|mily|poly)$/.test(lower)))
    return 'adverb';
  if (VERBS.has(lower) || /ed$/.test(lower)) return 'verb';
  // "jets" or "pushes": a plural noun or a verb, not told apart without a dictionary.
  return /[^s]s$/.test(lower) ? 'noun-or-verb' : 'noun';
}

/** Whether a neighbour feature (p:… or n:…) names a content word, specific enough to propose a name by. */
export function isSpecificNeighbour(feature: string): boolean {
  const m = /^(?:p|n):(.+)$/.exec(feature);
  return !!m && /\p{L}{2}/u.test(m[1]) && !FUNCTION_WORDS.has(m[1]) && !VERBS.has(m[1]) && m[1] !== "'s";
}

/** A capitalised word, an acronym, "iPhone" or "787" right after a name: it is part of a longer name there. */
const LONGER_AFTER = /^ (?:\p{Lu}|\p{Ll}+\p{Lu}|\p{N})/u;
/**
 * A capitalised word right before it, other than a sentence's first word ("Big Apple", not "The Apple"); a dash or
 * colon starts a sentence too (a dateline: "EASTPORT — The night ferry"); a word with a full stop ends a sentence
 * unless it is an initialism ("in April. Kelling Ferries" is not one name, "U.S. Navy" is).
 */
const LONGER_BEFORE = /[^.!?\n"“‘(:—–\s]\s*\b\p{Lu}[\p{L}\p{N}’'&-]*(?:(?:\.[\p{L}\p{N}]+)+\.?)? $/u;
/** Glued to a symbol or joined by a hyphen to a capitalised word: "US$ 16 million", "Boeing-Air Force". */
const GLUED = /^(?:[$€£¥]|-\p{Lu})/u;

/**
 * Where a name stands, from the text just before and after it: `inside` a longer name or token ("Apple" in "Apple
 * TV" or "Big Apple", "US" in "US Air Force" or "US$"), a `modifier` of the lower-case noun after it ("Apple shares",
 * "EADS-led"), or `alone`. A possessive stands alone ("Apple's").
 */
export type NamePosition = 'inside' | 'modifier' | 'alone';

export function namePosition(prefix: string, suffix: string): NamePosition {
  if (LONGER_AFTER.test(suffix.slice(0, 3)) || LONGER_BEFORE.test(prefix.slice(-40)) || GLUED.test(suffix))
    return 'inside';
  if (/^-\p{Ll}/u.test(suffix)) return 'modifier';
  if (!/^ \p{Ll}/u.test(suffix)) return 'alone';
  const c = wordClass(nextToken(suffix));
  if (c !== 'noun' && c !== 'noun-or-verb') return 'alone';
  // One or two nouns of relation before another name are an apposition: "Airbus parent EADS", "JSA Research
  // defence analyst Paul Nesbit" (as the rules read it).
  return /^ \p{Ll}+(?: \p{Ll}+)? \p{Lu}/u.test(suffix) ? 'alone' : 'modifier';
}

/** Whether a capitalised word is only a function word at a capital ("This", "In", "The"). */
export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word.toLowerCase());
}

/** The span's shape with runs collapsed: "Apple" Xx, "U.S." X.X., "Air France" Xx Xx, "A380" Xd. */
export function spanShape(text: string): string {
  return text
    .replace(/\p{Lu}+/gu, 'X')
    .replace(/\p{Ll}+/gu, 'x')
    .replace(/\p{N}+/gu, 'd')
    .replace(/\s+/g, ' ');
}

/** Who would have proposed the span: the gazetteer (with its type) or a rule. */
export function proposer(text: string): string {
  const entry = NAMES.get(lookupKey(text));
  return entry ? `gazetteer-${tagOfType(entry.type)}` : 'rule';
}

/** The features of a span (unique, sorted), see the file comment; families w p n ps ns nc s g c f l w+n w+p w+ns r
 *  (r: where the name stands, `namePosition`). */
export function spanFeatures(ctx: SpanContext): string[] {
  const w = ctx.text.toLowerCase().replace(/\s+/g, ' ');
  const prev = previousToken(ctx.prefix);
  const next = nextToken(ctx.suffix);
  const ns = tokenShape(next);
  const features = [
    `w:${w}`,
    `p:${prev.toLowerCase()}`,
    `n:${next.toLowerCase()}`,
    `ps:${tokenShape(prev)}`,
    `ns:${ns}`,
    `nc:${wordClass(next)}`,
    `s:${spanShape(ctx.text)}`,
    `g:${proposer(ctx.text)}`,
    `w+n:${w}|${next.toLowerCase()}`,
    `w+p:${w}|${prev.toLowerCase()}`,
    `w+ns:${w}|${ns}`,
    `r:${namePosition(ctx.prefix, ctx.suffix)}`,
  ];
  const words = w.split(' ');
  if (words.length > 1) features.push(`f:${words[0]}`, `l:${words[words.length - 1]}`);
  for (const t of new Set(ctx.sentence)) features.push(`c:${t}`);
  return [...new Set(features)].sort();
}

/** Tags of the names in the sentence holding [start, end), other than the span itself (sorted, unique). */
export function sentenceTypesAt(
  entities: readonly EntityMention[],
  sentences: readonly Span[] | undefined,
  start: number,
  end: number,
): string[] {
  const s = sentences?.find((x) => x.start <= start && end <= x.end);
  if (!s) return [];
  const tags = entities
    .filter((e) => e.start >= s.start && e.end <= s.end && !(e.start === start && e.end === end))
    .map((e) => tagOfType(e.type));
  return [...new Set(tags)].sort();
}

/** The context of a live span of an article, as a decision about it would record it. */
export function contextAt(
  text: string,
  start: number,
  end: number,
  entities: readonly EntityMention[],
  sentences?: readonly Span[],
): SpanContext {
  const q = describeQuote(text, start, end);
  return {
    text: q.exact,
    prefix: q.prefix,
    suffix: q.suffix,
    sentence: sentenceTypesAt(entities, sentences, start, end),
  };
}

/** Words the reason of a demotion shows for a feature: `before "Watch"`, `"Apple" before a number`. */
export function describeFeature(feature: string): string {
  const colon = feature.indexOf(':');
  const family = feature.slice(0, colon);
  const value = feature.slice(colon + 1);
  const [a, b] = value.split('|');
  const shape: Record<string, string> = {
    Cap: 'a capitalised word',
    CAPS: 'a word in capitals',
    mixed: 'a word like “iPhone”',
    num: 'a number or model',
    lower: 'a lower-case word',
    punct: 'punctuation',
    "'s": 'a possessive',
    '^': 'the start of a line',
    $: 'the end of a line',
  };
  switch (family) {
    case 'w':
      return `“${value}”`;
    case 'p':
      return `after “${value}”`;
    case 'n':
      return `before “${value}”`;
    case 'ps':
      return `after ${shape[value] ?? value}`;
    case 'ns':
      return `before ${shape[value] ?? value}`;
    case 'nc':
      return value === 'noun' || value === 'verb' || value === 'function' || value === 'adverb'
        ? `before a ${value === 'function' ? 'function word' : value}`
        : `before ${shape[value] ?? value}`;
    case 'w+n':
      return `“${a}” before “${b}”`;
    case 'w+p':
      return `“${a}” after “${b}”`;
    case 'w+ns':
      return `“${a}” before ${shape[b] ?? b}`;
    case 'f':
      return `starting with “${value}”`;
    case 'l':
      return `ending in “${value}”`;
    case 'g':
      return value === 'rule' ? 'found by a rule' : `in the ${value.replace('gazetteer-', '')} gazetteer`;
    case 'c':
      return `in a sentence with a ${value}`;
    case 'r':
      return value === 'alone' ? 'standing alone' : value === 'modifier' ? 'before a noun' : 'inside a longer name';
    default:
      return `shaped ${value}`;
  }
}
