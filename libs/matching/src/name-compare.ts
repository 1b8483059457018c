// Comparing names: word against word, then the best alignment of two names' words, so that
// order and a missing surname do not hide a match.
import { editDistance } from './edit-distance.js';
import { distinctNames } from './name-lexicon.js';
import { analyseName, joinTokens, significantTokens, type AnalysedName, type NameToken } from './names.js';
import { isHypocoristic, isNicknameOf } from './variants.js';

export type NameMatchReason =
  | 'exact'
  | 'transliteration match'
  | 'phonetic match'
  | 'nickname/variant'
  | 'generic pet name'
  | 'edit distance 1'
  | 'edit distance 2'
  | 'initial'
  | 'no match';

export interface TokenMatch {
  score: number;
  reason: NameMatchReason;
}

export interface NameComparison {
  /** 0..1, or null when the names say nothing either way (a name unknown, a bare pet name) */
  score: number | null;
  reason: string;
  /** the aligned words, written form on each side */
  pairs: { a: string; b: string; score: number; reason: NameMatchReason }[];
  /** how many given names and surnames agree: two agreeing words say more than one */
  matchedWords: number;
  /** phonetic keys of the agreeing words, both sides */
  matchedKeys: string[];
  /** the only words that agree are a generic pet name (Munna and alias Munna): evidence of its own, apart from spelling */
  petNameOnly?: boolean;
  /** the reason as parts a reader's language can say (`reason` is the English for developers and evaluations) */
  why: NameWhy;
}

/** How two names agree, in parts: the weakest agreeing word, what is missing or differs, the order, the initials. */
export interface NameWhy {
  how: 'exact' | 'transliteration' | 'phonetic' | 'variant' | 'petName' | 'spelling' | 'initial' | 'differ' | 'genderForms' | 'petNameOnly' | 'unknown';
  partial?: 'surnamesDiffer' | 'onlySurname' | 'givenMissing' | 'surnameMissing' | 'middleMissing';
  reordered?: boolean;
  initialsDiffer?: boolean;
}

const HOW: Record<NameMatchReason, NameWhy['how']> = {
  exact: 'exact',
  'transliteration match': 'transliteration',
  'phonetic match': 'phonetic',
  'nickname/variant': 'variant',
  'generic pet name': 'petName',
  'edit distance 1': 'spelling',
  'edit distance 2': 'spelling',
  initial: 'initial',
  'no match': 'differ',
};

const NAME_NOT_KNOWN: NameComparison = { score: null, reason: 'name not known', pairs: [], matchedWords: 0, matchedKeys: [], why: { how: 'unknown' } };

const NO_MATCH: TokenMatch = { score: 0, reason: 'no match' };
/** Word scores below this do not align two words. */
const MIN_TOKEN_SCORE = 0.5;

/** How alike two words of names are. */
export function compareTokens(a: NameToken, b: NameToken): TokenMatch {
  if (a.role === 'initial' || b.role === 'initial') {
    return a.key.charAt(0) === b.key.charAt(0) ? { score: 0.6, reason: 'initial' } : NO_MATCH;
  }
  const match = compareSpellings(a, b);
  // Two children called Munna share a pet name, not an identity.
  if (match.score > 0 && (a.role === 'pet' || b.role === 'pet')) return { score: Math.min(match.score, 0.5), reason: 'generic pet name' };
  return match;
}

function compareSpellings(a: NameToken, b: NameToken): TokenMatch {
  const crossScript = a.script !== b.script;
  const alike = crossScript ? 'transliteration match' : 'phonetic match';
  if (a.latin === b.latin) return crossScript ? { score: 0.97, reason: alike } : { score: 1, reason: 'exact' };
  if (a.spellingKey === b.spellingKey) return { score: 0.95, reason: alike };
  if (a.key === b.key) return { score: 0.95, reason: 'nickname/variant' };
  if (a.reduced === b.reduced) return { score: 0.92, reason: alike };
  if (crossScript && urduFits(a, b)) return { score: 0.9, reason: 'transliteration match' };
  if (crossScript && transliterationAlike(a, b)) return { score: 0.88, reason: 'transliteration match' };
  if (isNicknameOf(a.key, b.key)) return { score: 0.8, reason: 'nickname/variant' };
  const shorter = Math.min(a.key.length, b.key.length);
  // Typing slips show in the spelling, sound variants in the key: the nearer of the two counts. Two common names a
  // consonant apart (Ramesh, Rajesh) are two names, not a slip.
  const distance = Math.min(editDistance(a.key, b.key, 2), editDistance(a.latin, b.latin, 2));
  const distinct = distance <= 2 && distinctNames(a.key, b.key);
  if (distance === 1 && shorter >= 4 && !distinct) return { score: 0.8, reason: 'edit distance 1' };
  if (isHypocoristic(a.key, b.key)) return { score: 0.7, reason: 'nickname/variant' };
  if (distance === 2 && shorter >= 7 && !distinct) return { score: 0.65, reason: 'edit distance 2' };
  return NO_MATCH;
}

