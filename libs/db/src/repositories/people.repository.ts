import type { Db, DbTransaction } from '../client.js';
import { Prisma } from '../generated/client.js';
import { AuditRepository, type AuditRecord } from './audit.repository.js';

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
  passwordHash: true,
  totpEnabledAt: true,
  disabledAt: true,
  createdAt: true,
} satisfies Prisma.UserSelect;
type PersonRow = Prisma.UserGetPayload<{ select: typeof personSelect }>;

function personRecord({ passwordHash, totpEnabledAt, ...row }: PersonRow): PersonRecord {
  return { ...row, invited: passwordHash === NO_PASSWORD_YET, secondStep: totpEnabledAt !== null };
}

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

  /**
   * Creates the invited person (who signs in with their username, usually their email, once they set a password) and their link, with
   * the audit record, or nothing: null when the email (or username) is someone's already.
   */
  async invite(person: NewPerson, link: NewAccountLink, audit: AuditRecord): Promise<PersonRecord | null> {
    try {
      return await this.db.$transaction(async (tx) => {
        await tx.user.create({
          data: { id: person.id, username: person.username, email: person.email, mobile: person.mobile, displayName: person.displayName, bodyId: person.bodyId, roles: person.roles, headsBody: person.headsBody, passwordHash: NO_PASSWORD_YET },
        });
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
  deactivate(id: string, at: Date, guard: AdministratorGuard, audit: (p: PersonRecord) => AuditRecord): Promise<PersonChangeOutcome> {
    return this.changePerson(id, guard, audit, async (tx) => {
      await tx.user.update({ where: { id }, data: { disabledAt: at } });
      await tx.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: at } });
      await tx.accountLink.updateMany({ where: { userId: id, usedAt: null }, data: { usedAt: at } });
    });
  }

  /**
   * Moves the person to another body and role. Their sessions end (their jurisdiction changes); what they did
   * before stays attributed to them in the role and body they acted in, as the audit trail and timelines record.
   */
  move(id: string, to: { bodyId: string; roles: string[]; headsBody: boolean }, at: Date, guard: AdministratorGuard, audit: (p: PersonRecord) => AuditRecord): Promise<PersonChangeOutcome> {
    return this.changePerson(id, guard, audit, async (tx) => {
      await tx.user.update({ where: { id }, data: { bodyId: to.bodyId, roles: to.roles, headsBody: to.headsBody } });
      await tx.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: at } });
    });
  }

  private changePerson(id: string, guard: AdministratorGuard, audit: (p: PersonRecord) => AuditRecord, apply: (tx: DbTransaction) => Promise<void>): Promise<PersonChangeOutcome> {
    return this.db.$transaction(async (tx): Promise<PersonChangeOutcome> => {
      const current = await this.findById(id, tx);
      if (!current) return { ok: false, reason: 'NOT_FOUND' };
      const bodyId = current.bodyId;
      // Changes to one body's people run one after another, so two administrators cannot each remove the other.
      if (bodyId) await tx.$queryRaw`SELECT id FROM "Body" WHERE id = ${bodyId} FOR UPDATE`;
      const before = (await this.findById(id, tx))!;
      await apply(tx);
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
