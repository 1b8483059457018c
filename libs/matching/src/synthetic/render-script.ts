// Phonemic spelling → a native script, the way a clerk writing that script would spell the
// name: conjuncts with the virama, Gurmukhi without most conjuncts, Tamil with its smaller
// alphabet and vowel-broken initial clusters, Malayalam chillus.
import { blockStart, type IndicScript } from '../scripts.js';
import { parsePhonemes, type ConsonantPhoneme, type Phoneme, type Vowel } from './phonemes.js';

const CONSONANT_OFFSETS: Record<Exclude<ConsonantPhoneme, 'kSh'>, number> = {
  k: 0x15, kh: 0x16, g: 0x17, gh: 0x18, '~N': 0x19, ch: 0x1a, chh: 0x1b, j: 0x1c, jh: 0x1d, '~n': 0x1e,
  T: 0x1f, Th: 0x20, D: 0x21, Dh: 0x22, N: 0x23, t: 0x24, th: 0x25, d: 0x26, dh: 0x27, n: 0x28,
  p: 0x2a, ph: 0x2b, b: 0x2c, bh: 0x2d, m: 0x2e, y: 0x2f, r: 0x30, l: 0x32, L: 0x33, zh: 0x34, v: 0x35,
  sh: 0x36, Sh: 0x37, s: 0x38, h: 0x39, q: 0x15, z: 0x1c, f: 0x2b, x: 0x16,
};
const NUKTA_SOUNDS = new Set<ConsonantPhoneme>(['q', 'z', 'f', 'x']);

const VOWEL_OFFSETS: Record<Vowel, number> = { a: 0x05, aa: 0x06, i: 0x07, ii: 0x08, u: 0x09, uu: 0x0a, R: 0x0b, e: 0x0f, ai: 0x10, o: 0x13, au: 0x14 };
const SIGN_OFFSETS: Record<Exclude<Vowel, 'a'>, number> = { aa: 0x3e, i: 0x3f, ii: 0x40, u: 0x41, uu: 0x42, R: 0x43, e: 0x47, ai: 0x48, o: 0x4b, au: 0x4c };

const VIRAMA = 0x4d;
const NUKTA = 0x3c;
const ANUSVARA = 0x02;

// What each script writes for the sounds it has no letter of.
const SUBSTITUTES: Partial<Record<IndicScript, Partial<Record<ConsonantPhoneme, ConsonantPhoneme>>>> = {
  BENGALI: { v: 'b', zh: 'l', L: 'l', sh: 'sh' },
  ODIA: { v: 'b', zh: 'l' },
  GURMUKHI: { zh: 'l', Sh: 'sh', L: 'l', '~N': 'n', '~n': 'n' },
  GUJARATI: { zh: 'l' },
  DEVANAGARI: { zh: 'L' },
  TELUGU: { zh: 'L' },
  KANNADA: { zh: 'L' },
  // Tamil: one letter each for k/g, ch/j-less, t/d, p/b; ச for s.
  TAMIL: {
    kh: 'k', g: 'k', gh: 'k', q: 'k', x: 'k', chh: 'ch', jh: 'j', z: 'j', Th: 'T', D: 'T', Dh: 'T',
    th: 't', d: 't', dh: 't', ph: 'p', b: 'p', bh: 'p', f: 'p', s: 'ch', sh: 'Sh',
  },
};

function char(script: IndicScript, offset: number): string {
  return String.fromCodePoint(blockStart(script) + offset);
}

type ConsonantUnit = { kind: 'C'; c: ConsonantPhoneme; vowel: Vowel | null | '@' };
type Unit = ConsonantUnit | { kind: 'V'; v: Vowel } | { kind: 'M' };

// Consonants take the vowel that follows them; null when a consonant follows (a cluster) or the word ends.
function syllabify(phonemes: Phoneme[]): Unit[] {
  const units: Unit[] = [];
  for (const p of phonemes) {
    const last = units.at(-1);
    if (p.kind === 'C') {
      if (p.c === 'kSh') units.push({ kind: 'C', c: 'k', vowel: null }, { kind: 'C', c: 'Sh', vowel: null });
      else units.push({ kind: 'C', c: p.c, vowel: null });
    } else if (p.kind === 'V') {
      if (last?.kind === 'C' && last.vowel === null) last.vowel = p.v;
      else units.push({ kind: 'V', v: p.v });
    } else if (p.kind === '@') {
      if (last?.kind === 'C' && last.vowel === null) last.vowel = '@';
    } else {
      units.push({ kind: 'M' });
    }
  }
  return units;
}

/** A word of the phonemic spelling written in an Indic script. */
export function renderWord(word: string, script: IndicScript): string {
  const units = syllabify(adaptPhonemes(parsePhonemes(word), script));
  let out = '';
  units.forEach((unit, i) => {
    const next = units[i + 1];
    if (unit.kind === 'V') out += char(script, VOWEL_OFFSETS[unit.v]);
    else if (unit.kind === 'M') out += nasal(script, next);
    else out += consonant(unit, script, i, units);
  });
  return out;
}

