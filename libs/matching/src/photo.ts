// The photograph as a field: two reports' face descriptors (libs/faces, stored apart as biometric data and attached
// to the records by the matcher alone) compared by Euclidean distance, in levels with their own m and u (weights.ts).
import type { FieldComparison } from './fields.js';

/** A report photo's face descriptor, as the matcher attaches it to the record it compares. */
export interface FaceDescriptorRecord {
  /** the recognition network's embedding (128 numbers) */
  descriptor: readonly number[];
  /** the models that computed it: descriptors of different models are not compared */
  model: string;
}

export function faceDistance(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - (b[i] ?? 0);
    sum += d * d;
  }
  return Math.sqrt(sum);
}

/**
 * Upper bounds of the distance for each agreeing level (face-api's recognition network: 0.6 is its authors' usual
 * line between one person and two). Measured on the package's sample faces by `npm run eval:faces` (docs/faces.md).
 */
export const PHOTO_DISTANCE = { alike: 0.4, similar: 0.5, unsure: 0.6 } as const;

/** Photos at least this many years apart: a growing child's face changes, so the level says less either way. */
export const PHOTO_YEARS_APART = 2;

export type PhotoLevel = 'alike' | 'similar' | 'unsure' | 'unlike';

export function photoLevelOf(distance: number): PhotoLevel {
  if (distance < PHOTO_DISTANCE.alike) return 'alike';
  if (distance < PHOTO_DISTANCE.similar) return 'similar';
  if (distance < PHOTO_DISTANCE.unsure) return 'unsure';
  return 'unlike';
}

// Years apart, a level moves one step towards "unsure": alike counts as similar, unlike as unsure.
const AGED: Record<PhotoLevel, PhotoLevel> = { alike: 'similar', similar: 'unsure', unsure: 'unsure', unlike: 'unsure' };

const WORDS: Record<PhotoLevel, string> = {
  alike: 'faces look alike: strong evidence',
  similar: 'faces look similar: some evidence',
  unsure: 'faces neither alike nor clearly different',
  unlike: 'faces look different: evidence against',
};

/** The photo field of a pair: null level when either report has no face descriptor (no photo, or no face found in it). */
export function comparePhotos(missing: FaceDescriptorRecord | undefined, found: FaceDescriptorRecord | undefined, days: number, why: (reason: () => string) => string): FieldComparison<'photo'> {
  if (!missing || !found) return { field: 'photo', level: null, score: null, reason: 'no face photo on both reports', detail: { key: 'match.reason.photo.none' } };
  if (missing.model !== found.model) return { field: 'photo', level: null, score: null, reason: 'photos described by different face models: not compared', detail: { key: 'match.reason.photo.otherModel' } };
  const distance = faceDistance(missing.descriptor, found.descriptor);
  const years = days / 365.25;
  const aged = years >= PHOTO_YEARS_APART;
  const level = aged ? AGED[photoLevelOf(distance)] : photoLevelOf(distance);
  // score: how alike, 1 for the same descriptor, 0 at the line between one person and two
  const score = Math.round(Math.max(0, 1 - distance / PHOTO_DISTANCE.unsure) * 100) / 100;
  return {
    field: 'photo',
    level,
    score,
    reason: why(() => `${WORDS[photoLevelOf(distance)]}${aged ? `; but the photos are about ${Math.round(years)} years apart and a growing child's face changes, so it counts as ${WORDS[level].split(':')[0]}` : ''}`),
    // the level as seen; years apart, the level it counts as is the row's own level
    detail: aged ? { key: 'match.reason.photo.aged', params: { seen: photoLevelOf(distance), years: Math.round(years) } } : { key: `match.reason.photo.${level}` },
  };
}
