// Verb forms for headlines: the present tense of a verb as written ("launched" → "launches", "met" → "meets").
import { irregularBase } from './stem';

/** Regular stems that lost a final "e" before "-ed"/"-ing" ("announc", "remov", "creat", "decid"). */
const NEEDS_E = new RegExp(
  [
    '[cvuz]|[^s]s|[rld]g|[ae]ng|e', // announc, remov, continu, seiz, releas, urg, chang, agre
    '[^aeiou][aou]t|[^aeiou][aeiou]k|[^aeiou][aiu]r|(?:st|pl|gn|sc)or', // stat, mak, fir, restor
    '[^aeiourlw]l|[^aeiou]il|[^aeiou]in|[^aeiou][aiou]m|[^aeiou][aiou]d|[^aeiou][iou]b', // settl, defin, nam, decid
  ]
    .map((p) => `(?:${p})`)
    .join('|')
    .replace(/^/, '(?:')
    .concat(')$'),
);
/** Stems that keep no "e" though the rule above would add one. */
const NO_E = /(?:focus|bias|gas|ss|[aeiou]{2}[kmdtnr]|visit|edit|limit|exhibit|credit|develop)$/;
/** Doubled final consonants that are the word's own ("pass", "fall", "buzz", "add"). */
const OWN_DOUBLE = /(?:ll|ss|ff|zz|dd|rr)$/;

/** The base form of a verb as written: "launched" → "launch", "visiting" → "visit", "met" → "meet". */
export function verbBase(word: string): string {
  const w = word.toLowerCase();
  const irregular = irregularBase(w);
  if (irregular) return irregular;
  // "need", "proceed" end in "-ed" without being past forms; "agreed", "freed" are.
  if (/eed$/.test(w) && !/(?:agr|fr|guarant|decr)eed$/.test(w)) return w;
  const m = /^(.{2,}?)(?:ied|ed|ing)$/.exec(w);
  // "bring", "shed": no vowel left before the ending, so the ending is the word's own.
  if (m && !/[aeiouy]/.test(m[1])) return w;
  if (!m) return w.replace(/(?:(?<=[sxz]|[cs]h)es|(?<=[^aeiou])ies|(?<=[^su])s)$/, (s) => (s === 'ies' ? 'y' : ''));
  if (w.endsWith('ied')) return `${m[1]}y`;
  const stem = m[1];
  if (/([b-df-hj-np-tv-z])\1$/.test(stem) && !OWN_DOUBLE.test(stem)) return stem.slice(0, -1);
  if (NEEDS_E.test(stem) && !NO_E.test(stem)) return `${stem}e`;
  return stem;
}

const THIRD_PERSON_IRREGULAR: Record<string, string> = { be: 'is', have: 'has', do: 'does', go: 'goes' };

/** The third person singular present of a verb as written: "launched" → "launches", "agreed" → "agrees". */
export function presentTense(word: string): string {
  const base = verbBase(word);
  if (THIRD_PERSON_IRREGULAR[base]) return THIRD_PERSON_IRREGULAR[base];
  if (/(?:[sxz]|[cs]h|o)$/.test(base)) return `${base}es`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  return `${base}s`;
}
