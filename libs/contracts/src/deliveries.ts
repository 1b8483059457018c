// Notices sent beyond the in-app inbox (email, SMS, webhook): the BullMQ job that sends one, and what the API shows of it.
import { z } from 'zod';
import { districtCode, isoTime, stateCode } from './shared.js';

export const DELIVERY_QUEUE = 'raksha-deliveries';

/** One send of one notice by one channel to one recipient: the Delivery row's id, which is also the job's id. */
export interface DeliveryJob {
  deliveryId: string;
  /** an account's one-time link (Notice.accountLink): held in the job only until the email is sent */
  accountLink?: string;
}

/** The kind of a person's daily digest email (a Delivery of no one notice: its key is `digest-<day>-<person>`). */
export const DAILY_DIGEST_KIND = 'DAILY_DIGEST';

export const DELIVERY_CHANNELS = ['EMAIL', 'SMS', 'WEBHOOK'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
export const DELIVERY_STATUSES = ['QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED'] as const;

/** Who was reached, how and when; the address is masked (a person's number is not for every reader). */
export const deliveryView = z.object({
  id: z.string(),
  channel: z.enum(DELIVERY_CHANNELS),
  recipient: z.string(),
  address: z.string(),
  kind: z.string(),
  caseId: z.string().nullable(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  reason: z.string().nullable(),
  queuedAt: isoTime,
  sentAt: isoTime.nullable(),
  deliveredAt: isoTime.nullable(),
  failedAt: isoTime.nullable(),
});
export type DeliveryView = z.infer<typeof deliveryView>;

export const deliveryListQuery = z.strictObject({
  status: z.enum(DELIVERY_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** An SMS gateway's delivery receipt: the reference Raksha sent with the message, and its outcome. */
export const smsReceipt = z.object({
  ref: z.string().min(1).max(100),
  status: z.enum(['DELIVERED', 'FAILED']),
  reason: z.string().max(300).optional(),
});

export const notificationSettingsView = z.object({
  language: z.enum(['en', 'hi']),
  /** notice kind → channels beyond the in-app inbox; escalations go by every verified channel whatever is set */
  choices: z.record(z.string().regex(/^[A-Z_]+$/, 'a notice kind such as CASE_REGISTERED'), z.array(z.enum(['EMAIL', 'SMS'])).max(2)),
  digest: z.boolean(),
  /** verified addresses (masked), from POST /me/contact-verifications */
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export const notificationSettingsInput = notificationSettingsView.omit({ email: true, phone: true }).strict();

export const webhookSubscriptionInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  url: z.url({ protocol: /^https?$/ }).max(500),
  eventKinds: z.array(z.string().regex(/^[A-Z_]+$/, 'a notice kind such as DEADLINE_ESCALATED')).min(1).max(30),
  stateCode,
  districtCode: districtCode.optional(),
});

export const webhookSubscriptionView = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  eventKinds: z.array(z.string()),
  stateCode: z.string(),
  districtCode: z.string().nullable(),
  createdAt: isoTime,
  secretRotatedAt: isoTime.nullable(),
});
/** The signing secret is shown once: when the subscription is made and when it is rotated. */
export const webhookSecretView = webhookSubscriptionView.extend({ secret: z.string() });
