import { Webhook } from 'standardwebhooks';
import { INTERVENTION_NOTICE_STATUS, interventionOfNoticeKey } from '@raksha/case-machine';
import type { NotificationChannel, OutboundMessage } from './channel.js';
import { type InterventionFacts, webhookPayload } from './messages.js';

/** The signing secrets of a subscription: the current one and, for a day after rotation, the previous one. */
export type SubscriptionSecrets = (subscriptionId: string) => Promise<{ secret: string; previousSecret: string | null; secretRotatedAt: Date | null } | null>;

/** A helpline intervention's calls (helpline and the helpline's own call id), first call first. */
export type InterventionCalls = (interventionId: string) => Promise<{ helpline: string; callId: string }[]>;

/** How long a partner may still verify with the secret before the last rotation. */
export const PREVIOUS_SECRET_VALID_MS = 24 * 60 * 60 * 1000;

/**
 * Webhooks to partner systems, signed per the Standard Webhooks specification (webhook-id, webhook-timestamp,
 * webhook-signature: HMAC-SHA256 by the `standardwebhooks` library). The webhook-id is the delivery's id, the same on
 * every retry, so a partner can drop a repeat.
 */
export class WebhookChannel implements NotificationChannel {
  readonly name = 'WEBHOOK' as const;

  constructor(
    private readonly secrets: SubscriptionSecrets,
    private readonly publicUrl: string,
    private readonly timeoutMs: number,
    private readonly interventionCalls: InterventionCalls,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** An intervention's notice names the helpline's calls and the status it tells of, so the helpline's system ties it to its calls. */
  private async interventionOf(m: OutboundMessage): Promise<InterventionFacts | null> {
    const id = interventionOfNoticeKey(m.noticeKey);
    const status = INTERVENTION_NOTICE_STATUS[m.kind];
    return id && status ? { id, status, calls: await this.interventionCalls(id) } : null;
  }

  async send(m: OutboundMessage): Promise<{ providerRef: string | null }> {
    const sub = await this.secrets(m.recipientId);
    if (!sub) throw new Error('the webhook subscription was removed');
    const intervention = await this.interventionOf(m);
    const at = this.now();
    const payload = JSON.stringify(webhookPayload({ ...m, intervention }, this.publicUrl, at));
    const keys = [sub.secret, ...(sub.previousSecret && sub.secretRotatedAt && at.getTime() - sub.secretRotatedAt.getTime() < PREVIOUS_SECRET_VALID_MS ? [sub.previousSecret] : [])];
    // The specification allows several space-separated signatures: one per secret valid now.
    const signature = keys.map((k) => new Webhook(k).sign(m.deliveryId, at, payload)).join(' ');
    let res: Response;
    try {
      res = await fetch(m.address, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'webhook-id': m.deliveryId, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signature },
        body: payload,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      throw new Error((e as { name?: unknown } | null)?.name === 'TimeoutError' ? `the partner's endpoint did not answer within ${this.timeoutMs / 1000} s` : "the partner's endpoint could not be reached", { cause: e });
    }
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`the partner's endpoint answered ${res.status}`);
    return { providerRef: null };
  }

  async close(): Promise<void> {}
}
