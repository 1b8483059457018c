// The escalation ladder's rules without any server: which rung falls due next, and whether an escalation
// may be acknowledged or resolved as asked.
import { describe, expect, it } from '@jest/globals';
import type { ArmedDeadline } from '@raksha/case-machine/workflow';
import type { CaseActor, EscalationActionRequest } from '@raksha/contracts/temporal';
import { escalationActionRejection, nextDueRung, rungKey } from '../src/escalation-ladder.js';
import { EscalationLedger } from '../src/escalation-ledger.js';

const LADDER = [
  { to: 'DCPU', after: 'PT0S' },
  { to: 'SCPS', after: 'P7D' },
] as const;

const deadline = (id: string, dueAt: string): ArmedDeadline => ({
  id: id as ArmedDeadline['id'],
  obligation: `obligation ${id}`,
  owner: 'CWC',
  dueAt,
  startedAt: '2026-03-01T00:00:00.000Z',
  citation: 's.31(1)',
  basis: 'statute',
  ladder: LADDER,
});

const DCPU_OFFICER: CaseActor = { id: 'dcpu-1', role: 'DCPU_OFFICER', body: 'DCPU' };
const request = (action: 'ACKNOWLEDGE' | 'RESOLVE', note?: string): EscalationActionRequest => ({
  escalationId: 'esc-1',
  action,
  idempotencyKey: `${action}-1`,
  actor: DCPU_OFFICER,
  ...(note !== undefined ? { note } : {}),
});

describe('nextDueRung', () => {
  const production = deadline('cncp.production', '2026-03-02T00:00:00.000Z');
  const sir = deadline('cncp.sir', '2026-03-05T00:00:00.000Z');

  it('of an imported case, climbs a ladder from the import’s floor for a deadline already past, and from its due time otherwise', () => {
    const floor = '2026-03-10T00:00:00.000Z';
    const later = deadline('cncp.icpReview', '2026-04-01T00:00:00.000Z');
    expect(nextDueRung([production, later], new Set(), floor)).toMatchObject({ key: rungKey('cncp.production', production.dueAt, 0), fireAt: floor });
    expect(nextDueRung([production, later], new Set([rungKey('cncp.production', production.dueAt, 0)]), floor)).toMatchObject({ rung: 1, fireAt: '2026-03-17T00:00:00.000Z' });
    const raised = new Set([0, 1].map((r) => rungKey('cncp.production', production.dueAt, r)));
    expect(nextDueRung([production, later], raised, floor)).toMatchObject({ key: rungKey('cncp.icpReview', later.dueAt, 0), fireAt: later.dueAt });
  });

  it('is the first rung of the soonest deadline, falling due at its due time', () => {
    expect(nextDueRung([sir, production], new Set())).toEqual({
      key: rungKey('cncp.production', production.dueAt, 0),
      deadline: production,
      rung: 0,
      fireAt: '2026-03-02T00:00:00.000Z',
    });
  });

  it('skips the rungs already raised: the next deadline’s first rung comes before this one’s second', () => {
    const raised = new Set([rungKey('cncp.production', production.dueAt, 0)]);
    expect(nextDueRung([production, sir], raised)).toMatchObject({ deadline: sir, rung: 0 });
    raised.add(rungKey('cncp.sir', sir.dueAt, 0));
    expect(nextDueRung([production, sir], raised)).toMatchObject({ deadline: production, rung: 1, fireAt: '2026-03-09T00:00:00.000Z' });
  });

  it('starts the ladder afresh for a deadline restarted with a new due time', () => {
    const raised = new Set([rungKey('cncp.production', production.dueAt, 0), rungKey('cncp.production', production.dueAt, 1)]);
    expect(nextDueRung([production], raised)).toBeUndefined();
    const restarted = deadline('cncp.production', '2026-04-01T00:00:00.000Z');
    expect(nextDueRung([restarted], raised)).toMatchObject({ rung: 0, fireAt: '2026-04-01T00:00:00.000Z' });
  });

  it('is nothing when no deadline is open', () => {
    expect(nextDueRung([], new Set())).toBeUndefined();
  });
});

