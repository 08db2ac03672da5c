// The event lexicon: words that name happenings, the classes of
// words that can name the same one, and words that never do.
import { stem } from '../text/stem';
import { NOMINALS } from './nominals';

// Words that can name the same kind of happening. A word may sit in several classes.
const CLASS_WORDS: Record<string, string> = {
  meet: 'meet meeting summit talks visit trip travel arrive arrival hold host tour',
  conference: 'conference briefing',
  launch: 'launch fire test-fire test-fired',
  dismiss: 'fire firing sack dismiss oust dismissal ouster terminate termination relieve replace replacement',
  resign: 'resign resignation quit step-down',
  announce: 'announce announcement unveil declare declaration',
  plan: 'plan proposal propose scheme',
  lift: 'remove removal drop lift withdraw scrap ease rescind revoke',
  impose: 'impose sanction curb restrict restriction ban retaliatory retaliation embargo tariff',
  compensate: 'compensate compensation reparation',
  tribute: 'tribute wreath incense cemetery memorial lay',
  agree: 'agree agreement deal accord pact sign treaty',
  attack: 'attack strike bomb bombing raid assault shelling',
  kill: 'kill death die dead murder slay succumb execute execution suicide hang',
  fall: 'fall slip plunge tumble',
  shoot: 'shoot shooting shot gunfire gunman rampage',
  arrest: 'arrest detain charge indict custody dui dwi suspicion apprehend accuse',
  crash: 'crash collide collision accident overturn capsize derail',
  quake: 'earthquake quake tremor tsunami',
  elect: 'elect election vote win victory',
  appoint: 'appoint appointment name nominate nomination nominee pick hire choose select selection tap',
  protest: 'protest rally demonstration march riot',
  sue: 'sue lawsuit suit',
  release: 'release free',
  acquire: 'acquire acquisition buy purchase takeover merger',
  injure: 'injure injury wound hurt',
  rescue: 'rescue save',
  hijack: 'hijack seize seizure capture',
  sink: 'sink sank',
  exercise: 'exercise drill',
  invade: 'invade invasion occupy occupation',
  file: 'file',
  win: 'win award beat defeat victory lose loss',
  return: 'return',
  admit: 'admit enter hospitalize',
  burn: 'fire blaze burn arson',
  damage: 'damage destroy demolish devastate wreck',
  disrupt: 'disrupt disruption interrupt outage',
  convict: 'convict conviction sentence verdict guilty',
};

/** Extra event words without a class of their own: they match only their own stem. */
const SOLO_EVENT_WORDS = (
  'war battle fight clash explosion blast fire flood storm hurricane outbreak strike crisis collapse ' +
  'ceremony funeral wedding inauguration speech interview trial verdict sentence ruling hearing investigation ' +
  'probe raid escape rescue evacuation invasion coup ' +
  'negotiation dialogue normalization restoration reconciliation cooperation exchange ' +
  'ceasefire truce election referendum campaign debate ' +
  'welcome reception dinner banquet parade party job game match season playoff concert show premiere debut ' +
  'performance role post position stint operation chase attempt patrol piracy crime robbery theft fraud scandal ' +
  'incident disaster blaze riot kidnapping hijacking surgery illness hospitalization search recovery discovery ' +
  'dui dwi overdose suicide rampage massacre'
).split(/\s+/);
/** -ing words that are not happenings. */
export const NOT_EVENT_ING = new Set(
  (
    'during morning evening nothing something anything everything building according including ' +
    'following being thing king ring spring string ceiling feeling earnings savings setting housing clothing ' +
    'pending remaining leading ongoing upcoming outgoing incoming interesting amazing boring exciting willing ' +
    'surrounding belonging seeming concerning regarding notwithstanding duckling darling sibling'
  ).split(/\s+/),
);

/** Verbs of saying: they report other events rather than being ones worth linking. */
export const REPORTING = new Set(
  [
    'say',
    'tell',
    'report',
    'add',
    'note',
    'state',
    'claim',
    'ask',
    'quot',
    'think',
    'believ',
    'hope',
    'expect',
    'accord',
  ].map((w) => w),
);

