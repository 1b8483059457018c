// The case's state and rules without any server: the records each step writes, the rejections it answers,
// the escalation ladder's decisions, and what survives continue-as-new.
import { describe, expect, it } from '@jest/globals';
import type { CaseActor, CaseRegistration, EscalationActionRequest } from '@raksha/contracts/temporal';
import { CaseState, type CaseCarryOver } from '../src/case-state.js';

const REGISTERED_AT = '2026-03-02T04:30:00.000Z';
const OFFICER: CaseActor = { id: 'officer-1', role: 'CWC_MEMBER', body: 'CWC' };
const DCPU_OFFICER: CaseActor = { id: 'dcpu-1', role: 'DCPU_OFFICER', body: 'DCPU' };
const PRODUCED = { circumstance: 'LOST', producedBy: 'SJPU Jaipur' };

const registration: CaseRegistration = {
  caseId: 'case-1',
  track: 'CNCP',
  districtCode: 'RJ-JAIPUR',
  stateCode: 'RJ',
  child: { ageYears: 9, name: 'Asha' },
  registeredAt: REGISTERED_AT,
  registeredBy: { id: 'sjpu-1', role: 'SJPU_OFFICER', body: 'SJPU' },
};

const hoursAfterRegistration = (hours: number) => new Date(Date.parse(REGISTERED_AT) + hours * 3_600_000).toISOString();

/** Steps the case by one event as the workflow does: prepare, record, step. */
function send(sut: CaseState, type: string, payload: Record<string, unknown>, at: string) {
  const prepared = sut.prepare(type, payload, at);
  if (prepared.rejection) throw new Error(prepared.rejection.message);
  const record = sut.transitionRecord(prepared.next, type, payload, OFFICER, at);
  sut.stepped(prepared.next);
  return record;
}

/** Raises the rung due at `at`, as the workflow's deadline loop does. */
function escalate(sut: CaseState, at: string, id: string) {
  const due = sut.nextDue().rung!;
  const raised = sut.rungDue(due.key, at);
  if (!raised) throw new Error(`no rung due at ${at}`);
  const record = sut.escalationRecord(raised, id, at);
  sut.escalated(raised, record);
  return record;
}

/** Acknowledges or resolves as the shared escalation-action handler does. */
function act(sut: CaseState, req: EscalationActionRequest, at: string) {
  const earlier = sut.escalations.answerTo(req);
  if (earlier) return 'answer' in earlier ? earlier.answer : earlier.rejection;
  const rejection = sut.escalations.rejection(req, `case ${sut.caseId}`);
  if (rejection) return rejection;
  sut.escalationActionRecord(sut.escalations.find(req.escalationId)!, req, at);
  sut.escalationActed();
  return sut.escalations.acted(req);
}

