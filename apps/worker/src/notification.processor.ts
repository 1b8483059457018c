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
      await inbox.deliver({ id: randomUUID(), ...job.data });
      await reach?.fanOut(job.data);
    },
    { connection, concurrency: 8 },
  );
}
