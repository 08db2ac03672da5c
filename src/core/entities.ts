// Named-entity recognition for one article: capitalised-sequence candidates typed by gazetteers and context cues,
// then linked within the article (short forms to the full name met there, acronyms to their long form).
//
// Decisions (see also aliases.ts):
// - Candidates are runs of capitalised words joined by spaces, "&", and "of"/"de"/… inside names ("Sea of Japan",
//   "Federation of Korean Industries"). Commas, "and", line breaks, possessives and hyphens between known names
//   ("Japan-South Korea") end a run. Sentence-initial and Title Case headline words need support: a gazetteer entry,
//   a cue, or the same name typed elsewhere in the article.
// - Types come from evidence, strongest first: gazetteer name; name forms (title before, organisation suffix such as
//   "Industries"/"Inc.", place head such as "Airport"); cues (role noun "analyst X", apposition "lobby, X",
//   "X, minister of", "X said", "in X,"); acronyms; defaults wait for support. NATIONALITY is a demonym.
// - Spans: a full name stands without its title ("South Korean President | Yoon Suk Yeol"); a title that carries a bare
//   surname is part of the spelling ("Mr. Yoon", "President Yoon", "Prime Minister Kishida"); corporate roles
//   ("CEO") never are. Either way MEANTIME's relaxed overlap matching is unaffected.
// - Not our types: products and models ("Airbus A380", "Boeing 787 Dreamliner", anything next to "iPhone"), events,
//   agreements and laws ("General Security of Military Information Agreement", so GSOMIA too), currencies ("US$").
//   The European Union is a PLACE, like the countries it groups.
// - Metonyms: a capital used as an actor stands for its country: subject of a government's verb ("Pyongyang fired",
//   "Seoul will drop", "Washington has hailed", "Tokyo and Seoul hit"), not of what cities do too ("Seoul is cold",
//   "Tokyo will host"); "the Pyongyang regime". After a preposition it stays the city ("in Seoul", "from Seoul").
//   The mention keeps its text and gets the country's id, so the hover lists it among the country's spellings.
//   "the North"/"the South" stand for North/South Korea only once that country was named.

import { EntityMention, EntityType, Span } from './model';
import {
  NAMES,
  GazetteerEntry,
  MAX_NAME_WORDS,
  lookupKey,
  COMMON_WORDS,
  CAPS_STOPWORDS,
  CALENDAR_WORDS,
  GIVEN_NAMES,
  isFirstName,
  TITLES,
  MAX_TITLE_WORDS,
  HONORIFICS,
  IN_SPAN_TITLES,
  ROLE_NOUNS,
  ORG_HEADS,
  ORG_APPOSITIONS,
  PLACE_HEADS,
  PLACE_LEADS,
  OTHER_HEADS,
  NAME_CONNECTORS,
  CONTEXT_PLACES,
  PLACE_CONTEXT_WORDS,
  nameContinuation,
} from './gazetteer';
import {
  PERSON_PARTICLES,
  SECOND_PARTICLES,
  LEADING_PARTICLES,
  FOREIGN_ORG_WORDS,
  PERSON_VERBS,
  MAX_ROLE_MODIFIERS,
  LOWER_LEGAL_FORMS,
  NOT_MODIFIED_WORDS,
  NOUN_PHRASE_OPENERS,
  isPrefixedSurname,
  brandShaped,
  isGivenName,
} from './entities/names';
import { isOrdinaryWord } from './entities/ordinary';
import { MONTH_NAMES } from './metadata/stamps';
import { STOP_WORDS, irregularBase } from './text/stem';

export interface EntityOptions {
  sentences?: Span[];
  exclude?: Span[] /* boilerplate lines, not analysed */;
}

/** The id prefix of each type: ids read "person:yoon-suk-yeol", "place:north-korea". */
export const ID_PREFIX: Record<EntityType, string> = {
  PERSON: 'person',
  ORGANIZATION: 'org',
  PLACE: 'place',
  NATIONALITY: 'nationality',
};

/** The normalised key ids are made of: lower case, titles stripped, hyphens and spaces folded. */
export function entityKey(name: string): string {
  let words = lookupKey(name).split(' ').filter(Boolean);
  while (words.length > 1 && (TITLES.has(words[0]) || words[0] === 'the')) words = words.slice(1);
  return words.join('-').replace(/[^\p{L}\p{N}&-]/gu, '');
}

const LEGAL_SUFFIX_RE = /-(?:inc|corp|corporation|co|ltd|limited|llc|plc|ag|sa|nv|bv|gmbh|spa)$/;

