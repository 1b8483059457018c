// Delivery you can see: a case's deliveries and the SMS gateway's receipts, an administrator's failed deliveries and
// their retry, partners' webhook subscriptions with secret rotation, and a person's notification settings.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as, isolatedCwc } from '@raksha/test-support/auth';
import { startSmsGateway, startWebhookReceiver, type GatewayBehaviour } from '@raksha/test-support/local-servers';
import { caseWithMissedProduction } from '@raksha/test-support/missed-deadline';
import { eventually, startStack, type Stack } from '@raksha/test-support/stack';

// Redis database 13, of this file alone: no other test's worker (in-app only) takes its notices.
const REDIS_URL = 'redis://127.0.0.1:6379/13';
const RECEIPT_TOKEN = 'receipt-token-for-tests-only';

describe('delivery status, receipts, retries and webhook subscriptions', () => {
  let stack: Stack;
  let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
  let partner: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const behaviour = new Map<string, GatewayBehaviour>();

  beforeAll(async () => {
    gateway = await startSmsGateway((to) => behaviour.get(to) ?? 'accept');
    partner = await startWebhookReceiver();
    stack = await startStack(await caseWorkflowBundle(), {
      TEST_REDIS_URL: REDIS_URL,
      NOTIFY_CHANNELS: 'sms,webhook',
      SMS_GATEWAY_URL: `${gateway.url}/send`,
      SMS_DLT_ENTITY_ID: '1101000000000000001',
      SMS_DLT_HEADER: 'RAKSHA',
      SMS_RECEIPT_TOKEN: RECEIPT_TOKEN,
      SMS_GATEWAY_TIMEOUT_MS: '1000',
      NOTIFY_ATTEMPTS: '2',
      NOTIFY_BACKOFF_MS: '50',
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await Promise.all([gateway?.close(), partner?.close()]);
  });

  /** A district of its own whose DCPU has one officer with a verified mobile. */
  async function dcpuWithOfficer(name: string) {
    const suffix = randomBytes(3).toString('hex').toUpperCase();
    const districtCode = `RJ-D${suffix}`;
    const phone = `98${randomBytes(4).readUInt32BE(0).toString().padStart(8, '0').slice(0, 8)}`;
    await stack.db.district.create({ data: { code: districtCode, name: `Test ${suffix}`, stateCode: 'RJ' } });
    await stack.db.body.create({ data: { id: `DCPU-${districtCode}`, type: 'DCPU', name: `DCPU ${districtCode}`, level: 'DISTRICT', stateCode: 'RJ', districtCode } });
    const id = randomUUID();
    await stack.db.user.create({ data: { id, username: `officer.${suffix.toLowerCase()}`, displayName: name, passwordHash: 'x', bodyId: `DCPU-${districtCode}`, roles: ['DCPU_OFFICER'] } });
    const at = new Date();
    await stack.db.contactVerification.create({ data: { id: randomUUID(), userId: id, channel: 'PHONE', address: phone, codeHash: 'x', expiresAt: at, verifiedAt: at, createdAt: at } });
    return { districtCode, stateCode: 'RJ', phone, userId: id };
  }

  it('shows who a case’s escalation reached and how, and marks the SMS delivered on the gateway’s receipt', async () => {
    const scps = await as(stack, 'scps.rj');
    const place = await dcpuWithOfficer('Asha Verma');
    const { body: sub } = await stack.http
      .post('/webhook-subscriptions')
      .set(scps)
      .send({ name: 'Rajasthan state portal', url: `${partner.url}/hooks`, eventKinds: ['DEADLINE_ESCALATED'], stateCode: 'RJ', districtCode: place.districtCode })
      .expect(201);
    expect(sub.secret).toMatch(/^whsec_/);
    partner.useSecret(sub.secret as string);

    const { caseId } = await caseWithMissedProduction(stack, await stack.temporal(), place);
    const sms = await eventually(async () => gateway.sent.find((s) => s.to === place.phone));
    await eventually(async () => partner.received.find((w) => w.payload.data.caseId === caseId && w.verified));

    // the gateway's receipt: refused without the token, then taken
    await stack.http.post('/sms/receipts').set({ Authorization: 'Bearer wrong-token-of-some-length' }).send({ ref: sms.ref, status: 'DELIVERED' }).expect(401);
    await stack.http.post('/sms/receipts').set({ Authorization: `Bearer ${RECEIPT_TOKEN}` }).send({ ref: randomUUID(), status: 'DELIVERED' }).expect(404);
    await stack.http.post('/sms/receipts').set({ Authorization: `Bearer ${RECEIPT_TOKEN}` }).send({ ref: sms.ref, status: 'DELIVERED' }).expect(204);

    const seen = await eventually(async () => {
      const { body } = await stack.http.get(`/cases/${caseId}/deliveries`).set(scps).expect(200);
      return (body as { status: string }[]).length === 2 && (body as { status: string }[]).every((d) => d.status !== 'QUEUED' && d.status !== 'SENDING') ? body : undefined;
    });
    expect(seen).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ channel: 'SMS', recipient: 'Asha Verma', address: `••••••${place.phone.slice(-4)}`, status: 'DELIVERED', kind: 'DEADLINE_ESCALATED' }),
        expect.objectContaining({ channel: 'WEBHOOK', recipient: 'Rajasthan state portal', address: new URL(partner.url).host, status: 'SENT' }),
      ]),
    );
  });

  it('lists a failed SMS for the state’s administrator, who sends it again once the gateway is back', async () => {
    const scps = await as(stack, 'scps.rj');
    const place = await dcpuWithOfficer('Ravi Meena');
    behaviour.set(place.phone, 'fail');
    const { caseId } = await caseWithMissedProduction(stack, await stack.temporal(), place);
    const failed = await eventually(async () => {
      const { body } = await stack.http.get('/deliveries?status=FAILED').set(scps).expect(200);
      return (body as { caseId: string; id: string; reason: string; attempts: number }[]).find((d) => d.caseId === caseId);
    });
    expect(failed).toMatchObject({ channel: 'SMS', reason: 'the SMS gateway is failing (503)', attempts: 2 });
    await stack.http.get('/deliveries?status=FAILED').set(await as(stack, 'dcpu.jaipur')).expect(403);
    await stack.http.get('/deliveries?status=LOST').set(scps).expect(400);

    behaviour.set(place.phone, 'accept');
    const { body: retried } = await stack.http.post(`/deliveries/${failed.id}/retry`).set(scps).expect(200);
    expect(retried.status).toBe('QUEUED');
    await eventually(async () => gateway.sent.find((s) => s.to === place.phone));
    await eventually(async () => ((await stack.db.delivery.findUnique({ where: { id: failed.id } }))?.status === 'SENT' ? true : undefined));
    const again = await stack.http.post(`/deliveries/${failed.id}/retry`).set(scps).expect(409);
    expect(again.body).toMatchObject({ type: expect.stringContaining('delivery-not-failed') });
    // another state's administrator is not told it exists
    await stack.http.post(`/deliveries/${failed.id}/retry`).set(await as(stack, 'scps.mh')).expect(404);
  });

  it('rotates a partner’s signing secret: deliveries carry both signatures for a day, so either secret verifies', async () => {
    const scps = await as(stack, 'scps.rj');
    const place = await dcpuWithOfficer('Kiran Joshi');
    const { body: sub } = await stack.http
      .post('/webhook-subscriptions')
      .set(scps)
      .send({ name: 'NGO case system', url: `${partner.url}/ngo`, eventKinds: ['DEADLINE_ESCALATED'], stateCode: 'RJ', districtCode: place.districtCode })
      .expect(201);
    const { body: rotated } = await stack.http.post(`/webhook-subscriptions/${sub.id}/rotate-secret`).set(scps).expect(200);
    expect(rotated.secret).not.toBe(sub.secret);
    expect(rotated.secretRotatedAt).not.toBeNull();
    partner.useSecret(sub.secret as string); // the partner has not switched yet
    const { caseId } = await caseWithMissedProduction(stack, await stack.temporal(), place);
    expect(await eventually(async () => partner.received.find((w) => w.payload.data.caseId === caseId))).toMatchObject({ verified: true });

    const listed = (await stack.http.get('/webhook-subscriptions').set(scps).expect(200)).body as { id: string; secret?: string }[];
    expect(listed.find((s) => s.id === sub.id)).toEqual(expect.not.objectContaining({ secret: expect.anything() }));
    await stack.http.post('/webhook-subscriptions').set(scps).send({ name: 'x', url: 'ftp://x', eventKinds: [], stateCode: 'MH' }).expect(400);
    await stack.http.post('/webhook-subscriptions').set(scps).send({ name: 'x', url: 'https://x.example', eventKinds: ['DEADLINE_ESCALATED'], stateCode: 'MH' }).expect(403);
    await stack.http.delete(`/webhook-subscriptions/${sub.id}`).set(scps).expect(204);
    await stack.http.post(`/webhook-subscriptions/${sub.id}/rotate-secret`).set(scps).expect(404);
  });

  it('keeps a person’s language and choices, naming a bad field', async () => {
    const { headers: me } = await isolatedCwc(stack);
    const { body: saved } = await stack.http
      .put('/me/notification-settings')
      .set(me)
      .send({ language: 'hi', choices: { CASE_REGISTERED: ['EMAIL'] }, digest: false })
      .expect(200);
    expect(saved).toEqual({ language: 'hi', choices: { CASE_REGISTERED: ['EMAIL'] }, digest: false, email: null, phone: null });
    expect((await stack.http.get('/me/notification-settings').set(me).expect(200)).body).toEqual(saved);

    // an official verifies an email (the code to their in-app inbox on a machine with no mail server)
    await stack.http.post('/me/contact-verifications').set(me).send({ channel: 'EMAIL', address: 'cwc.member@district.example.gov.in' }).expect(201);
    const message = await eventually(async () => {
      const { body } = await stack.http.get('/notifications').set(me).expect(200);
      return (body as { kind: string; subject: string }[]).find((n) => n.kind === 'CONTACT_CODE');
    });
    await stack.http.post('/me/contact-verifications/confirm').set(me).send({ code: /(\d{6})/.exec(message.subject)![1]! }).expect(200);
    expect((await stack.http.get('/me/notification-settings').set(me).expect(200)).body).toMatchObject({ email: 'c•••@district.example.gov.in', phone: null });
    const bad = await stack.http.put('/me/notification-settings').set(me).send({ language: 'hi', choices: { CASE_REGISTERED: ['PIGEON'] }, digest: true }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('choices');
  });
});
