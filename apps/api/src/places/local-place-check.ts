import type { GeographyRepository } from '@raksha/db';
import { invalidField } from '../problem/domain-errors.js';

/** The places below the district a case or report names, by their full codes (GET /places/districts/:code/local). */
export interface NamedLocalPlaces {
  thanaCode?: string | undefined;
  blockCode?: string | undefined;
  villageCode?: string | undefined;
}

const NAMED = [
  ['thanaCode', 'POLICE_STATION', 'police station'],
  ['blockCode', 'BLOCK', 'block'],
  ['villageCode', 'VILLAGE', 'village'],
] as const;

/**
 * Refuses (400 naming `<prefix><field>`) a thana, block or village that is not a place of that kind in the
 * district, or a village outside the block named with it. One check for cases and reports alike.
 */
export async function checkLocalPlaces(geography: GeographyRepository, district: { code: string; name: string }, place: NamedLocalPlaces, prefix = ''): Promise<void> {
  const codes = NAMED.flatMap(([field]) => (place[field] ? [place[field]] : []));
  if (codes.length === 0) return;
  const found = new Map((await geography.findLocalPlaces(codes)).map((p) => [p.code, p]));
  for (const [field, kind, words] of NAMED) {
    const code = place[field];
    if (!code) continue;
    const p = found.get(code);
    if (!p || p.kind !== kind || p.districtCode !== district.code) throw invalidField(`${prefix}${field}`, `no ${words} of ${district.name} has the code ${code}`);
  }
  const village = place.villageCode ? found.get(place.villageCode) : undefined;
  if (village && place.blockCode && village.blockCode !== place.blockCode) {
    throw invalidField(`${prefix}villageCode`, `${village.name} is not a village of the block ${found.get(place.blockCode)?.name ?? place.blockCode}`);
  }
}
