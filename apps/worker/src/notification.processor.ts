import { randomUUID } from 'node:crypto';
import { Worker as QueueWorker, type ConnectionOptions } from 'bullmq';
import { NOTIFICATION_QUEUE, type NotificationJob } from '@raksha/contracts';
import type { NotificationRepository } from '@raksha/db';

/** Delivers notification jobs to the in-app inbox; email/SMS/webhook adapters plug in here later. */
export function startNotificationProcessor(connection: ConnectionOptions, inbox: NotificationRepository) {
  return new QueueWorker<NotificationJob>(
    NOTIFICATION_QUEUE,
    async (job) => {
      await inbox.deliver({ id: randomUUID(), ...job.data });
    },
    { connection, concurrency: 8 },
  );
}
