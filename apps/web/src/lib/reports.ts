// Missing and found children's reports: the form's values turned into the API's child description,
// a photo checked against the contract's size limit, and a match's explanation read as for / against.
import { type ChildDescriptionBody, type FieldExplanation, PHOTO_CONTENT_TYPES, PHOTO_MAX_BYTES } from '@raksha/contracts';
import { formatList, localeOf, translate, translateOr, type Lang } from './i18n.js';

export type ChildFormValues = Partial<
  Record<
    'name' | 'aliases' | 'father' | 'mother' | 'gender' | 'ageMin' | 'ageMax' | 'dateOfBirth' | 'heightMin' | 'heightMax' | 'complexion' | 'marks' | 'languages' | 'clothing',
    string
  >
>;

const list = (v: string | undefined) =>
  (v ?? '')
    .split(/[,;،]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** A range from one or two numbers: one given means exactly that; none means left out. */
function rangeOf(a: string | undefined, b: string | undefined): { min: number; max: number } | undefined {
  const lo = a?.trim() ? Number(a) : undefined;
  const hi = b?.trim() ? Number(b) : undefined;
  if (lo === undefined && hi === undefined) return undefined;
  const min = lo ?? hi!;
  const max = hi ?? lo!;
  return { min: Math.min(min, max), max: Math.max(min, max) };
}

/** The child description the API takes, empty fields left out. */
export function childOf(v: ChildFormValues): ChildDescriptionBody {
  const guardians = [
    ...(v.father?.trim() ? [{ relation: 'FATHER' as const, name: v.father.trim() }] : []),
    ...(v.mother?.trim() ? [{ relation: 'MOTHER' as const, name: v.mother.trim() }] : []),
  ];
  const aliases = list(v.aliases);
  const languages = list(v.languages);
  const ageYears = rangeOf(v.ageMin, v.ageMax);
  const heightCm = rangeOf(v.heightMin, v.heightMax);
  return {
    ...(v.name?.trim() && { name: v.name.trim() }),
    ...(aliases.length > 0 && { aliases }),
    ...(guardians.length > 0 && { guardians }),
    gender: (v.gender || 'UNKNOWN') as ChildDescriptionBody['gender'],
    ...(ageYears && { ageYears }),
    ...(v.dateOfBirth?.trim() && { dateOfBirth: v.dateOfBirth.trim() }),
    ...(heightCm && { heightCm }),
    ...(v.complexion && { complexion: v.complexion as ChildDescriptionBody['complexion'] }),
    ...(v.marks?.trim() && { identifyingMarks: v.marks.trim() }),
    ...(languages.length > 0 && { languages }),
    ...(v.clothing?.trim() && { clothing: v.clothing.trim() }),
  };
}

/** `2026-11-25T10:30` from a datetime-local input, read as India time, as the API's ISO time. */
export function istDateTime(local: string): string {
  return `${local.length === 16 ? `${local}:00` : local}+05:30`;
}

/** Now in India as a datetime-local value. */
export function nowInIndia(now = new Date()): string {
  return new Date(now.getTime() + 330 * 60_000).toISOString().slice(0, 16);
}

export type PhotoCheck = { ok: true } | { ok: false; reason: 'type' | 'size' };

export function checkPhoto(file: { size: number; type: string }): PhotoCheck {
  if (!(PHOTO_CONTENT_TYPES as readonly string[]).includes(file.type)) return { ok: false, reason: 'type' };
  if (file.size > PHOTO_MAX_BYTES) return { ok: false, reason: 'size' };
  return { ok: true };
}

/** The base64 part of a `data:` URL. */
export const base64OfDataUrl = (dataUrl: string) => dataUrl.slice(dataUrl.indexOf(',') + 1);

/** 0.9234 → 92 (whole percent; never 100 unless certain, never 0 unless nothing). */
export function percent(p: number): number {
  const r = Math.round(p * 100);
  if (r >= 100 && p < 1) return 99;
  if (r <= 0 && p > 0) return 1;
  return r;
}

export type Bearing = 'for' | 'against' | 'neutral';
export const bearingOf = (f: Pick<FieldExplanation, 'weight'>): Bearing => (f.weight > 0 ? 'for' : f.weight < 0 ? 'against' : 'neutral');

/** The fields that weigh most first, either way. */
export const byWeight = (fields: FieldExplanation[]) => [...fields].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));

/** The candidate an e-alert links (`<web app>/match-candidates/<id>`), if any. */
export function candidateIdIn(text: string): string | undefined {
  return /match-candidates\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i.exec(text)?.[1];
}

/** A six-digit code in an inbox message. */
export const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)?.[1];

/** A match reason's values for its message: language codes (`hi,bho`) and features of marks and clothing
 * (`mole@cheek@left,red+shirt`) said in the reader's language, the rest as given. */
export function reasonValues(lang: Lang, params: Record<string, string | number> = {}): Record<string, string | number> {
  const names = new Intl.DisplayNames(localeOf(lang), { type: 'language', fallback: 'code' });
  const language = (code: string) => {
    try {
      return names.of(code) ?? code;
    } catch {
      return code; // a language the form gave in words the engine does not know: as written
    }
  };
  const list = (v: string, say: (item: string) => string) => formatList(lang, v.split(',').filter(Boolean).map(say));
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => {
      if (typeof v !== 'string') return [k, v];
      if (/languages$/i.test(k)) return [k, list(v, language)];
      if (k === 'features') return [k, list(v, (f) => featureWords(lang, f))];
      return [k, v];
    }),
  );
}

/** One feature of a description in words: `mole@cheek@left` → "mole on the left cheek", `red+shirt` → "red shirt". */
export function featureWords(lang: Lang, feature: string): string {
  const word = (w: string) => translateOr(lang, `feature.${w}`, w);
  if (feature.includes('+')) {
    const [colour = '', garment = ''] = feature.split('+');
    return translate(lang, 'feature.colourGarment', { colour: word(colour), garment: word(garment) });
  }
  const [mark = feature, part, side] = feature.replace(/^(part|garment):/, '').split('@');
  if (!part) return word(mark);
  return side
    ? translate(lang, 'feature.markOnSide', { mark: word(mark), part: word(part), side: word(side) })
    : translate(lang, 'feature.markOn', { mark: word(mark), part: word(part) });
}
