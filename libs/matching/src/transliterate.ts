// Brahmic scripts → one Latin spelling, the way Indian names are commonly romanised.
// A word is parsed into syllable items, script-specific sound rules adjust them (Tamil
// voicing, schwa deletion), then they are rendered.
import {
  CONSONANT_EXCEPTIONS,
  CONSONANTS,
  DEAD_CONSONANTS,
  FINAL_SCHWA_DELETION,
  GURMUKHI_ADDAK,
  GURMUKHI_BEARERS,
  MEDIAL_SCHWA_DELETION,
  NASAL_CONSONANTS,
  NASAL_SIGNS,
  NORTHERN,
  NUKTA,
  NUKTA_FORMS,
  OM,
  VIRAMA,
  VISARGA,
  VOWEL_EXCEPTIONS,
  VOWEL_SIGN_EXCEPTIONS,
  VOWEL_SIGNS,
  VOWELS,
} from './brahmic-tables.js';
import { memoiseByText } from './memo.js';
import { normaliseText } from './normalise.js';
import { indicPosition, type IndicScript } from './scripts.js';
import { isUrduWord, transliterateUrdu } from './urdu.js';

interface Consonant {
  kind: 'C';
  offset: number;
  latin: string;
  /** null: the inherent vowel, not yet decided; '': none (virama, dead consonant, deleted schwa). */
  vowel: string | null;
  virama: boolean;
  geminate: boolean;
}
type Item =
  | Consonant
  | { kind: 'V'; latin: string; bearer: boolean }
  | { kind: 'N'; candrabindu: boolean }
  | { kind: 'H' }
  | { kind: 'T'; text: string };

/** Latin spelling of a text (Brahmic scripts and Urdu); Latin and other scripts pass through normalised. */
export function transliterate(text: string): string {
  return transliterated(text);
}

// Names and descriptions repeat their words: each is spelt out once.
const transliterated = memoiseByText((text: string) =>
  normaliseText(text)
    .split(' ')
    .map(transliterateWord)
    .join(' ')
    .trim(),
);

function transliterateWord(word: string): string {
  if (isUrduWord(word)) return transliterateUrdu(word);
  const { items, script } = parse(word);
  if (!script) return word;
  applySoundRules(items, script);
  return render(items, script);
}

function parse(word: string): { items: Item[]; script: IndicScript | undefined } {
  const items: Item[] = [];
  let wordScript: IndicScript | undefined;
  let geminateNext = false;
  for (const ch of word) {
    const pos = indicPosition(ch.codePointAt(0) ?? 0);
    if (!pos) {
      const last = items.at(-1);
      if (last?.kind === 'T') last.text += ch;
      else items.push({ kind: 'T', text: ch });
      continue;
    }
    const { script, offset } = pos;
    wordScript ??= script;
    const last = items.at(-1);
    const consonant = CONSONANT_EXCEPTIONS[script]?.[offset] ?? (offset >= 0x15 && offset <= 0x39 ? CONSONANTS[offset] : undefined);
    const dead = DEAD_CONSONANTS[script]?.[offset];
    const sign = VOWEL_SIGN_EXCEPTIONS[script]?.[offset] ?? VOWEL_SIGNS[offset];
    const nasal = NASAL_SIGNS[script][offset];
    if (offset === NUKTA) {
      if (last?.kind === 'C') last.latin = NUKTA_FORMS[script]?.[last.offset] ?? last.latin;
    } else if (offset === VIRAMA) {
      if (last?.kind === 'C') Object.assign(last, { virama: true, vowel: '' });
    } else if (nasal !== undefined) {
      items.push({ kind: 'N', candrabindu: nasal });
    } else if (dead !== undefined) {
      items.push({ kind: 'C', offset, latin: dead, vowel: '', virama: true, geminate: false });
    } else if (consonant !== undefined) {
      items.push({ kind: 'C', offset, latin: consonant, vowel: null, virama: false, geminate: geminateNext });
      geminateNext = false;
    } else if (sign !== undefined) {
      if (sign === '') continue; // a bare length mark
      if (last?.kind === 'C' && last.vowel === null) last.vowel = sign;
      else if (last?.kind === 'V' && last.bearer) Object.assign(last, { latin: sign, bearer: false });
      else items.push({ kind: 'V', latin: sign, bearer: false });
    } else if (script === 'GURMUKHI' && offset === GURMUKHI_ADDAK) {
      geminateNext = true;
    } else if (script === 'GURMUKHI' && GURMUKHI_BEARERS[offset]) {
      items.push({ kind: 'V', latin: GURMUKHI_BEARERS[offset], bearer: true });
    } else if (VOWEL_EXCEPTIONS[script]?.[offset] ?? VOWELS[offset]) {
      items.push({ kind: 'V', latin: VOWEL_EXCEPTIONS[script]?.[offset] ?? VOWELS[offset] ?? '', bearer: false });
    } else if (offset === VISARGA) {
      items.push({ kind: 'H' });
    } else if (offset === OM) {
      items.push({ kind: 'T', text: 'om' });
    } else if (offset >= 0x66 && offset <= 0x6f) {
      items.push({ kind: 'T', text: String(offset - 0x66) });
    }
    // anything else (avagraha, stress marks, dandas) carries no sound
  }
  return { items, script: wordScript };
}

function consonantAt(items: Item[], i: number): Consonant | undefined {
  const item = items[i];
  return item?.kind === 'C' ? item : undefined;
}

/** Whether an item ends in a vowel sound (inherent or written). */
function endsInVowel(item: Item | undefined): boolean {
  return item?.kind === 'V' || (item?.kind === 'C' && item.vowel !== '');
}

