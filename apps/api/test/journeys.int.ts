// Each role's real journey over HTTP, signed in as the seeded demo users.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as } from '@raksha/test-support/auth';
import { startStack, type Stack } from '@raksha/test-support/stack';

describe('journeys of the people who use Raksha', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
  });
  afterAll(() => stack?.stop());

  it('police apprehend a child, the JJB records production and bail, the probation officer submits the SIR, the state monitor audits the timeline', async () => {
    const sjpu = await as(stack, 'sjpu.jaipur');
    const registered = await stack.http
      .post('/cases')
      .set(sjpu)
      .send({ track: 'CICL', districtCode: 'RJ-JAIPUR', child: { ageYears: 15, gender: 'MALE' } })
      .expect(201);
    const caseId: string = registered.body.caseId;
    expect(registered.body).toMatchObject({ state: 'cicl.apprehended', allowedEvents: expect.arrayContaining(['PRODUCED_BEFORE_JJB']) });

    const jjb = await as(stack, 'jjb.jaipur');
    const queue = await stack.http.get('/cases/queue').set(jjb).query({ limit: 100 }).expect(200);
    expect(queue.body.items.map((c: { id: string }) => c.id)).toContain(caseId);
    const produced = await stack.http
      .post(`/cases/${caseId}/events`)
      .set(jjb)
      .send({ type: 'PRODUCED_BEFORE_JJB', payload: { offenceCategory: 'SERIOUS', ageAtOffence: 15 } })
      .expect(200);
    expect(produced.body.openDeadlines.map((d: { id: string }) => d.id)).toContain('cicl.inquiry');

    // Reading the case tells what it can take now, and which of that the reader may send.
    const { body: read } = await stack.http.get(`/cases/${caseId}`).set(jjb).expect(200);
    expect(read.allowedEvents).toEqual(expect.arrayContaining(['BAIL_DECIDED']));
    expect(read.yourEvents).toEqual(expect.arrayContaining(['BAIL_DECIDED']));
    const { body: readByCwc } = await stack.http.get(`/cases/${caseId}`).set(await as(stack, 'cwc.jaipur')).expect(200);
    expect(readByCwc.yourEvents).not.toContain('BAIL_DECIDED');

    // The CWC of the same district may read the case but not act for the JJB.
    await stack.http.post(`/cases/${caseId}/events`).set(await as(stack, 'cwc.jaipur')).send({ type: 'BAIL_DECIDED', payload: { granted: true } }).expect(403);

    const bail = await stack.http.post(`/cases/${caseId}/events`).set(jjb).send({ type: 'BAIL_DECIDED', payload: { granted: true } }).expect(200);
    expect(bail.body.openDeadlines.map((d: { id: string }) => d.id)).toContain('cicl.sir');

    const probation = await as(stack, 'probation.jaipur');
    await stack.http.post(`/cases/${caseId}/events`).set(probation).send({ type: 'SIR_SUBMITTED', payload: { sirRef: 'SIR/JPR/7' } }).expect(200);

    const monitor = await as(stack, 'monitor.rj');
    const timeline = await stack.http.get(`/cases/${caseId}/timeline`).set(monitor).expect(200);
    expect(timeline.body.map((e: { eventType: string; actor: { role: string } }) => [e.eventType, e.actor.role])).toEqual([
      ['REGISTERED', 'SJPU_OFFICER'],
      ['PRODUCED_BEFORE_JJB', 'JJB_MEMBER'],
      ['BAIL_DECIDED', 'JJB_MEMBER'],
      ['SIR_SUBMITTED', 'PROBATION_OFFICER'],
    ]);
    // Maharashtra's monitor does not know the case exists.
    await stack.http.get(`/cases/${caseId}`).set(await as(stack, 'monitor.mh')).expect(404);
  });

  it('a child in a Children’s Home is apprehended: the case passes from the CWC to the JJB, whose queue it joins', async () => {
    const childline = await as(stack, 'childline.jaipur');
    const cwc = await as(stack, 'cwc.jaipur');
    const { body: registered } = await stack.http
      .post('/cases')
      .set(childline)
      .send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', child: { ageYears: 15, gender: 'MALE' } })
      .expect(201);
    const caseId: string = registered.caseId;
    const send = async (who: { Authorization: string }, type: string, payload: Record<string, unknown>) =>
      (await stack.http.post(`/cases/${caseId}/events`).set(who).send({ type, payload }).expect(200)).body;
    await send(cwc, 'PRODUCED_BEFORE_CWC', { circumstance: 'RUNAWAY', producedBy: 'Childline Jaipur' });
    await send(cwc, 'INTERIM_PLACEMENT_ORDERED', { placement: 'CHILDRENS_HOME', orderRef: 'F18/JPR/31', placeId: 'CCI-RJ-JAIPUR' });
    await send(cwc, 'SIR_ORDERED', { sirRef: 'SIR/JPR/31' });
    await send(await as(stack, 'probation.jaipur'), 'SIR_SUBMITTED', { sirRef: 'SIR/JPR/31', finding: 'OTHER' });
    await send(cwc, 'FINAL_ORDER_PASSED', { order: 'CHILDRENS_HOME', reasons: 'no family traced; the child asks to stay in school', orderRef: 'CWC/JPR/31', placeId: 'CCI-RJ-JAIPUR' });

    // The CWC may not send the police's event.
    await stack.http
      .post(`/cases/${caseId}/events`)
      .set(cwc)
      .send({ type: 'APPREHENDED_FOR_OFFENCE', payload: { firRef: 'FIR 88/2026', allegedOffence: 'theft (s.303 BNS)' } })
      .expect(403);
    const handedOff = await send(await as(stack, 'sjpu.jaipur'), 'APPREHENDED_FOR_OFFENCE', { firRef: 'FIR 88/2026', allegedOffence: 'theft (s.303 BNS)' });
    expect(handedOff).toMatchObject({ state: 'cicl.apprehended', allowedEvents: expect.arrayContaining(['PRODUCED_BEFORE_JJB']) });
    expect(handedOff.openDeadlines.map((d: { id: string }) => d.id)).toEqual(['cicl.production']);

    const jjb = await as(stack, 'jjb.jaipur');
    const { body: read } = await stack.http.get(`/cases/${caseId}`).set(jjb).expect(200);
    expect(read).toMatchObject({ track: 'CICL', state: 'cicl.apprehended' });
    const queue = await stack.http.get('/cases/queue').set(jjb).query({ limit: 100 }).expect(200);
    expect(queue.body.items.map((c: { id: string }) => c.id)).toContain(caseId);
    const cwcQueue = await stack.http.get('/cases/queue').set(cwc).query({ limit: 100 }).expect(200);
    expect(cwcQueue.body.items.map((c: { id: string }) => c.id)).not.toContain(caseId);
    await send(jjb, 'PRODUCED_BEFORE_JJB', { offenceCategory: 'PETTY', ageAtOffence: 15 });
  });

  it('a child restored to a family in another state is escorted there, and the case moves with the child (s.95; R.81)', async () => {
    const cwcJaipur = await as(stack, 'cwc.jaipur');
    const { body: registered } = await stack.http
      .post('/cases')
      .set(await as(stack, 'childline.jaipur'))
      .send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', child: { ageYears: 11, gender: 'MALE' } })
      .expect(201);
    const caseId: string = registered.caseId;
    const send = async (who: { Authorization: string }, type: string, payload: Record<string, unknown>) =>
      (await stack.http.post(`/cases/${caseId}/events`).set(who).send({ type, payload }).expect(200)).body;
    await send(cwcJaipur, 'PRODUCED_BEFORE_CWC', { circumstance: 'LOST', producedBy: 'Childline Jaipur' });
    await send(cwcJaipur, 'INTERIM_PLACEMENT_ORDERED', { placement: 'CHILDRENS_HOME', orderRef: 'F18/JPR/40', placeId: 'CCI-RJ-JAIPUR' });
    await send(cwcJaipur, 'SIR_ORDERED', { sirRef: 'SIR/JPR/40' });
    await send(await as(stack, 'probation.jaipur'), 'SIR_SUBMITTED', { sirRef: 'SIR/JPR/40', finding: 'FAMILY_TRACED' });
    await send(cwcJaipur, 'FINAL_ORDER_PASSED', { order: 'RESTORATION', reasons: 'parents traced in Pune and verified', orderRef: 'CWC/JPR/40' });
    await send(cwcJaipur, 'TRANSFER_ORDERED', { orderRef: 'CWC/JPR/40/T', toDistrictCode: 'MH-PUNE', toStateCode: 'MH' });
    await send(await as(stack, 'sjpu.jaipur'), 'CHILD_ESCORTED', { escortOfficerRef: 'HC 1123', escortedByWomanOfficer: false });

    // The child left the Jaipur home with the escort: the home no longer counts him.
    expect(await stack.db.admission.findMany({ where: { caseId } })).toEqual([expect.objectContaining({ institutionId: 'CCI-RJ-JAIPUR', orderRef: 'F18/JPR/40', endReason: 'TRANSFERRED' })]);
    // The file goes with the child: Pune's CWC now holds the case and acts on it.
    const cwcPune = await as(stack, 'cwc.pune');
    const { body: moved } = await stack.http.get(`/cases/${caseId}`).set(cwcPune).expect(200);
    expect(moved).toMatchObject({ districtCode: 'MH-PUNE', stateCode: 'MH', state: 'cncp.restoration.escorted', mayAssign: true });
    // Jaipur's CWC, which ordered the transfer, Jaipur's DCPU and Rajasthan's monitor keep sight of the child's whole
    // record (s.95(1); R.81), read-only; Maharashtra's monitor sees it as the receiving state's.
    for (const reader of ['cwc.jaipur', 'dcpu.jaipur', 'monitor.rj', 'monitor.mh']) {
      const who = await as(stack, reader);
      const { body: read } = await stack.http.get(`/cases/${caseId}`).set(who).expect(200);
      expect(read).toMatchObject({ id: caseId, districtCode: 'MH-PUNE' });
      const steps = (await stack.http.get(`/cases/${caseId}/timeline`).set(who).expect(200)).body.map((e: { eventType: string }) => e.eventType);
      expect(steps).toEqual(expect.arrayContaining(['REGISTERED', 'FINAL_ORDER_PASSED', 'TRANSFER_ORDERED', 'CHILD_ESCORTED']));
      if (reader !== 'monitor.mh') expect(read).toMatchObject({ yourEvents: [], mayAssign: false });
    }
    // Read-only for the sender: an event from Jaipur's CWC is refused in plain words, and nothing is recorded.
    const before = (await stack.http.get(`/cases/${caseId}/timeline`).set(cwcPune).expect(200)).body.length;
    const refused = await stack.http.post(`/cases/${caseId}/events`).set(cwcJaipur).send({ type: 'CHILD_RESTORED', payload: { restoredTo: 'PARENT' } }).expect(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.detail).toMatch(/transferred to Pune district \(s\.95\).*keeps sight/);
    await stack.http.post(`/cases/${caseId}/assignment`).set(cwcJaipur).send({ userId: randomUUID() }).expect(403);
    expect((await stack.http.get(`/cases/${caseId}/timeline`).set(cwcPune).expect(200)).body.length).toBe(before);
    // The rest of the record reads the same way: the child's care plan.
    await stack.http.get(`/cases/${caseId}/care-plan`).set(cwcJaipur).expect(200);
    // The sending district's other offices, and the state's other bodies and districts, do not learn the case exists.
    for (const stranger of ['sjpu.jaipur', 'cci.jaipur', 'sara.rj', 'cwc.jodhpur']) await stack.http.get(`/cases/${caseId}`).set(await as(stack, stranger)).expect(404);
    const restored = await send(cwcPune, 'CHILD_RESTORED', { restoredTo: 'PARENT' });
    expect(restored.state).toBe('cncp.followUp');
  });

  it('a citizen signs in but sees no case records', async () => {
    const citizen = await as(stack, 'citizen.demo');
    await stack.http.get('/cases').set(citizen).expect(403);
    await stack.http.post('/cases').set(citizen).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR' }).expect(403);
    const me = await stack.http.get('/auth/me').set(citizen).expect(200);
    expect(me.body).toMatchObject({ roles: ['CITIZEN'], body: null });
  });
});
