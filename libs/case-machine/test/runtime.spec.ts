import { describe, it, expect } from '@jest/globals';
import {
  addIsoDuration,
  ageInYearsAt,
  allowedEvents,
  CASE_EVENT_TYPES,
  caseEventSchemas,
  DEADLINE_IDS,
  DEFAULT_DEADLINE_POLICY,
  describeState,
  EVENT_AUTHORITY,
  initialCaseSnapshot,
  openDeadlines,
  parseCaseEvent,
  persistCaseSnapshot,
  prepareCaseEvent,
  resolveDeadlinePolicy,
  restoreCaseSnapshot,
} from '../src/index.js';
import { CaseUnderTest, cncpWithSir, REASONS } from './support.js';

describe('addIsoDuration', () => {
  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(addIsoDuration('2025-01-31T10:00:00Z', 'P1M')).toBe('2025-02-28T10:00:00.000Z');
    expect(addIsoDuration('2024-01-31T10:00:00Z', 'P1M')).toBe('2024-02-29T10:00:00.000Z');
    expect(addIsoDuration('2025-10-31T10:00:00Z', 'P4M')).toBe('2026-02-28T10:00:00.000Z');
  });
  it('does calendar arithmetic on the local date of the time’s own offset (IST)', () => {
    // 31 Jan 01:00 IST is 30 Jan in UTC; a month later is 28 Feb IST, not 28 Feb minus a day.
    expect(addIsoDuration('2025-01-31T01:00:00+05:30', 'P1M')).toBe('2025-02-27T19:30:00.000Z');
  });
  it('handles hours, days, weeks and negative periods', () => {
    expect(addIsoDuration('2025-03-01T00:00:00Z', 'PT24H')).toBe('2025-03-02T00:00:00.000Z');
    expect(addIsoDuration('2025-03-01T00:00:00Z', 'P2W')).toBe('2025-03-15T00:00:00.000Z');
    expect(addIsoDuration('2025-08-15T00:00:00Z', '-P3M')).toBe('2025-05-15T00:00:00.000Z');
    expect(() => addIsoDuration('2025-03-01T00:00:00Z', '15 days')).toThrow(RangeError);
  });
  it('computes completed years of age from a birth date or from the age stated at registration', () => {
    expect(ageInYearsAt({ dateOfBirth: '2007-08-15' }, '2025-01-01T00:00:00Z', '2025-08-14T23:00:00Z')).toBe(17);
    expect(ageInYearsAt({ dateOfBirth: '2007-08-15' }, '2025-01-01T00:00:00Z', '2025-08-15T00:00:00Z')).toBe(18);
    expect(ageInYearsAt({ ageYears: 16 }, '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z')).toBe(17);
    expect(ageInYearsAt({}, '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z')).toBeUndefined();
  });
});

describe('deadline policy', () => {
  it('carries every deadline with a citation, an ISO period and the JJ-ACT.md escalation ladder', () => {
    for (const id of DEADLINE_IDS) {
      const rule = DEFAULT_DEADLINE_POLICY[id];
      expect(rule.citation.length).toBeGreaterThan(2);
      expect(() => addIsoDuration('2025-01-01T00:00:00Z', rule.within)).not.toThrow();
      expect(rule.ladder.map((r) => [r.to, r.after])).toEqual([
        ['DCPU', 'PT0S'],
        ['SCPS', 'P7D'],
        ['STATE_MONITORING_CELL', 'P30D'],
      ]);
    }
  });

  it('lets a state override a period, marking it policy, and rejects unknown ids or bad durations', () => {
    const policy = resolveDeadlinePolicy({ 'cncp.sir': { within: 'P10D' } });
    expect(policy['cncp.sir']).toMatchObject({ within: 'P10D', basis: 'policy', citation: DEFAULT_DEADLINE_POLICY['cncp.sir'].citation });
    expect(DEFAULT_DEADLINE_POLICY['cncp.sir'].within).toBe('P15D');
    expect(() => resolveDeadlinePolicy({ 'no.such': { within: 'P1D' } } as never)).toThrow(RangeError);
    expect(() => resolveDeadlinePolicy({ 'cncp.sir': { within: 'ten days' } })).toThrow(RangeError);
  });

  it('uses the state’s own periods given at registration for every due time', () => {
    const sut = new CaseUnderTest({ track: 'CNCP', deadlinePolicy: { 'cncp.production': { within: 'PT12H' } } });
    expect(sut.deadline('cncp.production')).toMatchObject({ dueAt: '2025-01-06T16:30:00.000Z', basis: 'policy' });
    const defaults = new CaseUnderTest({ track: 'CNCP' });
    expect(openDeadlines(defaults.snapshot, resolveDeadlinePolicy({ 'cncp.production': { within: 'PT6H' } }))[0]?.dueAt).toBe(
      '2025-01-06T10:30:00.000Z',
    );
  });
});

