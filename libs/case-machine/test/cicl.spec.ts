import { describe, it, expect } from '@jest/globals';
import { SAMPLE_ICP_GOALS, casePhase, scheduledSystemEvents } from '../src/index.js';
import { CaseUnderTest, ciclProduced, cncpWithSir, REASONS } from './support.js';

const PRODUCED = '2025-01-06T20:00:00+05:30'; // 14:30Z

describe('CICL track, before the Juvenile Justice Board', () => {
  it('requires an apprehended child to be produced before the JJB within 24 hours (s.10(1))', () => {
    const sut = new CaseUnderTest({ track: 'CICL' });
    expect(sut.state).toBe('cicl.apprehended');
    expect(sut.deadline('cicl.production')?.dueAt).toBe('2025-01-07T04:30:00.000Z');
  });

  it('counts the SIR (2 weeks) and the inquiry (4 months) from first production (s.13(1)(ii), s.14(2))', () => {
    const sut = ciclProduced('SERIOUS');
    expect(sut.deadline('cicl.sir')?.dueAt).toBe('2025-01-20T14:30:00.000Z');
    expect(sut.deadline('cicl.inquiry')?.dueAt).toBe('2025-05-06T14:30:00.000Z');
  });

  it('refuses bail only on a s.12(1) proviso ground, with reasons and the child kept in an observation home (s.12)', () => {
    const sut = new CaseUnderTest({ track: 'CICL' }).must('PRODUCED_BEFORE_JJB', PRODUCED, {
      offenceCategory: 'SERIOUS',
      ageAtOffence: 15,
    });
    expect(sut.send('BAIL_DECIDED', PRODUCED, { granted: false })).toBe(false);
    expect(sut.send('BAIL_DECIDED', PRODUCED, { granted: false, refusalGround: 'DEFEAT_ENDS_OF_JUSTICE' })).toBe(false);
    sut.must('BAIL_DECIDED', PRODUCED, {
      granted: false,
      refusalGround: 'DEFEAT_ENDS_OF_JUSTICE',
      reasons: REASONS,
      custody: 'OBSERVATION_HOME',
    });
    expect(sut.state).toBe('cicl.beforeJjb.awaitingSir');
  });

  it('holds a preliminary assessment, due 3 months from production, only for a heinous offence by a child of 16–18 (s.15)', () => {
    const heinous17 = ciclProduced('HEINOUS', 17).must('SIR_SUBMITTED', '2025-01-15T10:00:00+05:30', { sirRef: 'SIR' });
    expect(heinous17.state).toBe('cicl.beforeJjb.preliminaryAssessment');
    expect(heinous17.deadline('cicl.preliminaryAssessment')?.dueAt).toBe('2025-04-06T14:30:00.000Z');

    const heinous15 = ciclProduced('HEINOUS', 15).must('SIR_SUBMITTED', '2025-01-15T10:00:00+05:30', { sirRef: 'SIR' });
    expect(heinous15.state).toBe('cicl.beforeJjb.inquiry');
    const serious17 = ciclProduced('SERIOUS', 17).must('SIR_SUBMITTED', '2025-01-15T10:00:00+05:30', { sirRef: 'SIR' });
    expect(serious17.state).toBe('cicl.beforeJjb.inquiry');
  });

  it('transfers the trial to the Children’s Court only after a preliminary assessment finding trial as an adult (s.18(3))', () => {
    const sut = ciclProduced('HEINOUS', 17).must('SIR_SUBMITTED', '2025-01-15T10:00:00+05:30', { sirRef: 'SIR' });
    expect(sut.send('TRANSFERRED_TO_CHILDRENS_COURT', '2025-02-01T10:00:00+05:30', { courtRef: 'CC', orderRef: 'T' })).toBe(false);
    sut.must('PRELIMINARY_ASSESSMENT_COMPLETED', '2025-03-01T10:00:00+05:30', { finding: 'TRIAL_AS_ADULT', reasons: REASONS });
    sut.must('TRANSFERRED_TO_CHILDRENS_COURT', '2025-03-02T10:00:00+05:30', { courtRef: 'CC', orderRef: 'T' });
    expect(sut.state).toBe('cicl.transferredToChildrensCourt');
    expect(sut.deadlineIds).toEqual([]);

    const asChild = ciclProduced('HEINOUS', 17)
      .must('SIR_SUBMITTED', '2025-01-15T10:00:00+05:30', { sirRef: 'SIR' })
      .must('PRELIMINARY_ASSESSMENT_COMPLETED', '2025-03-01T10:00:00+05:30', { finding: 'INQUIRY_AS_CHILD', reasons: REASONS });
    expect(asChild.state).toBe('cicl.beforeJjb.inquiry');
  });

  it('lets the JJB extend the inquiry once, by 2 months, only with recorded reasons (s.14(2))', () => {
    const sut = ciclProduced('SERIOUS');
    expect(sut.send('INQUIRY_EXTENDED', '2025-05-01T10:00:00+05:30', { reasons: 'busy' })).toBe(false);
    expect(sut.last?.rejection?.reason).toBe('INVALID_PAYLOAD');
    sut.must('INQUIRY_EXTENDED', '2025-05-01T10:00:00+05:30', { reasons: REASONS });
    expect(sut.deadline('cicl.inquiry')?.dueAt).toBe('2025-07-06T14:30:00.000Z');
    expect(sut.send('INQUIRY_EXTENDED', '2025-06-01T10:00:00+05:30', { reasons: REASONS })).toBe(false);
  });

  it('does not extend an inquiry whose four months have already run out (s.14(2))', () => {
    const sut = ciclProduced('SERIOUS');
    expect(sut.send('INQUIRY_EXTENDED', '2025-05-07T10:00:00+05:30', { reasons: REASONS })).toBe(false);
  });

  it('terminates a petty-offence inquiry still inconclusive after the extended period, on a SYSTEM event (s.14(4))', () => {
    const sut = ciclProduced('PETTY');
    expect(scheduledSystemEvents(sut.snapshot)).toEqual([
      { type: 'PROCEEDINGS_TERMINATED', at: '2025-07-06T14:30:00.000Z', citation: 's.14(4)' },
    ]);
    expect(sut.send('PROCEEDINGS_TERMINATED', '2025-07-06T19:59:00+05:30', {})).toBe(false);
    sut.must('PROCEEDINGS_TERMINATED', '2025-07-06T20:00:00+05:30', {});
    expect(sut.state).toBe('cicl.terminated');
    expect(sut.deadlineIds).toEqual([]);
    expect(scheduledSystemEvents(sut.snapshot)).toEqual([]);
  });

  it('never terminates a serious-offence inquiry under s.14(4); the CJM may grant more time after the extension (s.14(4) proviso)', () => {
    const sut = ciclProduced('SERIOUS');
    expect(scheduledSystemEvents(sut.snapshot)).toEqual([]);
    expect(sut.send('PROCEEDINGS_TERMINATED', '2026-01-01T10:00:00+05:30', {})).toBe(false);
    const cjm = { magistrate: 'CJM', extendBy: 'P1M', reasons: REASONS } as const;
    expect(sut.send('INQUIRY_EXTENDED_BY_MAGISTRATE', '2025-05-01T10:00:00+05:30', cjm)).toBe(false);
    sut.must('INQUIRY_EXTENDED', '2025-05-01T10:00:00+05:30', { reasons: REASONS });
    sut.must('INQUIRY_EXTENDED_BY_MAGISTRATE', '2025-07-01T10:00:00+05:30', cjm);
    expect(sut.deadline('cicl.inquiry')?.dueAt).toBe('2025-08-06T14:30:00.000Z');

    const petty = ciclProduced('PETTY').must('INQUIRY_EXTENDED', '2025-05-01T10:00:00+05:30', { reasons: REASONS });
    expect(petty.send('INQUIRY_EXTENDED_BY_MAGISTRATE', '2025-06-01T10:00:00+05:30', cjm)).toBe(false);
  });

  it('moves to the ICP and follow-up after a s.18 order, and transfers the child out of district only after it (s.18, s.95(1) proviso)', () => {
    const sut = ciclProduced('SERIOUS').must('SIR_SUBMITTED', '2025-01-15T10:00:00+05:30', { sirRef: 'SIR' });
    const transfer = { orderRef: 'T', toDistrictCode: 'IN-BR-PAT', toStateCode: 'IN-BR' } as const;
    expect(sut.send('TRANSFER_ORDERED', '2025-02-01T10:00:00+05:30', transfer)).toBe(false);
    sut.must('JJB_FINAL_ORDER_PASSED', '2025-03-01T10:00:00+05:30', {
      order: 'PROBATION_WITH_PARENT_OR_GUARDIAN',
      reasons: REASONS,
      orderRef: 'O',
    });
    expect(sut.state).toBe('cicl.postOrder.icpDue');
    expect(sut.deadlineIds).toEqual(['cicl.icpPreparation']);
    sut.must('TRANSFER_ORDERED', '2025-03-02T10:00:00+05:30', transfer);
    sut.must('ICP_PREPARED', '2025-03-10T10:00:00+05:30', { icpRef: 'ICP', goals: SAMPLE_ICP_GOALS });
    expect(sut.send('FOLLOW_UP_COMPLETED', '2025-03-11T10:00:00+05:30', {})).toBe(false);
    sut.must('FOLLOW_UP_REPORT_FILED', '2025-06-01T10:00:00+05:30', { reportRef: 'FU' });
    sut.must('FOLLOW_UP_COMPLETED', '2025-06-02T10:00:00+05:30', {});
    expect(sut.state).toBe('cicl.completed');
  });

  describe('age determination (s.94)', () => {
    const order = { orderRef: 'AD-1', groundsForDoubt: 'school record and appearance disagree', medicalTest: true } as const;

    it('completes age determination, with any medical test, within 15 days of the JJB’s order, and holds the final order until then (s.94(2))', () => {
      const sut = ciclProduced('SERIOUS').must('AGE_DETERMINATION_ORDERED', '2025-01-07T10:00:00+05:30', order);
      expect(sut.deadline('cicl.ageDetermination')).toMatchObject({
        obligation: 'Complete age determination, with any medical test',
        dueAt: '2025-01-22T04:30:00.000Z',
        citation: expect.stringContaining('s.94(2)'),
      });
      sut.must('SIR_SUBMITTED', '2025-01-15T10:00:00+05:30', { sirRef: 'SIR' });
      const finalOrder = { order: 'COMMUNITY_SERVICE', reasons: REASONS, orderRef: 'O' } as const;
      expect(sut.send('JJB_FINAL_ORDER_PASSED', '2025-01-20T10:00:00+05:30', finalOrder)).toBe(false);
      sut.must('AGE_DETERMINED', '2025-01-20T10:00:00+05:30', { ageYears: 16, evidence: 'BIRTH_CERTIFICATE' });
      expect(sut.deadline('cicl.ageDetermination')).toBeUndefined();
      expect(sut.context.offence).toEqual({ category: 'SERIOUS', ageAtOffence: 16 });
      sut.must('JJB_FINAL_ORDER_PASSED', '2025-01-21T10:00:00+05:30', finalOrder);
    });

    it('takes a person found to have been 18 or more at the offence out of the JJB, to be closed as not a child (s.2(13), s.94(3))', () => {
      const sut = ciclProduced('PETTY').must('AGE_DETERMINATION_ORDERED', '2025-01-07T10:00:00+05:30', order);
      sut.must('AGE_DETERMINED', '2025-01-15T10:00:00+05:30', { ageYears: 18, evidence: 'SCHOOL_OR_MATRICULATION_CERTIFICATE' });
      expect(sut.state).toBe('cicl.foundNotAChild');
      expect(casePhase(sut.snapshot)).toBe('AWAITING_CLOSURE');
      expect(sut.last?.actions).toContainEqual({ type: 'notify', params: { to: ['POLICE_STATION', 'DCPU'], about: 'found not a child' } });
      expect(sut.deadlineIds).toEqual([]);
      expect(scheduledSystemEvents(sut.snapshot)).toEqual([]);
      sut.must('CLOSE_CASE', '2025-01-16T10:00:00+05:30', { ground: 'FOUND_NOT_A_CHILD', reasons: REASONS });
    });

    it('holds a preliminary assessment only for a child found to have been 16–18 at a heinous offence (s.15(1), s.94(3))', () => {
      const assessed = ciclProduced('HEINOUS', 17)
        .must('SIR_SUBMITTED', '2025-01-15T10:00:00+05:30', { sirRef: 'SIR' })
        .must('AGE_DETERMINATION_ORDERED', '2025-01-16T10:00:00+05:30', order);
      const finding = { finding: 'TRIAL_AS_ADULT', reasons: REASONS } as const;
      expect(assessed.send('PRELIMINARY_ASSESSMENT_COMPLETED', '2025-01-20T10:00:00+05:30', finding)).toBe(false);
      assessed.must('AGE_DETERMINED', '2025-01-20T10:00:00+05:30', { ageYears: 15, evidence: 'MEDICAL_AGE_TEST' });
      expect(assessed.state).toBe('cicl.beforeJjb.inquiry');
      expect(assessed.deadlineIds).toEqual(['cicl.inquiry']);

      const younger = ciclProduced('HEINOUS', 15)
        .must('SIR_SUBMITTED', '2025-01-15T10:00:00+05:30', { sirRef: 'SIR' })
        .must('AGE_DETERMINATION_ORDERED', '2025-01-16T10:00:00+05:30', order)
        .must('AGE_DETERMINED', '2025-01-20T10:00:00+05:30', { ageYears: 16, evidence: 'BIRTH_CERTIFICATE' });
      expect(younger.state).toBe('cicl.beforeJjb.preliminaryAssessment');
      expect(younger.deadline('cicl.preliminaryAssessment')?.dueAt).toBe('2025-04-06T14:30:00.000Z');
    });
  });

  it('hands a child found to need care over to the CWC, to be produced there within 24 hours', () => {
    const sut = ciclProduced('PETTY').must('SIR_SUBMITTED', '2025-01-15T10:00:00+05:30', { sirRef: 'SIR' });
    sut.must('REFERRED_TO_CWC', '2025-02-01T10:00:00+05:30', { reasons: REASONS });
    expect(sut.state).toBe('cncp.awaitingProduction');
    expect(sut.context.track).toBe('CNCP');
    expect(sut.context.handoffs).toEqual([{ from: 'CICL', to: 'CNCP', at: '2025-02-01T10:00:00+05:30', reasons: REASONS }]);
    expect(sut.deadlineIds).toEqual(['cncp.production']);
    expect(sut.last?.actions).toContainEqual({ type: 'notify', params: { to: ['CWC'], about: 'referral' } });
  });

  it('hands a child in the CWC’s care who is apprehended for an offence to the JJB, to be produced within 24 hours (s.10(1))', () => {
    const sut = cncpWithSir().must('FINAL_ORDER_PASSED', '2025-02-01T10:00:00+05:30', {
      order: 'CHILDRENS_HOME',
      reasons: REASONS,
      orderRef: 'O-1',
    });
    expect(sut.deadlineIds).toContain('cncp.icpPreparation');
    sut.must('APPREHENDED_FOR_OFFENCE', '2025-02-10T18:00:00+05:30', { firRef: 'FIR 12/2025', allegedOffence: 'theft (s.303 BNS)' });
    expect(sut.state).toBe('cicl.apprehended');
    expect(sut.context.track).toBe('CICL');
    expect(sut.context.handoffs).toEqual([
      { from: 'CNCP', to: 'CICL', at: '2025-02-10T18:00:00+05:30', reasons: 'FIR FIR 12/2025: theft (s.303 BNS)' },
    ]);
    // The care deadlines stop with the CWC's episode; the JJB's production clock starts.
    expect(sut.deadlineIds).toEqual(['cicl.production']);
    expect(sut.deadline('cicl.production')?.dueAt).toBe('2025-02-11T12:30:00.000Z');
    expect(sut.last?.actions).toContainEqual({ type: 'notify', params: { to: ['JJB', 'CWC', 'DCPU'], about: 'apprehension' } });
    sut.must('PRODUCED_BEFORE_JJB', '2025-02-11T10:00:00+05:30', { offenceCategory: 'PETTY', ageAtOffence: 15 });
    expect(sut.state).toBe('cicl.beforeJjb.bailHearing');
  });

  it('does not hand over a child who is not before the CWC or in its care (s.10(1))', () => {
    const awaiting = new CaseUnderTest({ track: 'CNCP' });
    expect(awaiting.send('APPREHENDED_FOR_OFFENCE', '2025-01-06T12:00:00+05:30', { firRef: 'F', allegedOffence: 'theft' })).toBe(false);
    const cicl = ciclProduced('PETTY');
    expect(cicl.send('APPREHENDED_FOR_OFFENCE', '2025-01-07T12:00:00+05:30', { firRef: 'F', allegedOffence: 'theft' })).toBe(false);
  });

  it('hands over a child released under s.17(1) who needs care', () => {
    const sut = ciclProduced('PETTY')
      .must('SIR_SUBMITTED', '2025-01-15T10:00:00+05:30', { sirRef: 'SIR' })
      .must('JJB_FINAL_ORDER_PASSED', '2025-02-01T10:00:00+05:30', { order: 'RELEASED_NO_OFFENCE', reasons: REASONS, orderRef: 'O' });
    expect(sut.state).toBe('cicl.released');
    sut.must('REFERRED_TO_CWC', '2025-02-02T10:00:00+05:30', { reasons: REASONS });
    expect(sut.state).toBe('cncp.awaitingProduction');
  });
});
