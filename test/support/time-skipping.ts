import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import proto from '@temporalio/proto';
import { loadTestConfig, requireDataKeys, type RakshaConfig } from '@raksha/config';
import { caseDataConverter } from '@raksha/contracts/temporal/payload-codec';

import { createDb, type Db } from '@raksha/db';
import { startCaseWorker } from '@raksha/worker/case-worker';
import { caseWorkflowBundle } from './workflow-bundle.js';
import { seed } from '@raksha/prisma/seed';
import { CaseIdAttribute, CasePhaseAttribute, CaseStateAttribute, DistrictCodeAttribute, StateCodeAttribute, TrackAttribute } from '@raksha/contracts/temporal';

/**
 * The Temporal Java test server (time skipping), fetched from Maven Central by scripts/services.sh;
 * never downloaded by the SDK. The case workflows' search attributes are registered on it.
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = process.env.TEMPORAL_TEST_SERVER ?? `${process.env.HOME}/.cache/raksha/bin/temporal-test-server`;
  // the client decrypts what the worker encrypted: both take the test configuration's data keys
  const start = () =>
    TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path } },
      client: { dataConverter: caseDataConverter(requireDataKeys(loadTestConfig())) },
    });
  // The SDK gives the JVM 5 s to listen, which a busy machine's first start can miss; a second start finds its classes
  // in the page cache.
  const env = await start().catch((err: Error) => {
    if (!/did not start within/.test(err.message)) throw err;
    return start();
  });
  const keys = [CaseIdAttribute, TrackAttribute, CaseStateAttribute, CasePhaseAttribute, DistrictCodeAttribute, StateCodeAttribute];
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(keys.map((k) => [k.name, proto.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD])),
  });
  return env;
}

/** The case worker on the time-skipping server with the real activities, a seeded PostgreSQL and Redis. */
export interface TimeSkippingStack {
  env: TestWorkflowEnvironment;
  config: RakshaConfig;
  db: Db;
  /** Stops the worker, then closes the database and the server. */
  stop(): Promise<void>;
}

/** Starts it on a task queue of its own (`<queuePrefix>-<uuid>`); `vars` override the test environment's variables. */
export async function startTimeSkippingStack(queuePrefix = 'skip', vars: Record<string, string> = {}): Promise<TimeSkippingStack> {
  const env = await createTimeSkippingEnv();
  const config = loadTestConfig({ ...process.env, TEMPORAL_TASK_QUEUE: `${queuePrefix}-${randomUUID()}`, ...vars });
  const db = createDb(config.databaseUrl);
  const close = async () => {
    await db.$disconnect();
    await env.teardown();
  };
  try {
    await seed(db, config);
    const worker = await startCaseWorker(config, db, await caseWorkflowBundle(), env.nativeConnection);
    return {
      env,
      config,
      db,
      stop: async () => {
        await worker.stop();
        await close();
      },
    };
  } catch (err) {
    await close();
    throw err;
  }
}
