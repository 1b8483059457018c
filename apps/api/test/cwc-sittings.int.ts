// A CWC records the days it sat and the cases it heard (s.28(1)), over HTTP against PostgreSQL, Redis and Temporal.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as } from '@raksha/test-support/auth';
import { startStack, type Stack } from '@raksha/test-support/stack';

describe('CWC sittings and their cause lists, over HTTP', () => {
  let stack: Stack;
  let cwc: { Authorization: string };
  let dcpu: { Authorization: string };
  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
    cwc = await as(stack, 'cwc.jaipur');
    dcpu = await as(stack, 'dcpu.jaipur');
  });
  afterAll(() => stack?.stop());

  const CWC = 'CWC-RJ-JAIPUR';
  const register = async () =>
    (await stack.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', child: { name: 'Meena', ageYears: 8 } }).expect(201)).body.caseId as string;

  it('records a day the CWC sat with the cases it heard, and the same day again replaces its cause list', async () => {
    const heard = await register();
    const first = await stack.http.put(`/bodies/${CWC}/sittings/2026-02-02`).set(cwc).send({ caseIds: [heard] }).expect(200);
    expect(first.body).toMatchObject({ sittingOn: '2026-02-02', caseIds: [heard] });
    await stack.http.put(`/bodies/${CWC}/sittings/2026-02-03`).set(cwc).send({ caseIds: [] }).expect(200);
    const again = await stack.http.put(`/bodies/${CWC}/sittings/2026-02-02`).set(cwc).send({ caseIds: [] }).expect(200);
    expect(again.body.caseIds).toEqual([]);

    const month = await stack.http.get(`/bodies/${CWC}/sittings`).set(dcpu).query({ month: '2026-02' }).expect(200);
    expect(month.body).toMatchObject({ bodyId: CWC, month: '2026-02', held: 2, required: 20, met: false, citation: 's.28(1)' });
    expect(month.body.sittings.map((s: { sittingOn: string }) => s.sittingOn)).toEqual(['2026-02-02', '2026-02-03']);
  });

  it('counts a month of twenty sittings as meeting s.28(1)', async () => {
    for (let d = 1; d <= 20; d++) {
      await stack.http.put(`/bodies/${CWC}/sittings/2026-03-${String(d).padStart(2, '0')}`).set(cwc).send({}).expect(200);
    }
    const month = await stack.http.get(`/bodies/${CWC}/sittings`).set(cwc).query({ month: '2026-03' }).expect(200);
    expect(month.body).toMatchObject({ held: 20, met: true });
  });

  it('refuses a case of no case of its district, a day still to come, a bad month, and anyone but its members', async () => {
    const stranger = randomUUID();
    const bad = await stack.http.put(`/bodies/${CWC}/sittings/2026-02-04`).set(cwc).send({ caseIds: [stranger] }).expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors[0].field).toBe('caseIds.0');
    const future = await stack.http.put(`/bodies/${CWC}/sittings/2099-01-01`).set(cwc).send({}).expect(400);
    expect(future.body.errors[0].field).toBe('day');
    const month = await stack.http.get(`/bodies/${CWC}/sittings`).set(cwc).query({ month: '2026-13' }).expect(400);
    expect(month.body.errors[0].field).toBe('month');
    await stack.http.put(`/bodies/${CWC}/sittings/2026-02-05`).set(dcpu).send({}).expect(403);
    const none = await stack.http.get(`/bodies/${CWC}/sittings`).set(cwc).query({ month: '2026-02' }).expect(200);
    expect(none.body.sittings.map((s: { sittingOn: string }) => s.sittingOn)).not.toContain('2026-02-04');
  });
});
