import { loadConfig } from '@raksha/config';
import { createDb } from '@raksha/db';
import { startCaseWorker } from './case-worker.js';
import { bundleCaseWorkflows } from './workflow-bundle.js';

const config = loadConfig();
const db = createDb(config.databaseUrl);
const running = await startCaseWorker(config, db, await bundleCaseWorkflows());
console.log(`[worker] polling task queue ${config.temporal.taskQueue} on ${config.temporal.address}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`[worker] ${signal}: finishing in-flight tasks`);
    void running.stop();
  });
}
await running.done;
await db.$disconnect();