// Gurmukhi and Tamil have no vocalic r: ਰਿ, ரு.
function adaptPhonemes(phonemes: Phoneme[], script: IndicScript): Phoneme[] {
  if (script !== 'GURMUKHI' && script !== 'TAMIL') return phonemes;
  return phonemes.flatMap((p): Phoneme[] => (p.kind === 'V' && p.v === 'R' ? [{ kind: 'C', c: 'r' }, { kind: 'V', v: script === 'TAMIL' ? 'u' : 'i' }] : [p]));
}

function letter(unit: ConsonantUnit, script: IndicScript, i: number, units: Unit[]): string {
  const sound = SUBSTITUTES[script]?.[unit.c] ?? unit.c;
  const next = units[i + 1];
  const before = units[i - 1];
  if (script === 'TAMIL') {
    const nextSound = next?.kind === 'C' ? (SUBSTITUTES.TAMIL?.[next.c] ?? next.c) : undefined;
    // ந at the start and before த, ன elsewhere; ஸ before a consonant (ஸ்ரீ).
    if (sound === 'n') return char(script, i === 0 || nextSound === 't' ? 0x28 : 0x29);
    if (unit.c === 's' && unit.vowel === null && nextSound !== undefined) return char(script, 0x38);
  }
  if ((script === 'BENGALI' || script === 'ODIA') && sound === 'y' && i > 0) {
    // য/ଯ is read j at the start; after a vowel the dotted য়/ୟ keeps the y.
    const afterVowel = before?.kind !== 'C' || before.vowel !== null;
    if (afterVowel) return char(script, 0x2f) + char(script, NUKTA);
  }
  if (sound === 'sh' && script === 'GURMUKHI') return char(script, 0x38) + char(script, NUKTA);
  const nukta = NUKTA_SOUNDS.has(sound) && script !== 'TAMIL' ? char(script, NUKTA) : '';
  return char(script, CONSONANT_OFFSETS[sound as Exclude<ConsonantPhoneme, 'kSh'>]) + nukta;
}

function consonant(unit: ConsonantUnit, script: IndicScript, i: number, units: Unit[]): string {
  const next = units[i + 1];
  if (unit.vowel === null && next === undefined) return wordFinal(unit, script, i, units);
  const written = letter(unit, script, i, units);
  if (unit.vowel === '@' || unit.vowel === 'a') return written;
  if (unit.vowel !== null) return written + char(script, SIGN_OFFSETS[unit.vowel]);
  if (next?.kind !== 'C') return written;
  // a cluster
  if (script === 'GURMUKHI') {
    if (next.c === unit.c) return char(script, 0x71); // addak doubles the next letter
    return ['r', 'v', 'h', 'y'].includes(next.c) ? written + char(script, VIRAMA) : written;
  }
  const initialCluster = script === 'TAMIL' && i === 0 && ['r', 'y', 'l', 'v'].includes(next.c) && unit.c !== 's';
  return written + (initialCluster ? char(script, SIGN_OFFSETS.i) : char(script, VIRAMA));
}

const CHILLUS: Partial<Record<ConsonantPhoneme, number>> = { N: 0x7a, n: 0x7b, r: 0x7c, l: 0x7d, L: 0x7e };

// The north leaves a final consonant bare (its vowel is not spoken); the south marks it.
function wordFinal(unit: ConsonantUnit, script: IndicScript, i: number, units: Unit[]): string {
  if (script === 'MALAYALAM') {
    const chillu = CHILLUS[unit.c];
    if (chillu) return char(script, chillu);
    if (unit.c === 'm') return char(script, ANUSVARA);
  }
  const written = letter(unit, script, i, units);
  return ['DEVANAGARI', 'BENGALI', 'GURMUKHI', 'GUJARATI', 'ODIA'].includes(script) ? written : written + char(script, VIRAMA);
}

const NASAL_FOR: Array<[RegExp, '~N' | '~n' | 'N' | 'm']> = [
  [/^(k|kh|g|gh)$/, '~N'],
  [/^(ch|chh|j|jh)$/, '~n'],
  [/^(T|Th|D|Dh)$/, 'N'],
  [/^(p|ph|b|bh|m)$/, 'm'],
];

// Tamil writes the nasal consonant where others write the anusvara; Gurmukhi its tippi.
function nasal(script: IndicScript, next: Unit | undefined): string {
  if (script === 'GURMUKHI') return char(script, 0x70);
  if (script !== 'TAMIL') return char(script, ANUSVARA);
  const c = next?.kind === 'C' ? next.c : 'm';
  const sound = SUBSTITUTES.TAMIL?.[c] ?? c;
  const n = NASAL_FOR.find(([re]) => re.test(sound))?.[1];
  const offset = n ? CONSONANT_OFFSETS[n] : sound === 't' ? 0x28 : 0x29;
  return char(script, offset) + char(script, VIRAMA);
}

/** A name of several phonemic words written in a script. */
export function renderInScript(phonemic: string, script: IndicScript): string {
  return phonemic
    .split(' ')
    .map((w) => renderWord(w, script))
    .join(' ');
}
