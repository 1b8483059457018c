import type { Escalation, EscalationStatus } from '@raksha/domain';
import type { Db } from '../client.js';
import { AuditRepository } from './audit.repository.js';

export interface EscalationFilter {
  toBody?: string;
  districtCode?: string;
  stateCode?: string;
  status?: EscalationStatus;
  /** only escalations whose obligation is still unmet */
  unmet?: boolean;
  caseId?: string;
  bodyId?: string;
  /** the workflow that raised a body's escalations (one intervention's, one institution's watch) */
  watchId?: string;
  limit?: number;
}

/** A body's own obligation (an institution's registration) raised to one rung. */
export interface BodyEscalationRecord extends Escalation<Date> {
  bodyId: string;
  watchId: string;
  raisedAt: Date;
}

/** Someone acknowledged or resolved a body's escalation. */
export interface BodyEscalationActionRecord {
  id: string;
  bodyId: string;
  action: 'ACKNOWLEDGE' | 'RESOLVE';
  actorId: string;
  actorRole: string;
  note: string | null;
  at: Date;
}

const WITH_CASE_NUMBER = { case: { select: { caseNumber: true } } } as const;

export class EscalationRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: Db) {
    this.audit = new AuditRepository(db);
  }

  /** Writes a body's escalation and its audit entry; false when this rung of this miss is already on record. */
  recordBodyEscalation(e: BodyEscalationRecord): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const created = await tx.escalation.createMany({ data: [e], skipDuplicates: true });
      if (created.count === 0) return false;
      await this.audit.append(tx, {
        chain: `body:${e.bodyId}`,
        action: 'body.escalated',
        actorRole: 'SYSTEM',
        subjectType: 'escalation',
        subjectId: e.id,
        detail: { deadlineId: e.deadlineId, dueAt: e.dueAt.toISOString(), rung: e.rung, toBody: e.toBody },
        at: e.raisedAt,
      });
      return true;
    });
  }

  /** Acknowledgement or resolution of a body's escalation, audited; a repeat of the same action writes nothing. */
  recordBodyEscalationAction(a: BodyEscalationActionRecord): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const data =
        a.action === 'ACKNOWLEDGE'
          ? { status: 'ACKNOWLEDGED', acknowledgedAt: a.at, acknowledgedBy: a.actorId }
          : { status: 'RESOLVED', resolvedAt: a.at, resolvedBy: a.actorId, resolutionNote: a.note };
      const target = a.action === 'ACKNOWLEDGE' ? 'ACKNOWLEDGED' : 'RESOLVED';
      const changed = await tx.escalation.updateMany({ where: { id: a.id, bodyId: a.bodyId, status: { not: target } }, data });
      if (changed.count === 0) return false;
      await this.audit.append(tx, {
        chain: `body:${a.bodyId}`,
        action: `escalation.${a.action.toLowerCase()}`,
        actorId: a.actorId,
        actorRole: a.actorRole,
        subjectType: 'escalation',
        subjectId: a.id,
        detail: { note: a.note },
        at: a.at,
      });
      return true;
    });
  }

  /** The body met the obligation (late): its escalations stay on record, marked with when; `watchId` narrows it to one watch's (one intervention's). */
  markBodyObligationMet(bodyId: string, deadlineId: string, dueAt: Date, metAt: Date, watchId?: string): Promise<number> {
    return this.db.escalation.updateMany({ where: { bodyId, deadlineId, dueAt, metAt: null, ...(watchId !== undefined && { watchId }) }, data: { metAt } }).then((r) => r.count);
  }

  /** With its case's number, what people read of the case (null for a body's own obligation). */
  findById(id: string) {
    return this.db.escalation.findUnique({ where: { id }, include: WITH_CASE_NUMBER });
  }

  list(f: EscalationFilter) {
    return this.db.escalation.findMany({
      include: WITH_CASE_NUMBER,
      where: {
        ...(f.toBody && { toBody: f.toBody }),
        ...(f.districtCode !== undefined && { districtCode: f.districtCode }),
        ...(f.stateCode !== undefined && { stateCode: f.stateCode }),
        ...(f.status && { status: f.status }),
        ...(f.caseId && { caseId: f.caseId }),
        ...(f.bodyId && { bodyId: f.bodyId }),
        ...(f.watchId && { watchId: f.watchId }),
        ...(f.unmet && { metAt: null }),
      },
      orderBy: [{ dueAt: 'asc' }, { rung: 'asc' }],
      take: Math.min(f.limit ?? 100, 500),
    });
  }
}
