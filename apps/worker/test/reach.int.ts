// Notices reaching people beyond the in-app inbox, against real local servers: an SMTP server, an HTTP server that
// plays the SMS gateway, and a partner's webhook endpoint that verifies Standard Webhooks signatures.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { redisConnectionOptions } from '@raksha/config';
import { DELIVERY_QUEUE, NOTIFICATION_QUEUE, type NotificationJob } from '@raksha/contracts';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { caseWithMissedProduction } from '@raksha/test-support/missed-deadline';
import { readMail, startSmsGateway, startSmtpServer, startWebhookReceiver, type GatewayBehaviour } from '@raksha/test-support/local-servers';
import { watchMissedDuties } from '@raksha/activities';
import { BodyDutyRepository, DeadlinePolicyRepository } from '@raksha/db';
import { dutyWatchTeller } from '../src/duty-watch.js';
import { periodWords } from '../src/channels/messages.js';
import { eventually, startStack, type Stack } from '@raksha/test-support/stack';

// A Redis database of its own: another test file's worker (which sends in-app only) must not take these notices.
// (15: above every helper worktree's default index, 2–14, and the other test files' 1, 3, 4)
const REDIS_URL = 'redis://127.0.0.1:6379/15';
const CHILD = 'Pinky Kumari';

