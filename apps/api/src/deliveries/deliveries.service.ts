import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { RakshaConfig } from '@raksha/config';
import { type DeliveryJob, type DeliveryView, deliveryListQuery, notificationSettingsInput, smsReceipt, webhookSubscriptionInput } from '@raksha/contracts';
import { ContactVerificationRepository, DeliveryRepository } from '@raksha/db';
import type { z } from 'zod';
import type { Principal } from '../auth/principal.js';
import { CasesService } from '../cases/cases.service.js';
import { RAKSHA_CONFIG } from '../infrastructure/tokens.js';
import { forbidden, notFound, problem, unauthenticated } from '../problem/domain-errors.js';
import { DELIVERY_JOBS } from './deliveries.tokens.js';

type DeliveryRow = NonNullable<Awaited<ReturnType<DeliveryRepository['findById']>>>;
type SubscriptionRow = NonNullable<Awaited<ReturnType<DeliveryRepository['subscription']>>>;

/** Shows enough of an address to tell it apart, not enough to copy it: a mobile's last 4 digits, an email's domain. */
export function maskAddress(channel: string, address: string): string {
  if (channel === 'SMS' || channel === 'PHONE') return `••••••${address.slice(-4)}`;
  if (channel === 'EMAIL' || address.includes('@')) return `${address[0]}•••@${address.split('@')[1] ?? ''}`;
  return new URL(address).host;
}

