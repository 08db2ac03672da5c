// Lookup tables built once from the gazetteer data: normalised name → type and canonical form, plus word sets for cues.

import { EntityType } from '../model';
import { COUNTRIES, US_STATE_NAMES, REGION_NAMES, CITY_NAMES, OTHER_DEMONYMS } from './places';
import { GIVEN_NAME_LIST, TITLE_LIST, HONORIFIC_LIST, ROLE_NOUN_LIST } from './people';
import { ORG_HEAD_LIST, ORG_APPOSITION_LIST, KNOWN_ORG_LIST } from './organisations';

export { COMMON_WORDS, CAPS_STOPWORDS, CALENDAR_WORDS } from './common';

export interface GazetteerEntry {
  type: EntityType;
  canonical: string;
  /** For a capital city: the country it can stand for when used as an actor ("Pyongyang fired"). */
  capitalOf?: string;
  /** For a demonym: the country it belongs to. */
  countryOf?: string;
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

function buildNames(): Map<string, GazetteerEntry> {
  const names = new Map<string, GazetteerEntry>();
  const put = (name: string, entry: GazetteerEntry, override = false) => {
    const key = lookupKey(name);
    if (override || !names.has(key)) names.set(key, entry);
  };
  for (const c of KNOWN_ORG_LIST) {
    const [name, full] = c.split('=');
    put(name, { type: 'ORGANIZATION', canonical: (full ?? name).replace(/^The /, '') });
  }
  for (const r of REGION_NAMES) put(r, { type: 'PLACE', canonical: r }, true);
  for (const c of CITY_NAMES) put(c, { type: 'PLACE', canonical: c }, true);
  for (const s of US_STATE_NAMES) put(s, { type: 'PLACE', canonical: s }, true);
  for (const c of COUNTRIES) {
    if (c.capital) put(c.capital, { type: 'PLACE', canonical: c.capital, capitalOf: c.name }, true);
  }
  for (const c of COUNTRIES) {
    put(c.name, { type: 'PLACE', canonical: c.name }, true);
    for (const a of c.aliases) put(a, { type: 'PLACE', canonical: c.name }, true);
    for (const d of c.demonyms) put(d, { type: 'NATIONALITY', canonical: d, countryOf: c.name }, true);
  }
  for (const d of OTHER_DEMONYMS) put(d, { type: 'NATIONALITY', canonical: d });
  // A city that is also a country keeps the country reading.
  put('Singapore', { type: 'PLACE', canonical: 'Singapore' }, true);
  put('EU', { type: 'PLACE', canonical: 'European Union' }, true);
  put('European Union', { type: 'PLACE', canonical: 'European Union' }, true);
  return names;
}

/** Every gazetteer name by lookup key. Organisations first, then places and demonyms win on clashes. */
export const NAMES: ReadonlyMap<string, GazetteerEntry> = buildNames();

/** Longest gazetteer name in words, to bound the lookup window. */
export const MAX_NAME_WORDS = Math.max(...[...NAMES.keys()].map((k) => k.split(' ').length));

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
