// Small English text utilities for matching words across articles: Porter stemming, stop words, tokens.

const VOWEL = /[aeiou]/;

function isConsonant(word: string, i: number): boolean {
  const c = word[i];
  if (VOWEL.test(c)) return false;
  if (c === 'y') return i === 0 ? true : !isConsonant(word, i - 1);
  return true;
}

/** Porter's m: the number of vowel-consonant sequences in the stem. */
function measure(stem: string): number {
  let m = 0;
  let i = 0;
  const n = stem.length;
  while (i < n && isConsonant(stem, i)) i++;
  while (i < n) {
    while (i < n && !isConsonant(stem, i)) i++;
    if (i >= n) break;
    while (i < n && isConsonant(stem, i)) i++;
    m++;
  }
  return m;
}

function hasVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i++) if (!isConsonant(stem, i)) return true;
  return false;
}

function endsDoubleConsonant(w: string): boolean {
  const n = w.length;
  return n >= 2 && w[n - 1] === w[n - 2] && isConsonant(w, n - 1);
}

/** consonant-vowel-consonant ending, last not w/x/y. */
function endsCvc(w: string): boolean {
  const n = w.length;
  if (n < 3) return false;
  if (!isConsonant(w, n - 1) || isConsonant(w, n - 2) || !isConsonant(w, n - 3)) return false;
  return !/[wxy]/.test(w[n - 1]);
}

function replaceSuffix(w: string, rules: [string, string][], minM: number): string {
  for (const [suffix, repl] of rules) {
    if (w.endsWith(suffix)) {
      const stem = w.slice(0, w.length - suffix.length);
      return measure(stem) > minM ? stem + repl : w;
    }
  }
  return w;
}

const STEP2: [string, string][] = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['bli', 'ble'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['logi', 'log'],
];
const STEP3: [string, string][] = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
];
const STEP4 = [
  'al',
  'ance',
  'ence',
  'er',
  'ic',
  'able',
  'ible',
  'ant',
  'ement',
  'ment',
  'ent',
  'ion',
  'ou',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
];

