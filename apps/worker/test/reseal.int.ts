// The re-seal job after a key rotation (docs/sealed-fields.md), from Redis as the worker runs it: values sealed under
// the retired key and values stored in clear before their field was sealed end under the new key, and still open; a
// worker that does not hold the job's key leaves the job alone.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import { DataKeyRing, redisConnectionOptions } from '@raksha/config';
import { createDb, descriptorBytes, FaceRepository, ReportRepository, Sealer, SealedFieldsRepository, type Db, type ResealOutcome } from '@raksha/db';
import { enqueueReseal, RESEAL_QUEUE, startResealProcessor, type ResealJob } from '../src/reseal.processor.js';
import { childReport, storeChildReports } from '@raksha/test-support/child-reports';
import { createScratchDb, type ScratchDb } from '@raksha/test-support/scratch-db';

// A Redis database of its own: no other test's worker may take these jobs.
const redis = redisConnectionOptions('redis://127.0.0.1:6379/14');

describe('the re-seal job', () => {
  let scratch: ScratchDb;
  let db: Db;
  let queue: Queue<ResealJob>;
  let events: QueueEvents;
  const oldKey = randomBytes(32);
  const before = new Sealer(new DataKeyRing(oldKey));
  const after = new Sealer(new DataKeyRing(randomBytes(32), [oldKey]));

  beforeAll(async () => {
    scratch = await createScratchDb();
    db = createDb(scratch.url);
    queue = new Queue<ResealJob>(RESEAL_QUEUE, { connection: redis });
    await queue.obliterate({ force: true });
    events = new QueueEvents(RESEAL_QUEUE, { connection: redis });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events?.close();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await db?.$disconnect();
    await scratch?.drop();
  });

  /** Queues the job as a worker start does, and answers what it returned (listened for first: the job is removed once done). */
  const run = (keyId: string) =>
    new Promise<ResealOutcome | null>((resolve, reject) => {
      const done = ({ jobId, returnvalue }: { jobId: string; returnvalue: unknown }) => {
        if (jobId !== `reseal-${keyId}`) return;
        events.off('completed', done);
        events.off('failed', failed);
        resolve((typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue) as ResealOutcome | null);
      };
      const failed = ({ jobId, failedReason }: { jobId: string; failedReason: string }) => {
        if (jobId === `reseal-${keyId}`) reject(new Error(failedReason));
      };
      events.on('completed', done);
      events.on('failed', failed);
      enqueueReseal(queue, keyId).catch(reject);
    });
  const keyIds = async () =>
    (await db.$queryRaw<{ k: string }[]>`SELECT substring("placeText" from 4 for 8) AS k FROM "ChildReport" UNION ALL SELECT substring(encode(descriptor, 'escape') from 4 for 8) FROM "FaceDescriptor"`).map((r) => r.k);

  it('moves values under the retired key, and clear ones, to the new key; a worker of another key leaves the job', async () => {
    const sealedBefore = { ...childReport('MISSING', { name: 'Anita', gender: 'FEMALE' }, '2026-10-01', ['RJ', 'RJ-JAIPUR']), reporterContact: { name: 'Kamla', phone: '9414000001' }, placeText: 'behind the bus stand', photo: Buffer.from('photo bytes') };
    await new ReportRepository(db, before).create(sealedBefore, { action: 'report.filed', actorId: 'test', actorRole: 'TEST', detail: {}, at: new Date() });
    // Stored before its fields were sealed: clear text and a raw descriptor.
    const [clear] = await storeChildReports(db, [childReport('FOUND', { name: 'Anita', gender: 'FEMALE' }, '2026-10-02', ['RJ', 'RJ-JAIPUR'])]);
    await db.childReport.update({ where: { id: clear!.id }, data: { placeText: 'near the temple' } });
    const descriptor = Array.from({ length: 128 }, (_, i) => Math.fround(Math.cos(i) / 10));
    await db.faceDescriptor.create({ data: { reportId: clear!.id, kind: 'FOUND', status: 'DESCRIBED', descriptor: descriptorBytes(descriptor), model: 'test', faces: 1, computedAt: new Date() } });

    const sealed = new SealedFieldsRepository(db, after);
    const stale = startResealProcessor(redis, new SealedFieldsRepository(db, before), before.keyId, () => false);
    try {
      // The job for the new key, taken by a worker that still runs with the old one: left alone.
      expect(await run(after.keyId)).toBeNull();
      expect(await keyIds()).not.toContain(after.keyId);
    } finally {
      await stale.close();
    }
    const processor = startResealProcessor(redis, sealed, after.keyId, () => false);
    try {
      const outcome = await run(after.keyId);
      expect(outcome).toEqual({
        resealed: { 'ChildReport.reporterContact': 1, 'ChildReport.placeText': 2, 'ChildReport.photo': 1, 'FaceDescriptor.descriptor': 1 },
        unopened: {},
      });
      expect(new Set(await keyIds())).toEqual(new Set([after.keyId]));
      const reports = new ReportRepository(db, after);
      expect(await reports.findById(sealedBefore.id)).toMatchObject({ reporterContact: sealedBefore.reporterContact, placeText: sealedBefore.placeText });
      expect((await reports.photo(sealedBefore.id))?.photo?.toString()).toBe('photo bytes');
      expect((await reports.findById(clear!.id))?.placeText).toBe('near the temple');
      expect((await new FaceRepository(db, after).find(clear!.id))?.descriptor).toEqual(descriptor);
      // Nothing left to move: a second run (every worker start queues one) writes nothing.
      expect(await run(after.keyId)).toEqual({ resealed: {}, unopened: {} });
    } finally {
      await processor.close();
    }
  });
});
