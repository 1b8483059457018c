import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { RakshaConfig } from '@raksha/config';
import { enqueueNotifications, type InvitationView, type InviteBody, type MemberTermBody, type MovePersonBody, type NotificationQueue, type PersonView, type SeatTermView } from '@raksha/contracts';
import { BodyRosterRepository, PeopleRepository, SeatsFilled, SecondStepRepository, type AuditRecord, type BodyRosterRecord, type PersonChangeOutcome, type PersonRecord, type SeatCheck, type SeatPlacement } from '@raksha/db';
import { ADMIN_ROLES, administers, addDays, dayInIndia, hasPermission, holdsTermRole, isRole, isTermRole, mayGrantRole, roleFitsBody, placeFilter, seatDesignation, seatProblems, TERM_ENDING_WITHIN_DAYS, termProblem, termStatus, type BodyType, type MemberDesignation, type MemberTerm, type Role } from '@raksha/domain';
import { CasesService } from '../cases/cases.service.js';
import { RAKSHA_CONFIG } from '../infrastructure/tokens.js';
import { userChain } from '../auth/auth.service.js';
import type { Principal } from '../auth/principal.js';
import { emailTaken, forbidden, invalidField, invalidInput, lastAdministrator, notFound } from '../problem/domain-errors.js';
import { issueLinkToken, linkNotice } from './account-links.js';
import { ACCOUNT_NOTICES } from './people.tokens.js';

export const personView = (p: PersonRecord, today = dayInIndia()): PersonView => ({
  id: p.id,
  username: p.username,
  displayName: p.displayName,
  email: p.email,
  mobile: p.mobile,
  bodyId: p.bodyId,
  roles: p.roles,
  head: p.headsBody,
  status: p.disabledAt ? 'DEACTIVATED' : p.invited ? 'INVITED' : 'ACTIVE',
  secondStep: p.secondStep,
  term: p.seat && { ...p.seat.term, status: termStatus(p.seat.term, today), designation: p.seat.designation as MemberDesignation },
  createdAt: p.createdAt.toISOString(),
});

/**
 * The term of office a person in these roles holds: required for a CWC or JJB member (s.27 / s.4), refused for
 * anyone else, at most libs/domain MEMBER_TERM_MAX_YEARS long. A bad one is a 400 naming `term.from` or `term.until`.
 */
export function checkedTerm(roles: readonly Role[], term: MemberTermBody | undefined): MemberTerm | null {
  if (!holdsTermRole(roles)) {
    if (term) throw invalidInput([{ field: 'term', message: 'only a CWC or JJB member holds a term of office', key: 'error.termNotForRole' }]);
    return null;
  }
  if (!term) throw invalidInput([{ field: 'term', message: 'a CWC or JJB member needs their term of office, from and until', key: 'error.termRequired' }]);
  const problem = termProblem(roles, term);
  if (problem) {
    const key = problem.params ? 'error.termTooLong' : 'error.termOrder';
    throw invalidInput([{ field: `term.${problem.field}`, message: problem.message, key, ...(problem.params && { params: { years: problem.params.years! } }) }]);
  }
  return term;
}

/** The seat a person in this role takes on their body's roster with this term: none outside the CWC / JJB member roles. */
function seatFor(role: Role, head: boolean, term: MemberTerm | null): SeatPlacement | null {
  return term && isTermRole(role) ? { designation: seatDesignation(role, head), term } : null;
}

/** The roster rule of libs/domain, as the repository applies it within the change: no more seats filled than MEMBER_SEATS. */
const seatCheck =
  (today: string): SeatCheck =>
  (type, seats) =>
    seatProblems(type, seats, today)[0];

/** Runs a change that seats a person: a roster already full for their designation is a 400 naming `field`. */
async function seated<T>(field: 'role' | 'head', change: Promise<T>): Promise<T> {
  try {
    return await change;
  } catch (err) {
    if (!(err instanceof SeatsFilled)) throw err;
    const message = `every ${err.designation} seat of this body is filled (${err.most}); end a member's term on the body's roster first`;
    throw invalidInput([{ field, message, key: 'error.seatsFilled', params: { most: err.most } }]);
  }
}

