// A state adopts its own period for a statutory deadline; its new cases run on it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
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
    stack = await startStack(await caseWorkflowBundle());
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

  it("lets the state's SCPS set its own ladder for a deadline, audited, and new cases there climb it", async () => {
    const scps = await as(stack, 'scps.zz');
    const ladder = [
      { to: 'DCPU', after: 'PT0S' },
      { to: 'SCPS', after: 'PT3S' },
    ];
    const set = await stack.http
      .put('/states/ZZ/deadline-policy/cncp.production')
      .set(scps)
      .send({ ladder, reason: 'rehearsing the upper rungs of the ladder in the test suite' })
      .expect(200);
    // The period set before stays: a field left out keeps the state's own.
    expect(set.body).toMatchObject({ within: 'PT2S', ladder, defaultLadder: [{ to: 'DCPU', after: 'PT0S' }, { to: 'SCPS', after: 'P7D' }, { to: 'STATE_MONITORING_CELL', after: 'P30D' }] });
    const audit = await stack.db.auditEntry.findFirst({ where: { chain: 'policy:ZZ' }, orderBy: { position: 'desc' } });
    expect(audit?.detail).toMatchObject({ from: 'PT2S', to: 'PT2S', ladder: { from: null, to: ladder } });
    const read = await stack.http.get('/states/ZZ/deadline-policy').set(scps).expect(200);
    expect(read.body.find((e: { id: string }) => e.id === 'cncp.production')).toMatchObject({ ladder });

    const created = await stack.http.post('/cases').set(await as(stack, 'cwc.zz')).send({ track: 'CNCP', districtCode: 'ZZ-ONE' }).expect(201);
    const caseId: string = created.body.caseId;
    const raised = await eventually(async () => {
      const rows = await stack.db.escalation.findMany({ where: { caseId }, orderBy: { rung: 'asc' } });
      return rows.length === 2 ? rows : undefined;
    });
    expect(raised.map((e) => [e.rung, e.toBody])).toEqual([
      [0, 'DCPU'],
      [1, 'SCPS'],
    ]);
  });

  it('refuses a ladder out of order or naming a body twice, and a waiting period on a deadline without one (400, naming the field)', async () => {
    const scps = await as(stack, 'scps.zz');
    const reason = 'a reason long enough to record';
    const outOfOrder = await stack.http
      .put('/states/ZZ/deadline-policy/cncp.sir')
      .set(scps)
      .send({ reason, ladder: [{ to: 'DCPU', after: 'P7D' }, { to: 'SCPS', after: 'P1D' }] })
      .expect(400);
    expect(outOfOrder.body.errors[0]).toMatchObject({ field: 'ladder', message: expect.stringContaining('before rung 1') });
    const twice = await stack.http
      .put('/states/ZZ/deadline-policy/cncp.sir')
      .set(scps)
      .send({ reason, ladder: [{ to: 'DCPU', after: 'P0D' }, { to: 'DCPU', after: 'P1D' }] })
      .expect(400);
    expect(twice.body.errors[0].field).toBe('ladder');
    const unknownBody = await stack.http.put('/states/ZZ/deadline-policy/cncp.sir').set(scps).send({ reason, ladder: [{ to: 'DM', after: 'P0D' }] }).expect(400);
    expect(unknownBody.body.errors[0].field).toMatch(/^ladder/);
    const noWait = await stack.http.put('/states/ZZ/deadline-policy/cncp.sir').set(scps).send({ reason, opensAfter: 'P1D' }).expect(400);
    expect(noWait.body.errors[0].field).toBe('opensAfter');
    const nothing = await stack.http.put('/states/ZZ/deadline-policy/cncp.sir').set(scps).send({ reason }).expect(400);
    expect(nothing.body.errors[0].field).toBe('within');
    expect(await stack.db.deadlinePolicyOverride.count({ where: { stateCode: 'ZZ', deadlineId: 'cncp.sir' } })).toBe(0);
  });

  it('lets a state set the s.35(3) reconsideration period, which the legally-free deadline and the machine both read', async () => {
    const scps = await as(stack, 'scps.zz');
    const set = await stack.http
      .put('/states/ZZ/deadline-policy/cncp.legallyFreeAfterSurrender')
      .set(scps)
      .send({ opensAfter: 'P60D', within: 'P10D', reason: 'the state counts the reconsideration period in days' })
      .expect(200);
    expect(set.body).toMatchObject({ opensAfter: 'P60D', defaultOpensAfter: 'P2M', within: 'P10D', defaultWithin: 'P15D' });
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
