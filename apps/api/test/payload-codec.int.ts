// Temporal's history and Web UI need no sign-in: what they show of a case must be ciphertext. Engineers who must read
// a history decode it through the API's codec endpoint, as the national monitor only, and every decode is audited.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import proto from '@temporalio/proto';
import { caseWorkflowId } from '@raksha/contracts/temporal';
import type { Role } from '@raksha/domain';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as } from '@raksha/test-support/auth';
import { startStack, type Stack } from '@raksha/test-support/stack';

const CHILD_NAME = 'Chandrika Ramaswamy';
const base64 = (b: Uint8Array | null | undefined) => Buffer.from(b ?? new Uint8Array()).toString('base64');
const asJson = (p: Payload) => ({ metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, base64(v)])), data: base64(p.data) });

describe('Temporal payload encryption', () => {
  let stack: Stack;
  let caseId: string;
  /** the case's history as Temporal stores and serves it (a client with no codec, as the Web UI is) */
  let history: proto.temporal.api.history.v1.IHistory;

  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
    const cwc = await as(stack, 'cwc.jaipur');
    caseId = (await stack.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', child: { name: CHILD_NAME, ageYears: 9 } }).expect(201)).body.caseId;
    const raw = new Client({ connection: (await stack.temporal()).connection, namespace: stack.config.temporal.namespace });
    history = await raw.workflow.getHandle(caseWorkflowId(caseId)).fetchHistory();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const registrationInput = () => history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads!;

  it("keeps the child's name out of the case's history as Temporal stores it: every payload is encrypted", async () => {
    const stored = Buffer.from(proto.temporal.api.history.v1.History.encode(history).finish());
    expect(stored.includes(CHILD_NAME)).toBe(false);
    expect(stored.includes('Chandrika')).toBe(false);
    expect(registrationInput().map((p) => Buffer.from(p.metadata!.encoding!).toString())).toEqual(['binary/encrypted']);
    // ...while the API, with the key, still reads the case back
    const cwc = await as(stack, 'cwc.jaipur');
    expect((await stack.http.get(`/cases/${caseId}`).set(cwc).expect(200)).body.childName).toBe(CHILD_NAME);
  });

  it('decodes the history for the national monitor through /codec/decode, and audits who decoded', async () => {
    const monitor = await as(stack, 'monitor.india');
    const res = await stack.http
      .post('/codec/decode')
      .set(monitor)
      .set('X-Namespace', stack.config.temporal.namespace)
      .send({ payloads: registrationInput().map(asJson) })
      .expect(200);
    const [decoded] = res.body.payloads as { metadata: Record<string, string>; data: string }[];
    expect(Buffer.from(decoded!.metadata.encoding!, 'base64').toString()).toBe('json/plain');
    expect(JSON.parse(Buffer.from(decoded!.data, 'base64').toString()).child.name).toBe(CHILD_NAME);
    const me = await stack.db.user.findUniqueOrThrow({ where: { username: 'monitor.india' } });
    const audited = await stack.db.auditEntry.findMany({ where: { actorId: me.id, action: 'workflow.payloads_decoded' } });
    expect(audited.map((a) => a.detail)).toContainEqual(expect.objectContaining({ namespace: stack.config.temporal.namespace, payloads: 1 }));
  });

  it('refuses to decode for anyone else: every other role 403, no token 401', async () => {
    const others: Partial<Record<Role, string>> = {
      CWC_MEMBER: 'cwc.jaipur',
      DCPU_OFFICER: 'dcpu.jaipur',
      SCPS_OFFICER: 'scps.rj',
      STATE_MONITOR: 'monitor.rj',
      NATIONAL_ADMIN: 'admin.india',
      CITIZEN: 'citizen.demo',
    };
    const body = { payloads: registrationInput().map(asJson) };
    for (const username of Object.values(others)) {
      const res = await stack.http.post('/codec/decode').set(await as(stack, username)).send(body);
      expect([username, res.status]).toEqual([username, 403]);
    }
    await stack.http.post('/codec/decode').send(body).expect(401);
  });

  it('answers the Temporal Web UI origin (and no other) with CORS, so the UI can call it from the browser', async () => {
    const ui = new URL(stack.config.temporal.uiUrl).origin;
    const preflight = await stack.http
      .options('/codec/decode')
      .set('Origin', ui)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization, content-type')
      .expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(ui);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/authorization/);
    const elsewhere = await stack.http.options('/codec/decode').set('Origin', 'https://attacker.example').set('Access-Control-Request-Method', 'POST');
    expect(elsewhere.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('names the payload that does not open (altered), with 400 and nothing decoded', async () => {
    const [payload] = registrationInput().map(asJson);
    const data = Buffer.from(payload!.data, 'base64');
    data[20] = data[20]! ^ 1;
    const res = await stack.http
      .post('/codec/decode')
      .set(await as(stack, 'monitor.india'))
      .send({ payloads: [{ ...payload, data: data.toString('base64') }] })
      .expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'payloads.0' })]);
  });
});
