import { dayInIndia, noticeSubjectOf, watchSubjectOf, type Notice, type NoticeSubject } from '@raksha/domain';
import type { Db } from '../client.js';
import { seatOutOfTerm } from './people.repository.js';

/** A person a notice is addressed to, with how they can be reached beyond the in-app inbox. */
export interface NoticeRecipient {
  userId: string;
  language: string;
  /** kind → channels the person chose (EMAIL, SMS) */
  choices: Record<string, string[]>;
  /** their newest verified email and mobile, if any */
  email: string | null;
  phone: string | null;
  /** the address the account was created for (User.email), where invitations and password resets go */
  accountEmail: string | null;
}

export interface NewDelivery {
  id: string;
  noticeKey: string;
  channel: string;
  recipientId: string;
  address: string;
  language: string;
  caseId: string | null;
  kind: string;
  stateCode: string | null;
  districtCode: string | null;
}

export type DeliveryStatus = 'QUEUED' | 'SENDING' | 'SENT' | 'DELIVERED' | 'FAILED';

/** Deliveries of notices by email, SMS and webhook, the people and partners they go to, and their outcome. */
export class DeliveryRepository {
  constructor(private readonly db: Db) {}

  /**
   * Who a notice is addressed to: one person, or the active users of the recipient body at the notice's place (a
   * district body in its district, a state body in its state, a police station in its thana when the notice names
   * one), less the person the notice excepts (told by name in a
   * notice of their own). The one place addressing is decided.
   */
  async recipients(notice: Pick<Notice, 'recipientBody' | 'recipientUserId' | 'exceptUserId' | 'districtCode' | 'stateCode' | 'thanaCode'>): Promise<NoticeRecipient[]> {
    const users = await this.db.user.findMany({
      where: {
        disabledAt: null,
        ...(notice.recipientBody === 'PERSON'
          ? { id: notice.recipientUserId ?? '00000000-0000-0000-0000-000000000000' }
          : {
              // the person told by name in a notice of their own (the case's assignee) gets no second copy
              ...(notice.exceptUserId && { id: { not: notice.exceptUserId } }),
              // a CWC / JJB member outside the term of their seat does not act for the body, so is not told as it
              NOT: { seats: { some: seatOutOfTerm(dayInIndia()) } },
              body: {
                type: notice.recipientBody,
                ...(notice.thanaCode && { thanaCode: notice.thanaCode }),
                OR: [
                  ...(notice.districtCode ? [{ districtCode: notice.districtCode }] : []),
                  ...(notice.stateCode ? [{ districtCode: null, stateCode: notice.stateCode }] : []),
                ],
              },
            }),
      },
      select: { id: true, email: true },
      orderBy: { username: 'asc' },
    });
    if (users.length === 0) return [];
    const ids = users.map((u) => u.id);
    const [settings, contacts] = await Promise.all([
      this.db.notificationSettings.findMany({ where: { userId: { in: ids } } }),
      this.db.contactVerification.findMany({ where: { userId: { in: ids }, verifiedAt: { not: null } }, orderBy: { verifiedAt: 'desc' } }),
    ]);
    return users.map(({ id: userId, email: accountEmail }) => {
      const s = settings.find((x) => x.userId === userId);
      const newest = (channel: string) => contacts.find((c) => c.userId === userId && c.channel === channel)?.address ?? null;
      return { userId, language: s?.language ?? 'en', choices: (s?.choices ?? {}) as Record<string, string[]>, email: newest('EMAIL'), phone: newest('PHONE'), accountEmail };
    });
  }

  /** The partners subscribed to a kind of notice in its jurisdiction (state-wide, or the notice's district). */
  subscriptionsFor(kind: string, stateCode: string | null, districtCode: string | null) {
    if (!stateCode) return Promise.resolve([]);
    return this.db.webhookSubscription.findMany({
      where: { disabledAt: null, eventKinds: { has: kind }, stateCode, OR: [{ districtCode: null }, ...(districtCode ? [{ districtCode }] : [])] },
    });
  }

  /** Records deliveries once per (notice, channel, recipient); returns every delivery of the notice's keys, new or old. */
  async queue(rows: NewDelivery[]) {
    if (rows.length === 0) return [];
    await this.db.delivery.createMany({ data: rows, skipDuplicates: true });
    return this.db.delivery.findMany({ where: { noticeKey: { in: [...new Set(rows.map((r) => r.noticeKey))] } } });
  }

  /** Takes a queued delivery for sending; null when it is already sent, being sent or failed (so nothing goes twice). */
  async claim(id: string, at: Date = new Date()) {
    const { count } = await this.db.delivery.updateMany({ where: { id, status: 'QUEUED' }, data: { status: 'SENDING', sendingSince: at, attempts: { increment: 1 } } });
    const d = count === 1 ? await this.db.delivery.findUnique({ where: { id } }) : null;
    if (!d) return null;
    // the case's readable number is what every message says (a case merged or moved keeps it)
    const c = d.caseId ? await this.db.case.findUnique({ where: { id: d.caseId }, select: { caseNumber: true } }) : null;
    return { ...d, caseNumber: c?.caseNumber ?? null, ...(await this.subjectOf(d.noticeKey, d.caseId)) };
  }

