import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { AuditRepository } from '@raksha/db';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as } from '@raksha/test-support/auth';
import { eventually, startStack, type Stack } from '@raksha/test-support/stack';

const PROBLEM_JSON = /application\/problem\+json/;

describe('cases: from registration through an event, on real PostgreSQL, Redis and Temporal', () => {
  let stack: Stack;
  let temporal: Client;
  let cwc: { Authorization: string };
  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
    cwc = await as(stack, 'cwc.jaipur');
    temporal = await stack.temporal();
  });
  afterAll(() => stack?.stop());

  const registerFoundChild = () =>
    stack.http.post('/cases').set(cwc)
      .send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', child: { name: 'Lakshmi', ageYears: 9, gender: 'FEMALE' } })
      .expect(201);

  it('registers a found child: starts workflow case-<id>, projects the case, and notifies the CWC', async () => {
    const res = await registerFoundChild();
    const caseId: string = res.body.caseId;
    expect(res.headers.location).toBe(`/cases/${caseId}`);
    expect(res.body).toMatchObject({ state: 'cncp.awaitingProduction', phase: 'PRODUCTION', sequence: 0 });
    expect(res.body.allowedEvents).toContain('PRODUCED_BEFORE_CWC');
    expect(res.body.openDeadlines).toEqual([expect.objectContaining({ id: 'cncp.production', citation: expect.stringContaining('s.31(1)') })]);

    const read = await stack.http.get(`/cases/${caseId}`).set(cwc).expect(200);
    expect(read.body).toMatchObject({ id: caseId, track: 'CNCP', state: 'cncp.awaitingProduction', districtCode: 'RJ-JAIPUR', stateCode: 'RJ', childName: 'Lakshmi' });

    const described = await temporal.workflow.getHandle(`case-${caseId}`).describe();
    expect(described.status.name).toBe('RUNNING');
    expect(described.type).toBe('caseWorkflow');

    const delivered = await eventually(async () => {
      const rows = await stack.db.notification.findMany({ where: { caseId } });
      return rows.length ? rows : undefined;
    });
    expect(delivered).toEqual([expect.objectContaining({ recipientBody: 'CWC', districtCode: 'RJ-JAIPUR', kind: 'CASE_REGISTERED' })]);
  });

  it('applies an event through a Temporal Update: new state, one timeline entry, an intact audit chain', async () => {
    const caseId: string = (await registerFoundChild()).body.caseId;
    const res = await stack.http.post(`/cases/${caseId}/events`).set(cwc)
      .send({ type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'LOST', producedBy: 'SJPU Jaipur' }, idempotencyKey: `produce-${caseId}` })
      .expect(200);
    expect(res.body).toMatchObject({ caseId, sequence: 1, state: 'cncp.beforeCwc.awaitingInterimPlacement', phase: 'INQUIRY' });
    expect(res.body.allowedEvents).toContain('INTERIM_PLACEMENT_ORDERED');

    const timeline = await stack.http.get(`/cases/${caseId}/timeline`).set(cwc).expect(200);
    expect(timeline.body.map((e: { eventType: string }) => e.eventType)).toEqual(['REGISTERED', 'PRODUCED_BEFORE_CWC']);
    // The timeline says which deadline the event met, on time, and which it started.
    expect(timeline.body[1].deadlines.met).toEqual([expect.objectContaining({ id: 'cncp.production', late: false })]);
    expect(timeline.body[1].deadlines.opened.map((d: { id: string }) => d.id)).toContain('cncp.finalOrder');
    expect((await stack.http.get(`/cases/${caseId}`).set(cwc)).body.state).toBe('cncp.beforeCwc.awaitingInterimPlacement');
    expect(await new AuditRepository(stack.db).verifyChain(`case:${caseId}`)).toEqual([]);
    expect(await stack.db.auditEntry.count({ where: { chain: `case:${caseId}` } })).toBe(2);
  });

  it('answers a repeated idempotency key with the first result and writes nothing more', async () => {
    const caseId: string = (await registerFoundChild()).body.caseId;
    const send = () =>
      stack.http.post(`/cases/${caseId}/events`).set(cwc)
        .send({ type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'RESCUED', producedBy: 'Childline' }, idempotencyKey: 'same-key-twice' })
        .expect(200);
    const first = await send();
    const second = await send();
    expect(second.body).toEqual(first.body);
    expect(await stack.db.timelineEntry.count({ where: { caseId } })).toBe(2);
  });

  it('applies one of two conflicting events sent at the same moment and rejects the other with 409', async () => {
    const caseId: string = (await registerFoundChild()).body.caseId;
    const send = (producedBy: string) =>
      stack.http.post(`/cases/${caseId}/events`).set(cwc).send({ type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'LOST', producedBy } });
    const answers = await Promise.all([send('SJPU Jaipur'), send('Childline Jaipur')]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const timeline = await stack.db.timelineEntry.findMany({ where: { caseId }, orderBy: { sequence: 'asc' } });
    expect(timeline.map((e) => e.eventType)).toEqual(['REGISTERED', 'PRODUCED_BEFORE_CWC']);
  });

  describe('bad input gets a problem+json that names the field', () => {
    it('400 for a registration without a track', async () => {
      const res = await stack.http.post('/cases').set(cwc).send({ districtCode: 'RJ-JAIPUR' }).expect(400).expect('content-type', PROBLEM_JSON);
      expect(res.body).toMatchObject({ status: 400, type: '/problems/invalid-input' });
      expect(res.body.errors).toEqual([{ field: 'track', key: 'error.oneOf', params: {}, message: 'Track: choose one of the options.' }]);
    });

    it('400 for an unknown field, naming it', async () => {
      const res = await stack.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', caste: 'x' }).expect(400);
      expect(JSON.stringify(res.body.errors)).toContain('caste');
    });

    it('400 for a district that does not exist', async () => {
      const res = await stack.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode: 'XX-NOWHERE' }).expect(400);
      expect(res.body.errors).toEqual([{ field: 'districtCode', message: 'no district with code XX-NOWHERE' }]);
    });

    it('400 for malformed JSON', async () => {
      const res = await stack.http.post('/cases').set(cwc).set('content-type', 'application/json').send('{"track":').expect(400);
      expect(res.body.type).toBe('/problems/malformed-json');
    });

    it('413 for a body over the size limit', async () => {
      await stack.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', child: { name: 'x'.repeat(600_000) } }).expect(413);
    });

    it('400 for a case id that is not a UUID, 404 for one that does not exist', async () => {
      const bad = await stack.http.get('/cases/not-a-uuid').set(cwc).expect(400);
      expect(bad.body.errors[0].field).toBe('id');
      const missing = await stack.http.get(`/cases/${randomUUID()}`).set(cwc).expect(404).expect('content-type', PROBLEM_JSON);
      expect(missing.body.type).toBe('/problems/case-not-found');
      await stack.http.post(`/cases/${randomUUID()}/events`).set(cwc).send({ type: 'PRODUCED_BEFORE_CWC' }).expect(404);
    });

    it('400 naming the payload field the event is missing; nothing written', async () => {
      const caseId: string = (await registerFoundChild()).body.caseId;
      const res = await stack.http.post(`/cases/${caseId}/events`).set(cwc).send({ type: 'PRODUCED_BEFORE_CWC', payload: { producedBy: 'SJPU' } }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'payload.circumstance', key: 'error.oneOf', message: 'Payload circumstance: choose one of the options.' })]);
      expect(await stack.db.timelineEntry.count({ where: { caseId } })).toBe(1);
    });

    it('400 for an event body with a badly formed type', async () => {
      const caseId: string = (await registerFoundChild()).body.caseId;
      const res = await stack.http.post(`/cases/${caseId}/events`).set(cwc).send({ type: 'produce me' }).expect(400);
      expect(res.body.errors[0].field).toBe('type');
    });

    it('409 for an event the case cannot take now, naming the events it can; nothing written', async () => {
      const caseId: string = (await registerFoundChild()).body.caseId;
      const res = await stack.http.post(`/cases/${caseId}/events`).set(cwc)
        .send({ type: 'FINAL_ORDER_PASSED', payload: { order: 'RESTORATION', orderRef: 'CWC/1', reasons: 'family traced and verified' } })
        .expect(409)
        .expect('content-type', PROBLEM_JSON);
      expect(res.body).toMatchObject({ type: '/problems/event-not-allowed', state: 'cncp.awaitingProduction' });
      expect(res.body.allowedEvents).toContain('PRODUCED_BEFORE_CWC');
      expect(await stack.db.timelineEntry.count({ where: { caseId } })).toBe(1);
    });
  });
});
