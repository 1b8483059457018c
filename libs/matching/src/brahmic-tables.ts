// Latin values of the Brahmic blocks, by offset within the block (U+0900 + 128 × script).
// One common table plus each script's exceptions. Long and short vowels both give the plain
// Latin vowel (ā → a, ī → i), as Indian names are usually romanised.
import type { IndicScript } from './scripts.js';

type OffsetTable = Readonly<Record<number, string>>;
type ScriptTables = Readonly<Partial<Record<IndicScript, OffsetTable>>>;

function fromOffset(start: number, values: readonly string[]): Record<number, string> {
  return Object.fromEntries(values.map((v, i) => [start + i, v]));
}

/** Consonants carrying the inherent vowel, U+xx15–U+xx39. */
export const CONSONANTS: OffsetTable = fromOffset(0x15, [
  'k', 'kh', 'g', 'gh', 'n', 'ch', 'chh', 'j', 'jh', 'n',
  't', 'th', 'd', 'dh', 'n', 't', 'th', 'd', 'dh', 'n', 'n',
  'p', 'ph', 'b', 'bh', 'm', 'y', 'r', 'r', 'l', 'l', 'zh', 'v', 'sh', 'sh', 's', 'h',
]);

// South Indian romanisation writes the dental t as "th" (Geetha, Kavitha, Sunitha).
const DENTAL_TH = { 0x24: 'th' };

export const CONSONANT_EXCEPTIONS: ScriptTables = {
  DEVANAGARI: { 0x58: 'q', 0x59: 'kh', 0x5a: 'gh', 0x5b: 'z', 0x5c: 'r', 0x5d: 'rh', 0x5e: 'f', 0x5f: 'y', 0x79: 'z', 0x7a: 'y', 0x7b: 'g', 0x7c: 'j', 0x7e: 'd', 0x7f: 'b' },
  // Bengali and Odia য/ଯ sound j (Jamuna); the dotted য়/ୟ is y.
  BENGALI: { 0x2f: 'j', 0x5c: 'r', 0x5d: 'rh', 0x5f: 'y', 0x70: 'r', 0x71: 'w' },
  GURMUKHI: { 0x59: 'kh', 0x5a: 'gh', 0x5b: 'z', 0x5c: 'r', 0x5e: 'f' },
  ODIA: { 0x2f: 'j', 0x5c: 'r', 0x5d: 'rh', 0x5f: 'y', 0x71: 'w' },
  TAMIL: DENTAL_TH,
  TELUGU: { ...DENTAL_TH, 0x58: 'ts', 0x59: 'dz', 0x5a: 'r' },
  KANNADA: { ...DENTAL_TH, 0x5e: 'l' },
  MALAYALAM: DENTAL_TH,
};

/** Consonants written without an inherent vowel: Bengali khanda ta, Malayalam chillus. */
export const DEAD_CONSONANTS: ScriptTables = {
  BENGALI: { 0x4e: 't' },
  MALAYALAM: { 0x54: 'm', 0x55: 'y', 0x56: 'zh', 0x7a: 'n', 0x7b: 'n', 0x7c: 'r', 0x7d: 'l', 0x7e: 'l', 0x7f: 'k' },
};

/** A consonant followed by the nukta, by the consonant's offset: the Perso-Arabic sounds. */
export const NUKTA_FORMS: ScriptTables = {
  DEVANAGARI: { 0x15: 'q', 0x16: 'kh', 0x17: 'gh', 0x1c: 'z', 0x21: 'r', 0x22: 'rh', 0x2b: 'f', 0x2f: 'y' },
  BENGALI: { 0x21: 'r', 0x22: 'rh', 0x2f: 'y' },
  GURMUKHI: { 0x16: 'kh', 0x17: 'gh', 0x1c: 'z', 0x2b: 'f', 0x38: 'sh', 0x32: 'l' },
  GUJARATI: { 0x1c: 'z', 0x2b: 'f' },
  ODIA: { 0x21: 'r', 0x22: 'rh', 0x2f: 'y' },
};

/** Independent vowels, U+xx04–U+xx14 and U+xx60–U+xx61. */
export const VOWELS: OffsetTable = {
  ...fromOffset(0x04, ['a', 'a', 'a', 'i', 'i', 'u', 'u', 'ri', 'li', 'e', 'e', 'e', 'ai', 'o', 'o', 'o', 'au']),
  0x60: 'ri',
  0x61: 'li',
};

