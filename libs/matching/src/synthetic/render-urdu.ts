// Phonemic spelling → Urdu (Perso-Arabic script), as a clerk in UP, Bihar, J&K or Telangana writes a name: short
// vowels unwritten, long vowels with alif, wao and ye, aspirates with do-chashmi he, a final -a with gol he.
import { parsePhonemes, type ConsonantPhoneme, type Phoneme, type Vowel } from './phonemes.js';

const CONSONANTS: Record<ConsonantPhoneme, string> = {
  k: 'ک', kh: 'کھ', g: 'گ', gh: 'گھ', ch: 'چ', chh: 'چھ', j: 'ج', jh: 'جھ', T: 'ٹ', Th: 'ٹھ', D: 'ڈ', Dh: 'ڈھ',
  N: 'ن', t: 'ت', th: 'تھ', d: 'د', dh: 'دھ', n: 'ن', p: 'پ', ph: 'پھ', b: 'ب', bh: 'بھ', m: 'م', y: 'ی', r: 'ر',
  l: 'ل', L: 'ل', zh: 'ل', v: 'و', sh: 'ش', Sh: 'ش', s: 'س', h: 'ہ', q: 'ق', z: 'ز', f: 'ف', x: 'خ', '~N': 'ن',
  '~n': 'ن', kSh: 'کش',
};

const ALIF = 'ا';
const ALIF_MADD = 'آ';
const WAO = 'و';
const YE = 'ی';
const BARI_YE = 'ے';
const GOL_HE = 'ہ';
const HAMZA_YE = 'ئ';
const NUN_GHUNNA = 'ں';

// A vowel inside or at the end of a word: short ones are not written, except a final -a (gol he).
function vowelAfterConsonant(v: Vowel, final: boolean): string {
  switch (v) {
    case 'a':
      return final ? GOL_HE : '';
    case 'aa':
      return ALIF;
    case 'i':
      return final ? YE : '';
    case 'u':
      return final ? WAO : '';
    case 'ii':
      return YE;
    case 'e':
    case 'ai':
      return final ? BARI_YE : YE;
    case 'uu':
    case 'o':
    case 'au':
      return WAO;
    case 'R':
      return 'ر';
  }
}

function initialVowel(v: Vowel): string {
  switch (v) {
    case 'aa':
      return ALIF_MADD;
    case 'ii':
    case 'e':
    case 'ai':
      return ALIF + YE;
    case 'uu':
    case 'o':
    case 'au':
      return ALIF + WAO;
    case 'R':
      return 'ر';
    default:
      return ALIF;
  }
}

function word(phonemes: Phoneme[]): string {
  let out = '';
  phonemes.forEach((p, i) => {
    const prev = phonemes[i - 1];
    const final = i === phonemes.length - 1;
    if (p.kind === 'C') {
      // A doubled consonant is written once (the shadda is left out, as in most handwriting).
      if (prev?.kind === 'C' && prev.c === p.c) return;
      out += CONSONANTS[p.c];
    } else if (p.kind === 'M') {
      out += final ? NUN_GHUNNA : 'ن';
    } else if (p.kind === 'V') {
      if (i === 0) out += initialVowel(p.v);
      else if (prev?.kind === 'V') out += p.v === 'aa' || p.v === 'a' ? ALIF : HAMZA_YE + vowelAfterConsonant(p.v === 'i' ? 'ii' : p.v, final);
      else out += vowelAfterConsonant(p.v, final);
    }
  });
  return out;
}

/** A name of several phonemic words written in Urdu. */
export function renderInUrdu(phonemic: string): string {
  return phonemic
    .split(' ')
    .map((w) => word(parsePhonemes(w)))
    .join(' ');
}
