import type { Db } from '../client.js';
import { Prisma } from '../generated/client.js';
import { AuditRepository } from './audit.repository.js';

/** One rung of a state's escalation ladder, as stored (the case machine's EscalationRung). */
export type StoredRung = {
  to: string;
  after: string;
};

/** What a state changes for one deadline: each field given replaces the state's own (null goes back to the default), each left out stays. */
export interface DeadlinePolicyChange {
  stateCode: string;
  deadlineId: string;
  within?: string | null;
  opensAfter?: string | null;
  ladder?: StoredRung[] | null;
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
      const was = { within: before?.within ?? null, opensAfter: before?.opensAfter ?? null, ladder: (before?.ladder as StoredRung[] | null | undefined) ?? null };
      const now = {
        within: change.within === undefined ? was.within : change.within,
        opensAfter: change.opensAfter === undefined ? was.opensAfter : change.opensAfter,
        ladder: change.ladder === undefined ? was.ladder : change.ladder,
      };
      const row = { within: now.within, opensAfter: now.opensAfter, ladder: now.ladder ?? Prisma.DbNull, reason: change.reason, setBy: change.setBy, setAt: change.at };
      await tx.deadlinePolicyOverride.upsert({ where: key, create: { stateCode: change.stateCode, deadlineId: change.deadlineId, ...row }, update: row });
      await this.audit.append(tx, {
        chain: `policy:${change.stateCode}`,
        action: 'policy.deadline.set',
        actorId: change.setBy,
        actorRole: change.setByRole,
        subjectType: 'deadline-policy',
        subjectId: `${change.stateCode}/${change.deadlineId}`,
        detail: { from: was.within, to: now.within, ...(was.opensAfter !== now.opensAfter && { opensAfter: { from: was.opensAfter, to: now.opensAfter } }), ...(JSON.stringify(was.ladder) !== JSON.stringify(now.ladder) && { ladder: { from: was.ladder, to: now.ladder } }), reason: change.reason },
        at: change.at,
      });
    });
  }
}