/** An administrator's change to a person, in that person's audit chain. */
function personAudit(principal: Principal, person: { id: string }, action: string, detail: Record<string, unknown>, at: Date): AuditRecord {
  return {
    chain: userChain(person.id),
    action,
    actorId: principal.userId,
    actorRole: principal.roles.join(','),
    subjectType: 'user',
    subjectId: person.id,
    detail: { ...detail, bodyId: principal.body?.id ?? null },
    at,
  };
}

/**
 * Administrators invite people to the bodies of their jurisdiction, in the roles their own role may give
 * (libs/domain's ADMINISTRATION), move them and deactivate them. A body never loses its last administrator.
 */
@Injectable()
export class PeopleService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly bodies: BodyRosterRepository,
    private readonly secondSteps: SecondStepRepository,
    @Inject(ACCOUNT_NOTICES) private readonly notices: NotificationQueue,
    @Inject(RAKSHA_CONFIG) private readonly config: RakshaConfig,
    private readonly cases: CasesService,
  ) {}

  async ofBody(principal: Principal, bodyId: string): Promise<PersonView[]> {
    await this.administeredBody(principal, bodyId, 'bodyId');
    const today = dayInIndia();
    return (await this.people.ofBody(bodyId)).map((p) => personView(p, today));
  }

  /**
   * The seats on the CWC / JJB rosters of the principal's jurisdiction whose term ends within TERM_ENDING_WITHIN_DAYS,
   * and members' seats whose term has ended, the soonest first, so a renewal is notified before a Committee or Board
   * falls short.
   */
  async termsEnding(principal: Principal): Promise<SeatTermView[]> {
    if (!principal.body) return [];
    const today = dayInIndia();
    const seats = await this.people.seatsEndingBy(placeFilter(principal.body), today, addDays(today, TERM_ENDING_WITHIN_DAYS - 1));
    return seats.map((s) => ({
      id: s.id,
      bodyId: s.bodyId,
      bodyName: s.bodyName,
      name: s.name,
      designation: s.designation as MemberDesignation,
      from: s.termFrom,
      until: s.termTo,
      status: termStatus({ from: s.termFrom, until: s.termTo }, today),
      userId: s.userId,
    }));
  }

  /** Creates the person (INVITED) and sends them a one-time link to set their password, valid INVITATION_TTL_HOURS. */
  async invite(principal: Principal, input: InviteBody): Promise<InvitationView> {
    const body = await this.administeredBody(principal, input.bodyId, 'bodyId');
    this.mayGive(principal, input.role, body);
    const term = checkedTerm([input.role], input.term);
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.accounts.invitationTtlHours * 3_600_000);
    const id = randomUUID();
    const link = issueLinkToken();
    const seat = seatFor(input.role, input.head ?? false, term);
    const person = await seated(
      input.head ? 'head' : 'role',
      this.people.invite(
        { id, email: input.email, mobile: input.mobile ?? null, displayName: input.displayName, bodyId: body.id, roles: [input.role], headsBody: input.head ?? false, seat },
        { id: randomUUID(), userId: id, purpose: 'INVITATION', tokenHash: link.hash, expiresAt, createdBy: principal.userId },
        personAudit(principal, { id }, 'person.invited', { email: input.email, invitedTo: body.id, role: input.role, head: input.head ?? false, seat, expiresAt: expiresAt.toISOString() }, now),
        seatCheck(dayInIndia(now)),
      ),
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
    return { person: personView(person), expiresAt: expiresAt.toISOString() };
  }

  /** Ends the person's sessions at once; they can no longer sign in, and a CWC / JJB member's seat on the roster ends the day before. Their history stays theirs. */
  async deactivate(principal: Principal, id: string): Promise<PersonView> {
    const current = await this.administeredPerson(principal, id);
    const now = new Date();
    const view = this.changed(await this.people.deactivate(id, now, addDays(dayInIndia(now), -1), { roles: ADMIN_ROLES }, (p) => personAudit(principal, p, 'person.deactivated', { fromBody: p.bodyId, roles: p.roles }, now)), id);
    // Their open cases go to the body's head or back to its queue (asked again, a deactivation finishes this).
    await this.cases.handOver(principal, current, 'ASSIGNEE_DEACTIVATED');
    return view;
  }

  /** Another body and role for the person; what they did before stays attributed to their old role and body. */
  async move(principal: Principal, id: string, input: MovePersonBody): Promise<PersonView> {
    const current = await this.administeredPerson(principal, id);
    const body = await this.administeredBody(principal, input.bodyId, 'bodyId');
    this.mayGive(principal, input.role, body);
    const term = checkedTerm([input.role], input.term);
    const now = new Date();
    const today = dayInIndia(now);
    const seat = seatFor(input.role, input.head ?? false, term);
    const outcome = await seated(
      input.head ? 'head' : 'role',
      this.people.move(id, { bodyId: body.id, roles: [input.role], headsBody: input.head ?? false, seat }, now, addDays(today, -1), seatCheck(today), { roles: ADMIN_ROLES }, (p) =>
        personAudit(principal, p, 'person.moved', { from: { bodyId: current.bodyId, roles: current.roles, head: current.headsBody, seat: current.seat }, to: { bodyId: p.bodyId, roles: p.roles, head: p.headsBody, seat: p.seat } }, now),
      ),
    );
    const view = this.changed(outcome, id);
    // Moved off the body, or to a role that works no case: their open cases go to the body's head or its queue.
    if (body.id !== current.bodyId || !hasPermission([input.role], 'case:event')) await this.cases.handOver(principal, current, 'ASSIGNEE_MOVED');
    return view;
  }

  /**
   * Records a CWC or JJB member's term of office anew (a renewal by a fresh notification, or a correction) on their
   * seat on the body's roster, seating them if the roster did not hold their account yet; audited with the term
   * before and after. A lapsed member can act again at their next request once today is inside it.
   */
  async setTerm(principal: Principal, id: string, input: MemberTermBody): Promise<PersonView> {
    const current = await this.administeredPerson(principal, id);
    // A person in no member role is refused by checkedTerm, naming `term`.
    const roles = current.roles.filter(isRole);
    const term = checkedTerm(roles, input)!;
    const role = roles.find(isTermRole)!;
    const seat = { designation: current.seat?.designation ?? seatDesignation(role, current.headsBody), term };
    const now = new Date();
    const outcome = await seated(
      current.headsBody ? 'head' : 'role',
      this.people.setTerm(id, seat, seatCheck(dayInIndia(now)), { roles: ADMIN_ROLES }, (p) =>
        personAudit(principal, p, 'person.term_recorded', { before: current.seat?.term ?? null, after: p.seat?.term ?? null, seatId: p.seat?.id }, now),
      ),
    );
    return this.changed(outcome, id);
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

  /** The role may be given by the principal's administrator role, and held in a body of this kind. */
  private mayGive(principal: Principal, role: Role, body: BodyRosterRecord): void {
    if (!mayGrantRole(principal.roles, role)) throw forbidden(`${principal.roles.join(', ')} may not give the role ${role}`);
    if (!roleFitsBody(role, body.type as BodyType)) throw invalidField('role', `a ${role} does not belong to a ${body.type}`);
  }

  /** An active body inside the principal's jurisdiction; outside it, 404 as for none. */
  private async administeredBody(principal: Principal, bodyId: string, field: string): Promise<BodyRosterRecord> {
    const body = await this.bodies.findById(bodyId);
    if (!body || !principal.body || !administers(principal.body, body)) throw notFound('body', bodyId);
    if (body.deactivatedAt) throw invalidField(field, `${bodyId} is deactivated`);
    return body;
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
