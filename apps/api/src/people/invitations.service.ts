import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { RakshaConfig } from '@raksha/config';
import { enqueueNotifications, type InvitationView, type InviteBody, type NotificationQueue } from '@raksha/contracts';
import { BodyRosterRepository, PeopleRepository } from '@raksha/db';
import { RAKSHA_CONFIG } from '../infrastructure/tokens.js';
import type { Principal } from '../auth/principal.js';
import { emailTaken } from '../problem/domain-errors.js';
import { issueLinkToken, linkNotice, setPasswordUrl } from './account-links.js';
import { administeredBody, mayGive, personAudit, personView } from './administered.js';
import { ACCOUNT_NOTICES } from './people.tokens.js';
import { isSystemActor } from './system-actor.js';

/**
 * What only a caller inside the system gives an invitation, never the API: the demo seed's stable ids and
 * usernames (its users sign in as cwc.jaipur, not by email).
 */
export interface InvitedAs {
  id: string;
  username: string;
}

/** An invitation and its one-time link, for the callers that hand the link over themselves (the first administrator's command, the demo seed). */
export interface IssuedInvitation {
  invitation: InvitationView;
  token: string;
  url: string;
}

/** Administrators invite people to the bodies of their jurisdiction, in the roles their own role may give (libs/domain's ADMINISTRATION). */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly bodies: BodyRosterRepository,
    @Inject(ACCOUNT_NOTICES) private readonly notices: NotificationQueue,
    @Inject(RAKSHA_CONFIG) private readonly config: RakshaConfig,
  ) {}

  /** Creates the person (INVITED) and sends them a one-time link to set their password, valid INVITATION_TTL_HOURS. */
  async invite(principal: Principal, input: InviteBody): Promise<InvitationView> {
    return (await this.issue(principal, input)).invitation;
  }

  /** As `invite`, and answers the link too. */
  async issue(principal: Principal, input: InviteBody, as?: InvitedAs): Promise<IssuedInvitation> {
    const body = await administeredBody(this.bodies, principal, input.bodyId, 'bodyId');
    mayGive(principal, input.role, body);
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.accounts.invitationTtlHours * 3_600_000);
    const id = as?.id ?? randomUUID();
    const link = issueLinkToken();
    const person = await this.people.invite(
      { id, username: as?.username ?? input.email, email: input.email, mobile: input.mobile ?? null, displayName: input.displayName, bodyId: body.id, roles: [input.role], headsBody: input.head ?? false },
      // The link names the person who invited; a system actor is no person, and the audit entry names it.
      { id: randomUUID(), userId: id, purpose: 'INVITATION', tokenHash: link.hash, expiresAt, createdBy: isSystemActor(principal) ? null : principal.userId },
      personAudit(principal, { id }, 'person.invited', { email: input.email, invitedTo: body.id, role: input.role, head: input.head ?? false, expiresAt: expiresAt.toISOString() }, now),
    );
    if (!person) throw emailTaken(input.email);
    const hours = this.config.accounts.invitationTtlHours;
    const { link: linkText, accountLink } = linkNotice(this.config, 'INVITATION', link.token);
    await enqueueNotifications(this.notices, [
      {
        dedupeKey: `account-invitation-${id}`,
        recipientBody: 'PERSON',
        recipientUserId: id,
        districtCode: body.districtCode,
        stateCode: body.stateCode,
        caseId: null,
        kind: 'ACCOUNT_INVITATION',
        subject: `You are invited to Raksha: ${body.name}`,
        body:
          `${principal.displayName} has invited you to work on Raksha for ${body.name}. ` +
          `Set your password within ${hours} hours with ${linkText}, which works once.\n` +
          `You will sign in with this email address. If you did not expect this, ignore it.`,
        ...(accountLink && { accountLink }),
      },
    ]);
    return { invitation: { person: personView(person), expiresAt: expiresAt.toISOString() }, token: link.token, url: setPasswordUrl(this.config.publicUrl, 'INVITATION', link.token) };
  }
}
