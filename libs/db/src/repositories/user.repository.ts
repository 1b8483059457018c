import type { Db } from '../client.js';
import { AuditRepository, type AuditRecord } from './audit.repository.js';

export interface NewUserRecord {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  bodyId: string | null;
  roles: string[];
}

/** A failed sign-in as counted: the consecutive failures so far, and the lock it set (if it did). */
export interface LoginFailureOutcome {
  failedLogins: number;
  lockedUntil: Date | null;
}

export interface LoginFailureRule {
  /** the failure that reaches this count locks the account (and starts the count again) */
  lockAfter: number;
  /** until when that lock holds */
  lockUntil: Date;
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

  /**
   * Counts one more consecutive failure; the one that reaches `rule.lockAfter` locks the account
   * and resets the count. The audit records `audit(outcome)` returns are written in the same
   * transaction, so the count and its record never disagree.
   */
  recordLoginFailure(userId: string, rule: LoginFailureRule, audit: (outcome: LoginFailureOutcome) => AuditRecord[]): Promise<LoginFailureOutcome> {
    return this.db.$transaction(async (tx) => {
      // The UPDATE takes the row lock: concurrent failures of one account are counted one after another.
      const { failedLogins } = await tx.user.update({ where: { id: userId }, data: { failedLogins: { increment: 1 } }, select: { failedLogins: true } });
      let outcome: LoginFailureOutcome = { failedLogins, lockedUntil: null };
      if (failedLogins >= rule.lockAfter) {
        await tx.user.update({ where: { id: userId }, data: { failedLogins: 0, lockedUntil: rule.lockUntil } });
        outcome = { failedLogins, lockedUntil: rule.lockUntil };
      }
      for (const record of audit(outcome)) await this.audit.append(tx, record);
      return outcome;
    });
  }

  /** Seeding: creates the user, or updates name, body and roles of an existing one (its password stays). */
  async upsert(user: NewUserRecord): Promise<void> {
    const { displayName, bodyId, roles } = user;
    await this.db.user.upsert({ where: { username: user.username }, create: user, update: { displayName, bodyId, roles } });
  }
}
