// Whether two places can be where one event happened: countries, their aliases and capitals.
import { isMinorPlace } from '../gazetteer';
import { COUNTRIES } from '../gazetteer/places';

export const COUNTRY_BY_NAME = new Map<string, string>();
const COUNTRY_OF_CAPITAL = new Map<string, string>();
for (const c of COUNTRIES) {
  COUNTRY_BY_NAME.set(c.name.toLowerCase(), c.name);
  for (const a of c.aliases) COUNTRY_BY_NAME.set(a.toLowerCase(), c.name);
  if (c.capital) COUNTRY_OF_CAPITAL.set(c.capital.toLowerCase(), c.name);
}

/** False when two places cannot be where one event happened: two different cities, or a city in another country. */
export function placesCompatible(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  const cx = COUNTRY_BY_NAME.get(x);
  const cy = COUNTRY_BY_NAME.get(y);
  if (cx && cy) return cx === cy;
  if (cx || cy) {
    // A country and a city: compatible unless the city is known to lie elsewhere.
    const country = (cx ?? cy)!;
    const city = cx ? y : x;
    const home = COUNTRY_OF_CAPITAL.get(city);
    return !home || home === country;
  }
  // A small town is too fine-grained to set against another place ("Burnsville" and "Minneapolis").
  return isMinorPlace(x) || isMinorPlace(y);
}
