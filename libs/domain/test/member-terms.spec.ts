import { describe, expect, it } from '@jest/globals';
import { lapsedRoles, latestTermEnd, seatDesignation, seatProblems, termProblem, termStatus } from '../src/member-terms.js';

describe('member terms of office', () => {
  it('allows a term of at most three years (policy), to the day before the same date three years on', () => {
    expect(latestTermEnd('2026-01-01', 3)).toBe('2028-12-31');
    expect(termProblem(['CWC_MEMBER'], { from: '2026-01-01', until: '2028-12-31' })).toBeNull();
    expect(termProblem(['CWC_MEMBER'], { from: '2026-01-01', until: '2029-01-01' })).toMatchObject({ field: 'until', params: { years: 3 } });
    expect(termProblem(['JJB_MEMBER'], { from: '2026-01-02', until: '2026-01-01' })).toMatchObject({ field: 'until' });
  });

  it('keeps a member in office through the last day of their term, and lapses their member role outside it', () => {
    const term = { from: '2026-03-04', until: '2026-12-31' };
    expect(termStatus(term, '2026-03-03')).toBe('NOT_BEGUN');
    expect(termStatus(term, '2026-03-04')).toBe('CURRENT');
    expect(termStatus(term, '2026-11-15')).toBe('ENDING_SOON');
    expect(termStatus(term, '2027-01-01')).toBe('ENDED');
    expect(lapsedRoles(['CWC_MEMBER'], term, '2026-12-31')).toEqual([]);
    expect(lapsedRoles(['CWC_MEMBER'], term, '2027-01-01')).toEqual(['CWC_MEMBER']);
    // An account from before terms were recorded stays in office until an administrator records one.
    expect(lapsedRoles(['JJB_MEMBER'], null, '2027-01-01')).toEqual([]);
  });

  it("seats the body's head as Chairperson or Principal Magistrate, and counts only the seats whose term has not ended", () => {
    expect([seatDesignation('CWC_MEMBER', true), seatDesignation('CWC_MEMBER', false), seatDesignation('JJB_MEMBER', true), seatDesignation('JJB_MEMBER', false)]).toEqual([
      'CHAIRPERSON',
      'MEMBER',
      'PRINCIPAL_MAGISTRATE',
      'SOCIAL_WORKER_MEMBER',
    ]);
    const seat = (designation: string, termTo: string | null) => ({ designation, termFrom: '2025-01-01', termTo });
    // A past Chairperson is the roster's history: the new one fills the one seat.
    expect(seatProblems('CWC', [seat('CHAIRPERSON', '2026-03-31'), seat('CHAIRPERSON', null)], '2026-04-01')).toEqual([]);
    expect(seatProblems('CWC', [seat('CHAIRPERSON', '2026-04-01'), seat('CHAIRPERSON', null)], '2026-04-01')).toEqual([{ designation: 'CHAIRPERSON', most: 1, filled: 2 }]);
    expect(seatProblems('JJB', [seat('SOCIAL_WORKER_MEMBER', null), seat('SOCIAL_WORKER_MEMBER', null), seat('SOCIAL_WORKER_MEMBER', '2027-01-01')], '2026-04-01')).toEqual([
      { designation: 'SOCIAL_WORKER_MEMBER', most: 2, filled: 3 },
    ]);
    // A seat recorded without its last day runs on.
    expect(termStatus({ from: '2026-01-01', until: null }, '2030-01-01')).toBe('CURRENT');
    expect(lapsedRoles(['CWC_MEMBER'], { from: '2026-01-01', until: null }, '2025-12-31')).toEqual(['CWC_MEMBER']);
  });
});
