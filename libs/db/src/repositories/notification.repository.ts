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
  async inbox(f: { userId: string; body?: { type: string; districtCode?: string | null; stateCode?: string | null; thanaCode?: string | null }; unread?: boolean; before?: Date; limit: number }) {
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
    const rows = await this.db.notification.findMany({
      where: {
        OR: [{ recipientUserId: f.userId }, ...(toBody ? [toBody] : [])],
        ...(f.unread && { readAt: null }),
        ...(f.before && { createdAt: { lt: f.before } }),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: f.limit,
    });
    return this.withCaseNumbers(rows);
  }

  async findById(id: string) {
    const row = await this.db.notification.findUnique({ where: { id } });
    return row && (await this.withCaseNumbers([row]))[0]!;
  }

  /** People name a case by its number (RJ/JAIPUR/2026/123): each message carries its case's. */
  private async withCaseNumbers<T extends { caseId: string | null }>(rows: T[]): Promise<(T & { caseNumber: string | null })[]> {
    const ids = [...new Set(rows.flatMap((r) => (r.caseId ? [r.caseId] : [])))];
    const cases = ids.length === 0 ? [] : await this.db.case.findMany({ where: { id: { in: ids } }, select: { id: true, caseNumber: true } });
    const numbers = new Map(cases.map((c) => [c.id, c.caseNumber]));
    return rows.map((r) => ({ ...r, caseNumber: (r.caseId && numbers.get(r.caseId)) || null }));
  }

  markRead(id: string, at: Date) {
    return this.db.notification.updateMany({ where: { id, readAt: null }, data: { readAt: at } });
  }

  forCase(caseId: string) {
    return this.db.notification.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' } });
  }
}
