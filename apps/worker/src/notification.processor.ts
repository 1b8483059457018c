import { randomUUID } from 'node:crypto';
import { Worker as QueueWorker, type ConnectionOptions } from 'bullmq';
import { NOTIFICATION_QUEUE, type NotificationJob } from '@raksha/contracts';
import type { NotificationRepository } from '@raksha/db';
import type { Reach } from './reach.js';

/**
 * Delivers notification jobs to the in-app inbox first (nothing lost if every other channel fails), then hands them to
 * `reach` (reach.ts), which queues the email, SMS and webhook deliveries the configuration and people's choices ask for.
 */
export function startNotificationProcessor(connection: ConnectionOptions, inbox: NotificationRepository, reach?: Reach) {
  return new QueueWorker<NotificationJob>(
    NOTIFICATION_QUEUE,
    async (job) => {
      const { accountLink, ...notice } = job.data;
      await inbox.deliver({ id: randomUUID(), ...notice });
      await reach?.fanOut(job.data);
      // the job is kept a while once done: without the one-time link, which now rides only in its delivery's job
      if (accountLink) await job.updateData(notice);
    },
    { connection, concurrency: 8 },
  );
}
