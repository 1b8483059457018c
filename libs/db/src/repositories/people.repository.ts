import { randomUUID } from 'node:crypto';
import type { Db, DbTransaction } from '../client.js';
import { Prisma } from '../generated/client.js';
import { AuditRepository, type AuditRecord } from './audit.repository.js';
import { registryChain } from './institution.repository.js';

/**
 * What an invited person's password hash is until they set one from their link: not an argon2 hash, so no
 * password matches it (verifyPassword answers false for a malformed hash) and sign-in fails as for a wrong one.
 */
export const NO_PASSWORD_YET = '!invited';

export type AccountLinkPurpose = 'INVITATION' | 'PASSWORD_RESET';

/** A person as administration keeps them. */
export interface PersonRecord {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  mobile: string | null;
  bodyId: string | null;
  roles: string[];
  /** heads their body (libs/domain BODY_HEAD) */
  headsBody: boolean;
  /** a CWC or JJB member's seat on their body's roster (BodyMember), with its term; null for other roles */
  seat: PersonSeat | null;
  invited: boolean;
  /** has confirmed a TOTP secret (the second sign-in step) */
  secondStep: boolean;
  disabledAt: Date | null;
  createdAt: Date;
}

export interface NewPerson {
  id: string;
  /** what they sign in with: their email, unless the system gives another (the demo seed's cwc.jaipur) */
  username: string;
  email: string;
  mobile: string | null;
  displayName: string;
  bodyId: string;
  roles: string[];
  headsBody: boolean;
  /** the roster seat they take (a CWC or JJB member), or null */
  seat: SeatPlacement | null;
}

/** A seat on a CWC's or JJB's roster held by a person's account. */
export interface PersonSeat {
  id: string;
  designation: string;
  /** days (YYYY-MM-DD); a seat recorded without its last day runs on */
  term: { from: string; until: string | null };
}

/** The seat a person takes on their body's roster: their designation and term of office. */
export interface SeatPlacement {
  designation: string;
  term: MemberTerm;
}

/**
 * What is wrong with a CWC's or JJB's roster after a change (libs/domain seatProblems), the service's rule:
 * the change rolls back with SeatsFilled.
 */
export type SeatCheck = (bodyType: 'CWC' | 'JJB', seats: { designation: string; termFrom: string; termTo: string | null }[]) => { designation: string; most: number } | undefined;

/** Rolls the transaction back: the change would fill more seats of a designation than the body has. */
export class SeatsFilled extends Error {
  constructor(
    readonly bodyId: string,
    readonly designation: string,
    readonly most: number,
  ) {
    super(`${bodyId} has ${most} ${designation} seat(s), all filled`);
  }
}

/** A seat on a body's roster; a seat recorded without its last day (termTo null) runs on. */
export interface RosterSeatRecord {
  id: string;
  bodyId: string;
  name: string;
  designation: string;
  termFrom: string;
  termTo: string | null;
  userId: string | null;
}

/** A seat whose term has ended or ends soon, with its body's name. */
export interface SeatTermRecord {
  id: string;
  bodyId: string;
  bodyName: string;
  name: string;
  designation: string;
  termFrom: string;
  termTo: string;
  userId: string | null;
}

export interface NewAccountLink {
  id: string;
  userId: string;
  purpose: AccountLinkPurpose;
  tokenHash: string;
  expiresAt: Date;
  createdBy: string | null;
}

/** Guards that a change leaves every body it touches with an active holder of each administrator role it had. */
export interface AdministratorGuard {
  /** the administrator roles a body must keep an active holder of */
  roles: readonly string[];
}

export type PersonChangeOutcome =
  | { ok: true; before: PersonRecord; after: PersonRecord }
  | { ok: false; reason: 'NOT_FOUND' }
  | { ok: false; reason: 'LAST_ADMINISTRATOR'; bodyId: string; role: string };

const personSelect = {
  id: true,
  username: true,
  displayName: true,
  email: true,
  mobile: true,
  bodyId: true,
  roles: true,
  headsBody: true,
  seats: { select: { id: true, bodyId: true, designation: true, termFrom: true, termTo: true } },
  passwordHash: true,
  totpEnabledAt: true,
  disabledAt: true,
  createdAt: true,
} satisfies Prisma.UserSelect;
type PersonRow = Prisma.UserGetPayload<{ select: typeof personSelect }>;

