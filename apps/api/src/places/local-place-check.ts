import type { GeographyRepository } from '@raksha/db';
import { invalidField } from '../problem/domain-errors.js';

/**
 * The thana and block a place names, if any, must be places of its own district (imported at POST /places/import):
 * a report's place and a helpline call's alike. 400 naming `place.thanaCode` / `place.blockCode` otherwise.
 */
export async function checkLocalPlaces(geography: GeographyRepository, district: { code: string; name: string }, place: { thanaCode?: string | undefined; blockCode?: string | undefined }): Promise<void> {
  const named = [
    ['thanaCode', place.thanaCode, 'POLICE_STATION', 'police station'],
    ['blockCode', place.blockCode, 'BLOCK', 'block'],
  ] as const;
  const codes = named.flatMap(([, code]) => (code ? [code] : []));
  if (codes.length === 0) return;
  const found = new Map((await geography.findLocalPlaces(codes)).map((p) => [p.code, p]));
  for (const [field, code, kind, words] of named) {
    if (!code) continue;
    const p = found.get(code);
    if (!p || p.kind !== kind || p.districtCode !== district.code) throw invalidField(`place.${field}`, `no ${words} of ${district.name} has the code ${code}`);
  }
}