// An Urdu word against a word of another script: the other's Latin spelling fits its consonants and written vowels.
function urduFits(a: NameToken, b: NameToken): boolean {
  if (a.urdu && !b.urdu) return a.urdu.test(b.latin);
  if (b.urdu && !a.urdu) return b.urdu.test(a.latin);
  return false;
}

// Scripts spell vowels their own way (Gurmukhi ਲਕਸ਼ਮੀ, Tamil லட்சுமி with its added u) and
// Tamil one letter for k/g, t/d, p/b: the consonants must agree, voicing aside for Tamil.
function transliterationAlike(a: NameToken, b: NameToken): boolean {
  if (a.skeleton.length < 3) return a.loose === b.loose && a.script !== b.script && (a.script === 'TAMIL' || b.script === 'TAMIL');
  if (a.skeleton === b.skeleton) return true;
  const tamil = a.script === 'TAMIL' || b.script === 'TAMIL';
  return tamil && (a.loose === b.loose || a.looseSkeleton === b.looseSkeleton);
}

const MAX_TOKENS = 6;

/** How alike two names are, whatever their scripts, word order and missing words. */
export function compareNames(a: string | AnalysedName, b: string | AnalysedName): NameComparison {
  const nameA = typeof a === 'string' ? analyseName(a) : a;
  const nameB = typeof b === 'string' ? analyseName(b) : b;
  if (nameA.tokens.length === 0 || nameB.tokens.length === 0) return NAME_NOT_KNOWN;
  const tokensA = joinWhereWritten(nameA.tokens, nameB.tokens).slice(0, MAX_TOKENS);
  const tokensB = joinWhereWritten(nameB.tokens, tokensA).slice(0, MAX_TOKENS);
  const pairs = align(tokensA, tokensB);
  return weighAgainst(judgeAlignment({ ...nameA, tokens: tokensA }, { ...nameB, tokens: tokensB }, pairs), tokensA, tokensB, pairs);
}

/** A name that marks the other gender (Kaur for Singh, Ankita for Ankit) scores no more than this: weak, against. */
const GENDER_CLASH_SCORE = 0.45;
/** Initials that disagree (K. Ramesh, S. Ramesh: another father) take as much as a different surname. */
const INITIALS_DIFFER_FACTOR = 0.55;

// Evidence against that the aligned words do not show: gender forms and initials that disagree.
function weighAgainst(c: NameComparison, a: NameToken[], b: NameToken[], pairs: Pair[]): NameComparison {
  if (c.score === null || c.score === 0) return c;
  const clash = genderClash(a, b);
  if (clash && c.score > GENDER_CLASH_SCORE) {
    return { ...c, score: GENDER_CLASH_SCORE, reason: `gender forms differ (${clash})`, matchedWords: 0, matchedKeys: [], petNameOnly: undefined, why: { how: 'genderForms' } };
  }
  const initials = initialsDiffer(a, b, pairs);
  if (initials) return { ...c, score: round(c.score * INITIALS_DIFFER_FACTOR), reason: `${c.reason}; initials differ (${initials})`, why: { ...c.why, initialsDiffer: true } };
  return c;
}

// Ankit/Ankita, Rizwan/Rizwana: a boy's and a girl's name alike but for the ending.
function formsOfOneName(a: NameToken, b: NameToken): boolean {
  if (a.reduced === b.reduced) return true;
  const [shorter, longer] = a.key.length <= b.key.length ? [a.key, b.key] : [b.key, a.key];
  return shorter.length >= 3 && longer.startsWith(shorter) && longer.length - shorter.length <= 2;
}

