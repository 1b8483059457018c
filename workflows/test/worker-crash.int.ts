// Kill the worker process in the middle of a transition, start another: the transition completes
// once, and the timeline and audit trail hold exactly one entry for it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { caseDataConverter } from '@raksha/contracts/temporal/payload-codec';
import pg from 'pg';
import { loadTestConfig, requireDataKeys, type RakshaConfig } from '@raksha/config';
import { applyEventUpdate } from '@raksha/contracts/temporal';
import { AuditRepository, createDb, type Db } from '@raksha/db';
import { seed } from '@raksha/prisma/seed';
import { startAppProcess } from '@raksha/test-support/app-process';
import { registerCaseWorkflow } from '@raksha/test-support/case-registration';
import { eventually } from '@raksha/test-support/stack';

/** The real worker entry point (`npm run worker`) as its own process. */
const startWorkerProcess = (config: RakshaConfig) =>
  startAppProcess(
    'apps/worker/src/main.ts',
    // the test's data key: the worker encrypts payloads this test's client decrypts
    { DATABASE_URL: config.databaseUrl, TEMPORAL_TASK_QUEUE: config.temporal.taskQueue, RAKSHA_DATA_KEY: config.dataKey! },
    '[worker] polling',
  );

describe('a worker killed mid-transition', () => {
  let config: RakshaConfig;
  let db: Db;
  let temporal: Client;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    config = loadTestConfig({ ...process.env, TEMPORAL_TASK_QUEUE: `crash-${randomUUID()}` });
    db = createDb(config.databaseUrl);
    await seed(db);
    temporal = new Client({ connection: await Connection.connect({ address: config.temporal.address }), dataConverter: caseDataConverter(requireDataKeys(config)) });
  });
  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await temporal?.connection.close();
    await db?.$disconnect();
  });

  it('completes the transition exactly once after a new worker takes over', async () => {
    workers.push(await startWorkerProcess(config));
    const { registration, handle } = await registerCaseWorkflow(temporal, config.temporal.taskQueue, 'CNCP', { child: {} });

    // Hold the case row so the projection transaction stops half-way, inside the worker.
    const blocker = new pg.Client({ connectionString: config.databaseUrl });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT 1 FROM "Case" WHERE id = $1 FOR UPDATE', [registration.caseId]);

    const produced = handle.executeUpdate(applyEventUpdate, {
      args: [{ type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'LOST', producedBy: 'SJPU' }, idempotencyKey: 'crash-1', actor: registration.registeredBy }],
    });
    await eventually(async () => {
      const { rows } = await blocker.query(
        `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database() AND pid <> pg_backend_pid()`,
      );
      return rows.length ? true : undefined;
    });

    workers[0]!.kill('SIGKILL');
    await new Promise((resolve) => workers[0]!.once('exit', resolve));
    await blocker.query('ROLLBACK');
    await blocker.end();

    workers.push(await startWorkerProcess(config));
    const status = await produced;
    expect(status).toMatchObject({ sequence: 1, state: 'cncp.beforeCwc.awaitingInterimPlacement' });

    const timeline = await db.timelineEntry.findMany({ where: { caseId: registration.caseId }, orderBy: { sequence: 'asc' } });
    expect(timeline.map((e) => [e.sequence, e.eventType])).toEqual([
      [0, 'REGISTERED'],
      [1, 'PRODUCED_BEFORE_CWC'],
    ]);
    expect(await db.auditEntry.count({ where: { chain: `case:${registration.caseId}` } })).toBe(2);
    expect(await new AuditRepository(db).verifyChain(`case:${registration.caseId}`, 2)).toEqual([]);
  });
});
