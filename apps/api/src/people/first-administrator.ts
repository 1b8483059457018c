import { BodyRosterRepository, PeopleRepository } from '@raksha/db';
import { BodyAdministrationService } from '../registries/body-administration.service.js';
import type { InvitedAs, InvitationsService, IssuedInvitation } from './invitations.service.js';
import { NATIONAL_BODY, systemActor } from './system-actor.js';

/** Who invites the first national administrator of a deployment: `npm run admin:first`, run on the server. */
export const FIRST_ADMINISTRATOR_COMMAND = systemActor('system:first-administrator', 'Raksha set-up', 'NATIONAL_ADMIN', NATIONAL_BODY);

export class NationalAdministratorExists extends Error {}

/**
 * How a deployment gets its first national administrator: the Ministry's body (MWCD) is created if it is missing and
 * the person invited to it as NATIONAL_ADMIN, through the same services as any body and invitation; they set their
 * password from the invitation's link, then invite everyone else. Once one has signed up, this refuses: the
 * administrators invite each other (POST /people/invitations).
 */
export class FirstAdministrator {
  constructor(
    private readonly bodies: BodyRosterRepository,
    private readonly people: PeopleRepository,
    private readonly administration: BodyAdministrationService,
    private readonly invitations: InvitationsService,
  ) {}

  async invite(person: { email: string; displayName: string; mobile?: string }, actor = FIRST_ADMINISTRATOR_COMMAND, as?: InvitedAs): Promise<IssuedInvitation> {
    if (await this.bodies.findById(NATIONAL_BODY.id)) {
      const admins = (await this.people.ofBody(NATIONAL_BODY.id)).filter((p) => p.roles.includes('NATIONAL_ADMIN') && !p.invited && !p.disabledAt);
      if (admins.length) throw new NationalAdministratorExists(`${admins.length === 1 ? 'a national administrator has' : `${admins.length} national administrators have`} signed up already: they invite the others in the web app (Administration)`);
    } else {
      await this.administration.create(actor, { type: NATIONAL_BODY.type, name: NATIONAL_BODY.name });
    }
    return this.invitations.issue(actor, { email: person.email, displayName: person.displayName, bodyId: NATIONAL_BODY.id, role: 'NATIONAL_ADMIN', ...(person.mobile && { mobile: person.mobile }) }, as);
  }
}