/** The id of an entity; organisations drop their legal form so that "Apple Inc." and "Apple" are one. */
export function entityId(type: EntityType, canonical: string): string {
  const key = entityKey(canonical);
  return `${ID_PREFIX[type]}:${type === 'ORGANIZATION' && key.includes('-') ? key.replace(LEGAL_SUFFIX_RE, '') : key}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Tokens

type Gap = 'space' | 'hyphen' | 'amp' | 'other';

interface Token {
  start: number;
  end: number;
  text: string;
  /** lookupKey of the text. */
  key: string;
  cap: boolean;
  allCaps: boolean;
  gap: Gap;
  /** Only a comma (and spaces) separates it from the previous token: "lobby, Keidanren". */
  commaBefore: boolean;
  /** A line break separates it from the previous token. */
  newlineBefore: boolean;
  /** Capitalised by position only: sentence start, after an opening quote, or in a Title Case headline. */
  positional: boolean;
  /** Only item marks, numbers, a time or punctuation before it on its line ("1) FERRIES:", "21:40 TRAFFIC:"). */
  opensLine: boolean;
  headline: boolean;
  /** Ends in a possessive 's, which is outside `end`: the name stops here. */
  possessive: boolean;
  excluded: boolean;
  /** A model code or number ("A380", "787", "DC-9"): names next to it are products. */
  code: boolean;
  /** Lower-case initial with an inner capital ("iPhone", "eBay"): a brand or product word. */
  camel: boolean;
  /** The same word occurs in lower case elsewhere in the article. */
  lowerElsewhere: boolean;
}

const ABBREVIATIONS = new Set(
  `mr mrs ms dr st jr sr inc corp co ltd gen sen rep gov prof rev capt lt col adm sgt maj messrs mt ft no vs`
    .split(/\s+/)
    .filter(Boolean),
);
const COMPOUND_SUFFIXES = new Set(
  (
    'led based born owned made backed style era type related funded run controlled bound built class wide linked ' +
    'sponsored speaking language friendly specific listed registered focused oriented centric made brand branded ' +
    'designed'
  ).split(' '),
);
const CAP_RE = /^\p{Lu}/u;
const HAS_LOWER_RE = /\p{Ll}/u;
const LETTER_RE = /\p{L}/u;
const SPACE_GAP_RE = /^[ \t\u00a0]+$/;
const LINE_BREAK_GAP_RE = /^[ \t\u00a0]*\r?\n[ \t\u00a0]*$/;
/** A wrapped line is at least this long: a headline or a list item is shorter, a hard-wrapped paragraph is not. */
const WRAPPED_LINE_MIN = 50;

/**
 * One line break inside a hard-wrapped paragraph (plain-text mail, wire copy) between two capitalised words is a
 * space: "the National Emergency / Management Agency" is one name. Not after a short line (a headline) or a line
 * that ends a sentence, nor before a capitalised dateline ("ABUJA, …").
 */
function wrappedBreak(text: string, prevEnd: number, start: number, gapText: string): boolean {
  if (!LINE_BREAK_GAP_RE.test(gapText)) return false;
  const lineStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
  const line = text.slice(lineStart, prevEnd);
  if (line.length < WRAPPED_LINE_MIN || /[.!?:;"”]$/.test(line)) return false;
  return !/^\p{Lu}{2,}\b/u.test(text.slice(start, start + 40));
}
const COMMA_GAP_RE = /^,[ \t]*$/;
const AMP_GAP_RE = /^[ \t]*&[ \t]*$/;
const SENTENCE_END_RE = /[.!?…:;]["'”’)\]]*\s*$|\n\s*$|[—–]\s*$/;
const OPEN_QUOTE_RE = /["“‘([]\s*$/;

function isAllCaps(text: string): boolean {
  return LETTER_RE.test(text) && !HAS_LOWER_RE.test(text);
}

/** Letters and digits of ASCII, by char code, for the fast path of the scanner. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 48; c < 58; c++) ASCII_WORD[c] = 1;
for (let c = 65; c < 91; c++) ASCII_WORD[c] = ASCII_WORD[c + 32] = 1;
const WORD_CHAR_RE = /^[\p{L}\p{N}\p{M}]$/u;

/** The length in code units of the letter or digit at i (2 for an astral one), or 0 when it is neither. */
function wordCharLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c];
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i)!;
    return cp > 0xffff && WORD_CHAR_RE.test(String.fromCodePoint(cp)) ? 2 : 0;
  }
  return WORD_CHAR_RE.test(text[i]) ? 1 : 0;
}

/**
 * End of the word whose first character ends at pos: letters and digits, joined by . ' ’ & - when a letter or digit
 * follows ("U.S", "O'Brien", "AT&T").
 */
function wordEnd(text: string, pos: number): number {
  const n = text.length;
  while (pos < n) {
    const w = wordCharLength(text, pos);
    if (w) {
      pos += w;
      continue;
    }
    const c = text.charCodeAt(pos);
    if (
      (c === 46 || c === 39 || c === 0x2019 || c === 38 || c === 45) &&
      pos + 1 < n &&
      wordCharLength(text, pos + 1)
    ) {
      pos++;
      continue;
    }
    break;
  }
  return pos;
}

function rawTokens(text: string, excluded: (pos: number) => boolean): Token[] {
  const tokens: Token[] = [];
  let prevEnd = 0;
  const n = text.length;
  let pos = 0;
  while (pos < n) {
    let w = 0;
    while (pos < n && (w = wordCharLength(text, pos)) === 0) pos++;
    if (pos >= n) break;
    const start = pos;
    pos = wordEnd(text, pos + w);
    let end = pos;
    let word = text.slice(start, end);
    // An abbreviation keeps its dot ("Mr.", "U.S.", "Inc."), a plain word does not.
    // Plain lower-case words are most of the text: a cheap token for them.
    if (LOWER_WORD_RE.test(word)) {
      const oneSpace = start - prevEnd === 1 && text.charCodeAt(prevEnd) === 32;
      const gapText = oneSpace ? ' ' : text.slice(prevEnd, start);
      const lt = lowerToken(
        start,
        end,
        word,
        oneSpace || SPACE_GAP_RE.test(gapText) ? 'space' : 'other',
        !oneSpace && gapText.includes('\n'),
        excluded(start) || excluded(end - 1),
      );
      if (!oneSpace && COMMA_GAP_RE.test(gapText)) lt.commaBefore = true;
      tokens.push(lt);
      prevEnd = end;
      continue;
    }
    // "O' Leary", "D' Souza": text tokenised with a space after the apostrophe still writes one surname.
    if ((word === 'O' || word === 'D') && SPACED_APOSTROPHE_RE.test(text.slice(end, end + 3))) {
      pos = end = wordEnd(text, end + 2);
      word = text.slice(start, end);
    }
    if (text.charCodeAt(end) === 46 /* . */) {
      const bare = word.toLowerCase();
      if (ABBREVIATIONS.has(bare) || word.includes('.') || (word.length === 1 && CAP_RE.test(word))) {
        end += 1;
        word += '.';
      }
    }
    // The common case, one plain space, without slicing the gap.
    const oneSpace = start - prevEnd === 1 && text.charCodeAt(prevEnd) === 32;
    const gapText = oneSpace ? ' ' : text.slice(prevEnd, start);
    // Only a name that runs on over the break is joined: the rest of the wrapped text keeps its line breaks.
    const wrapped = !oneSpace && !!tokens[tokens.length - 1]?.cap && wrappedBreak(text, prevEnd, start, gapText);
    const baseGap: Gap =
      tokens.length === 0
        ? 'other'
        : oneSpace || wrapped || SPACE_GAP_RE.test(gapText) || pluralPossessiveHead(tokens, gapText, word)
          ? 'space'
          : AMP_GAP_RE.test(gapText)
            ? 'amp'
            : 'other';
    const newlineBefore = !oneSpace && !wrapped && gapText.includes('\n');
    prevEnd = end;
    // A word that overlaps an excluded span at all is excluded (positions only grow, as the span pointer needs).
    const isExcluded = excluded(start) || excluded(end - 1);
    // "Wal - Mart" (text tokenised with spaced hyphens): one known name.
    const prevToken = tokens[tokens.length - 1];
    if (gapText === ' - ' && prevToken && prevToken.cap && NAMES.has(lookupKey(prevToken.text + '-' + word))) {
      prevToken.end = end;
      prevToken.text = text.slice(prevToken.start, end);
      prevToken.key = lookupKey(prevToken.text);
      continue;
    }
    if (
      word.includes('-') &&
      !NAMES.has(lookupKey(word)) &&
      pushCompound(tokens, text, start, word, baseGap, isExcluded, newlineBefore)
    )
      continue;
    tokens.push(
      makeToken(text, start, end, baseGap, isExcluded, !oneSpace && COMMA_GAP_RE.test(gapText), newlineBefore),
    );
  }
  return tokens;
}

/**
 * "The Seafarers' Union", "Teachers' Federation": a plural possessive before the head noun of an organisation is
 * inside its name, not where the name stops (as "Korea's" is).
 */
function pluralPossessiveHead(tokens: Token[], gapText: string, word: string): boolean {
  const prev = tokens[tokens.length - 1];
  return (
    !!prev?.cap &&
    /s$/.test(prev.text) &&
    /^['’] $/.test(gapText) &&
    CAP_RE.test(word) &&
    ORG_HEADS.has(lookupKey(word))
  );
}

/**
 * Hyphenated compounds: "EADS-led" names EADS; "Japan-South Korea" names two places; "Suk-yeol" is one name
 * part. Pushes the compound's tokens and returns true, or returns false for a word that stays whole.
 */
function pushCompound(
  tokens: Token[],
  text: string,
  start: number,
  word: string,
  gap: Gap,
  isExcluded: boolean,
  newlineBefore: boolean,
): boolean {
  const parts = word.split('-');
  const last = parts[parts.length - 1];
  if (parts.length >= 2 && COMPOUND_SUFFIXES.has(last.toLowerCase())) {
    const head = word.slice(0, word.length - last.length - 1);
    // What follows is not glued to the head: the gap is measured from the whole word's end.
    tokens.push(makeToken(text, start, start + head.length, gap, isExcluded, false, newlineBefore));
    tokens[tokens.length - 1].possessive = true;
    return true;
  }
  if (parts.every((p) => CAP_RE.test(p)) && parts.some((p) => NAMES.has(lookupKey(p)))) {
    let offset = start;
    parts.forEach((p, i) => {
      tokens.push(
        makeToken(
          text,
          offset,
          offset + p.length,
          i === 0 ? gap : 'hyphen',
          isExcluded,
          false,
          i === 0 && newlineBefore,
        ),
      );
      offset += p.length + 1;
    });
    return true;
  }
  return false;
}

const LOWER_WORD_RE = /^[a-z]+$/;
const SPACED_APOSTROPHE_RE = /^['’] \p{Lu}/u;

function lowerToken(
  start: number,
  end: number,
  word: string,
  gap: Gap,
  newlineBefore: boolean,
  excluded: boolean,
): Token {
  return {
    start,
    end,
    text: word,
    key: word,
    cap: false,
    allCaps: false,
    gap,
    commaBefore: false,
    newlineBefore,
    positional: false,
    opensLine: false,
    headline: false,
    possessive: false,
    excluded,
    code: false,
    camel: false,
    lowerElsewhere: false,
  };
}

function makeToken(
  text: string,
  start: number,
  end: number,
  gap: Gap,
  excluded: boolean,
  commaBefore = false,
  newlineBefore = false,
): Token {
  let t = text.slice(start, end);
  let possessive = false;
  // "Korea’s" names Korea; "People's Republic" is the one common exception.
  if (/['’]s$/i.test(t) && t.length > 2 && !/^people['’]s$/i.test(t)) {
    end -= 2;
    t = t.slice(0, -2);
    possessive = true;
  }
  return {
    start,
    end,
    text: t,
    key: lookupKey(t),
    cap: CAP_RE.test(t) || isPrefixedSurname(t),
    allCaps: isAllCaps(t) && t.replace(/[^\p{L}]/gu, '').length >= 2 && !/['’]/.test(t),
    gap,
    commaBefore,
    newlineBefore,
    positional: false,
    opensLine: false,
    headline: false,
    possessive,
    excluded: excluded || /^\$/.test(text.slice(end, end + 1)),
    code: /\p{N}/u.test(t) && !NAMES.has(lookupKey(t)),
    camel: /^\p{Ll}+\p{Lu}/u.test(t),
    lowerElsewhere: false,
  };
}

const HEADLINE_SMALL = new Set(
  'a an the of in on at to for and or but by with from as is vs into over after its'.split(' '),
);

/** What may precede an item's label on its line: bullets, "1)", "(2)", a time "21:40", dashes. */
const LINE_OPENER_RE = /^[\s\p{P}\p{S}\d]{0,16}$/u;

/** A dash, bullet, middle dot, bar or time ending the text before an item's label in the middle of a line. */
const ITEM_MARK_RE = /(?:\s[-–—]|[•·▪|]|\b\d{1,2}[:.]\d{2}|\))\s*$/u;

/**
 * Whether a word in capitals stands where an item's label does: first on its line after item marks ("1) FERRIES:",
 * "21:40 TRAFFIC:"), or labelled by its colon after what opens an item in the middle of a line: a dateline's dash
 * ("ORLAND, March 10 (Nordwire) - RAIL:"), a bullet or a time ("Saturday · 21:40 TRAFFIC:").
 */
function opensItem(text: string, t: Token): boolean {
  const before = text.slice(text.lastIndexOf('\n', t.start - 1) + 1, t.start);
  if (LINE_OPENER_RE.test(before)) return true;
  return text.charAt(t.end) === ':' && ITEM_MARK_RE.test(before);
}

/** Marks tokens capitalised by position: sentence starts, after an opening quote, and whole Title Case lines. */
function markPositional(text: string, tokens: Token[], sentenceStarts: Set<number>): void {
  let prevEnd = 0;
  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti];
    if (!t.cap) {
      prevEnd = t.end;
      continue; // only capitals can be positional
    }
    const before = text.slice(Math.max(prevEnd, t.start - 40), t.start);
    if (t.allCaps) t.opensLine = opensItem(text, t);
    if (t === tokens[0] || SENTENCE_END_RE.test(before) || OPEN_QUOTE_RE.test(before) || sentenceStarts.has(t.start)) {
      // After "U.S." or "Mr." a capital is not a sentence start.
      const prev = tokens[ti - 1];
      if (!(prev && prev.text.endsWith('.') && before.length <= 1 && (prev.allCaps || HONORIFICS.has(prev.key))))
        t.positional = true;
    }
    prevEnd = t.end;
  }
  // Title Case lines: three or more words, none of them lower case except small words.
  let lineStart = 0;
  while (lineStart < tokens.length) {
    let lineEnd = lineStart + 1;
    while (lineEnd < tokens.length && !tokens[lineEnd].newlineBefore) lineEnd++;
    let capitalised = 0;
    let lower = 0;
    for (let i = lineStart; i < lineEnd; i++) {
      const tk = tokens[i];
      if (tk.cap) capitalised++;
      else if (tk.code || !LETTER_RE.test(tk.text)) continue;
      else if (!HEADLINE_SMALL.has(tk.key)) lower++;
    }
    if (capitalised >= 3 && lower === 0)
      for (let i = lineStart; i < lineEnd; i++) tokens[i].headline = tokens[i].positional = true;
    lineStart = lineEnd;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Candidates and their typing

/** How sure a type is: 3 gazetteer or name form, 2 a strong cue, 1 a weak cue, 0 a default. */
type Strength = 0 | 1 | 2 | 3;

interface Candidate {
  /** Token range [first, last] of the name, title included when the title belongs to the span. */
  first: number;
  last: number;
  /** First token of the name proper (after any title). */
  nameFirst: number;
  type: EntityType | null;
  strength: Strength;
  entry?: GazetteerEntry;
  /** Needs support from elsewhere in the article (positional capital, no cue). */
  tentative: boolean;
  canonical?: string;
  /** Lookup keys of the name words, computed on demand. */
  words?: string[];
}

const OF_HEADS = new Set([
  ...ORG_HEADS,
  ...PLACE_HEADS,
  'republic',
  'kingdom',
  'states',
  'emirates',
  'courts',
  'isle',
  'house',
  'province',
  'people',
]);
const SAID_WORDS = new Set(
  'said says told added explained noted wrote stated argued insisted warned announced'.split(' '),
);
const DETERMINERS = new Set(['a', 'an', 'the', 'its', 'his', 'her', 'their']);
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'off', 'outside', 'throughout', 'across']);
const NAME_SHAPE_RE = /^\p{Lu}(?:[\p{L}'’.-]|['’] (?=\p{Lu}))*$/u;

function isCommon(t: Token): boolean {
  if (COMMON_WORDS.has(t.key)) return true;
  const apostrophe = t.text.search(/['’]/);
  return apostrophe > 0 && COMMON_WORDS.has(t.text.slice(0, apostrophe).toLowerCase());
}

function isNameish(t: Token): boolean {
  return t.cap && !t.excluded && !CALENDAR_WORDS.has(t.text);
}

const CURRENCY_WORDS = new Set(['dollar', 'dollars', 'cents']);

function nameShaped(t: Token): boolean {
  return (NAME_SHAPE_RE.test(t.text) || isPrefixedSurname(t.text)) && HAS_LOWER_RE.test(t.text) && !isCommon(t);
}

const INITIAL_RE = /^\p{Lu}\.$/u;

/**
 * Whether tokens first..last read as a person's full name: name words (initials inside) that open with a known first
 * name or hold a middle initial ("Frida H. Denholm").
 */
function personsName(tokens: Token[], first: number, last: number): boolean {
  if (last === first || last - first > 3) return false;
  if (ORG_HEADS.has(tokens[last].key) || PLACE_HEADS.has(tokens[last].key)) return false;
  for (let i = first; i <= last; i++) if (!personWord(tokens, i, first, last)) return false;
  return innerInitial(tokens, first, last) || isFirstName(tokens[first].text);
}

function innerInitial(tokens: Token[], first: number, last: number): boolean {
  for (let i = first + 1; i < last; i++) if (INITIAL_RE.test(tokens[i].text)) return true;
  return false;
}

/**
 * A word of a person's name inside a run: name-shaped, or an initial between two of its words ("George W. Bush",
 * "Edith R. Denholm"), which has no lower-case letter but is as much a name as the words around it.
 */
function personWord(tokens: Token[], i: number, first: number, last: number): boolean {
  return nameShaped(tokens[i]) || (i > first && i < last && INITIAL_RE.test(tokens[i].text));
}

function isConnector(t: Token): boolean {
  return !t.cap && (NAME_CONNECTORS.has(t.key) || PERSON_PARTICLES.has(t.key));
}

function keyOf(tokens: Token[], first: number, last: number): string {
  let k = '';
  for (let i = first; i <= last; i++) k += (i > first ? ' ' : '') + tokens[i].key;
  return k;
}

const MAX_RUN_TOKENS = 12;

/** Maximal runs of capitalised tokens, joined by spaces, "&", and connectors such as "of" after a head word. */
function sequences(tokens: Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameish(tokens[i])) {
      i++;
      continue;
    }
    let j = i;
    // Names are short: a longer run (a shouted headline, a list without commas) is cut, which bounds all later work.
    while (j + 1 < tokens.length && !tokens[j].possessive && j - i < MAX_RUN_TOKENS) {
      const next = tokens[j + 1];
      if ((next.gap === 'space' || next.gap === 'amp') && isNameish(next) && next.headline === tokens[j].headline) {
        j++;
        continue;
      }
      // "Pellam plc": a legal form written in lower case closes the name.
      if (next.gap === 'space' && !next.cap && LOWER_LEGAL_FORMS.has(next.key)) {
        j++;
        break;
      }
      const joined = connectorSpan(tokens, i, j);
      if (joined > 0) {
        j += joined;
        continue;
      }
      // A known name goes on over lower-case words inside it: "Dar es Salaam", "Côte d'Ivoire".
      const more = nameContinuation(keyOf(tokens, i, j), (n) =>
        tokens[j + n]?.gap === 'space' && !tokens[j + n].excluded && !tokens[j + n - 1].possessive
          ? tokens[j + n].key
          : undefined,
      );
      if (more) {
        j += more;
        continue;
      }
      break;
    }
    out.push([i, j]);
    i = j + 1;
  }
  return out;
}

/**
 * How many tokens after j join the run through lower-case connectors, the next name word included (0 when none):
 * "Sea of Japan", "Federation of Korean Industries", "Charles de Gaulle", "Ursula von der Leyen", "bin Salman".
 */
function connectorSpan(tokens: Token[], i: number, j: number): number {
  const next = tokens[j + 1];
  if (next.gap !== 'space' || next.cap || !(NAME_CONNECTORS.has(next.key) || PERSON_PARTICLES.has(next.key))) return 0;
  let k = j + 2;
  // "von der", "van den", "de la": a second particle.
  const second = tokens[k];
  if (second && second.gap === 'space' && !second.cap && SECOND_PARTICLES.has(second.key) && next.key !== 'of') k++;
  const name = tokens[k];
  if (!name || name.gap !== 'space' || !isNameish(name)) return 0;
  if (next.key !== 'of') return k - j;
  // "Shares of Acme Inc.": a sentence-initial word that is no head does not take an "of" name.
  if (OF_HEADS.has(tokens[j].key)) return k - j;
  // "Frida Denholm of Hebden Foundation": a person of an organisation, not one name.
  if (personsName(tokens, i, j)) return 0;
  return !(i === j && tokens[j].positional) && runEndsInHead(tokens, k) ? k - j : 0;
}

/**
 * Whether the capitalised run starting at i ends in an organisation or event head
 * ("of Military Information Agreement").
 */
function runEndsInHead(tokens: Token[], i: number): boolean {
  let j = i;
  while (j + 1 < tokens.length && tokens[j + 1].gap === 'space' && isNameish(tokens[j + 1]) && !tokens[j].possessive)
    j++;
  return ORG_HEADS.has(tokens[j].key) || OTHER_HEADS.has(tokens[j].key);
}

/** The longest title starting at token i inside [i, last], as a number of tokens (0 when none). */
function titleAt(tokens: Token[], i: number, last: number): number {
  for (let n = Math.min(MAX_TITLE_WORDS, last - i + 1); n >= 1; n--) {
    if (TITLES.has(keyOf(tokens, i, i + n - 1))) return n;
  }
  return 0;
}

/** A gazetteer name at the start of the run ("South Korean" in "South Korean President Yoon"). */
function lookupPrefix(tokens: Token[], first: number, last: number): boolean {
  for (let n = Math.min(MAX_NAME_WORDS, last - first + 1); n >= 1; n--)
    if (lookup(tokens, first, first + n - 1)) return true;
  return false;
}

/** How many words of the run, from its start, form the longest gazetteer name (0 when none). */
function prefixLength(tokens: Token[], first: number, last: number): number {
  for (let n = Math.min(MAX_NAME_WORDS, last - first + 1); n >= 1; n--)
    if (lookup(tokens, first, first + n - 1)) return n;
  return 0;
}

function hasOf(tokens: Token[], first: number, last: number): boolean {
  for (let i = first; i <= last; i++) if (tokens[i].key === 'of') return true;
  return false;
}

const INNER_CAPITAL_RE = /^.+\p{Lu}/u;
const VERBAL_SUFFIX_RE = /(?:ing|ed|ly|ness|ment|tion|ions|ity|ers)$/;

/**
 * A sentence-initial word that the article otherwise writes in lower case, or that looks verbal
 * ("Strengthening Japan").
 */
function positionalWord(tokens: Token[], first: number, last: number): boolean {
  const t = tokens[first];
  if (!t.positional || first === last || INNER_CAPITAL_RE.test(t.text)) return false;
  // "Mohammed bin Salman": a given name before a particle, however verbal it looks.
  if (isConnector(tokens[first + 1]) && PERSON_PARTICLES.has(tokens[first + 1].key)) return false;
  return t.lowerElsewhere || VERBAL_SUFFIX_RE.test(t.key);
}

function lookup(tokens: Token[], first: number, last: number): GazetteerEntry | undefined {
  const key = keyOf(tokens, first, last);
  const found =
    NAMES.get(key) ??
    (CONTEXT_PLACES.has(key) && hasPlaceContext(tokens, first, last) ? CONTEXT_PLACES.get(key) : undefined);
  if (found || !key.endsWith('s')) return found;
  // Plural demonyms: "Americans", "South Koreans".
  const singular = NAMES.get(key.slice(0, -1));
  return singular?.type === 'NATIONALITY' ? singular : undefined;
}

/** "in Reading", "from Split", "Nice, France": what makes a place name that is also a common word a place. */
function hasPlaceContext(tokens: Token[], first: number, last: number): boolean {
  const prev = tokens[first - 1];
  if (prev && !prev.cap && PLACE_CONTEXT_WORDS.has(prev.key) && tokens[first].gap === 'space') return true;
  const next = tokens[last + 1];
  if (!next || !next.commaBefore || !next.cap) return false;
  const place =
    NAMES.get(next.key) ??
    (tokens[last + 2]?.gap === 'space' ? NAMES.get(next.key + ' ' + tokens[last + 2].key) : undefined);
  return place?.type === 'PLACE' && !place.city;
}

/** Splits a capitalised run into typed candidates. */
function analyseRun(
  tokens: Token[],
  first: number,
  last: number,
  out: Candidate[],
  titled = false,
  titleFirst = first,
): void {
  // Leading function words and sentence openers ("The", "When", "In") unless the whole run is a known name
  // ("The Hague").
  while (
    first <= last &&
    !lookupPrefix(tokens, first, last) &&
    (isCommon(tokens[first]) || CALENDAR_WORDS.has(tokens[first].text) || positionalWord(tokens, first, last))
  ) {
    first++;
    titleFirst = first;
  }
  while (
    last >= first &&
    (isCommon(tokens[last]) || CALENDAR_WORDS.has(tokens[last].text)) &&
    !lookup(tokens, first, last)
  )
    last--;
  if (first > last) return;
  const whole = lookup(tokens, first, last);
  const after = tokens[last + 1];
  if (after && CURRENCY_WORDS.has(after.key)) return;
  // "Adam Air Flight 574": the flight is an event of the airline named before it.
  if (after && after.code && last > first && tokens[last].key === 'flight')
    return analyseRun(tokens, first, last - 1, out);
  if (namesProduct(tokens, first, last) && !(whole && whole.type !== 'ORGANIZATION')) {
    out.push({ first, last, nameFirst: first, type: null, strength: 3, tentative: false });
    return;
  }
  // A small town does not speak: "Obama said" names a person, whatever towns share the name.
  const townSpeaks = whole?.minor && after && after.gap === 'space' && SAID_WORDS.has(after.key);
  if (whole && !titled && !townSpeaks) {
    out.push({ first, last, nameFirst: first, type: whole.type, strength: 3, entry: whole, tentative: false });
    return;
  }
  // "… with the U.S. Seoul is …": an abbreviation ended the sentence; two known names, not one.
  if (
    !whole &&
    last > first &&
    tokens[first].text.endsWith('.') &&
    lookup(tokens, first, first) &&
    lookup(tokens, first + 1, last)
  ) {
    analyseRun(tokens, first, first, out);
    analyseRun(tokens, first + 1, last, out);
    return;
  }
  if (!titled) {
    // A role title closing the run belongs to the person after the comma ("Ryanair CEO, Michael O'Leary").
    last = withoutClosingTitle(tokens, first, last);
    if (first > last) return;
    if (last < tokens.length - 1 && tokens[last + 1] !== after) return analyseRun(tokens, first, last, out);
  }
  if (last > first && OTHER_HEADS.has(tokens[last].key)) {
    // Events, agreements, laws: none of our types; kept untyped so that their acronym is dropped too.
    out.push({ first, last, nameFirst: first, type: null, strength: 3, tentative: false });
    return;
  }
  if (titled) {
    // A titled run must look like a name: "President Is Welcomed" in a headline is not one.
    for (let i = first; i <= last; i++) if (!personWord(tokens, i, first, last) && !tokens[i].allCaps) return;
    out.push({
      first: titleFirst,
      last,
      nameFirst: first,
      type: 'PERSON',
      strength: 3,
      entry: undefined,
      tentative: false,
    });
    return;
  }
  if (splitAtTitle(tokens, first, last, out) || splitDemonym(tokens, first, last, out)) return;
  typeRun(tokens, first, last, out);
}

/**
 * Currencies ("US dollars") and products: a run holding or next to a model code or a product word
 * ("Airbus A380", "Boeing 787 Dreamliner", "iTunes Music Store") names a product, not its maker.
 */
function namesProduct(tokens: Token[], first: number, last: number): boolean {
  const after = tokens[last + 1];
  const before = tokens[first - 1];
  let product =
    (after && after.gap === 'space' && !tokens[last].possessive && (after.code || after.camel)) ||
    (before && tokens[first].gap === 'space' && !before.possessive && (before.code || before.camel));
  for (let i = first; i <= last && !product; i++) product = tokens[i].code;
  return !!product;
}

/** The run's last word before the longest title ending it ("… Chief Operating Officer"), possibly first - 1. */
function withoutClosingTitle(tokens: Token[], first: number, last: number): number {
  for (let k = Math.max(first, last - MAX_TITLE_WORDS + 1); k <= last; k++) {
    if (titleAt(tokens, k, last) === last - k + 1) return k - 1;
  }
  return last;
}

/**
 * A title in an untitled run: "CEO of TallGrass Ltd." (the role is not part of the organisation's name), or a
 * title inside the run, where what precedes it is a separate name ("South Korean" President Yoon) and what
 * follows is a person. True when the run was split and analysed.
 */
function splitAtTitle(tokens: Token[], first: number, last: number, out: Candidate[]): boolean {
  const n = titleAt(tokens, first, last);
  if (n > 0 && first + n < last && tokens[first + n].key === 'of') {
    analyseRun(tokens, first + n + 1, last, out);
    return true;
  }
  for (let k = first; k < last; k++) {
    const n = titleAt(tokens, k, last);
    if (n === 0 || k + n > last) continue;
    const nameStart = k + n;
    if (!nameShaped(tokens[nameStart]) && !tokens[nameStart].allCaps) continue;
    if (tokens[nameStart].allCaps && !HONORIFICS.has(tokens[k].key)) continue;
    if (k > first) analyseRun(tokens, first, k - 1, out);
    // The title is part of the spelling when it carries a bare surname ("Mr. Yoon", "President Yoon");
    // a full name stands alone ("South Korean President | Yoon Suk-yeol").
    const inSpan = IN_SPAN_TITLES.has(keyOf(tokens, k, k + n - 1)) && nameStart === last;
    analyseRun(tokens, nameStart, last, out, true, inSpan ? k : nameStart);
    return true;
  }
  return false;
}

/** A demonym closing a run before a title, or opening a run that is not a known compound, stands alone. */
function splitDemonym(tokens: Token[], first: number, last: number, out: Candidate[]): boolean {
  // "ArrowRight Japanese" Prime Minister …
  if (last > first) {
    const dem = lookup(tokens, last, last);
    if (
      dem &&
      dem.type === 'NATIONALITY' &&
      last + 1 < tokens.length &&
      titleAt(tokens, last + 1, Math.min(tokens.length - 1, last + MAX_TITLE_WORDS)) > 0
    ) {
      analyseRun(tokens, first, last - 1, out);
      out.push({ first: last, last, nameFirst: last, type: 'NATIONALITY', strength: 3, entry: dem, tentative: false });
      return true;
    }
  }
  // "South Korean" + "Democratic Party".
  if (ORG_HEADS.has(tokens[last].key)) return false;
  for (let n = Math.min(2, last - first); n >= 1; n--) {
    const dem = lookup(tokens, first, first + n - 1);
    if (dem && dem.type === 'NATIONALITY') {
      out.push({
        first,
        last: first + n - 1,
        nameFirst: first,
        type: 'NATIONALITY',
        strength: 3,
        entry: dem,
        tentative: false,
      });
      analyseRun(tokens, first + n, last, out);
      return true;
    }
  }
  return false;
}

/** A run that is no known name: typed from its words and context, tentative without a cue. */
function typeRun(tokens: Token[], first: number, last: number, out: Candidate[]): void {
  // A lone sentence-initial word the article also writes in lower case, or an adverb ("Sadly,"), is no name.
  if (
    first === last &&
    tokens[first].positional &&
    !tokens[first].allCaps &&
    (tokens[first].lowerElsewhere || VERBAL_SUFFIX_RE.test(tokens[first].key))
  )
    return;
  const [type, strength] = classify(tokens, first, last);
  // Without a cue the run waits for support from elsewhere in the article (a typed twin, a person it names).
  const positional = tokens[first].positional && first === last && strength < 2 && !tokens[first].allCaps;
  out.push({
    first,
    last,
    nameFirst: first,
    type,
    strength,
    entry: undefined,
    tentative: positional || tokens[first].headline || strength === 0 || shoutedRun(tokens, first, last),
  });
}

/**
 * Ordinary words set in capitals for typography: a label or kicker opening a line or an item ("FERRIES:",
 * "1) COUNCIL:", "21:40 TRAFFIC:", "WEATHER" over a section), a sentence's first words ("FIRE crews were called"), a
 * headline or phrase in capitals ("NEW MOON", "ONE MORE YEAR"). Capitals carry no case there, as at a sentence start,
 * so the run is a name only with support from the article (the same name typed elsewhere, an acronym defined
 * "(WHO)"). Acronyms that are no English word ("NASA:", "UNICEF said"), known names ("APPLE", looked up before) and a
 * lone word in capitals inside lower-case text ("a SWAT team", "RIM's BlackBerry": an acronym more often than not)
 * keep their type.
 */
function shoutedRun(tokens: Token[], first: number, last: number): boolean {
  // "MARK BROWN said", "GRACE HILL, the mayor": a person's name in capitals, however ordinary its words.
  if (last > first && isFirstName(tokens[first].text)) return false;
  for (let i = first; i <= last; i++) {
    const t = tokens[i];
    if (i > first && i < last && isConnector(t)) continue;
    if (!t.allCaps || t.text.includes('.') || !isOrdinaryWord(t.key)) return false;
  }
  return last > first || tokens[first].positional || tokens[first].opensLine || besideCapitals(tokens, first);
}

/** Another word in capitals right before or after on the line ("A FIRE - BOMB attack", "MORE YEAR"). */
function besideCapitals(tokens: Token[], i: number): boolean {
  const joined = (a: Token | undefined, b: Token | undefined): boolean =>
    !!a && !!b && !a.possessive && !b.newlineBefore && (b.gap === 'space' || b.gap === 'hyphen');
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  return (joined(prev, tokens[i]) && prev.allCaps) || (joined(tokens[i], next) && next.allCaps);
}

/** Types a run that is not a gazetteer name, from its words and its context. */
function classify(tokens: Token[], first: number, last: number): [EntityType | null, Strength] {
  const single = first === last;
  const lastKey = tokens[last].key;
  const prev = tokens[first - 1];
  const next = tokens[last + 1];
  const allNameShaped = (() => {
    for (let i = first; i <= last; i++)
      if (!personWord(tokens, i, first, last) && !isConnector(tokens[i])) return false;
    return true;
  })();
  if (datelinePlace(tokens, first, last)) return ['PLACE', 2];
  // Context before: "analyst Paul Nesbit", "his wife, Yuko", "business lobby, Keidanren", "airline Lufthansa".
  const cueWord = prev && !prev.cap && (tokens[first].gap === 'space' || tokens[first].commaBefore) ? prev : undefined;
  if (cueWord && ROLE_NOUNS.has(cueWord.key) && allNameShaped) return ['PERSON', 2];
  if (!single && foreignOrgWords(tokens, first, last)) return ['ORGANIZATION', 3];
  if (allNameShaped && roleApposition(tokens, last)) return ['PERSON', 2];
  // "Heathrow airport", "Han river": a lower-case place noun right after the name.
  if (
    next &&
    next.gap === 'space' &&
    !next.cap &&
    PLACE_HEADS.has(next.key) &&
    next.key !== 'state' &&
    next.key !== 'center'
  )
    return ['PLACE', 2];
  if (cueWord && ORG_APPOSITIONS.has(cueWord.key)) return ['ORGANIZATION', 2];
  // "an engineer at NordRail", "NordRail expects": a company's shape says what no position in the sentence does; a
  // product has the same shape, and is named ("called FaceTime") or taken with a determiner ("the PowerBook").
  if (single && brandShaped(tokens[first].text) && !(prev && PRODUCT_CUES.has(prev.key)) && !next?.code)
    return ['ORGANIZATION', 2];
  if (!single && shoutedSpeaker(tokens, first, last)) return ['PERSON', 1];
  if (single && tokens[first].allCaps && !CAPS_STOPWORDS.has(tokens[first].text.replace(/\./g, '')))
    return ['ORGANIZATION', 1];
  // "the Sixers", "the Beatles", "the Navy": a capitalised plural or an organisation word after "the" mid-sentence.
  if (
    single &&
    prev &&
    prev.key === 'the' &&
    !tokens[first].positional &&
    !OTHER_HEADS.has(tokens[first].key) &&
    !CAPS_STOPWORDS.has(tokens[first].text) &&
    (/\p{Ll}s$/u.test(tokens[first].text) || ORG_HEADS.has(tokens[first].key))
  )
    return ['ORGANIZATION', 1];
  // "University of Oxford said", "Ministry of Defence": an organisation's head word joined to its "of" name makes an
  // organisation, whatever verb follows ("said" makes no person of it).
  if (!single && hasOf(tokens, first, last) && ORG_HEADS.has(tokens[first].key)) return ['ORGANIZATION', 3];
  if (!single && ORG_HEADS.has(lastKey)) return ['ORGANIZATION', 3];
  if (!single && PLACE_HEADS.has(lastKey)) return ['PLACE', 3];
  if (!single && allNameShaped && GIVEN_NAMES.has(tokens[first].text) && last - first <= 3) return ['PERSON', 2];
  // "Frida H. Oakes": a middle initial between name words is a person's name, whatever the first name.
  if (!single && allNameShaped && last - first <= 3 && innerInitial(tokens, first, last)) return ['PERSON', 2];
  // "San Diego Chargers": a known place followed by more words is a team or a company, not a place.
  if (
    !single &&
    PLACE_LEADS.has(tokens[first].key) &&
    (prefixLength(tokens, first, last - 1) <= 1 || hasOf(tokens, first, last))
  )
    return ['PLACE', 2];
  if (!single && allNameShaped && particleName(tokens, first, last)) return ['PERSON', 2];
  // A known organisation or a place inside a longer name: "Gallup Korea", "Garuda Indonesia", "Apple Computer".
  if (!single) {
    let hasOrg = false;
    let hasPlace = false;
    for (let i = first; i <= last; i++) {
      const e = NAMES.get(tokens[i].key);
      if (e?.type === 'ORGANIZATION') hasOrg = true;
      else if (e && !e.minor) hasPlace = true;
    }
    if (hasOrg || hasPlace || prefixLength(tokens, first, last - 1) >= 2) return ['ORGANIZATION', 2];
  }
  // "Kishida said", "Antony Blinken arrived": a name-shaped subject of a verb of saying or of what people do, even
  // at a sentence start, unless the article writes the word in lower case elsewhere ("Officials said").
  if (allNameShaped && personVerbAt(tokens, last + 1) && last - first <= 3 && !tokens[first].lowerElsewhere)
    return ['PERSON', single || isGivenName(tokens[first].text) ? 2 : 1];
  // "in Cupertino, California", "in Toulouse on": a place; "in Reader mode" modifies a noun and says nothing.
  const endsPhrase = !next || next.gap !== 'space' || next.cap || COMMON_WORDS.has(next.key);
  if (prev && PLACE_PREPOSITIONS.has(prev.key) && !tokens[last].possessive && endsPhrase) return ['PLACE', 1];
  if (!single && allNameShaped && last - first <= 2) return ['PERSON', 0];
  return ['ORGANIZATION', 0];
}

/** Words before a brand-shaped word that make it a product's name: a determiner, a naming verb. */
const PRODUCT_CUES = new Set('the a an its their his her new called named dubbed'.split(' '));

/** Month names and their abbreviations, as lookup keys ("march", "mar", "sept"). */
const MONTH_KEYS = new Set([...MONTH_NAMES, ...MONTH_NAMES.map((m) => m.slice(0, 3)), 'sept']);

/** Capitals opening a line before a comma and a month: a wire dateline's place ("ORLAND, March 10 (Nordwire)"). */
function datelinePlace(tokens: Token[], first: number, last: number): boolean {
  const next = tokens[last + 1];
  if (!tokens[first].opensLine || !next?.commaBefore || !next.cap || !MONTH_KEYS.has(next.key)) return false;
  for (let i = first; i <= last; i++) if (!tokens[i].allCaps) return false;
  return true;
}

/** A verb of saying or of what people do, right after the name: "said", "told", "arrived", "met". */
function personVerbAt(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  return !!t && t.gap === 'space' && !t.cap && (SAID_WORDS.has(t.key) || PERSON_VERBS.has(t.key));
}

/** Generic words of other languages in the run: "Médecins Sans Frontières", "Banco Santander", "Société Générale". */
function foreignOrgWords(tokens: Token[], first: number, last: number): boolean {
  for (let i = first; i <= last; i++) if (tokens[i].cap && FOREIGN_ORG_WORDS.has(tokens[i].key)) return true;
  return false;
}

/**
 * An apposition after the name that names a role: "Jusman Syafii Djamal, minister of transport", "Jane Roe, a
 * spokeswoman for", "Olena Kovalchuk, the foreign minister,".
 */
function roleApposition(tokens: Token[], last: number): boolean {
  const next = tokens[last + 1];
  if (!next || !next.commaBefore) return false;
  if (ROLE_NOUNS.has(next.key)) return true;
  if (!DETERMINERS.has(next.key)) return false;
  for (let i = last + 2; i <= last + 2 + MAX_ROLE_MODIFIERS && i < tokens.length; i++) {
    const t = tokens[i];
    if (t.gap !== 'space' || t.cap) return false;
    if (ROLE_NOUNS.has(t.key)) return true;
  }
  return false;
}

/**
 * The shape of a person's name: a particle between its words ("von der Leyen", "bin Salman", "Lula da Silva"), an
 * Arabic name opening with one ("Abu Bakr", "Ibn Saud"), or an article glued to the surname ("Abdel Fattah el-Sisi").
 */
function particleName(tokens: Token[], first: number, last: number): boolean {
  if (LEADING_PARTICLES.has(tokens[first].key)) return true;
  for (let i = first + 1; i <= last; i++) {
    const t = tokens[i];
    if ((i < last && isConnector(t) && PERSON_PARTICLES.has(t.key)) || isPrefixedSurname(t.text)) return true;
  }
  return false;
}

/** "JANE DOE said": two or three all-capital words, none a known name or an acronym word, before a person's verb. */
function shoutedSpeaker(tokens: Token[], first: number, last: number): boolean {
  if (last - first > 2 || !personVerbAt(tokens, last + 1)) return false;
  for (let i = first; i <= last; i++) {
    const t = tokens[i];
    if (!t.allCaps || t.text.length < 2 || t.text.includes('.') || CAPS_STOPWORDS.has(t.text) || NAMES.has(t.key))
      return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Within-article linking

function nameTokens(tokens: Token[], c: Candidate): Token[] {
  return tokens.slice(c.nameFirst, c.last + 1).filter((t) => !isConnector(t));
}

function textOf(tokens: Token[], first: number, last: number, text: string): string {
  return text.slice(tokens[first].start, tokens[last].end);
}

/** Verbs of governments (say, decide, act on others), by stem: a capital as their subject stands for its state.
 *  Verbs that cities do as well ("is cold", "will host", "saw blossoms") are left out on purpose. */
const ACTOR_VERB_RE = new RegExp(
  '^(?:sa(?:id|ys|y)|announc|urg|warn|reject|accus|agree|den(?:y|ie)|demand|impos|fire|launch|test|hail|welcom|' +
    'protest|respond|threaten|vow|condemn|critici|sanction|recall|summon|approv|decid|plan|want|seek|sought|insist|' +
    'drop|lift|remov|ban|refus|negotiat|sign|worr|hope|claim|call|sen[dt]|retaliat|oppos|support|push|press|ask|' +
    'offer|propos|pledg|promis|accept|hit|move|mov|agree|tighten|eas|restrict|expel|suspend|resum|react|retort|' +
    'slam|blam|object)',
);
const AUXILIARIES = new Set(
  (
    'has have had will would is was are were did does do can could may might must should shall ' +
    'also not already reportedly again then'
  ).split(' '),
);

/** Whether the tokens from i on read as a government's verb, perhaps after an auxiliary ("will drop", "has hailed"). */
function actorVerbAt(tokens: Token[], i: number): boolean {
  let t = tokens[i];
  for (let hops = 0; t && !t.cap && AUXILIARIES.has(t.key) && hops < 2; hops++) t = tokens[++i];
  return !!t && !t.cap && ACTOR_VERB_RE.test(t.key);
}

const PREPOSITIONS = new Set(
  (
    'from in to at near of for with by between into on onto over across toward towards via ' +
    'around outside inside within'
  ).split(' '),
);

/** Finds the people, organisations, places and nationalities of one article. */
export function findEntities(text: string, options: EntityOptions = {}): EntityMention[] {
  const tokens = rawTokens(text, excludedAt(options.exclude ?? []));
  markPositional(text, tokens, new Set((options.sentences ?? []).map((s) => s.start)));
  markLowerElsewhere(tokens);
  const candidates: Candidate[] = [];
  for (const [first, last] of sequences(tokens)) analyseRun(tokens, first, last, candidates);
  const names = articleNames(text, tokens, candidates);
  const mentions: EntityMention[] = [];
  for (const c of candidates) {
    const m = mentionOf(c, names);
    if (m) mentions.push(m);
  }
  mentions.push(...northAndSouth(text, tokens, candidates));
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  const result: EntityMention[] = [];
  for (const m of mentions) if (!result.length || m.start >= result[result.length - 1].end) result.push(m);
  return result;
}

/** Whether a position lies in an excluded span; positions must only grow, as the span pointer needs. */
function excludedAt(spans: Span[]): (pos: number) => boolean {
  const exclude = spans.slice().sort((a, b) => a.start - b.start);
  let ex = 0;
  return (pos: number): boolean => {
    while (ex < exclude.length && exclude[ex].end <= pos) ex++;
    return ex < exclude.length && exclude[ex].start <= pos;
  };
}

/** Capitalised words the article also writes in lower case. */
function markLowerElsewhere(tokens: Token[]): void {
  const capitalKeys = new Set<string>();
  for (const t of tokens) if (t.cap) capitalKeys.add(t.key);
  const lowerWords = new Set<string>();
  for (const t of tokens) if (!t.cap && capitalKeys.has(t.key)) lowerWords.add(t.key);
  for (const t of tokens) if (t.cap && lowerWords.has(t.key)) t.lowerElsewhere = true;
}

type Person = { c: Candidate; words: string[]; count: number; order: number };

/** What the whole article says about its names, for typing and naming each candidate. */
interface ArticleNames {
  text: string;
  tokens: Token[];
  /** Acronyms defined in the text, with their long form. */
  acronymOf: Map<string, Candidate>;
  /** The strongest typed candidate of each surface form. */
  best: Map<string, Candidate>;
  wordsOf(c: Candidate): string[];
  idOf(type: EntityType, canonical: string): string;
  personFor(c: Candidate): Person | undefined;
  orgFor(surfaceKey: string): string | undefined;
}

function articleNames(text: string, tokens: Token[], candidates: Candidate[]): ArticleNames {
  const acronymOf = acronymDefinitions(text, tokens, candidates);
  const wordsOf = (c: Candidate): string[] => (c.words ??= nameTokens(tokens, c).map((t) => t.key));
  // Ids by type and canonical name, computed once per article.
  const ids = new Map<string, string>();
  const idOf = (type: EntityType, canonical: string): string => {
    const k = type + '|' + canonical;
    let id = ids.get(k);
    if (id === undefined) ids.set(k, (id = entityId(type, canonical)));
    return id;
  };
  confirmSurnamedPeople(tokens, candidates);
  // Types learnt in the article: the strongest evidence for a surface form wins for all its occurrences.
  const best = new Map<string, Candidate>();
  for (const c of candidates) {
    if (!c.type || c.tentative) continue;
    const k = keyOf(tokens, c.nameFirst, c.last);
    const b = best.get(k);
    if (!b || c.strength > b.strength) best.set(k, c);
  }
  const personFor = personFinder(fullNamedPeople(candidates, wordsOf), wordsOf);
  const orgFor = orgFinder(text, tokens, candidates);
  return { text, tokens, acronymOf, best, wordsOf, idOf, personFor, orgFor };
}

/** Acronym definitions: "World Trade Organization (WTO)" — the acronym takes the long form's type and name. */
function acronymDefinitions(text: string, tokens: Token[], candidates: Candidate[]): Map<string, Candidate> {
  const acronymOf = new Map<string, Candidate>();
  for (let ci = 0; ci < candidates.length; ci++) listAcronym(text, tokens, candidates, ci, acronymOf);
  for (let ci = 0; ci + 1 < candidates.length; ci++) {
    const long = candidates[ci];
    const short = candidates[ci + 1];
    const acr = tokens[short.first];
    if (
      short.first === short.last &&
      acr.allCaps &&
      short.first === long.last + 1 &&
      text.slice(tokens[long.last].end, acr.start).trim() === '(' &&
      !acronymOf.has(acr.key)
    ) {
      acronymOf.set(acr.key, long);
    }
  }
  return acronymOf;
}

const ACRONYM_FILLERS = new Set(['and', 'of', 'for', 'the', 'on', 'in', 'to', '&']);

/**
 * "Maintenance, Repair and Overhaul (MRO)", "research and development (R&D)": an acronym spelling out words that no
 * one name covers (a list, a common phrase) is no entity. Recorded as an untyped long form, which drops it.
 */
function listAcronym(
  text: string,
  tokens: Token[],
  candidates: Candidate[],
  ci: number,
  acronymOf: Map<string, Candidate>,
): void {
  const c = candidates[ci];
  const acr = tokens[c.first];
  if (c.first !== c.last || !acr.allCaps || acronymOf.has(acr.key)) return;
  if (!/\(\s*$/.test(text.slice(Math.max(0, acr.start - 4), acr.start))) return;
  const letters = acr.text.replace(/[^\p{L}]/gu, '').toLowerCase();
  let k = c.first - 1;
  let li = letters.length - 1;
  while (k >= 0 && li >= 0 && c.first - k <= 2 * letters.length + 2) {
    const t = tokens[k];
    if (!t.cap && ACRONYM_FILLERS.has(t.key)) k--;
    else if (t.key[0] === letters[li]) {
      li--;
      k--;
    } else break;
  }
  if (li >= 0 || k + 1 >= c.first) return;
  const from = k + 1;
  // Candidates are in text order: only the few just before the acronym can cover its long form.
  for (let oi = ci - 1; oi >= 0 && ci - oi <= 2 * letters.length + 2; oi--)
    if (candidates[oi].first <= from && candidates[oi].last >= c.first - 1) return;
  acronymOf.set(acr.key, {
    first: from,
    last: c.first - 1,
    nameFirst: from,
    type: null,
    strength: 3,
    tentative: false,
  });
}

/**
 * A two- or three-word name with no cue is a person when its last word also stands alone in the article
 * ("Vishwanand Subryan" … "Subryan"): news re-mentions people by surname, products and bodies rarely so.
 */
function confirmSurnamedPeople(tokens: Token[], candidates: Candidate[]): void {
  const loneWords = new Set<string>();
  for (const c of candidates) {
    // "the Pro" is a thing: people do not take an article.
    if (c.first === c.last && !(c.first > 0 && DETERMINERS.has(tokens[c.first - 1].key)))
      loneWords.add(tokens[c.first].key);
  }
  for (const c of candidates) {
    if (
      c.type === 'PERSON' &&
      c.strength === 0 &&
      c.tentative &&
      !tokens[c.nameFirst].headline &&
      loneWords.has(tokens[c.last].key)
    ) {
      c.tentative = false;
      c.strength = 1;
    }
  }
}

/** People with a full name, by each of their name words ("Yoon", "Kishida", "Yuko"), in order of first mention. */
function fullNamedPeople(candidates: Candidate[], wordsOf: (c: Candidate) => string[]): Person[] {
  const people: Person[] = [];
  const peopleByName = new Map<string, Person>();
  for (const c of candidates) {
    if (c.type !== 'PERSON' || c.tentative || c.last === c.nameFirst) continue;
    const words = wordsOf(c);
    if (words.length < 2) continue;
    const full = words.join(' ');
    const known = peopleByName.get(full);
    if (known) known.count++;
    else {
      const p = { c, words, count: 1, order: people.length };
      people.push(p);
      peopleByName.set(full, p);
    }
  }
  return people;
}

/** The person a one- or two-word name refers to, among the people named in full. */
function personFinder(people: Person[], wordsOf: (c: Candidate) => string[]): (c: Candidate) => Person | undefined {
  return (c) => {
    if (people.length === 0 || c.last - c.nameFirst > 2) return undefined;
    const words = wordsOf(c);
    if (words.length === 0 || words.length > 2) return undefined;
    let found: Person | undefined;
    let score = -1;
    for (const p of people) {
      const ok =
        words.length === 1
          ? p.words[0] === words[0] || p.words[p.words.length - 1] === words[0]
          : words.every((w) => p.words.includes(w));
      if (!ok) continue;
      // A surname goes to the most mentioned bearer; a given name only to its own bearer.
      const s = p.count * 2 + (p.words[p.words.length - 1] === words[words.length - 1] ? 1 : 0) - p.order * 0.01;
      if (s > score) {
        score = s;
        found = p;
      }
    }
    return found;
  };
}

/** Organisations named in full, by first word, for their short forms ("AirTran" for "AirTran Airways"). */
function orgFinder(text: string, tokens: Token[], candidates: Candidate[]): (surfaceKey: string) => string | undefined {
  const orgsByFirst = new Map<string, Map<string, string>>();
  for (const c of candidates) {
    if (c.type !== 'ORGANIZATION' || c.tentative || c.strength < 2 || c.last === c.nameFirst) continue;
    const first = tokens[c.nameFirst].key;
    let byKey = orgsByFirst.get(first);
    if (!byKey) orgsByFirst.set(first, (byKey = new Map()));
    const key = keyOf(tokens, c.nameFirst, c.last);
    if (!byKey.has(key)) byKey.set(key, c.entry?.canonical ?? textOf(tokens, c.nameFirst, c.last, text));
  }
  return (surfaceKey) => {
    const byKey = orgsByFirst.get(surfaceKey.split(' ')[0]);
    if (!byKey) return undefined;
    for (const [key, canonical] of byKey) if (key.startsWith(surfaceKey + ' ')) return canonical;
    return undefined;
  };
}

/** A candidate's type and canonical name, from itself or what the article says elsewhere; null when it is no entity. */
function resolveName(c: Candidate, names: ArticleNames): { type: EntityType; canonical: string } | null {
  const { text, tokens, acronymOf } = names;
  let type = c.type;
  let canonical: string | undefined;
  const surfaceKey = keyOf(tokens, c.nameFirst, c.last);
  const person =
    c.type !== 'PERSON' || names.wordsOf(c).length < 2
      ? c.strength < 3 || c.type === 'PERSON' || c.entry?.city
        ? names.personFor(c)
        : undefined
      : undefined;
  if (person && (c.type === 'PERSON' || c.strength < 2 || c.entry?.city)) {
    type = 'PERSON';
    canonical = textOf(tokens, person.c.nameFirst, person.c.last, text);
  } else if (c.tentative || c.strength < 2) {
    const b = names.best.get(surfaceKey);
    const acr = acronymOf.get(surfaceKey);
    if (acr) {
      if (!acr.type) return null;
      type = acr.type;
      canonical = acr.entry?.canonical ?? textOf(tokens, acr.nameFirst, acr.last, text);
    } else if (b && b !== c) type = b.type;
    else {
      // A short form of an organisation named in full in the article ("AirTran" for "AirTran Airways").
      const org = names.orgFor(surfaceKey);
      if (org) {
        type = 'ORGANIZATION';
        canonical = org;
      } else if (c.tentative) return null;
    }
  }
  if (!type) return null;
  if (!canonical) {
    const acr = acronymOf.get(surfaceKey);
    if (acr && acr.type === type) canonical = acr.entry?.canonical ?? textOf(tokens, acr.nameFirst, acr.last, text);
  }
  if (!canonical) canonical = c.entry?.canonical ?? textOf(tokens, c.nameFirst, c.last, text);
  return { type, canonical };
}

/** A capital used as an actor stands for its country ("Pyongyang fired", "Seoul will drop"): one entity with it. */
function capitalAsActor(c: Candidate, tokens: Token[]): boolean {
  const next = tokens[c.last + 1];
  const before = tokens[c.first - 1];
  const afterPreposition = before && PREPOSITIONS.has(before.key) && tokens[c.first].gap === 'space';
  // "the Pyongyang regime", "the Pyongyang test fired": the capital as a government; "the Tokyo summit" is a place.
  const after2 = tokens[c.last + 2];
  const governmentArticle =
    before &&
    before.key === 'the' &&
    next &&
    !next.cap &&
    (GOVERNMENT_NOUNS.has(next.key) ||
      actorVerbAt(tokens, c.last + 1) ||
      (!!after2 && /ed$/.test(after2.key) && !EVENT_NOUNS.has(next.key)));
  return !!(
    c.entry?.capitalOf &&
    next &&
    !tokens[c.last].possessive &&
    !afterPreposition &&
    (actorVerbAt(tokens, c.last + 1) || isCoordinatedActor(tokens, c.last) || governmentArticle)
  );
}

function mentionOf(c: Candidate, names: ArticleNames): EntityMention | null {
  const resolved = resolveName(c, names);
  if (!resolved) return null;
  const { type } = resolved;
  const canonical = capitalAsActor(c, names.tokens) ? c.entry!.capitalOf! : resolved.canonical;
  const start = names.tokens[c.first].start;
  const end = names.tokens[c.last].end;
  const m: EntityMention = {
    start,
    end,
    text: names.text.slice(start, end),
    type,
    id: names.idOf(type, canonical),
    canonical,
  };
  if (nameAsModifier(names.tokens, c)) m.modifier = true;
  return m;
}

/** A word that does not head a noun phrase after a name: a function word, a verb form, an adverb, a time word. */
function verbish(key: string): boolean {
  return (
    STOP_WORDS.has(key) ||
    AUXILIARIES.has(key) ||
    SAID_WORDS.has(key) ||
    PERSON_VERBS.has(key) ||
    NOT_MODIFIED_WORDS.has(key) ||
    irregularBase(key) !== undefined ||
    /(?:ed|ing|ly)$/.test(key)
  );
}

/**
 * Whether the name modifies the noun after it ("Apple CEO Tim Cook", "the Airbus website", "Air Canada deal", "the
 * many Boeing employees") rather than standing alone. A plural after the name reads as a verb ("Apple plans to")
 * unless a noun phrase opens before the name or an auxiliary follows ("Apple shares were"). Place and organisation
 * heads ("Heathrow airport") belong to the name.
 */
function nameAsModifier(tokens: Token[], c: Candidate): boolean {
  const next = tokens[c.last + 1];
  if (!next || tokens[c.last].possessive || next.gap !== 'space' || next.newlineBefore || next.excluded) return false;
  // MEANTIME writes acronyms before a noun as names ("U.S. space launch contracts", "EU ban", "UK RAF airtanker").
  if (tokens.slice(c.first, c.last + 1).every((t) => t.allCaps)) return false;
  if (titleAt(tokens, c.last + 1, Math.min(tokens.length - 1, c.last + MAX_TITLE_WORDS)) > 0) return true;
  if (next.cap || !/^\p{Ll}+$/u.test(next.text)) return false;
  const key = next.key;
  if (ROLE_NOUNS.has(key)) return true;
  if (verbish(key) || PLACE_HEADS.has(key) || CURRENCY_WORDS.has(key)) return false;
  if (/[^s]s$/.test(key) && !opensNounPhrase(tokens, c)) {
    const after = tokens[c.last + 2];
    return !!after && after.gap === 'space' && AUXILIARIES.has(after.key);
  }
  return !apposedName(tokens, c.last + 1);
}

/** The word before the name opens a noun phrase: "the many Boeing employees", "for Apple shares", "12 new Airbus". */
function opensNounPhrase(tokens: Token[], c: Candidate): boolean {
  const before = tokens[c.first - 1];
  return (
    !!before &&
    !before.cap &&
    tokens[c.first].gap === 'space' &&
    (NOUN_PHRASE_OPENERS.has(before.key) || before.code || !verbish(before.key))
  );
}

/**
 * "Airbus parent EADS", "Airbus parent company EADS", "JSA Research defence analyst Paul Nesbit": one or two nouns
 * of relation before another name are an apposition, and the first name stands alone; "EADS North America plan to":
 * a verb before "to".
 */
function apposedName(tokens: Token[], i: number): boolean {
  for (let k = i + 1; k <= i + 2 && k < tokens.length; k++) {
    const t = tokens[k];
    if (t.gap !== 'space') return false;
    if (t.key === 'to' && k === i + 1) return true;
    if (t.cap) return !t.excluded && !CALENDAR_WORDS.has(t.text);
    if (verbish(t.key)) return false;
  }
  return false;
}

/** "the North" once North Korea was named in the article stands for it ("the South" likewise). */
function northAndSouth(text: string, tokens: Token[], candidates: Candidate[]): EntityMention[] {
  const countryMentioned = new Set<string>();
  for (const c of candidates)
    if (c.type === 'PLACE' && c.entry && !c.tentative) countryMentioned.add(c.entry.canonical);
  const out: EntityMention[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (
      !t.cap ||
      t.excluded ||
      tokens[i - 1].excluded ||
      (t.key !== 'north' && t.key !== 'south') ||
      tokens[i - 1].key !== 'the'
    )
      continue;
    const country = t.key === 'north' ? 'North Korea' : 'South Korea';
    const next = tokens[i + 1];
    if (!countryMentioned.has(country) || (next && next.gap === 'space' && next.cap)) continue;
    const start = tokens[i - 1].start;
    out.push({
      start,
      end: t.end,
      text: text.slice(start, t.end),
      type: 'PLACE',
      id: entityId('PLACE', country),
      canonical: country,
    });
  }
  return out;
}

const GOVERNMENT_NOUNS = new Set(
  'government regime administration authorities leadership cabinet officials'.split(' '),
);
const EVENT_NOUNS = new Set(
  (
    'summit meeting talks conference visit trip office area region airport station marathon games olympics ' +
    'agreement declaration'
  ).split(' '),
);

/** "Tokyo and Seoul hit …": the capital is the subject of a verb through a coordination. */
function isCoordinatedActor(tokens: Token[], i: number): boolean {
  const and = tokens[i + 1];
  if (!and || and.key !== 'and') return false;
  const other = tokens[i + 2];
  const verb = tokens[i + 3];
  return !!other && !!verb && other.cap && actorVerbAt(tokens, i + 3);
}
