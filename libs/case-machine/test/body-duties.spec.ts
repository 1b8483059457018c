import { describe, expect, it } from '@jest/globals';
import { assessBodyDuty, bodyDutyDueAt, bodyDutyRule, dutyPeriodNamed, dutyPeriodOf, lastDuePeriod } from '../src/index.js';

/** Sittings on `days` of November 2026, 11:00 IST. */
const sittings = (days: number[]) => days.map((d) => ({ at: `2026-11-${String(d).padStart(2, '0')}T11:00:00+05:30` }));

describe('recurring duties of the bodies', () => {
  it('counts a month and a quarter by the calendar in India Standard Time', () => {
    expect(dutyPeriodOf('MONTH', '2026-11-30T20:00:00Z')).toEqual({
      label: '2026-12',
      start: '2026-11-30T18:30:00.000Z',
      end: '2026-12-31T18:30:00.000Z',
    });
    expect(dutyPeriodOf('QUARTER', '2026-11-25T10:00:00+05:30')).toEqual({
      label: '2026-Q4',
      start: '2026-09-30T18:30:00.000Z',
      end: '2026-12-31T18:30:00.000Z',
    });
  });

  it('requires the CWC to sit at least 20 days in a month, two sittings on one day counting once (s.28(1))', () => {
    const rule = bodyDutyRule('cwc.sittings');
    const twenty = sittings([...Array(20).keys()].map((i) => i + 2));
    expect(assessBodyDuty(rule, '2026-11-15T00:00:00Z', twenty).met).toBe(true);
    const nineteenDays = [...sittings([...Array(19).keys()].map((i) => i + 2)), { at: '2026-11-02T16:00:00+05:30' }];
    expect(assessBodyDuty(rule, '2026-11-15T00:00:00Z', nineteenDays)).toMatchObject({
      period: '2026-11',
      met: false,
      shortfalls: [{ performed: 19, required: 20 }],
    });
  });

  it('does not count a sitting in the month before, by IST, towards this month (s.28(1))', () => {
    const rule = bodyDutyRule('cwc.sittings');
    const lateOctober = { at: '2026-10-31T20:00:00Z' }; // 1 November 01:30 IST
    const earlyNovember = { at: '2026-10-31T17:00:00Z' }; // 31 October 22:30 IST
    expect(assessBodyDuty(rule, '2026-11-15T00:00:00Z', [lateOctober]).shortfalls[0]?.performed).toBe(1);
    expect(assessBodyDuty(rule, '2026-11-15T00:00:00Z', [earlyNovember]).shortfalls[0]?.performed).toBe(0);
  });

  it('requires two visits a month to each child care institution, naming each one visited too little (s.30(viii))', () => {
    const rule = bodyDutyRule('cwc.cciVisits');
    const visits = [
      { at: '2026-11-03T10:00:00+05:30', cciRef: 'CCI-A' },
      { at: '2026-11-17T10:00:00+05:30', cciRef: 'CCI-A' },
      { at: '2026-11-10T10:00:00+05:30', cciRef: 'CCI-B' },
    ];
    expect(assessBodyDuty(rule, '2026-11-20T00:00:00Z', visits, ['CCI-A', 'CCI-B', 'CCI-C']).shortfalls).toEqual([
      { cciRef: 'CCI-B', performed: 1, required: 2 },
      { cciRef: 'CCI-C', performed: 0, required: 2 },
    ]);
  });

  it('requires the quarterly F.16 return to the District Magistrate once a quarter (R.17(ii))', () => {
    const rule = bodyDutyRule('cwc.quarterlyReturn');
    expect(rule.reportTo).toBe('District Magistrate');
    expect(assessBodyDuty(rule, '2026-12-31T10:00:00+05:30', [{ at: '2026-10-05T10:00:00+05:30' }]).met).toBe(true);
    expect(assessBodyDuty(rule, '2026-12-31T10:00:00+05:30', [{ at: '2026-09-30T10:00:00+05:30' }]).met).toBe(false);
  });

  it('requires the JJB to send its pendency to the CJM / CMM and the District Magistrate every quarter (s.16)', () => {
    const rule = bodyDutyRule('jjb.pendencyReport');
    expect(rule).toMatchObject({ body: 'JJB', period: 'QUARTER', citation: 's.16(3)' });
    expect(assessBodyDuty(rule, '2026-05-01T00:00:00Z', []).shortfalls).toEqual([{ performed: 0, required: 1 }]);
  });
});

describe('when a body duty falls due, and which period the missed-duty scan looks at', () => {
  it('makes a month’s sittings due at its end, and a quarter’s F.16 return 15 days after it (policy)', () => {
    expect(bodyDutyDueAt(bodyDutyRule('cwc.sittings'), '2026-11-30T18:30:00.000Z')).toBe('2026-11-30T18:30:00.000Z');
    expect(bodyDutyDueAt(bodyDutyRule('cwc.quarterlyReturn'), '2026-09-30T18:30:00.000Z')).toBe('2026-10-15T18:30:00.000Z');
  });

  it('looks at the month just ended for sittings, and at the last quarter whose return is past due', () => {
    const at = '2026-12-07T10:00:00Z';
    expect(lastDuePeriod(bodyDutyRule('cwc.sittings'), at)).toMatchObject({ label: '2026-11' });
    expect(lastDuePeriod(bodyDutyRule('cwc.quarterlyReturn'), at)).toMatchObject({ label: '2026-Q3', dueAt: '2026-10-15T18:30:00.000Z' });
    // on 10 January the Oct–Dec return is not yet due (15 days), so the scan still looks at Jul–Sep
    expect(lastDuePeriod(bodyDutyRule('jjb.pendencyReport'), '2027-01-10T10:00:00+05:30').label).toBe('2026-Q3');
    expect(lastDuePeriod(bodyDutyRule('jjb.pendencyReport'), '2027-01-16T10:00:00+05:30').label).toBe('2026-Q4');
  });

  it('reads a period from its label, and no period from a label of none', () => {
    expect(dutyPeriodNamed('QUARTER', '2026-Q4')).toEqual(dutyPeriodOf('QUARTER', '2026-11-15T00:00:00Z'));
    expect(dutyPeriodNamed('MONTH', '2026-02')?.start).toBe('2026-01-31T18:30:00.000Z');
    expect(dutyPeriodNamed('QUARTER', '2026-Q5')).toBeUndefined();
    expect(dutyPeriodNamed('MONTH', '2026-Q1')).toBeUndefined();
  });
});
