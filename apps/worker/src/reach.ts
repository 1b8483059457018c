// Reaching people beyond the in-app inbox: a notice fans out into one Delivery per (channel, recipient), each sent
// by its own BullMQ job, retried with backoff and FAILED (visible to administrators, who may retry it) after the last.
import { randomUUID } from 'node:crypto';
import { Queue, UnrecoverableError, Worker as QueueWorker, type ConnectionOptions } from 'bullmq';
import type { RakshaConfig } from '@raksha/config';
import { DELIVERY_QUEUE, type DeliveryChannel, type DeliveryJob, type NotificationJob } from '@raksha/contracts';
import { DeliveryRepository, DigestRepository, type Db, type NewDelivery, type NoticeRecipient } from '@raksha/db';
import { ACCOUNT_NOTICE_KINDS } from '@raksha/domain';
import { PermanentDeliveryError, type NotificationChannel } from './channels/channel.js';
import { EmailChannel } from './channels/email.channel.js';
import { ESCALATION_KINDS } from './channels/messages.js';
import { SmsChannel } from './channels/sms.channel.js';
import { loadDltRegistry } from './channels/sms-templates.js';
import { WebhookChannel } from './channels/webhook.channel.js';
import { digestComposer, startDailyDigests } from './digest.js';
import { workerLog } from './observability.js';

