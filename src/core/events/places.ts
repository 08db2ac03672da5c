// Whether two places can be where one event happened: countries, their regions and cities, and places the gazetteer
// does not know (a clinic, an arena, a neighbourhood).
import { isMinorPlace, lookupKey } from '../gazetteer';
import { COUNTRIES, PLACE_DATA } from '../gazetteer/places';

export const COUNTRY_BY_NAME = new Map<string, string>();
const COUNTRY_OF_CAPITAL = new Map<string, string>();
for (const c of COUNTRIES) {
  COUNTRY_BY_NAME.set(c.name.toLowerCase(), c.name);
  for (const a of c.aliases) COUNTRY_BY_NAME.set(a.toLowerCase(), c.name);
  if (c.capital) COUNTRY_OF_CAPITAL.set(c.capital.toLowerCase(), c.name);
}

/** What scoring needs to know about a place name: how wide it is and the country it lies in. */
interface PlaceInfo {
  level: 'country' | 'region' | 'city' | 'unknown';
  country: string | null;
  /** Lookup form with British spellings folded ("centre" → "center"), for comparing unknown places. */
  key: string;
}

let cityRows: Map<string, { kind: 'city' | 'region'; country: string | null }> | undefined;

/** Cities and regions of the data by lookup key, with their country's name (built on first use). */
function placeRows() {
  if (cityRows) return cityRows;
  const byCode = new Map(COUNTRIES.filter((c) => c.code).map((c) => [c.code, c.name]));
  cityRows = new Map(PLACE_DATA.map((p) => [p.key, { kind: p.kind, country: byCode.get(p.code) ?? null }]));
  return cityRows;
}

const infoCache = new Map<string, PlaceInfo>();

function placeInfo(name: string): PlaceInfo {
  let info = infoCache.get(name);
  if (info) return info;
  const lower = name.toLowerCase();
  const key = lookupKey(name).replace(/\b(cent|theat|met)re\b/g, '$1er');
  const country = COUNTRY_BY_NAME.get(lower);
  const row = placeRows().get(lookupKey(name));
  const capitalOf = COUNTRY_OF_CAPITAL.get(lower);
  if (country) info = { level: 'country', country, key };
  else if (capitalOf) info = { level: 'city', country: capitalOf, key };
  else if (row) info = { level: row.kind, country: row.country, key };
  else info = { level: 'unknown', country: null, key };
  infoCache.set(name, info);
  return info;
}

/** Two names of places the gazetteer does not know name one place when one holds the other ("Promises"). */
function sameUnknownPlace(x: string, y: string): boolean {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return ` ${long} `.includes(` ${short} `);
}

/**
 * False when two places cannot be where one event happened: two countries, two regions or two cities, a city or
 * region in another country, or two different places the gazetteer does not know. A place it does not know (a
 * clinic, an arena, a neighbourhood) may lie in any city, region or country it does know; a small town is too
 * fine-grained to set against another place ("Burnsville" and "Minneapolis").
 */
export function placesCompatible(a: string | null, b: string | null): boolean {
  if (!a || !b || a === b) return true;
  const x = placeInfo(a);
  const y = placeInfo(b);
  if (x.key === y.key) return true;
  if (x.level === 'unknown' || y.level === 'unknown') {
    return x.level !== y.level || sameUnknownPlace(x.key, y.key);
  }
  // Different countries rule out any pair of places in them.
  if (x.country && y.country && x.country !== y.country) return false;
  if (x.level === 'country' || y.level === 'country') return true;
  // A region and a city of its country: the data does not say which region a city lies in.
  if (x.level !== y.level) return true;
  if (x.level === 'region') return false;
  return isMinorPlace(a) || isMinorPlace(b);
}
