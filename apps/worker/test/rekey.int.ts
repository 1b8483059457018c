// Re-keying reports stored under older matching keys (BLOCKING_KEYS_VERSION), as the worker's matching processor runs it:
// the keys today's code computes, the key counts moved with them, and each open report whose keys changed matched again.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue, QueueEvents } from 'bullmq';
import { createMatcher, createRekeyer } from '@raksha/activities';
import { redisConnectionOptions } from '@raksha/config';
import { enqueueRekey, MATCHING_QUEUE, type MatchingJob } from '@raksha/contracts';
import { createDb, ReportRepository, type Db, type NewChildReport } from '@raksha/db';
import { BLOCKING_KEYS_VERSION, type ChildDescription } from '@raksha/matching';
import { startMatchingProcessor } from '../src/matching.processor.js';
import { childReport, storeChildReports, testSealer } from '@raksha/test-support/child-reports';
import { createScratchDb, type ScratchDb } from '@raksha/test-support/scratch-db';

// A Redis database of its own: no other test's worker may take these jobs.
const redis = redisConnectionOptions('redis://127.0.0.1:6379/4');

const WARANGAL: [string, string] = ['TS', 'TS-WARANGAL'];
const report = (kind: 'MISSING' | 'FOUND', child: Omit<ChildDescription, 'id' | 'place'>, status: NewChildReport['status'] = 'OPEN') =>
  childReport(kind, child, '2025-03-01', WARANGAL, status);

describe('re-keying stored reports', () => {
  let scratch: ScratchDb;
  let db: Db;
  let reports: ReportRepository;
  let queue: Queue<MatchingJob>;

  beforeAll(async () => {
    scratch = await createScratchDb();
    db = createDb(scratch.url);
    reports = new ReportRepository(db, testSealer());
    queue = new Queue<MatchingJob>(MATCHING_QUEUE, { connection: redis });
    await queue.obliterate({ force: true });
  });
  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await db?.$disconnect();
    await scratch?.drop();
  });

  const store = (rows: NewChildReport[]) => storeChildReports(db, rows);
  const keyCount = async (field: string, key: string) => (await db.matchKey.findUnique({ where: { kind_field_key: { kind: 'MISSING', field, key } } }))?.reports ?? 0;

  it('gives reports keyed by an older version the current keys, moves the key counts, and matches the open ones again', async () => {
    // As version 2 keyed them: రావు was "rabu" (Rao is "rao" since version 3).
    const asVersion2 = (r: NewChildReport): NewChildReport => ({ ...r, nameKeys: r.nameKeys.map((k) => (k === 'rao' ? 'rabu' : k)), keysVersion: 2 });
    const open = asVersion2(report('MISSING', { name: 'చైతన్య రావు', gender: 'MALE', ageYears: { min: 15, max: 15 } }));
    const pending = asVersion2(report('MISSING', { name: 'Srinivasa Rao', gender: 'MALE' }, 'PENDING_ACCEPTANCE'));
    const unchanged = { ...report('MISSING', { name: 'Ravi Teja', gender: 'MALE' }), keysVersion: 2 };
    const current = report('MISSING', { name: 'Venkatesh Rao', gender: 'MALE' });
    await store([open, pending, unchanged, current]);
    expect(await keyCount('n', 'rabu')).toBe(2);
    expect(await keyCount('n', 'rao')).toBe(1);

    const enqueued: { name: string; data: MatchingJob; jobId: string }[] = [];
    const rekeyer = createRekeyer({ reports, matching: { add: async (name, data, opts) => void enqueued.push({ name, data, jobId: opts.jobId }) } });
    const outcome = await rekeyer.rekeyStoredReports(2); // batches of two: the cursor must carry on past the first
    expect(outcome).toEqual({ keysVersion: BLOCKING_KEYS_VERSION, rekeyed: 3, changed: 2, rematched: 1 });

    const rows = await db.childReport.findMany({ where: { id: { in: [open.id, pending.id, unchanged.id, current.id] } }, select: { id: true, nameKeys: true, keysVersion: true } });
    for (const row of rows) expect(row.keysVersion).toBe(BLOCKING_KEYS_VERSION);
    expect(rows.find((r) => r.id === open.id)?.nameKeys).toContain('rao');
    expect(await keyCount('n', 'rabu')).toBe(0);
    expect(await keyCount('n', 'rao')).toBe(3);
    // Only the open report whose keys changed is matched again; the citizen's pending report is matched once accepted.
    expect(enqueued).toEqual([{ name: 'match', data: { reportId: open.id }, jobId: `match-${open.id}-rekey-v${BLOCKING_KEYS_VERSION}` }]);

    expect(await rekeyer.rekeyStoredReports()).toEqual({ keysVersion: BLOCKING_KEYS_VERSION, rekeyed: 0, changed: 0, rematched: 0 });
  });

  it('runs as the matching processor\'s rekey job from Redis, once per version however many workers enqueue it', async () => {
    const stale = { ...report('MISSING', { name: 'Rakhi Dutta', gender: 'FEMALE' }), nameKeys: ['raki', 'dat'], keysVersion: 1 };
    await store([stale]);
    const events = new QueueEvents(MATCHING_QUEUE, { connection: redis });
    await events.waitUntilReady();
    const processor = startMatchingProcessor(redis, createMatcher({ reports, notifications: { add: async () => undefined } as never }), createRekeyer({ reports, matching: queue }));
    try {
      await Promise.all([enqueueRekey(queue, BLOCKING_KEYS_VERSION), enqueueRekey(queue, BLOCKING_KEYS_VERSION)]);
      const job = await queue.getJob(`rekey-v${BLOCKING_KEYS_VERSION}`);
      const result = await job!.waitUntilFinished(events, 30_000);
      expect(result).toMatchObject({ rekeyed: 1, changed: 1, rematched: 1 });
      const row = await db.childReport.findUniqueOrThrow({ where: { id: stale.id } });
      expect(row).toMatchObject({ keysVersion: BLOCKING_KEYS_VERSION, nameKeys: ['raki', 'duta'] });
      // and the report is matched again in a job of its own
      expect(await queue.getJob(`match-${stale.id}-rekey-v${BLOCKING_KEYS_VERSION}`)).toBeDefined();
    } finally {
      await processor.close();
      await events.close();
    }
  });
});
