// Urdu (Perso-Arabic script). Short vowels are mostly unwritten, so a word is read as a consonant skeleton with the
// vowels it does write (alif, wao, ye, a final he) in their places: a pattern that the Latin spellings of the same name
// fit (عمران fits Imran and Emraan, not Amir). Its one Latin reading is the commonest known given name that fits
// (given-names.ts), else the skeleton with a short a between consonants.
import { memoiseByText } from './memo.js';
import { commonestNameWhere } from './name-lexicon.js';
import { canonicalVariant } from './variants.js';

interface Letter {
  /** Latin spellings of the sound, most usual first */
  latin: readonly string[];
  kind: 'C' | 'V' | 'CV' | 'X';
}

const C = (...latin: string[]): Letter => ({ latin, kind: 'C' });

// Consonants: the Latin spellings each is found under in names (ض as z or d: Ramzan, Ramadan; ق as q or k).
const LETTERS: Readonly<Record<string, Letter>> = {
  ب: C('b'), پ: C('p'), ت: C('t', 'th'), ٹ: C('t', 'tt', 'th'), ث: C('s', 'th'), ج: C('j', 'z'), چ: C('ch', 'c'),
  ح: C('h'), خ: C('kh', 'k', 'x'), د: C('d', 'dh'), ڈ: C('d', 'dd'), ذ: C('z', 'j', 'd', 'dh'), ر: C('r'), ڑ: C('r', 'd'),
  ز: C('z', 'j'), ژ: C('zh', 'z', 'j'), س: C('s', 'c'), ش: C('sh', 's', 'ch'), ص: C('s'), ض: C('z', 'd', 'j'), ط: C('t'),
  ظ: C('z', 'j'), غ: C('gh', 'g'), ف: C('f', 'ph'), ق: C('q', 'k', 'qu'), ک: C('k', 'c', 'ck', 'q'), ك: C('k', 'c'),
  گ: C('g'), ل: C('l'), م: C('m'), ن: C('n', 'm'), ں: C('n', ''),
  // Letters that are a consonant or a vowel by position.
  و: { latin: ['w', 'v'], kind: 'CV' }, ی: { latin: ['y'], kind: 'CV' }, ي: { latin: ['y'], kind: 'CV' },
  ہ: { latin: ['h'], kind: 'CV' }, ه: { latin: ['h'], kind: 'CV' }, ة: { latin: ['a', 'at', 'ah'], kind: 'V' }, ۃ: { latin: ['a', 'at', 'ah'], kind: 'V' },
  ا: { latin: ['a', 'aa'], kind: 'V' }, آ: { latin: ['a', 'aa'], kind: 'V' }, أ: { latin: ['a'], kind: 'V' }, إ: { latin: ['i', 'e'], kind: 'V' },
  ے: { latin: ['e', 'ay', 'ai', 'ey'], kind: 'V' }, ى: { latin: ['a', 'i', 'y'], kind: 'V' },
  // Ain, hamza and the aspirate mark: a vowel or nothing, h or nothing.
  ع: { latin: ['a', 'i', 'u', 'e', 'o', ''], kind: 'X' }, ء: { latin: ['', 'a', 'i', 'y'], kind: 'X' },
  ئ: { latin: ['y', 'i', 'e', 'ye', 'yi', ''], kind: 'X' }, ؤ: { latin: ['u', 'o', 'w'], kind: 'X' }, ھ: { latin: ['h', ''], kind: 'X' },
};

// Vowel marks, when a clerk writes them: zabar, zer, pesh, the standing alif (سلمیٰ Salma); sukun and shadda add no vowel.
const MARKS: Readonly<Record<string, readonly string[]>> = {
  '\u064e': ['a', 'e'], '\u0650': ['i', 'e'], '\u064f': ['u', 'o'], '\u0670': ['a', 'aa'], '\u0652': [''], '\u0651': [''],
  '\u064b': ['an', ''], '\u064c': ['un', ''], '\u064d': ['in', ''],
};

// An unwritten vowel; Latin spellings often write it long (ہنا Heena).
const SHORT = '(?:a|e|i|o|u|ee|oo)?';
const alternatives = (latin: readonly string[]) => `(?:${latin.map((l) => l.replace(/[^a-z]/g, '')).join('|')})`;

