// Helpline intake end to end: a 1098 call opens an intervention for the district's CHILDLINE unit, a repeat call
// joins it, a rescue makes it a CNCP case (24 hours from the rescue, s.31(1); the timeline starts with the call), a
// missed response time escalates to the DCPU, and bad input is refused naming the field, with nothing stored.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as } from '@raksha/test-support/auth';
import { startWebhookReceiver } from '@raksha/test-support/local-servers';
import { eventually, startStack, type Stack } from '@raksha/test-support/stack';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/** A call from Jaipur's Sindhi Camp bus stand, as 1098 passes it on. */
const call = (overrides: Record<string, unknown> = {}) => ({
  callId: `1098-${randomUUID()}`,
  calledAt: minutesAgo(5),
  place: { stateCode: 'RJ', districtCode: 'RJ-JAIPUR', lat: 26.9239, lon: 75.8012, text: 'Sindhi Camp bus stand' },
  callerRelation: 'PASSER_BY',
  child: { description: 'Girl about 8 years, red frock, crying alone near the bus stand at Sindhi Camp', gender: 'FEMALE', ageYears: 8 },
  distress: 'LOST',
  ...overrides,
});

describe('helpline intake: calls become interventions, a rescue becomes a case', () => {
  let stack: Stack;
  let childline: { Authorization: string };
  let dcpu: { Authorization: string };
  let cwc: { Authorization: string };
  /** 1098's system: a national partner client with `interventions:write` */
  let helpline: { Authorization: string };
  /** 1098's system's endpoint for the intervention webhooks (Standard Webhooks signatures verified) */
  let helplineEndpoint: Awaited<ReturnType<typeof startWebhookReceiver>>;

  /** Registers a partner client as `admin` and answers a bearer header with its token (client credentials). */
  async function partnerToken(admin: string, client: Record<string, unknown>): Promise<{ Authorization: string }> {
    const registered = await stack.http.post('/partner-clients').set(await as(stack, admin)).send(client).expect(201);
    const token = await stack.http
      .post('/oauth/token')
      .auth(registered.body.clientId, registered.body.clientSecret)
      .type('form')
      .send({ grant_type: 'client_credentials' })
      .expect(200);
    return { Authorization: `Bearer ${token.body.access_token}` };
  }

  beforeAll(async () => {
    helplineEndpoint = await startWebhookReceiver();
    stack = await startStack(await caseWorkflowBundle(), { NOTIFY_CHANNELS: 'webhook', NOTIFY_BACKOFF_MS: '50' });
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    helplineEndpoint.useSecret(secret);
    await stack.db.webhookSubscription.create({
      data: { id: randomUUID(), name: 'CHILDLINE 1098', url: `${helplineEndpoint.url}/raksha`, eventKinds: ['INTERVENTION_RESCUED'], stateCode: 'RJ', districtCode: 'RJ-JAIPUR', secret },
    });
    [childline, dcpu, cwc] = await Promise.all([as(stack, 'childline.jaipur'), as(stack, 'dcpu.jaipur'), as(stack, 'cwc.jaipur')]);
    helpline = await partnerToken('admin.india', { name: 'CHILDLINE 1098', kind: 'HELPLINE_1098', scopes: ['interventions:write'] });
  });
  afterAll(async () => {
    await stack?.stop();
    await helplineEndpoint?.close();
  });

  const send = (body: Record<string, unknown>, as = helpline) => stack.http.post('/helpline/v1/calls').set(as).send(body);

  it("opens an intervention for the district's CHILDLINE unit with the helpline's 60-minute response time; a repeat call about the same child joins it; the same call id again changes nothing, and with other details is refused (422)", async () => {
    const first = call({ child: { description: `Girl about 8 years, red frock, crying alone near the bus stand at Sindhi Camp ${randomUUID().slice(0, 6)}`, gender: 'FEMALE', ageYears: 8 } });
    const opened = await send(first).expect(200);
    expect(opened.body).toMatchObject({ callId: first.callId, joined: false, status: 'OPEN', respondBy: plus(first.calledAt as string, 60 * 60_000), caseId: null });
    const row = await stack.db.intervention.findUniqueOrThrow({ where: { id: opened.body.interventionId } });
    expect(row).toMatchObject({ ownerBodyId: 'CHILDLINE-RJ-JAIPUR', districtCode: 'RJ-JAIPUR', helpline: '1098' });

    const repeat = call({ calledAt: minutesAgo(2), callerRelation: 'NEIGHBOUR', place: { stateCode: 'RJ', districtCode: 'RJ-JAIPUR', lat: 26.925, lon: 75.8025 }, child: { description: `small girl in red frock still crying at Sindhi Camp bus stand ${(first.child as { description: string }).description.slice(-6)}` } });
    const joined = await send(repeat).expect(200);
    expect(joined.body).toMatchObject({ interventionId: opened.body.interventionId, joined: true, status: 'OPEN' });

    const again = await send(first).expect(200);
    expect(again.body).toEqual(opened.body);
    // The same call id with other details is another call under a used id: refused, nothing stored.
    const reused = await send({ ...first, child: { description: 'Boy of 12 begging at the railway station', gender: 'MALE' } }).expect(422);
    expect(reused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reused.body).toMatchObject({ type: '/problems/helpline-call-id-reused', errors: [{ field: 'callId' }] });
    expect(reused.body.detail).toContain(`call ${first.callId as string} was already received with different details`);
    expect((await send(first).expect(200)).body).toEqual(opened.body);
    expect(await stack.db.helplineCall.count({ where: { interventionId: opened.body.interventionId } })).toBe(2);

    // Another child at the other end of the city is another intervention.
    const other = await send(call({ place: { stateCode: 'RJ', districtCode: 'RJ-JAIPUR', lat: 26.9196, lon: 75.7878 }, child: { description: 'Boy of 12 begging at the railway station, blue shirt, limps', gender: 'MALE' }, distress: 'BEGGING' })).expect(200);
    expect(other.body.interventionId).not.toBe(opened.body.interventionId);

    const listed = await stack.http.get('/interventions').set(childline).query({ status: 'OPEN' }).expect(200);
    expect(listed.body.find((i: { id: string }) => i.id === opened.body.interventionId)).toMatchObject({ calls: 2, status: 'OPEN', overdue: false });
    const detail = await stack.http.get(`/interventions/${opened.body.interventionId}`).set(dcpu).expect(200);
    expect(detail.body.callsReceived.map((c: { callId: string }) => c.callId)).toEqual([first.callId, repeat.callId]);
    const pulled = await stack.http.get(`/helpline/v1/calls/${repeat.callId}`).set(helpline).expect(200);
    expect(pulled.body).toMatchObject({ interventionId: opened.body.interventionId, joined: true, status: 'OPEN' });
    // A DCPU elsewhere does not know it exists.
    await stack.http.get(`/interventions/${opened.body.interventionId}`).set(await as(stack, 'dcpu.jodhpur')).expect(404);
  });

  it('turns a rescue into a CNCP case whose 24-hour production deadline (s.31(1)) runs from the rescue and whose timeline starts with the call', async () => {
    const c = call({ calledAt: minutesAgo(40), child: { description: `Boy around 6 wandering alone at Jaipur Junction platform 3, green shirt ${randomUUID().slice(0, 6)}`, gender: 'MALE' } });
    const { body: opened } = await send(c).expect(200);
    const id = opened.interventionId as string;
    await eventually(async () => ((await stack.db.notification.count({ where: { kind: 'INTERVENTION_OPENED', recipientBody: 'CHILDLINE', districtCode: 'RJ-JAIPUR' } })) > 0 ? true : undefined));

    const reached = await stack.http.post(`/interventions/${id}/reached`).set(childline).send({ at: minutesAgo(20) }).expect(200);
    expect(reached.body).toMatchObject({ status: 'REACHED', caseId: null });
    const rescueAt = minutesAgo(10);
    const rescued = await stack.http.post(`/interventions/${id}/rescued`).set(childline).send({ at: rescueAt, child: { ageYears: 6, gender: 'MALE' } }).expect(200);
    expect(rescued.body).toMatchObject({ status: 'RESCUED', rescuedAt: rescueAt, caseId: expect.any(String) });
    const caseId = rescued.body.caseId as string;

    const theCase = await stack.http.get(`/cases/${caseId}`).set(cwc).expect(200);
    expect(theCase.body).toMatchObject({ track: 'CNCP', districtCode: 'RJ-JAIPUR', registeredAt: rescueAt, caseNumber: expect.stringMatching(/^RJ\/JAIPUR\/\d{4}\/\d+$/) });
    expect(theCase.body.openDeadlines).toEqual([expect.objectContaining({ id: 'cncp.production', dueAt: plus(rescueAt, 24 * 3_600_000) })]);
    const timeline = await stack.http.get(`/cases/${caseId}/timeline`).set(cwc).expect(200);
    expect(timeline.body.map((e: { eventType: string }) => e.eventType)).toEqual(['HELPLINE_CALL', 'REGISTERED']);
    expect(timeline.body[0]).toMatchObject({ occurredAt: c.calledAt, payload: { helpline: '1098', callId: c.callId, interventionId: id } });

    const told = await stack.http.get(`/helpline/v1/calls/${c.callId}`).set(helpline).expect(200);
    expect(told.body).toMatchObject({ status: 'RESCUED', caseId, caseNumber: theCase.body.caseNumber, rescuedAt: rescueAt });
    // The webhook names the helpline's own call id and the status in a fixed machine-readable field, with the case's number.
    const hook = await eventually(async () => helplineEndpoint.received.find((w) => (w.payload.data as { intervention?: { id: string } }).intervention?.id === id));
    expect(hook).toMatchObject({
      verified: true,
      payload: { type: 'INTERVENTION_RESCUED', data: { caseId, caseNumber: theCase.body.caseNumber, intervention: { id, status: 'RESCUED', calls: [{ helpline: '1098', callId: c.callId }] } } },
    });
    const twice = await stack.http.post(`/interventions/${id}/rescued`).set(childline).send({}).expect(409);
    expect(twice.body.type).toBe('/problems/intervention-action-not-allowed');
  });

  it('escalates to the DCPU at once a call passed on after the response time ran out; the DCPU acknowledges it, and reaching the child late marks it met', async () => {
    const c = call({ calledAt: minutesAgo(90), child: { description: `Girl of 14 locked in a house at Malviya Nagar, caller hears crying ${randomUUID().slice(0, 6)}` }, distress: 'ABUSE' });
    const { body: opened } = await send(c).expect(200);
    const watchId = `intervention-${opened.interventionId}`;
    const escalation = await eventually(() => stack.db.escalation.findFirst({ where: { watchId } }).then((e) => e ?? undefined));
    expect(escalation).toMatchObject({ bodyId: 'CHILDLINE-RJ-JAIPUR', deadlineId: 'helpline.response', rung: 0, toBody: 'DCPU', districtCode: 'RJ-JAIPUR', status: 'OPEN' });
    expect(escalation.citation).toContain('policy');
    const notice = await eventually(async () => (await stack.db.notification.findMany({ where: { kind: 'INTERVENTION_RESPONSE_OVERDUE', recipientBody: 'DCPU', subject: { contains: c.callId } } }))[0]);
    expect(notice.subject).toMatch(/^Overdue by \d+ minutes: Reach the child/);

    const listed = await stack.http.get('/interventions').set(dcpu).expect(200);
    expect(listed.body.find((i: { id: string }) => i.id === opened.interventionId)).toMatchObject({ overdue: true });
    await stack.http.post(`/escalations/${escalation.id}/acknowledge`).set(dcpu).send({}).expect(200);

    await stack.http.post(`/interventions/${opened.interventionId}/reached`).set(childline).send({}).expect(200);
    const met = await eventually(() => stack.db.escalation.findFirst({ where: { watchId, metAt: { not: null } } }).then((e) => e ?? undefined));
    expect(met.status).toBe('ACKNOWLEDGED');
    const detail = await stack.http.get(`/interventions/${opened.interventionId}`).set(dcpu).expect(200);
    expect(detail.body.escalations).toEqual([expect.objectContaining({ id: escalation.id, metAt: expect.any(String) })]);
  });

  it('closes without a case only with a reason, and tells the helpline why', async () => {
    const c = call({ child: { description: `Caller says a child sleeps on the footpath at MI Road every night ${randomUUID().slice(0, 6)}` }, distress: 'OTHER' });
    const { body: opened } = await send(c).expect(200);
    const noReason = await stack.http.post(`/interventions/${opened.interventionId}/closed`).set(childline).send({}).expect(400);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    await stack.http.post(`/interventions/${opened.interventionId}/closed`).set(childline).send({ reason: 'NO_CHILD_FOUND', note: 'Searched MI Road twice' }).expect(200);
    const told = await stack.http.get(`/helpline/v1/calls/${c.callId}`).set(helpline).expect(200);
    expect(told.body).toMatchObject({ status: 'CLOSED', closeReason: 'NO_CHILD_FOUND', caseId: null });
  });

  it('refuses bad input with problem+json naming the field, and stores nothing', async () => {
    const refused = async (body: Record<string, unknown>, field: string, status = 400) => {
      const res = await send(body).expect(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      if (status === 400) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      if (typeof body.callId === 'string') expect(await stack.db.helplineCall.count({ where: { callId: body.callId } })).toBe(0);
    };
    const before = await stack.db.intervention.count();
    await refused(call({ place: { stateCode: 'RJ', districtCode: 'RJ-NOWHERE' } }), 'place.districtCode');
    await refused(call({ place: { stateCode: 'MH', districtCode: 'RJ-JAIPUR' } }), 'place.stateCode');
    await refused(call({ place: { stateCode: 'RJ', districtCode: 'RJ-JAIPUR', lat: 95, lon: 75.8 } }), 'place.lat');
    await refused(call({ place: { stateCode: 'RJ', districtCode: 'RJ-JAIPUR', lat: 26.9 } }), 'place.lon');
    await refused(call({ place: { stateCode: 'RJ', districtCode: 'RJ-JAIPUR', thanaCode: 'RJ-JAIPUR-PS-NONE' } }), 'place.thanaCode');
    const { callId: _none, ...noCallId } = call();
    await refused(noCallId, 'callId');
    await refused(call({ calledAt: plus(new Date().toISOString(), 3_600_000) }), 'calledAt');
    expect(await stack.db.intervention.count()).toBe(before);
  });

  it("refuses a token without `interventions:write` (403), a person's token or an expired one (401), and a call outside a state helpline's jurisdiction (404)", async () => {
    const readsOnly = await partnerToken('admin.india', { name: 'CHILDLINE 1098 reports', kind: 'HELPLINE_1098', scopes: ['reports:read'] });
    const c = call();
    await send(c, readsOnly).expect(403);
    await send(c, childline).expect(401);
    const rajasthan112 = await partnerToken('admin.rj', { name: 'ERSS-112 Rajasthan', kind: 'HELPLINE_112', scopes: ['interventions:write'] });
    const pune = await send(call({ place: { stateCode: 'MH', districtCode: 'MH-PUNE' } }), rajasthan112).expect(404);
    expect(pune.headers['content-type']).toMatch(/^application\/problem\+json/);
    // Its own state: an intervention like 1098's, on 112's call id.
    const jaipur = await send(c, rajasthan112).expect(200);
    expect(await stack.db.helplineCall.findUniqueOrThrow({ where: { helpline_callId: { helpline: '112', callId: c.callId } } })).toMatchObject({ interventionId: jaipur.body.interventionId });
    expect(await stack.db.helplineCall.count({ where: { callId: c.callId } })).toBe(1);
    // 1098 cannot read 112's call.
    await stack.http.get(`/helpline/v1/calls/${c.callId}`).set(helpline).expect(404);

    // An expired token: 401 problem+json, nothing stored.
    await stack.db.partnerToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = call();
    const expired = await send(late).expect(401);
    expect(expired.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await stack.db.helplineCall.count({ where: { callId: late.callId as string } })).toBe(0);
  });
});
