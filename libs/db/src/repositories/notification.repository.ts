import type { Db } from '../client.js';

export interface InboxMessage {
  id: string;
  dedupeKey: string;
  recipientBody: string;
  districtCode: string | null;
  stateCode: string | null;
  caseId: string | null;
  kind: string;
  subject: string;
  body: string;
}

export class NotificationRepository {
  constructor(private readonly db: Db) {}

  /** Delivers once per dedupe key, however often the job is retried. */
  async deliver(message: InboxMessage): Promise<boolean> {
    const { count } = await this.db.notification.createMany({ data: [message], skipDuplicates: true });
    return count === 1;
  }

  forCase(caseId: string) {
    return this.db.notification.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' } });
  }
}