  /**
   * What a notice is about, as its message names it: the subject its key tells (an escalation's reminder: the
   * escalation's own), and the body or home it concerns by name — never the key, an id or a code.
   */
  async subjectOf(noticeKey: string, caseId: string | null): Promise<{ subject: NoticeSubject; bodyName: string | null }> {
    let subject = noticeSubjectOf(noticeKey, caseId);
    if (subject.type === 'ESCALATION') {
      const e = await this.db.escalation.findUnique({ where: { id: subject.escalationId }, select: { caseId: true, watchId: true } });
      subject = e?.caseId || caseId ? { type: 'CASE' } : e?.watchId ? watchSubjectOf(e.watchId) : { type: 'OTHER' };
    }
    const bodyId = subject.type === 'BODY_DUTY' || subject.type === 'INSTITUTION_REGISTRATION' ? subject.bodyId : null;
    const body = bodyId ? await this.db.body.findUnique({ where: { id: bodyId }, select: { name: true } }) : null;
    return { subject, bodyName: body?.name ?? null };
  }

  /** The helpline calls of an intervention, first call first: what its webhooks tell the helpline's system. */
  interventionCalls(interventionId: string) {
    return this.db.helplineCall.findMany({ where: { interventionId }, orderBy: [{ calledAt: 'asc' }, { receivedAt: 'asc' }], select: { helpline: true, callId: true } });
  }

  sent(id: string, at: Date, providerRef: string | null) {
    return this.db.delivery.update({ where: { id }, data: { status: 'SENT', sentAt: at, providerRef, lastError: null } });
  }

  /** An attempt failed: queued again for the next try, or FAILED after the last. */
  attemptFailed(id: string, reason: string, final: boolean, at: Date) {
    return this.db.delivery.update({ where: { id }, data: final ? { status: 'FAILED', lastError: reason, failedAt: at } : { status: 'QUEUED', lastError: reason } });
  }

  /**
   * Deliveries left SENDING since before `before` (their worker stopped mid-send: a crash, a kill) are queued again,
   * or FAILED when that was their last attempt; one statement, so two sweepers never take the same delivery. Whether
   * the stopped worker had handed the message over is unknown: the channel's idempotency decides whether a repeat
   * reaches the person twice (docs/notifications.md).
   */
  requeueStuck(before: Date, maxAttempts: number, at: Date) {
    return this.db.$queryRaw<{ id: string; status: 'QUEUED' | 'FAILED' }[]>`
      UPDATE "Delivery" SET
        status = CASE WHEN attempts >= ${maxAttempts} THEN 'FAILED' ELSE 'QUEUED' END,
        "lastError" = CASE WHEN attempts >= ${maxAttempts}
          THEN 'the sender stopped while sending it, at the last attempt; it may or may not have arrived'
          ELSE 'the sender stopped while sending it; sent again' END,
        "failedAt" = CASE WHEN attempts >= ${maxAttempts} THEN ${at}::timestamptz ELSE NULL END,
        "sendingSince" = NULL
      WHERE status = 'SENDING' AND coalesce("sendingSince", "queuedAt") < ${before}::timestamptz
      RETURNING id, status`;
  }

  /**
   * Deliveries QUEUED since before `before` (the oldest first): waiting on a job, or left without one when the enqueue
   * after the row was written failed (Redis refused it, the process stopped between the two). The sweeper tells
   * which from the queue.
   */
  queuedSince(before: Date, limit: number) {
    return this.db.delivery.findMany({ where: { status: 'QUEUED', queuedAt: { lt: before } }, select: { id: true, attempts: true }, orderBy: { queuedAt: 'asc' }, take: limit });
  }

  /** A gateway's delivery receipt for a message it accepted; false when no sent message has that reference. */
  async receipt(providerRef: string, delivered: boolean, reason: string | null, at: Date): Promise<boolean> {
    const { count } = await this.db.delivery.updateMany({
      where: { providerRef, status: { in: ['SENT', 'DELIVERED'] } },
      data: delivered ? { status: 'DELIVERED', deliveredAt: at } : { status: 'FAILED', failedAt: at, lastError: reason ?? 'the gateway could not deliver it' },
    });
    return count > 0;
  }

  findById(id: string) {
    return this.db.delivery.findUnique({ where: { id } });
  }

  forCase(caseId: string) {
    return this.db.delivery.findMany({ where: { caseId }, orderBy: [{ queuedAt: 'asc' }, { id: 'asc' }] });
  }

  list(f: { status?: DeliveryStatus; stateCode?: string; limit: number }) {
    return this.db.delivery.findMany({
      where: { ...(f.status && { status: f.status }), ...(f.stateCode && { stateCode: f.stateCode }) },
      orderBy: [{ queuedAt: 'desc' }, { id: 'desc' }],
      take: f.limit,
    });
  }

