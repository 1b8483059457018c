import { describe, expect, it } from '@jest/globals';
import { dashboardQuery } from './dashboard.js';

describe('dashboardQuery', () => {
  const none = { stateCode: '', districtCode: '', from: '', to: '' };

  it('leaves out what the person did not choose, so the API falls back to their own jurisdiction and the last 12 months', () => {
    expect(dashboardQuery(none)).toBe('');
    expect(dashboardQuery({ ...none, districtCode: 'RJ-JAIPUR', from: '2026-04-01' })).toBe('districtCode=RJ-JAIPUR&from=2026-04-01');
  });

  it('asks for one section as CSV, or every figure', () => {
    expect(dashboardQuery({ ...none, stateCode: 'RJ' }, 'areas')).toBe('stateCode=RJ&format=csv&section=areas');
    expect(dashboardQuery({ ...none, stateCode: 'RJ' }, 'all')).toBe('stateCode=RJ&format=csv');
  });
});
