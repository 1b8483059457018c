import type { DeliveryChannel } from '@raksha/contracts';
import type { NoticeSubject } from '@raksha/domain';

/** One delivery as a channel sends it: the Delivery row's fields that say what and to whom. */
export interface OutboundMessage {
  deliveryId: string;
  noticeKey: string;
  recipientId: string;
  address: string;
  language: string;
  kind: string;
  caseId: string | null;
  /** the case's readable number (RJ/JAIPUR/2026/123) */
  caseNumber: string | null;
  stateCode: string | null;
  districtCode: string | null;
  /** what the notice is about (a case, a body's missed duty, a home's registration…), which chooses its wording */
  subject?: NoticeSubject;
  /** the body or home a notice about no case concerns, by name */
  bodyName?: string | null;
  /** an account's one-time link (invitation, password reset), from the delivery's job; never stored */
  accountLink?: string;
}

/** A failure that no retry will mend (a rejected number, a template not registered): the delivery fails at once. */
export class PermanentDeliveryError extends Error {}

/**
 * A way of reaching people beyond the in-app inbox. `send` resolves once the message is handed over (accepted by the
 * SMTP server, the SMS gateway, the partner's endpoint) with the provider's reference, if any; it throws on failure.
 */
export interface NotificationChannel {
  readonly name: DeliveryChannel;
  send(message: OutboundMessage): Promise<{ providerRef: string | null }>;
  close(): Promise<void>;
}
