// Which GIN terms find a report's earlier reports of the same child: a rare key anywhere, a common one in the district.
import { describe, expect, it } from '@jest/globals';
import { duplicateTerms, type ReportDuplicateSearch } from '../src/repositories/duplicate.repository.js';
import { COMMON_KEY_REPORTS } from '../src/repositories/report.repository.js';

const report: ReportDuplicateSearch = {
  kind: 'MISSING',
  stateCode: 'RJ',
  districtCode: 'RJ-JODHPUR',
  nameKeys: ['puja', 'yadab'],
  nameSkeletons: [],
  guardianKeys: ['ramesh'],
  gender: 'FEMALE',
  birthYearMin: 2014,
  birthYearMax: 2014,
};
const common = COMMON_KEY_REPORTS + 1;
const counts = (c: Record<string, number>) => new Map(Object.entries(c).map(([k, n]) => [`MISSING|${k}`, n]));

describe('the duplicate search’s terms', () => {
  it('searches a rare key alone, and a common one only with the district and the birth years three either side', () => {
    const terms = duplicateTerms(report, counts({ 'n:puja': common, 'n:yadab': 3, 'g:ramesh': common }));
    expect(terms).toContain('n:yadab');
    expect(terms).not.toContain('n:puja');
    expect(terms.filter((t) => t.startsWith('n:puja'))).toEqual([...Array.from({ length: 7 }, (_, i) => `n:puja@RJ-JODHPUR~${2011 + i}`), 'n:puja@RJ-JODHPUR~?']);
    expect(terms.some((t) => t.includes('#'))).toBe(false);
  });

  it('searches a full name rare as a whole anywhere when each part is common; nothing for keys no report has', () => {
    expect(duplicateTerms(report, counts({ 'n:puja': common, 'n:yadab': common, 'nn:puja+yadab': 12 }))).toContain('nn:puja+yadab');
    expect(duplicateTerms(report, counts({ 'n:puja': common, 'n:yadab': 3, 'nn:puja+yadab': 2 }))).not.toContain('nn:puja+yadab');
    expect(duplicateTerms(report, counts({}))).toEqual([]);
  });
});
