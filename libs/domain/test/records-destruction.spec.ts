import { describe, expect, it } from '@jest/globals';
import { destructionDecision, type DestructionStep } from '../src/records-destruction.js';

const at = (iso: string) => new Date(iso);
const step = (eventType: string, toState: string, occurredAt: string, payload: unknown = {}): DestructionStep => ({ eventType, toState, payload, occurredAt: at(occurredAt) });
const inquiry = [step('PRODUCED_BEFORE_JJB', 'cicl.beforeJjb.bailHearing', '2026-01-01T10:00:00Z'), step('BAIL_DECIDED', 'cicl.beforeJjb.awaitingSir', '2026-01-02T10:00:00Z')];

describe('which closed cases s.24(2) schedules for destruction', () => {
  it('a final order under s.18: due 30 days after the order (s.101(1)), or at closure if that is later', () => {
    const order = step('JJB_FINAL_ORDER_PASSED', 'cicl.postOrder.icpDue', '2026-02-01T10:00:00Z', { order: 'COMMUNITY_SERVICE' });
    expect(destructionDecision('CICL', [...inquiry, order], at('2026-02-10T00:00:00Z'))).toEqual({
      scheduled: true,
      ground: 'JJB_FINAL_ORDER',
      orderAt: at('2026-02-01T10:00:00Z'),
      dueAt: at('2026-03-03T10:00:00Z'),
      citation: 's.24(2); appeal period s.101(1)',
    });
    // Follow-up kept the case open beyond the appeal period: due when it closes, never while open.
    expect(destructionDecision('CICL', [...inquiry, order], at('2026-09-01T00:00:00Z'))).toMatchObject({ dueAt: at('2026-09-01T00:00:00Z') });
  });

  it('a release under s.17(1) and a termination under s.14(4) are scheduled too', () => {
    const released = step('JJB_FINAL_ORDER_PASSED', 'cicl.released', '2026-02-01T10:00:00Z', { order: 'RELEASED_NO_OFFENCE' });
    expect(destructionDecision('CICL', [...inquiry, released], at('2026-02-02T00:00:00Z'))).toMatchObject({ scheduled: true, ground: 'RELEASED' });
    const terminated = step('PROCEEDINGS_TERMINATED', 'cicl.terminated', '2026-08-01T10:00:00Z');
    expect(destructionDecision('CICL', [...inquiry, terminated], at('2026-08-02T00:00:00Z'))).toMatchObject({ scheduled: true, ground: 'PROCEEDINGS_TERMINATED' });
  });

  it('keeps a child tried as an adult, a person found not a child, a case handed to the CWC, and one closed without an order', () => {
    const tried = step('TRANSFERRED_TO_CHILDRENS_COURT', 'cicl.transferredToChildrensCourt', '2026-03-01T10:00:00Z');
    expect(destructionDecision('CICL', [...inquiry, tried], at('2026-03-02T00:00:00Z'))).toMatchObject({ scheduled: false, reason: 'TRIED_AS_ADULT' });
    const adult = step('AGE_DETERMINED', 'cicl.foundNotAChild', '2026-01-05T10:00:00Z', { ageYears: 18 });
    expect(destructionDecision('CICL', [...inquiry, adult], at('2026-01-06T00:00:00Z'))).toMatchObject({ scheduled: false, reason: 'FOUND_NOT_A_CHILD' });
    expect(destructionDecision('CNCP', inquiry, at('2026-01-06T00:00:00Z'))).toMatchObject({ scheduled: false, reason: 'NOT_A_CHILD_IN_CONFLICT_WITH_LAW' });
    expect(destructionDecision('CICL', inquiry, at('2026-01-06T00:00:00Z'))).toMatchObject({ scheduled: false, reason: 'NO_ORDER_OF_THE_BOARD' });
  });
});
