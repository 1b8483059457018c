// Unicode clean-up shared by every name and free-text comparison.

// Zero-width joiners/non-joiners only steer glyph shaping (Malayalam chillus, Bengali ya-phala);
// they never change the name, so they go.
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/g;

// IAST / ISO 15919 letters that carry a sound of their own: stripping their diacritic would
// turn ś into s and ṛ into r, so they are spelled out first.
const IAST: Record<string, string> = {
  ś: 'sh', ṣ: 'sh', ṛ: 'ri', ṝ: 'ri', ḷ: 'l', ḹ: 'l', ṅ: 'n', ñ: 'n', ṇ: 'n', ṃ: 'n', ṁ: 'n', ḥ: 'h',
  ṭ: 't', ḍ: 'd', ẓ: 'z', ḵ: 'kh', ġ: 'gh', æ: 'ae', ø: 'o', ß: 'ss', đ: 'd', ł: 'l',
};
const IAST_PATTERN = new RegExp(`[${Object.keys(IAST).join('')}]`, 'g');

// Combining marks used by Latin diacritics only; Indic vowel signs and viramas are also
// combining marks but live in their own blocks and must survive.
const LATIN_COMBINING: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
];

function isLatinDiacritic(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return LATIN_COMBINING.some(([from, to]) => cp >= from && cp <= to);
}

// "Ramesh s/o Suresh": the part after s/o, d/o, w/o, c/o names someone else.
const RELATION_SUFFIX = /\s[sdwc]\s*\/\s*o\b.*$/i;

/**
 * Lower-case, NFC text with invisible characters and Latin diacritics removed, punctuation
 * turned into single spaces. Indic text keeps its script (transliteration is a later step).
 */
export function normaliseText(input: string): string {
  let text = input.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
  text = text.replace(RELATION_SUFFIX, '');
  text = text.replace(IAST_PATTERN, (ch) => IAST[ch] ?? ch);
  text = [...text.normalize('NFD')]
    .filter((ch) => !isLatinDiacritic(ch))
    .join('')
    .normalize('NFC');
  // An apostrophe joins (D'Souza, Mu'min); any other punctuation separates (Md.Rafiq, R.K.).
  text = text.replace(/['’‘`ʼ]/g, '');
  text = text.replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ');
  return text.trim();
}

/** Words of normalised text. */
export function words(input: string): string[] {
  const text = normaliseText(input);
  return text === '' ? [] : text.split(' ');
}
