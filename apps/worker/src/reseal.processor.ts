import { Queue, Worker as QueueWorker, type ConnectionOptions } from 'bullmq';
import type { ResealOutcome, SealedFieldsRepository } from '@raksha/db';
import { workerLog } from './observability.js';

/** The queue of the re-seal job (docs/sealed-fields.md): one job at a time, named by the key it seals under. */
export const RESEAL_QUEUE = 'reseal';

export interface ResealJob {
  /** the id of the current data key of the worker that queued it */
  keyId: string;
}

/**
 * Queues the re-seal under `keyId`; every worker start does, so values stored in clear before their field was sealed,
 * or under a key since retired, are sealed anew in the background. A job already waiting for the key is not repeated.
 */
export function enqueueReseal(queue: Queue<ResealJob>, keyId: string): Promise<unknown> {
  return queue.add('reseal', { keyId }, { jobId: `reseal-${keyId}`, attempts: 5, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: true, removeOnFail: false });
}

/**
 * Re-seals every sealed column under the current key. A worker whose current key is not the job's (an older worker
 * during a rolling restart) leaves the job to the others: it would otherwise wrap values with the key being retired.
 */
export function startResealProcessor(connection: ConnectionOptions, sealed: SealedFieldsRepository, keyId: string, stopped: () => boolean) {
  return new QueueWorker<ResealJob, ResealOutcome | null>(
    RESEAL_QUEUE,
    async (job) => {
      if (job.data.keyId !== keyId) return null;
      const outcome = await sealed.resealAll({ stopped });
      // Counts by column only: never a value.
      if (Object.keys(outcome.resealed).length) workerLog().info({ keyId, resealed: outcome.resealed }, 'reseal: values moved to the current key');
      if (Object.keys(outcome.unopened).length) workerLog().error({ keyId, unopened: outcome.unopened }, 'reseal: values that open with no key held, left as they are');
      return outcome;
    },
    { connection, concurrency: 1 },
  );
}
