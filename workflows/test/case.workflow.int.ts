// Real scenarios across months, in seconds: the case workflow on the Temporal Java test server
// (time skipping) with the real activities writing to PostgreSQL and Redis.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { applyEventUpdate, type CaseActor, caseContextQuery, caseStatusQuery, caseWorkflowId, escalationActionUpdate } from '@raksha/contracts/temporal';
import { SAMPLE_ICP_GOALS } from '@raksha/case-machine';
import { AuditRepository, type Db } from '@raksha/db';
import { eventually } from '@raksha/test-support/stack';
import { DCPU_OFFICER, escalationCount, escalationsOf, OFFICER, produceAndInquire, registerAtServerTime, sendEvent } from '@raksha/test-support/case-scenarios';
import { startTimeSkippingStack, type TimeSkippingStack } from '@raksha/test-support/time-skipping';

describe('caseWorkflow: statutory deadlines and the escalation ladder (time skipping)', () => {
  let stack: TimeSkippingStack;
  let env: TestWorkflowEnvironment;
  let db: Db;

  beforeAll(async () => {
    stack = await startTimeSkippingStack();
    ({ env, db } = stack);
  });
  afterAll(() => stack?.stop());

  it('escalates to the DCPU when the child is not produced within 24 hours (s.31(1)), and to the SCPS a week later', async () => {
    const { caseId, handle } = await registerAtServerTime(stack, 'CNCP');
    await env.sleep('25 hours');
    const [dcpu] = await escalationCount(db, caseId, 1);
    expect(dcpu).toMatchObject({ deadlineId: 'cncp.production', rung: 0, toBody: 'DCPU', districtCode: 'RJ-JAIPUR', status: 'OPEN' });
    expect(dcpu!.citation).toContain('s.31(1)');
    const told = await eventually(async () => (await db.notification.findMany({ where: { caseId, kind: 'DEADLINE_ESCALATED', recipientBody: 'DCPU' } }))[0]);
    expect(told.subject).toMatch(/^Overdue by \d+ h: Produce the child/);

    await env.sleep('7 days');
    const rows = await escalationCount(db, caseId, 2);
    expect(rows.map((e) => [e.rung, e.toBody])).toEqual([
      [0, 'DCPU'],
      [1, 'SCPS'],
    ]);

    // Produced late: the ladder stops, and the misses stay on record marked as met.
    await sendEvent(handle, 'PRODUCED_BEFORE_CWC', { circumstance: 'ABANDONED', producedBy: 'Childline' });
    await env.sleep('40 days');
    const after = await escalationsOf(db, caseId);
    expect(after.filter((e) => e.deadlineId === 'cncp.production')).toHaveLength(2);
    expect(after.every((e) => e.deadlineId !== 'cncp.production' || e.metAt !== null)).toBe(true);
    const timeline = await db.timelineEntry.findMany({ where: { caseId }, orderBy: { sequence: 'asc' } });
    expect(timeline.slice(0, 4).map((e) => e.eventType)).toEqual(['REGISTERED', 'DEADLINE_ESCALATED', 'DEADLINE_ESCALATED', 'PRODUCED_BEFORE_CWC']);
    expect(await new AuditRepository(db).verifyChain(`case:${caseId}`)).toEqual([]);
  });

  it('keeps the armed deadline timer across an event that leaves the next wake-up time unchanged, re-arms it when an event moves it, and still escalates on it', async () => {
    const { caseId, handle } = await registerAtServerTime(stack, 'CNCP');
    /** Timers started and cancelled so far, and the search attributes each upsert after registration carried. */
    const commands = async () => {
      const events = (await handle.fetchHistory()).events ?? [];
      return {
        started: events.filter((e) => e.timerStartedEventAttributes).length,
        cancelled: events.filter((e) => e.timerCanceledEventAttributes).length,
        upserts: events
          .filter((e) => e.upsertWorkflowSearchAttributesEventAttributes)
          .map((e) => Object.keys(e.upsertWorkflowSearchAttributesEventAttributes!.searchAttributes?.indexedFields ?? {}).sort()),
      };
    };
    await sendEvent(handle, 'PRODUCED_BEFORE_CWC', { circumstance: 'LOST', producedBy: 'SJPU Jaipur' }); // 24 h -> the 4-month final order
    const produced = await commands();
    expect(produced).toMatchObject({ started: 2, cancelled: 1 });

    await sendEvent(handle, 'INTERIM_PLACEMENT_ORDERED', { placement: 'CHILDRENS_HOME', orderRef: 'CWC/JPR/F18/1' }); // still the final order
    const placed = await commands();
    expect(placed).toMatchObject({ started: 2, cancelled: 1 });
    expect(placed.upserts.at(-1)).toEqual(['CaseState']); // track, district, state and phase are unchanged

    await sendEvent(handle, 'SIR_ORDERED', { sirRef: 'SIR/1' }); // the SIR's 15 days come first
    expect(await commands()).toMatchObject({ started: 3, cancelled: 2 });

    await env.sleep('16 days');
    const rows = await escalationCount(db, caseId, 1);
    expect(rows).toEqual([expect.objectContaining({ deadlineId: 'cncp.sir', rung: 0, toBody: 'DCPU' })]);
  });

  it('escalates a CNCP inquiry that passes 4 months without a final order (s.36(2))', async () => {
    const { caseId, handle } = await registerAtServerTime(stack, 'CNCP');
    await produceAndInquire(handle);
    await env.sleep('123 days');
    const rows = await escalationCount(db, caseId, 1);
    expect(rows).toEqual([expect.objectContaining({ deadlineId: 'cncp.finalOrder', rung: 0, toBody: 'DCPU' })]);
    const context = await handle.query(caseContextQuery);
    expect(context).toMatchObject({ sir: expect.objectContaining({ ref: 'SIR/1' }), production: expect.objectContaining({ body: 'CWC' }) });
  });

  it('escalates a CICL inquiry past 4 months when the JJB recorded no extension (s.14(2))', async () => {
    const { caseId, handle } = await registerAtServerTime(stack, 'CICL');
    await sendEvent(handle, 'PRODUCED_BEFORE_JJB', { offenceCategory: 'SERIOUS', ageAtOffence: 15 }, { id: 'jjb-1', role: 'JJB_MEMBER', body: 'JJB' });
    await env.sleep('125 days');
    const rows = await eventually(async () => {
      const all = await escalationsOf(db, caseId);
      return all.some((e) => e.deadlineId === 'cicl.inquiry') ? all : undefined;
    });
    expect(rows).toEqual(expect.arrayContaining([expect.objectContaining({ deadlineId: 'cicl.inquiry', rung: 0, toBody: 'DCPU' })]));
  });

  it('raises no escalation for a child restored on time and followed up for a year, and ends the workflow at closure', async () => {
    const { caseId, handle } = await registerAtServerTime(stack, 'CNCP');
    await env.sleep('6 hours');
    await produceAndInquire(handle);
    await env.sleep('30 days');
    await sendEvent(handle, 'FINAL_ORDER_PASSED', { order: 'RESTORATION', orderRef: 'CWC/JPR/37/1', reasons: 'parents traced and verified by the DCPU' });
    await sendEvent(handle, 'CHILD_RESTORED', { restoredTo: 'PARENT' });
    for (let quarter = 0; quarter < 4; quarter += 1) {
      await env.sleep('80 days');
      await sendEvent(handle, 'FOLLOW_UP_REPORT_FILED', { reportRef: `FU/${quarter + 1}` });
    }
    await expect(sendEvent(handle, 'FOLLOW_UP_COMPLETED')).rejects.toThrow(/Update failed/); // not yet a year
    await env.sleep('50 days');
    expect((await handle.query(caseStatusQuery)).escalations).toEqual([]);
    expect(await escalationsOf(db, caseId)).toEqual([]);
    await sendEvent(handle, 'FOLLOW_UP_COMPLETED');
    await sendEvent(handle, 'CLOSE_CASE', { ground: 'RESTORED_AND_FOLLOWED_UP', reasons: 'restored; four quarterly follow-ups filed' });
    await handle.result();
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).phase).toBe('CLOSED');
  });

  it('terminates a petty-offence inquiry still inconclusive after the extension, as the system (s.14(4))', async () => {
    const { caseId, handle } = await registerAtServerTime(stack, 'CICL');
    const jjb: CaseActor = { id: 'jjb-1', role: 'JJB_MEMBER', body: 'JJB' };
    await sendEvent(handle, 'PRODUCED_BEFORE_JJB', { offenceCategory: 'PETTY', ageAtOffence: 14 }, jjb);
    await sendEvent(handle, 'INQUIRY_EXTENDED', { reasons: 'witnesses not yet examined; recorded in writing' }, jjb);
    await env.sleep('190 days');
    const terminated = await eventually(async () =>
      (await db.timelineEntry.findMany({ where: { caseId, eventType: 'PROCEEDINGS_TERMINATED' } }))[0],
    );
    expect(terminated).toMatchObject({ actorId: 'system', actorRole: 'SYSTEM' });
  });

  it('escalates an Individual Care Plan review missed 3 months after the plan (s.30(vi)), and marks it met when held late', async () => {
    const { caseId, handle } = await registerAtServerTime(stack, 'CNCP');
    await produceAndInquire(handle);
    await sendEvent(handle, 'FINAL_ORDER_PASSED', { order: 'CHILDRENS_HOME', orderRef: 'CWC/JPR/37/9', reasons: 'no family traced; long-term care' });
    const cci: CaseActor = { id: 'cci-1', role: 'CCI_STAFF', body: 'CCI' };
    await env.sleep('20 days');
    await sendEvent(handle, 'ICP_PREPARED', { icpRef: 'ICP/9', goals: SAMPLE_ICP_GOALS }, cci);
    await env.sleep('93 days');
    const [missed] = await escalationCount(db, caseId, 1);
    expect(missed).toMatchObject({ deadlineId: 'cncp.icpReview', rung: 0, toBody: 'DCPU', status: 'OPEN', metAt: null });
    await sendEvent(handle, 'ICP_REVIEWED', { icpRef: 'ICP/9', progress: [{ domain: 'HEALTH', status: 'ON_TRACK' }] }, cci);
    const met = await eventually(async () => {
      const row = await db.escalation.findUniqueOrThrow({ where: { id: missed!.id } });
      return row.metAt ? row : undefined;
    });
    expect(met.status).toBe('OPEN'); // met late: the miss stays for the DCPU to resolve
  });

  it('lets the DCPU acknowledge and then resolve an escalation with a note; the miss stays on the timeline', async () => {
    const { caseId, handle } = await registerAtServerTime(stack, 'CNCP');
    await env.sleep('25 hours');
    const [missed] = await escalationCount(db, caseId, 1);
    const act = (action: 'ACKNOWLEDGE' | 'RESOLVE', note?: string) =>
      handle.executeUpdate(escalationActionUpdate, {
        args: [{ escalationId: missed!.id, action, idempotencyKey: randomUUID(), actor: DCPU_OFFICER, ...(note ? { note } : {}) }],
      });
    expect(await act('ACKNOWLEDGE')).toMatchObject({ id: missed!.id, status: 'ACKNOWLEDGED' });
    await expect(act('ACKNOWLEDGE')).rejects.toThrow(/Update failed/);
    await expect(act('RESOLVE')).rejects.toThrow(/Update failed/);
    expect(await act('RESOLVE', 'child produced before the CWC on our direction')).toMatchObject({ status: 'RESOLVED' });

    const row = await db.escalation.findUniqueOrThrow({ where: { id: missed!.id } });
    expect(row).toMatchObject({ status: 'RESOLVED', acknowledgedBy: 'dcpu-1', resolvedBy: 'dcpu-1', resolutionNote: 'child produced before the CWC on our direction' });
    const kinds = (await db.timelineEntry.findMany({ where: { caseId }, orderBy: { sequence: 'asc' } })).map((e) => e.eventType);
    expect(kinds).toEqual(['REGISTERED', 'DEADLINE_ESCALATED', 'ESCALATION_ACKNOWLEDGED', 'ESCALATION_RESOLVED']);
  });

  it('continues as new before history grows, with its deadlines, escalations and idempotency keys intact', async () => {
    const { caseId, handle } = await registerAtServerTime(stack, 'CNCP', { stepsPerRun: 3 });
    const firstRun = (await handle.describe()).runId;
    await env.sleep('25 hours'); // step 1: escalation to the DCPU
    const key = `produce-${caseId}`;
    const produced = await handle.executeUpdate(applyEventUpdate, {
      args: [{ type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'LOST', producedBy: 'SJPU' }, idempotencyKey: key, actor: OFFICER }],
    }); // step 2
    await sendEvent(handle, 'INTERIM_PLACEMENT_ORDERED', { placement: 'CHILDRENS_HOME', orderRef: 'O/1' }); // step 3: run ends
    const latest = env.client.workflow.getHandle(caseWorkflowId(caseId));
    await eventually(async () => ((await latest.describe()).runId !== firstRun ? true : undefined));

    const status = await latest.query(caseStatusQuery);
    expect(status).toMatchObject({ sequence: 3, state: 'cncp.beforeCwc.inquiry.sirNotOrdered' });
    expect(status.openDeadlines.map((d) => d.id)).toEqual(['cncp.finalOrder']);
    expect(status.escalations).toEqual([expect.objectContaining({ deadlineId: 'cncp.production', status: 'OPEN' })]);
    // The first answer survives the new run.
    const again = await latest.executeUpdate(applyEventUpdate, {
      args: [{ type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'LOST', producedBy: 'SJPU' }, idempotencyKey: key, actor: OFFICER }],
    });
    expect(again).toEqual(produced);
    // And its deadlines still fire: the final order is due 4 months after production.
    await env.sleep('125 days');
    const rows = await escalationCount(db, caseId, 2);
    expect(rows.map((e) => e.deadlineId)).toEqual(['cncp.production', 'cncp.finalOrder']);
  });

  it('gives an acknowledgement retried with the same idempotency key after continuing as new its first answer', async () => {
    const { caseId, handle } = await registerAtServerTime(stack, 'CNCP', { stepsPerRun: 2 });
    const firstRun = (await handle.describe()).runId;
    await env.sleep('25 hours'); // step 1: escalation to the DCPU
    const [missed] = await escalationCount(db, caseId, 1);
    const acknowledge = { escalationId: missed!.id, action: 'ACKNOWLEDGE' as const, idempotencyKey: `ack-${missed!.id}`, actor: DCPU_OFFICER };
    const first = await handle.executeUpdate(escalationActionUpdate, { args: [acknowledge] }); // step 2: run ends
    const latest = env.client.workflow.getHandle(caseWorkflowId(caseId));
    await eventually(async () => ((await latest.describe()).runId !== firstRun ? true : undefined));

    expect(await latest.executeUpdate(escalationActionUpdate, { args: [acknowledge] })).toEqual(first);
    expect((await latest.query(caseStatusQuery)).sequence).toBe(2); // answered from memory: nothing recorded twice
  });
});
