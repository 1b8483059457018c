import type { BodyType } from '@raksha/domain';

export const NOTIFICATION_QUEUE = 'raksha-notifications';

/** One message for one recipient body; the processor delivers it to that body's in-app inbox. */
export interface NotificationJob {
  dedupeKey: string;
  recipientBody: BodyType;
  districtCode: string | null;
  stateCode: string | null;
  caseId: string | null;
  kind: string;
  subject: string;
  body: string;
}