function applySoundRules(items: Item[], script: IndicScript): void {
  if (script === 'TAMIL') tamilVoicing(items);
  for (let i = 0; i + 1 < items.length; i++) {
    const first = consonantAt(items, i);
    const second = consonantAt(items, i + 1);
    if (!first?.virama || !second) continue;
    clusterRule(script, first, second);
  }
  if (FINAL_SCHWA_DELETION.has(script)) deleteFinalSchwa(items);
  if (MEDIAL_SCHWA_DELETION.has(script)) deleteMedialSchwas(items);
}

// Tamil has one letter for k/g, t/d, p/b: voiced after a nasal and between vowels (Murugan).
function tamilVoicing(items: Item[]): void {
  items.forEach((item, i) => {
    if (item.kind !== 'C') return;
    const before = items[i - 1];
    const clusterWith = before?.kind === 'C' && before.virama ? before.offset : undefined;
    const betweenVowels = i > 0 && endsInVowel(before) && !item.virama;
    if (item.offset === 0x15) item.latin = clusterWith === 0x19 || betweenVowels ? 'g' : 'k';
    if (item.offset === 0x1f) item.latin = clusterWith === 0x23 || betweenVowels ? 'd' : 't';
    if (item.offset === 0x2a && clusterWith === 0x2e) item.latin = 'b';
    if (item.offset === 0x1a) item.latin = clusterWith === 0x1e ? 'j' : clusterWith !== undefined ? 'ch' : 's';
  });
}

function clusterRule(script: IndicScript, first: Consonant, second: Consonant): void {
  const pair = (a: number, b: number) => first.offset === a && second.offset === b;
  // Bengali and Odia য/ଯ is j only on its own; as the second letter of a cluster it is y (শ্যাম).
  if (second.offset === 0x2f && (script === 'BENGALI' || script === 'ODIA')) second.latin = 'y';
  // ज्ञ: "gy" in the north (Gyan), "jn" in the south (Jnana).
  if (pair(0x1c, 0x1e)) [first.latin, second.latin] = NORTHERN.has(script) ? ['g', 'y'] : ['j', 'n'];
  if (script === 'TAMIL') {
    if (pair(0x1f, 0x1a)) [first.latin, second.latin] = ['k', 'sh']; // ட்ச writes क्ष: லட்சுமி Lakshmi
    if (pair(0x31, 0x31)) [first.latin, second.latin] = ['t', 'r']; // ற்ற: Vetri
    if (pair(0x29, 0x31)) second.latin = 'dr'; // ன்ற: Sundran
  }
  if (script === 'MALAYALAM') {
    if (pair(0x31, 0x31)) [first.latin, second.latin] = ['t', 't'];
    if (pair(0x28, 0x31)) second.latin = 't'; // ന്റ: "nt"
  }
}

// राम → ram, but मित्र, चन्द्र, दिव्य keep it after a cluster ending in r, y, v or not led by
// a nasal or r (आनन्द → anand, सिद्धार्थ → siddharth, कृष्ण → krishna).
function deleteFinalSchwa(items: Item[]): void {
  const i = items.length - 1;
  const last = consonantAt(items, i);
  if (!last || last.vowel !== null || i === 0) return;
  const before = consonantAt(items, i - 1);
  if (before?.virama) {
    let start = i - 1;
    while (consonantAt(items, start - 1)?.virama) start--;
    const lead = consonantAt(items, start);
    const ledByNasalOrR = lead !== undefined && (NASAL_CONSONANTS.has(lead.offset) || lead.latin === 'r');
    if (['r', 'y', 'v', 'w'].includes(last.latin) || !ledByNasalOrR) return;
  }
  last.vowel = '';
}

// Right to left, the inherent vowel between a vowel and a single consonant with its own vowel
// is silent: कमला kamla, रजनी rajni, अमरनाथ amarnath; so it is before a consonant + r/y/v
// cluster, which in names starts a compound's second part (हरप्रीत harpreet, शिवप्रसाद).
function deleteMedialSchwas(items: Item[]): void {
  for (let i = items.length - 2; i >= 1; i--) {
    const here = consonantAt(items, i);
    if (!here || here.vowel !== null || !endsInVowel(items[i - 1])) continue;
    const next = consonantAt(items, i + 1);
    const afterNext = consonantAt(items, i + 2);
    const opensSyllable = next && !next.virama && endsInVowel(next);
    const opensGlide = next?.virama && afterNext && ['r', 'y', 'v'].includes(afterNext.latin) && endsInVowel(afterNext);
    if (opensSyllable || opensGlide) here.vowel = '';
  }
}

function render(items: Item[], script: IndicScript): string {
  let out = '';
  items.forEach((item, i) => {
    switch (item.kind) {
      case 'C':
        out += (item.geminate ? item.latin.charAt(0) : '') + item.latin + (item.vowel ?? 'a');
        break;
      case 'V':
        out += item.latin;
        break;
      case 'N':
        out += nasal(item.candrabindu, consonantAt(items, i + 1), script, i === items.length - 1);
        break;
      case 'H':
        out += i === items.length - 1 || script === 'TAMIL' ? '' : 'h';
        break;
      case 'T':
        out += item.text;
        break;
    }
  });
  return out;
}

// Anusvara takes the place of the following consonant: m before a labial (Shambhu), n before
// others; सिंह is "singh" in the north, సింహ "simha" in the south.
function nasal(candrabindu: boolean, next: Consonant | undefined, script: IndicScript, wordEnd: boolean): string {
  if (!next) return candrabindu || !wordEnd ? '' : NORTHERN.has(script) ? 'n' : 'm';
  if (candrabindu) return 'n';
  if (/^[pbm]/.test(next.latin)) return 'm';
  if (next.latin === 'h') return NORTHERN.has(script) ? 'ng' : 'm';
  return 'n';
}
