// A deadline is met only by an event that fulfils it; a case that moves on ends it without meeting it (issue #20).
import { describe, it, expect } from '@jest/globals';
import { CASE_EVENT_TYPES, DEADLINE_RULES, prepareCaseEvent, projectStep } from '../src/index.js';
import { CaseUnderTest, ciclProduced, cncpWithSir, REASONS } from './support.js';

/** Sends an event as the workflow takes it and returns the step's projection. */
function step(sut: CaseUnderTest, type: string, at: string, payload: Record<string, unknown>) {
  const before = sut.snapshot;
  const prepared = prepareCaseEvent(before, { type, payload, at, sequence: sut.sequence });
  if (prepared.rejection) throw new Error(`${type} refused: ${prepared.rejection.message}`);
  sut.snapshot = prepared.next.snapshot;
  sut.sequence += 1;
  return projectStep(before, prepared.next, type, at);
}

const surrendered = () =>
  new CaseUnderTest({ track: 'CNCP', child: { ageYears: 0 } })
    .must('PRODUCED_BEFORE_CWC', '2025-01-06T20:00:00+05:30', { circumstance: 'SURRENDERED', producedBy: 'PARENT' })
    .must('SURRENDER_DEED_EXECUTED', '2025-01-10T10:00:00+05:30', { deedRef: 'F23-1', surrenderedBy: 'PARENT' });

describe('deadlines met only by the events that fulfil them', () => {
  it('names, for every deadline, at least one event of the machine that fulfils it', () => {
    for (const rule of DEADLINE_RULES) {
      expect(rule.fulfilledBy.length).toBeGreaterThan(0);
      for (const type of rule.fulfilledBy) expect(CASE_EVENT_TYPES).toContain(type);
    }
  });

  it('records a surrender reconsidered as ending the legally-free deadline without meeting it (s.35(3))', () => {
    const sut = surrendered();
    const projection = step(sut, 'SURRENDER_RECONSIDERED', '2025-03-09T10:00:00+05:30', { orderRef: 'F24', reasons: REASONS });
    expect(projection.deadlines.met).toEqual([]);
    expect(projection.deadlines.ended).toEqual(
      expect.arrayContaining([
        { id: 'cncp.legallyFreeAfterSurrender', dueAt: '2025-03-25T04:30:00.000Z', overdue: false },
        expect.objectContaining({ id: 'cncp.finalOrder', overdue: false }),
      ]),
    );
  });

  it('records the declaration after a surrender as meeting the legally-free deadline and the inquiry’s (s.38)', () => {
    const sut = surrendered();
    const projection = step(sut, 'LEGALLY_FREE_DECLARED', '2025-03-12T10:00:00+05:30', { ground: 'SURRENDERED', signedBy: ['m-1', 'm-2', 'm-3'], orderRef: 'LF' });
    expect(projection.deadlines.met.map((d) => d.id).sort()).toEqual(['cncp.finalOrder', 'cncp.legallyFreeAfterSurrender']);
    expect(projection.deadlines.ended).toEqual([]);
  });

  it('records a waived deadline as ended, not met', () => {
    const sut = cncpWithSir();
    const projection = step(sut, 'WAIVE_DEADLINE', '2025-02-03T10:00:00+05:30', { deadlineId: 'cncp.finalOrder', reasons: REASONS });
    expect(projection.deadlines.met).toEqual([]);
    expect(projection.deadlines.ended).toEqual([expect.objectContaining({ id: 'cncp.finalOrder', overdue: false })]);
  });

  it('marks a deadline that ended after its due time as overdue, and never as late-met', () => {
    // Referred to the CWC five months after production: the JJB's four-month inquiry ended unmet, overdue.
    const sut = ciclProduced('PETTY').must('SIR_SUBMITTED', '2025-01-15T10:00:00+05:30', { sirRef: 'SIR' });
    const projection = step(sut, 'REFERRED_TO_CWC', '2025-06-10T10:00:00+05:30', { reasons: REASONS });
    expect(projection.deadlines.met).toEqual([]);
    expect(projection.deadlines.ended).toEqual([expect.objectContaining({ id: 'cicl.inquiry', overdue: true })]);
    expect(projection.deadlines.opened.map((d) => d.id)).toEqual(['cncp.production']);
  });

  it('records neither met nor ended for a deadline an extension moves: it opens again under its new due time (s.14(2))', () => {
    const sut = ciclProduced('SERIOUS');
    const projection = step(sut, 'INQUIRY_EXTENDED', '2025-05-01T10:00:00+05:30', { reasons: REASONS });
    expect(projection.deadlines.met).toEqual([]);
    expect(projection.deadlines.ended).toEqual([]);
    expect(projection.deadlines.opened).toEqual([{ id: 'cicl.inquiry', dueAt: '2025-07-06T14:30:00.000Z' }]);
  });

  it('records the child found not a child as meeting the age determination and ending the inquiry (s.94(3))', () => {
    const sut = cncpWithSir().must('AGE_DETERMINATION_ORDERED', '2025-01-20T10:00:00+05:30', { orderRef: 'AD', groundsForDoubt: REASONS, medicalTest: true });
    const projection = step(sut, 'AGE_DETERMINED', '2025-01-25T10:00:00+05:30', { ageYears: 19, evidence: 'MEDICAL_AGE_TEST' });
    expect(projection.deadlines.met.map((d) => d.id)).toEqual(['cncp.ageDetermination']);
    expect(projection.deadlines.ended.map((d) => d.id)).toContain('cncp.finalOrder');
  });

  it('still records the repeating follow-up report as met when filed (it starts again)', () => {
    const sut = cncpWithSir()
      .must('FINAL_ORDER_PASSED', '2025-02-01T10:00:00+05:30', { order: 'RESTORATION', reasons: REASONS, orderRef: 'O' })
      .must('CHILD_RESTORED', '2025-02-02T10:00:00+05:30', { restoredTo: 'PARENT' });
    const projection = step(sut, 'FOLLOW_UP_REPORT_FILED', '2025-06-01T10:00:00+05:30', { reportRef: 'FU-1' });
    expect(projection.deadlines.met).toEqual([expect.objectContaining({ id: 'cncp.followUpReport', late: true })]);
    expect(projection.deadlines.ended).toEqual([]);
  });
});
