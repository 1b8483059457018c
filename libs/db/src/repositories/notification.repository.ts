import type { Notice } from '@raksha/domain';
import type { Db } from '../client.js';

/** A notice as the inbox keeps it: the queued message under its own id. */
export interface InboxMessage extends Notice {
  id: string;
}

export class NotificationRepository {
  constructor(private readonly db: Db) {}

  /** Delivers once per dedupe key, however often the job is retried. */
  async deliver(message: InboxMessage): Promise<boolean> {
    const { count } = await this.db.notification.createMany({ data: [message], skipDuplicates: true });
    return count === 1;
  }

  /** A person's inbox: messages to their body at its place, and to them alone; newest first. */
  inbox(f: { userId: string; body?: { type: string; districtCode?: string | null; stateCode?: string | null; thanaCode?: string | null }; unread?: boolean; before?: Date; limit: number }) {
    const toBody = f.body && {
      recipientBody: f.body.type,
      ...(f.body.districtCode ? { districtCode: f.body.districtCode } : f.body.stateCode ? { stateCode: f.body.stateCode } : {}),
      recipientUserId: null,
      AND: [
        // not the body's copy of a notice this person was sent by name
        { OR: [{ exceptUserId: null }, { exceptUserId: { not: f.userId } }] },
        // a notice for one police station's area is not another station's
        { OR: [{ thanaCode: null }, ...(f.body.thanaCode ? [{ thanaCode: f.body.thanaCode }] : [])] },
      ],
    };
    return this.db.notification.findMany({
      where: {
        OR: [{ recipientUserId: f.userId }, ...(toBody ? [toBody] : [])],
        ...(f.unread && { readAt: null }),
        ...(f.before && { createdAt: { lt: f.before } }),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: f.limit,
    });
  }

  findById(id: string) {
    return this.db.notification.findUnique({ where: { id } });
  }

  markRead(id: string, at: Date) {
    return this.db.notification.updateMany({ where: { id, readAt: null }, data: { readAt: at } });
  }

  forCase(caseId: string) {
    return this.db.notification.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' } });
  }
}
