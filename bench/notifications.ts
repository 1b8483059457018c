// `npm run bench:notifications`: notices delivered per second per channel (email, SMS, webhook) against real local
// servers — an SMTP server, an HTTP server playing the SMS gateway, a partner's webhook endpoint verifying
// signatures — through the real notification processor, BullMQ and PostgreSQL (database raksha_bench_notifications,
// emptied and refilled each run; Redis database 12). Not a test: it prints figures (docs/benchmarks.md).
// Usage: npm run bench:notifications -- [--notices 100] [--recipients 20]
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import { DEFAULT_SMS_GATEWAY_REQUEST, redisConnectionOptions } from '@raksha/config';
import { DELIVERY_QUEUE, enqueueNotifications, NOTIFICATION_QUEUE, type NotificationJob } from '@raksha/contracts';
import { createDb, DeliveryRepository, NotificationRepository } from '@raksha/db';
import { startSmsGateway, startSmtpServer, startWebhookReceiver } from '@raksha/test-support/local-servers';
import type { NotificationChannel } from '../apps/worker/src/channels/channel.js';
import { EmailChannel } from '../apps/worker/src/channels/email.channel.js';
import { SmsChannel } from '../apps/worker/src/channels/sms.channel.js';
import { loadDltRegistry } from '../apps/worker/src/channels/sms-templates.js';
import { WebhookChannel } from '../apps/worker/src/channels/webhook.channel.js';
import { startNotificationProcessor } from '../apps/worker/src/notification.processor.js';
import { startReach } from '../apps/worker/src/reach.js';
import { assertBenchRedis, prepareBenchDatabase } from './lib/setup.js';

const { values: args } = parseArgs({ options: { notices: { type: 'string', default: '100' }, recipients: { type: 'string', default: '20' } } });
const notices = Number(args.notices);
const recipients = Number(args.recipients);
if (!Number.isInteger(notices) || notices < 1 || !Number.isInteger(recipients) || recipients < 1) throw new Error('--notices and --recipients: positive integers');

const user = process.env.PGUSER ?? 'raksha';
const password = process.env.PGPASSWORD ?? 'raksha';
const hostPort = `${process.env.PGHOST ?? '127.0.0.1'}:${process.env.PGPORT ?? '5432'}`;
const benchUrl = process.env.BENCH_DATABASE_URL ?? `postgresql://${user}:${password}@${hostPort}/raksha_bench_notifications`;
const adminUrl = `postgresql://${user}:${password}@${hostPort}/raksha_test`;
const redisUrl = process.env.BENCH_REDIS_URL ?? `redis://127.0.0.1:${process.env.REDIS_PORT ?? '6379'}/12`;
assertBenchRedis(redisUrl);
const log = (line: string) => console.log(`[bench:notifications] ${line}`);

log(`preparing raksha_bench_notifications; ${notices} escalation notices to a DCPU of ${recipients} officers, per channel`);
await prepareBenchDatabase(adminUrl, benchUrl);
const db = createDb(benchUrl);
const connection = redisConnectionOptions(redisUrl);
const deliveries = new DeliveryRepository(db);

const districtCode = 'RJ-BENCH';
await db.district.create({ data: { code: districtCode, name: 'Bench', stateCode: 'RJ' } });
await db.body.create({ data: { id: `DCPU-${districtCode}`, type: 'DCPU', name: 'DCPU Bench', level: 'DISTRICT', stateCode: 'RJ', districtCode } });
const at = new Date();
for (let i = 0; i < recipients; i++) {
  const id = randomUUID();
  await db.user.create({ data: { id, username: `bench.officer.${i}`, displayName: `Officer ${i}`, passwordHash: 'x', bodyId: `DCPU-${districtCode}`, roles: ['DCPU_OFFICER'] } });
  for (const [channel, address] of [['EMAIL', `officer.${i}@bench.example.gov.in`], ['PHONE', `98${String(10_000_000 + i)}`]] as const) {
    await db.contactVerification.create({ data: { id: randomUUID(), userId: id, channel, address, codeHash: 'x', expiresAt: at, verifiedAt: at, createdAt: at } });
  }
  if (i % 2 === 1) await db.notificationSettings.create({ data: { userId: id, language: 'hi' } });
}