/** A term of office as days (YYYY-MM-DD), from its DATE columns. */
export interface MemberTerm {
  from: string;
  until: string;
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const dateOf = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * Seats (BodyMember) whose term has ended or not yet begun on `day` (India, YYYY-MM-DD): their holders do not act as
 * members of the body, and are not told as it (DeliveryRepository.recipients; the digest's readers say it in SQL).
 */
export const seatOutOfTerm = (day: string) => ({ OR: [{ termTo: { lt: dateOf(day) } }, { termFrom: { gt: dateOf(day) } }] }) satisfies Prisma.BodyMemberWhereInput;

/** The person's seat on their own body's roster, of the seats their account holds (one per body at most). */
export function seatOf(bodyId: string | null, seats: readonly { id: string; bodyId: string; designation: string; termFrom: Date; termTo: Date | null }[]): PersonSeat | null {
  const seat = seats.find((s) => s.bodyId === bodyId);
  return seat ? { id: seat.id, designation: seat.designation, term: { from: dayOf(seat.termFrom), until: seat.termTo && dayOf(seat.termTo) } } : null;
}

function personRecord({ passwordHash, totpEnabledAt, seats, ...row }: PersonRow): PersonRecord {
  return { ...row, seat: seatOf(row.bodyId, seats), invited: passwordHash === NO_PASSWORD_YET, secondStep: totpEnabledAt !== null };
}

/**
 * Seats the person on the body's roster: the seat their account holds there already, else a seat the roster names
 * them in (entered from the state's notification before they had an account), else a new one; then the roster is
 * checked (SeatsFilled). The body's version moves on, so a roster page holding the older list cannot overwrite it.
 */
async function placeSeat(tx: DbTransaction, bodyId: string, userId: string, name: string, seat: SeatPlacement, check: SeatCheck, log: RosterLog): Promise<void> {
  const body = await tx.body.update({ where: { id: bodyId }, data: { version: { increment: 1 } }, select: { type: true } });
  const term = { designation: seat.designation, termFrom: dateOf(seat.term.from), termTo: dateOf(seat.term.until) };
  const held =
    (await tx.bodyMember.findUnique({ where: { bodyId_userId: { bodyId, userId } } })) ??
    (await tx.bodyMember.findFirst({ where: { bodyId, userId: null, designation: seat.designation, name: { equals: name.trim(), mode: 'insensitive' } }, orderBy: { termFrom: 'desc' } }));
  const after = held
    ? await tx.bodyMember.update({ where: { id: held.id }, data: { ...term, userId } })
    : await tx.bodyMember.create({ data: { id: randomUUID(), bodyId, name: name.trim(), userId, ...term } });
  await log(tx, bodyId, 'body.member.seated', held ? seatEntry(held) : null, seatEntry(after));
  const seats = await tx.bodyMember.findMany({ where: { bodyId } });
  const problem = check(body.type as 'CWC' | 'JJB', seats.map((s) => ({ designation: s.designation, termFrom: dayOf(s.termFrom), termTo: s.termTo && dayOf(s.termTo) })));
  if (problem) throw new SeatsFilled(bodyId, problem.designation, problem.most);
}

/**
 * Ends the seats the person leaves (all but `keep`'s): each stays on its roster as history, its term ending on
 * `lastDay` at the latest and no longer tied to their account; one not begun by then is taken off.
 */
async function leaveSeats(tx: DbTransaction, userId: string, keep: string | null, lastDay: string, log: RosterLog): Promise<void> {
  const seats = await tx.bodyMember.findMany({ where: { userId, ...(keep && { bodyId: { not: keep } }) } });
  for (const s of seats) {
    await tx.body.update({ where: { id: s.bodyId }, data: { version: { increment: 1 } } });
    const after =
      dayOf(s.termFrom) > lastDay
        ? (await tx.bodyMember.delete({ where: { id: s.id } }), null)
        : await tx.bodyMember.update({ where: { id: s.id }, data: { userId: null, termTo: s.termTo && dayOf(s.termTo) <= lastDay ? s.termTo : dateOf(lastDay) } });
    await log(tx, s.bodyId, 'body.member.left', seatEntry(s), after && seatEntry(after));
  }
}

/** A seat as the body's registry history (GET /bodies/:id/history) shows it. */
const seatEntry = (m: { id: string; name: string; designation: string; termFrom: Date; termTo: Date | null; userId: string | null }) => ({
  id: m.id,
  name: m.name,
  designation: m.designation,
  termFrom: dayOf(m.termFrom),
  termTo: m.termTo && dayOf(m.termTo),
  userId: m.userId,
});

/** Records a change of a roster's seat in the body's registry chain, by whoever changed the person. */
type RosterLog = (tx: DbTransaction, bodyId: string, action: string, before: unknown, after: unknown) => Promise<void>;

const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';

/** People (users) as their administrators manage them, and the one-time links they set a password from. */
export class PeopleRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: Db) {
    this.audit = new AuditRepository(db);
  }

  async findById(id: string, tx: DbTransaction | Db = this.db): Promise<PersonRecord | null> {
    const row = await tx.user.findUnique({ where: { id }, select: personSelect });
    return row ? personRecord(row) : null;
  }

