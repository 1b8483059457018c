import { PermanentDeliveryError, type NotificationChannel, type OutboundMessage } from './channel.js';
import { languageOf } from './language.js';
import { smsVariables } from './messages.js';
import { fillSms, SmsTemplateError, type DltRegistry } from './sms-templates.js';

export interface SmsGatewayConfig {
  url: string;
  /** the request body: JSON with {{placeholders}} (see DEFAULT_SMS_GATEWAY_REQUEST in libs/config) */
  request: string;
  auth: string | undefined;
  timeoutMs: number;
  entityId: string;
  header: string;
  /** where the gateway posts its delivery receipt */
  receiptUrl: string;
}

/**
 * SMS through an HTTP gateway (a national or commercial one): a registered DLT template, filled, posted in the
 * request shape the deployment configures. 2xx is accepted; 4xx a rejection no retry mends; 5xx or no answer
 * within the timeout is retried.
 */
export class SmsChannel implements NotificationChannel {
  readonly name = 'SMS' as const;

  constructor(
    private readonly gateway: SmsGatewayConfig,
    private readonly registry: DltRegistry,
    private readonly publicUrl: string,
  ) {}

  async send(m: OutboundMessage): Promise<{ providerRef: string | null }> {
    const language = languageOf(m.language);
    const { key, vars, url } = smsVariables(m, this.publicUrl, language);
    let sms;
    try {
      sms = fillSms(this.registry, key, language, vars, url);
    } catch (e) {
      if (e instanceof SmsTemplateError) throw new PermanentDeliveryError(e.message);
      throw e;
    }
    const values: Record<string, string> = {
      to: m.address,
      text: sms.text,
      templateId: sms.dltTemplateId,
      entityId: this.gateway.entityId,
      header: this.gateway.header,
      unicode: sms.unicode ? '1' : '0',
      ref: m.deliveryId,
      receiptUrl: this.gateway.receiptUrl,
    };
    // Filled as JSON string contents, so a quote or newline in a value cannot change the request's shape.
    const body = this.gateway.request.replace(/\{\{(\w+)\}\}/g, (_, name: string) => JSON.stringify(values[name] ?? '').slice(1, -1));
    let res: Response;
    try {
      res = await fetch(this.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.gateway.auth && { authorization: this.gateway.auth }) },
        body,
        signal: AbortSignal.timeout(this.gateway.timeoutMs),
      });
    } catch (e) {
      throw new Error((e as { name?: unknown } | null)?.name === 'TimeoutError' ? `the SMS gateway did not answer within ${this.gateway.timeoutMs / 1000} s` : 'the SMS gateway could not be reached', { cause: e });
    }
    const answer = await res.text();
    if (res.status >= 400 && res.status < 500) throw new PermanentDeliveryError(`the SMS gateway refused the message (${res.status}${answer ? `: ${answer.slice(0, 200)}` : ''})`);
    if (!res.ok) throw new Error(`the SMS gateway is failing (${res.status})`);
    return { providerRef: m.deliveryId };
  }

  async close(): Promise<void> {}
}
