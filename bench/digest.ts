// `npm run bench:digest`: the daily digest for many people — how long the day's run takes to count each body's work and
// queue one email per reader, and how fast the emails then go, against a real local SMTP server, PostgreSQL
// (database raksha_bench_digest, emptied and refilled each run) and Redis (database 11). Not a test: it prints
// figures (docs/benchmarks.md).
// Usage: npm run bench:digest -- [--districts 50] [--officers 20] [--cases 200]
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import { redisConnectionOptions } from '@raksha/config';
import { DELIVERY_QUEUE } from '@raksha/contracts';
import { createDb, DeliveryRepository, DigestRepository } from '@raksha/db';
import { startSmtpServer } from '@raksha/test-support/local-servers';
import { EmailChannel } from '../apps/worker/src/channels/email.channel.js';
import { digestComposer, queueDailyDigests } from '../apps/worker/src/digest.js';
import { startReach } from '../apps/worker/src/reach.js';
import { assertBenchRedis, prepareBenchDatabase } from './lib/setup.js';

const { values: args } = parseArgs({ options: { districts: { type: 'string', default: '50' }, officers: { type: 'string', default: '20' }, cases: { type: 'string', default: '200' } } });
const [districts, officers, casesPer] = [args.districts, args.officers, args.cases].map(Number) as [number, number, number];
if (![districts, officers, casesPer].every((n) => Number.isInteger(n) && n >= 1)) throw new Error('--districts, --officers and --cases: positive integers');

const user = process.env.PGUSER ?? 'raksha';
const password = process.env.PGPASSWORD ?? 'raksha';
const hostPort = `${process.env.PGHOST ?? '127.0.0.1'}:${process.env.PGPORT ?? '5432'}`;
const benchUrl = process.env.BENCH_DATABASE_URL ?? `postgresql://${user}:${password}@${hostPort}/raksha_bench_digest`;
const adminUrl = `postgresql://${user}:${password}@${hostPort}/raksha_test`;
const redisUrl = process.env.BENCH_REDIS_URL ?? `redis://127.0.0.1:${process.env.REDIS_PORT ?? '6379'}/11`;
assertBenchRedis(redisUrl);
const log = (line: string) => console.log(`[bench:digest] ${line}`);

log(`preparing raksha_bench_digest: ${districts} districts, each a DCPU of ${officers} officers and a CWC of ${officers} members, ${casesPer} open cases and their escalations`);
await prepareBenchDatabase(adminUrl, benchUrl);
const db = createDb(benchUrl);
const now = new Date();
const HOUR = 3_600_000;
for (let d = 0; d < districts; d++) {
  const districtCode = `RJ-DG${d}`;
  await db.district.create({ data: { code: districtCode, name: `Digest ${d}`, stateCode: 'RJ' } });
  const users = [];
  const contacts = [];
  for (const type of ['DCPU', 'CWC']) {
    await db.body.create({ data: { id: `${type}-${districtCode}`, type, name: `${type} ${districtCode}`, level: 'DISTRICT', stateCode: 'RJ', districtCode } });
    for (let i = 0; i < officers; i++) {
      const id = randomUUID();
      users.push({ id, username: `${type.toLowerCase()}.${d}.${i}`, displayName: `${type} ${d}.${i}`, passwordHash: 'x', bodyId: `${type}-${districtCode}`, roles: [type === 'DCPU' ? 'DCPU_OFFICER' : 'CWC_MEMBER'] });
      contacts.push({ id: randomUUID(), userId: id, channel: 'EMAIL', address: `${type.toLowerCase()}.${d}.${i}@bench.example.gov.in`, codeHash: 'x', expiresAt: now, verifiedAt: now, createdAt: now });
    }
  }
  await db.user.createMany({ data: users });
  await db.contactVerification.createMany({ data: contacts });
  // a third of the cases overdue, a third due this week, a third later; one escalation to the DCPU per overdue case
  const cases = Array.from({ length: casesPer }, (_, i) => ({
    id: randomUUID(),
    track: 'CNCP',
    state: 'awaitingProduction',
    phase: 'PRODUCTION',
    districtCode,
    stateCode: 'RJ',
    registeredAt: new Date(now.getTime() - 72 * HOUR),
    nextDueAt: new Date(now.getTime() + (i % 3 === 0 ? -HOUR : i % 3 === 1 ? 72 * HOUR : 30 * 24 * HOUR)),
  }));
  await db.case.createMany({ data: cases });
  await db.escalation.createMany({
    data: cases
      .filter((_, i) => i % 3 === 0)
      .map((c) => ({ id: randomUUID(), caseId: c.id, deadlineId: 'cwc.production', obligation: 'Produce the child', citation: 's.31(1)', rung: 0, toBody: 'DCPU', districtCode, stateCode: 'RJ', dueAt: c.nextDueAt, raisedAt: now })),
  });
}

const smtp = await startSmtpServer();
const connection = redisConnectionOptions(redisUrl);
const left = new Queue(DELIVERY_QUEUE, { connection });
await left.obliterate({ force: true });
await left.close();
const digests = new DigestRepository(db);
const publicUrl = 'https://raksha.example.gov.in';
const reach = startReach(connection, new DeliveryRepository(db), [new EmailChannel(smtp.url, 'Raksha <bench@raksha.test>', publicUrl, digestComposer(digests, publicUrl, 'Asia/Kolkata'))], { attempts: 3, backoffMs: 200 });

const readers = districts * officers * 2;
const t0 = performance.now();
const queued = await queueDailyDigests(digests, (rows) => reach.queue(rows), now, 'Asia/Kolkata');
const queuedSeconds = (performance.now() - t0) / 1000;
log(`queued ${queued} digests for ${readers} readers in ${queuedSeconds.toFixed(2)} s`);
for (;;) {
  const done = await db.delivery.count({ where: { kind: 'DAILY_DIGEST', status: { in: ['SENT', 'FAILED'] } } });
  if (done >= queued) break;
  await new Promise((r) => setTimeout(r, 50));
}
const allSeconds = (performance.now() - t0) / 1000;
const failed = await db.delivery.count({ where: { kind: 'DAILY_DIGEST', status: 'FAILED' } });
const t1 = performance.now();
const again = await queueDailyDigests(digests, (rows) => reach.queue(rows), now, 'Asia/Kolkata');
const againSeconds = (performance.now() - t1) / 1000;
log(`all sent in ${allSeconds.toFixed(1)} s (${(queued / allSeconds).toFixed(0)}/s), ${failed} failed, ${smtp.mails.length} received; a second run the same day queued ${again} in ${againSeconds.toFixed(2)} s`);
console.log(
  [
    '',
    '| readers | digests queued | queue run (s) | until all sent (s) | emails per second | failed | second run queued |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    `| ${readers} | ${queued} | ${queuedSeconds.toFixed(2)} | ${allSeconds.toFixed(1)} | ${(queued / allSeconds).toFixed(0)} | ${failed} | ${again} |`,
  ].join('\n'),
);
await reach.close();
await smtp.close();
await db.$disconnect();
