// Whether two helpline calls are about the same child: the same district, no station or distance apart, nothing
// known that tells the children apart (gender, age), and the callers' words alike. A repeat call joins the
// intervention already under way instead of sending a second team.
import { clothingFeatures, markFeatures } from './descriptions.js';
import { haversineKm } from './geo.js';
import { words } from './normalise.js';

export interface CalledAbout {
  districtCode: string;
  thanaCode?: string | null;
  lat?: number | null;
  lon?: number | null;
  gender?: string | null;
  ageYears?: number | null;
  description: string;
}

/** Words that say nothing about which child: the helpline's own vocabulary. */
const CALL_STOPWORDS = new Set(['the', 'and', 'with', 'near', 'child', 'children', 'kid', 'year', 'years', 'old', 'about', 'aged', 'age', 'wearing', 'has', 'have', 'was', 'who', 'there', 'here', 'from', 'alone', 'sitting', 'standing', 'seen', 'found', 'caller', 'says']);

/** The features a caller's description gives: marks, clothing, and its other content words. */
export function callFeatures(description: string): Set<string> {
  const content = words(description).filter((w) => w.length >= 3 && !CALL_STOPWORDS.has(w));
  return new Set([...markFeatures(description), ...clothingFeatures(description), ...content]);
}

/** How alike two callers' descriptions are, 0–1 (Jaccard over their features). */
export function describedAlike(a: string, b: string): number {
  const fa = callFeatures(a);
  const fb = callFeatures(b);
  if (fa.size === 0 || fb.size === 0) return 0;
  let shared = 0;
  for (const f of fa) if (fb.has(f)) shared += 1;
  return shared / (fa.size + fb.size - shared);
}

/** Descriptions at least this alike are of the same child (with nothing else telling them apart). */
export const SAME_CHILD_DESCRIPTION = 0.3;
/** Two places further apart than this are two children (coordinates from a caller's phone are coarse). */
export const SAME_PLACE_KM = 2;
/** Callers' guesses of a child's age differ; more than this apart, two children. */
const AGE_TOLERANCE_YEARS = 3;

export function sameChildCalledAbout(a: CalledAbout, b: CalledAbout): boolean {
  if (a.districtCode !== b.districtCode) return false;
  if (a.thanaCode && b.thanaCode && a.thanaCode !== b.thanaCode) return false;
  if (a.lat != null && a.lon != null && b.lat != null && b.lon != null && haversineKm({ lat: a.lat, lon: a.lon }, { lat: b.lat, lon: b.lon }) > SAME_PLACE_KM) return false;
  const known = (g: string | null | undefined) => g && g !== 'UNKNOWN';
  if (known(a.gender) && known(b.gender) && a.gender !== b.gender) return false;
  if (a.ageYears != null && b.ageYears != null && Math.abs(a.ageYears - b.ageYears) > AGE_TOLERANCE_YEARS) return false;
  return describedAlike(a.description, b.description) >= SAME_CHILD_DESCRIPTION;
}
