import { describe, expect, it } from '@jest/globals';
import { blockingKeys, candidateRejection, gendersCompatible, isCandidatePair, searchName } from '../src/index.js';
import { found, missing } from './support.js';

describe('isCandidatePair', () => {
  it('lets UNKNOWN gender match any gender', () => {
    expect(isCandidatePair(missing({ gender: 'FEMALE' }), found({ gender: 'UNKNOWN' }))).toBe(true);
    expect(isCandidatePair(missing({ gender: 'UNKNOWN' }), found({ gender: 'MALE' }))).toBe(true);
    expect(isCandidatePair(missing(), found({ gender: 'MALE' }))).toBe(true);
  });

  it('keeps a transgender child a candidate for a report under either recorded sex', () => {
    expect(gendersCompatible('MALE', 'TRANSGENDER')).toBe(true);
    expect(gendersCompatible('TRANSGENDER', 'FEMALE')).toBe(true);
  });

  it('rejects a girl reported missing against a boy found', () => {
    expect(candidateRejection(missing({ gender: 'FEMALE' }), found({ gender: 'MALE' }))).toBe('genders differ');
  });

  it('ages the missing child by the time between last seen and found', () => {
    const lostAtNine = missing({ lastSeenAt: '2022-03-01', ageYears: { min: 9, max: 9 } });
    const agedThirteen = { ageYears: { min: 13, max: 13 } };
    expect(candidateRejection(lostAtNine, found({ foundAt: '2022-03-04', ...agedThirteen }))).toBe('ages too far apart');
    expect(isCandidatePair(lostAtNine, found({ foundAt: '2026-03-04', ...agedThirteen }))).toBe(true);
    expect(candidateRejection(lostAtNine, found({ foundAt: '2026-03-04', ageYears: { min: 9, max: 9 } }))).toBe('ages too far apart');
  });

  it('allows a found child’s estimated age to miss by the tolerance, and no more', () => {
    const lostAtTen = missing({ ageYears: { min: 10, max: 10 } });
    const foundAged = (years: number) => found({ ageYears: { min: years, max: years } });
    expect(isCandidatePair(lostAtTen, foundAged(13))).toBe(true);
    expect(isCandidatePair(lostAtTen, foundAged(14))).toBe(false);
    expect(isCandidatePair(lostAtTen, foundAged(14), { ageToleranceYears: 3 })).toBe(true);
  });

  it('uses the date of birth when the report gives one', () => {
    const born2014 = missing({ dateOfBirth: '2014-06-15' });
    expect(isCandidatePair(born2014, found({ foundAt: '2024-03-04', ageYears: { min: 9, max: 9 } }))).toBe(true);
    expect(isCandidatePair(born2014, found({ foundAt: '2024-03-04', ageYears: { min: 14, max: 16 } }))).toBe(false);
  });

  it('rejects a child found before it was last seen', () => {
    expect(candidateRejection(missing({ lastSeenAt: '2024-03-10' }), found({ foundAt: '2024-03-09' }))).toBe('found before last seen');
    expect(isCandidatePair(missing({ lastSeenAt: '2024-03-10' }), found({ foundAt: '2024-03-10T23:00:00+05:30' }))).toBe(true);
  });
});

describe('blockingKeys', () => {
  it('gives a name the same keys in Latin and in Devanagari', () => {
    const latin = blockingKeys(missing({ name: 'Laxmi Devi' }));
    const devanagari = blockingKeys(found({ name: 'लक्ष्मी' }));
    expect(latin.nameKeys).toEqual(['laksmi']);
    expect(devanagari.nameKeys).toEqual(latin.nameKeys);
  });

  it('gives Gurmukhi and Tamil spellings the same consonant skeleton as the Latin', () => {
    const latin = blockingKeys(missing({ name: 'Lakshmi' })).nameSkeletons;
    expect(blockingKeys(found({ name: 'ਲਕਸ਼ਮੀ' })).nameSkeletons).toEqual(latin);
    expect(blockingKeys(found({ name: 'லட்சுமி' })).nameSkeletons).toEqual(latin);
  });

  it('keys the name, aliases and guardians, leaving out filler words', () => {
    const keys = blockingKeys(missing({ name: 'Ravi Kumar Yadav', aliases: ['Munna'], guardians: [{ relation: 'FATHER', name: 'Shri Suresh Yadav' }] }));
    expect(keys.nameKeys).toEqual(['rabi', 'yadab', 'muna']);
    expect(keys.guardianKeys).toEqual(['sures', 'yadab']);
    expect(keys.searchNames).toEqual(['rabi yadab', 'muna']);
  });

  it('stores the birth years an age allows, which do not change as time passes', () => {
    expect(blockingKeys(missing({ lastSeenAt: '2024-03-01', ageYears: { min: 9, max: 9 } }))).toMatchObject({ birthYearMin: 2014, birthYearMax: 2015 });
    expect(blockingKeys(missing({ dateOfBirth: '2014-06-15' }))).toMatchObject({ birthYearMin: 2014, birthYearMax: 2014 });
    expect(blockingKeys(missing())).toMatchObject({ birthYearMin: null, birthYearMax: null, gender: 'UNKNOWN' });
  });

  it('asks for a search by the other fields when the only name is unknown or a generic pet name', () => {
    expect(blockingKeys(found({ name: 'Munna' })).searchByAttributes).toBe(true);
    expect(blockingKeys(found({ name: 'Unknown' })).searchByAttributes).toBe(true);
    expect(blockingKeys(found()).searchByAttributes).toBe(true);
    expect(blockingKeys(found({ name: 'Munna', aliases: ['Ravi'] })).searchByAttributes).toBe(false);
  });
});

describe('searchName', () => {
  it('writes a name as its words’ phonetic keys, whatever its script', () => {
    expect(searchName('Smt. Lakshmi Kumari')).toBe('laksmi');
    expect(searchName('সৌরভ গাঙ্গুলী')).toBe(searchName('Sourav Ganguli'));
  });
});
