// A worker for bench/noop.workflow.ts only, run as its own process like apps/worker/src/main.ts.
// Env: TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_TASK_QUEUE (as libs/config reads them).
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { loadConfig, requireDataKeys } from '@raksha/config';
import { caseDataConverter } from '@raksha/contracts/temporal/payload-codec';

const config = loadConfig();
const workflowBundle = await bundleWorkflowCode({
  workflowsPath: fileURLToPath(new URL('./noop.workflow.ts', import.meta.url)),
  logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} } as never,
});
const connection = await NativeConnection.connect({ address: config.temporal.address });
// The case worker's cache size (WORKER_MAX_CACHED_WORKFLOWS), so the bare-timer burst caches as many runs as (b) does.
const worker = await Worker.create({
  connection,
  namespace: config.temporal.namespace,
  taskQueue: config.temporal.taskQueue,
  workflowBundle,
  // the bench's client encrypts payloads as the case worker's clients do; the same codec keeps the comparison fair
  dataConverter: caseDataConverter(requireDataKeys(config)),
  maxCachedWorkflows: config.worker.maxCachedWorkflows,
});
console.log(`[noop-worker] polling task queue ${config.temporal.taskQueue} on ${config.temporal.address}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => worker.shutdown());
}
await worker.run();
await connection.close();
