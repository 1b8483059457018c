import type { FoundReport, MissingReport } from '../src/index.js';

export function missing(fields: Partial<MissingReport> = {}): MissingReport {
  return { kind: 'MISSING', id: 'M-1', lastSeenAt: '2024-03-01', ...fields };
}

export function found(fields: Partial<FoundReport> = {}): FoundReport {
  return { kind: 'FOUND', id: 'F-1', foundAt: '2024-03-04', ...fields };
}

export const JAIPUR = { stateCode: 'RJ', districtCode: 'RJ-JAIPUR', lat: 26.91, lon: 75.79 };
export const JODHPUR = { stateCode: 'RJ', districtCode: 'RJ-JODHPUR', lat: 26.24, lon: 73.02 };
export const NEW_DELHI = { stateCode: 'DL', districtCode: 'DL-NEW-DELHI', lat: 28.61, lon: 77.21 };
export const MUMBAI = { stateCode: 'MH', districtCode: 'MH-MUMBAI', lat: 19.08, lon: 72.88 };