/** Whether a word is written in the Perso-Arabic script. */
export function isUrduWord(word: string): boolean {
  return /\p{Script=Arabic}/u.test(word);
}

interface Parsed {
  pattern: string;
  guess: string;
}

// One pass over the letters: each position gives its Latin alternatives (for the pattern) and a first guess.
function parse(word: string): Parsed {
  const chars = [...word];
  let pattern = '';
  let guess = '';
  let afterConsonant = false; // an unwritten short vowel may follow
  const isVowelLetter = (ch: string | undefined) => ch !== undefined && ['ا', 'آ', 'ی', 'ي', 'و', 'ے', 'ى', 'ۃ', 'ة'].includes(ch);
  chars.forEach((ch, i) => {
    const mark = MARKS[ch];
    if (mark) {
      if (afterConsonant) {
        pattern += mark.length === 1 && mark[0] === '' ? '' : alternatives(mark);
        guess += mark[0] ?? '';
        afterConsonant = false;
      }
      return;
    }
    const letter = LETTERS[ch];
    if (!letter) return;
    const initial = pattern === '';
    const final = chars.slice(i + 1).every((c) => MARKS[c] !== undefined || LETTERS[c] === undefined);
    const short = afterConsonant ? SHORT : '';
    const next = chars.slice(i + 1).find((c) => MARKS[c] === undefined);
    const he = ch === 'ہ' || ch === 'ه';
    if (letter.kind === 'C' || (letter.kind === 'CV' && (initial || (he && !final) || (isVowelLetter(next) && !final)))) {
      // A consonant: he inside a word; wao and ye at the start or before a vowel letter are v/w and y (نازیہ Nazia).
      const latin = initial ? letter.latin : ch === 'ی' || ch === 'ي' ? ['y', 'i', 'iy', 'ey'] : ch === 'و' ? ['w', 'v', 'o', 'u'] : letter.latin;
      pattern += short + `${alternatives(latin)}{1,2}`;
      guess += (afterConsonant ? 'a' : '') + (letter.latin[0] ?? '');
      afterConsonant = true;
      return;
    }
    if (letter.kind === 'CV') {
      // A long vowel inside or at the end of a word; a final he is -a (Fatimah, Fatima).
      const latin =
        ch === 'و' ? ['o', 'u', 'oo', 'uu', 'ou', 'au', 'ow', 'aw', 'w', 'v', 'wa', 'va']
        : he ? ['a', 'ah', 'h', 'e', 'eh']
        : final ? ['i', 'ee', 'y', 'ey', 'e', 'ie', 'ai', 'ay', 'iy']
        : ['i', 'ee', 'e', 'ai', 'ay', 'ey', 'ei', 'ie', 'y', 'iy', 'ya', 'ye', 'yi'];
      pattern += short + alternatives(latin);
      guess += latin[0] ?? '';
      afterConsonant = false;
      return;
    }
    if (letter.kind === 'V') {
      // Alif at the start carries any short vowel (اسلم Aslam, امام Imam); after it, wao and ye are vowels.
      const latin = initial && (ch === 'ا' || ch === 'أ') ? ['a', 'aa', 'i', 'e', 'u', 'o', ''] : letter.latin;
      pattern += short + alternatives(latin);
      guess += initial && ch === 'ا' && (next === 'ی' || next === 'و') ? '' : (latin[0] ?? '');
      afterConsonant = false;
      return;
    }
    pattern += short + alternatives(letter.latin);
    guess += initial && ch === 'ع' ? (next === 'ی' || next === 'و' ? '' : 'a') : ch === 'ھ' ? 'h' : '';
    afterConsonant = false;
  });
  return { pattern, guess };
}

/** The pattern the Latin spellings of an Urdu word fit, and its Latin reading. */
export const urduWord = memoiseByText((word: string): { test: RegExp; reading: string } => {
  const { pattern, guess } = parse(word);
  const test = new RegExp(`^${pattern}$`);
  // A word of a variant group (محمد Muhammad) is that word, not the given name it could also spell (Mahmood).
  const known = pattern === '' || canonicalVariant(guess) ? undefined : commonestNameWhere((latin) => test.test(latin));
  return { test, reading: known?.latin ?? guess };
});

/** Latin reading of an Urdu word: the commonest given name it can spell, else its skeleton with short a's. */
export function transliterateUrdu(word: string): string {
  return urduWord(word).reading;
}