  /** An administrator's retry of a failed delivery: queued again with a fresh count of attempts. */
  async requeue(id: string) {
    const { count } = await this.db.delivery.updateMany({ where: { id, status: 'FAILED' }, data: { status: 'QUEUED', attempts: 0, failedAt: null } });
    return count === 1;
  }

  /** Names the recipients of deliveries (people by display name, partners by subscription name). */
  async recipientNames(ids: string[]): Promise<Map<string, string>> {
    const [users, subs] = await Promise.all([
      this.db.user.findMany({ where: { id: { in: ids.filter(isUuid) } }, select: { id: true, displayName: true } }),
      this.db.webhookSubscription.findMany({ where: { id: { in: ids.filter(isUuid) } }, select: { id: true, name: true } }),
    ]);
    return new Map([...users.map((u) => [u.id, u.displayName] as const), ...subs.map((s) => [s.id, s.name] as const)]);
  }

  /**
   * Open escalations raised within a window and never acknowledged, that have had no reminder yet (the reminder is
   * the notice keyed `escalation-<id>-reminder`).
   */
  async unremindedEscalations(raisedAfter: Date, raisedBefore: Date) {
    const open = await this.db.escalation.findMany({
      where: { status: 'OPEN', acknowledgedAt: null, raisedAt: { gt: raisedAfter, lte: raisedBefore } },
      orderBy: { raisedAt: 'asc' },
      take: 1000,
    });
    if (open.length === 0) return [];
    const reminded = await this.db.notification.findMany({ where: { dedupeKey: { in: open.map((e) => `escalation-${e.id}-reminder`) } }, select: { dedupeKey: true } });
    const done = new Set(reminded.map((n) => n.dedupeKey));
    return open.filter((e) => !done.has(`escalation-${e.id}-reminder`));
  }

  /** The reminder intervals states set in their deadline policy (libs/domain reminders.ts): state → id → `within`. */
  async reminderOverrides(): Promise<Map<string, Record<string, string>>> {
    const rows = await this.db.deadlinePolicyOverride.findMany({ where: { deadlineId: { startsWith: 'reminder.' }, within: { not: null } } });
    const out = new Map<string, Record<string, string>>();
    for (const r of rows) out.set(r.stateCode, { ...out.get(r.stateCode), [r.deadlineId]: r.within! });
    return out;
  }

  /**
   * Open, unacknowledged escalations raised in the window, each with the heads of the body it was raised to (people
   * with headsBody at that body's place) not yet reminded of it; escalations whose body has no head are left out.
   */
  async escalationsAwaitingHead(raisedAfter: Date, raisedBefore: Date, isDue: (e: { deadlineId: string; stateCode: string | null; raisedAt: Date }) => boolean) {
    const open = await this.db.escalation.findMany({
      where: { status: 'OPEN', acknowledgedAt: null, raisedAt: { gt: raisedAfter, lte: raisedBefore } },
      orderBy: { raisedAt: 'asc' },
      take: 1000,
    });
    const out = [];
    for (const e of open.filter(isDue)) {
      const heads = await this.db.user.findMany({
        where: {
          headsBody: true,
          disabledAt: null,
          body: { type: e.toBody, OR: [...(e.districtCode ? [{ districtCode: e.districtCode }] : []), ...(e.stateCode ? [{ districtCode: null, stateCode: e.stateCode }] : [])] },
        },
        select: { id: true },
      });
      if (heads.length === 0) continue;
      const keys = heads.map((h) => `escalation-${e.id}-head-${h.id}`);
      const done = new Set((await this.db.notification.findMany({ where: { dedupeKey: { in: keys } }, select: { dedupeKey: true } })).map((n) => n.dedupeKey));
      const waiting = heads.filter((h) => !done.has(`escalation-${e.id}-head-${h.id}`)).map((h) => h.id);
      if (waiting.length > 0) out.push({ ...e, headIds: waiting });
    }
    return out;
  }

  // Notification settings

  settings(userId: string) {
    return this.db.notificationSettings.findUnique({ where: { userId } });
  }

  saveSettings(userId: string, s: { language: string; choices: Record<string, string[]>; digest: boolean }) {
    return this.db.notificationSettings.upsert({ where: { userId }, create: { userId, ...s }, update: s });
  }

  // Webhook subscriptions

  createSubscription(s: { id: string; name: string; url: string; eventKinds: string[]; stateCode: string; districtCode: string | null; secret: string }) {
    return this.db.webhookSubscription.create({ data: s });
  }

  subscriptions(stateCode?: string) {
    return this.db.webhookSubscription.findMany({ where: { disabledAt: null, ...(stateCode && { stateCode }) }, orderBy: { createdAt: 'asc' } });
  }

  subscription(id: string) {
    return this.db.webhookSubscription.findFirst({ where: { id, disabledAt: null } });
  }

  rotateSecret(id: string, secret: string, previous: string, at: Date) {
    return this.db.webhookSubscription.update({ where: { id }, data: { secret, previousSecret: previous, secretRotatedAt: at } });
  }

  disableSubscription(id: string, at: Date) {
    return this.db.webhookSubscription.updateMany({ where: { id, disabledAt: null }, data: { disabledAt: at } });
  }
}

function isUuid(v: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
}