describe('events and who may send them', () => {
  it('has a schema and an authority entry for every event type, each naming a role', () => {
    expect(Object.keys(caseEventSchemas).sort()).toEqual([...CASE_EVENT_TYPES].sort());
    for (const type of CASE_EVENT_TYPES) expect(EVENT_AUTHORITY[type].roles.length).toBeGreaterThan(0);
  });

  it('reserves the s.14(4) termination to the SYSTEM actor and no one else', () => {
    expect(EVENT_AUTHORITY.PROCEEDINGS_TERMINATED.roles).toEqual(['SYSTEM']);
    const systemEvents = CASE_EVENT_TYPES.filter((t) => EVENT_AUTHORITY[t].roles.includes('SYSTEM'));
    expect(systemEvents).toEqual(['PROCEEDINGS_TERMINATED']);
  });

  it('rejects a malformed event with the path and message of each issue', () => {
    const result = parseCaseEvent({ type: 'FINAL_ORDER_PASSED', at: 'yesterday', order: 'JAIL', reasons: '', orderRef: 'O' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path).sort()).toEqual(['at', 'order', 'reasons']);
    expect(parseCaseEvent({ type: 'NOPE', at: '2025-01-01T00:00:00Z' })).toEqual({
      ok: false,
      issues: [{ path: 'type', message: 'unknown event type: NOPE' }],
    });
  });

  it('refuses CICL production of a person of 18 or more (s.2(12))', () => {
    const result = parseCaseEvent({ type: 'PRODUCED_BEFORE_JJB', at: '2025-01-01T00:00:00Z', offenceCategory: 'PETTY', ageAtOffence: 18 });
    expect(result.ok).toBe(false);
  });
});

describe('helpers the workflow and API use', () => {
  it('lists the events the case can take now, narrowed to what the role may send', () => {
    const sut = cncpWithSir();
    expect(allowedEvents(sut.snapshot)).toEqual(
      expect.arrayContaining(['FINAL_ORDER_PASSED', 'SURRENDER_DEED_EXECUTED', 'WAIVE_DEADLINE']),
    );
    expect(allowedEvents(sut.snapshot)).not.toContain('CLOSE_CASE');
    expect(allowedEvents(sut.snapshot, 'PROBATION_OFFICER')).toEqual([]);
    expect(allowedEvents(sut.snapshot, 'CWC_MEMBER')).toContain('FINAL_ORDER_PASSED');
    expect(allowedEvents(sut.snapshot, 'CWC_MEMBER', { body: 'JJB' })).not.toContain('FINAL_ORDER_PASSED');
  });

  it('respects elapsed-time guards at the time asked about (surrender: 2 months)', () => {
    const sut = new CaseUnderTest({ track: 'CNCP', child: { ageYears: 0 } })
      .must('PRODUCED_BEFORE_CWC', '2025-01-06T20:00:00+05:30', { circumstance: 'SURRENDERED', producedBy: 'PARENT' })
      .must('SURRENDER_DEED_EXECUTED', '2025-01-10T10:00:00+05:30', { deedRef: 'F23', surrenderedBy: 'PARENT' });
    expect(allowedEvents(sut.snapshot)).toContain('SURRENDER_RECONSIDERED');
    expect(allowedEvents(sut.snapshot)).not.toContain('LEGALLY_FREE_DECLARED');
    const later = allowedEvents(sut.snapshot, { at: '2025-03-11T10:00:00+05:30' });
    expect(later).toContain('LEGALLY_FREE_DECLARED');
    expect(later).not.toContain('SURRENDER_RECONSIDERED');
  });

  it('describes each state with a label, citation and phase', () => {
    const sut = cncpWithSir();
    expect(describeState(sut.snapshot)).toEqual({
      state: 'cncp.beforeCwc.inquiry.sirReceived',
      label: 'Inquiry: SIR received, final order due',
      citation: 's.36(2), s.37',
      phase: 'INQUIRY',
    });
    expect(describeState(new CaseUnderTest({ track: 'CICL' }).snapshot).phase).toBe('PRODUCTION');
  });

  it('survives a JSON round trip of the persisted snapshot and carries on from it', () => {
    const sut = cncpWithSir();
    const json = JSON.parse(JSON.stringify(persistCaseSnapshot(sut.snapshot)));
    const restored = restoreCaseSnapshot(json);
    expect(describeState(restored)).toEqual(describeState(sut.snapshot));
    expect(openDeadlines(restored)).toEqual(openDeadlines(sut.snapshot));
    const prepared = prepareCaseEvent(restored, {
      type: 'FINAL_ORDER_PASSED',
      payload: { order: 'RESTORATION', reasons: REASONS, orderRef: 'O' },
      at: '2025-02-01T10:00:00+05:30',
      sequence: 4,
    });
    if (prepared.rejection) throw new Error(prepared.rejection.message);
    expect(describeState(prepared.next.snapshot).phase).toBe('RESTORATION');
  });

  it('refuses an event the case cannot take, with the reason and the events it can take', () => {
    const snapshot = initialCaseSnapshot({
      caseId: 'c',
      track: 'CICL',
      registeredAt: '2025-01-01T00:00:00Z',
      child: {},
      districtCode: 'D',
      stateCode: 'S',
    });
    const prepared = prepareCaseEvent(snapshot, { type: 'BAIL_DECIDED', payload: { granted: true }, at: '2025-01-01T01:00:00Z', sequence: 0 });
    expect(prepared.rejection).toMatchObject({ reason: 'EVENT_NOT_ALLOWED' });
    expect(prepared.rejection?.allowedEvents).toContain('PRODUCED_BEFORE_JJB');
  });
});
