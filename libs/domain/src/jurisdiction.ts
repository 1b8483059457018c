import type { JurisdictionLevel } from './bodies.js';

export interface Jurisdiction {
  level: JurisdictionLevel;
  stateCode: string | null;
  districtCode: string | null;
  thanaCode: string | null;
}

export interface Place {
  stateCode: string;
  districtCode: string;
}

/** A child's case or report where it is: its district and, when recorded, its police station's area (thana). */
export interface WorkPlace extends Place {
  thanaCode: string | null;
}

/**
 * Whether a body with this jurisdiction may know of what lies at this place: the district's bodies, institutions
 * and escalations. A police station knows its district's (where to produce a child, which home has room).
 */
export function covers(j: Jurisdiction, place: Place): boolean {
  switch (j.level) {
    case 'NATIONAL':
      return true;
    case 'STATE':
      return j.stateCode === place.stateCode;
    case 'DISTRICT':
    case 'THANA':
      return j.districtCode === place.districtCode;
  }
}

/** The place filter a listing of cases or escalations applies for a body (covers, as a query): none nationally, its state, or its district. */
export function placeFilter(j: Pick<Jurisdiction, 'level' | 'stateCode' | 'districtCode'>): { stateCode?: string; districtCode?: string } {
  switch (j.level) {
    case 'NATIONAL':
      return {};
    case 'STATE':
      return { stateCode: j.stateCode ?? '' };
    default:
      return { districtCode: j.districtCode ?? '' };
  }
}

/**
 * The place filter a listing of children's cases or reports applies for a body (works, as a query): placeFilter,
 * narrowed to a police station's thana; a station with no thana on record (created before places were linked) works
 * no child's record.
 */
export function workFilter(j: Pick<Jurisdiction, 'level' | 'stateCode' | 'districtCode' | 'thanaCode'>): { stateCode?: string; districtCode?: string; thanaCode?: string } | 'nothing' {
  const scope = placeFilter(j);
  if (j.level !== 'THANA') return scope;
  return j.thanaCode ? { ...scope, thanaCode: j.thanaCode } : 'nothing';
}

/**
 * Whether a body works a child's case or report at this place. A police station works those of its own thana
 * only (s.107(1): each station's child welfare police officer deals with the children of its area); the
 * district's SJPU and every other body, those their jurisdiction covers.
 */
export function works(j: Jurisdiction, place: WorkPlace): boolean {
  if (j.level === 'THANA') return j.thanaCode !== null && j.districtCode === place.districtCode && place.thanaCode === j.thanaCode;
  return covers(j, place);
}
