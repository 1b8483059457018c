import type { Place } from './record.js';

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km between two points given in degrees. */
export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** How far apart two places are: km when both have coordinates, else what their codes say. */
export type Separation =
  | { kind: 'km'; km: number }
  | { kind: 'sameDistrict' }
  | { kind: 'sameState' }
  | { kind: 'otherState' }
  | { kind: 'unknown' };

export function separation(a: Place | undefined, b: Place | undefined): Separation {
  if (a?.lat !== undefined && a.lon !== undefined && b?.lat !== undefined && b.lon !== undefined) {
    return { kind: 'km', km: haversineKm({ lat: a.lat, lon: a.lon }, { lat: b.lat, lon: b.lon }) };
  }
  if (a?.districtCode && a.districtCode === b?.districtCode) return { kind: 'sameDistrict' };
  if (a?.stateCode && b?.stateCode) return a.stateCode === b.stateCode ? { kind: 'sameState' } : { kind: 'otherState' };
  return { kind: 'unknown' };
}
