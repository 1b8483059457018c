import { describe, expect, it } from '@jest/globals';
import { dayInIndia, monthInIndia, monthStartInIndia, monthsToRollUp, ROLLED_UP_MONTHS } from '../src/index.js';

describe('the dashboards’ months, in India Standard Time', () => {
  it('puts an instant in the day and month it is in India, not in UTC', () => {
    // 30 November, 20:00 UTC is 1 December, 01:30 in India
    expect(dayInIndia(new Date('2026-11-30T20:00:00Z'))).toBe('2026-12-01');
    expect(monthInIndia(new Date('2026-11-30T20:00:00Z'))).toBe('2026-12');
    expect(monthInIndia(new Date('2026-11-30T18:29:59Z'))).toBe('2026-11');
  });

  it('starts a month at midnight in India, across a year’s end', () => {
    expect(monthStartInIndia('2026-12').toISOString()).toBe('2026-11-30T18:30:00.000Z');
    expect(monthStartInIndia('2026-12', 1).toISOString()).toBe('2026-12-31T18:30:00.000Z');
    expect(monthStartInIndia('2026-01', -1).toISOString()).toBe('2025-11-30T18:30:00.000Z');
  });

  it('rolls up the 24 closed months before the current one in India, oldest first', () => {
    const months = monthsToRollUp(new Date('2026-11-30T20:00:00Z')); // already December in India
    expect(months).toHaveLength(ROLLED_UP_MONTHS);
    expect([months[0], months.at(-1)]).toEqual(['2024-12', '2026-11']);
    expect(monthsToRollUp(new Date('2026-11-30T18:00:00Z')).at(-1)).toBe('2026-10'); // still November in India
  });
});
