import { describe, it, expect } from '@jest/globals';
import { SAMPLE_ICP_GOALS, allowedEvents, casePhase, DEFAULT_LADDER } from '../src/index.js';
import type { CaseInput } from '../src/index.js';
import { CaseUnderTest, cncpWithSir, REASONS } from './support.js';

/** Three members of the CWC, by their seats on its roster (s.38(4)). */
const SIGNED: { signedBy: string[] } = { signedBy: ['seat-1', 'seat-2', 'seat-3'] };
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
    expect(sut.last?.rejection).toMatchObject({ reason: 'EVENT_NOT_ALLOWED' });
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
    expect(traced.send('LEGALLY_FREE_DECLARED', '2025-02-01T10:00:00+05:30', { ...free, ...SIGNED })).toBe(false);

    const untraced = cncpWithSir({ child: { ageYears: 1 } }, 'ABANDONED', 'ABANDONED');
    expect(untraced.send('LEGALLY_FREE_DECLARED', '2025-02-01T10:00:00+05:30', { ...free, signedBy: SIGNED.signedBy.slice(0, 2) })).toBe(false);
    untraced.must('LEGALLY_FREE_DECLARED', '2025-02-01T10:00:00+05:30', { ...free, ...SIGNED });
    expect(untraced.state).toBe('cncp.legallyFree');
    expect(untraced.last?.actions).toContainEqual({ type: 'notify', params: { to: ['SARA'], about: 'legally free' } });
    expect(untraced.deadlineIds).toEqual([]);
    untraced.must('HANDED_OVER_FOR_ADOPTION', '2025-02-05T10:00:00+05:30', { saaRef: 'SAA-1' });
    expect(untraced.state).toBe('cncp.handedOverForAdoption');
  });

  it('counts a member named twice once: three names with a repeat are two signers (s.38(4))', () => {
    const sut = cncpWithSir({ child: { ageYears: 1 } }, 'ABANDONED', 'ABANDONED');
    const [a, b] = ['seat-1', 'seat-2'];
    const free = { ground: 'ABANDONED', orderRef: 'LF-1' } as const;
    expect(sut.send('LEGALLY_FREE_DECLARED', '2025-02-01T10:00:00+05:30', { ...free, signedBy: [a, b, a] })).toBe(false);
    expect(sut.state).not.toBe('cncp.legallyFree');
  });

  it('replays a declaration recorded before the signers were named, on its number of signers', () => {
    const sut = cncpWithSir({ child: { ageYears: 1 } }, 'ABANDONED', 'ABANDONED');
    const free = { ground: 'ABANDONED', orderRef: 'LF-1' } as const;
    expect(sut.send('LEGALLY_FREE_DECLARED', '2025-02-01T10:00:00+05:30', { ...free, membersSigning: 2 })).toBe(false);
    sut.must('LEGALLY_FREE_DECLARED', '2025-02-01T10:00:00+05:30', { ...free, membersSigning: 3 });
    expect(sut.state).toBe('cncp.legallyFree');
  });

  describe('surrender (s.35, s.38(2))', () => {
    const surrendered = (deadlinePolicy?: CaseInput['deadlinePolicy']) =>
      new CaseUnderTest({ track: 'CNCP', child: { ageYears: 0 }, ...(deadlinePolicy && { deadlinePolicy }) })
        .must('PRODUCED_BEFORE_CWC', PRODUCED, { circumstance: 'SURRENDERED', producedBy: 'PARENT' })
        .must('SURRENDER_DEED_EXECUTED', '2025-01-10T10:00:00+05:30', { deedRef: 'F23-1', surrenderedBy: 'PARENT' });
    const free = { ground: 'SURRENDERED', ...SIGNED, orderRef: 'LF' } as const;

    it('lets the parent reconsider the surrender within 2 months, which leads to restoration (s.35(3))', () => {
      const sut = surrendered();
      expect(sut.send('SURRENDER_RECONSIDERED', '2025-03-10T10:00:00+05:30', { orderRef: 'F24', reasons: REASONS })).toBe(false);
      expect(sut.send('SURRENDER_RECONSIDERED', '2025-03-10T10:00:00+05:30', { orderRef: 'F24', reasons: REASONS })).toBe(false);
      sut.must('SURRENDER_RECONSIDERED', '2025-03-09T10:00:00+05:30', { orderRef: 'F24', reasons: REASONS });
      expect(sut.state).toBe('cncp.restoration.pending');
      expect(sut.context.restorationOrder?.orderRef).toBe('F24');
    });

    it('makes the declaration due a working interval after the reconsideration period, so it can be met on time', () => {
      const sut = surrendered();
      // The period ends 2025-03-10 10:00 IST; the declaration is due 15 days (state policy) later.
      expect(sut.deadline('cncp.legallyFreeAfterSurrender')).toMatchObject({ startedAt: '2025-03-10T04:30:00.000Z', dueAt: '2025-03-25T04:30:00.000Z' });
      sut.must('LEGALLY_FREE_DECLARED', '2025-03-12T10:00:00+05:30', free);
      expect(sut.state).toBe('cncp.legallyFree');
    });

    it('reads the state’s reconsideration period in the guards and the deadline alike', () => {
      const sut = surrendered({ 'cncp.legallyFreeAfterSurrender': { opensAfter: 'P30D', within: 'P7D' } });
      expect(sut.deadline('cncp.legallyFreeAfterSurrender')?.dueAt).toBe('2025-02-16T04:30:00.000Z');
      expect(sut.send('LEGALLY_FREE_DECLARED', '2025-02-09T09:00:00+05:30', free)).toBe(false);
      expect(sut.send('SURRENDER_RECONSIDERED', '2025-02-09T11:00:00+05:30', { orderRef: 'F24', reasons: REASONS })).toBe(false);
      // Lawful before the deadline falls due: a state that shortens the period gets no escalation for a declaration the machine refuses.
      sut.must('LEGALLY_FREE_DECLARED', '2025-02-09T11:00:00+05:30', free);
    });

    it('keeps a shortened working interval after the period, never before it', () => {
      const sut = surrendered({ 'cncp.legallyFreeAfterSurrender': { within: 'P1D' } });
      expect(sut.deadline('cncp.legallyFreeAfterSurrender')?.dueAt).toBe('2025-03-11T04:30:00.000Z');
      expect(sut.send('LEGALLY_FREE_DECLARED', '2025-03-10T09:00:00+05:30', free)).toBe(false);
      sut.must('LEGALLY_FREE_DECLARED', '2025-03-10T11:00:00+05:30', free);
    });

    it('declares a surrendered child legally free only after the 2-month reconsideration period (s.38(2))', () => {
      const sut = surrendered();
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
      sut.must('ICP_PREPARED', '2025-02-10T10:00:00+05:30', { icpRef: 'ICP-1', goals: SAMPLE_ICP_GOALS });
      expect(sut.deadline('cncp.icpReview')?.dueAt).toBe('2025-05-10T04:30:00.000Z');
      sut.must('ICP_REVIEWED', '2025-05-01T10:00:00+05:30', { icpRef: 'ICP-1', progress: [{ domain: 'HEALTH', status: 'ON_TRACK' }] });
      expect(sut.deadline('cncp.icpReview')?.dueAt).toBe('2025-08-01T04:30:00.000Z');
      sut.must('RESTORATION_ORDERED', '2025-06-01T10:00:00+05:30', { orderRef: 'R', reasons: REASONS });
      expect(sut.state).toBe('cncp.restoration.pending');
    });

    it('accepts an Individual Care Plan only with a goal in every domain: health, education, emotional, family contact, skills', () => {
      const sut = cncpWithSir().must('FINAL_ORDER_PASSED', '2025-02-01T10:00:00+05:30', {
        order: 'CHILDRENS_HOME',
        reasons: REASONS,
        orderRef: 'O-1',
      });
      const withoutSkills = SAMPLE_ICP_GOALS.filter((g) => g.domain !== 'SKILLS');
      expect(sut.send('ICP_PREPARED', '2025-02-10T10:00:00+05:30', { icpRef: 'ICP-1', goals: withoutSkills })).toBe(false);
      expect(sut.state).toBe('cncp.inCare.icpDue');
      sut.must('ICP_PREPARED', '2025-02-10T10:00:00+05:30', { icpRef: 'ICP-1', goals: SAMPLE_ICP_GOALS });
      expect(sut.send('ICP_REVIEWED', '2025-03-10T10:00:00+05:30', { icpRef: 'ICP-1', progress: [] })).toBe(false);
    });

    it('asks for the traced family to be verified within 15 days (policy), before the CWC restores the child (s.36(2), s.40)', () => {
      const sut = cncpWithSir();
      sut.must('FAMILY_TRACED', '2025-01-20T10:00:00+05:30', { reportRef: 'MISSING/RJ/7', tracedBy: 'SJPU Jaipur', familyDistrictCode: 'MH-PUNE', familyStateCode: 'MH' });
      expect(sut.deadline('cncp.familyVerification')).toMatchObject({ basis: 'policy', dueAt: '2025-02-04T04:30:00.000Z' });
      expect(sut.last?.actions).toContainEqual({ type: 'notify', params: { to: ['CWC', 'DCPU'], about: 'family traced' } });
      // One trace at a time.
      expect(sut.send('FAMILY_TRACED', '2025-01-21T10:00:00+05:30', { reportRef: 'MISSING/RJ/8', tracedBy: 'SJPU' })).toBe(false);
      sut.must('FAMILY_VERIFIED', '2025-01-30T10:00:00+05:30', { reportRef: 'MISSING/RJ/7', outcome: 'SUITABLE', reasons: REASONS });
      expect(sut.deadlineIds).not.toContain('cncp.familyVerification');
      expect(sut.context.familyTrace).toMatchObject({ outcome: 'SUITABLE', familyDistrictCode: 'MH-PUNE' });
      sut.must('FINAL_ORDER_PASSED', '2025-02-01T10:00:00+05:30', { order: 'RESTORATION', reasons: REASONS, orderRef: 'O-1' });
      expect(sut.state).toBe('cncp.restoration.pending');
    });

    it('keeps the family verification running when the child is placed in care before it is done', () => {
      const sut = cncpWithSir().must('FAMILY_TRACED', '2025-01-20T10:00:00+05:30', { reportRef: 'M/1', tracedBy: 'SJPU' });
      sut.must('FINAL_ORDER_PASSED', '2025-01-25T10:00:00+05:30', { order: 'CHILDRENS_HOME', reasons: REASONS, orderRef: 'O-1' });
      expect(sut.deadline('cncp.familyVerification')?.dueAt).toBe('2025-02-04T04:30:00.000Z');
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
      sut.must('ICP_PREPARED', '2025-02-10T10:00:00+05:30', { icpRef: 'ICP-1', goals: SAMPLE_ICP_GOALS });
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

    it('prepares and reviews the Individual Care Plan of a child restored by order, through restoration and its follow-up (s.2(39); F.7)', () => {
      const sut = ordered();
      expect(sut.send('ICP_REVIEWED', '2025-02-01T12:00:00+05:30', { icpRef: 'ICP-R', progress: [{ domain: 'HEALTH', status: 'ON_TRACK' }] })).toBe(false);
      expect(allowedEvents(sut.snapshot, 'DCPU_OFFICER')).toContain('ICP_PREPARED');
      sut.must('ICP_PREPARED', '2025-02-01T12:00:00+05:30', { icpRef: 'ICP-R', goals: SAMPLE_ICP_GOALS });
      expect(sut.state).toBe('cncp.restoration.pending');
      expect(sut.context.icp).toMatchObject({ ref: 'ICP-R' });
      sut.must('CHILD_RESTORED', '2025-02-02T10:00:00+05:30', { restoredTo: 'PARENT' });
      sut.must('ICP_REVIEWED', '2025-03-02T10:00:00+05:30', { icpRef: 'ICP-R', progress: [{ domain: 'EDUCATION', status: 'ON_TRACK' }] });
      expect(sut.state).toBe('cncp.followUp');
      expect(sut.context.icp).toMatchObject({ ref: 'ICP-R', reviewedAt: '2025-03-02T10:00:00+05:30' });
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

  describe('age determination (s.94)', () => {
    const ORDERED = '2025-01-07T11:00:00+05:30'; // 05:30Z
    const order = { orderRef: 'AD-1', groundsForDoubt: 'appearance and statement disagree', medicalTest: true } as const;
    const produced = (input: ConstructorParameters<typeof CaseUnderTest>[0] = { track: 'CNCP' }, circumstance: 'LOST' | 'ABANDONED' = 'LOST') =>
      new CaseUnderTest(input).must('PRODUCED_BEFORE_CWC', PRODUCED, { circumstance, producedBy: 'CHILDLINE' });

    it('completes age determination, with any medical test, within 15 days of the CWC’s order, without holding up the inquiry (s.94(2))', () => {
      const sut = produced().must('AGE_DETERMINATION_ORDERED', ORDERED, order);
      expect(sut.state).toBe('cncp.beforeCwc.awaitingInterimPlacement');
      expect(sut.deadline('cncp.ageDetermination')).toMatchObject({
        obligation: 'Complete age determination, with any medical test',
        dueAt: '2025-01-22T05:30:00.000Z',
        citation: expect.stringContaining('s.94(2)'),
        ladder: DEFAULT_LADDER,
      });
      // The inquiry goes on around it, and the deadline stays open through every step.
      sut
        .must('INTERIM_PLACEMENT_ORDERED', ORDERED, { placement: 'CHILDRENS_HOME', orderRef: 'F18' })
        .must('SIR_ORDERED', ORDERED, { sirRef: 'SIR-1' })
        .must('SIR_SUBMITTED', '2025-01-15T11:00:00+05:30', { sirRef: 'SIR-1', finding: 'FAMILY_TRACED' });
      expect(sut.deadlineIds).toEqual(['cncp.ageDetermination', 'cncp.finalOrder']);
      expect(allowedEvents(sut.snapshot, 'CWC_MEMBER')).toContain('AGE_DETERMINED');
      expect(allowedEvents(sut.snapshot, 'CWC_MEMBER')).not.toContain('FINAL_ORDER_PASSED');
      const finalOrder = { order: 'CHILDRENS_HOME', reasons: REASONS, orderRef: 'O-1' } as const;
      expect(sut.send('FINAL_ORDER_PASSED', '2025-01-16T11:00:00+05:30', finalOrder)).toBe(false);
      sut.must('AGE_DETERMINED', '2025-01-16T11:00:00+05:30', { ageYears: 12, evidence: 'MEDICAL_AGE_TEST' });
      expect(sut.deadline('cncp.ageDetermination')).toBeUndefined();
      expect(sut.context.ageDetermination).toMatchObject({ orderRef: 'AD-1', medicalTest: true, ageYears: 12 });
      expect(sut.context.child.ageYears).toBe(12);
      sut.must('FINAL_ORDER_PASSED', '2025-01-17T11:00:00+05:30', finalOrder);
      expect(sut.state).toBe('cncp.inCare.icpDue');
    });

    it('determines the age once per inquiry and records it only on an order (s.94(2), (3))', () => {
      const sut = produced();
      expect(sut.send('AGE_DETERMINED', ORDERED, { ageYears: 12, evidence: 'BIRTH_CERTIFICATE' })).toBe(false);
      sut.must('AGE_DETERMINATION_ORDERED', ORDERED, order);
      expect(sut.send('AGE_DETERMINATION_ORDERED', ORDERED, order)).toBe(false);
      sut.must('AGE_DETERMINED', ORDERED, { ageYears: 12, dateOfBirth: '2012-05-01', evidence: 'BIRTH_CERTIFICATE' });
      expect(sut.send('AGE_DETERMINATION_ORDERED', ORDERED, order)).toBe(false);
      expect(sut.send('AGE_DETERMINED', ORDERED, { ageYears: 13, evidence: 'MEDICAL_AGE_TEST' })).toBe(false);
      expect(sut.context.child).toMatchObject({ ageYears: 12, dateOfBirth: '2012-05-01' });
    });

    it('takes the age determined as the true age, so the s.38(1) adoption clock follows it (s.94(3), s.38(1))', () => {
      const sut = produced({ track: 'CNCP', child: { ageYears: 1 } }, 'ABANDONED').must('AGE_DETERMINATION_ORDERED', ORDERED, order);
      expect(sut.deadline('cncp.legallyFreeUpTo2')?.dueAt).toBe('2025-03-06T14:30:00.000Z');
      sut.must('AGE_DETERMINED', '2025-01-10T11:00:00+05:30', { ageYears: 7, evidence: 'MEDICAL_AGE_TEST' });
      expect(sut.deadline('cncp.legallyFreeUpTo2')).toBeUndefined();
      expect(sut.deadline('cncp.legallyFreeOver2')?.dueAt).toBe('2025-05-06T14:30:00.000Z');
      // At 7 the s.36(1) proviso (under 6) no longer sends the child to a Specialised Adoption Agency.
      sut.must('INTERIM_PLACEMENT_ORDERED', '2025-01-10T12:00:00+05:30', { placement: 'CHILDRENS_HOME', orderRef: 'F18' });
    });

    it('takes a person found to be 18 or more out of the CWC, to be closed as not a child (s.94(3), s.2(12))', () => {
      const sut = produced().must('AGE_DETERMINATION_ORDERED', ORDERED, order);
      sut.must('AGE_DETERMINED', '2025-01-12T11:00:00+05:30', { ageYears: 19, evidence: 'SCHOOL_OR_MATRICULATION_CERTIFICATE' });
      expect(sut.state).toBe('cncp.foundNotAChild');
      expect(casePhase(sut.snapshot)).toBe('AWAITING_CLOSURE');
      expect(sut.last?.actions).toContainEqual({ type: 'notify', params: { to: ['DCPU'], about: 'found not a child' } });
      expect(sut.deadlineIds).toEqual([]);
      expect(sut.context.child.ageYears).toBe(10);
      sut.must('CLOSE_CASE', '2025-01-13T11:00:00+05:30', { ground: 'FOUND_NOT_A_CHILD', reasons: REASONS });
      expect(sut.state).toBe('closed');
    });

    it('holds the declaration of a child legally free for adoption until the age is determined (s.94, s.38)', () => {
      const sut = cncpWithSir({ child: { ageYears: 1 } }, 'ABANDONED', 'ABANDONED').must('AGE_DETERMINATION_ORDERED', ORDERED, order);
      const free = { ground: 'ABANDONED', ...SIGNED, orderRef: 'LF' } as const;
      expect(sut.send('LEGALLY_FREE_DECLARED', '2025-02-01T10:00:00+05:30', free)).toBe(false);
      sut.must('AGE_DETERMINED', '2025-02-01T10:00:00+05:30', { ageYears: 1, evidence: 'MEDICAL_AGE_TEST' });
      sut.must('LEGALLY_FREE_DECLARED', '2025-02-01T11:00:00+05:30', free);
    });
  });

  describe('leave of absence (s.98)', () => {
    const GRANTED = '2025-03-01T10:00:00+05:30'; // 04:30Z
    const leave = { orderRef: 'LOA-1', days: 5, journeyDays: 1, purpose: 'sister’s wedding' } as const;
    const inHome = (order: 'CHILDRENS_HOME' | 'FIT_PERSON' = 'CHILDRENS_HOME') =>
      cncpWithSir()
        .must('FINAL_ORDER_PASSED', '2025-02-01T10:00:00+05:30', { order, reasons: REASONS, orderRef: 'O' })
        .must('ICP_PREPARED', '2025-02-10T10:00:00+05:30', { icpRef: 'ICP-1', goals: SAMPLE_ICP_GOALS });

    it('grants a child in an institution leave of at most 7 days an instance, due back when the days granted and the journey end (s.98(1))', () => {
      const sut = inHome();
      expect(sut.send('LEAVE_OF_ABSENCE_GRANTED', GRANTED, { ...leave, days: 8 })).toBe(false);
      expect(sut.last?.rejection).toMatchObject({ reason: 'EVENT_NOT_ALLOWED' });
      expect(allowedEvents(sut.snapshot, 'CWC_MEMBER')).toContain('LEAVE_OF_ABSENCE_GRANTED');
      sut.must('LEAVE_OF_ABSENCE_GRANTED', GRANTED, leave);
      expect(sut.state).toBe('cncp.inCare.icpInForce');
      expect(sut.deadline('cncp.returnFromLeave')).toMatchObject({
        obligation: 'Child to return from leave',
        startedAt: GRANTED,
        dueAt: '2025-03-07T04:30:00.000Z',
        citation: expect.stringContaining('s.98(1)'),
        ladder: DEFAULT_LADDER,
      });
      // One instance at a time.
      expect(sut.send('LEAVE_OF_ABSENCE_GRANTED', GRANTED, leave)).toBe(false);
      sut.must('RETURNED_FROM_LEAVE', '2025-03-06T18:00:00+05:30', {});
      expect(sut.deadline('cncp.returnFromLeave')).toBeUndefined();
      expect(sut.context.leave).toMatchObject({ outcome: 'RETURNED', endedAt: '2025-03-06T18:00:00+05:30' });
      expect(sut.send('RETURNED_FROM_LEAVE', '2025-03-07T18:00:00+05:30', {})).toBe(false);
      sut.must('LEAVE_OF_ABSENCE_GRANTED', '2025-04-01T10:00:00+05:30', { ...leave, days: 7, journeyDays: undefined });
      expect(sut.deadline('cncp.returnFromLeave')?.dueAt).toBe('2025-04-08T04:30:00.000Z');
    });

    it('keeps the return due through the care plan’s steps, and escalates it like any other deadline once overdue (s.98(1))', () => {
      const sut = cncpWithSir()
        .must('FINAL_ORDER_PASSED', '2025-02-01T10:00:00+05:30', { order: 'CHILDRENS_HOME', reasons: REASONS, orderRef: 'O' })
        .must('LEAVE_OF_ABSENCE_GRANTED', GRANTED, { ...leave, journeyDays: 0 })
        .must('ICP_PREPARED', '2025-03-02T10:00:00+05:30', { icpRef: 'ICP-1', goals: SAMPLE_ICP_GOALS })
        .must('ICP_REVIEWED', '2025-03-03T10:00:00+05:30', { icpRef: 'ICP-1', progress: [{ domain: 'HEALTH', status: 'ON_TRACK' }] });
      expect(sut.deadline('cncp.returnFromLeave')).toMatchObject({ dueAt: '2025-03-06T04:30:00.000Z', ladder: DEFAULT_LADDER });
    });

    it('reads the longest leave from the state’s return-from-leave period, the one its deadline reads', () => {
      const sut = cncpWithSir({ deadlinePolicy: { 'cncp.returnFromLeave': { within: 'P3D' } } })
        .must('FINAL_ORDER_PASSED', '2025-02-01T10:00:00+05:30', { order: 'CHILDRENS_HOME', reasons: REASONS, orderRef: 'O' });
      expect(sut.send('LEAVE_OF_ABSENCE_GRANTED', GRANTED, { ...leave, days: 4 })).toBe(false);
      sut.must('LEAVE_OF_ABSENCE_GRANTED', GRANTED, { ...leave, days: 3 });
    });

    it('grants no s.98 leave to a child who is not in an institution', () => {
      expect(inHome('FIT_PERSON').send('LEAVE_OF_ABSENCE_GRANTED', GRANTED, leave)).toBe(false);
    });

    it('reports a child who does not return from leave as missing from the institution (s.98(3))', () => {
      const sut = inHome().must('LEAVE_OF_ABSENCE_GRANTED', GRANTED, leave);
      sut.must('CHILD_MISSING_FROM_CCI', '2025-03-08T10:00:00+05:30', { cciRef: 'CCI-9' });
      expect(sut.state).toBe('cncp.missing.unreported');
      expect(sut.deadlineIds).toEqual(['cncp.missingReport']);
      expect(sut.context.leave).toMatchObject({ outcome: 'DID_NOT_RETURN' });
      expect(sut.context.missing).toMatchObject({ from: 'CARE', cciRef: 'CCI-9' });
      sut.must('CHILD_TRACED', '2025-03-10T10:00:00+05:30', { tracedBy: 'SJPU' });
      expect(sut.state).toBe('cncp.inCare.icpInForce');
      expect(sut.deadline('cncp.returnFromLeave')).toBeUndefined();
      expect(sut.send('RETURNED_FROM_LEAVE', '2025-03-10T11:00:00+05:30', {})).toBe(false);
    });

    it('ends a leave when care itself ends, as on restoration to the family', () => {
      const sut = inHome().must('LEAVE_OF_ABSENCE_GRANTED', GRANTED, leave);
      sut.must('RESTORATION_ORDERED', '2025-03-03T10:00:00+05:30', { orderRef: 'R', reasons: REASONS });
      expect(sut.deadlineIds).toEqual([]);
      expect(sut.context.leave).toMatchObject({ outcome: 'CARE_ENDED' });
    });
  });

  describe('a child missing from an institution pending inquiry', () => {
    const pending = (placement: 'CHILDRENS_HOME' | 'FIT_PERSON' = 'CHILDRENS_HOME') =>
      new CaseUnderTest({ track: 'CNCP' })
        .must('PRODUCED_BEFORE_CWC', PRODUCED, { circumstance: 'LOST', producedBy: 'CHILDLINE' })
        .must('INTERIM_PLACEMENT_ORDERED', PRODUCED, { placement, orderRef: 'F18' })
        .must('SIR_ORDERED', '2025-01-10T12:00:00+05:30', { sirRef: 'SIR-7' });

    it('reports a child missing during interim placement within 24 hours, keeps the inquiry’s clock running, and resumes the inquiry where it stood when traced', () => {
      const sut = pending();
      const finalOrderDue = sut.deadline('cncp.finalOrder')?.dueAt;
      const sirDue = sut.deadline('cncp.sir')?.dueAt;
      sut.must('CHILD_MISSING_FROM_CCI', '2025-01-12T08:00:00+05:30', { cciRef: 'CCI-9' });
      expect(sut.state).toBe('cncp.beforeCwc.missing.unreported');
      expect(casePhase(sut.snapshot)).toBe('MISSING');
      expect(sut.last?.actions).toContainEqual({
        type: 'notify',
        params: { to: ['POLICE_STATION', 'SJPU', 'CWC', 'DCPU'], about: 'child missing' },
      });
      expect(sut.deadline('cncp.missingReport')?.dueAt).toBe('2025-01-13T02:30:00.000Z');
      expect(sut.deadline('cncp.finalOrder')?.dueAt).toBe(finalOrderDue);
      expect(sut.context.missing).toMatchObject({ from: 'INTERIM_PLACEMENT' });
      // A parent surrenders a child by producing it (s.35(1)); a missing child cannot be.
      expect(sut.send('SURRENDER_DEED_EXECUTED', '2025-01-12T09:00:00+05:30', { deedRef: 'F23', surrenderedBy: 'PARENT' })).toBe(false);
      sut.must('MISSING_REPORTED_TO_POLICE', '2025-01-12T12:00:00+05:30', { firRef: 'FIR-1' });
      expect(sut.deadline('cncp.ahtuReferral')?.dueAt).toBe('2025-05-12T02:30:00.000Z');
      sut.must('CHILD_TRACED', '2025-01-14T12:00:00+05:30', { tracedBy: 'SJPU' });
      expect(sut.state).toBe('cncp.beforeCwc.inquiry.awaitingSir');
      expect(sut.deadline('cncp.sir')?.dueAt).toBe(sirDue);
      expect(sut.deadlineIds).toEqual(['cncp.finalOrder', 'cncp.sir']);
    });

    it('does not treat a child placed with a fit person pending inquiry as missing from an institution', () => {
      expect(pending('FIT_PERSON').send('CHILD_MISSING_FROM_CCI', '2025-01-12T08:00:00+05:30', { cciRef: 'CCI-9' })).toBe(false);
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