function genderClash(a: NameToken[], b: NameToken[]): string | undefined {
  if (!a.some((t) => t.gender) || !b.some((t) => t.gender)) return undefined;
  const fillerGenders = (tokens: NameToken[]) => new Map(tokens.flatMap((t) => (t.role === 'filler' && t.gender ? [[t.gender, t.written] as const] : [])));
  const [fa, fb] = [fillerGenders(a), fillerGenders(b)];
  for (const [gender, written] of fa) {
    const other = gender === 'MALE' ? 'FEMALE' : 'MALE';
    if (fb.has(other) && !fb.has(gender) && !fa.has(other)) return `${written} / ${fb.get(other)}`;
  }
  for (const ta of a) {
    if (ta.role !== 'core' || !ta.gender) continue;
    // An Urdu word's reading is one of the names it can spell: a name it fits is that name, not the other gender's.
    const tb = b.find((t) => t.role === 'core' && t.gender && t.gender !== ta.gender && t.key !== ta.key && formsOfOneName(ta, t) && !urduFits(ta, t));
    if (tb) return `${ta.written} / ${tb.written}`;
  }
  return undefined;
}

// Initials on both sides that share no letter; or initials on one side against words the other has left over that
// none of them begins (K. Ramesh against Ramesh Suresh).
function initialsDiffer(a: NameToken[], b: NameToken[], pairs: Pair[]): string | undefined {
  const initialsA = a.filter((t) => t.role === 'initial');
  const initialsB = b.filter((t) => t.role === 'initial');
  if (initialsA.length === 0 && initialsB.length === 0) return undefined;
  const letters = (tokens: NameToken[]) => new Set(tokens.map((t) => t.latin.charAt(0)));
  const show = (tokens: NameToken[]) => tokens.map((t) => t.written.toUpperCase()).join(' ');
  if (initialsA.length > 0 && initialsB.length > 0) {
    const lb = letters(initialsB);
    return [...letters(initialsA)].some((l) => lb.has(l)) ? undefined : `${show(initialsA)} / ${show(initialsB)}`;
  }
  const [initials, others, aligned] = initialsA.length > 0 ? [initialsA, b, new Set(pairs.map((p) => p.j))] : [initialsB, a, new Set(pairs.map((p) => p.i))];
  if (initials.length === 0) return undefined;
  const leftOver = others.filter((t, k) => t.role === 'core' && !aligned.has(k));
  if (leftOver.length === 0) return undefined;
  const lo = letters(leftOver);
  return [...letters(initials)].some((l) => lo.has(l)) ? undefined : `${show(initials)} / ${leftOver.map((t) => t.written).join(' ')}`;
}

/** The best comparison over each side's name and aliases; null only if every pair is null. */
export function compareNameLists(as: readonly (string | AnalysedName)[], bs: readonly (string | AnalysedName)[]): NameComparison {
  let best: NameComparison = NAME_NOT_KNOWN;
  for (const a of as) {
    for (const b of bs) {
      const c = compareNames(a, b);
      const better =
        c.score === null
          ? best.score === null && best.why.how === 'unknown'
          : best.score === null || c.score > best.score || (c.score === best.score && c.matchedWords > best.matchedWords);
      if (better) best = c;
    }
  }
  return best;
}

// "Raj Kumar" against "Rajkumar": two neighbouring words the other name writes as one are joined.
function joinWhereWritten(tokens: NameToken[], other: NameToken[]): NameToken[] {
  const out: NameToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const here = tokens[i] as NameToken;
    const next = tokens[i + 1];
    const joined = next && !other.some((o) => o.key === here.key || o.key === next.key) ? joinTokens(here, next) : undefined;
    if (joined && other.some((o) => o.reduced === joined.reduced)) {
      out.push(joined);
      i++;
    } else {
      out.push(here);
    }
  }
  return out;
}

interface Pair {
  i: number;
  j: number;
  match: TokenMatch;
}

const ROLE_WEIGHT = { core: 1, pet: 0.5, filler: 0.2, initial: 0.3 } as const;

// Maximum-weight assignment of words; names have a handful of words, so a memoised search
// over the subsets of B's words is exact and cheap.
function align(a: NameToken[], b: NameToken[]): Pair[] {
  const matches = a.map((ta) => b.map((tb) => compareTokens(ta, tb)));
  const memo = new Map<number, { value: number; pairs: Pair[] }>();
  const best = (i: number, used: number): { value: number; pairs: Pair[] } => {
    if (i === a.length) return { value: 0, pairs: [] };
    const memoKey = i * 64 + used;
    const cached = memo.get(memoKey);
    if (cached) return cached;
    let result = best(i + 1, used);
    for (let j = 0; j < b.length; j++) {
      const match = matches[i]?.[j] ?? NO_MATCH;
      if (used & (1 << j) || match.score < MIN_TOKEN_SCORE) continue;
      const rest = best(i + 1, used | (1 << j));
      const weight = Math.min(ROLE_WEIGHT[(a[i] as NameToken).role], ROLE_WEIGHT[(b[j] as NameToken).role]);
      const value = rest.value + match.score * weight;
      if (value > result.value) result = { value, pairs: [{ i, j, match }, ...rest.pairs] };
    }
    memo.set(memoKey, result);
    return result;
  };
  return best(0, 0).pairs;
}

