// A state adopts its own period for a statutory deadline; its new cases run on it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { bundleCaseWorkflows } from '@raksha/worker/workflow-bundle';
import { as } from '@raksha/test-support/auth';
import { eventually, startStack, type Stack } from '@raksha/test-support/stack';

/** A state of the test's own ("ZZ"), so its short deadlines never touch other tests' cases. */
async function testState(stack: Stack) {
  const demo = await stack.db.user.findUniqueOrThrow({ where: { username: 'cwc.jaipur' } });
  await stack.db.state.upsert({ where: { code: 'ZZ' }, create: { code: 'ZZ', name: 'Test State' }, update: {} });
  await stack.db.district.upsert({ where: { code: 'ZZ-ONE' }, create: { code: 'ZZ-ONE', name: 'One', stateCode: 'ZZ' }, update: {} });
  const bodies = [
    { id: 'SCPS-ZZ', type: 'SCPS', name: 'SCPS ZZ', level: 'STATE', stateCode: 'ZZ', districtCode: null },
    { id: 'CWC-ZZ-ONE', type: 'CWC', name: 'CWC ZZ-ONE', level: 'DISTRICT', stateCode: 'ZZ', districtCode: 'ZZ-ONE' },
  ];
  for (const b of bodies) await stack.db.body.upsert({ where: { id: b.id }, create: b, update: {} });
  for (const [username, bodyId, role] of [
    ['scps.zz', 'SCPS-ZZ', 'SCPS_OFFICER'],
    ['cwc.zz', 'CWC-ZZ-ONE', 'CWC_MEMBER'],
  ] as const) {
    await stack.db.user.upsert({
      where: { username },
      create: { id: randomUUID(), username, displayName: username, passwordHash: demo.passwordHash, bodyId, roles: [role] },
      update: {},
    });
  }
  await stack.db.deadlinePolicyOverride.deleteMany({ where: { stateCode: 'ZZ' } });
}

describe("a state's deadline policy", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(await bundleCaseWorkflows());
    await testState(stack);
  });
  afterAll(() => stack?.stop());

  it('lists every statutory deadline with its citation and the period in force', async () => {
    const res = await stack.http.get('/states/RJ/deadline-policy').set(await as(stack, 'monitor.rj')).expect(200);
    expect(res.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'cncp.production', within: 'PT24H', defaultWithin: 'PT24H', citation: expect.stringContaining('s.31(1)') })]),
    );
    await stack.http.get('/states/RJ/deadline-policy').set(await as(stack, 'monitor.mh')).expect(404);
  });

  it("lets the state's SCPS set a period, audited, and new cases there escalate on it", async () => {
    const scps = await as(stack, 'scps.zz');
    const set = await stack.http
      .put('/states/ZZ/deadline-policy/cncp.production')
      .set(scps)
      .send({ within: 'PT2S', reason: 'demonstration of a state rule in the test suite' })
      .expect(200);
    expect(set.body).toMatchObject({ id: 'cncp.production', within: 'PT2S', defaultWithin: 'PT24H', override: expect.objectContaining({ reason: expect.any(String) }) });
    const audit = await stack.db.auditEntry.findFirst({ where: { chain: 'policy:ZZ' }, orderBy: { position: 'desc' } });
    expect(audit?.detail).toMatchObject({ from: null, to: 'PT2S' });

    const created = await stack.http.post('/cases').set(await as(stack, 'cwc.zz')).send({ track: 'CNCP', districtCode: 'ZZ-ONE' }).expect(201);
    expect(created.body.openDeadlines[0]).toMatchObject({ id: 'cncp.production' });
    const escalation = await eventually(async () => (await stack.db.escalation.findFirst({ where: { caseId: created.body.caseId } })) ?? undefined);
    expect(escalation).toMatchObject({ deadlineId: 'cncp.production', toBody: 'DCPU' });
  });

  it("refuses another state's officer (404), other roles (403) and bad periods (400)", async () => {
    const body = { within: 'P2D', reason: 'a reason long enough to record' };
    await stack.http.put('/states/ZZ/deadline-policy/cncp.production').set(await as(stack, 'scps.rj')).send(body).expect(404);
    await stack.http.put('/states/RJ/deadline-policy/cncp.production').set(await as(stack, 'dcpu.jaipur')).send(body).expect(403);
    const scps = await as(stack, 'scps.zz');
    const badPeriod = await stack.http.put('/states/ZZ/deadline-policy/cncp.production').set(scps).send({ ...body, within: '2 days' }).expect(400);
    expect(badPeriod.body.errors[0].field).toBe('within');
    const badId = await stack.http.put('/states/ZZ/deadline-policy/cncp.nothing').set(scps).send(body).expect(400);
    expect(badId.body.errors[0].field).toBe('deadlineId');
  });
});