/**
 * Nouns of happenings made from verbs (WordNet, see scripts/nominals.mjs): the stem of each noun → its verb's stem
 * ("collis" → "collid"), and the nouns themselves.
 */
const NOMINAL_STEMS = new Map<string, string>();
const NOMINAL_NOUNS = new Set<string>();
for (const pair of NOMINALS.split(' ')) {
  const [noun, verb] = pair.split('>');
  NOMINAL_NOUNS.add(noun);
  NOMINAL_STEMS.set(stem(noun), stem(verb));
}

/**
 * The lemma of an event word from its stem: a noun of a happening takes its verb's ("collision" → "collid", as
 * "collided"; "explosion" → "explod"), so one happening named by the verb in one article and by the noun in another
 * is one word to the linker.
 */
export function eventLemma(stemmed: string): string {
  return NOMINAL_STEMS.get(stemmed) ?? stemmed;
}

/** A noun (or its plural) that names a happening made from a verb: "derailment", "evacuations". */
export function isHappeningNoun(lower: string): boolean {
  return NOMINAL_NOUNS.has(lower) || (lower.endsWith('s') && NOMINAL_NOUNS.has(lower.slice(0, -1)));
}

const WORD_CLASSES = new Map<string, string[]>();
for (const [cls, words] of Object.entries(CLASS_WORDS)) {
  for (const w of words.split(/\s+/)) {
    const key = eventLemma(stem(w));
    const list = WORD_CLASSES.get(key) ?? [];
    if (!list.includes(cls)) list.push(cls);
    WORD_CLASSES.set(key, list);
  }
}
const SOLO = new Set(SOLO_EVENT_WORDS.map((w) => eventLemma(stem(w))));

/** Words ending in -ed that are seldom events (adjectives, particles). */
export const NOT_EVENT_ED = new Set([
  'need',
  'feed',
  'speed',
  'seed',
  'red',
  'bed',
  'shed',
  'hundred',
  'united',
  'based',
  'related',
  'used',
  'called',
  'named',
  'so-called',
  'limited',
  'concerned',
  'interested',
  'supposed',
  'alleged',
  'aged',
  'advanced',
  'continued',
  'estimated',
  'expected',
  'scheduled',
  'reported',
  'added',
  'noted',
  'stated',
  'asked',
  'claimed',
  'described',
  'considered',
  'believed',
  'hoped',
  'wanted',
  'tried',
  'seemed',
  'appeared',
  'looked',
  'needed',
  'started',
  'ended',
  'included',
  'involved',
  'compared',
  'posted',
  'updated',
  'published',
  'indeed',
  'wicked',
  'naked',
  'sacred',
  'beloved',
  'crooked',
  'ragged',
  'rugged',
  'learned',
  'skilled',
]);
/**
 * How a word counts as an event word: by its classes, or, for a word outside them (a general word: "war",
 * any past-tense verb), by its own stem alone.
 */
export interface WordClasses {
  classes: string[];
  general: boolean;
}

export function classesOf(lemma: string): WordClasses | null {
  const known = WORD_CLASSES.get(lemma);
  if (known) return { classes: known, general: false };
  if (SOLO.has(lemma)) return { classes: [lemma], general: true };
  return null;
}

const MONTH_WORDS = 'january|february|march|april|may|june|july|august|september|october|november|december';
const WEEKDAY_WORDS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
export const CALENDAR = new RegExp(`^(?:${MONTH_WORDS}|${WEEKDAY_WORDS})$`);

/** Trigger words that are nouns, for labels ("summit" reads better than "met"). */
export const NOUN_TRIGGERS = new Set(
  (
    'summit summits meeting meetings talks visit trip tour conference briefing launch launches ' +
    'test tests plan proposal scheme curbs ban sanctions tribute wreath cemetery memorial deal accord pact treaty ' +
    'attack strike raid assault shooting death murder arrest crash collision accident earthquake quake election ' +
    'victory protest rally lawsuit acquisition takeover merger injury rescue exercise drill invasion'
  ).split(/\s+/),
);