function judgeAlignment(a: AnalysedName, b: AnalysedName, pairs: Pair[]): NameComparison {
  const sigA = significantTokens(a);
  const sigB = significantTokens(b);
  const described = pairs.map(({ i, j, match }) => ({ a: a.tokens[i]?.written ?? '', b: b.tokens[j]?.written ?? '', ...match }));
  const matched = pairs.filter(({ i, j }) => sigA.includes(a.tokens[i] as NameToken) && sigB.includes(b.tokens[j] as NameToken));
  if (matched.length === 0) {
    const onlyPetNames = sigA.every((t) => t.role === 'pet') || sigB.every((t) => t.role === 'pet');
    // A pet name may belong to any child: it neither supports nor contradicts.
    if (onlyPetNames) return { score: null, reason: 'generic pet name only', pairs: described, matchedWords: 0, matchedKeys: [], why: { how: 'petNameOnly' } };
    return { score: 0, reason: 'names differ', pairs: described, matchedWords: 0, matchedKeys: [], why: { how: 'differ' } };
  }
  const tokenLength = (p: Pair) => Math.max(a.tokens[p.i]?.key.length ?? 1, 1);
  const quality = matched.reduce((sum, p) => sum + p.match.score * tokenLength(p), 0) / matched.reduce((sum, p) => sum + tokenLength(p), 0);
  const weakest = matched.reduce((w, p) => (p.match.score < w.match.score ? p : w));
  const unmatchedA = sigA.filter((t) => !matched.some((p) => a.tokens[p.i] === t));
  const unmatchedB = sigB.filter((t) => !matched.some((p) => b.tokens[p.j] === t));
  const reordered = matched.some((p, n) => matched.slice(n + 1).some((q) => q.j < p.j));
  const { factor, partial, part } = incompleteness(sigA, sigB, unmatchedA, unmatchedB, matched, a, b);
  const base = weakest.match.reason;
  const reason = (partial ? (base === 'exact' ? partial : `${partial} (${base})`) : base) + (reordered ? ', word order differs' : '');
  const why: NameWhy = { how: HOW[base], ...(part && { partial: part }), ...(reordered && { reordered }) };
  const matchedWords = matched.filter((p) => a.tokens[p.i]?.role === 'core' && b.tokens[p.j]?.role === 'core').length;
  const matchedKeys = matched.flatMap((p) => [a.tokens[p.i]?.key ?? '', b.tokens[p.j]?.key ?? '']);
  const petNameOnly = matched.every((p) => p.match.reason === 'generic pet name');
  return { score: round(quality * factor), reason, pairs: described, matchedWords, matchedKeys, ...(petNameOnly ? { petNameOnly } : {}), why };
}

// How much the words left unaligned take away: a surname one report leaves out is common,
// two different surnames are not, and a shared surname alone is little.
function incompleteness(
  sigA: NameToken[],
  sigB: NameToken[],
  unmatchedA: NameToken[],
  unmatchedB: NameToken[],
  matched: Pair[],
  a: AnalysedName,
  b: AnalysedName,
): { factor: number; partial?: string; part?: NameWhy['partial'] } {
  if (unmatchedA.length === 0 && unmatchedB.length === 0) return { factor: 1 };
  const givenMatched = matched.some((p) => a.tokens[p.i] === sigA[0] || b.tokens[p.j] === sigB[0]);
  if (unmatchedA.length > 0 && unmatchedB.length > 0) {
    return givenMatched
      ? { factor: 0.55, partial: 'partial: surnames differ', part: 'surnamesDiffer' }
      : { factor: 0.25, partial: 'partial: only surname matches', part: 'onlySurname' };
  }
  const [longer, unmatched] = unmatchedA.length > 0 ? [sigA, unmatchedA] : [sigB, unmatchedB];
  if (unmatched.includes(longer[0] as NameToken)) return { factor: 0.7, partial: 'partial: given name missing', part: 'givenMissing' };
  if (unmatched.includes(longer.at(-1) as NameToken)) return { factor: 0.88, partial: 'partial: surname missing', part: 'surnameMissing' };
  return { factor: 0.9, partial: 'partial: middle name missing', part: 'middleMissing' };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
