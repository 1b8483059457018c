// A helpline intervention's response clock on the Temporal Java test server (time skipping), with the real
// activities writing to PostgreSQL and Redis: unreached, it climbs the ladder (DCPU at once, SCPS a day later).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { RakshaConfig } from '@raksha/config';
import { interventionActionUpdate, interventionQuery, type InterventionStart, interventionWorkflowId } from '@raksha/contracts/temporal';
import { AuditRepository, type Db, InterventionRepository, interventionChain } from '@raksha/db';
import { eventually } from '@raksha/test-support/stack';
import { startTimeSkippingStack, type TimeSkippingStack } from '@raksha/test-support/time-skipping';

describe('interventionWorkflow: a child not reached within the response time escalates on the ladder (time skipping)', () => {
  let stack: TimeSkippingStack;
  let env: TestWorkflowEnvironment;
  let config: RakshaConfig;
  let db: Db;

  beforeAll(async () => {
    stack = await startTimeSkippingStack('intervention');
    ({ env, config, db } = stack);
  });
  afterAll(() => stack?.stop());

  it('escalates to the DCPU when the 60-minute response time passes, to the SCPS a day later, and marks both met when the child is reached', async () => {
    const id = randomUUID();
    const calledAt = new Date(await env.currentTimeMs());
    const respondBy = new Date(calledAt.getTime() + 60 * 60_000);
    const call = { helpline: '1098', callId: `T-${id.slice(0, 8)}`, calledAt, callerRelation: 'NEIGHBOUR', childDescription: 'boy crying outside a shop', distress: 'LOST', thanaCode: null, lat: null, lon: null, bodyHash: 'test' };
    await new InterventionRepository(db).open(
      { id, helpline: '1098', stateCode: 'RJ', districtCode: 'RJ-JODHPUR', thanaCode: null, lat: null, lon: null, placeText: null, ownerBodyId: 'CHILDLINE-RJ-JODHPUR', childDescription: call.childDescription, childGender: null, distress: 'LOST', firstCalledAt: calledAt, respondBy },
      call,
    );
    const start: InterventionStart = {
      interventionId: id,
      label: `Helpline 1098 call ${call.callId} (Jodhpur)`,
      ownerBodyId: 'CHILDLINE-RJ-JODHPUR',
      ownerBodyType: 'CHILDLINE',
      districtCode: 'RJ-JODHPUR',
      stateCode: 'RJ',
      firstCall: { interventionId: id, helpline: '1098', callId: call.callId, calledAt: calledAt.toISOString(), callerRelation: 'NEIGHBOUR', distress: 'LOST' },
      respondBy: respondBy.toISOString(),
    };
    const handle = await env.client.workflow.start('interventionWorkflow', { taskQueue: config.temporal.taskQueue, workflowId: interventionWorkflowId(id), args: [start] });
    const escalations = () => db.escalation.findMany({ where: { watchId: interventionWorkflowId(id) }, orderBy: { rung: 'asc' } });

    await env.sleep('59 minutes');
    expect(await escalations()).toEqual([]);
    await env.sleep('2 minutes');
    const [dcpu] = await eventually(async () => ((await escalations()).length === 1 ? escalations() : undefined));
    expect(dcpu).toMatchObject({ deadlineId: 'helpline.response', rung: 0, toBody: 'DCPU', bodyId: 'CHILDLINE-RJ-JODHPUR', dueAt: respondBy });

    await env.sleep('24 hours');
    const both = await eventually(async () => ((await escalations()).length === 2 ? escalations() : undefined));
    expect(both.map((e) => e.toBody)).toEqual(['DCPU', 'SCPS']);

    const actor = { id: 'childline-1', role: 'CHILDLINE_WORKER' as const, body: 'CHILDLINE' as const };
    const reached = await handle.executeUpdate(interventionActionUpdate, { args: [{ action: 'REACHED', actor, idempotencyKey: randomUUID() }] });
    expect(reached).toMatchObject({ status: 'REACHED', escalations: [expect.objectContaining({ toBody: 'DCPU' }), expect.objectContaining({ toBody: 'SCPS' })] });
    await eventually(async () => ((await escalations()).every((e) => e.metAt !== null) ? true : undefined));
    await env.sleep('30 days');
    expect(await escalations()).toHaveLength(2);
    expect((await handle.query(interventionQuery)).status).toBe('REACHED');
    expect(await new AuditRepository(db).verifyChain(interventionChain(id))).toEqual([]);
    expect(await new AuditRepository(db).verifyChain('body:CHILDLINE-RJ-JODHPUR')).toEqual([]);
  });
});