  async findByEmail(email: string): Promise<PersonRecord | null> {
    const row = await this.db.user.findUnique({ where: { email }, select: personSelect });
    return row ? personRecord(row) : null;
  }

  /** The people holding these email addresses (an import's keys), looked up at once. */
  async findByEmails(emails: string[]): Promise<PersonRecord[]> {
    const rows = await this.db.user.findMany({ where: { email: { in: emails } }, select: personSelect });
    return rows.map(personRecord);
  }

  /** The body's people, by name. */
  async ofBody(bodyId: string): Promise<PersonRecord[]> {
    const rows = await this.db.user.findMany({ where: { bodyId }, select: personSelect, orderBy: [{ displayName: 'asc' }, { id: 'asc' }] });
    return rows.map(personRecord);
  }

  /** These seats of the body's roster (BodyMember ids), with their terms; an id not of that body is not among them. */
  async seatsOf(bodyId: string, ids: readonly string[]): Promise<RosterSeatRecord[]> {
    const uuids = ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
    if (uuids.length === 0) return [];
    const rows = await this.db.bodyMember.findMany({ where: { bodyId, id: { in: uuids } } });
    return rows.map((r) => ({ id: r.id, bodyId: r.bodyId, name: r.name, designation: r.designation, termFrom: dayOf(r.termFrom), termTo: r.termTo ? dayOf(r.termTo) : null, userId: r.userId }));
  }

  /**
   * Seats on the rosters of the active bodies at this place whose term ends from `today` to `lastDay` (YYYY-MM-DD),
   * and those held by an active account whose term has ended already (the member cannot act until it is renewed),
   * the soonest first. A seat ended and left is the roster's history, not listed.
   */
  async seatsEndingBy(place: { stateCode?: string; districtCode?: string }, today: string, lastDay: string, limit = 200): Promise<SeatTermRecord[]> {
    const rows = await this.db.bodyMember.findMany({
      where: {
        termTo: { lte: dateOf(lastDay) },
        body: { is: { ...place, deactivatedAt: null } },
        OR: [{ termTo: { gte: dateOf(today) } }, { user: { is: { disabledAt: null } } }],
      },
      include: { body: { select: { name: true } } },
      orderBy: [{ termTo: 'asc' }, { id: 'asc' }],
      take: limit,
    });
    return rows.map((r) => ({ id: r.id, bodyId: r.bodyId, bodyName: r.body.name, name: r.name, designation: r.designation, termFrom: dayOf(r.termFrom), termTo: dayOf(r.termTo!), userId: r.userId }));
  }

  /**
   * Creates the invited person (who signs in with their username, usually their email, once they set a password) and their link, with
   * the audit record, or nothing: null when the email (or username) is someone's already.
   */
  async invite(person: NewPerson, link: NewAccountLink, audit: AuditRecord, check: SeatCheck): Promise<PersonRecord | null> {
    try {
      return await this.db.$transaction(async (tx) => {
        await tx.user.create({
          data: { id: person.id, username: person.username, email: person.email, mobile: person.mobile, displayName: person.displayName, bodyId: person.bodyId, roles: person.roles, headsBody: person.headsBody, passwordHash: NO_PASSWORD_YET },
        });
        if (person.seat) await placeSeat(tx, person.bodyId, person.id, person.displayName, person.seat, check, this.rosterLog(audit));
        await tx.accountLink.create({ data: link });
        await this.audit.append(tx, audit);
        return (await this.findById(person.id, tx))!;
      });
    } catch (err) {
      if (isUniqueViolation(err)) return null;
      throw err;
    }
  }

  /** A new link for an existing person (a password reset), audited. */
  async addLink(link: NewAccountLink, audit: AuditRecord): Promise<void> {
    await this.db.$transaction(async (tx) => {
      await tx.accountLink.create({ data: link });
      await this.audit.append(tx, audit);
    });
  }

  findLink(tokenHash: string) {
    return this.db.accountLink.findUnique({ where: { tokenHash }, include: { user: { select: { id: true, disabledAt: true } } } });
  }

