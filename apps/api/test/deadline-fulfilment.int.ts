// A deadline is met only by an event that fulfils it; one the case moves past ends "not met", on the timeline
// and in the escalation ledger alike (issue #20), over HTTP against PostgreSQL, Redis and Temporal.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@temporalio/client';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as } from '@raksha/test-support/auth';
import { caseWithMissedProduction } from '@raksha/test-support/missed-deadline';
import { eventually, startStack, type Stack } from '@raksha/test-support/stack';

const REASONS = 'recorded in the order sheet after hearing the parent';

describe('deadlines met only by what fulfils them, over HTTP', () => {
  let stack: Stack;
  let temporal: Client;
  let cwc: { Authorization: string };
  let dcpu: { Authorization: string };
  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
    temporal = await stack.temporal();
    cwc = await as(stack, 'cwc.jaipur');
    dcpu = await as(stack, 'dcpu.jaipur');
  });
  afterAll(() => stack?.stop());

  const send = (caseId: string, type: string, payload: Record<string, unknown>) =>
    stack.http.post(`/cases/${caseId}/events`).set(cwc).send({ type, payload }).expect(200);
  const lastStep = async (caseId: string) => {
    const timeline = await stack.http.get(`/cases/${caseId}/timeline`).set(cwc).expect(200);
    return timeline.body[timeline.body.length - 1];
  };
  const missed = () => caseWithMissedProduction(stack, temporal, { districtCode: 'RJ-JAIPUR', stateCode: 'RJ' });

  it('records a surrender reconsidered as ending the legally-free deadline, not meeting it (s.35(3))', async () => {
    const caseId: string = (
      await stack.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', child: { name: 'Baby', ageYears: 0 } }).expect(201)
    ).body.caseId;
    await send(caseId, 'PRODUCED_BEFORE_CWC', { circumstance: 'SURRENDERED', producedBy: 'Mother' });
    await send(caseId, 'SURRENDER_DEED_EXECUTED', { deedRef: 'F23/2026/1', surrenderedBy: 'PARENT' });
    const reconsidered = await send(caseId, 'SURRENDER_RECONSIDERED', { orderRef: 'F24/2026/1', reasons: REASONS });
    expect(reconsidered.body.state).toBe('cncp.restoration.pending');

    const step = await lastStep(caseId);
    expect(step.eventType).toBe('SURRENDER_RECONSIDERED');
    expect(step.deadlines.met).toEqual([]);
    expect(step.deadlines.ended).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'cncp.legallyFreeAfterSurrender', overdue: false }),
        expect.objectContaining({ id: 'cncp.finalOrder', overdue: false }),
      ]),
    );
  });

  it('keeps the escalation of a waived, missed deadline open and unmet: a waiver is no fulfilment', async () => {
    const { caseId, escalationId } = await missed();
    await send(caseId, 'WAIVE_DEADLINE', { deadlineId: 'cncp.production', reasons: 'the child was produced before the CWC of another district' });
    const step = await lastStep(caseId);
    expect(step.deadlines.met).toEqual([]);
    expect(step.deadlines.ended).toEqual([expect.objectContaining({ id: 'cncp.production', overdue: true })]);
    const escalation = await stack.http.get(`/escalations/${escalationId}`).set(dcpu).expect(200);
    expect(escalation.body).toMatchObject({ status: 'OPEN', metAt: null });
    const open = await stack.http.get('/escalations').set(dcpu).query({ toBody: 'DCPU', districtCode: 'RJ-JAIPUR', status: 'OPEN' }).expect(200);
    expect(open.body.map((e: { id: string }) => e.id)).toContain(escalationId);
  });

  it('marks the escalation met, and the production late on the case the dashboards count, when the child is produced', async () => {
    const { caseId, escalationId } = await missed();
    await send(caseId, 'PRODUCED_BEFORE_CWC', { circumstance: 'LOST', producedBy: 'SJPU Jaipur' });
    const step = await lastStep(caseId);
    expect(step.deadlines.met).toEqual([expect.objectContaining({ id: 'cncp.production', late: true })]);
    expect(step.deadlines.ended).toEqual([]);
    const escalation = await eventually(async () => {
      const res = await stack.http.get(`/escalations/${escalationId}`).set(dcpu).expect(200);
      return res.body.metAt ? res.body : undefined;
    });
    expect(escalation).toMatchObject({ status: 'OPEN', deadlineId: 'cncp.production' });
    expect(await stack.db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ productionLate: true });
  });
});
