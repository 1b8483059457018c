import type { Db } from '../client.js';
import { AuditRepository, type AuditRecord } from './audit.repository.js';
import { NO_PASSWORD_YET } from './people.repository.js';

export interface NewUserRecord {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  bodyId: string | null;
  roles: string[];
}

export class UserRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: Db) {
    this.audit = new AuditRepository(db);
  }

  findByUsername(username: string) {
    return this.db.user.findUnique({ where: { username }, include: { body: true } });
  }

  findById(id: string) {
    return this.db.user.findUnique({ where: { id }, include: { body: true } });
  }

  /** The body's head (headsBody), active and signed up, other than `except`; the longest-standing first if several. */
  activeHeadOf(bodyId: string, except: string) {
    return this.db.user.findFirst({
      where: { bodyId, headsBody: true, disabledAt: null, id: { not: except }, passwordHash: { not: NO_PASSWORD_YET } },
      select: { id: true, displayName: true, roles: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
  }

  /**
   * Counts one more consecutive failure, for the audit trail only (sign-in is slowed per source by the API's
   * throttle, never by locking the account); the audit records `audit(failedLogins)` returns are written in the
   * same transaction, so the count and its record never disagree.
   */
  recordLoginFailure(userId: string, audit: (failedLogins: number) => AuditRecord[]): Promise<number> {
    return this.db.$transaction(async (tx) => {
      // The UPDATE takes the row lock: concurrent failures of one account are counted one after another.
      const { failedLogins } = await tx.user.update({ where: { id: userId }, data: { failedLogins: { increment: 1 } }, select: { failedLogins: true } });
      for (const record of audit(failedLogins)) await this.audit.append(tx, record);
      return failedLogins;
    });
  }

  /** Seeding: creates the user, or updates name, body and roles of an existing one (its password stays). */
  async upsert(user: NewUserRecord): Promise<void> {
    const { displayName, bodyId, roles } = user;
    await this.db.user.upsert({ where: { username: user.username }, create: user, update: { displayName, bodyId, roles } });
  }
}
