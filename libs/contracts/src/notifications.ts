// The in-app inbox: what lists it and what it answers, and the BullMQ jobs that fill it.
import { z } from 'zod';
import type { Notice } from '@raksha/domain';
import { isoTime } from './shared.js';

export const NOTIFICATION_QUEUE = 'raksha-notifications';

/** One message for one recipient body (libs/domain's Notice); the processor delivers it to that body's in-app inbox. */
export type NotificationJob = Notice;

export const notificationListQuery = z.strictObject({
  unread: z.stringbool().optional(),
  /** ISO time: only messages older than this (for paging back) */
  before: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

export const notificationIdParam = z.uuid({ message: 'a message id is a UUID' });

/** One message of the in-app inbox. */
export const notificationView = z.object({
  id: z.string(),
  kind: z.string(),
  subject: z.string(),
  body: z.string(),
  caseId: z.string().nullable(),
  /** the case's readable number (RJ/JAIPUR/2026/123), as people say it */
  caseNumber: z.string().nullable(),
  createdAt: isoTime,
  readAt: isoTime.nullable(),
});
export type NotificationView = z.infer<typeof notificationView>;

/** What enqueuing needs of a BullMQ queue (so this module imports no BullMQ). */
export interface NotificationQueue {
  add(
    name: string,
    data: NotificationJob,
    options: { jobId: string; attempts: number; backoff: { type: 'exponential'; delay: number }; removeOnComplete: number; removeOnFail: boolean },
  ): Promise<unknown>;
}

/** One BullMQ job per recipient; the job id is the dedupe key, so a retried step enqueues once. */
export async function enqueueNotifications(queue: NotificationQueue, jobs: readonly NotificationJob[]): Promise<void> {
  for (const job of jobs) {
    await queue.add('deliver', job, {
      jobId: job.dedupeKey.replaceAll(':', '.'), // BullMQ reserves ':' in ids
      attempts: 10,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: 1000,
      removeOnFail: false,
    });
  }
}
