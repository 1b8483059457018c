// Which GIN terms find a subject's candidates: when a pair of keys is searched.
import { describe, expect, it } from '@jest/globals';
import { candidateTerms, COMMON_KEY_REPORTS, type CandidateSearch } from '../src/repositories/report.repository.js';

const found: CandidateSearch = {
  kind: 'MISSING',
  gender: 'FEMALE',
  birthYearMin: 2013,
  birthYearMax: 2013,
  occurredAt: new Date('2024-03-10T00:00:00Z'),
  nameKeys: ['puja', 'yadab'],
  nameSkeletons: [],
  guardianKeys: ['rames', 'yadab'],
  districtCode: 'BR-PATNA',
  searchByAttributes: false,
};
const common = COMMON_KEY_REPORTS + 1;

describe(candidateTerms.name, () => {
  it('searches two common keys together when the pair is rare, and not when most reports share it (a surname repeated in the father’s name)', () => {
    const counts = new Map([['n:puja', common], ['n:yadab', common], ['g:rames', common], ['g:yadab', common], ['nn:puja+yadab', 40], ['ng:puja+rames', 60], ['ng:yadab+yadab', 10_000]]);
    const terms = candidateTerms(found, counts);
    expect(terms).toEqual(expect.arrayContaining(['nn:puja+yadab', 'ng:puja+rames']));
    expect(terms).not.toContain('ng:yadab+yadab');
  });

  it('does not search a pair with a rare key: the key alone finds every report of the pair', () => {
    const counts = new Map([['n:puja', common], ['n:yadab', 3], ['nn:puja+yadab', 2]]);
    const terms = candidateTerms(found, counts);
    expect(terms).toContain('n:yadab');
    expect(terms).not.toContain('nn:puja+yadab');
  });
});
