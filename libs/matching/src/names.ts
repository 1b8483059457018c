// A person's name as comparable words: each word transliterated to Latin, keyed, and tagged
// with the part it plays (given name or surname, filler word, pet name, initial).
import { memoiseByText } from './memo.js';
import { commonestNameWhere, genderOfName, knownName } from './name-lexicon.js';
import { words } from './normalise.js';
import { looseKey, phoneticKey, reducedKey, skeletonKey } from './phonetic.js';
import { detectScript, type Script } from './scripts.js';
import { transliterate } from './transliterate.js';
import { urduWord } from './urdu.js';
import { canonicalVariant, FILLER_GENDER, FILLER_KEYS, GENERIC_PET_NAME_KEYS, HONORIFICS, UNKNOWN_NAME_WORDS } from './variants.js';

/** core: a given name or surname; filler: Kumar, Devi, Md...; pet: Munna, Guddu...; initial: "R." */
export type NameTokenRole = 'core' | 'filler' | 'pet' | 'initial';

export interface NameToken {
  /** the word as written, normalised */
  written: string;
  script: Script;
  /** Latin spelling (transliterated when written in an Indic script) */
  latin: string;
  /** phonetic key of the latin spelling, before variant canonicalisation */
  spellingKey: string;
  /** phonetic key of the variant group's standard spelling (Md → muhammad) */
  key: string;
  reduced: string;
  skeleton: string;
  loose: string;
  looseSkeleton: string;
  role: NameTokenRole;
  /** an Urdu word: the Latin spellings its consonants and written vowels fit (every token has both fields, one shape) */
  urdu: RegExp | undefined;
  /** the gender the word marks: a filler's (Kaur, Kumar) or a known given name's (Ankita); undefined when either */
  gender: 'MALE' | 'FEMALE' | undefined;
}

export interface AnalysedName {
  text: string;
  /** empty when the name is not known ("Unknown", "लावारिस") */
  tokens: NameToken[];
}

/** Analyses a name written in any supported script; the result is shared by every report of that name: do not change it. */
export const analyseName = memoiseByText((text: string): AnalysedName => {
  const written = words(text).filter((w) => !UNKNOWN_NAME_WORDS.has(transliterate(w)));
  const named = written.filter((w) => !HONORIFICS.has(transliterate(w)));
  const tokens = (named.length > 0 ? named : written).map(nameToken).filter((t) => t.key !== '');
  return { text, tokens };
});

const wordToken = memoiseByText((word: string): NameToken => {
  const script = detectScript(word);
  const latin = transliterate(word).replace(/\s/g, '');
  if (script === 'URDU') return { ...tokenFromLatin(word, script, latin), urdu: urduWord(word).test };
  return tokenFromLatin(word, script, script === 'TAMIL' ? tamilReading(latin) : latin);
});

// Tamil writes k/g, t/d, p/b with one letter each, voiced by position in Tamil words but not in Sanskrit ones (கணேஷ்
// Ganesh, not Kanesh; துர்கா Durga): a reading that is no known name is read as the commonest known name of its voicing.
function tamilReading(latin: string): string {
  const key = phoneticKey(latin);
  if (knownName(key)) return latin;
  const loose = looseKey(key);
  return commonestNameWhere((_, k) => looseKey(k) === loose)?.latin ?? latin;
}
// Two words run together, keyed by script, words and Latin spelling.
const joinedToken = memoiseByText((text: string): NameToken => {
  const [script, written, latin] = text.split('\u0000') as [Script, string, string];
  return { ...tokenFromLatin(written, script, latin), role: 'core' };
});

/** A token for one word (or for two words run together: "Raj" + "kumar"). */
export function nameToken(word: string): NameToken {
  // A copy: comparisons tell a name's words apart by identity, and a name may repeat a word.
  return { ...wordToken(word) };
}

function tokenFromLatin(written: string, script: Script, latin: string): NameToken {
  const spellingKey = phoneticKey(latin);
  const key = phoneticKey(canonicalVariant(latin) ?? latin);
  const skeleton = skeletonKey(key);
  const loose = looseKey(key);
  const role: NameTokenRole =
    latin.length === 1 ? 'initial' : FILLER_KEYS.has(key) ? 'filler' : GENERIC_PET_NAME_KEYS.has(key) ? 'pet' : 'core';
  const gender = role === 'filler' ? FILLER_GENDER.get(key) : role === 'core' ? genderOfName(key) : undefined;
  return { written, script, latin, spellingKey, key, reduced: reducedKey(key), skeleton, loose, looseSkeleton: skeletonKey(loose), role, urdu: undefined, gender };
}

/** Two neighbouring tokens as one word, for names written together (Rajkumar, Lakshmidevi). */
export function joinTokens(a: NameToken, b: NameToken): NameToken {
  const script = a.script === b.script ? a.script : 'LATIN';
  return { ...joinedToken(`${script}\u0000${a.written}${b.written}\u0000${a.latin}${b.latin}`) };
}

/** Tokens that carry the name: its given names and surnames, else its pet names, else whatever there is. */
export function significantTokens(name: AnalysedName): NameToken[] {
  for (const role of ['core', 'pet', 'filler', 'initial'] as const) {
    const tokens = name.tokens.filter((t) => t.role === role);
    if (tokens.length > 0) return tokens;
  }
  return [];
}
