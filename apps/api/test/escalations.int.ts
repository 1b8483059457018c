import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as } from '@raksha/test-support/auth';
import { caseWithMissedProduction } from '@raksha/test-support/missed-deadline';
import { startStack, type Stack } from '@raksha/test-support/stack';

describe('escalations over HTTP: a missed deadline reaches the DCPU, who acknowledges and resolves it', () => {
  let stack: Stack;
  let temporal: Client;
  let dcpu: { Authorization: string };
  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
    dcpu = await as(stack, 'dcpu.jodhpur');
    temporal = await stack.temporal();
  });
  afterAll(() => stack?.stop());

  const missedInJodhpur = () => caseWithMissedProduction(stack, temporal, { districtCode: 'RJ-JODHPUR', stateCode: 'RJ' });

  it("lists the missed deadline in the district DCPU's open escalations, with how overdue it is", async () => {
    const { caseId, escalationId } = await missedInJodhpur();
    const res = await stack.http.get('/escalations').set(dcpu).query({ toBody: 'DCPU', districtCode: 'RJ-JODHPUR', status: 'OPEN' }).expect(200);
    const mine = res.body.find((e: { id: string }) => e.id === escalationId);
    expect(mine).toMatchObject({ caseId, caseNumber: expect.stringMatching(/^RJ\/JODHPUR\/\d{4}\/\d+$/), deadlineId: 'cncp.production', rung: 0, status: 'OPEN', overdueHours: 0 });
    expect(mine.citation).toContain('s.31(1)');
    const byCase = await stack.http.get(`/cases/${caseId}/escalations`).set(dcpu).expect(200);
    expect(byCase.body.map((e: { id: string }) => e.id)).toEqual([escalationId]);
  });

  it('acknowledges, then resolves with a note; both on the case timeline, the miss kept', async () => {
    const { caseId, escalationId } = await missedInJodhpur();
    const ack = await stack.http.post(`/escalations/${escalationId}/acknowledge`).set(dcpu).send({}).expect(200);
    expect(ack.body).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgedBy: expect.any(String) });

    const again = await stack.http.post(`/escalations/${escalationId}/acknowledge`).set(dcpu).send({}).expect(409);
    expect(again.body.type).toBe('/problems/escalation-action-not-allowed');

    const noNote = await stack.http.post(`/escalations/${escalationId}/resolve`).set(dcpu).send({ note: 'ok' }).expect(400);
    expect(noNote.body.errors[0].field).toBe('note');

    const resolved = await stack.http.post(`/escalations/${escalationId}/resolve`).set(dcpu).send({ note: 'SJPU directed to produce the child today' }).expect(200);
    expect(resolved.body).toMatchObject({ status: 'RESOLVED', resolutionNote: 'SJPU directed to produce the child today', deadlineId: 'cncp.production' });

    const timeline = await stack.http.get(`/cases/${caseId}/timeline`).set(dcpu).expect(200);
    expect(timeline.body.map((e: { eventType: string }) => e.eventType)).toEqual([
      'REGISTERED',
      'DEADLINE_ESCALATED',
      'ESCALATION_ACKNOWLEDGED',
      'ESCALATION_RESOLVED',
    ]);
    await stack.http.post(`/escalations/${escalationId}/resolve`).set(dcpu).send({ note: 'resolving twice' }).expect(409);
    expect(timeline.body[0].deadlines.opened).toEqual([expect.objectContaining({ id: 'cncp.production' })]);
    expect(timeline.body[1].payload).toMatchObject({ deadlineId: 'cncp.production', toBody: 'DCPU' });
  });

  it('answers the same Idempotency-Key with the first answer for the same action, 422 for a different one', async () => {
    const { escalationId } = await missedInJodhpur();
    const key = `act-${randomUUID()}`;
    const ack = await stack.http.post(`/escalations/${escalationId}/acknowledge`).set(dcpu).send({ idempotencyKey: key }).expect(200);
    const retried = await stack.http.post(`/escalations/${escalationId}/acknowledge`).set(dcpu).send({ idempotencyKey: key }).expect(200);
    expect(retried.body).toEqual(ack.body);
    const other = await stack.http.post(`/escalations/${escalationId}/resolve`).set(dcpu).send({ idempotencyKey: key, note: 'the child was produced today' }).expect(422);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(other.body.type).toBe('/problems/idempotency-key-reused');
    const still = await stack.http.get(`/escalations/${escalationId}`).set(dcpu).expect(200);
    expect(still.body.status).toBe('ACKNOWLEDGED');
  });

  it('404 for an escalation that does not exist, 400 for a bad filter', async () => {
    await stack.http.post(`/escalations/${randomUUID()}/acknowledge`).set(dcpu).send({}).expect(404);
    const bad = await stack.http.get('/escalations').set(dcpu).query({ status: 'PENDING' }).expect(400);
    expect(bad.body.errors[0].field).toBe('status');
  });
});
