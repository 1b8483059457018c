// The notification processor as its own process (`npm run notifications`, as `npm start` runs it):
// while it is not running, a case's notices wait in Redis; once it runs, they reach the inbox.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Client, Connection } from '@temporalio/client';
import { caseDataConverter } from '@raksha/contracts/temporal/payload-codec';
import { loadTestConfig, requireDataKeys, redisConnectionOptions, type RakshaConfig } from '@raksha/config';
import { NOTIFICATION_QUEUE } from '@raksha/contracts';
import { createDb, type Db } from '@raksha/db';
import { startCaseWorker, type RunningWorker } from '../src/case-worker.js';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { seed } from '@raksha/prisma/seed';
import { startAppProcess } from '@raksha/test-support/app-process';
import { registerCaseWorkflow } from '@raksha/test-support/case-registration';
import { eventually } from '@raksha/test-support/stack';

// A Redis database of its own: no other test's worker may deliver (take) these jobs meanwhile.
const REDIS_URL = 'redis://127.0.0.1:6379/3';

describe('notification processor in its own process', () => {
  let config: RakshaConfig;
  let db: Db;
  let temporal: Client;
  let worker: RunningWorker;
  let queue: Queue;
  let processor: ChildProcess | undefined;

  beforeAll(async () => {
    config = loadTestConfig({
      ...process.env,
      TEST_REDIS_URL: REDIS_URL,
      TEMPORAL_TASK_QUEUE: `notifications-${randomUUID()}`,
      WORKER_DELIVERS_NOTIFICATIONS: 'false',
    });
    db = createDb(config.databaseUrl);
    await seed(db);
    queue = new Queue(NOTIFICATION_QUEUE, { connection: redisConnectionOptions(config.redisUrl) });
    await queue.obliterate({ force: true });
    temporal = new Client({ connection: await Connection.connect({ address: config.temporal.address }), dataConverter: caseDataConverter(requireDataKeys(config)) });
    worker = await startCaseWorker(config, db, await caseWorkflowBundle());
  });
  afterAll(async () => {
    processor?.kill('SIGTERM');
    await worker?.stop();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await temporal?.connection.close();
    await db?.$disconnect();
  });

  it('keeps a registered case’s notice queued while no processor runs, and delivers it to the CWC’s inbox once the processor process starts', async () => {
    // the registration step and its enqueue are done when this returns
    const { registration, handle } = await registerCaseWorkflow(temporal, config.temporal.taskQueue, 'CNCP');
    const dedupeKey = `case-${registration.caseId}-registered-CWC`;
    expect(await queue.getJob(dedupeKey).then((job) => job?.getState())).toBe('waiting');
    expect(await db.notification.count({ where: { dedupeKey } })).toBe(0);

    processor = await startAppProcess('apps/worker/src/notifications.ts', { DATABASE_URL: config.databaseUrl, REDIS_URL: config.redisUrl }, '[notifications] delivering');
    const delivered = await eventually(async () => (await db.notification.findMany({ where: { dedupeKey } }))[0]);
    expect(delivered).toMatchObject({ caseId: registration.caseId, recipientBody: 'CWC', kind: 'CASE_REGISTERED', districtCode: 'RJ-JAIPUR' });
    await handle.terminate('test finished');
  });
});
