import { Injectable } from '@nestjs/common';
import type { NotificationListQuery, NotificationView } from '@raksha/contracts';
import { NotificationRepository } from '@raksha/db';
import type { Principal } from '../auth/principal.js';
import { notFound } from '../problem/domain-errors.js';


type Row = Awaited<ReturnType<NotificationRepository['inbox']>>[number];
const view = (n: Row): NotificationView => ({
  id: n.id,
  kind: n.kind,
  subject: n.subject,
  body: n.body,
  caseId: n.caseId,
  caseNumber: n.caseNumber,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

/** The in-app inbox: what the workflows and the matching engine tell a body (escalations, alerts), and a person. */
@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationRepository) {}

  async inbox(principal: Principal, q: NotificationListQuery): Promise<NotificationView[]> {
    const rows = await this.notifications.inbox({
      userId: principal.userId,
      ...(principal.body && { body: { type: principal.body.type, districtCode: principal.body.districtCode, stateCode: principal.body.stateCode, thanaCode: principal.body.thanaCode } }),
      ...(q.unread !== undefined && { unread: q.unread }),
      ...(q.before && { before: new Date(q.before) }),
      limit: q.limit,
    });
    return rows.map(view);
  }

  async markRead(principal: Principal, id: string): Promise<NotificationView> {
    await this.own(principal, id);
    await this.notifications.markRead(id, new Date());
    return this.own(principal, id);
  }

  /** A message the principal may read, or 404 (including one addressed to another body or person). */
  private async own(principal: Principal, id: string): Promise<NotificationView> {
    const row = await this.notifications.findById(id);
    const body = principal.body;
    const toMe = row && row.recipientUserId === principal.userId;
    const toMyBody =
      row &&
      body &&
      row.recipientUserId === null &&
      row.recipientBody === body.type &&
      (row.thanaCode === null || row.thanaCode === body.thanaCode) &&
      (body.districtCode ? row.districtCode === body.districtCode : body.stateCode ? row.stateCode === body.stateCode : true);
    if (!row || !(toMe || toMyBody)) throw notFound('notification', id);
    return view(row);
  }
}
