import { Injectable } from '@nestjs/common';
import type { MovePersonBody, PersonView } from '@raksha/contracts';
import { BodyRosterRepository, PeopleRepository, SecondStepRepository, type PersonChangeOutcome, type PersonRecord } from '@raksha/db';
import { ADMIN_ROLES, administers, hasPermission, isRole, mayGrantRole } from '@raksha/domain';
import { CasesService } from '../cases/cases.service.js';
import type { Principal } from '../auth/principal.js';
import { forbidden, invalidField, lastAdministrator, notFound } from '../problem/domain-errors.js';
import { administeredBody, mayGive, personAudit, personView } from './administered.js';

/**
 * Administrators list the people of the bodies of their jurisdiction, move them and deactivate them (invitations:
 * InvitationsService). A body never loses its last administrator.
 */
@Injectable()
export class PeopleService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly bodies: BodyRosterRepository,
    private readonly secondSteps: SecondStepRepository,
    private readonly cases: CasesService,
  ) {}

  async ofBody(principal: Principal, bodyId: string): Promise<PersonView[]> {
    await administeredBody(this.bodies, principal, bodyId, 'bodyId');
    return (await this.people.ofBody(bodyId)).map(personView);
  }

  /** Ends the person's sessions at once; they can no longer sign in. Their history stays theirs. */
  async deactivate(principal: Principal, id: string): Promise<PersonView> {
    const current = await this.administeredPerson(principal, id);
    const now = new Date();
    const view = this.changed(await this.people.deactivate(id, now, { roles: ADMIN_ROLES }, (p) => personAudit(principal, p, 'person.deactivated', { fromBody: p.bodyId, roles: p.roles }, now)), id);
    // Their open cases go to the body's head or back to its queue (asked again, a deactivation finishes this).
    await this.cases.handOver(principal, current, 'ASSIGNEE_DEACTIVATED');
    return view;
  }

  /** Another body and role for the person; what they did before stays attributed to their old role and body. */
  async move(principal: Principal, id: string, input: MovePersonBody): Promise<PersonView> {
    const current = await this.administeredPerson(principal, id);
    const body = await administeredBody(this.bodies, principal, input.bodyId, 'bodyId');
    mayGive(principal, input.role, body);
    const now = new Date();
    const outcome = await this.people.move(id, { bodyId: body.id, roles: [input.role], headsBody: input.head ?? false }, now, { roles: ADMIN_ROLES }, (p) =>
      personAudit(principal, p, 'person.moved', { from: { bodyId: current.bodyId, roles: current.roles, head: current.headsBody }, to: { bodyId: p.bodyId, roles: p.roles, head: p.headsBody } }, now),
    );
    const view = this.changed(outcome, id);
    // Moved off the body, or to a role that works no case: their open cases go to the body's head or its queue.
    if (body.id !== current.bodyId || !hasPermission([input.role], 'case:event')) await this.cases.handOver(principal, current, 'ASSIGNEE_MOVED');
    return view;
  }

  /**
   * Removes a person's second sign-in step (a lost phone): their authenticator secret and recovery codes go, and
   * their sessions end; at their next sign-in they set it up again. 400 naming `id` when they had none set up.
   */
  async resetSecondStep(principal: Principal, id: string): Promise<PersonView> {
    const person = await this.administeredPerson(principal, id);
    const now = new Date();
    const reset = await this.secondSteps.reset(id, now, personAudit(principal, person, 'person.second_step_reset', { sessionsEnded: true }, now));
    if (!reset) throw invalidField('id', 'this person has no second sign-in step set up');
    return personView({ ...person, secondStep: false });
  }

  private changed(outcome: PersonChangeOutcome, id: string): PersonView {
    if (outcome.ok) return personView(outcome.after);
    if (outcome.reason === 'NOT_FOUND') throw notFound('person', id);
    throw lastAdministrator(outcome.bodyId, outcome.role);
  }

  /** A person of a body inside the principal's jurisdiction, whose every role the principal may give (else 403). */
  private async administeredPerson(principal: Principal, id: string): Promise<PersonRecord> {
    const person = await this.people.findById(id);
    const body = person?.bodyId ? await this.bodies.findById(person.bodyId) : null;
    if (!person || !body || !principal.body || !administers(principal.body, body)) throw notFound('person', id);
    const outOfReach = person.roles.filter((r) => isRole(r) && !mayGrantRole(principal.roles, r));
    if (outOfReach.length) throw forbidden(`${principal.roles.join(', ')} may not manage a ${outOfReach.join(', ')}`);
    return person;
  }
}
