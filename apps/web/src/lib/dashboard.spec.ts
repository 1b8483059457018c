import { describe, expect, it } from '@jest/globals';
import { casesQuery, dashboardQuery, searchOf, trendsQuery, viewOf } from './dashboard.js';

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

describe('the dashboard in its address', () => {
  it('reads back what it wrote: place, period and the list of cases opened, so Back and a shared link show the same', () => {
    const view = { stateCode: '', districtCode: 'RJ-JAIPUR', thanaCode: '', from: '2026-04-01', to: '', drill: { measure: 'pendingBeyond4Months' as const, month: '2026-09', track: 'CNCP', phase: '' } };
    const search = searchOf(view);
    expect(search).toBe('?district=RJ-JAIPUR&from=2026-04-01&cases=pendingBeyond4Months&month=2026-09&track=CNCP');
    expect(viewOf(search)).toEqual(view);
    expect(searchOf(viewOf(''))).toBe('');
  });

  it('ignores a list it does not know rather than asking the API for it', () => {
    expect(viewOf('?district=rj-jaipur&cases=everything').drill).toBeNull();
    expect(viewOf('?district=rj-jaipur').districtCode).toBe('RJ-JAIPUR');
  });

  it('asks for a month’s cases, or else the period’s, and for the trends ending with the period', () => {
    const view = { ...viewOf('?station=RJ-JAIPUR-PS-01&from=2026-01-01&to=2026-06-30'), drill: null };
    expect(casesQuery(view, { measure: 'registered', month: '2026-05', track: '', phase: '' })).toBe('measure=registered&thanaCode=RJ-JAIPUR-PS-01&month=2026-05');
    expect(casesQuery(view, { measure: 'produced', month: '', track: '', phase: 'INQUIRY' })).toBe('measure=produced&thanaCode=RJ-JAIPUR-PS-01&from=2026-01-01&to=2026-06-30&phase=INQUIRY');
    expect(trendsQuery(view, true)).toBe('thanaCode=RJ-JAIPUR-PS-01&to=2026-06&format=csv');
  });
});
