import { createTransport, type Transporter } from 'nodemailer';
import { ACCOUNT_NOTICE_KINDS } from '@raksha/domain';
import { PermanentDeliveryError, type NotificationChannel, type OutboundMessage } from './channel.js';
import { languageOf } from './language.js';
import { accountEmail, noticeEmail } from './messages.js';

/** Email over SMTP (nodemailer): HTML with a plain-text part, in the reader's language. */
export class EmailChannel implements NotificationChannel {
  readonly name = 'EMAIL' as const;
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    private readonly publicUrl: string,
  ) {
    this.transport = createTransport({ url: smtpUrl, pool: true, maxConnections: 4 });
  }

  async send(m: OutboundMessage): Promise<{ providerRef: string | null }> {
    const mail = ACCOUNT_NOTICE_KINDS.has(m.kind) ? accountMail(m) : noticeEmail(m, languageOf(m.language), this.publicUrl);
    const info = await this.transport.sendMail({
      from: this.from,
      to: m.address,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      // one Message-ID per delivery, so a mail client threads a re-sent notice with the first
      messageId: `<${m.deliveryId}@raksha>`,
      headers: { 'Content-Language': m.language },
    });
    return { providerRef: (info as { messageId?: string }).messageId ?? null };
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

function accountMail(m: OutboundMessage) {
  // The link is held nowhere else: a delivery retried by hand after its job is gone cannot be sent; a new invitation or reset can.
  if (!m.accountLink) throw new PermanentDeliveryError('the one-time link is no longer held; send a new invitation or password reset');
  return accountEmail(m.kind as 'ACCOUNT_INVITATION' | 'PASSWORD_RESET', languageOf(m.language), m.accountLink);
}
