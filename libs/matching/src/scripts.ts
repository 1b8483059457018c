// Which writing system a character belongs to. The nine Brahmic scripts of India share the
// ISCII-derived layout: one 128-code-point block each, in this order from U+0900.

export const INDIC_SCRIPTS = [
  'DEVANAGARI',
  'BENGALI',
  'GURMUKHI',
  'GUJARATI',
  'ODIA',
  'TAMIL',
  'TELUGU',
  'KANNADA',
  'MALAYALAM',
] as const;
export type IndicScript = (typeof INDIC_SCRIPTS)[number];
/** URDU: the Perso-Arabic script, as Urdu (and Kashmiri) write it. */
export type Script = IndicScript | 'URDU' | 'LATIN' | 'OTHER';

const FIRST_BLOCK = 0x0900;
const BLOCK_SIZE = 0x80;

/** Start of a script's block: the code point of offset 0. */
export function blockStart(script: IndicScript): number {
  return FIRST_BLOCK + INDIC_SCRIPTS.indexOf(script) * BLOCK_SIZE;
}

/** The Indic script of a code point and its offset in the block, or undefined outside U+0900–U+0D7F. */
export function indicPosition(codePoint: number): { script: IndicScript; offset: number } | undefined {
  const index = Math.floor((codePoint - FIRST_BLOCK) / BLOCK_SIZE);
  const script = INDIC_SCRIPTS[index];
  if (codePoint < FIRST_BLOCK || script === undefined) return undefined;
  return { script, offset: codePoint - FIRST_BLOCK - index * BLOCK_SIZE };
}

/** The script most of the letters of a text are written in ('LATIN' for an empty text). */
export function detectScript(text: string): Script {
  const counts = new Map<Script, number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const indic = indicPosition(cp);
    const script: Script | undefined = indic ? indic.script : /\p{Script=Latin}/u.test(ch) ? 'LATIN' : /\p{Script=Arabic}/u.test(ch) && /\p{L}/u.test(ch) ? 'URDU' : /\p{L}/u.test(ch) ? 'OTHER' : undefined;
    if (script) counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  let best: Script = 'LATIN';
  let bestCount = 0;
  for (const [script, count] of counts) {
    if (count > bestCount) [best, bestCount] = [script, count];
  }
  return best;
}
