// Gazetteer of places: countries, capitals, cities and regions from the generated data, and what that data lacks.

import { PLACE_ROWS } from './generated';

/** What the data packages lack about countries, as ISO code | preferred English name | demonyms | capitals | other names.
 *  The name replaces the package's canonical one ("Turkey" for "Türkiye"); a row without a code is a place of its own. */
const COUNTRY_EXTRAS = `
AR|Argentina|Argentine,Argentinian||
AZ|Azerbaijan|Azeri||
BA|Bosnia|Bosnian|Sarajevo|Bosnia-Herzegovina
BN|Brunei|||
CN|China|||PRC,Mainland China
CD|Congo|||Democratic Republic of Congo,DRC
HR|Croatia|Croat||
DK|Denmark|Danish,Dane||
EC|Ecuador|Ecuadorian||
FI|Finland|Finn||
IL|Israel||Jerusalem|
KZ|Kazakhstan|Kazakh|Astana|
LA|Laos|Laotian,Lao|Vientiane|
LU|Luxembourg|Luxembourgish||
MN|Mongolia||Ulaanbaatar|
MM|Myanmar|Burmese|Naypyidaw|Burma
NP|Nepal|Nepali||
NL|Netherlands|Dutch||Holland
KP|North Korea|||DPRK
PA|Panama||Panama City|
PH|Philippines|Filipino,Philippine||
PL|Poland|Pole||
RU|Russia|||
SA|Saudi Arabia|Saudi Arabian||
RS|Serbia|Serb||
SK|Slovakia|Slovak||
SI|Slovenia|Slovene||
KR|South Korea|||S. Korea,ROK
ES|Spain|Spaniard||
SE|Sweden|Swede||
SY|Syria|Syrian|Damascus|
TL|Timor-Leste|||East Timor
TR|Turkey|Turk||Turkiye
TM|Turkmenistan|Turkmen||
AE|United Arab Emirates|Emirati||
GB|United Kingdom|Briton||Britain
US|United States|||America
UZ|Uzbekistan|Uzbek||
VN|Vietnam|||Viet Nam
VA|Vatican City|||Vatican
YE|Yemen|Yemeni||
|England|English|London|
|Scotland|Scottish,Scot|Edinburgh|
|Wales|Welsh|Cardiff|
|Korea|Korean||
PS|Palestine|Palestinian|Ramallah|
HK|Hong Kong|Hong Konger||
`;

/** Demonyms that do not belong to one country (regions, peoples). */
const OTHER_NATIONALITIES = `European Asian African Arab Latin Western Eastern Nordic Scandinavian Caribbean Kurdish Basque Catalan
Hispanic Asian-American African-American Pacific Middle-Eastern Soviet Slavic Jewish Muslim Christian Catholic Buddhist Hindu Sikh Shiite Sunni
Democrat Republican`;

/** Regions, seas and other places GeoNames' cities and first-level regions do not cover. */
const REGIONS = `Africa Asia Europe Oceania North_America South_America Latin_America Central_America Middle_East Far_East Near_East
Southeast_Asia South_Asia East_Asia Central_Asia Asia-Pacific Indo-Pacific Eurasia Scandinavia Balkans Caribbean Mediterranean
Pacific Atlantic Arctic Sahara Siberia Gulf Persian_Gulf Korean_Peninsula Donbas Kashmir Kyushu Honshu Shikoku Gaza_Strip
Taiwan_Strait Earth European_Union EU Silicon_Valley Wall_Street Midwest New_England Provence Patagonia Amazon Himalayas Alps
East_China_Sea South_China_Sea Sea_of_Japan Yellow_Sea Black_Sea Red_Sea Baltic Baltic_Sea Caspian_Sea North_Sea Atlantic_Ocean
Pacific_Ocean Indian_Ocean Arctic_Ocean Mekong Nile Danube Rhine Thames Yangtze Mississippi_River`;

/** English and former names of cities that GeoNames lists under another name ("Köln"), and towns below the threshold. */
const CITIES = `Frankfurt Cologne Seville Antwerp Gothenburg Bombay Bangalore Calcutta Saigon Cebu Rio Davos Kiev`;

export interface CountryEntry {
  /** ISO 3166-1 alpha-2 code, '' for a place that has none ("England"). */
  code: string;
  name: string;
  demonyms: string[];
  /** The capital (GeoNames' PPLC), or null. */
  capital: string | null;
  /** Other capitals and seats of government ("The Hague"). */
  otherCapitals: string[];
  aliases: string[];
}

/** A city or region of the generated data. */
export interface PlaceRow {
  name: string;
  /** Its lookupKey, computed at build time. */
  key: string;
  kind: 'city' | 'region';
  code: string;
  /** Also a common English word or a first name: a place only with context. */
  ambiguous: boolean;
  /** A town below MAJOR_CITY_MIN inhabitants (see scripts/gazetteer.mjs). */
  minor: boolean;
}

const split = (s: string | undefined): string[] => (s ? s.split(',').filter(Boolean) : []);

function loadPlaces(): { countries: CountryEntry[]; places: PlaceRow[] } {
  const byCode = new Map<string, CountryEntry>();
  const country = (code: string): CountryEntry => {
    let c = byCode.get(code);
    if (!c) byCode.set(code, (c = { code, name: '', demonyms: [], capital: null, otherCapitals: [], aliases: [] }));
    return c;
  };
  const places: PlaceRow[] = [];
  for (const line of PLACE_ROWS.split('\n')) {
    const [kind, name, code, flags, key] = line.split('|');
    if (kind === 'C') country(code).name = name;
    else if (kind === 'A') country(code).aliases.push(name);
    else if (kind === 'D') country(code).demonyms.push(name);
    else if (kind === 'K') country(code).capital = name;
    else if (kind === 'G') country(code).otherCapitals.push(name);
    else places.push({ name, key: key || name.toLowerCase(), kind: kind === 'R' ? 'region' : 'city', code, ambiguous: flags.includes('a'), minor: flags.includes('m') });
  }
  const extras: CountryEntry[] = [];
  for (const row of COUNTRY_EXTRAS.trim().split('\n')) {
    const [code, name, dem, capital, aliases] = row.split('|');
    const c = code ? country(code) : { code, name, demonyms: [], capital: null, otherCapitals: [], aliases: [] };
    if (!code) extras.push(c);
    // The preferred name becomes canonical; the package's one stays an alias.
    if (c.name !== name) {
      c.aliases = [c.name, ...c.aliases.filter((a) => a !== name)].filter(Boolean);
      c.name = name;
    }
    c.demonyms.push(...split(dem));
    c.aliases.push(...split(aliases));
    for (const cap of split(capital)) {
      if (!c.capital) c.capital = cap;
      else if (cap !== c.capital) c.otherCapitals.push(cap);
    }
  }
  return { countries: [...[...byCode.values()].filter((c) => c.name), ...extras], places };
}

const LOADED = loadPlaces();

/** Every country and territory (ISO 3166-1 and a few more), with names, demonyms and capitals. */
export const COUNTRIES: readonly CountryEntry[] = LOADED.countries;
/** GeoNames cities (population ≥ MIN_CITY_POPULATION, and capitals) and first-level regions, capitals excluded. */
export const PLACE_DATA: readonly PlaceRow[] = LOADED.places;
export { MIN_CITY_POPULATION } from './generated';

const words = (list: string): string[] =>
  list
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/_/g, ' '));

export const REGION_NAMES: readonly string[] = words(REGIONS);
export const CITY_NAMES: readonly string[] = words(CITIES);
export const OTHER_DEMONYMS: readonly string[] = words(OTHER_NATIONALITIES);
