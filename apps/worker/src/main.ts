import { loadConfig } from '@raksha/config';
import { startTracing } from '@raksha/contracts/temporal/tracing';
import { createDb } from '@raksha/db';
import { startCaseWorker } from './case-worker.js';
import { installWorkerRuntime } from './observability.js';
import { bundleCaseWorkflows } from './workflow-bundle.js';

const config = loadConfig();
// Before any connection: the Runtime's logger and metrics are the process's.
const log = installWorkerRuntime(config);
const tracing = startTracing(config, 'worker');
const db = createDb(config.databaseUrl);
const running = await startCaseWorker(config, db, await bundleCaseWorkflows({ tracing: tracing !== undefined }), undefined, tracing);
log.info(
  { taskQueue: config.temporal.taskQueue, temporal: config.temporal.address, metrics: config.observability.workerMetricsAddress ?? 'off', traces: config.observability.traces.exporter },
  // `[worker] polling` as before: scripts and tests wait for it.
  `[worker] polling task queue ${config.temporal.taskQueue} on ${config.temporal.address}`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.info(`[worker] ${signal}: finishing in-flight tasks`);
    void running.stop();
  });
}
await running.done;
await tracing?.shutdown();
await db.$disconnect();
log.flush();
