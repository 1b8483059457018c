// What the list of given names (given-names.ts) tells about a word of a name: whether it is a known name, of which
// gender, how common; which known name an ambiguous script spells; whether two names one letter apart are two names.
import { BOYS_NAMES, GIRLS_NAMES } from './given-names.js';
import { phoneticKey, skeletonKey } from './phonetic.js';

export type NameGender = 'MALE' | 'FEMALE' | 'EITHER';

export interface KnownName {
  /** a usual Latin spelling */
  latin: string;
  gender: NameGender;
  /** estimated share of children of its gender bearing it (rank on the list, Zipf–Mandelbrot) */
  share: number;
}

// Zipf–Mandelbrot over the rank, as the synthetic profile draws names: 1 / (rank + 5), normalised per list.
function shares(list: readonly string[]): number[] {
  const weights = list.map((_, i) => 1 / (i + 6));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

const KNOWN = new Map<string, KnownName>();
for (const [text, gender] of [[BOYS_NAMES, 'MALE'], [GIRLS_NAMES, 'FEMALE']] as const) {
  const list = text.trim().split(/\s+/);
  const share = shares(list);
  list.forEach((latin, i) => {
    const key = phoneticKey(latin);
    const before = KNOWN.get(key);
    if (!before) KNOWN.set(key, { latin, gender, share: share[i] ?? 0 });
    else if (before.gender !== gender) KNOWN.set(key, { ...before, gender: 'EITHER', share: before.share + (share[i] ?? 0) });
  });
}
const BY_SHARE = [...KNOWN.values()].sort((a, b) => b.share - a.share);

/** The known given name of a phonetic key, or undefined. */
export function knownName(key: string): KnownName | undefined {
  return KNOWN.get(key);
}

/** The commonest known name whose Latin spelling satisfies a test (an ambiguous script's possible readings). */
export function commonestNameWhere(test: (latin: string, key: string) => boolean): KnownName | undefined {
  return BY_SHARE.find((n) => test(n.latin, phoneticKey(n.latin)));
}

/**
 * How often a clerk's slip turns a name into one particular other (about one written name in eight has a slip, and a
 * slip has a few hundred outcomes): a name borne by a larger share of children, one letter from another, is more
 * likely its own name than a slip. Every name of the present list is commoner than this; a longer list's tail is not.
 */
const SLIP_SHARE = 0.0004;

/**
 * Whether two keys one letter apart are two distinct names (Ramesh, Rajesh; Mohan, Sohan) rather than one name and a
 * slip or a spelling: both are known names, common enough to be their own, and their consonants differ, or they are
 * both among the commonest names.
 */
export function distinctNames(keyA: string, keyB: string): boolean {
  if (keyA === keyB) return false;
  const [a, b] = [KNOWN.get(keyA), KNOWN.get(keyB)];
  if (!a || !b) return false;
  const rarer = Math.min(a.share, b.share);
  // A vowel apart, spellings of one name are common (Rushikesh, Rishikesh): only two common names are two (Kiran, Karan).
  return skeletonKey(keyA) !== skeletonKey(keyB) ? rarer >= SLIP_SHARE : rarer >= VOWEL_VARIANT_SHARE;
}

/** Names a vowel apart are two names only when both are at least this common (about the first 200 of a list). */
const VOWEL_VARIANT_SHARE = 0.0015;

/** The gender a word marks: a known given name's, else undefined (unknown or either). */
export function genderOfName(key: string): 'MALE' | 'FEMALE' | undefined {
  const g = KNOWN.get(key)?.gender;
  return g === 'EITHER' ? undefined : g;
}
