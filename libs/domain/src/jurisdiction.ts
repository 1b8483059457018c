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

/** Whether a body with this jurisdiction may know of a case (or escalation) at this place. */
export function covers(j: Jurisdiction, place: Place): boolean {
  switch (j.level) {
    case 'NATIONAL':
      return true;
    case 'STATE':
      return j.stateCode === place.stateCode;
    case 'DISTRICT':
    case 'THANA': // a police station works its district's cases (a case does not record its thana yet)
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
