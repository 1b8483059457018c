// Obligations watched outside a case (an institution's s.41 registration), on the Temporal Java test server
// (time skipping) with the real activities writing to PostgreSQL and Redis.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { RakshaConfig } from '@raksha/config';
import { CCI_REGISTRATION_RULE, registrationDueAt } from '@raksha/case-machine';
import { escalationActionUpdate, obligationChangedSignal, obligationWatchId, obligationWatchQuery, type WatchedObligation } from '@raksha/contracts/temporal';
import { AuditRepository, type Db } from '@raksha/db';
import { eventually } from '@raksha/test-support/stack';
import { startTimeSkippingStack, type TimeSkippingStack } from '@raksha/test-support/time-skipping';

describe('obligationWatchWorkflow: a lapsed s.41 registration escalates like any deadline (time skipping)', () => {
  let stack: TimeSkippingStack;
  let env: TestWorkflowEnvironment;
  let config: RakshaConfig;
  let db: Db;

  beforeAll(async () => {
    stack = await startTimeSkippingStack();
    ({ env, config, db } = stack);
  });
  afterAll(() => stack?.stop());

  /** A Children's Home in Jaipur whose registration is valid for `days` more days (IST dates). */
  async function institution(days: number): Promise<WatchedObligation> {
    const bodyId = `CCI-RJ-JAIPUR-T${randomBytes(3).toString('hex').toUpperCase()}`;
    await db.body.create({ data: { id: bodyId, type: 'CCI', name: `Test Home ${bodyId}`, level: 'DISTRICT', stateCode: 'RJ', districtCode: 'RJ-JAIPUR' } });
    const now = await env.currentTimeMs();
    const until = new Date(now + 5.5 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
    await db.institution.create({ data: { bodyId, kind: 'CHILDRENS_HOME', management: 'NGO', registrationNo: 'REG/1', registeredUntil: new Date(until) } });
    return registration(bodyId, until);
  }

  const registration = (bodyId: string, until: string): WatchedObligation => ({
    subject: 'INSTITUTION_REGISTRATION',
    subjectId: bodyId,
    label: `Test Home ${bodyId}`,
    bodyId,
    districtCode: 'RJ-JAIPUR',
    stateCode: 'RJ',
    deadline: { id: CCI_REGISTRATION_RULE.id, obligation: CCI_REGISTRATION_RULE.obligation, citation: CCI_REGISTRATION_RULE.citation, ladder: CCI_REGISTRATION_RULE.ladder, dueAt: registrationDueAt(until) },
    noticeKind: 'REGISTRATION_LAPSED',
    closed: false,
  });

  const start = (r: WatchedObligation) =>
    env.client.workflow.start('obligationWatchWorkflow', { taskQueue: config.temporal.taskQueue, workflowId: obligationWatchId(r.subject, r.subjectId), args: [r] });
  const escalationsOf = (bodyId: string) => db.escalation.findMany({ where: { bodyId }, orderBy: [{ raisedAt: 'asc' }, { rung: 'asc' }] });

  it('escalates to the DCPU the day after the registration lapses, to the SCPS a week later, and stops when it is renewed (s.41)', async () => {
    const home = await institution(10);
    const handle = await start(home);
    await env.sleep('12 days');
    const [dcpu] = await eventually(async () => ((await escalationsOf(home.bodyId)).length >= 1 ? escalationsOf(home.bodyId) : undefined));
    expect(dcpu).toMatchObject({ deadlineId: 'cci.registration', rung: 0, toBody: 'DCPU', districtCode: 'RJ-JAIPUR', caseId: null, status: 'OPEN' });
    expect(dcpu!.citation).toContain('s.41');
    const told = await eventually(async () => (await db.notification.findMany({ where: { kind: 'REGISTRATION_LAPSED', recipientBody: 'DCPU', subject: { contains: home.subjectId } } }))[0]);
    expect(told.subject).toMatch(/^Overdue by \d+ days: Renew the child care institution/);

    await env.sleep('7 days');
    const both = await eventually(async () => {
      const rows = await escalationsOf(home.bodyId);
      return rows.length >= 2 ? rows : undefined;
    });
    expect(both.map((e) => [e.rung, e.toBody])).toEqual([
      [0, 'DCPU'],
      [1, 'SCPS'],
    ]);

    // Renewed for five years: the ladder stops, the misses stay on record marked as met.
    await handle.signal(obligationChangedSignal, registration(home.bodyId, '2031-03-31'));
    await eventually(async () => ((await escalationsOf(home.bodyId)).every((e) => e.metAt !== null) ? true : undefined));
    await env.sleep('40 days');
    expect(await escalationsOf(home.bodyId)).toHaveLength(2);
    expect((await handle.query(obligationWatchQuery)).watched.deadline.dueAt).toBe('2031-03-31T18:30:00.000Z'); // 1 April 2031, 00:00 IST
    expect(await new AuditRepository(db).verifyChain(`body:${home.bodyId}`)).toEqual([]);
  });

  it('lets the DCPU acknowledge and resolve the escalation through the institution workflow', async () => {
    const home = await institution(1);
    const handle = await start(home);
    await env.sleep('3 days');
    const [missed] = await eventually(async () => ((await escalationsOf(home.bodyId)).length >= 1 ? escalationsOf(home.bodyId) : undefined));
    const actor = { id: 'dcpu-1', role: 'DCPU_OFFICER' as const, body: 'DCPU' as const };
    const act = (action: 'ACKNOWLEDGE' | 'RESOLVE', note?: string) =>
      handle.executeUpdate(escalationActionUpdate, { args: [{ escalationId: missed!.id, action, actor, idempotencyKey: randomUUID(), ...(note ? { note } : {}) }] });
    expect(await act('ACKNOWLEDGE')).toMatchObject({ status: 'ACKNOWLEDGED' });
    await expect(act('RESOLVE')).rejects.toThrow(/Update failed/);
    expect(await act('RESOLVE', 'renewal application filed with the SCPS; inspection fixed')).toMatchObject({ status: 'RESOLVED' });
    expect(await db.escalation.findUniqueOrThrow({ where: { id: missed!.id } })).toMatchObject({ status: 'RESOLVED', resolvedBy: 'dcpu-1' });
  });

  it('gives an acknowledgement retried with the same idempotency key after continuing as new its first answer', async () => {
    const home = { ...(await institution(1)), stepsPerRun: 2 };
    const handle = await start(home);
    const firstRun = (await handle.describe()).runId;
    await env.sleep('3 days'); // step 1: escalation to the DCPU
    const [missed] = await eventually(async () => ((await escalationsOf(home.bodyId)).length >= 1 ? escalationsOf(home.bodyId) : undefined));
    const actor = { id: 'dcpu-1', role: 'DCPU_OFFICER' as const, body: 'DCPU' as const };
    const acknowledge = { escalationId: missed!.id, action: 'ACKNOWLEDGE' as const, actor, idempotencyKey: `ack-${missed!.id}` };
    const first = await handle.executeUpdate(escalationActionUpdate, { args: [acknowledge] }); // step 2: run ends
    const latest = env.client.workflow.getHandle(obligationWatchId(home.subject, home.subjectId));
    await eventually(async () => ((await latest.describe()).runId !== firstRun ? true : undefined));

    expect(await latest.executeUpdate(escalationActionUpdate, { args: [acknowledge] })).toEqual(first);
    expect((await latest.query(obligationWatchQuery)).escalations).toEqual([expect.objectContaining({ id: missed!.id, status: 'ACKNOWLEDGED' })]);
  });

  it('leaves the escalations of a watch closed without renewal open and unmet: closing is no fulfilment', async () => {
    const home = await institution(1);
    const handle = await start(home);
    await env.sleep('3 days');
    const [missed] = await eventually(async () => ((await escalationsOf(home.bodyId)).length >= 1 ? escalationsOf(home.bodyId) : undefined));
    await handle.signal(obligationChangedSignal, { ...registration(home.bodyId, '2030-01-01'), deadline: { ...home.deadline }, closed: true });
    // The watch waits for its open escalations to be resolved; the miss is not marked met.
    await env.sleep('2 days');
    expect((await handle.describe()).status.name).toBe('RUNNING');
    expect(await db.escalation.findUniqueOrThrow({ where: { id: missed!.id } })).toMatchObject({ status: 'OPEN', metAt: null });
  });

  it('raises nothing for a registration renewed before it lapses', async () => {
    const home = await institution(5);
    const handle = await start(home);
    await env.sleep('2 days');
    await handle.signal(obligationChangedSignal, registration(home.bodyId, '2031-03-31'));
    await env.sleep('30 days');
    expect(await escalationsOf(home.bodyId)).toEqual([]);
  });
});
