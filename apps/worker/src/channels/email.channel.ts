import { createTransport, type Transporter } from 'nodemailer';
import type { NotificationChannel, OutboundMessage } from './channel.js';
import { languageOf } from './language.js';
import { noticeEmail } from './messages.js';

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
    const mail = noticeEmail(m, languageOf(m.language), this.publicUrl);
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