/** Porter (1980) stemmer for a lower-case English word. */
export function porterStem(input: string): string {
  let w = input.toLowerCase();
  if (w.length <= 2) return w;
  if (w[0] === 'y') w = 'Y' + w.slice(1);
  // Step 1a
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (w.endsWith('ss')) {
    /* keep */
  } else if (w.endsWith('s')) w = w.slice(0, -1);
  // Step 1b
  let extra = false;
  if (w.endsWith('eed')) {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
  } else if (w.endsWith('ed') && hasVowel(w.slice(0, -2))) {
    w = w.slice(0, -2);
    extra = true;
  } else if (w.endsWith('ing') && hasVowel(w.slice(0, -3))) {
    w = w.slice(0, -3);
    extra = true;
  }
  if (extra) {
    if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e';
    else if (endsDoubleConsonant(w) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
    else if (measure(w) === 1 && endsCvc(w)) w += 'e';
  }
  // Step 1c
  if (w.endsWith('y') && hasVowel(w.slice(0, -1))) w = w.slice(0, -1) + 'i';
  w = replaceSuffix(w, STEP2, 0);
  w = replaceSuffix(w, STEP3, 0);
  // Step 4
  for (const suffix of STEP4) {
    if (w.endsWith(suffix)) {
      const stem = w.slice(0, w.length - suffix.length);
      if (measure(stem) > 1 && (suffix !== 'ion' || /[st]$/.test(stem))) w = stem;
      break;
    }
  }
  // Step 5
  if (w.endsWith('e')) {
    const stem = w.slice(0, -1);
    const m = measure(stem);
    if (m > 1 || (m === 1 && !endsCvc(stem))) w = stem;
  }
  if (measure(w) > 1 && endsDoubleConsonant(w) && w.endsWith('l')) w = w.slice(0, -1);
  return w.replace(/^Y/, 'y');
}

/** Irregular verb forms news text uses for events, mapped to their base form. */
const IRREGULAR: Record<string, string> = {
  met: 'meet',
  meets: 'meet',
  meeting: 'meeting',
  held: 'hold',
  holds: 'hold',
  took: 'take',
  taken: 'take',
  went: 'go',
  gone: 'go',
  came: 'come',
  left: 'leave',
  flew: 'fly',
  flown: 'fly',
  shot: 'shoot',
  fought: 'fight',
  won: 'win',
  lost: 'lose',
  struck: 'strike',
  hit: 'hit',
  spoke: 'speak',
  spoken: 'speak',
  said: 'say',
  says: 'say',
  told: 'tell',
  began: 'begin',
  begun: 'begin',
  gave: 'give',
  given: 'give',
  made: 'make',
  sought: 'seek',
  caught: 'catch',
  brought: 'bring',
  bought: 'buy',
  sold: 'sell',
  ran: 'run',
  died: 'die',
  dies: 'die',
  dying: 'die',
  killed: 'kill',
  led: 'lead',
  fled: 'flee',
  fell: 'fall',
  fallen: 'fall',
  stole: 'steal',
  stolen: 'steal',
  drove: 'drive',
  driven: 'drive',
  rode: 'ride',
  arose: 'arise',
  broke: 'break',
  broken: 'break',
  chose: 'choose',
  chosen: 'choose',
  withdrew: 'withdraw',
  withdrawn: 'withdraw',
  laid: 'lay',
  paid: 'pay',
  sent: 'send',
  set: 'set',
  quit: 'quit',
  beat: 'beat',
  beaten: 'beat',
  swore: 'swear',
  sworn: 'swear',
  hung: 'hang',
  sank: 'sink',
  sunk: 'sink',
  froze: 'freeze',
  wrote: 'write',
  written: 'write',
  found: 'find',
  became: 'become',
  saw: 'see',
  seen: 'see',
  knew: 'know',
  known: 'know',
  thought: 'think',
  stood: 'stand',
  kept: 'keep',
  put: 'put',
  threw: 'throw',
  thrown: 'throw',
  blew: 'blow',
  blown: 'blow',
  tore: 'tear',
  torn: 'tear',
  bit: 'bite',
};

/**
 * Irregular past forms that name a happening on their own ("fled", "fell"); light verbs and verbs of saying left out.
 */
export const IRREGULAR_VERB_FORMS: ReadonlySet<string> = new Set(
  (
    'met held flew flown shot fought won lost struck hit began begun died killed fled fell fallen stole stolen drove ' +
    'broke broken withdrew withdrawn laid paid sent quit beat beaten swore sworn hung sank sunk froze blew blown ' +
    'tore torn bit sold bought caught arose rode'
  ).split(/\s+/),
);

/** The base form of an irregular verb form ("met" gives "meet"), or undefined for a regular or unknown word. */
export function irregularBase(word: string): string | undefined {
  const base = IRREGULAR[word.toLowerCase()];
  return base && !/ing$/.test(base) ? base : undefined;
}

/** The stem of a word, with irregular verb forms mapped first ("met" and "meets" both give "meet"). */
// Stemming is pure and news vocabulary is small, so results are memoised (bounded, cleared when full).
const STEM_MEMO = new Map<string, string>();
const STEM_MEMO_MAX = 200_000;

export function stem(word: string): string {
  let out = STEM_MEMO.get(word);
  if (out === undefined) {
    const lower = word.toLowerCase().replace(/[’']s$/, '');
    out = porterStem(IRREGULAR[lower] ?? lower);
    if (STEM_MEMO.size >= STEM_MEMO_MAX) STEM_MEMO.clear();
    STEM_MEMO.set(word, out);
  }
  return out;
}

export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between ' +
    'both but by can could did do does doing down during each few for from further had has have having he her here ' +
    'hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of ' +
    'off on once only or other our ours ourselves out over own same she should so some such than that the their ' +
    'theirs them themselves then there these they this those through to too under until up very was we were what ' +
    'when where which while who whom why will with would you your yours yourself yourselves said says say told ' +
    'according would could may might must shall one two three first new also mr mrs ms dr us per via among amid ' +
    'including since ago yet still even though although however who whose upon onto within without across around ' +
    'toward towards'
  ).split(/\s+/),
);

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Word tokens (letters, digits, inner apostrophes and hyphens) with their offsets. */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  const re = /[\p{L}\p{N}]+(?:[’'-][\p{L}\p{N}]+)*/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    tokens.push({ text: m[0], start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return tokens;
}

/** Stems of the content words of a text: no stop words, no one-letter words. */
export function contentStems(text: string): string[] {
  return contentStemsOf(tokenize(text));
}

/** contentStems of text already tokenized (a sentence's tokens serve its triggers and its words). */
export function contentStemsOf(tokens: Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const stems = wordStems(t.text);
    for (let k = 0; k < stems.length; k++) out.push(stems[k]);
  }
  return out;
}

const NO_STEMS: readonly string[] = [];
// A word's content stems, memoised like stem(): news text repeats its words, and this runs for every token.
const WORD_MEMO = new Map<string, readonly string[]>();

/** The content stems of one token: none for a stop word, one per part of a hyphenated compound. */
function wordStems(word: string): readonly string[] {
  let out = WORD_MEMO.get(word);
  if (out === undefined) {
    out = NO_STEMS;
    const lower = word.toLowerCase().replace(/[’']s$/, '');
    if (lower.length >= 2 && !STOP_WORDS.has(lower)) {
      // Hyphenated compounds count as their parts, so "Japan-Korea" meets "Japan-South Korea".
      const parts = lower.split('-').filter((part) => part.length >= 2 && !STOP_WORDS.has(part));
      if (parts.length) out = parts.map((part) => stem(part));
    }
    if (WORD_MEMO.size >= STEM_MEMO_MAX) WORD_MEMO.clear();
    WORD_MEMO.set(word, out);
  }
  return out;
}

/** Jaccard overlap of two bags of words, taken as sets. */
export function jaccard(a: Iterable<string>, b: Iterable<string>): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (!sa.size && !sb.size) return 0;
  let shared = 0;
  for (const x of sa) if (sb.has(x)) shared++;
  return shared / (sa.size + sb.size - shared);
}

/** Share of the smaller set found in the larger: lenient for a short quote inside a longer one. */
export function overlapCoefficient(a: Iterable<string>, b: Iterable<string>): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (!sa.size || !sb.size) return 0;
  let shared = 0;
  for (const x of sa) if (sb.has(x)) shared++;
  return shared / Math.min(sa.size, sb.size);
}
