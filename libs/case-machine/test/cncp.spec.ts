import { describe, it, expect } from '@jest/globals';
import { CaseUnderTest, cncpWithSir, REASONS } from './support.js';

const PRODUCED = '2025-01-06T20:00:00+05:30';

describe('CNCP track, before the Child Welfare Committee', () => {
  it('requires a found child to be produced before the CWC within 24 hours of the report (s.31(1))', () => {
    const sut = new CaseUnderTest({ track: 'CNCP' });
    expect(sut.state).toBe('cncp.awaitingProduction');
    expect(sut.deadline('cncp.production')).toMatchObject({
      dueAt: '2025-01-07T04:30:00.000Z',
      citation: expect.stringContaining('s.31(1)'),
      ladder: [
        { to: 'DCPU', after: 'PT0S' },
        { to: 'SCPS', after: 'P7D' },
        { to: 'STATE_MONITORING_CELL', after: 'P30D' },
      ],
    });
    sut.must('PRODUCED_BEFORE_CWC', PRODUCED, { circumstance: 'LOST', producedBy: 'POLICE_STATION' });
    expect(sut.deadline('cncp.production')).toBeUndefined();
  });

  it('refuses a final order before the child is produced and before the SIR is received', () => {
    const sut = new CaseUnderTest({ track: 'CNCP' });
    const order = { order: 'CHILDRENS_HOME', reasons: REASONS, orderRef: 'O-1' } as const;
    expect(sut.send('FINAL_ORDER_PASSED', PRODUCED, order)).toBe(false);
    sut.must('PRODUCED_BEFORE_CWC', PRODUCED, { circumstance: 'LOST', producedBy: 'CHILDLINE' });
    sut.must('INTERIM_PLACEMENT_ORDERED', PRODUCED, { placement: 'CHILDRENS_HOME', orderRef: 'F18' });
    expect(sut.send('FINAL_ORDER_PASSED', PRODUCED, order)).toBe(false);
    expect(sut.last?.rejection).toMatchObject({ reason: 'NOT_ALLOWED_IN_STATE' });
  });

  it('gives the inquiry 4 months from production for the final order (s.36(2))', () => {
    const sut = new CaseUnderTest({ track: 'CNCP' }).must('PRODUCED_BEFORE_CWC', PRODUCED, {
      circumstance: 'LOST',
      producedBy: 'CHILDLINE',
    });
    expect(sut.deadline('cncp.finalOrder')?.dueAt).toBe('2025-05-06T14:30:00.000Z');
  });

  it('requires the SIR within 15 days of the order for it, and only the SIR that was ordered (s.36(2))', () => {
    const sut = new CaseUnderTest({ track: 'CNCP' })
      .must('PRODUCED_BEFORE_CWC', PRODUCED, { circumstance: 'LOST', producedBy: 'CHILDLINE' })
      .must('INTERIM_PLACEMENT_ORDERED', PRODUCED, { placement: 'FIT_PERSON', orderRef: 'F19' })
      .must('SIR_ORDERED', '2025-01-10T12:00:00+05:30', { sirRef: 'SIR-7' });
    expect(sut.deadline('cncp.sir')?.dueAt).toBe('2025-01-25T06:30:00.000Z');
    expect(sut.send('SIR_SUBMITTED', '2025-01-20T12:00:00+05:30', { sirRef: 'SIR-OTHER' })).toBe(false);
    sut.must('SIR_SUBMITTED', '2025-01-20T12:00:00+05:30', { sirRef: 'SIR-7' });
    expect(sut.deadline('cncp.sir')).toBeUndefined();
    expect(sut.state).toBe('cncp.beforeCwc.inquiry.sirReceived');
  });

  it('places an abandoned child under 6 only with a Specialised Adoption Agency pending inquiry (s.36(1) proviso)', () => {
    const sut = new CaseUnderTest({ track: 'CNCP', child: { ageYears: 3 } }).must('PRODUCED_BEFORE_CWC', PRODUCED, {
      circumstance: 'ABANDONED',
      producedBy: 'CHILDLINE',
    });
    expect(sut.send('INTERIM_PLACEMENT_ORDERED', PRODUCED, { placement: 'CHILDRENS_HOME', orderRef: 'F18' })).toBe(false);
    expect(sut.send('INTERIM_PLACEMENT_ORDERED', PRODUCED, { placement: 'SPECIALISED_ADOPTION_AGENCY', orderRef: 'F18' })).toBe(true);

    const lostChild = new CaseUnderTest({ track: 'CNCP', child: { ageYears: 3 } }).must('PRODUCED_BEFORE_CWC', PRODUCED, {
      circumstance: 'LOST',
      producedBy: 'CHILDLINE',
    });
    expect(lostChild.send('INTERIM_PLACEMENT_ORDERED', PRODUCED, { placement: 'CHILDRENS_HOME', orderRef: 'F18' })).toBe(true);
  });

  it('sets the legally-free deadline at 2 months from production for an abandoned child up to 2, 4 months above 2 (s.38(1))', () => {
    const infant = new CaseUnderTest({ track: 'CNCP', child: { ageYears: 1 } }).must('PRODUCED_BEFORE_CWC', PRODUCED, {
      circumstance: 'ABANDONED',
      producedBy: 'CHILDLINE',
    });
    expect(infant.deadline('cncp.legallyFreeUpTo2')?.dueAt).toBe('2025-03-06T14:30:00.000Z');
    expect(infant.deadline('cncp.legallyFreeOver2')).toBeUndefined();

    const older = new CaseUnderTest({ track: 'CNCP', child: { ageYears: 5 } }).must('PRODUCED_BEFORE_CWC', PRODUCED, {
      circumstance: 'ORPHAN',
      producedBy: 'CHILDLINE',
    });
    expect(older.deadline('cncp.legallyFreeOver2')?.dueAt).toBe('2025-05-06T14:30:00.000Z');
    expect(older.deadline('cncp.legallyFreeUpTo2')).toBeUndefined();

    const lost = new CaseUnderTest({ track: 'CNCP', child: { ageYears: 1 } }).must('PRODUCED_BEFORE_CWC', PRODUCED, {
      circumstance: 'LOST',
      producedBy: 'CHILDLINE',
    });
    expect(lost.deadlineIds).toEqual(['cncp.finalOrder']);
  });

  it('declares an abandoned child legally free only when the inquiry established it, with three members signing (s.38(1), (4))', () => {
    const traced = cncpWithSir({ child: { ageYears: 1 } }, 'ABANDONED', 'FAMILY_TRACED');
    expect(traced.deadline('cncp.legallyFreeUpTo2')).toBeUndefined();
    const free = { ground: 'ABANDONED', orderRef: 'LF-1' } as const;
    expect(traced.send('LEGALLY_FREE_DECLARED', '2025-02-01T10:00:00+05:30', { ...free, membersSigning: 3 })).toBe(false);

    const untraced = cncpWithSir({ child: { ageYears: 1 } }, 'ABANDONED', 'ABANDONED');
    expect(untraced.send('LEGALLY_FREE_DECLARED', '2025-02-01T10:00:00+05:30', { ...free, membersSigning: 2 })).toBe(false);
    untraced.must('LEGALLY_FREE_DECLARED', '2025-02-01T10:00:00+05:30', { ...free, membersSigning: 3 });
    expect(untraced.state).toBe('cncp.legallyFree');
    expect(untraced.last?.actions).toContainEqual({ type: 'notify', params: { to: ['SARA'], about: 'legally free' } });
    expect(untraced.deadlineIds).toEqual([]);
    untraced.must('HANDED_OVER_FOR_ADOPTION', '2025-02-05T10:00:00+05:30', { saaRef: 'SAA-1' });
    expect(untraced.state).toBe('cncp.handedOverForAdoption');
  });

  describe('surrender (s.35, s.38(2))', () => {
    const surrendered = () =>
      new CaseUnderTest({ track: 'CNCP', child: { ageYears: 0 } })
        .must('PRODUCED_BEFORE_CWC', PRODUCED, { circumstance: 'SURRENDERED', producedBy: 'PARENT' })
        .must('SURRENDER_DEED_EXECUTED', '2025-01-10T10:00:00+05:30', { deedRef: 'F23-1', surrenderedBy: 'PARENT' });

    it('lets the parent reconsider the surrender within 2 months, which leads to restoration (s.35(3))', () => {
      const sut = surrendered();
      expect(sut.deadline('cncp.legallyFreeAfterSurrender')?.dueAt).toBe('2025-03-10T04:30:00.000Z');
      expect(sut.send('SURRENDER_RECONSIDERED', '2025-03-10T10:00:00+05:30', { orderRef: 'F24', reasons: REASONS })).toBe(false);
      sut.must('SURRENDER_RECONSIDERED', '2025-03-09T10:00:00+05:30', { orderRef: 'F24', reasons: REASONS });
      expect(sut.state).toBe('cncp.restoration.pending');
      expect(sut.context.restorationOrder?.orderRef).toBe('F24');
    });

    it('declares a surrendered child legally free only after the 2-month reconsideration period (s.38(2))', () => {
      const sut = surrendered();
      const free = { ground: 'SURRENDERED', membersSigning: 3, orderRef: 'LF' } as const;
      expect(sut.send('LEGALLY_FREE_DECLARED', '2025-03-09T10:00:00+05:30', free)).toBe(false);
      sut.must('LEGALLY_FREE_DECLARED', '2025-03-10T10:00:00+05:30', free);
      expect(sut.state).toBe('cncp.legallyFree');
    });

    it('records a surrender only once', () => {
      const sut = surrendered();
      expect(sut.send('SURRENDER_DEED_EXECUTED', '2025-01-11T10:00:00+05:30', { deedRef: 'F23-2', surrenderedBy: 'PARENT' })).toBe(false);
    });
  });

  describe('orders under s.37 and care', () => {
    it('sends the child to restoration on a restoration order and to care on any other order (s.37(1))', () => {
      const restored = cncpWithSir().must('FINAL_ORDER_PASSED', '2025-02-01T10:00:00+05:30', {
        order: 'RESTORATION',
        reasons: REASONS,
        orderRef: 'O-1',
      });
      expect(restored.state).toBe('cncp.restoration.pending');
      const inCare = cncpWithSir().must('FINAL_ORDER_PASSED', '2025-02-01T10:00:00+05:30', {
        order: 'FIT_FACILITY',
        reasons: REASONS,
        orderRef: 'O-1',
      });
      expect(inCare.state).toBe('cncp.inCare.icpDue');
      expect(inCare.deadline('cncp.icpPreparation')).toMatchObject({ basis: 'policy', dueAt: '2025-03-03T04:30:00.000Z' });
    });

    it('asks for the ICP review every 3 months once the ICP is prepared, and restores only on the plan (s.30(vi))', () => {
      const sut = cncpWithSir().must('FINAL_ORDER_PASSED', '2025-02-01T10:00:00+05:30', {
        order: 'CHILDRENS_HOME',
        reasons: REASONS,
        orderRef: 'O-1',
      });
      expect(sut.send('RESTORATION_ORDERED', '2025-02-05T10:00:00+05:30', { orderRef: 'R', reasons: REASONS })).toBe(false);
      sut.must('ICP_PREPARED', '2025-02-10T10:00:00+05:30', { icpRef: 'ICP-1' });
      expect(sut.deadline('cncp.icpReview')?.dueAt).toBe('2025-05-10T04:30:00.000Z');
      sut.must('ICP_REVIEWED', '2025-05-01T10:00:00+05:30', { icpRef: 'ICP-1' });
      expect(sut.deadline('cncp.icpReview')?.dueAt).toBe('2025-08-01T04:30:00.000Z');
      sut.must('RESTORATION_ORDERED', '2025-06-01T10:00:00+05:30', { orderRef: 'R', reasons: REASONS });
      expect(sut.state).toBe('cncp.restoration.pending');
    });

    it('inspects a foster family monthly, each inspection starting the next month (s.44; R.23; F.35)', () => {
      const sut = cncpWithSir().must('FINAL_ORDER_PASSED', '2025-01-31T10:00:00+05:30', {
        order: 'FOSTER_CARE',
        reasons: REASONS,
        orderRef: 'F32',
      });
      expect(sut.deadline('cncp.fosterInspection')?.dueAt).toBe('2025-02-28T04:30:00.000Z');
      sut.must('FOSTER_INSPECTION_RECORDED', '2025-02-25T10:00:00+05:30', { inspectionRef: 'F35-1' });
      expect(sut.deadline('cncp.fosterInspection')?.dueAt).toBe('2025-03-25T04:30:00.000Z');

      const home = cncpWithSir().must('FINAL_ORDER_PASSED', '2025-01-31T10:00:00+05:30', {
        order: 'CHILDRENS_HOME',
        reasons: REASONS,
        orderRef: 'O',
      });
      expect(home.deadline('cncp.fosterInspection')).toBeUndefined();
      expect(home.send('FOSTER_INSPECTION_RECORDED', '2025-02-25T10:00:00+05:30', { inspectionRef: 'X' })).toBe(false);
    });

    it('reports a child missing from an institution within 24 hours and refers an untraced child to the AHTU within 4 months', () => {
      const sut = cncpWithSir().must('FINAL_ORDER_PASSED', '2025-02-01T10:00:00+05:30', {
        order: 'CHILDRENS_HOME',
        reasons: REASONS,
        orderRef: 'O',
      });
      sut.must('ICP_PREPARED', '2025-02-10T10:00:00+05:30', { icpRef: 'ICP-1' });
      sut.must('CHILD_MISSING_FROM_CCI', '2025-03-01T08:00:00+05:30', { cciRef: 'CCI-9' });
      expect(sut.last?.actions).toContainEqual({
        type: 'notify',
        params: { to: ['POLICE_STATION', 'SJPU', 'CWC', 'DCPU'], about: 'child missing' },
      });
      expect(sut.deadline('cncp.missingReport')?.dueAt).toBe('2025-03-02T02:30:00.000Z');
      sut.must('MISSING_REPORTED_TO_POLICE', '2025-03-01T12:00:00+05:30', { firRef: 'FIR-1' });
      expect(sut.deadline('cncp.ahtuReferral')?.dueAt).toBe('2025-07-01T02:30:00.000Z');
      sut.must('CHILD_TRACED', '2025-03-20T12:00:00+05:30', { tracedBy: 'SJPU' });
      expect(sut.state).toBe('cncp.inCare.icpInForce');
    });

    it('does not treat a child with a fit person as missing from an institution', () => {
      const sut = cncpWithSir().must('FINAL_ORDER_PASSED', '2025-02-01T10:00:00+05:30', {
        order: 'FIT_PERSON',
        reasons: REASONS,
        orderRef: 'O',
      });
      expect(sut.send('CHILD_MISSING_FROM_CCI', '2025-03-01T08:00:00+05:30', { cciRef: 'CCI-9' })).toBe(false);
    });

    it('asks for the aftercare plan 3 months before 18 and moves to aftercare at 18 only with a plan (s.46)', () => {
      const sut = cncpWithSir({ child: { dateOfBirth: '2007-08-15' } }).must('FINAL_ORDER_PASSED', '2025-02-01T10:00:00+05:30', {
        order: 'CHILDRENS_HOME',
        reasons: REASONS,
        orderRef: 'O',
      });
      expect(sut.deadline('cncp.aftercarePlan')?.dueAt).toBe('2025-05-15T00:00:00.000Z');
      expect(sut.send('CHILD_ATTAINED_MAJORITY', '2025-08-14T10:00:00+05:30', { aftercare: false })).toBe(false);
      expect(sut.send('CHILD_ATTAINED_MAJORITY', '2025-08-15T10:00:00+05:30', { aftercare: true })).toBe(false);
      sut.must('AFTERCARE_PLAN_PREPARED', '2025-05-01T10:00:00+05:30', { planRef: 'F37' });
      expect(sut.deadline('cncp.aftercarePlan')).toBeUndefined();
      sut.must('CHILD_ATTAINED_MAJORITY', '2025-08-15T10:00:00+05:30', { aftercare: true });
      expect(sut.state).toBe('cncp.aftercare');
    });
  });

  describe('restoration, transfer and follow-up', () => {
    const ordered = (gender: 'FEMALE' | 'MALE' = 'MALE') =>
      cncpWithSir({ child: { ageYears: 12, gender } }).must('FINAL_ORDER_PASSED', '2025-02-01T10:00:00+05:30', {
        order: 'RESTORATION',
        reasons: REASONS,
        orderRef: 'O-R',
      });

    it('restores a child only after a restoration order', () => {
      const sut = cncpWithSir();
      expect(sut.send('CHILD_RESTORED', '2025-02-01T10:00:00+05:30', { restoredTo: 'PARENT' })).toBe(false);
      const restored = ordered().must('CHILD_RESTORED', '2025-02-02T10:00:00+05:30', { restoredTo: 'PARENT' });
      expect(restored.state).toBe('cncp.followUp');
    });

    it('has the SJPU escort the child to the home state within 15 days of the transfer order, a girl by a woman officer (s.95; R.81)', () => {
      const sut = ordered('FEMALE');
      expect(
        sut.send('TRANSFER_ORDERED', '2025-02-02T10:00:00+05:30', { orderRef: 'T', toDistrictCode: 'IN-DL-ND', toStateCode: 'IN-DL' }),
      ).toBe(false);
      sut.must('TRANSFER_ORDERED', '2025-02-02T10:00:00+05:30', { orderRef: 'T', toDistrictCode: 'IN-BR-PAT', toStateCode: 'IN-BR' });
      expect(sut.deadline('cncp.transferEscort')?.dueAt).toBe('2025-02-17T04:30:00.000Z');
      expect(sut.last?.actions).toContainEqual({ type: 'notify', params: { to: ['HOME_DISTRICT_DCPU', 'SCPS'], about: 'transfer' } });
      expect(sut.send('CHILD_ESCORTED', '2025-02-10T10:00:00+05:30', { escortOfficerRef: 'SJPU-1', escortedByWomanOfficer: false })).toBe(false);
      sut.must('CHILD_ESCORTED', '2025-02-10T10:00:00+05:30', { escortOfficerRef: 'SJPU-2', escortedByWomanOfficer: true });
      expect(sut.context).toMatchObject({ districtCode: 'IN-BR-PAT', stateCode: 'IN-BR' });
      sut.must('CHILD_RESTORED', '2025-02-11T10:00:00+05:30', { restoredTo: 'FAMILY' });
      expect(sut.state).toBe('cncp.followUp');
    });

    it('follows a restored child up quarterly for a year before the follow-up can be completed (policy)', () => {
      const sut = ordered().must('CHILD_RESTORED', '2025-02-02T10:00:00+05:30', { restoredTo: 'PARENT' });
      expect(sut.deadline('cncp.followUpReport')?.dueAt).toBe('2025-05-02T04:30:00.000Z');
      sut.must('FOLLOW_UP_REPORT_FILED', '2025-04-30T10:00:00+05:30', { reportRef: 'FU-1' });
      expect(sut.deadline('cncp.followUpReport')?.dueAt).toBe('2025-07-30T04:30:00.000Z');
      expect(sut.send('FOLLOW_UP_COMPLETED', '2025-12-01T10:00:00+05:30', {})).toBe(false);
      sut.must('FOLLOW_UP_COMPLETED', '2026-02-02T10:00:00+05:30', {});
      expect(sut.state).toBe('cncp.followUpComplete');
      expect(sut.deadlineIds).toEqual([]);
    });

    it('brings a restored child who again needs care back to production as a new episode', () => {
      const sut = ordered().must('CHILD_RESTORED', '2025-02-02T10:00:00+05:30', { restoredTo: 'PARENT' });
      sut.must('REENTERED_CARE', '2025-06-01T10:00:00+05:30', { reasons: REASONS });
      expect(sut.state).toBe('cncp.awaitingProduction');
      expect(sut.context.episode).toBe(2);
      expect(sut.context.restorationOrder).toBeUndefined();
      expect(sut.deadline('cncp.production')?.dueAt).toBe('2025-06-02T04:30:00.000Z');
    });
  });

  describe('closure', () => {
    it('closes a case with an open deadline only once that deadline is waived with reasons', () => {
      const sut = new CaseUnderTest({ track: 'CNCP' });
      const close = { ground: 'FOUND_NOT_A_CHILD', reasons: REASONS } as const;
      expect(sut.send('CLOSE_CASE', PRODUCED, close)).toBe(false);
      expect(sut.send('WAIVE_DEADLINE', PRODUCED, { deadlineId: 'cncp.production', reasons: 'short' })).toBe(false);
      expect(sut.send('WAIVE_DEADLINE', PRODUCED, { deadlineId: 'cncp.sir', reasons: REASONS })).toBe(false);
      sut.must('WAIVE_DEADLINE', PRODUCED, { deadlineId: 'cncp.production', reasons: REASONS });
      expect(sut.deadlineIds).toEqual([]);
      sut.must('CLOSE_CASE', PRODUCED, close);
      expect(sut.state).toBe('closed');
      expect(sut.snapshot.status).toBe('done');
    });
  });
});
