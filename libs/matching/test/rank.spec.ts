import { describe, expect, it } from '@jest/globals';
import { DEFAULT_PAGE_SIZE, rankCandidates, rankFoundReports, rankMissingReports, REVIEW_THRESHOLD } from '../src/index.js';
import { found, JAIPUR, missing, MUMBAI } from './support.js';

const RAVI = missing({ name: 'Ravi Kumar', gender: 'MALE', ageYears: { min: 10, max: 10 }, place: JAIPUR });

// Twenty-five found boys named Ravi, in Jaipur, found 1 to 25 days after Ravi went missing.
const RAVIS = Array.from({ length: 25 }, (_, i) =>
  found({ id: `F-${String(i + 1).padStart(2, '0')}`, foundAt: `2024-03-${String(i + 2).padStart(2, '0')}`, name: 'Ravi', gender: 'MALE', ageYears: { min: 10, max: 11 }, place: JAIPUR }),
);

describe('rankFoundReports', () => {
  it('returns every candidate above the threshold, most likely first, with the total', () => {
    const page = rankFoundReports(RAVI, RAVIS, { threshold: 0, limit: 100 });
    expect(page.total).toBe(25);
    expect(page.items).toHaveLength(25);
    const p = page.items.map((i) => i.result.probability);
    expect(p).toEqual([...p].sort((a, b) => b - a));
    expect(page.items.map((i) => i.rank)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('pages with offset and limit, the total still counting every candidate', () => {
    const all = rankFoundReports(RAVI, RAVIS, { threshold: 0, limit: 100 });
    const second = rankFoundReports(RAVI, RAVIS, { threshold: 0, offset: 10, limit: 10 });
    expect(second.total).toBe(25);
    expect(second.items.map((i) => i.candidate.id)).toEqual(all.items.slice(10, 20).map((i) => i.candidate.id));
    expect(second.items[0]?.rank).toBe(11);
    expect(rankFoundReports(RAVI, RAVIS, { threshold: 0, offset: 20, limit: 10 }).items).toHaveLength(5);
  });

  it('pages by DEFAULT_PAGE_SIZE when no limit is given', () => {
    const page = rankFoundReports(RAVI, RAVIS, { threshold: 0 });
    expect(page.limit).toBe(DEFAULT_PAGE_SIZE);
    expect(page.items).toHaveLength(DEFAULT_PAGE_SIZE);
    expect(page.total).toBe(25);
  });

  it('leaves out candidates below the threshold, and counts only those above it', () => {
    const all = rankFoundReports(RAVI, RAVIS, { threshold: 0, limit: 100 }).items.map((i) => i.result.probability);
    const threshold = all[0] as number; // those found within the week
    const page = rankFoundReports(RAVI, RAVIS, { threshold, limit: 100 });
    expect(page.total).toBe(7);
    expect(page.items.every((i) => i.result.probability >= threshold)).toBe(true);
  });

  it('uses REVIEW_THRESHOLD by default', () => {
    const unlikely = found({ id: 'F-SUNIL', foundAt: '2026-01-01', name: 'Sunil', gender: 'MALE', ageYears: { min: 11, max: 13 }, place: MUMBAI });
    expect(rankFoundReports(RAVI, [unlikely], { threshold: 0 }).items[0]?.result.probability).toBeLessThan(REVIEW_THRESHOLD);
    const page = rankFoundReports(RAVI, [...RAVIS, unlikely], { limit: 100 });
    expect(page.total).toBe(25);
    expect(page.items.every((i) => i.result.probability >= REVIEW_THRESHOLD)).toBe(true);
  });

  it('never lists a pair the blocking predicate rejects', () => {
    const girl = found({ id: 'F-GIRL', name: 'Ravi', gender: 'FEMALE' });
    const tooEarly = found({ id: 'F-EARLY', foundAt: '2024-02-01', name: 'Ravi', gender: 'MALE' });
    expect(rankFoundReports(RAVI, [girl, tooEarly], { threshold: 0 }).total).toBe(0);
  });
});

describe('rankMissingReports and rankCandidates', () => {
  it('ranks missing reports for a found child, and picks the direction from the subject', () => {
    const child = found({ name: 'रवि', gender: 'MALE', ageYears: { min: 9, max: 11 }, place: JAIPUR });
    const reports = [RAVI, missing({ id: 'M-2', name: 'Sunil', gender: 'MALE', ageYears: { min: 10, max: 10 } })];
    const page = rankMissingReports(child, reports, { threshold: 0 });
    expect(page.items[0]?.candidate.id).toBe('M-1');
    expect(rankCandidates(child, [...reports, ...RAVIS], { threshold: 0 }).items.map((i) => i.candidate.id)).toEqual(page.items.map((i) => i.candidate.id));
  });
});
