import type { Db } from '../client.js';
import { AuditRepository, type AuditRecord } from './audit.repository.js';

export interface NewSessionRecord {
  id: string;
  userId: string;
  refreshHash: string;
  expiresAt: Date;
  at: Date;
  /** set when the sign-in passed the second step (a TOTP or recovery code) */
  secondStepAt?: Date | null;
}

export class SessionRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: Db) {
    this.audit = new AuditRepository(db);
  }

  /** A successful sign-in: the new session, the user's failure count and lock cleared, and its audit record, in one transaction. */
  recordLogin(session: NewSessionRecord, audit: AuditRecord): Promise<void> {
    const { at, ...fields } = session;
    return this.db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: session.userId }, data: { failedLogins: 0, lockedUntil: null } });
      await tx.session.create({ data: { ...fields, createdAt: at, lastUsedAt: at } });
      await this.audit.append(tx, audit);
    });
  }

  findById(id: string) {
    return this.db.session.findUnique({ where: { id } });
  }

  /** The session with its user, the user's body and roster seats (a member's term): everything authenticating a request needs. */
  findWithUser(id: string) {
    return this.db.session.findUnique({ where: { id }, include: { user: { include: { body: true, seats: true } } } });
  }

  /**
   * Rotates the refresh token: only while `currentHash` is still the session's, and the session is
   * neither revoked nor expired at `at`. False when any of that no longer holds (nothing is written).
   */
  rotate(id: string, currentHash: string, nextHash: string, at: Date, audit: AuditRecord): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const { count } = await tx.session.updateMany({
        where: { id, refreshHash: currentHash, revokedAt: null, expiresAt: { gt: at } },
        data: { refreshHash: nextHash, lastUsedAt: at },
      });
      if (count === 0) return false;
      await this.audit.append(tx, audit);
      return true;
    });
  }

  /** Revokes the session (once: false, and no audit record, when it already was). */
  revoke(id: string, at: Date, audit: AuditRecord): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const { count } = await tx.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
      if (count === 0) return false;
      await this.audit.append(tx, audit);
      return true;
    });
  }
}
