import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import { enqueueNotifications, type NotificationJob } from '@raksha/contracts';
import type { ContactCodeSender } from './contact-verification.service.js';

/**
 * Delivers the code to the citizen's in-app inbox, on a machine with no mail server (`npm start`'s demo):
 * it proves only that the person holds the account. Deployments set CONTACT_CODE_DELIVERY=smtp.
 */
export class InboxCodeSender implements ContactCodeSender {
  constructor(private readonly notifications: Pick<Queue<NotificationJob>, 'add'>) {}

  accepts(): boolean {
    return true;
  }

  async send(to: { userId: string; channel: 'PHONE' | 'EMAIL'; address: string }, code: string): Promise<void> {
    const job: NotificationJob = {
      dedupeKey: `contact-code-${randomUUID()}`,
      recipientBody: 'PERSON',
      districtCode: null,
      stateCode: null,
      recipientUserId: to.userId,
      caseId: null,
      kind: 'CONTACT_CODE',
      subject: `Your Raksha verification code: ${code}`,
      body: `Enter ${code} to verify ${to.address}. It expires in 10 minutes. Nobody from Raksha will ask you for it.`,
    };
    await enqueueNotifications(this.notifications, [job]);
  }
}
