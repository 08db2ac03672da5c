// Lookup tables built once from the gazetteer data (generated from data packages, plus the hand-kept lists): normalised
// name → type and canonical form, place names that need context, first names, and word sets for cues.

import { EntityType } from '../model';
import { COUNTRIES, REGION_NAMES, CITY_NAMES, OTHER_DEMONYMS, PLACE_DATA } from './places';
import { GIVEN_NAME_LIST, TITLE_LIST, HONORIFIC_LIST, ROLE_NOUN_LIST } from './people';
import { ORG_HEAD_LIST, ORG_APPOSITION_LIST, KNOWN_ORG_LIST } from './organisations';
import { FIRST_NAME_ROWS } from './generated';

export { COMMON_WORDS, CAPS_STOPWORDS, CALENDAR_WORDS } from './common';
export { COUNTRIES, MIN_CITY_POPULATION } from './places';

export interface GazetteerEntry {
  type: EntityType;
  canonical: string;
  /** For a capital city: the country it can stand for when used as an actor ("Pyongyang fired"). */
  capitalOf?: string;
  /** For a demonym: the country it belongs to. */
  countryOf?: string;
  /** A city or town (not a country, capital or region): a person's name word wins over it ("Clinton" after "Bill Clinton"). */
  city?: boolean;
  /** A town too small to make a longer name around it an organisation ("Barack Obama" is no company of Obama, Japan). */
  minor?: boolean;
}

/**
 * The lookup form of a name: lower case, no dots, apostrophes or diacritics, hyphens and spaces folded to one space.
 */
const PLAIN_RE = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

export function lookupKey(name: string): string {
  if (PLAIN_RE.test(name)) return name.toLowerCase();
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.'’`]/g, '')
    .replace(/[\s\-‐–]+/g, ' ')
    .trim();
}

type Names = Map<string, GazetteerEntry>;

function buildNames(): { names: Names; contextPlaces: Names } {
  const names: Names = new Map();
  const contextPlaces: Names = new Map();
  const put = (name: string, entry: GazetteerEntry, override = false, key = lookupKey(name)) => {
    if (override || !names.has(key)) names.set(key, entry);
    contextPlaces.delete(key);
  };
  for (const c of KNOWN_ORG_LIST) {
    const [name, full] = c.split('=');
    put(name, { type: 'ORGANIZATION', canonical: (full ?? name).replace(/^The /, '') });
  }
  // Cities and regions of the data; a hand-kept region ("Asia") wins over a town of the same name.
  for (const p of PLACE_DATA) {
    const entry: GazetteerEntry = p.kind === 'city' ? { type: 'PLACE', canonical: p.name, city: true, minor: p.minor } : { type: 'PLACE', canonical: p.name };
    if (p.ambiguous) {
      if (!names.has(p.key)) contextPlaces.set(p.key, entry);
    } else if (names.get(p.key)?.type !== 'ORGANIZATION') put(p.name, entry, true, p.key);
  }
  for (const r of REGION_NAMES) put(r, { type: 'PLACE', canonical: r }, true);
  for (const c of CITY_NAMES) put(c, { type: 'PLACE', canonical: c, city: true }, true);
  for (const c of COUNTRIES) {
    for (const cap of [c.capital, ...c.otherCapitals]) if (cap) put(cap, { type: 'PLACE', canonical: cap, capitalOf: c.name }, true);
  }
  for (const c of COUNTRIES) {
    put(c.name, { type: 'PLACE', canonical: c.name }, true);
    for (const a of c.aliases) put(a, { type: 'PLACE', canonical: c.name }, true);
  }
  for (const c of COUNTRIES) for (const d of c.demonyms) put(d, { type: 'NATIONALITY', canonical: d, countryOf: c.name }, true);
  for (const d of OTHER_DEMONYMS) put(d, { type: 'NATIONALITY', canonical: d });
  // A city that is also a country keeps the country reading.
  put('Singapore', { type: 'PLACE', canonical: 'Singapore' }, true);
  put('EU', { type: 'PLACE', canonical: 'European Union' }, true);
  put('European Union', { type: 'PLACE', canonical: 'European Union' }, true);
  return { names, contextPlaces };
}

const BUILT = buildNames();

let minorKeys: Set<string> | undefined;

/** A town of the data too small to tell two reports of one event apart ("Burnsville" and "Minneapolis"). */
export function isMinorPlace(name: string): boolean {
  minorKeys ??= new Set(PLACE_DATA.filter((p) => p.minor).map((p) => p.key));
  const key = lookupKey(name);
  return minorKeys.has(key) && !NAMES.get(key)?.capitalOf && NAMES.get(key)?.type !== 'ORGANIZATION';
}

/** Every gazetteer name by lookup key. Organisations first, then places and demonyms win on clashes. */
export const NAMES: ReadonlyMap<string, GazetteerEntry> = BUILT.names;

/** Place names that are also common English words or first names ("Reading", "Nice", "Split", "Florence"): places
 *  only with context (see hasPlaceContext), never by themselves. */
export const CONTEXT_PLACES: ReadonlyMap<string, GazetteerEntry> = BUILT.contextPlaces;

/** Words that, right before a name, say it is a place ("in Reading", "from Split"). */
export const PLACE_CONTEXT_WORDS: ReadonlySet<string> = new Set(['in', 'at', 'from', 'near']);

