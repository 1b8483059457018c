import { describe, expect, it } from '@jest/globals';
import { ageOn, birthInterval, haversineKm, separation } from '../src/index.js';
import { found, JAIPUR, MUMBAI, NEW_DELHI, missing } from './support.js';

describe('birthInterval and ageOn', () => {
  it('makes a child missing at 9 two years ago two years older now', () => {
    const born = birthInterval(missing({ lastSeenAt: '2022-03-01', ageYears: { min: 9, max: 9 } }));
    expect(born && ageOn(born, '2022-03-01')).toEqual({ min: 9, max: 9 });
    expect(born && ageOn(born, '2022-09-01')).toEqual({ min: 9, max: 10 });
    expect(born && ageOn(born, '2024-09-01')).toEqual({ min: 11, max: 12 });
  });

  it('prefers the date of birth to an age', () => {
    const born = birthInterval(found({ dateOfBirth: '2015-06-01', ageYears: { min: 3, max: 4 } }));
    expect(born && ageOn(born, '2024-06-01')).toEqual({ min: 9, max: 9 });
  });

  it('knows no birth interval without an age or date of birth', () => {
    expect(birthInterval(missing())).toBeUndefined();
  });
});

describe('haversineKm and separation', () => {
  it('measures great-circle distance (New Delhi to Mumbai, about 1,150 km)', () => {
    expect(haversineKm(NEW_DELHI, MUMBAI)).toBeGreaterThan(1130);
    expect(haversineKm(NEW_DELHI, MUMBAI)).toBeLessThan(1170);
  });

  it('uses coordinates when both places have them, else the district and state codes', () => {
    expect(separation(JAIPUR, NEW_DELHI)).toMatchObject({ kind: 'km' });
    expect(separation({ districtCode: 'RJ-JAIPUR', stateCode: 'RJ' }, JAIPUR)).toEqual({ kind: 'sameDistrict' });
    expect(separation({ stateCode: 'RJ' }, { stateCode: 'RJ' })).toEqual({ kind: 'sameState' });
    expect(separation({ stateCode: 'RJ' }, { stateCode: 'MH' })).toEqual({ kind: 'otherState' });
    expect(separation(undefined, JAIPUR)).toEqual({ kind: 'unknown' });
  });
});