const smtp = await startSmtpServer();
const gateway = await startSmsGateway();
const partner = await startWebhookReceiver();
const secret = `whsec_${randomBytes(24).toString('base64')}`;
partner.useSecret(secret);
const publicUrl = 'https://raksha.example.gov.in';

const channels: Record<string, () => NotificationChannel> = {
  EMAIL: () => new EmailChannel(smtp.url, 'Raksha <bench@raksha.test>', publicUrl),
  SMS: () =>
    new SmsChannel(
      { url: `${gateway.url}/send`, request: DEFAULT_SMS_GATEWAY_REQUEST, auth: undefined, timeoutMs: 10_000, entityId: '1101000000000000001', header: 'RAKSHA', receiptUrl: 'http://127.0.0.1/sms/receipts' },
      loadDltRegistry(),
      publicUrl,
    ),
  WEBHOOK: () => new WebhookChannel((id) => deliveries.subscription(id), publicUrl, 10_000, (id) => deliveries.interventionCalls(id)),
};

const rows: string[] = [];
for (const [name, make] of Object.entries(channels)) {
  for (const q of [NOTIFICATION_QUEUE, DELIVERY_QUEUE]) {
    const queue = new Queue(q, { connection });
    await queue.obliterate({ force: true });
    await queue.close();
  }
  if (name === 'WEBHOOK') {
    await db.webhookSubscription.deleteMany();
    for (let i = 0; i < recipients; i++) {
      await db.webhookSubscription.create({ data: { id: randomUUID(), name: `Partner ${i}`, url: `${partner.url}/p${i}`, eventKinds: ['DEADLINE_ESCALATED'], stateCode: 'RJ', districtCode, secret } });
    }
  }
  const reach = startReach(connection, deliveries, [make()], { attempts: 3, backoffMs: 200 });
  const processor = startNotificationProcessor(connection, new NotificationRepository(db), reach);
  await processor.waitUntilReady();
  const queue = new Queue<NotificationJob>(NOTIFICATION_QUEUE, { connection });
  const jobs = Array.from({ length: notices }, (): NotificationJob => {
    const caseId = randomUUID();
    return { dedupeKey: `bench-${name}-${caseId}`, recipientBody: 'DCPU', districtCode, stateCode: 'RJ', caseId, kind: 'DEADLINE_ESCALATED', subject: 'Overdue', body: 'bench' };
  });
  // the notices' cases are on record, so each message says its case's number (a notice waits for its case)
  await db.case.createMany({ data: jobs.map((j) => ({ id: j.caseId!, track: 'CNCP', state: 'cncp.awaitingProduction', phase: 'PRODUCTION', districtCode, stateCode: 'RJ', registeredAt: new Date() })) });
  const expected = notices * recipients;
  const t0 = performance.now();
  await enqueueNotifications(queue, jobs);
  for (;;) {
    const done = await db.delivery.count({ where: { channel: name, status: { in: ['SENT', 'FAILED'] } } });
    if (done >= expected) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = (performance.now() - t0) / 1000;
  const failed = await db.delivery.count({ where: { channel: name, status: 'FAILED' } });
  const received = name === 'EMAIL' ? smtp.mails.length : name === 'SMS' ? gateway.sent.length : partner.received.filter((w) => w.verified).length;
  rows.push(`| ${name} | ${expected} | ${seconds.toFixed(1)} | ${(expected / seconds).toFixed(0)} | ${failed} | ${received} |`);
  log(`${name}: ${expected} deliveries in ${seconds.toFixed(1)} s (${(expected / seconds).toFixed(0)}/s), ${failed} failed, ${received} received by the server`);
  await processor.close();
  await reach.close();
  await queue.close();
}

console.log(['', '| channel | deliveries | seconds | per second | failed | received by the local server |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n'));
await Promise.all([smtp.close(), gateway.close(), partner.close()]);
await db.$disconnect();