/** Who was reached, how and when; failed deliveries and their retry; the SMS gateway's receipts; people's settings; partners' webhooks. */
@Injectable()
export class DeliveriesService {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly contacts: ContactVerificationRepository,
    private readonly cases: CasesService,
    @Inject(DELIVERY_JOBS) private readonly jobs: Queue<DeliveryJob>,
    @Inject(RAKSHA_CONFIG) private readonly config: RakshaConfig,
  ) {}

  async forCase(principal: Principal, caseId: string): Promise<DeliveryView[]> {
    await this.cases.readable(principal, caseId);
    const rows = await this.deliveries.forCase(caseId);
    return this.views(rows);
  }

  /** An administrator's list (SCPS: their state's): failed deliveries and dead-lettered webhooks first of all. */
  async list(principal: Principal, query: z.infer<typeof deliveryListQuery>): Promise<DeliveryView[]> {
    const rows = await this.deliveries.list({ ...query, stateCode: this.adminState(principal) });
    return this.views(rows);
  }

  async retry(principal: Principal, id: string): Promise<DeliveryView> {
    const found = await this.deliveries.findById(id);
    if (!found || found.stateCode !== this.adminState(principal)) throw notFound('delivery', id);
    if (!(await this.deliveries.requeue(id))) throw problem('delivery-not-failed', `the delivery is ${found.status.toLowerCase()}, not failed; only a failed delivery is retried`, { deliveryStatus: found.status });
    // A job id of its own: the failed job may still be kept under the delivery's id.
    await this.jobs.add(
      'send',
      { deliveryId: id },
      { jobId: `${id}.retry.${Date.now()}`, attempts: this.config.notify.attempts, backoff: { type: 'exponential', delay: this.config.notify.backoffMs }, removeOnComplete: 1000, removeOnFail: 5000 },
    );
    return (await this.views([(await this.deliveries.findById(id))!]))[0]!;
  }

  /** The SMS gateway's delivery receipt, authenticated by the bearer token the deployment gave the gateway. */
  async receipt(authorization: string | undefined, body: z.infer<typeof smsReceipt>): Promise<void> {
    const expected = this.config.notify.sms.receiptToken;
    const given = Buffer.from(authorization?.replace(/^Bearer /i, '') ?? '');
    if (!expected || given.length !== Buffer.byteLength(expected) || !timingSafeEqual(given, Buffer.from(expected))) {
      throw unauthenticated('a delivery receipt needs the gateway’s bearer token (SMS_RECEIPT_TOKEN)');
    }
    if (!(await this.deliveries.receipt(body.ref, body.status === 'DELIVERED', body.reason ?? null, new Date()))) throw notFound('delivery', body.ref);
  }

  async settings(principal: Principal) {
    const [s, verified] = await Promise.all([this.deliveries.settings(principal.userId), this.contacts.verified(principal.userId)]);
    const newest = (channel: string) => verified.find((v) => v.channel === channel);
    const email = newest('EMAIL');
    const phone = newest('PHONE');
    return {
      language: (s?.language ?? 'en') as 'en' | 'hi',
      choices: (s?.choices ?? {}) as Record<string, ('EMAIL' | 'SMS')[]>,
      digest: s?.digest ?? true,
      email: email ? maskAddress('EMAIL', email.address) : null,
      phone: phone ? maskAddress('PHONE', phone.address) : null,
    };
  }

  async saveSettings(principal: Principal, input: z.infer<typeof notificationSettingsInput>) {
    await this.deliveries.saveSettings(principal.userId, input);
    return this.settings(principal);
  }

  async subscriptions(principal: Principal) {
    return (await this.deliveries.subscriptions(this.adminState(principal))).map(subscriptionView);
  }

  async subscribe(principal: Principal, input: z.infer<typeof webhookSubscriptionInput>) {
    const state = this.adminState(principal);
    if (input.stateCode !== state) throw forbidden(`you manage webhooks for ${state} only`);
    if (input.districtCode && !input.districtCode.startsWith(`${state}-`)) throw problem('invalid-input', `districtCode: ${input.districtCode} is not in ${state}`, { errors: [{ field: 'districtCode', message: `not in ${state}` }] });
    const secret = newSecret();
    const row = await this.deliveries.createSubscription({ id: randomUUID(), ...input, districtCode: input.districtCode ?? null, secret });
    return { ...subscriptionView(row), secret };
  }

  /** A new signing secret; the old one still verifies for a day, so the partner can switch without losing a delivery. */
  async rotateSecret(principal: Principal, id: string) {
    const sub = await this.ownSubscription(principal, id);
    const secret = newSecret();
    const row = await this.deliveries.rotateSecret(id, secret, sub.secret, new Date());
    return { ...subscriptionView(row), secret };
  }

  async unsubscribe(principal: Principal, id: string): Promise<void> {
    await this.ownSubscription(principal, id);
    await this.deliveries.disableSubscription(id, new Date());
  }

  private async ownSubscription(principal: Principal, id: string): Promise<SubscriptionRow> {
    const sub = await this.deliveries.subscription(id);
    if (!sub || sub.stateCode !== this.adminState(principal)) throw notFound('webhook-subscription', id);
    return sub;
  }

  /** Delivery administration is a state's: the SCPS of the principal's state. */
  private adminState(principal: Principal): string {
    const state = principal.body?.stateCode;
    if (!state) throw forbidden('delivery administration is for a state body (SCPS)');
    return state;
  }

  private async views(rows: DeliveryRow[]): Promise<DeliveryView[]> {
    const names = await this.deliveries.recipientNames([...new Set(rows.map((r) => r.recipientId))]);
    return rows.map((r) => ({
      id: r.id,
      channel: r.channel as DeliveryView['channel'],
      recipient: names.get(r.recipientId) ?? 'a removed recipient',
      address: maskAddress(r.channel, r.address),
      kind: r.kind,
      caseId: r.caseId,
      status: r.status as DeliveryView['status'],
      attempts: r.attempts,
      reason: r.lastError,
      queuedAt: r.queuedAt.toISOString(),
      sentAt: r.sentAt?.toISOString() ?? null,
      deliveredAt: r.deliveredAt?.toISOString() ?? null,
      failedAt: r.failedAt?.toISOString() ?? null,
    }));
  }
}

function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

function subscriptionView(s: SubscriptionRow) {
  return {
    id: s.id,
    name: s.name,
    url: s.url,
    eventKinds: s.eventKinds,
    stateCode: s.stateCode,
    districtCode: s.districtCode,
    createdAt: s.createdAt.toISOString(),
    secretRotatedAt: s.secretRotatedAt?.toISOString() ?? null,
  };
}
