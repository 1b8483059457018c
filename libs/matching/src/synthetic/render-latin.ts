// Phonemic spelling → the Latin spellings people actually write, which vary by region and by
// hand: Deepak/Dipak, Vikas/Bikash, Lakshmi/Laxmi, Kamla/Kamala, Geeta/Geetha.
import { parsePhonemes, type Phoneme } from './phonemes.js';
import type { Prng } from './prng.js';

/** How a region tends to romanise: each value is the probability of the less plain spelling. */
export interface LatinStyle {
  /** ā as "aa" (Aakash) */
  doubleA: number;
  /** ī as "ee" inside a word (Deepak) */
  doubleI: number;
  /** ū as "oo" inside a word (Pooja) */
  doubleU: number;
  /** dental t as "th" (Geetha) */
  dentalTh: number;
  /** v as "b" (Bikash) */
  vAsB: number;
  /** sh as "s" (Sasmita, Subhasis) */
  shAsS: number;
  /** a silent inherent vowel written (Kamala for कमला) */
  keepSchwa: number;
  /** the inherent a as "o" (Bijoy, Subhojit) */
  inherentO: number;
  /** vocalic r as "ru" (Krushna) */
  rAsRu: number;
  /** ksh as "x" (Laxmi) */
  kshAsX: number;
}

export const PLAIN_STYLE: LatinStyle = {
  doubleA: 0.1, doubleI: 0.5, doubleU: 0.5, dentalTh: 0, vAsB: 0, shAsS: 0.1, keepSchwa: 0.05, inherentO: 0, rAsRu: 0, kshAsX: 0.3,
};

type Choice = readonly [plain: string, other: string, pOther: number];

function choose([plain, other, p]: Choice, rng: Prng | undefined): string {
  if (!rng) return p > 0.5 ? other : plain;
  return rng.chance(p) ? other : plain;
}

function vowelSpelling(v: string, final: boolean, initial: boolean, style: LatinStyle): Choice {
  switch (v) {
    case 'aa':
      return ['a', 'aa', initial ? Math.min(1, style.doubleA * 3) : style.doubleA];
    case 'ii':
      return final ? ['i', 'ee', 0.1] : ['i', 'ee', style.doubleI];
    case 'uu':
      return final ? ['u', 'oo', 0.1] : ['u', 'oo', style.doubleU];
    case 'au':
      return ['au', 'ou', 0.4];
    case 'R':
      return ['ri', 'ru', style.rAsRu];
    default:
      return [v, v, 0];
  }
}

const CONSONANT_SPELLINGS: Record<string, Choice> = {
  chh: ['chh', 'ch', 0.4],
  Th: ['th', 't', 0.1],
  Dh: ['dh', 'd', 0.1],
  T: ['t', 't', 0],
  D: ['d', 'd', 0],
  N: ['n', 'n', 0],
  L: ['l', 'l', 0],
  ph: ['ph', 'f', 0.2],
  zh: ['zh', 'l', 0.3],
  q: ['q', 'k', 0.4],
  x: ['kh', 'kh', 0],
  z: ['z', 'j', 0.15],
  f: ['f', 'ph', 0.1],
  '~N': ['n', 'n', 0],
  '~n': ['n', 'n', 0],
};

function consonantSpelling(c: string, style: LatinStyle): Choice {
  switch (c) {
    case 't':
      return ['t', 'th', style.dentalTh];
    case 'v':
      return ['v', 'b', style.vAsB];
    case 'sh':
      return ['sh', 's', style.shAsS];
    case 'Sh':
      return ['sh', 's', style.shAsS / 2];
    case 'kSh':
      return ['ksh', 'x', style.kshAsX];
    default:
      return CONSONANT_SPELLINGS[c] ?? [c, c, 0];
  }
}

function romaniseWord(phonemes: Phoneme[], style: LatinStyle, rng: Prng | undefined): string {
  let out = '';
  phonemes.forEach((p, i) => {
    const next = phonemes[i + 1];
    const prev = phonemes[i - 1];
    if (p.kind === 'V') {
      const inherent = p.v === 'a' && prev?.kind === 'C' && i > 1;
      out += inherent ? choose(['a', 'o', style.inherentO], rng) : choose(vowelSpelling(p.v, next === undefined, i === 0, style), rng);
    } else if (p.kind === 'C') {
      out += choose(consonantSpelling(p.c, style), rng);
    } else if (p.kind === 'M') {
      out += next?.kind === 'C' && /^(p|ph|b|bh|m)$/.test(next.c) ? 'm' : 'n';
    } else {
      out += choose(['', 'a', style.keepSchwa], rng);
    }
  });
  return out;
}

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The most usual Latin spelling of a phonemic name in a region's style. */
export function romanise(phonemic: string, style: LatinStyle = PLAIN_STYLE): string {
  return phonemic
    .split(' ')
    .map((w) => titleCase(romaniseWord(parsePhonemes(w), style, undefined)))
    .join(' ');
}

/** A Latin spelling drawn from the region's habits. */
export function romaniseVariant(phonemic: string, style: LatinStyle, rng: Prng): string {
  return phonemic
    .split(' ')
    .map((w) => titleCase(romaniseWord(parsePhonemes(w), style, rng)))
    .join(' ');
}

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: 'sq', e: 'wr', i: 'uo', o: 'ip', u: 'yi', n: 'bm', m: 'n', r: 'et', t: 'ry', s: 'ad', h: 'gj', k: 'jl', l: 'k', p: 'o', d: 'sf', j: 'hk', v: 'cb', b: 'vn', g: 'fh', y: 'tu',
};

/** One typing slip: a letter dropped, doubled, swapped with its neighbour or mistyped. */
export function typo(name: string, rng: Prng): string {
  const words = name.split(' ');
  const w = rng.int(0, words.length - 1);
  const word = words[w] ?? '';
  if (word.length < 4) return name;
  const i = rng.int(1, word.length - 2);
  const ch = word[i] ?? '';
  const kind = rng.weighted({ drop: 3, double: 2, swap: 2, mistype: 3 });
  const changed =
    kind === 'drop'
      ? word.slice(0, i) + word.slice(i + 1)
      : kind === 'double'
        ? word.slice(0, i) + ch + word.slice(i)
        : kind === 'swap'
          ? word.slice(0, i) + (word[i + 1] ?? '') + ch + word.slice(i + 2)
          : word.slice(0, i) + rng.pick([...(KEYBOARD_NEIGHBOURS[ch.toLowerCase()] ?? 'e')]) + word.slice(i + 1);
  words[w] = changed;
  return words.join(' ');
}
