// The daily digest and the sweeper of stuck deliveries, against the real local SMTP server, a partner's webhook
// endpoint, PostgreSQL and Redis.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { loadTestConfig, redisConnectionOptions, type RakshaConfig } from '@raksha/config';
import { DELIVERY_QUEUE } from '@raksha/contracts';
import { createDb, DeliveryRepository, type Db } from '@raksha/db';
import { seed } from '@raksha/prisma/seed';
import { readMail, startSmtpServer, startWebhookReceiver } from '@raksha/test-support/local-servers';
import { eventually } from '@raksha/test-support/stack';
import { DIGEST_QUEUE } from '../src/digest.js';
import { reachFromConfig, type Reach } from '../src/reach.js';

// A Redis database of its own: no other test file's processor (nor the notifications bench, on 12) may take these deliveries.
const REDIS_URL = 'redis://127.0.0.1:6379/10';
const CHILD = 'Pinky Kumari';
const MINUTE = 60_000;

describe('the daily digest and stuck deliveries', () => {
  let config: RakshaConfig;
  let db: Db;
  let reach: Reach;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let partner: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let digests: Queue;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    partner = await startWebhookReceiver();
    config = loadTestConfig({
      ...process.env,
      TEST_REDIS_URL: REDIS_URL,
      NOTIFY_CHANNELS: 'email,webhook',
      SMTP_URL: smtp.url,
      RAKSHA_PUBLIC_URL: 'https://raksha.example.gov.in',
      NOTIFY_ATTEMPTS: '3',
      NOTIFY_BACKOFF_MS: '50',
      DIGEST_HOUR: '7',
      DIGEST_TIME_ZONE: 'Asia/Kolkata',
    });
    db = createDb(config.databaseUrl);
    await seed(db);
    const connection = redisConnectionOptions(config.redisUrl);
    digests = new Queue(DIGEST_QUEUE, { connection });
    // jobs an earlier run left would go to its servers, long gone
    const left = new Queue(DELIVERY_QUEUE, { connection });
    await Promise.all([digests.obliterate({ force: true }), left.obliterate({ force: true })]);
    await left.close();
    reach = (await reachFromConfig(config, connection, db))!;
  });
  afterAll(async () => {
    await reach?.close();
    await digests?.close();
    await db?.$disconnect();
    await Promise.all([smtp?.close(), partner?.close()]);
  });

  /** A district of its own with a DCPU and its people, each with a verified email, a language and the digest on or off. */
  async function dcpuWith(people: { name: string; language?: 'en' | 'hi'; digest?: boolean }[]) {
    const suffix = randomBytes(3).toString('hex').toUpperCase();
    const districtCode = `RJ-D${suffix}`;
    await db.district.create({ data: { code: districtCode, name: `Digest ${suffix}`, stateCode: 'RJ' } });
    await db.body.create({ data: { id: `DCPU-${districtCode}`, type: 'DCPU', name: `DCPU ${districtCode}`, level: 'DISTRICT', stateCode: 'RJ', districtCode } });
    const users = [];
    for (const p of people) {
      const id = randomUUID();
      const login = `${p.name.toLowerCase().replace(/\W+/g, '.')}.${suffix.toLowerCase()}`;
      const email = `${login}@dcpu.example.gov.in`;
      await db.user.create({ data: { id, username: login, displayName: p.name, passwordHash: 'x', bodyId: `DCPU-${districtCode}`, roles: ['DCPU_OFFICER'] } });
      const at = new Date();
      await db.contactVerification.create({ data: { id: randomUUID(), userId: id, channel: 'EMAIL', address: email, codeHash: 'x', expiresAt: at, verifiedAt: at, createdAt: at } });
      // no settings row at all: the digest is on until a person turns it off
      if (p.language || p.digest !== undefined) await db.notificationSettings.create({ data: { userId: id, language: p.language ?? 'en', digest: p.digest ?? true } });
      users.push({ id, email, ...p });
    }
    return { districtCode, users };
  }

  /** A case in the district, its soonest deadline `dueInMs` from now (negative: overdue), naming the child. */
  async function caseIn(districtCode: string, dueInMs: number, thanaCode?: string) {
    const id = randomUUID();
    const now = Date.now();
    const { caseNumber } = await db.case.create({
      data: { id, track: 'CNCP', state: 'awaitingProduction', phase: 'PRODUCTION', districtCode, stateCode: 'RJ', childName: CHILD, registeredAt: new Date(now - 2 * 24 * 60 * MINUTE), nextDueAt: new Date(now + dueInMs), ...(thanaCode && { thanaCode }) },
    });
    numbers.set(id, caseNumber!);
    return id;
  }

  /** The case's number as a digest names it (never a slice of its id). */
  const numbers = new Map<string, string>();
  const ref = (caseId: string) => numbers.get(caseId)!;

  /** Runs the scheduled daily job now, as the scheduler does at 07:00, and waits for it to finish. */
  async function runDailyJob(jobId: string) {
    await digests.add('digest', {}, { jobId });
    return eventually(async () => {
      const job = await digests.getJob(jobId);
      if (job?.failedReason) throw new Error(job.failedReason);
      return job?.finishedOn ? job.returnvalue as number : undefined;
    });
  }

  it('is scheduled for 07:00 India time every day', async () => {
    const scheduler = await digests.getJobScheduler('daily-digest');
    expect(scheduler).toMatchObject({ pattern: '0 7 * * *', tz: 'Asia/Kolkata' });
  });

  it('sends a DCPU officer with an open escalation one digest a day, in Hindi as she prefers, with counts and case references but no name; none to one who turned it off or has nothing to report', async () => {
    const place = await dcpuWith([{ name: 'Meera Sharma', language: 'hi' }, { name: 'Arjun Singh' }, { name: 'No Digest', digest: false }]);
    const quiet = await dcpuWith([{ name: 'Quiet Officer' }]);
    const [meera, arjun, optedOut] = place.users;
    const overdue = await caseIn(place.districtCode, -3 * 60 * MINUTE);
    const dueSoon = await caseIn(place.districtCode, 3 * 24 * 60 * MINUTE);
    await db.escalation.create({
      data: { id: randomUUID(), caseId: overdue, deadlineId: 'cncp.production', obligation: 'Produce the child before the Child Welfare Committee', citation: 's.31(1)', rung: 0, toBody: 'DCPU', districtCode: place.districtCode, stateCode: 'RJ', dueAt: new Date(Date.now() - 3 * 60 * MINUTE), raisedAt: new Date(Date.now() - 2 * 60 * MINUTE) },
    });

    const cwc = { id: randomUUID(), email: `cwc.member.${randomBytes(3).toString('hex')}@cwc.example.gov.in` };
    await db.body.create({ data: { id: `CWC-${place.districtCode}`, type: 'CWC', name: `CWC ${place.districtCode}`, level: 'DISTRICT', stateCode: 'RJ', districtCode: place.districtCode } });
    await db.user.create({ data: { id: cwc.id, username: cwc.email, displayName: 'CWC Member', passwordHash: 'x', bodyId: `CWC-${place.districtCode}`, roles: ['CWC_MEMBER'] } });
    await db.contactVerification.create({ data: { id: randomUUID(), userId: cwc.id, channel: 'EMAIL', address: cwc.email, codeHash: 'x', expiresAt: new Date(), verifiedAt: new Date(), createdAt: new Date() } });

    // the job twice the same day, as a retried or doubled run would
    await runDailyJob(`digest-test-${randomUUID()}`);
    await runDailyJob(`digest-test-${randomUUID()}`);
    const toMeera = await eventually(async () => smtp.mails.find((m) => m.to.includes(meera!.email)));
    await eventually(async () => ((await db.delivery.count({ where: { recipientId: { in: [meera!.id, arjun!.id, cwc.id] }, kind: 'DAILY_DIGEST', status: 'SENT' } })) === 3 || undefined));
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails.filter((m) => m.to.includes(meera!.email))).toHaveLength(1);
    expect(smtp.mails.filter((m) => m.to.includes(optedOut!.email) || m.to.includes(quiet.users[0]!.email))).toEqual([]);

    const mail = readMail(toMeera);
    expect(mail.subject).toMatch(/^रक्षा: .* का आपका सारांश$/);
    expect(mail.text).toContain(`चूकें जो अभी हल नहीं हुईं: 1 — केस ${ref(overdue)}`);
    expect(mail.text).toContain(`केस जिनकी समय-सीमा निकल चुकी है: 1 — केस ${ref(overdue)}`);
    expect(mail.text).toContain(`केस जिनकी समय-सीमा अगले सात दिनों में है: 1 — केस ${ref(dueSoon)}`);
    expect(mail.html).toContain(`href="https://raksha.example.gov.in/app/cases/${overdue}"`);
    expect(toMeera.raw).toContain('Content-Language: hi');
    for (const text of [mail.subject, mail.text, mail.html]) expect(text).not.toMatch(/Pinky|Kumari|[0-9]{4}-[0-9]{2}-[0-9]{2}T/);

    const english = readMail(smtp.mails.find((m) => m.to.includes(arjun!.email))!);
    expect(english.subject).toMatch(/^Raksha: your summary for \d{1,2} \w+$/);
    expect(english.text).toContain(`Escalations not yet resolved: 1 — case ${ref(overdue)}`);

    // the district's CWC: its CNCP cases past and near their deadlines, but not the DCPU's escalation
    const cwcMember = smtp.mails.find((m) => m.to.includes(cwc.email));
    expect(cwcMember).toBeDefined();
    const forCwc = readMail(cwcMember!);
    expect(forCwc.text).toContain(`Cases past a deadline: 1 — case ${ref(overdue)}`);
    expect(forCwc.text).not.toContain('Escalations');
  });

  it('tells a police station of its own thana’s cases only, and a station with no thana on record of none', async () => {
    const place = await dcpuWith([{ name: 'District Officer' }]);
    const thana = `${place.districtCode}-PS1`;
    const ours = await caseIn(place.districtCode, -MINUTE, thana);
    const elsewhere = await caseIn(place.districtCode, -MINUTE, `${place.districtCode}-PS2`);
    const station = async (id: string, thanaCode: string | null) => {
      await db.body.create({ data: { id, type: 'POLICE_STATION', name: id, level: 'THANA', stateCode: 'RJ', districtCode: place.districtCode, thanaCode } });
      const user = { id: randomUUID(), email: `sho.${randomBytes(3).toString('hex')}@police.example.gov.in` };
      await db.user.create({ data: { id: user.id, username: user.email, displayName: 'Station officer', passwordHash: 'x', bodyId: id, roles: ['STATION_OFFICER'] } });
      await db.contactVerification.create({ data: { id: randomUUID(), userId: user.id, channel: 'EMAIL', address: user.email, codeHash: 'x', expiresAt: new Date(), verifiedAt: new Date(), createdAt: new Date() } });
      return user;
    };
    const sho = await station(`PS-${thana}`, thana);
    const unlinked = await station(`PS-${place.districtCode}-OLD`, null);

    await runDailyJob(`digest-test-${randomUUID()}`);
    const mail = readMail(await eventually(async () => smtp.mails.find((m) => m.to.includes(sho.email))));
    expect(mail.text).toContain(`Cases past a deadline: 1 — case ${ref(ours)}`);
    expect(mail.text).not.toContain(ref(elsewhere));
    // the district's DCPU has both
    const dcpuMail = readMail(await eventually(async () => smtp.mails.find((m) => m.to.includes(place.users[0]!.email))));
    expect(dcpuMail.text).toContain('Cases past a deadline: 2');
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails.filter((m) => m.to.includes(unlinked.email))).toEqual([]);
  });

  it('queues again a delivery whose worker stopped mid-send, so the email goes; fails one stopped at its last attempt; leaves one still being sent', async () => {
    const place = await dcpuWith([{ name: 'Stuck Reader' }, { name: 'Last Try' }, { name: 'Slow Sender' }]);
    const [stuck, lastTry, slow] = place.users;
    const deliveries = new DeliveryRepository(db);
    const noticeKey = `sweep-test-${randomUUID()}`;
    const row = (u: (typeof place.users)[number]) => ({ id: randomUUID(), noticeKey, channel: 'EMAIL', recipientId: u.id, address: u.email, language: 'en', caseId: null, kind: 'DEADLINE_ESCALATED', stateCode: 'RJ', districtCode: place.districtCode });
    const rows = [row(stuck!), row(lastTry!), row(slow!)];
    await deliveries.queue(rows);
    // a worker took each for sending and then stopped (no job is left to send them); one of them is at its last attempt
    const longAgo = new Date(Date.now() - 11 * MINUTE);
    await deliveries.claim(rows[0]!.id, longAgo);
    await db.delivery.update({ where: { id: rows[1]!.id }, data: { attempts: 2 } });
    await deliveries.claim(rows[1]!.id, longAgo);
    await deliveries.claim(rows[2]!.id, new Date(Date.now() - MINUTE));

    await reach.sweep();
    const sent = await eventually(async () => (await db.delivery.findFirst({ where: { id: rows[0]!.id, status: 'SENT' } })) ?? undefined);
    expect(sent.attempts).toBe(2);
    expect(smtp.mails.filter((m) => m.to.includes(stuck!.email))).toHaveLength(1);
    expect(await db.delivery.findUnique({ where: { id: rows[1]!.id } })).toMatchObject({ status: 'FAILED', lastError: 'the sender stopped while sending it, at the last attempt; it may or may not have arrived' });
    expect(await db.delivery.findUnique({ where: { id: rows[2]!.id } })).toMatchObject({ status: 'SENDING' });
    // a second sweep finds nothing more to do
    await reach.sweep();
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails.filter((m) => [stuck!.email, lastTry!.email, slow!.email].some((e) => m.to.includes(e)))).toHaveLength(1);
  });

  it('sends a delivery left QUEUED with no job (the enqueue after its row failed), once; leaves one whose job waits, and a fresh one', async () => {
    const place = await dcpuWith([{ name: 'Lost Job' }, { name: 'Waiting Job' }, { name: 'Just Queued' }]);
    const [lost, waiting, fresh] = place.users;
    const deliveries = new DeliveryRepository(db);
    const noticeKey = `sweep-queued-${randomUUID()}`;
    const row = (u: (typeof place.users)[number]) => ({ id: randomUUID(), noticeKey, channel: 'EMAIL', recipientId: u.id, address: u.email, language: 'en', caseId: null, kind: 'DEADLINE_ESCALATED', stateCode: 'RJ', districtCode: place.districtCode });
    const rows = [row(lost!), row(waiting!), row(fresh!)];
    // the rows are written, but Redis refused the jobs (or the process stopped before it enqueued them)
    await deliveries.queue(rows);
    await db.delivery.updateMany({ where: { id: { in: [rows[0]!.id, rows[1]!.id] } }, data: { queuedAt: new Date(Date.now() - 11 * MINUTE) } });
    // one of the old ones has its job after all, waiting on its backoff
    const jobs = new Queue(DELIVERY_QUEUE, { connection: redisConnectionOptions(config.redisUrl) });
    const held = await jobs.add('send', { deliveryId: rows[1]!.id }, { jobId: rows[1]!.id, delay: 10 * MINUTE });

    // two processes sweep at once: the lost delivery gets one job between them
    await Promise.all([reach.sweep(), reach.sweep()]);
    const sent = await eventually(async () => (await db.delivery.findFirst({ where: { id: rows[0]!.id, status: 'SENT' } })) ?? undefined);
    expect(sent.attempts).toBe(1);
    await reach.sweep();
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails.filter((m) => m.to.includes(lost!.email))).toHaveLength(1);
    const itsJobs = (await jobs.getJobs(['completed', 'failed', 'active', 'waiting', 'delayed'])).filter((j) => j?.data.deliveryId === rows[0]!.id);
    expect(itsJobs).toHaveLength(1);
    // the one whose job waits is left to it; the fresh one is not yet past the bound
    expect(await db.delivery.findUnique({ where: { id: rows[1]!.id } })).toMatchObject({ status: 'QUEUED', attempts: 0 });
    expect(await db.delivery.findUnique({ where: { id: rows[2]!.id } })).toMatchObject({ status: 'QUEUED', attempts: 0 });
    expect(smtp.mails.filter((m) => [waiting!.email, fresh!.email].some((e) => m.to.includes(e)))).toEqual([]);
    await held.remove();
    await jobs.close();
  });

  it('sends a stuck webhook again under the same webhook-id, so a partner that had it already can drop the repeat', async () => {
    const suffix = randomBytes(3).toString('hex').toUpperCase();
    const districtCode = `RJ-W${suffix}`;
    await db.district.create({ data: { code: districtCode, name: `Webhook ${suffix}`, stateCode: 'RJ' } });
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    partner.useSecret(secret);
    const sub = await db.webhookSubscription.create({ data: { id: randomUUID(), name: 'State portal', url: `${partner.url}/raksha`, eventKinds: ['DEADLINE_ESCALATED'], stateCode: 'RJ', districtCode, secret } });
    const caseId = await caseIn(districtCode, -MINUTE);
    await reach.fanOut({ dedupeKey: `sweep-hook-${randomUUID()}`, recipientBody: 'DCPU', districtCode, stateCode: 'RJ', caseId, kind: 'DEADLINE_ESCALATED', subject: CHILD, body: CHILD });
    const first = await eventually(async () => partner.received.find((w) => w.payload.data.caseId === caseId));
    const delivery = await eventually(async () => (await db.delivery.findFirst({ where: { recipientId: sub.id, caseId, status: 'SENT' } })) ?? undefined);

    // the partner had it, but the worker stopped before it could record so: the row still says SENDING
    await db.delivery.update({ where: { id: delivery.id }, data: { status: 'SENDING', sendingSince: new Date(Date.now() - 11 * MINUTE) } });
    await reach.sweep();
    await eventually(async () => (partner.received.filter((w) => w.payload.data.caseId === caseId).length === 2 ? true : undefined));
    const both = partner.received.filter((w) => w.payload.data.caseId === caseId);
    expect(both.map((w) => w.id)).toEqual([first.id, first.id]);
    expect(first.id).toBe(delivery.id);
    expect(both.every((w) => w.verified)).toBe(true);
  });
});
