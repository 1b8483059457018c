import { describe, it, expect } from '@jest/globals';
import {
  caseMachine,
  initialCaseSnapshot,
  prepareCaseEvent,
  projectStep,
  type CaseSnapshot,
  type CaseTransitionMeta,
  type PreparedCaseEvent,
} from '../src/index.js';
import { CaseUnderTest, cncpWithSir, REASONS, T0 } from './support.js';

const newCicl = (): CaseSnapshot =>
  initialCaseSnapshot({ caseId: 'c', track: 'CICL', registeredAt: T0, child: { ageYears: 15 }, districtCode: 'D', stateCode: 'S' });

const taken = (prepared: PreparedCaseEvent) => {
  if (prepared.rejection) throw new Error(`refused: ${prepared.rejection.message}`);
  return prepared;
};

describe(prepareCaseEvent.name, () => {
  const production = { offenceCategory: 'PETTY', ageAtOffence: 15 };

  it('steps the case by an event it can take, without changing the snapshot it was given', () => {
    const snapshot = newCicl();
    const prepared = taken(prepareCaseEvent(snapshot, { type: 'PRODUCED_BEFORE_JJB', payload: production, at: '2025-01-06T12:00:00+05:30', sequence: 0 }));
    expect(prepared.event).toMatchObject({ type: 'PRODUCED_BEFORE_JJB', offenceCategory: 'PETTY', at: '2025-01-06T12:00:00+05:30' });
    expect(prepared.next.changed).toBe(true);
    expect(prepared.next.snapshot.value).toEqual({ cicl: { beforeJjb: 'bailHearing' } });
    expect(snapshot.value).toEqual({ cicl: 'apprehended' });
  });

  it('rejects an event sent against an older version of the case, naming both versions', () => {
    const prepared = prepareCaseEvent(newCicl(), { type: 'PRODUCED_BEFORE_JJB', payload: production, at: T0, sequence: 3, expectedSequence: 2 });
    expect(prepared.rejection).toEqual({
      reason: 'STALE_VERSION',
      state: 'cicl.apprehended',
      message: 'the case changed since version 2; it is now at version 3',
      allowedEvents: expect.arrayContaining(['PRODUCED_BEFORE_JJB']),
      currentVersion: 3,
    });
  });

  it('takes an event sent against the version the case is at', () => {
    expect(prepareCaseEvent(newCicl(), { type: 'PRODUCED_BEFORE_JJB', payload: production, at: T0, sequence: 3, expectedSequence: 3 }).rejection).toBeUndefined();
  });

  it('rejects a malformed payload with the path and message of each issue', () => {
    const prepared = prepareCaseEvent(newCicl(), { type: 'PRODUCED_BEFORE_JJB', payload: { offenceCategory: 'PETTY', ageAtOffence: 18 }, at: T0, sequence: 0 });
    expect(prepared.rejection).toMatchObject({ reason: 'INVALID_PAYLOAD', state: 'cicl.apprehended', message: 'invalid PRODUCED_BEFORE_JJB event' });
    expect(prepared.rejection?.issues).toEqual([{ path: 'ageAtOffence', message: 'a person of 18 or more is not a child (s.2(12))', code: 'too_big', origin: 'number', maximum: 18, inclusive: false }]);
  });

  it('rejects an event type it does not know as a malformed payload', () => {
    const prepared = prepareCaseEvent(newCicl(), { type: 'NOPE', payload: {}, at: T0, sequence: 0 });
    expect(prepared.rejection).toMatchObject({ reason: 'INVALID_PAYLOAD', issues: [{ path: 'type', message: 'unknown event type: NOPE' }] });
  });

  it('rejects an event the state cannot take, naming the state and the events it can take', () => {
    const prepared = prepareCaseEvent(newCicl(), { type: 'BAIL_DECIDED', payload: { granted: true }, at: T0, sequence: 0 });
    expect(prepared.rejection).toMatchObject({
      reason: 'EVENT_NOT_ALLOWED',
      state: 'cicl.apprehended',
      message: 'a case in "Apprehended: to be produced before the JJB" cannot take BAIL_DECIDED',
    });
    expect(prepared.rejection?.allowedEvents).toContain('PRODUCED_BEFORE_JJB');
    expect(prepared.rejection?.allowedEvents).not.toContain('BAIL_DECIDED');
  });

  it('names the allowed events through the function it is given, at the event’s time', () => {
    const asked: string[] = [];
    const prepared = prepareCaseEvent(newCicl(), { type: 'BAIL_DECIDED', payload: { granted: true }, at: T0, sequence: 0 }, (at) => {
      asked.push(at);
      return ['WAIVE_DEADLINE'];
    });
    expect(prepared.rejection?.allowedEvents).toEqual(['WAIVE_DEADLINE']);
    expect(asked).toEqual([T0]);
  });
});