/** The channels the configuration turns on, built once. */
export function configuredChannels(config: RakshaConfig, deliveries: DeliveryRepository, digests: DigestRepository): NotificationChannel[] {
  const n = config.notify;
  return n.channels.map((name): NotificationChannel => {
    switch (name) {
      case 'email':
        return new EmailChannel(config.contactCodes.smtpUrl!, config.contactCodes.from, config.publicUrl, digestComposer(digests, config.publicUrl, n.digest.timeZone));
      case 'sms':
        return new SmsChannel({ ...n.sms, url: n.sms.url! }, loadDltRegistry(), config.publicUrl);
      case 'webhook':
        return new WebhookChannel((id) => deliveries.subscription(id), config.publicUrl, n.sms.timeoutMs, (id) => deliveries.interventionCalls(id));
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
  /** Records and queues deliveries made elsewhere (a daily digest); those already recorded queue nothing new. */
  queue(rows: NewDelivery[], accountLink?: string): Promise<number>;
  /**
   * Queues again the deliveries a stopped worker left SENDING for longer than `stuckAfterMs` (FAILED after the last
   * attempt), and those QUEUED for longer with no job to send them.
   */
  sweep(): Promise<{ requeued: number; failed: number }>;
  close(): Promise<void>;
}

export function startReach(
  connection: ConnectionOptions,
  deliveries: DeliveryRepository,
  channels: NotificationChannel[],
  options: { attempts: number; backoffMs: number; concurrency?: number; now?: () => Date; stuckAfterMs?: number; sweepEveryMs?: number },
): Reach {
  const now = options.now ?? (() => new Date());
  const byName = new Map(channels.map((c) => [c.name, c]));
  const queue = new Queue<DeliveryJob>(DELIVERY_QUEUE, { connection });

  const worker = new QueueWorker<DeliveryJob>(
    DELIVERY_QUEUE,
    async (job) => {
      const d = await deliveries.claim(job.data.deliveryId, now());
      if (!d) return 'already sent or failed';
      const channel = byName.get(d.channel as DeliveryChannel);
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      try {
        if (!channel) throw new PermanentDeliveryError(`the ${d.channel.toLowerCase()} channel is not configured here`);
        // A notice queued with the step that registers its case (a helpline rescue) may come before the case row, and
        // so before its number: tried again shortly, as the message must say the number.
        if (d.caseId && !d.caseNumber) throw new Error('the case is not on record yet, so its number is not known');
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

  const jobOptions = (accountLink?: string) => ({
    attempts: options.attempts,
    backoff: { type: 'exponential', delay: options.backoffMs },
    // An account's one-time link rides in the job alone, so such a job is removed as soon as it is done either way.
    removeOnComplete: accountLink ? true : 1000,
    removeOnFail: accountLink ? true : 5000,
  });
  const enqueue = (ids: string[], accountLink?: string) =>
    queue.addBulk(ids.map((deliveryId) => ({ name: 'send', data: accountLink ? { deliveryId, accountLink } : { deliveryId }, opts: { jobId: deliveryId, ...jobOptions(accountLink) } })));

  const queueRows = async (rows: NewDelivery[], accountLink?: string) => {
    const queued = (await deliveries.queue(rows)).filter((d) => d.status === 'QUEUED');
    // Job id = delivery id: a repeated fan-out adds no second job while the first is kept.
    await enqueue(
      queued.map((d) => d.id),
      accountLink,
    );
    return queued.length;
  };

  const stuckAfterMs = options.stuckAfterMs ?? 600_000;
  const sweep = async () => {
    const at = now();
    const swept = await deliveries.requeueStuck(new Date(at.getTime() - stuckAfterMs), options.attempts, at);
    const requeued = swept.filter((d) => d.status === 'QUEUED');
    // A job id of its own: the job that claimed it may still be kept (completed) under the delivery's id.
    await queue.addBulk(requeued.map((d) => ({ name: 'send', data: { deliveryId: d.id }, opts: { jobId: `${d.id}.swept.${at.getTime()}`, ...jobOptions() } })));
    const lost = await requeueLost(new Date(at.getTime() - stuckAfterMs));
    return { requeued: requeued.length + lost, failed: swept.length - requeued.length };
  };
  // Deliveries QUEUED past the bound with no job waiting, delayed or running for them (the enqueue after their row was
  // written failed) get one. Its id is fixed by the delivery and its attempts, so two sweepers add it once; a job
  // added twice anyway would find the delivery taken (claim) and send nothing.
  const requeueLost = async (before: Date) => {
    const waiting = await deliveries.queuedSince(before, 500);
    if (waiting.length === 0) return 0;
    const jobs = await queue.getJobs(['active', 'waiting', 'delayed', 'prioritized', 'waiting-children']);
    const held = new Set(jobs.filter(Boolean).map((j) => j.data.deliveryId));
    const lost = waiting.filter((d) => !held.has(d.id));
    await queue.addBulk(lost.map((d) => ({ name: 'send', data: { deliveryId: d.id }, opts: { jobId: `${d.id}.requeued.${d.attempts}`, ...jobOptions() } })));
    return lost.length;
  };
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweeper = options.sweepEveryMs
    ? setInterval(() => {
        sweeping = sweeping.then(sweep).catch((e: unknown) => workerLog().error({ err: e }, 'reach: sweep of stuck deliveries failed'));
      }, options.sweepEveryMs)
    : undefined;

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
      return queueRows(rows, notice.accountLink);
    },
    queue: queueRows,
    sweep,
    async close() {
      if (sweeper) clearInterval(sweeper);
      await sweeping;
      await worker.close();
      await queue.close();
      await Promise.all(channels.map((c) => c.close()));
    },
  };
}

/**
 * Reach as the configuration asks for it, with its sweeper of stuck deliveries and, with the email channel, the daily
 * digest; undefined when only the in-app inbox is configured.
 */
export async function reachFromConfig(config: RakshaConfig, connection: ConnectionOptions, db: Db): Promise<Reach | undefined> {
  const n = config.notify;
  if (n.channels.length === 0) return undefined;
  const deliveries = new DeliveryRepository(db);
  const digests = new DigestRepository(db);
  const reach = startReach(connection, deliveries, configuredChannels(config, deliveries, digests), {
    attempts: n.attempts,
    backoffMs: n.backoffMs,
    stuckAfterMs: n.stuckAfterMs,
    // a stuck delivery waits at most half its bound again before it is found
    sweepEveryMs: Math.min(Math.ceil(n.stuckAfterMs / 2), 60_000),
  });
  if (!n.channels.includes('email')) return reach;
  const daily = await startDailyDigests(connection, digests, (rows) => reach.queue(rows), n.digest);
  return {
    ...reach,
    async close() {
      await daily.close();
      await reach.close();
    },
  };
}
