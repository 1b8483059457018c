import type { Db } from '../client.js';
import { AuditRepository } from './audit.repository.js';

export interface DeadlinePolicyChange {
  stateCode: string;
  deadlineId: string;
  within: string;
  reason: string;
  setBy: string;
  setByRole: string;
  at: Date;
}

export class DeadlinePolicyRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: Db) {
    this.audit = new AuditRepository(db);
  }

  forState(stateCode: string) {
    return this.db.deadlinePolicyOverride.findMany({ where: { stateCode }, orderBy: { deadlineId: 'asc' } });
  }

  /** Sets a state's period and records who changed it, from what, and why, in one transaction. */
  async set(change: DeadlinePolicyChange): Promise<void> {
    await this.db.$transaction(async (tx) => {
      const key = { stateCode_deadlineId: { stateCode: change.stateCode, deadlineId: change.deadlineId } };
      const before = await tx.deadlinePolicyOverride.findUnique({ where: key });
      const row = { within: change.within, reason: change.reason, setBy: change.setBy, setAt: change.at };
      await tx.deadlinePolicyOverride.upsert({ where: key, create: { stateCode: change.stateCode, deadlineId: change.deadlineId, ...row }, update: row });
      await this.audit.append(tx, {
        chain: `policy:${change.stateCode}`,
        action: 'policy.deadline.set',
        actorId: change.setBy,
        actorRole: change.setByRole,
        subjectType: 'deadline-policy',
        subjectId: `${change.stateCode}/${change.deadlineId}`,
        detail: { from: before?.within ?? null, to: change.within, reason: change.reason },
        at: change.at,
      });
    });
  }
}