describe(projectStep.name, () => {
  const step = (sut: CaseUnderTest, type: string, at: string, payload: Record<string, unknown>) => {
    const before = sut.snapshot;
    const { next } = taken(prepareCaseEvent(before, { type, payload, at, sequence: 0 }));
    sut.snapshot = next.snapshot;
    return projectStep(before, next, type, at);
  };

  it('records the states, phase, met and opened deadlines and the production milestone, on time', () => {
    const sut = new CaseUnderTest({ track: 'CNCP' });
    const projection = step(sut, 'PRODUCED_BEFORE_CWC', '2025-01-06T20:00:00+05:30', { circumstance: 'LOST', producedBy: 'CHILDLINE' });
    expect(projection).toMatchObject({
      fromState: 'cncp.awaitingProduction',
      toState: 'cncp.beforeCwc.awaitingInterimPlacement',
      phase: 'INQUIRY',
      jurisdiction: { track: 'CNCP', districtCode: 'IN-DL-ND', stateCode: 'IN-DL' },
      milestones: { producedAt: '2025-01-06T20:00:00+05:30', productionLate: false },
    });
    expect(projection.deadlines.met).toEqual([{ id: 'cncp.production', dueAt: '2025-01-07T04:30:00.000Z', late: false }]);
    expect(projection.deadlines.opened.map((d) => d.id)).toContain('cncp.finalOrder');
    expect(projection.openDeadlines.map((d) => d.id)).toEqual(projection.deadlines.opened.map((d) => d.id));
    for (const d of projection.openDeadlines) expect(Object.keys(d).sort()).toEqual(['citation', 'dueAt', 'id', 'obligation']);
  });

  it('marks production late when the child was produced after the 24 hours (s.31(1))', () => {
    const sut = new CaseUnderTest({ track: 'CICL', child: { ageYears: 15 } });
    const projection = step(sut, 'PRODUCED_BEFORE_JJB', '2025-01-08T10:00:00+05:30', { offenceCategory: 'PETTY', ageAtOffence: 15 });
    expect(projection.milestones).toEqual({ producedAt: '2025-01-08T10:00:00+05:30', productionLate: true });
    expect(projection.deadlines.met).toEqual([expect.objectContaining({ id: 'cicl.production', late: true })]);
  });

  it('records the SIR milestone, late when submitted after its deadline', () => {
    const sut = new CaseUnderTest({ track: 'CNCP' })
      .must('PRODUCED_BEFORE_CWC', '2025-01-06T20:00:00+05:30', { circumstance: 'LOST', producedBy: 'CHILDLINE' })
      .must('INTERIM_PLACEMENT_ORDERED', '2025-01-07T11:00:00+05:30', { placement: 'CHILDRENS_HOME', orderRef: 'F18-1' })
      .must('SIR_ORDERED', '2025-01-07T11:00:00+05:30', { sirRef: 'SIR-1' });
    const projection = step(sut, 'SIR_SUBMITTED', '2025-02-15T11:00:00+05:30', { sirRef: 'SIR-1', finding: 'FAMILY_TRACED' });
    expect(projection.milestones).toEqual({ sirSubmittedAt: '2025-02-15T11:00:00+05:30', sirLate: true });
  });

  it('records restoration and closure, and nothing for an event that marks no milestone', () => {
    const sut = cncpWithSir();
    expect(step(sut, 'FINAL_ORDER_PASSED', '2025-02-01T10:00:00+05:30', { order: 'RESTORATION', reasons: REASONS, orderRef: 'O' }).milestones).toEqual({});
    expect(step(sut, 'CHILD_RESTORED', '2025-02-02T10:00:00+05:30', { restoredTo: 'PARENT' }).milestones).toEqual({ restoredAt: '2025-02-02T10:00:00+05:30' });
    for (const id of sut.deadlineIds) step(sut, 'WAIVE_DEADLINE', '2025-02-03T10:00:00+05:30', { deadlineId: id, reasons: REASONS });
    const closed = step(sut, 'CLOSE_CASE', '2025-02-04T10:00:00+05:30', { ground: 'RESTORED_AND_FOLLOWED_UP', reasons: REASONS });
    expect(closed).toMatchObject({ toState: 'closed', phase: 'CLOSED', milestones: { closedAt: '2025-02-04T10:00:00+05:30' } });
  });

  it('follows the case to the home district after an escorted transfer', () => {
    const sut = cncpWithSir();
    step(sut, 'FINAL_ORDER_PASSED', '2025-02-01T10:00:00+05:30', { order: 'RESTORATION', reasons: REASONS, orderRef: 'O' });
    step(sut, 'TRANSFER_ORDERED', '2025-02-01T11:00:00+05:30', { orderRef: 'T', toDistrictCode: 'IN-BR-PAT', toStateCode: 'IN-BR' });
    const projection = step(sut, 'CHILD_ESCORTED', '2025-02-03T11:00:00+05:30', { escortOfficerRef: 'E', escortedByWomanOfficer: true });
    expect(projection.jurisdiction).toEqual({ track: 'CNCP', districtCode: 'IN-BR-PAT', stateCode: 'IN-BR' });
  });
});

describe('milestones on the machine', () => {
  it('marks every transition of an event type alike, so the event alone names its milestone', () => {
    const marks = new Map<string, Set<string>>();
    const visit = (node: typeof caseMachine.root) => {
      for (const [type, transitions] of node.transitions) {
        for (const t of transitions) {
          const set = marks.get(type) ?? new Set<string>();
          set.add(JSON.stringify((t.meta as CaseTransitionMeta | undefined)?.milestone ?? null));
          marks.set(type, set);
        }
      }
      for (const child of Object.values(node.states)) visit(child);
    };
    visit(caseMachine.root);
    for (const [type, set] of marks) expect([type, set.size]).toEqual([type, 1]);
    expect(JSON.parse([...marks.get('SIR_SUBMITTED')!][0]!)).toEqual({ at: 'sirSubmittedAt', late: { flag: 'sirLate', deadline: 'sir' } });
  });
});
