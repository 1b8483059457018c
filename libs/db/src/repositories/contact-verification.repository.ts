import type { Db } from '../client.js';

/** Citizens' one-time codes for a phone or email, stored hashed. */
export class ContactVerificationRepository {
  constructor(private readonly db: Db) {}

  create(v: { id: string; userId: string; channel: string; address: string; codeHash: string; expiresAt: Date; createdAt: Date }) {
    return this.db.contactVerification.create({ data: v });
  }

  /** Codes requested by a user since a time, for the request limit. */
  countSince(userId: string, since: Date): Promise<number> {
    return this.db.contactVerification.count({ where: { userId, createdAt: { gte: since } } });
  }

  latestPending(userId: string, now: Date) {
    return this.db.contactVerification.findFirst({ where: { userId, verifiedAt: null, expiresAt: { gt: now } }, orderBy: { createdAt: 'desc' } });
  }

  /** Counts a wrong attempt; returns the attempts so far. */
  async recordAttempt(id: string): Promise<number> {
    const row = await this.db.contactVerification.update({ where: { id }, data: { attempts: { increment: 1 } } });
    return row.attempts;
  }

  markVerified(id: string, at: Date) {
    return this.db.contactVerification.update({ where: { id }, data: { verifiedAt: at } });
  }

  /** The user's verified contacts, newest first. */
  verified(userId: string) {
    return this.db.contactVerification.findMany({ where: { userId, verifiedAt: { not: null } }, orderBy: { verifiedAt: 'desc' } });
  }
}
