import { randomUUID } from 'node:crypto';
import type { Db } from '../client.js';
import { AuditRepository, type AuditRecord } from './audit.repository.js';

/** A person's TOTP enrolment as sign-in reads it: the sealed secret, whether it is confirmed, the last step used. */
export interface TotpRecord {
  sealedSecret: string | null;
  enabledAt: Date | null;
  lastStep: number | null;
}

/** The second sign-in step's records: the sealed TOTP secret, the last time step used, the recovery codes' hashes. */
export class SecondStepRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: Db) {
    this.audit = new AuditRepository(db);
  }

  async totpOf(userId: string): Promise<TotpRecord | null> {
    const row = await this.db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true } });
    return row && { sealedSecret: row.totpSecret, enabledAt: row.totpEnabledAt, lastStep: row.totpLastStep };
  }

  /**
   * Keeps a new, unconfirmed secret unless one is pending already: the sealed secret now pending (this one, or the
   * one a concurrent request stored first), or null once the person has a confirmed one.
   */
  async startEnrolment(userId: string, sealedSecret: string): Promise<string | null> {
    const { count } = await this.db.user.updateMany({ where: { id: userId, totpEnabledAt: null, totpSecret: null }, data: { totpSecret: sealedSecret, totpLastStep: null } });
    if (count === 1) return sealedSecret;
    const current = await this.totpOf(userId);
    return current && !current.enabledAt ? current.sealedSecret : null;
  }

  /**
   * Confirms the pending secret (only while it is still `sealedSecret` and unconfirmed), stores the recovery codes'
   * hashes in place of any older ones, marks the session as past the second step, and audits it; false when another
   * request confirmed or replaced the secret first (nothing written).
   */
  confirmEnrolment(userId: string, sealedSecret: string, timeStep: number, recoveryHashes: string[], sessionId: string, audit: AuditRecord & { at: Date }): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const { count } = await tx.user.updateMany({
        where: { id: userId, totpEnabledAt: null, totpSecret: sealedSecret },
        data: { totpEnabledAt: audit.at, totpLastStep: timeStep },
      });
      if (count === 0) return false;
      await tx.recoveryCode.deleteMany({ where: { userId } });
      await tx.recoveryCode.createMany({ data: recoveryHashes.map((codeHash) => ({ id: randomUUID(), userId, codeHash })) });
      await tx.session.updateMany({ where: { id: sessionId, userId }, data: { secondStepAt: audit.at } });
      await this.audit.append(tx, audit);
      return true;
    });
  }

  /** Records the time step of an accepted code; false when it (or a later one) was used already: a replay. */
  async useTimeStep(userId: string, timeStep: number): Promise<boolean> {
    const { count } = await this.db.user.updateMany({
      where: { id: userId, totpEnabledAt: { not: null }, OR: [{ totpLastStep: null }, { totpLastStep: { lt: timeStep } }] },
      data: { totpLastStep: timeStep },
    });
    return count === 1;
  }

  /** Uses up a recovery code; the count of unused ones left, or null when it is not one of the person's unused codes. */
  async useRecoveryCode(userId: string, codeHash: string, at: Date): Promise<number | null> {
    return this.db.$transaction(async (tx) => {
      const { count } = await tx.recoveryCode.updateMany({ where: { userId, codeHash, usedAt: null }, data: { usedAt: at } });
      if (count === 0) return null;
      return tx.recoveryCode.count({ where: { userId, usedAt: null } });
    });
  }

  /**
   * Removes the person's TOTP secret and recovery codes and ends their sessions (a lost phone may be in someone's
   * hand), with the audit record; false when they had no second step set up.
   */
  reset(userId: string, at: Date, audit: AuditRecord): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const { count } = await tx.user.updateMany({ where: { id: userId, totpSecret: { not: null } }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
      if (count === 0) return false;
      await tx.recoveryCode.deleteMany({ where: { userId } });
      await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: at } });
      await this.audit.append(tx, audit);
      return true;
    });
  }
}
