// The synthetic names are stored in a small phonemic spelling (ITRANS-like), from which both
// their native-script and their Latin spellings are rendered:
//   long vowels aa ii uu; retroflex T Th D Dh N Sh; L ळ; zh ழ; R vocalic r; M anusvara;
//   q z f x the nukta sounds क़ ज़ फ़ ख़; ~n ञ; ~N ङ; @ an inherent vowel written but not
//   spoken in the north (kam@laa: कमला, "Kamla" or "Kamala"); "." separates letters.

export const VOWEL_PHONEMES = ['aa', 'ii', 'uu', 'ai', 'au', 'a', 'i', 'u', 'e', 'o', 'R'] as const;
export const CONSONANT_PHONEMES = [
  'kSh', 'chh', 'kh', 'gh', 'ch', 'jh', 'Th', 'Dh', 'th', 'dh', 'ph', 'bh', 'sh', 'Sh', 'zh', '~N', '~n',
  'k', 'g', 'j', 'T', 'D', 'N', 't', 'd', 'n', 'p', 'b', 'm', 'y', 'r', 'l', 'L', 'v', 's', 'h', 'q', 'z', 'f', 'x',
] as const;

export type Vowel = (typeof VOWEL_PHONEMES)[number];
export type ConsonantPhoneme = (typeof CONSONANT_PHONEMES)[number];
export type Phoneme =
  | { kind: 'V'; v: Vowel }
  | { kind: 'C'; c: ConsonantPhoneme }
  | { kind: 'M' }
  | { kind: '@' };

const ALL = [...CONSONANT_PHONEMES, ...VOWEL_PHONEMES].sort((a, b) => b.length - a.length);

/** Phonemes of one word in the phonemic spelling. */
export function parsePhonemes(word: string): Phoneme[] {
  const out: Phoneme[] = [];
  let i = 0;
  while (i < word.length) {
    const ch = word[i];
    if (ch === '.') {
      i++;
      continue;
    }
    if (ch === 'M' || ch === '@') {
      out.push(ch === 'M' ? { kind: 'M' } : { kind: '@' });
      i++;
      continue;
    }
    const unit = ALL.find((p) => word.startsWith(p, i));
    if (!unit) throw new SyntaxError(`not a phoneme at ${i} in "${word}"`);
    out.push((VOWEL_PHONEMES as readonly string[]).includes(unit) ? { kind: 'V', v: unit as Vowel } : { kind: 'C', c: unit as ConsonantPhoneme });
    i += unit.length;
  }
  return out;
}