describe('escalationActionRejection', () => {
  const open = { status: 'OPEN' as const };

  it('lets an open escalation be acknowledged, and resolved with a note of what was done', () => {
    expect(escalationActionRejection(open, request('ACKNOWLEDGE'), 'case c-1')).toBeUndefined();
    expect(escalationActionRejection(open, request('RESOLVE', 'child produced'), 'case c-1')).toBeUndefined();
  });

  it('names the owner when the escalation is not its own', () => {
    expect(escalationActionRejection(undefined, request('ACKNOWLEDGE'), 'case c-1')).toEqual({ reason: 'UNKNOWN_ESCALATION', message: 'case c-1 has no escalation esc-1' });
  });

  it('refuses to acknowledge twice or to act on a resolved escalation', () => {
    expect(escalationActionRejection({ status: 'ACKNOWLEDGED' }, request('ACKNOWLEDGE'), 'case c-1')).toMatchObject({ reason: 'ALREADY_ACKNOWLEDGED' });
    expect(escalationActionRejection({ status: 'RESOLVED' }, request('RESOLVE', 'done again'), 'case c-1')).toMatchObject({ reason: 'ALREADY_RESOLVED' });
  });

  it('refuses to resolve without a note of at least 5 characters', () => {
    expect(escalationActionRejection(open, request('RESOLVE'), 'case c-1')).toMatchObject({ reason: 'NOTE_REQUIRED' });
    expect(escalationActionRejection({ status: 'ACKNOWLEDGED' }, request('RESOLVE', ' ok  '), 'case c-1')).toMatchObject({ reason: 'NOTE_REQUIRED' });
  });
});

describe(EscalationLedger.name, () => {
  const escalation = { id: 'esc-1', deadlineId: 'cncp.production', obligation: 'produce the child before the CWC', citation: 'JJ Act s.31', rung: 0, toBody: 'DCPU', districtCode: '0001', stateCode: 'KA', dueAt: '2026-03-02T00:00:00.000Z' };
  const raised = { key: 'cncp.production@2026-03-02T00:00:00.000Z#0', id: 'esc-1', deadlineId: 'cncp.production', dueAt: escalation.dueAt, rung: 0, toBody: 'DCPU', status: 'OPEN' as const };

  it('answers a retried action with its first answer, and a different action by the rules', () => {
    const sut = new EscalationLedger();
    sut.raised(raised.key, escalation);
    expect(sut.rejection(request('ACKNOWLEDGE'), 'case c-1')).toBeUndefined();
    const first = sut.acted(request('ACKNOWLEDGE'));
    expect(first).toEqual({ id: 'esc-1', deadlineId: 'cncp.production', dueAt: raised.dueAt, rung: 0, toBody: 'DCPU', status: 'ACKNOWLEDGED' });
    expect(sut.answerTo(request('ACKNOWLEDGE'))).toEqual({ answer: first });
    expect(sut.rejection(request('ACKNOWLEDGE'), 'case c-1')).toMatchObject({ reason: 'ALREADY_ACKNOWLEDGED' });
    // The same key on a different request (another escalation, or a note added) is refused, not answered with the first.
    expect(sut.answerTo({ ...request('ACKNOWLEDGE'), escalationId: 'esc-2' })).toEqual({ rejection: expect.objectContaining({ reason: 'IDEMPOTENCY_KEY_REUSED' }) });
    expect(sut.allResolved()).toBe(false);
  });

  it('carries its escalations and answers into the next run, and reads a carry-over from before answers were kept', () => {
    const sut = new EscalationLedger();
    sut.raised(raised.key, escalation);
    const first = sut.acted(request('ACKNOWLEDGE'));
    const next = new EscalationLedger(JSON.parse(JSON.stringify(sut.carryOver())));
    expect(next.answerTo(request('ACKNOWLEDGE'))).toEqual({ answer: first });
    expect(next.list()).toEqual([first]);
    expect(next.raisedKeys()).toEqual(new Set([raised.key]));

    const older = new EscalationLedger({ escalations: [{ ...raised }] });
    expect(older.answerTo(request('ACKNOWLEDGE'))).toBeUndefined();
    expect(older.missedAt(raised.dueAt)).toBe(true);
  });
});
