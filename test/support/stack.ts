// The real system for integration tests: the Nest API in-process, a real Temporal worker on its
// own task queue, the test database, Redis and the Temporal dev server from scripts/services.sh.
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Client, type Connection } from '@temporalio/client';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import request from 'supertest';
import { loadTestConfig, requireDataKeys, type RakshaConfig } from '@raksha/config';
import { caseDataConverter } from '@raksha/contracts/temporal/payload-codec';
import { createDb, type Db } from '@raksha/db';
import { createApp } from '@raksha/api/app';
import { closeTemporalConnection, temporalConnection } from '@raksha/api/infrastructure/temporal-connection';
import { startCaseWorker, type RunningWorker } from '@raksha/worker/case-worker';
import { seed } from '@raksha/prisma/seed';

export interface Stack {
  config: RakshaConfig;
  db: Db;
  app: INestApplication;
  http: ReturnType<typeof request>;
  worker: RunningWorker;
  /** A client of the stack's Temporal server, for what a test does to a workflow directly: connected on first use, closed by `stop`. */
  temporal(): Promise<Client>;
  stop(): Promise<void>;
}

export async function startStack(bundle: WorkflowBundleWithSourceMap, overrides: Record<string, string> = {}): Promise<Stack> {
  // The rate limiter has its own test; here one test client makes hundreds of requests a minute.
  const config = loadTestConfig({ RATE_LIMIT_PER_MINUTE: '1000000', ...process.env, TEMPORAL_TASK_QUEUE: `test-${randomUUID()}`, LOG_LEVEL: 'error', ...overrides });
  const db = createDb(config.databaseUrl);
  await seed(db, config);
  const worker = await startCaseWorker(config, db, bundle);
  const app = await createApp(config, { checkResponses: true });
  await app.init();
  let temporal: Promise<Client> | undefined;
  return {
    config,
    db,
    app,
    http: request(app.getHttpServer()),
    worker,
    temporal: () => (temporal ??= Promise.resolve(new Client({ connection: temporalConnection(config.temporal.address), dataConverter: caseDataConverter(requireDataKeys(config)) }))),
    async stop() {
      if (temporal) await closeTemporalConnection((await temporal).connection as Connection);
      await app.close();
      await worker.stop();
      await db.$disconnect();
    },
  };
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
