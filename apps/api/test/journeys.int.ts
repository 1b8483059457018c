// Each role's real journey over HTTP, signed in as the seeded demo users.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bundleCaseWorkflows } from '../../worker/src/workflow-bundle.js';
import { as } from '../../../test/support/auth.js';
import { startStack, type Stack } from '../../../test/support/stack.js';

describe('journeys of the people who use Raksha', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(await bundleCaseWorkflows());
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
    expect(queue.body.map((c: { id: string }) => c.id)).toContain(caseId);
    const produced = await stack.http
      .post(`/cases/${caseId}/events`)
      .set(jjb)
      .send({ type: 'PRODUCED_BEFORE_JJB', payload: { offenceCategory: 'SERIOUS', ageAtOffence: 15 } })
      .expect(200);
    expect(produced.body.openDeadlines.map((d: { id: string }) => d.id)).toContain('cicl.inquiry');

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

  it('a citizen signs in but sees no case records', async () => {
    const citizen = await as(stack, 'citizen.demo');
    await stack.http.get('/cases').set(citizen).expect(403);
    await stack.http.post('/cases').set(citizen).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR' }).expect(403);
    const me = await stack.http.get('/auth/me').set(citizen).expect(200);
    expect(me.body).toMatchObject({ roles: ['CITIZEN'], body: null });
  });
});
