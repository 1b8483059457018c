// Languages as ISO 639 codes, whether a form gave "Bangla", "Bengali" or "bn".
import { normaliseText } from './normalise.js';

const LANGUAGE_NAMES: Readonly<Record<string, readonly string[]>> = {
  hi: ['hindi', 'hindustani'],
  bn: ['bengali', 'bangla'],
  pa: ['punjabi', 'panjabi', 'gurmukhi'],
  gu: ['gujarati', 'gujrati'],
  or: ['odia', 'oriya', 'od'],
  ta: ['tamil'],
  te: ['telugu'],
  kn: ['kannada'],
  ml: ['malayalam'],
  mr: ['marathi'],
  ur: ['urdu'],
  en: ['english'],
  as: ['assamese', 'asamiya'],
  ne: ['nepali', 'gorkhali'],
  bho: ['bhojpuri'],
  mai: ['maithili'],
  mag: ['magahi', 'magadhi'],
  raj: ['rajasthani', 'marwari', 'mewari'],
  sat: ['santali', 'santhali'],
  kok: ['konkani'],
  sd: ['sindhi'],
  ks: ['kashmiri'],
  tcy: ['tulu'],
  doi: ['dogri'],
  mni: ['manipuri', 'meitei'],
  hne: ['chhattisgarhi'],
  bgc: ['haryanvi'],
  awa: ['awadhi'],
};

const CODE_BY_NAME = new Map<string, string>(
  Object.entries(LANGUAGE_NAMES).flatMap(([code, names]) => [code, ...names].map((n) => [n, code] as const)),
);

/** Languages understood across much of India: sharing only these says less. */
export const LINGUA_FRANCAS: ReadonlySet<string> = new Set(['hi', 'en', 'ur']);

/** ISO 639 code of a language name or code; unknown names come back normalised. */
export function languageCode(language: string): string {
  const text = normaliseText(language);
  return CODE_BY_NAME.get(text) ?? text;
}
