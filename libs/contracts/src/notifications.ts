import { z } from 'zod';
import type { BodyType } from '@raksha/domain';

export const NOTIFICATION_QUEUE = 'raksha-notifications';

/** One message for one recipient body; the processor delivers it to that body's in-app inbox. */
export interface NotificationJob {
  dedupeKey: string;
  /** the body told at its place; PERSON for a message to one person (recipientUserId) */
  recipientBody: BodyType | 'PERSON';
  districtCode: string | null;
  stateCode: string | null;
  caseId: string | null;
  /** set for a message to one person (a citizen's verification code) rather than to their body */
  recipientUserId?: string | null;
  kind: string;
  subject: string;
  body: string;
}

export const notificationListQuery = z.strictObject({
  unread: z.stringbool().optional(),
  /** ISO time: only messages older than this (for paging back) */
  before: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type NotificationListQuery = z.infer<typeof notificationListQuery>;