describe(CaseState.name, () => {
  it('records the registration as step 0, opens the 24-hour production deadline (s.31(1)) and tells the CWC', () => {
    const sut = new CaseState(registration);
    const record = sut.registrationRecords()[0]!;
    expect(record).toMatchObject({ sequence: 0, eventType: 'REGISTERED', fromState: null, actorId: 'sjpu-1', occurredAt: REGISTERED_AT });
    expect(record.openDeadlines).toEqual([expect.objectContaining({ id: 'cncp.production', dueAt: hoursAfterRegistration(24) })]);
    expect(record.registration).toMatchObject({ childName: 'Asha', registeredBy: 'sjpu-1' });
    expect(record.notices).toEqual([expect.objectContaining({ recipientBody: 'CWC', kind: 'CASE_REGISTERED', dedupeKey: 'case-case-1-registered-CWC' })]);
    expect(sut.carried).toBe(false);
    expect(sut.sequence).toBe(0);
  });

  it('starts the timeline of a case rescued on a helpline call with the call, its 24 hours (s.31(1)) running from the rescue', () => {
    const CALLED_AT = hoursAfterRegistration(-3);
    const origin = { interventionId: 'i-1', helpline: '1098' as const, callId: 'C-77', calledAt: CALLED_AT, callerRelation: 'NEIGHBOUR', distress: 'ABANDONED' };
    const sut = new CaseState({ ...registration, origin });
    const [call, registered] = sut.registrationRecords();
    expect(call).toMatchObject({ sequence: 0, eventType: 'HELPLINE_CALL', occurredAt: CALLED_AT, actorRole: 'HELPLINE_1098', payload: origin });
    expect(call!.registration).toMatchObject({ registeredAt: REGISTERED_AT });
    expect(registered).toMatchObject({ sequence: 1, eventType: 'REGISTERED', occurredAt: REGISTERED_AT });
    expect(registered!.registration).toBeUndefined();
    expect(registered!.openDeadlines).toEqual([expect.objectContaining({ id: 'cncp.production', dueAt: hoursAfterRegistration(24) })]);
    expect(sut.sequence).toBe(1);
  });

  it('rejects an event the state cannot take, naming the events it can', () => {
    const sut = new CaseState(registration);
    const prepared = sut.prepare('FINAL_ORDER_PASSED', { order: 'RESTORATION', orderRef: 'O/1', reasons: 'parents traced and verified' }, hoursAfterRegistration(1));
    expect(prepared.rejection).toMatchObject({ reason: 'EVENT_NOT_ALLOWED', message: expect.stringContaining('cannot take FINAL_ORDER_PASSED') });
    expect(prepared.rejection?.allowedEvents).toContain('PRODUCED_BEFORE_CWC');
  });

  it('rejects a malformed payload with its issues, and an event sent against an older version', () => {
    const sut = new CaseState(registration);
    expect(sut.prepare('PRODUCED_BEFORE_CWC', { circumstance: 'NOT_A_CIRCUMSTANCE' }, hoursAfterRegistration(1)).rejection).toMatchObject({
      reason: 'INVALID_PAYLOAD',
      issues: expect.any(Array),
    });
    expect(sut.prepare('PRODUCED_BEFORE_CWC', PRODUCED, hoursAfterRegistration(1), 3).rejection).toMatchObject({
      reason: 'STALE_VERSION',
      message: 'the case changed since version 3; it is now at version 0',
    });
  });

  it('records which deadline an event met (and that it was late) and which it started, and moves to step 1', () => {
    const sut = new CaseState(registration);
    const record = send(sut, 'PRODUCED_BEFORE_CWC', PRODUCED, hoursAfterRegistration(30));
    expect(record).toMatchObject({ sequence: 1, eventType: 'PRODUCED_BEFORE_CWC', fromState: 'cncp.awaitingProduction', actorId: 'officer-1' });
    expect(record.deadlines).toEqual({
      met: [{ id: 'cncp.production', dueAt: hoursAfterRegistration(24), late: true }],
      ended: [],
      opened: [expect.objectContaining({ id: 'cncp.finalOrder' })],
    });
    expect(record.milestones).toEqual({ producedAt: hoursAfterRegistration(30), productionLate: true });
    expect(sut.sequence).toBe(1);
    expect(sut.stepsThisRun).toBe(1);
    expect(sut.status(hoursAfterRegistration(30))).toMatchObject({ sequence: 1, state: record.toState, openDeadlines: [expect.objectContaining({ id: 'cncp.finalOrder' })] });
  });

  it('reuses a validator’s step only while the case has not moved since', () => {
    const sut = new CaseState(registration);
    const at = hoursAfterRegistration(1);
    const early = sut.prepare('PRODUCED_BEFORE_CWC', PRODUCED, at);
    sut.validated('update-1', at, early);
    expect(sut.prepareValidated('update-1', 'PRODUCED_BEFORE_CWC', PRODUCED, at)).toBe(early);
    sut.validated('update-2', at, early);
    expect(sut.prepareValidated('update-2', 'PRODUCED_BEFORE_CWC', PRODUCED, hoursAfterRegistration(2))).not.toBe(early);
  });

  it('escalates the unmet production deadline to the DCPU when due and to the SCPS a week later, never twice', () => {
    const sut = new CaseState(registration);
    const { rung } = sut.nextDue();
    expect(rung).toMatchObject({ rung: 0, fireAt: hoursAfterRegistration(24) });
    expect(sut.rungDue(rung!.key, hoursAfterRegistration(23))).toBeUndefined();

    const dcpu = escalate(sut, hoursAfterRegistration(25), 'esc-1');
    expect(dcpu).toMatchObject({ sequence: 1, eventType: 'DEADLINE_ESCALATED', actorRole: 'SYSTEM', escalation: { id: 'esc-1', rung: 0, toBody: 'DCPU', districtCode: 'RJ-JAIPUR' } });
    expect(dcpu.notices).toEqual([
      expect.objectContaining({ dedupeKey: 'escalation-esc-1', recipientBody: 'DCPU', subject: expect.stringMatching(/^Overdue by 1 h: Produce the child/) }),
    ]);
    // no case id and no ISO time in what people read (the notice's caseId links the case)
    expect(dcpu.notices![0]!.body).toMatch(/^A case at ".+": ".+" was due \d{1,2} [A-Z][a-z]{2} \d{4}, \d{1,2}:\d{2} [ap]m IST \(.*s\.31\(1\).*\) and is not met\.$/);
    expect(dcpu.notices![0]!.body).not.toContain('case-1');
    expect(sut.rungDue(rung!.key, hoursAfterRegistration(26))).toBeUndefined(); // raised once

    expect(sut.nextDue().rung).toMatchObject({ rung: 1, fireAt: hoursAfterRegistration(24 + 7 * 24) });
    expect(escalate(sut, hoursAfterRegistration(24 + 7 * 24), 'esc-2').escalation).toMatchObject({ rung: 1, toBody: 'SCPS' });
    expect(sut.status(hoursAfterRegistration(200)).escalations.map((e) => [e.id, e.toBody, e.status])).toEqual([
      ['esc-1', 'DCPU', 'OPEN'],
      ['esc-2', 'SCPS', 'OPEN'],
    ]);
  });

  it('takes a timeline step to resolve an escalation, after which none is left unresolved', () => {
    const sut = new CaseState(registration);
    escalate(sut, hoursAfterRegistration(25), 'esc-1');
    expect(sut.escalations.allResolved()).toBe(false);
    const resolve = { escalationId: 'esc-1', action: 'RESOLVE' as const, note: 'child produced late on our direction', idempotencyKey: 'r-1', actor: DCPU_OFFICER };
    expect(act(sut, resolve, hoursAfterRegistration(26))).toMatchObject({ id: 'esc-1', status: 'RESOLVED' });
    expect(sut.sequence).toBe(2);
    expect(sut.escalations.allResolved()).toBe(true);
  });

  it('carries its snapshot, sequence, escalations and first answers (events and escalation actions) into the next run', () => {
    const sut = new CaseState(registration);
    escalate(sut, hoursAfterRegistration(25), 'esc-1');
    send(sut, 'PRODUCED_BEFORE_CWC', PRODUCED, hoursAfterRegistration(26));
    const produced = sut.status(hoursAfterRegistration(26));
    sut.answered('produce-1', 'fingerprint-1', produced);
    const acknowledge = { escalationId: 'esc-1', action: 'ACKNOWLEDGE' as const, idempotencyKey: 'ack-1', actor: DCPU_OFFICER };
    const acknowledged = act(sut, acknowledge, hoursAfterRegistration(27));

    const carried: CaseCarryOver = JSON.parse(JSON.stringify(sut.carryOver())); // as Temporal serialises it
    const next = new CaseState(registration, carried);

    expect(next.carried).toBe(true);
    expect(next.stepsThisRun).toBe(0);
    expect(next.status(hoursAfterRegistration(28))).toEqual({ ...sut.status(hoursAfterRegistration(28)) });
    expect(next.answerTo('produce-1', 'fingerprint-1')).toEqual({ status: produced });
    // The same key on a different request is refused after continue-as-new too.
    expect(next.answerTo('produce-1', 'fingerprint-2')).toMatchObject({ rejection: { reason: 'IDEMPOTENCY_KEY_REUSED' } });
    // Retried with the same key after continue-as-new: the first answer, not ALREADY_ACKNOWLEDGED.
    expect(act(next, acknowledge, hoursAfterRegistration(29))).toEqual(acknowledged);
    expect(next.sequence).toBe(3);
  });

  it('answers a run carried over before answers kept their fingerprints with the first answer, whatever the request', () => {
    const sut = new CaseState(registration);
    const status = sut.status(hoursAfterRegistration(1));
    const older = { ...sut.carryOver(), answered: [['k-1', status]] as [string, typeof status][] };
    expect(new CaseState(registration, older).answerTo('k-1', 'any')).toEqual({ status });
  });

  it('continues a run carried over before escalation answers were kept', () => {
    const sut = new CaseState(registration);
    escalate(sut, hoursAfterRegistration(25), 'esc-1');
    const { escalationAnswers: _dropped, ...older } = sut.carryOver();
    const next = new CaseState(registration, older);
    expect(next.escalations.list()).toEqual([expect.objectContaining({ id: 'esc-1', status: 'OPEN' })]);
    expect(act(next, { escalationId: 'esc-1', action: 'ACKNOWLEDGE', idempotencyKey: 'ack-1', actor: DCPU_OFFICER }, hoursAfterRegistration(26))).toMatchObject({
      status: 'ACKNOWLEDGED',
    });
  });

  it('records the registered police station, block and village with the case', () => {
    const sut = new CaseState({ ...registration, thanaCode: 'RJ-JAIPUR-PS-01', blockCode: 'RJ-JAIPUR-BL-01', villageCode: 'RJ-JAIPUR-V-01' });
    expect(sut.registrationRecords()[0]!.registration).toMatchObject({ thanaCode: 'RJ-JAIPUR-PS-01', blockCode: 'RJ-JAIPUR-BL-01', villageCode: 'RJ-JAIPUR-V-01' });
    expect(new CaseState(registration).registrationRecords()[0]!.registration).not.toHaveProperty('thanaCode');
  });

  it("tells the person working the case of an escalation before its body, and releases the case back to the body's queue", () => {
    const sut = new CaseState(registration);
    sut.registrationRecords();
    sut.assigned(sut.assignmentRecord({ assigneeId: 'member-1', assigneeName: 'A member', actor: OFFICER }, hoursAfterRegistration(1)));
    const record = escalate(sut, hoursAfterRegistration(25), 'esc-1');
    expect(record.notices?.map((n) => [n.recipientBody, n.recipientUserId ?? null, n.exceptUserId ?? null])).toEqual([
      ['PERSON', 'member-1', null],
      // the body's copy skips them: one notice reaches a person once
      ['DCPU', null, 'member-1'],
    ]);
    const released = sut.assignmentRecord({ assigneeId: null, assigneeName: null, actor: DCPU_OFFICER, reason: 'ASSIGNEE_DEACTIVATED', fromAssigneeId: 'member-1' }, hoursAfterRegistration(26));
    expect(released).toMatchObject({ eventType: 'CASE_RELEASED', assigneeId: null, payload: { previousAssigneeId: 'member-1', reason: 'ASSIGNEE_DEACTIVATED' } });
    sut.assigned(released);
    // Nobody works it now: the next escalation goes to the body alone.
    expect(escalate(sut, hoursAfterRegistration(24 * 8 + 1), 'esc-2').notices?.map((n) => n.recipientBody)).toEqual(['SCPS']);
  });

  it("tells the person working the case first whenever its CWC is told of a step, and the CWC always", () => {
    const sut = new CaseState(registration);
    sut.registrationRecords();
    send(sut, 'PRODUCED_BEFORE_CWC', PRODUCED, hoursAfterRegistration(2));
    sut.assigned(sut.assignmentRecord({ assigneeId: 'member-1', assigneeName: 'A member', actor: OFFICER }, hoursAfterRegistration(3)));
    const traced = send(sut, 'FAMILY_TRACED', { reportRef: 'MISSING/RJ/7', tracedBy: 'SJPU Jaipur' }, hoursAfterRegistration(4));
    expect(traced.notices?.map((n) => [n.recipientBody, n.recipientUserId ?? null, n.exceptUserId ?? null, n.kind])).toEqual([
      ['PERSON', 'member-1', null, 'CASE_FAMILY_TRACED'],
      // the CWC's copy skips the person already told by name; another body's copy is theirs alone
      ['CWC', null, 'member-1', 'CASE_FAMILY_TRACED'],
      ['DCPU', null, null, 'CASE_FAMILY_TRACED'],
    ]);
  });
});

