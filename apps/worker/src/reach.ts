// Reaching people beyond the in-app inbox: a notice fans out into one Delivery per (channel, recipient), each sent
// by its own BullMQ job, retried with backoff and FAILED (visible to administrators, who may retry it) after the last.
import { randomUUID } from 'node:crypto';
import { Queue, UnrecoverableError, Worker as QueueWorker, type ConnectionOptions } from 'bullmq';
import type { RakshaConfig } from '@raksha/config';
import { DELIVERY_QUEUE, type DeliveryChannel, type DeliveryJob, type NotificationJob } from '@raksha/contracts';
import type { DeliveryRepository, NewDelivery, NoticeRecipient } from '@raksha/db';
import { ACCOUNT_NOTICE_KINDS } from '@raksha/domain';
import { PermanentDeliveryError, type NotificationChannel } from './channels/channel.js';
import { EmailChannel } from './channels/email.channel.js';
import { ESCALATION_KINDS } from './channels/messages.js';
import { SmsChannel } from './channels/sms.channel.js';
import { loadDltRegistry } from './channels/sms-templates.js';
import { WebhookChannel } from './channels/webhook.channel.js';

/** The channels the configuration turns on, built once. */
export function configuredChannels(config: RakshaConfig, deliveries: DeliveryRepository): NotificationChannel[] {
  const n = config.notify;
  return n.channels.map((name): NotificationChannel => {
    switch (name) {
      case 'email':
        return new EmailChannel(config.contactCodes.smtpUrl!, config.contactCodes.from, config.publicUrl);
      case 'sms':
        return new SmsChannel({ ...n.sms, url: n.sms.url! }, loadDltRegistry(), config.publicUrl);
      case 'webhook':
        return new WebhookChannel((id) => deliveries.subscription(id), config.publicUrl, n.sms.timeoutMs);
    }
  });
}

/**
 * The channels a person gets a kind of notice by: every verified one for an escalation, else those they chose; an
 * account's link goes by email to the account's own address (the person cannot sign in to choose anything yet).
 */
export function personalChannels(r: NoticeRecipient, kind: string, available: ReadonlySet<DeliveryChannel>): { channel: DeliveryChannel; address: string }[] {
  if (ACCOUNT_NOTICE_KINDS.has(kind)) return available.has('EMAIL') && r.accountEmail ? [{ channel: 'EMAIL', address: r.accountEmail }] : [];
  const chosen = ESCALATION_KINDS.has(kind) ? ['EMAIL', 'SMS'] : (r.choices[kind] ?? []);
  const out: { channel: DeliveryChannel; address: string }[] = [];
  if (chosen.includes('EMAIL') && available.has('EMAIL') && r.email) out.push({ channel: 'EMAIL', address: r.email });
  if (chosen.includes('SMS') && available.has('SMS') && r.phone) out.push({ channel: 'SMS', address: r.phone });
  return out;
}

export interface Reach {
  /** Records and queues the deliveries of a notice already in the inbox; a repeat queues nothing new. */
  fanOut(notice: NotificationJob): Promise<number>;
  close(): Promise<void>;
}

export function startReach(
  connection: ConnectionOptions,
  deliveries: DeliveryRepository,
  channels: NotificationChannel[],
  options: { attempts: number; backoffMs: number; concurrency?: number; now?: () => Date },
): Reach {
  const now = options.now ?? (() => new Date());
  const byName = new Map(channels.map((c) => [c.name, c]));
  const queue = new Queue<DeliveryJob>(DELIVERY_QUEUE, { connection });

  const worker = new QueueWorker<DeliveryJob>(
    DELIVERY_QUEUE,
    async (job) => {
      const d = await deliveries.claim(job.data.deliveryId);
      if (!d) return 'already sent or failed';
      const channel = byName.get(d.channel as DeliveryChannel);
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      try {
        if (!channel) throw new PermanentDeliveryError(`the ${d.channel.toLowerCase()} channel is not configured here`);
        const { providerRef } = await channel.send({ ...d, deliveryId: d.id, accountLink: job.data.accountLink });
        await deliveries.sent(d.id, now(), providerRef);
        return 'sent';
      } catch (e) {
        const permanent = e instanceof PermanentDeliveryError;
        const reason = e instanceof Error ? e.message : String(e);
        await deliveries.attemptFailed(d.id, reason, permanent || last, now());
        throw permanent ? new UnrecoverableError(reason) : e;
      }
    },
    { connection, concurrency: options.concurrency ?? 16 },
  );

  // An account's one-time link rides in the job alone, so such a job is removed as soon as it is done either way.
  const enqueue = (ids: string[], accountLink?: string) =>
    queue.addBulk(
      ids.map((deliveryId) => ({
        name: 'send',
        data: accountLink ? { deliveryId, accountLink } : { deliveryId },
        opts: {
          jobId: deliveryId,
          attempts: options.attempts,
          backoff: { type: 'exponential', delay: options.backoffMs },
          removeOnComplete: accountLink ? true : 1000,
          removeOnFail: accountLink ? true : 5000,
        },
      })),
    );

  return {
    async fanOut(notice) {
      const available = new Set(byName.keys());
      if (available.size === 0) return 0;
      const base = { noticeKey: notice.dedupeKey, caseId: notice.caseId, kind: notice.kind, stateCode: notice.stateCode, districtCode: notice.districtCode };
      const rows: NewDelivery[] = [];
      if (available.has('EMAIL') || available.has('SMS')) {
        for (const r of await deliveries.recipients(notice)) {
          for (const { channel, address } of personalChannels(r, notice.kind, available)) {
            rows.push({ id: randomUUID(), ...base, channel, recipientId: r.userId, address, language: r.language });
          }
        }
      }
      // a partner system has no business with a person's account
      if (available.has('WEBHOOK') && !ACCOUNT_NOTICE_KINDS.has(notice.kind)) {
        for (const s of await deliveries.subscriptionsFor(notice.kind, notice.stateCode, notice.districtCode)) {
          rows.push({ id: randomUUID(), ...base, channel: 'WEBHOOK', recipientId: s.id, address: s.url, language: 'en' });
        }
      }
      const queued = (await deliveries.queue(rows)).filter((d) => d.status === 'QUEUED');
      // Job id = delivery id: a repeated fan-out adds no second job while the first is kept.
      await enqueue(
        queued.map((d) => d.id),
        notice.accountLink,
      );
      return queued.length;
    },
    async close() {
      await worker.close();
      await queue.close();
      await Promise.all(channels.map((c) => c.close()));
    },
  };
}

/** Reach as the configuration asks for it; undefined when only the in-app inbox is configured. */
export function reachFromConfig(config: RakshaConfig, connection: ConnectionOptions, deliveries: DeliveryRepository): Reach | undefined {
  if (config.notify.channels.length === 0) return undefined;
  return startReach(connection, deliveries, configuredChannels(config, deliveries), { attempts: config.notify.attempts, backoffMs: config.notify.backoffMs });
}
