// The case workflow on the Temporal Java test server: time skips, activities are real.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { loadTestConfig, type RakshaConfig } from '@raksha/config';
import { applyEventUpdate, caseStatusQuery, caseWorkflowId, registrationUpdate, type CaseRegistration } from '@raksha/contracts';
import { createDb, type Db } from '@raksha/db';
import { startCaseWorker, type RunningWorker } from '../../apps/worker/src/case-worker.js';
import { bundleCaseWorkflows } from '../../apps/worker/src/workflow-bundle.js';
import { seed } from '../../prisma/seed.js';
import { createTimeSkippingEnv } from '../../test/support/time-skipping.js';

describe('caseWorkflow with time skipping', () => {
  let env: TestWorkflowEnvironment;
  let config: RakshaConfig;
  let db: Db;
  let worker: RunningWorker;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    config = loadTestConfig({ ...process.env, TEMPORAL_TASK_QUEUE: `skip-${randomUUID()}` });
    db = createDb(config.databaseUrl);
    await seed(db);
    worker = await startCaseWorker(config, db, await bundleCaseWorkflows(), env.nativeConnection);
  });
  afterAll(async () => {
    await worker?.stop();
    await db?.$disconnect();
    await env?.teardown();
  });

  it('records an event at workflow time: production two days after registration is dated two days later', async () => {
    const registeredAt = new Date(await env.currentTimeMs()).toISOString();
    const registration: CaseRegistration = {
      caseId: randomUUID(),
      track: 'CNCP',
      districtCode: 'RJ-JAIPUR',
      stateCode: 'RJ',
      child: { ageYears: 7 },
      registeredAt,
      registeredBy: { id: 'test', role: 'SJPU_OFFICER', body: 'SJPU' },
    };
    const handle = await env.client.workflow.start('caseWorkflow', {
      taskQueue: config.temporal.taskQueue,
      workflowId: caseWorkflowId(registration.caseId),
      args: [registration],
    });
    const registered = await handle.executeUpdate(registrationUpdate);
    expect(registered.openDeadlines.map((d) => d.id)).toEqual(['cncp.production']);

    await env.sleep('2 days');
    const produced = await handle.executeUpdate(applyEventUpdate, {
      args: [{ type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'ABANDONED', producedBy: 'Childline' }, idempotencyKey: 'k1', actor: registration.registeredBy }],
    });
    expect(produced.state).toBe('cncp.beforeCwc.awaitingInterimPlacement');
    expect((await handle.query(caseStatusQuery)).sequence).toBe(1);

    const [entry] = await db.timelineEntry.findMany({ where: { caseId: registration.caseId, sequence: 1 } });
    const elapsedHours = (entry!.occurredAt.getTime() - Date.parse(registeredAt)) / 3_600_000;
    expect(elapsedHours).toBeGreaterThanOrEqual(48);
    expect(elapsedHours).toBeLessThan(49);
  });
});