describe('notices by email, SMS and signed webhook', () => {
  let stack: Stack;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
  let partner: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let notices: Queue<NotificationJob>;
  const behaviour = new Map<string, GatewayBehaviour>();

  beforeAll(async () => {
    smtp = await startSmtpServer();
    gateway = await startSmsGateway((to) => behaviour.get(to) ?? 'accept');
    partner = await startWebhookReceiver();
    stack = await startStack(await caseWorkflowBundle(), {
      TEST_REDIS_URL: REDIS_URL,
      NOTIFY_CHANNELS: 'email,sms,webhook',
      SMTP_URL: smtp.url,
      SMTP_FROM: 'Raksha <no-reply@raksha.test>',
      SMS_GATEWAY_URL: `${gateway.url}/send`,
      SMS_GATEWAY_AUTH: 'Bearer gateway-key',
      SMS_GATEWAY_TIMEOUT_MS: '500',
      SMS_DLT_ENTITY_ID: '1101000000000000001',
      SMS_DLT_HEADER: 'RAKSHA',
      SMS_RECEIPT_TOKEN: 'receipt-token-for-tests-only',
      NOTIFY_ATTEMPTS: '3',
      NOTIFY_BACKOFF_MS: '50',
      RAKSHA_PUBLIC_URL: 'https://raksha.example.gov.in',
      NOTIFY_REMINDER_SCAN_MS: '300',
    });
    notices = new Queue(NOTIFICATION_QUEUE, { connection: redisConnectionOptions(stack.config.redisUrl) });
    // jobs an earlier run left (retries pending when it stopped) would be sent to its servers, long gone
    const left = new Queue(DELIVERY_QUEUE, { connection: redisConnectionOptions(stack.config.redisUrl) });
    await Promise.all([notices.obliterate({ force: true }), left.obliterate({ force: true })]);
    await left.close();
  });
  afterAll(async () => {
    await notices?.close();
    await stack?.stop();
    await Promise.all([smtp?.close(), gateway?.close(), partner?.close()]);
  });

  /** A district of its own with a DCPU and its officers, each with verified email and mobile and a language. */
  async function dcpuWithOfficers(officers: { name: string; language: 'en' | 'hi'; phone: string; email?: string }[]) {
    const suffix = randomBytes(3).toString('hex').toUpperCase();
    const districtCode = `RJ-N${suffix}`;
    await stack.db.district.create({ data: { code: districtCode, name: `Test ${suffix}`, stateCode: 'RJ' } });
    await stack.db.body.create({ data: { id: `DCPU-${districtCode}`, type: 'DCPU', name: `DCPU ${districtCode}`, level: 'DISTRICT', stateCode: 'RJ', districtCode } });
    const users = [];
    for (const o of officers) {
      const id = randomUUID();
      const email = o.email ?? `${o.name.toLowerCase().replace(/\W+/g, '.')}.${suffix.toLowerCase()}@dcpu.example.gov.in`;
      await stack.db.user.create({ data: { id, username: `${o.name.toLowerCase().replace(/\W+/g, '.')}.${suffix.toLowerCase()}`, displayName: o.name, passwordHash: 'x', bodyId: `DCPU-${districtCode}`, roles: ['DCPU_OFFICER'] } });
      const at = new Date();
      for (const [channel, address] of [['EMAIL', email], ['PHONE', o.phone]] as const) {
        await stack.db.contactVerification.create({ data: { id: randomUUID(), userId: id, channel, address, codeHash: 'x', expiresAt: at, verifiedAt: at, createdAt: at } });
      }
      await stack.db.notificationSettings.create({ data: { userId: id, language: o.language } });
      users.push({ id, email, ...o });
    }
    return { districtCode, stateCode: 'RJ', users };
  }

  function phone(): string {
    return `9${randomBytes(5).readUIntBE(0, 5).toString().padStart(9, '0').slice(0, 9)}`;
  }

  it('sends a missed production’s escalation to each DCPU officer by email and SMS (Hindi for one who prefers it), and to the partner by signed webhook', async () => {
    const place = await dcpuWithOfficers([
      { name: 'Asha Verma', language: 'en', phone: phone() },
      { name: 'Ravi Meena', language: 'hi', phone: phone() },
    ]);
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    partner.useSecret(secret);
    const sub = await stack.db.webhookSubscription.create({
      data: { id: randomUUID(), name: 'Rajasthan state portal', url: `${partner.url}/raksha`, eventKinds: ['DEADLINE_ESCALATED'], stateCode: 'RJ', districtCode: place.districtCode, secret },
    });

    const { caseId } = await caseWithMissedProduction(stack, await stack.temporal(), place);
    const [asha, ravi] = place.users;
    const toAsha = await eventually(async () => gateway.sent.find((s) => s.to === asha!.phone));
    const toRavi = await eventually(async () => gateway.sent.find((s) => s.to === ravi!.phone));
    const mails = await eventually(async () => {
      const got = smtp.mails.filter((m) => m.to.includes(asha!.email) || m.to.includes(ravi!.email));
      return got.length === 2 ? got : undefined;
    });
    const hook = await eventually(async () => partner.received.find((w) => w.payload.data.caseId === caseId));

    // the case's readable number, never a slice of its id (JJ Act s.74 keeps the name out; people read the number)
    const { caseNumber: ref } = await stack.db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(ref).toMatch(new RegExp(`^RJ/N${place.districtCode.slice(4)}/\\d{4}/1$`));
    // the words name the case by its number, not by a short form of its id (the link, after them, carries the id)
    expect(toAsha.message.split('https://')[0]).not.toContain(caseId.replaceAll('-', '').slice(0, 8).toUpperCase());
    expect(toAsha).toMatchObject({ unicode: '0', sender: 'RAKSHA', entityId: '1101000000000000001', templateId: '1107160000000000001', authorization: 'Bearer gateway-key' });
    expect(toAsha.message).toBe(`Raksha: case ${ref} missed a deadline under the JJ Act and is escalated to you. Please act: https://raksha.example.gov.in/app/cases/${caseId}`);
    expect(toRavi).toMatchObject({ unicode: '1', templateId: '1107160000000000001' });
    expect(toRavi.message).toContain(`रक्षा: केस ${ref}`);

    const mailTo = (email: string) => mails.find((m) => m.to.includes(email))!.raw;
    expect(mailTo(asha!.email)).toMatch(/Content-Type: multipart\/alternative/);
    expect(mailTo(asha!.email)).toContain('Content-Type: text/html');
    // (a long subject is folded onto the next line, RFC 5322)
    expect(mailTo(asha!.email).replace(/\r?\n /g, ' ')).toContain(`Subject: Raksha: Case ${ref}: a deadline under the JJ Act was missed`);
    // the Hindi subject is RFC 2047-encoded; the body says it in Hindi
    expect(mailTo(ravi!.email)).toContain('Content-Language: hi');

    expect(hook).toMatchObject({ verified: true, payload: { type: 'DEADLINE_ESCALATED', data: { caseId, caseNumber: ref, districtCode: place.districtCode } } });

    const deliveries = await eventually(async () => {
      const rows = await stack.db.delivery.findMany({ where: { caseId, kind: 'DEADLINE_ESCALATED' } });
      return rows.length === 5 && rows.every((d) => d.status === 'SENT') ? rows : undefined;
    });
    expect(deliveries.map((d) => [d.channel, d.recipientId]).sort()).toEqual(
      [['EMAIL', asha!.id], ['EMAIL', ravi!.id], ['SMS', asha!.id], ['SMS', ravi!.id], ['WEBHOOK', sub.id]].sort(),
    );
  });

  it('sends an escalation not acknowledged within the reminder interval again (2 h for production), but not one acknowledged', async () => {
    const waiting = await dcpuWithOfficers([{ name: 'Late Reader', language: 'en', phone: phone() }]);
    const answered = await dcpuWithOfficers([{ name: 'Prompt Reader', language: 'en', phone: phone() }]);
    const temporal = await stack.temporal();
    const first = await caseWithMissedProduction(stack, temporal, waiting);
    const second = await caseWithMissedProduction(stack, temporal, answered);
    await eventually(async () => gateway.sent.find((s) => s.to === waiting.users[0]!.phone));
    await eventually(async () => gateway.sent.find((s) => s.to === answered.users[0]!.phone));
    // two hours pass (the escalation rows as if raised then); one of them was acknowledged meanwhile
    const raisedAt = new Date(Date.now() - 2 * 3_600_000 - 60_000);
    await stack.db.escalation.update({ where: { id: first.escalationId }, data: { raisedAt } });
    await stack.db.escalation.update({ where: { id: second.escalationId }, data: { raisedAt, status: 'ACKNOWLEDGED', acknowledgedAt: new Date() } });

    const reminder = await eventually(async () => gateway.sent.find((s) => s.to === waiting.users[0]!.phone && s.templateId === '1107160000000000002'));
    const { caseNumber } = await stack.db.case.findUniqueOrThrow({ where: { id: first.caseId } });
    expect(reminder.message).toContain(`case ${caseNumber!} is not yet acknowledged`);
    expect(await stack.db.notification.findUnique({ where: { dedupeKey: `escalation-${first.escalationId}-reminder` } })).toMatchObject({ kind: 'ESCALATION_REMINDER', recipientBody: 'DCPU', districtCode: waiting.districtCode });
    await eventually(async () => smtp.mails.find((m) => m.to.includes(waiting.users[0]!.email) && m.raw.includes('Reminder')));
    // several scans later: one reminder, and none for the acknowledged escalation
    await new Promise((r) => setTimeout(r, 1000));
    expect(gateway.requests.filter((s) => s.to === waiting.users[0]!.phone)).toHaveLength(2);
    expect(gateway.requests.filter((s) => s.to === answered.users[0]!.phone)).toHaveLength(1);
  });

  it('puts an escalation still unacknowledged one more interval after the reminder (4 h for production) to the body’s head by name, once', async () => {
    const place = await dcpuWithOfficers([
      { name: 'Field Officer', language: 'en', phone: phone() },
      { name: 'District Officer', language: 'hi', phone: phone() },
    ]);
    const [officer, dcpo] = place.users;
    await stack.db.user.update({ where: { id: dcpo!.id }, data: { headsBody: true } });
    const { caseId, escalationId } = await caseWithMissedProduction(stack, await stack.temporal(), place);
    await eventually(async () => gateway.sent.find((s) => s.to === officer!.phone));
    // three hours on: the body's reminder, not yet the head's
    await stack.db.escalation.update({ where: { id: escalationId }, data: { raisedAt: new Date(Date.now() - 3 * 3_600_000) } });
    await eventually(async () => stack.db.notification.findUnique({ where: { dedupeKey: `escalation-${escalationId}-reminder` } }).then((n) => n ?? undefined));
    await new Promise((r) => setTimeout(r, 1000));
    expect(await stack.db.notification.count({ where: { dedupeKey: { startsWith: `escalation-${escalationId}-head` } } })).toBe(0);

    // four hours on: the DCPO, and only the DCPO, is reminded by name, in Hindi as they prefer
    await stack.db.escalation.update({ where: { id: escalationId }, data: { raisedAt: new Date(Date.now() - 4 * 3_600_000 - 60_000) } });
    const toHead = await eventually(async () => stack.db.notification.findUnique({ where: { dedupeKey: `escalation-${escalationId}-head-${dcpo!.id}` } }).then((n) => n ?? undefined));
    expect(toHead).toMatchObject({ kind: 'ESCALATION_REMINDER', recipientBody: 'PERSON', recipientUserId: dcpo!.id, caseId });
    const sms = await eventually(async () => gateway.sent.filter((m) => m.to === dcpo!.phone && m.templateId === '1107160000000000002').length === 2 || undefined);
    expect(sms).toBe(true);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await stack.db.notification.count({ where: { dedupeKey: { startsWith: `escalation-${escalationId}-head` } } })).toBe(1);
    // the field officer had the body's reminder only
    expect(gateway.sent.filter((m) => m.to === officer!.phone && m.templateId === '1107160000000000002')).toHaveLength(1);
  });

  /** A notice as the matching engine writes one: its own subject and body name the child; its case is on record, with its number. */
  async function noticeNamingChild(districtCode: string, kind = 'CASE_PRODUCED'): Promise<NotificationJob> {
    const caseId = randomUUID();
    await stack.db.case.create({ data: { id: caseId, track: 'CNCP', state: 'cncp.awaitingProduction', phase: 'PRODUCTION', districtCode, stateCode: 'RJ', childName: CHILD, registeredAt: new Date() } });
    return {
      dedupeKey: `reach-test-${randomUUID()}`,
      recipientBody: 'DCPU',
      districtCode,
      stateCode: 'RJ',
      caseId,
      kind,
      subject: `Possible match: missing ${CHILD} ↔ found ${CHILD}`,
      body: `${CHILD}, 9, found near Hawa Mahal`,
    };
  }

  it('never puts the child’s name in an SMS or an email, only the case reference and a link', async () => {
    const place = await dcpuWithOfficers([{ name: 'Kiran Joshi', language: 'en', phone: phone() }]);
    const [kiran] = place.users;
    await stack.db.notificationSettings.update({ where: { userId: kiran!.id }, data: { choices: { MATCH_ALERT: ['EMAIL', 'SMS'] } } });
    const notice = await noticeNamingChild(place.districtCode, 'MATCH_ALERT');
    await notices.add('deliver', notice, { jobId: notice.dedupeKey });

    const sms = await eventually(async () => gateway.sent.find((s) => s.to === kiran!.phone));
    const mail = await eventually(async () => smtp.mails.find((m) => m.to.includes(kiran!.email)));
    expect(sms.templateId).toBe('1107160000000000004');
    const { caseNumber } = await stack.db.case.findUniqueOrThrow({ where: { id: notice.caseId! } });
    expect(sms.message).toContain(caseNumber!);
    for (const text of [sms.message, mail.raw]) {
      expect(text).not.toMatch(/Pinky|Kumari|Hawa Mahal/);
    }
    // the in-app inbox keeps the full notice for those signed in
    expect(await stack.db.notification.findUnique({ where: { dedupeKey: notice.dedupeKey } })).toMatchObject({ subject: notice.subject });
  });

  it('goes by the channels a person chose for an ordinary notice, and by none they did not', async () => {
    const place = await dcpuWithOfficers([
      { name: 'Email Only', language: 'en', phone: phone() },
      { name: 'Nothing Chosen', language: 'en', phone: phone() },
    ]);
    const [emailOnly, nothing] = place.users;
    await stack.db.notificationSettings.update({ where: { userId: emailOnly!.id }, data: { choices: { CASE_PRODUCED: ['EMAIL'] } } });
    const notice = await noticeNamingChild(place.districtCode);
    await notices.add('deliver', notice, { jobId: notice.dedupeKey });

    await eventually(async () => smtp.mails.find((m) => m.to.includes(emailOnly!.email)));
    await eventually(async () => ((await stack.db.delivery.count({ where: { noticeKey: notice.dedupeKey, status: 'SENT' } })) === 1 ? true : undefined));
    expect(await stack.db.delivery.findMany({ where: { noticeKey: notice.dedupeKey } })).toEqual([expect.objectContaining({ channel: 'EMAIL', recipientId: emailOnly!.id })]);
    expect(gateway.requests.filter((s) => s.to === emailOnly!.phone || s.to === nothing!.phone)).toEqual([]);
    expect(smtp.mails.filter((m) => m.to.includes(nothing!.email))).toEqual([]);
  });

  it('retries a gateway outage, then shows the SMS failed with its reason, while the in-app notice and the email still arrive', async () => {
    const place = await dcpuWithOfficers([{ name: 'Outage Officer', language: 'en', phone: phone() }]);
    const [officer] = place.users;
    behaviour.set(officer!.phone, 'fail');
    const notice = { ...(await noticeNamingChild(place.districtCode)), kind: 'DEADLINE_ESCALATED' };
    await notices.add('deliver', notice, { jobId: notice.dedupeKey });

    const failed = await eventually(async () => (await stack.db.delivery.findFirst({ where: { noticeKey: notice.dedupeKey, channel: 'SMS', status: 'FAILED' } })) ?? undefined);
    expect(failed).toMatchObject({ attempts: 3, lastError: 'the SMS gateway is failing (503)' });
    expect(gateway.requests.filter((s) => s.to === officer!.phone)).toHaveLength(3);
    expect(await stack.db.notification.count({ where: { dedupeKey: notice.dedupeKey } })).toBe(1);
    await eventually(async () => smtp.mails.find((m) => m.to.includes(officer!.email)));
  });

  it('fails a number the gateway refuses at once, and one it never answers after the retries', async () => {
    const place = await dcpuWithOfficers([
      { name: 'Refused Number', language: 'en', phone: phone() },
      { name: 'Silent Gateway', language: 'en', phone: phone() },
    ]);
    const [refused, silent] = place.users;
    behaviour.set(refused!.phone, 'reject');
    behaviour.set(silent!.phone, 'hang');
    const notice = { ...(await noticeNamingChild(place.districtCode)), kind: 'DEADLINE_ESCALATED' };
    await notices.add('deliver', notice, { jobId: notice.dedupeKey });

    const rejected = await eventually(async () => (await stack.db.delivery.findFirst({ where: { noticeKey: notice.dedupeKey, recipientId: refused!.id, channel: 'SMS', status: 'FAILED' } })) ?? undefined);
    expect(rejected.attempts).toBe(1);
    expect(rejected.lastError).toContain('the SMS gateway refused the message (400');
    const timedOut = await eventually(async () => (await stack.db.delivery.findFirst({ where: { noticeKey: notice.dedupeKey, recipientId: silent!.id, channel: 'SMS', status: 'FAILED' } })) ?? undefined);
    expect(timedOut).toMatchObject({ attempts: 3, lastError: 'the SMS gateway did not answer within 0.5 s' });
  });

  it('sends nothing twice when the same notice is queued again', async () => {
    const place = await dcpuWithOfficers([{ name: 'Once Only', language: 'hi', phone: phone() }]);
    const [officer] = place.users;
    const notice = { ...(await noticeNamingChild(place.districtCode)), kind: 'DEADLINE_ESCALATED' };
    await notices.add('deliver', notice, { jobId: notice.dedupeKey });
    await eventually(async () => gateway.sent.find((s) => s.to === officer!.phone));
    // the same notice again under another job id, as a retried step or a re-driven queue would
    await notices.add('deliver', notice, { jobId: `${notice.dedupeKey}-again` });
    await eventually(async () => ((await notices.getJob(`${notice.dedupeKey}-again`))?.finishedOn ? true : undefined));
    await new Promise((r) => setTimeout(r, 300));
    expect(gateway.requests.filter((s) => s.to === officer!.phone)).toHaveLength(1);
    expect(smtp.mails.filter((m) => m.to.includes(officer!.email))).toHaveLength(1);
    expect(await stack.db.delivery.count({ where: { noticeKey: notice.dedupeKey } })).toBe(2);
  });

  it('reaches the person working a case once per channel when a notice goes to them by name and to their body', async () => {
    const place = await dcpuWithOfficers([
      { name: 'Assigned Officer', language: 'en', phone: phone() },
      { name: 'Colleague', language: 'en', phone: phone() },
    ]);
    const [assigned, colleague] = place.users;
    const toBody = { ...(await noticeNamingChild(place.districtCode)), kind: 'DEADLINE_ESCALATED', exceptUserId: assigned!.id };
    const toPerson = { ...toBody, dedupeKey: `${toBody.dedupeKey}-assignee`, recipientBody: 'PERSON' as const, recipientUserId: assigned!.id, exceptUserId: null };
    await notices.add('deliver', toPerson, { jobId: toPerson.dedupeKey });
    await notices.add('deliver', toBody, { jobId: toBody.dedupeKey });

    await eventually(async () => ((await stack.db.delivery.count({ where: { noticeKey: { in: [toBody.dedupeKey, toPerson.dedupeKey] }, status: 'SENT' } })) === 4 ? true : undefined));
    await new Promise((r) => setTimeout(r, 300));
    for (const officer of [assigned!, colleague!]) {
      expect(smtp.mails.filter((m) => m.to.includes(officer.email))).toHaveLength(1);
      expect(gateway.requests.filter((s) => s.to === officer.phone)).toHaveLength(1);
    }
    // the body's copy went to everyone else of it; the person's own copy to them
    const rows = await stack.db.delivery.findMany({ where: { noticeKey: { in: [toBody.dedupeKey, toPerson.dedupeKey] } } });
    expect(rows.filter((d) => d.noticeKey === toBody.dedupeKey).map((d) => d.recipientId)).toEqual([colleague!.id, colleague!.id]);
    expect(rows.filter((d) => d.noticeKey === toPerson.dedupeKey).map((d) => d.recipientId)).toEqual([assigned!.id, assigned!.id]);
  });

  it('sends a password reset by email to the account’s own address, with the link nowhere but the email', async () => {
    const place = await dcpuWithOfficers([{ name: 'Reset Me', language: 'en', phone: phone() }]);
    const [officer] = place.users;
    // the account's own address, not the verified contact above: the person cannot sign in to verify anything yet
    const accountEmail = `reset.me.${randomBytes(3).toString('hex')}@dcpu.example.gov.in`;
    await stack.db.user.update({ where: { id: officer!.id }, data: { email: accountEmail } });
    await stack.http.post('/auth/password-reset').send({ email: accountEmail }).expect(202);

    const mail = await eventually(async () => smtp.mails.find((m) => m.to.includes(accountEmail)));
    // quoted-printable: soft line breaks joined, '=' spelt =3D
    const text = mail.raw.replace(/=\r?\n/g, '').replaceAll('=3D', '=');
    expect(text).toContain('Subject: Raksha: reset your password');
    const token = /https:\/\/raksha\.example\.gov\.in\/app\/#reset-password=([A-Za-z0-9_-]{43})/.exec(text)?.[1];
    expect(token).toBeDefined();
    expect(smtp.mails.filter((m) => m.to.includes(officer!.email))).toHaveLength(0);

    // the inbox copy says where the link went; neither it, the delivery nor the finished jobs keep the link
    const inbox = await eventually(async () => (await stack.db.notification.findFirst({ where: { recipientUserId: officer!.id, kind: 'PASSWORD_RESET' } })) ?? undefined);
    expect(inbox.body).toContain('the link sent to your email address');
    const delivery = await eventually(async () => {
      const d = await stack.db.delivery.findFirst({ where: { recipientId: officer!.id, kind: 'PASSWORD_RESET' } });
      return d?.status === 'SENT' ? d : undefined;
    });
    expect(delivery).toMatchObject({ channel: 'EMAIL', address: accountEmail });
    expect(JSON.stringify({ inbox, delivery })).not.toContain(token);
    const linkId = (await stack.db.accountLink.findFirst({ where: { userId: officer!.id } }))!.id;
    const noticeJob = await eventually(async () => {
      const job = await notices.getJob(`password-reset-${linkId}`);
      return job && !('accountLink' in job.data) ? job : undefined;
    });
    expect(JSON.stringify(noticeJob.data)).not.toContain(token);
    const deliveryJobs = new Queue(DELIVERY_QUEUE, { connection: redisConnectionOptions(stack.config.redisUrl) });
    expect(await deliveryJobs.getJob(delivery.id)).toBeUndefined();
    await deliveryJobs.close();

    // and the link works
    await stack.http.post('/auth/password-reset/complete').send({ token, password: 'a-brand-new-password-2026' }).expect(204);
  });

  it('holds a state to the reminder interval it set in its deadline policy (6 h for production in this state)', async () => {
    const place = await dcpuWithOfficers([{ name: 'Desert Officer', language: 'en', phone: phone() }]);
    const [officer] = place.users;
    await stack.db.deadlinePolicyOverride.create({ data: { stateCode: 'RJ', deadlineId: 'reminder.production', within: 'PT6H', reason: 'long distances', setBy: 'scps-rj', setAt: new Date() } });
    try {
      const { escalationId } = await caseWithMissedProduction(stack, await stack.temporal(), place);
      await eventually(async () => gateway.sent.find((m) => m.to === officer!.phone));
      const reminded = () => stack.db.notification.findUnique({ where: { dedupeKey: `escalation-${escalationId}-reminder` } });
      // three hours: past Raksha's default (2 h) but not the state's
      await stack.db.escalation.update({ where: { id: escalationId }, data: { raisedAt: new Date(Date.now() - 3 * 3_600_000) } });
      await new Promise((r) => setTimeout(r, 1200));
      expect(await reminded()).toBeNull();
      await stack.db.escalation.update({ where: { id: escalationId }, data: { raisedAt: new Date(Date.now() - 6 * 3_600_000 - 60_000) } });
      expect(await eventually(async () => (await reminded()) ?? undefined)).toMatchObject({ kind: 'ESCALATION_REMINDER', districtCode: place.districtCode });
    } finally {
      await stack.db.deadlinePolicyOverride.delete({ where: { stateCode_deadlineId: { stateCode: 'RJ', deadlineId: 'reminder.production' } } });
    }
  });

  it("sends a CWC's missed sittings, raised by the duty watch, by email and SMS naming the committee and the month in plain words — no code, key or ISO date", async () => {
    const place = await dcpuWithOfficers([
      { name: 'Sunita Rathore', language: 'en', phone: phone() },
      { name: 'Mohan Lal', language: 'hi', phone: phone() },
    ]);
    const cwcId = `CWC-${place.districtCode}`;
    const name = `Child Welfare Committee, Test ${place.districtCode.slice(4)}`;
    await stack.db.body.create({ data: { id: cwcId, type: 'CWC', name, level: 'DISTRICT', stateCode: 'RJ', districtCode: place.districtCode } });
    const deps = { duties: new BodyDutyRepository(stack.db), policies: new DeadlinePolicyRepository(stack.db), tell: dutyWatchTeller(await stack.temporal(), stack.config.temporal.taskQueue) };
    const started = await watchMissedDuties(deps, new Date(), { stateCode: 'RJ', districtCode: place.districtCode });
    const sittings = started.find((m) => m.body.id === cwcId && m.dutyId === 'cwc.sittings')!;
    const [sunita, mohan] = place.users;
    const mail = readMail(await eventually(async () => smtp.mails.find((m) => m.to.includes(sunita!.email) && readMail(m).subject.includes('20 days'))));
    expect(mail.subject).toBe(`Raksha: ${name}: sat on fewer than the 20 days required in ${periodWords(sittings.period, 'en')} (JJ Act s.28(1))`);
    expect(mail.text).toContain('https://raksha.example.gov.in/app/inbox');
    const hindi = readMail(await eventually(async () => smtp.mails.find((m) => m.to.includes(mohan!.email) && readMail(m).subject.includes('बैठकें'))));
    expect(hindi.subject).toContain(`${name}: ${periodWords(sittings.period, 'hi')} में`);
    const sms = await eventually(async () => gateway.sent.find((s) => s.to === sunita!.phone && s.message.includes('s.28(1)')));
    for (const text of [mail.subject, mail.text, hindi.subject, hindi.text, sms.message.replace(/https?:\/\/\S+/g, '')]) {
      expect(text).not.toContain(cwcId);
      expect(text).not.toMatch(/cwc\.sittings|BODY_DUTY|\d{4}-\d{2}|T\d{2}:\d{2}|\b[Cc]ase\b|केस/);
    }
  });
});