  /**
   * Uses the link once, if it is still unused and unexpired at `at`: sets the password, clears any lock,
   * ends every session (a reset takes over from whoever knew the old password) and voids the person's other
   * open links. False when another request used it first.
   */
  useLink(linkId: string, userId: string, passwordHash: string, at: Date, audit: AuditRecord): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const { count } = await tx.accountLink.updateMany({ where: { id: linkId, usedAt: null, expiresAt: { gt: at } }, data: { usedAt: at } });
      if (count !== 1) return false;
      await tx.accountLink.updateMany({ where: { userId, usedAt: null }, data: { usedAt: at } });
      await tx.user.update({ where: { id: userId }, data: { passwordHash, failedLogins: 0, lockedUntil: null } });
      await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: at } });
      await this.audit.append(tx, audit);
      return true;
    });
  }

  /** Deactivates the person and ends their sessions at once, unless that leaves a body without its administrator. */
  deactivate(id: string, at: Date, leftOn: string, guard: AdministratorGuard, audit: (p: PersonRecord) => AuditRecord): Promise<PersonChangeOutcome> {
    return this.changePerson(id, guard, audit, async (tx, log) => {
      await tx.user.update({ where: { id }, data: { disabledAt: at } });
      // A member who leaves no longer fills their seat: it ends on `leftOn` (the day before), kept as history.
      await leaveSeats(tx, id, null, leftOn, log);
      await tx.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: at } });
      await tx.accountLink.updateMany({ where: { userId: id, usedAt: null }, data: { usedAt: at } });
    });
  }

  /**
   * Moves the person to another body and role. Their sessions end (their jurisdiction changes); what they did
   * before stays attributed to them in the role and body they acted in, as the audit trail and timelines record.
   */
  move(
    id: string,
    to: { bodyId: string; roles: string[]; headsBody: boolean; seat: SeatPlacement | null },
    at: Date,
    leftOn: string,
    check: SeatCheck,
    guard: AdministratorGuard,
    audit: (p: PersonRecord) => AuditRecord,
  ): Promise<PersonChangeOutcome> {
    return this.changePerson(id, guard, audit, async (tx, log) => {
      const user = await tx.user.update({ where: { id }, data: { bodyId: to.bodyId, roles: to.roles, headsBody: to.headsBody } });
      // A seat they leave ends the day before the move: `leftOn`.
      await leaveSeats(tx, id, to.seat ? to.bodyId : null, leftOn, log);
      if (to.seat) await placeSeat(tx, to.bodyId, id, user.displayName, to.seat, check, log);
      await tx.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: at } });
    });
  }

  /**
   * Records a member's term of office (a renewal, a correction), audited with the term before and after. Their
   * sessions stay: the principal is read afresh on every request, so the new term applies at the next one.
   */
  setTerm(id: string, seat: SeatPlacement, check: SeatCheck, guard: AdministratorGuard, audit: (p: PersonRecord) => AuditRecord): Promise<PersonChangeOutcome> {
    return this.changePerson(id, guard, audit, async (tx, log) => {
      const user = await tx.user.findUniqueOrThrow({ where: { id }, select: { bodyId: true, displayName: true } });
      if (user.bodyId) await placeSeat(tx, user.bodyId, id, user.displayName, seat, check, log);
    });
  }

  /** The roster's log for a change to a person: the body's registry chain, with the person's change's actor and time. */
  private rosterLog({ actorId, actorRole, at }: AuditRecord): RosterLog {
    return (tx, bodyId, action, before, after) =>
      this.audit.append(tx, { chain: registryChain(bodyId), action, actorId, actorRole, subjectType: 'body', subjectId: bodyId, detail: { before, after }, at });
  }

  private changePerson(id: string, guard: AdministratorGuard, audit: (p: PersonRecord) => AuditRecord, apply: (tx: DbTransaction, log: RosterLog) => Promise<void>): Promise<PersonChangeOutcome> {
    return this.db.$transaction(async (tx): Promise<PersonChangeOutcome> => {
      const current = await this.findById(id, tx);
      if (!current) return { ok: false, reason: 'NOT_FOUND' };
      const bodyId = current.bodyId;
      // Changes to one body's people run one after another, so two administrators cannot each remove the other.
      if (bodyId) await tx.$queryRaw`SELECT id FROM "Body" WHERE id = ${bodyId} FOR UPDATE`;
      const before = (await this.findById(id, tx))!;
      // The person's change names its actor and time; the roster's entries carry the same.
      await apply(tx, this.rosterLog(audit(before)));
      const after = (await this.findById(id, tx))!;
      if (bodyId && !before.disabledAt) {
        for (const role of guard.roles.filter((r) => before.roles.includes(r))) {
          const left = await tx.user.count({ where: { bodyId, disabledAt: null, roles: { has: role }, passwordHash: { not: NO_PASSWORD_YET } } });
          if (left === 0) throw new LastAdministrator(bodyId, role);
        }
      }
      await this.audit.append(tx, audit(after));
      return { ok: true, before, after };
    }).catch((err: unknown): PersonChangeOutcome => {
      if (err instanceof LastAdministrator) return { ok: false, reason: 'LAST_ADMINISTRATOR', bodyId: err.bodyId, role: err.role };
      throw err;
    });
  }
}

/** Rolls the transaction back: the change would leave the body with no active administrator. */
class LastAdministrator extends Error {
  constructor(
    readonly bodyId: string,
    readonly role: string,
  ) {
    super(`${bodyId} would have no active ${role}`);
  }
}
