import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { RakshaConfig } from '@raksha/config';
import { enqueueNotifications, type NotificationQueue } from '@raksha/contracts';
import { PeopleRepository, type AccountLinkPurpose } from '@raksha/db';
import { hashPassword } from '@raksha/db/password';
import { RAKSHA_CONFIG } from '../infrastructure/tokens.js';
import { userChain } from '../auth/auth.service.js';
import { accountLinkInvalid } from '../problem/domain-errors.js';
import { issueLinkToken, linkNotice, linkTokenHash } from './account-links.js';
import { ACCOUNT_NOTICES } from './people.tokens.js';

/** Where a request for a link came from, for the audit trail. */
export interface LinkRequestOrigin {
  ip?: string | undefined;
}

/**
 * The one-time links a person sets their password from: the invitation an administrator sent, or a reset they
 * asked for. A link works once and until it expires; it ends every session of the account it opens.
 */
@Injectable()
export class AccountLinksService {
  constructor(
    private readonly people: PeopleRepository,
    @Inject(ACCOUNT_NOTICES) private readonly notices: NotificationQueue,
    @Inject(RAKSHA_CONFIG) private readonly config: RakshaConfig,
  ) {}

  /** Sets the password from a link of this purpose; an unknown, expired, used or other-purpose link answers 410. */
  async setPassword(purpose: AccountLinkPurpose, token: string, password: string, from: LinkRequestOrigin = {}): Promise<void> {
    const now = new Date();
    const link = await this.people.findLink(linkTokenHash(token));
    if (!link || link.purpose !== purpose) throw accountLinkInvalid('this link is not known; use the latest link you were sent');
    if (link.usedAt) throw accountLinkInvalid('this link was already used; sign in, or ask for a new link');
    if (link.expiresAt <= now) throw accountLinkInvalid('this link has expired; ask for a new one');
    if (link.user.disabledAt) throw accountLinkInvalid('this account is deactivated');
    const passwordHash = await hashPassword(password);
    const audit = {
      chain: userChain(link.userId),
      action: purpose === 'INVITATION' ? 'person.invitation_accepted' : 'person.password_reset',
      actorId: link.userId,
      subjectType: 'user',
      subjectId: link.userId,
      detail: { linkId: link.id, ...(from.ip && { ip: from.ip }) },
      at: now,
    };
    if (!(await this.people.useLink(link.id, link.userId, passwordHash, now, audit))) throw accountLinkInvalid('this link was already used; sign in, or ask for a new link');
  }

  /**
   * Sends a reset link to the address if an active account has it. The answer is the same either way, so the
   * endpoint tells nobody which addresses have accounts.
   */
  async requestReset(email: string, from: LinkRequestOrigin = {}): Promise<void> {
    const person = await this.people.findByEmail(email);
    if (!person || person.disabledAt || person.invited) return;
    const now = new Date();
    const minutes = this.config.accounts.passwordResetTtlMinutes;
    const expiresAt = new Date(now.getTime() + minutes * 60_000);
    const link = issueLinkToken();
    const linkId = randomUUID();
    await this.people.addLink(
      { id: linkId, userId: person.id, purpose: 'PASSWORD_RESET', tokenHash: link.hash, expiresAt, createdBy: null },
      {
        chain: userChain(person.id),
        action: 'person.password_reset_requested',
        actorId: null,
        subjectType: 'user',
        subjectId: person.id,
        detail: { linkId, expiresAt: expiresAt.toISOString(), ...(from.ip && { ip: from.ip }) },
        at: now,
      },
    );
    const { link: linkText, accountLink } = linkNotice(this.config, 'PASSWORD_RESET', link.token);
    await enqueueNotifications(this.notices, [
      {
        dedupeKey: `password-reset-${linkId}`,
        recipientBody: 'PERSON',
        recipientUserId: person.id,
        districtCode: null,
        stateCode: null,
        caseId: null,
        kind: 'PASSWORD_RESET',
        subject: 'Reset your Raksha password',
        body:
          `Someone asked to reset the password of your Raksha account. Set a new one within ${minutes} minutes with ${linkText}, which works once.\n` +
          `If it was not you, ignore this message: your password stays as it is.`,
        ...(accountLink && { accountLink }),
      },
    ]);
  }
}
