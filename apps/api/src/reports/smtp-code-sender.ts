import { createTransport, type Transporter } from 'nodemailer';
import type { ContactCodeSender } from './contact-verification.service.js';
import { contactChannelUnavailable } from '../problem/domain-errors.js';

/** Sends a citizen's verification code by email through the deployment's SMTP server. */
export class SmtpCodeSender implements ContactCodeSender {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = createTransport(smtpUrl);
  }

  /** No SMS gateway is configured with SMTP delivery: a phone cannot be verified, an email can. */
  accepts(channel: 'PHONE' | 'EMAIL'): boolean {
    return channel === 'EMAIL';
  }

  async send(to: { userId: string; channel: 'PHONE' | 'EMAIL'; address: string }, code: string): Promise<void> {
    if (!this.accepts(to.channel)) throw contactChannelUnavailable(to.channel);
    await this.transport.sendMail({
      from: this.from,
      to: to.address,
      subject: `Your Raksha verification code: ${code}`,
      text: `Enter ${code} to verify this email address for reporting a missing or found child on Raksha. It expires in 10 minutes. Nobody from Raksha will ask you for it.`,
    });
  }

  close(): void {
    this.transport.close();
  }
}
