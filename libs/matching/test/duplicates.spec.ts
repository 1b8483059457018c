import { describe, expect, it } from '@jest/globals';
import { DUPLICATE_THRESHOLD, likelyDuplicates, scoreDuplicate } from '../src/duplicates.js';

const jaipur = { stateCode: 'RJ', districtCode: 'RJ-JAIPUR' };
const sunita = { id: 'a', name: 'Sunita Meena', gender: 'FEMALE' as const, ageYears: { min: 11, max: 11 }, guardians: [{ relation: 'FATHER' as const, name: 'Ramesh Meena' }], place: jaipur, date: '2026-10-01' };

describe('likely duplicates of a record (libs/matching scoring)', () => {
  it('finds the same girl filed again in Devanagari, a day later, a year off in age', () => {
    const again = { id: 'b', name: 'सुनीता मीणा', gender: 'FEMALE' as const, ageYears: { min: 12, max: 12 }, guardians: [{ relation: 'FATHER' as const, name: 'रमेश मीणा' }], place: jaipur, date: '2026-10-02' };
    expect(scoreDuplicate(again, sunita)!.probability).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    expect(likelyDuplicates(again, [sunita]).map((d) => d.record.id)).toEqual(['a']);
  });

  it('does not take another child of the same name but another gender or age for her', () => {
    expect(scoreDuplicate({ ...sunita, id: 'c', gender: 'MALE' }, sunita)).toBeNull();
    expect(scoreDuplicate({ ...sunita, id: 'd', ageYears: { min: 3, max: 3 } }, sunita)).toBeNull();
    expect(likelyDuplicates({ id: 'e', name: 'Kavita Sharma', gender: 'FEMALE', ageYears: { min: 11, max: 11 }, place: jaipur, date: '2026-10-02' }, [sunita])).toEqual([]);
  });

  it('answers the two ids in the order they were asked about, whichever is earlier', () => {
    const later = { ...sunita, id: 'later', date: '2026-11-01' };
    const r = scoreDuplicate(later, sunita)!;
    expect([r.missingId, r.foundId]).toEqual(['later', 'a']);
  });
});