/** Every proper prefix of a multiword name ("dar", "dar es" for "Dar es Salaam"), and the most words in a name. */
const { prefixes: NAME_PREFIXES, maxWords } = (() => {
  const prefixes = new Set<string>();
  let max = 1;
  for (const m of [NAMES, CONTEXT_PLACES]) {
    for (const k of m.keys()) {
      let words = 1;
      for (let i = k.indexOf(' '); i > 0; i = k.indexOf(' ', i + 1), words++) prefixes.add(k.slice(0, i));
      if (words > max) max = words;
    }
  }
  return { prefixes, maxWords: max };
})();

/** Longest gazetteer name in words, to bound the lookup window. */
export const MAX_NAME_WORDS = maxWords;

/** How many more words (from nextKey(1) on) complete the longest gazetteer name that starts with `key`; 0 when none.
 *  Lets a capitalised run go on over lower-case words inside a known name: "Dar es Salaam", "Côte d'Ivoire". */
export function nameContinuation(key: string, nextKey: (n: number) => string | undefined): number {
  let best = 0;
  let k = key;
  for (let n = 1; NAME_PREFIXES.has(k) && n < MAX_NAME_WORDS; n++) {
    const next = nextKey(n);
    if (next === undefined) break;
    k += ' ' + next;
    if (NAMES.has(k) || CONTEXT_PLACES.has(k)) best = n;
  }
  return best;
}

const FIRST_NAMES: ReadonlySet<string> = new Set([...FIRST_NAME_ROWS.split('\n'), ...GIVEN_NAME_LIST].map((n) => n.toLowerCase()));

/** Whether a word is a known first name ("Maria", "Kwame", "Frank"), in any case: evidence that a name is a person's,
 *  from the English first-name data and the hand list of names of other cultures. */
export function isFirstName(word: string): boolean {
  return FIRST_NAMES.has(word.toLowerCase());
}

/** Given names that make a two- or three-word name a person by themselves: the hand-kept list. The 8,000 names of the
 *  data measured worse for that rule ("Bay of Biscay", "Court of Appeal", ECB+ links 0.755 → 0.748), so they only
 *  answer isFirstName. */
export const GIVEN_NAMES: ReadonlySet<string> = new Set(GIVEN_NAME_LIST);

/** Titles by lookup key, longest first per first word. */
export const TITLES: ReadonlySet<string> = new Set(TITLE_LIST.map(lookupKey));
export const MAX_TITLE_WORDS = Math.max(...TITLE_LIST.map((t) => t.split(' ').length));
export const HONORIFICS: ReadonlySet<string> = new Set(HONORIFIC_LIST.map(lookupKey));
/** Corporate roles and other titles that stay outside the span of the name they precede. */
const OUT_OF_SPAN_TITLE_RE = new RegExp(
  '^(ceo|cfo|coo|cto|chief|executive|chief executive|founder|co founder|analyst|chairman|chairwoman|chair|director|' +
    'spokesman|spokeswoman|spokesperson|leader|officer|agent|coach|speaker|commissioner|lawmaker|mp|' +
    'opposition leader|saint|st)$',
);
/** Titles that belong in the span of the name they precede ("President Yoon", "Mr. Yoon"); corporate roles do not. */
export const IN_SPAN_TITLES: ReadonlySet<string> = new Set([...TITLES].filter((t) => !OUT_OF_SPAN_TITLE_RE.test(t)));
export const ROLE_NOUNS: ReadonlySet<string> = new Set(ROLE_NOUN_LIST);
export const ORG_HEADS: ReadonlySet<string> = new Set(ORG_HEAD_LIST.map(lookupKey));
export const ORG_APPOSITIONS: ReadonlySet<string> = new Set(ORG_APPOSITION_LIST);

/** Last words that make a capitalised sequence a place. */
export const PLACE_HEADS: ReadonlySet<string> = new Set(
  `airport sea ocean river lake island islands isles mountain mountains mount peninsula strait straits bay gulf valley
desert coast province prefecture county district region state territory city town village street avenue road
boulevard square bridge park center centre plaza harbor harbour port canal falls beach forest cape heights hills
factory plant township borough parish municipality`
    .split(/\s+/)
    .filter(Boolean),
);
/** First words that make a capitalised sequence a place ("Mount Fuji", "Lake Geneva", "Sea of Japan"). */
export const PLACE_LEADS: ReadonlySet<string> = new Set([
  'mount',
  'lake',
  'sea',
  'gulf',
  'bay',
  'cape',
  'isle',
  'port',
  'fort',
  'san',
  'santa',
  'saint',
  'st',
  'los',
  'las',
  'el',
]);

/**
 * Last words of names of things that are none of our types: events, agreements, laws, products lines
 * ("Korean War").
 */
export const OTHER_HEADS: ReadonlySet<string> = new Set(
  `war wars agreement agreements treaty accord accords pact act law bill convention protocol doctrine plan program
programme summit games olympics cup championship championships tournament open festival award awards prize expo
fair show week day crisis revolution uprising era age dynasty initiative strategy deal declaration resolution
charter constitution amendment conference keynote speech address census index election elections referendum
campaign operation policy terms oscars emmys grammys tonys baftas`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that may join capitalised words inside one name ("Sea of Japan", "Bank of America", "Charles de Gaulle"). */
export const NAME_CONNECTORS: ReadonlySet<string> = new Set([
  'of',
  'de',
  'du',
  'da',
  'di',
  'del',
  'della',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  'al',
  'bin',
  'ibn',
  'y',
  '&',
]);
