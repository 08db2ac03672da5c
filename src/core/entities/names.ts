// Name shapes as news writes them: particles inside person names, Arabic article prefixes, foreign organisation
// words, and the verbs and appositions that show a capitalised pair is a person. Word-level rules, no people listed.

import { GIVEN_NAMES } from '../gazetteer';

/**
 * Lower-case particles and connectors inside person names ("Ursula von der Leyen", "Mohammed bin Salman",
 * "Luiz Inácio Lula da Silva", "Maria dos Santos"). Keys as lookupKey gives them (lower case, no accents).
 */
export const PERSON_PARTICLES: ReadonlySet<string> = new Set(
  'von van der den ter de da das do dos du del della di la le bin bint ibn ben abu al el'.split(' '),
);

/** Particles that may follow another one inside a name ("von der", "van den", "de la", "van de"). */
export const SECOND_PARTICLES: ReadonlySet<string> = new Set(['der', 'den', 'ter', 'la', 'le', 'los', 'de']);

/** Particles that open an Arabic name and are capitalised there ("Abu Bakr", "Ibn Saud", "Bin Laden"). */
export const LEADING_PARTICLES: ReadonlySet<string> = new Set(['abu', 'ibn', 'bin', 'bint']);

/** An Arabic article glued to a surname with a hyphen: "el-Sisi", "al-Assad", "ash-Shara". */
const PREFIXED_SURNAME_RE = /^(?:al|el|ad|ar|as|ash|at|az|an|ud|ul)-\p{Lu}\p{L}/u;

export function isPrefixedSurname(text: string): boolean {
  return PREFIXED_SURNAME_RE.test(text);
}

/** Surnames with a capital inside: "McDonald", "MacArthur", "DiCaprio", "DeSantis", "LaGuardia", "O'Neill". */
const INNER_CAPITAL_SURNAME_RE = /^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz|O['’])\p{Lu}/u;

/**
 * One word in the shape of a company's or brand's name: a capital inside after lower case ("NordRail", "PayPal",
 * "BlackBerry", "JetBlue"), which no word takes from its place in a sentence; a surname's ("McDonald") excepted.
 */
export function brandShaped(text: string): boolean {
  return /^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}/u.test(text) && !INNER_CAPITAL_SURNAME_RE.test(text);
}

/**
 * Generic words of other languages that make a capitalised run an organisation: "Médecins Sans Frontières",
 * "Banco Santander", "Société Générale", "Deutsche Telekom". Keys as lookupKey gives them.
 */
export const FOREIGN_ORG_WORDS: ReadonlySet<string> = new Set(
  `banco banca banque bankhaus societe compagnie groupe medecins frontieres sans deutsche deutscher gesellschaft
stiftung verein verband fundacion fundacao fondazione fondation asociacion associacao instituto istituto institut
partido partito parti ministerio ministero ministere universidad universita universitat universite hochschule
werke bahn telekom aktiengesellschaft empresa empresas grupo gruppo caixa cassa sparkasse landesbank generali
assicurazioni seguros petroleos petroleo`
    .split(/\s+/)
    .filter(Boolean),
);

/** Legal forms that news writes in lower case after a company name ("Barclays plc"). */
export const LOWER_LEGAL_FORMS: ReadonlySet<string> = new Set(['plc']);

/**
 * Verbs that people, rather than places or things, do right after their name: "Antony Blinken arrived on Tuesday",
 * "X met Y", "X told reporters". Verbs of saying come from the caller's own list.
 */
export const PERSON_VERBS: ReadonlySet<string> = new Set(
  `told arrived met meets visited visits spoke speaks flew travelled traveled tweeted posted replied resigned died
smiled laughed recalled admitted shook greeted thanked praised criticised criticized vowed pledged urged acknowledged
conceded confirmed declined refused testified`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Whether a word reads as a given name. The gazetteer's GIVEN_NAMES list for now; a fuller first-names list
 * (`isFirstName` in src/core/gazetteer, being added separately) plugs in here.
 */
export function isGivenName(word: string): boolean {
  return GIVEN_NAMES.has(word);
}

/** Up to this many lower-case modifiers between "the" and a role noun in an apposition (", the foreign minister,"). */
export const MAX_ROLE_MODIFIERS = 2;

/**
 * Lower-case words that follow a name without it modifying them: adverbs and time words of the clause
 * ("Apple yesterday announced", "sold to Boeing last year", "Airbus alone"). Function words come from STOP_WORDS.
 */
export const NOT_MODIFIED_WORDS: ReadonlySet<string> = new Set(
  `yesterday today tomorrow tonight last next earlier later ago recently again alone too instead even still already
soon since until despite though although unless whereas including like versus plus than once either neither nor
yet hence thus therefore meanwhile nevertheless however around throughout toward towards within without upon
onto across along beside besides beyond inside outside near past via amid among per`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words before a name that open a noun phrase, so that a plural after the name is its head ("the many Boeing
 *  employees", "for Apple shares", "previous Boeing models"). */
export const NOUN_PHRASE_OPENERS: ReadonlySet<string> = new Set(
  `a an the its his her their our your my this that these those many several some all other new previous former
existing future rival of for from with by to at in on about over into against between under`
    .split(/\s+/)
    .filter(Boolean),
);
