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
