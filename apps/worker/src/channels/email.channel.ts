import { createTransport, type Transporter } from 'nodemailer';
import { DAILY_DIGEST_KIND } from '@raksha/contracts';
import { ACCOUNT_NOTICE_KINDS } from '@raksha/domain';
import type { DigestComposer } from '../digest.js';
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
    /** writes a person's daily digest as it is sent; without it, no digest goes by this channel */
    private readonly digest?: DigestComposer,
  ) {
    this.transport = createTransport({ url: smtpUrl, pool: true, maxConnections: 4 });
  }

  async send(m: OutboundMessage): Promise<{ providerRef: string | null }> {
    const mail = m.kind === DAILY_DIGEST_KIND ? await this.digestMail(m) : ACCOUNT_NOTICE_KINDS.has(m.kind) ? accountMail(m) : noticeEmail(m, languageOf(m.language), this.publicUrl);
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

  private async digestMail(m: OutboundMessage) {
    const mail = await this.digest?.(m.recipientId, languageOf(m.language), new Date());
    // Between queuing and sending, everything was resolved (or the person turned the digest off): no empty email.
    if (!mail) throw new PermanentDeliveryError('nothing was left to report when the digest came to be sent, so no email went');
    return mail;
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
