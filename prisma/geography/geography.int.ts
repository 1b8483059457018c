// Checks the committed geography (prisma/geography/india.json) keeps the shape the seed relies on.
// Needs no database; it lives in the integration project only because that one matches prisma/**.
import { describe, expect, it } from '@jest/globals';
import { INDIA_GEOGRAPHY, type GeoDistrict } from './index.js';

const { states, districts } = INDIA_GEOGRAPHY;

/** ISO 3166-2:IN subdivisions (without "IN-") after the 2023-11-23 amendment. */
const ISO_3166_2_IN = [
  'AN', 'AP', 'AR', 'AS', 'BR', 'CG', 'CH', 'DH', 'DL', 'GA', 'GJ', 'HP', 'HR', 'JH', 'JK', 'KA', 'KL', 'LA',
  'LD', 'MH', 'ML', 'MN', 'MP', 'MZ', 'NL', 'OD', 'PB', 'PY', 'RJ', 'SK', 'TN', 'TR', 'TS', 'UK', 'UP', 'WB',
];

function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function duplicates<T>(values: readonly T[]): T[] {
  const seen = new Set<T>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

describe('India geography seed data', () => {
  it('has the 36 states and UTs, each once, by ISO 3166-2:IN code', () => {
    expect(states).toHaveLength(36);
    expect(duplicates(states.map((s) => s.code))).toEqual([]);
    expect(states.map((s) => s.code).sort()).toEqual([...ISO_3166_2_IN].sort());
    expect(states.filter((s) => s.kind === 'UT').map((s) => s.code).sort()).toEqual(['AN', 'CH', 'DH', 'DL', 'JK', 'LA', 'LD', 'PY']);
    for (const s of states) expect(['STATE', 'UT']).toContain(s.kind);
  });

  it('puts every district in a known state', () => {
    const codes = new Set(states.map((s) => s.code));
    expect(districts.filter((d) => !codes.has(d.stateCode))).toEqual([]);
  });

  it('gives districts unique codes of the form <state>-<SLUG of the name>', () => {
    expect(duplicates(districts.map((d) => d.code))).toEqual([]);
    const malformed = districts.filter((d: GeoDistrict) => !/^[A-Z]{2}-[A-Z0-9]+(-[A-Z0-9]+)*$/.test(d.code) || d.code !== `${d.stateCode}-${slug(d.name)}`);
    expect(malformed).toEqual([]);
  });

  it('keeps the codes the rest of Raksha already uses', () => {
    const byCode = new Map(districts.map((d) => [d.code, d]));
    expect(byCode.get('RJ-JAIPUR')).toMatchObject({ name: 'Jaipur', stateCode: 'RJ' });
    expect(byCode.get('RJ-JODHPUR')).toMatchObject({ name: 'Jodhpur', stateCode: 'RJ' });
    expect(byCode.get('MH-PUNE')).toMatchObject({ name: 'Pune', stateCode: 'MH', lgdCode: 490 });
    expect(byCode.get('UP-GAUTAM-BUDDHA-NAGAR')).toMatchObject({ stateCode: 'UP' });
  });

  it('leaves no state or UT without districts', () => {
    const withDistricts = new Set(districts.map((d) => d.stateCode));
    expect(states.filter((s) => !withDistricts.has(s.code)).map((s) => s.code)).toEqual([]);
  });

  it('has unique LGD codes where it has them', () => {
    const stateLgd = states.flatMap((s) => (s.lgdCode === null ? [] : [s.lgdCode]));
    expect(duplicates(stateLgd)).toEqual([]);
    const districtLgd = districts.flatMap((d) => (d.lgdCode === null ? [] : [d.lgdCode]));
    expect(duplicates(districtLgd)).toEqual([]);
    for (const c of [...stateLgd, ...districtLgd]) expect(Number.isInteger(c) && c > 0).toBe(true);
  });

  it('covers the country at a plausible scale and names its source', () => {
    expect(districts.length).toBeGreaterThan(700);
    expect(districts.filter((d) => d.lgdCode !== null).length).toBeGreaterThan(600);
    expect(INDIA_GEOGRAPHY.source).toMatchObject({ package: expect.any(String), version: expect.any(String), registry: 'PyPI' });
  });
});
