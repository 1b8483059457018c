import { describe, expect, it } from '@jest/globals';
import { describedAlike, sameChildCalledAbout } from '../src/calls.js';

const first = { districtCode: 'RJ-JAIPUR', lat: 26.9239, lon: 75.8012, gender: 'FEMALE', ageYears: 8, description: 'Girl about 8 years, red frock, crying alone near the bus stand at Sindhi Camp' };

describe(sameChildCalledAbout.name, () => {
  it('takes a second caller’s words about the same girl at the same bus stand as the same child', () => {
    expect(sameChildCalledAbout(first, { districtCode: 'RJ-JAIPUR', lat: 26.925, lon: 75.8025, description: 'small girl in red frock crying at Sindhi Camp bus stand' })).toBe(true);
  });

  it('tells children apart by gender, age, station, distance or district, whatever the words', () => {
    const same = { ...first };
    expect(sameChildCalledAbout(first, { ...same, gender: 'MALE' })).toBe(false);
    expect(sameChildCalledAbout(first, { ...same, ageYears: 14 })).toBe(false);
    expect(sameChildCalledAbout({ ...first, thanaCode: 'RJ-JAIPUR-PS-1' }, { ...same, thanaCode: 'RJ-JAIPUR-PS-2' })).toBe(false);
    expect(sameChildCalledAbout(first, { ...same, lat: 26.95, lon: 75.85 })).toBe(false); // about 6 km away
    expect(sameChildCalledAbout(first, { ...same, districtCode: 'RJ-JODHPUR' })).toBe(false);
  });

  it('does not join a call about another child at the same place', () => {
    expect(sameChildCalledAbout(first, { ...first, gender: 'UNKNOWN', ageYears: null, description: 'Boy of 12 begging at the railway station, blue shirt, limps' })).toBe(false);
    expect(describedAlike(first.description, 'Boy of 12 begging at the railway station, blue shirt, limps')).toBeLessThan(0.1);
  });
});