// Odia romanises the vocalic r as "ru" (Krushna, Mrutyunjaya).
export const VOWEL_EXCEPTIONS: ScriptTables = {
  DEVANAGARI: { 0x72: 'a' },
  ODIA: { 0x0b: 'ru', 0x60: 'ru' },
};

/** Dependent vowel signs (matras), U+xx3E–U+xx4C and the scripts' extra length marks. */
export const VOWEL_SIGNS: OffsetTable = {
  ...fromOffset(0x3e, ['a', 'i', 'i', 'u', 'u', 'ri', 'ri', 'e', 'e', 'e', 'ai', 'o', 'o', 'o', 'au']),
  0x62: 'li',
  0x63: 'li',
};

// The au/ai length marks only appear on their own when text was not NFC-composed.
export const VOWEL_SIGN_EXCEPTIONS: ScriptTables = {
  DEVANAGARI: { 0x3a: 'o', 0x3b: 'o', 0x4e: 'e', 0x4f: 'au', 0x55: 'e', 0x56: 'u', 0x57: 'u' },
  BENGALI: { 0x57: 'au' },
  ODIA: { 0x43: 'ru', 0x44: 'ru', 0x56: 'ai', 0x57: 'au' },
  TAMIL: { 0x57: 'au' },
  TELUGU: { 0x55: '', 0x56: 'ai' },
  KANNADA: { 0x55: '', 0x56: 'ai' },
  MALAYALAM: { 0x57: 'au' },
};

export const VIRAMA = 0x4d;
export const NUKTA = 0x3c;
export const VISARGA = 0x03;
export const ANUSVARA = 0x02;
export const AVAGRAHA = 0x3d;
export const OM = 0x50;

/** Nasal signs by offset: true for candrabindu (nasalised vowel), false for anusvara. */
export const NASAL_SIGNS: Readonly<Record<IndicScript, Readonly<Record<number, boolean>>>> = {
  DEVANAGARI: { 0x01: true, 0x02: false },
  BENGALI: { 0x01: true, 0x02: false },
  GURMUKHI: { 0x01: true, 0x02: false, 0x70: false },
  GUJARATI: { 0x01: true, 0x02: false },
  ODIA: { 0x01: true, 0x02: false },
  TAMIL: { 0x02: false },
  TELUGU: { 0x00: true, 0x01: true, 0x02: false, 0x04: false },
  KANNADA: { 0x00: true, 0x01: true, 0x02: false },
  MALAYALAM: { 0x00: false, 0x01: true, 0x02: false },
};

/** Gurmukhi addak: doubles the consonant after it. */
export const GURMUKHI_ADDAK = 0x71;
/** Gurmukhi vowel bearers iri and ura, which take a vowel sign to write an initial vowel. */
export const GURMUKHI_BEARERS: Readonly<Record<number, string>> = { 0x72: 'i', 0x73: 'u' };

/** Scripts that do not pronounce the inherent vowel of a word's last consonant (राम → ram). */
export const FINAL_SCHWA_DELETION: ReadonlySet<IndicScript> = new Set(['DEVANAGARI', 'GUJARATI', 'GURMUKHI', 'BENGALI', 'ODIA']);
/** Scripts that also drop it inside a word in the VC_CV context (कमला → kamla). */
export const MEDIAL_SCHWA_DELETION: ReadonlySet<IndicScript> = new Set(['DEVANAGARI', 'GUJARATI', 'GURMUKHI', 'BENGALI']);
/** Scripts of the north and east, whose romanisation spells सिंह "singh" and ज्ञ "gy". */
export const NORTHERN: ReadonlySet<IndicScript> = new Set(['DEVANAGARI', 'GUJARATI', 'GURMUKHI', 'BENGALI', 'ODIA']);

/** Offsets of the nasal consonants (ṅ ñ ṇ n ṉ m), for the anusvara and schwa rules. */
export const NASAL_CONSONANTS: ReadonlySet<number> = new Set([0x19, 0x1e, 0x23, 0x28, 0x29, 0x2e]);
