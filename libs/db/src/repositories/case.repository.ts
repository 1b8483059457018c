import type { Db, DbTransaction } from '../client.js';
import { Prisma } from '../generated/client.js';
import { AuditRepository } from './audit.repository.js';

export interface CaseRegistrationRecord {
  track: string;
  districtCode: string;
  stateCode: string;
  childName: string | null;
  registeredAt: Date;
  registeredBy: string | null;
}

export interface OpenDeadlineRecord {
  id: string;
  obligation: string;
  dueAt: string;
  citation: string;
}

/** What every timeline step carries; `(caseId, sequence)` makes a retried write a no-op. */
interface TimelineStep {
  caseId: string;
  sequence: number;
  eventType: string;
  fromState: string | null;
  toState: string;
  actorId: string | null;
  actorRole: string | null;
  payload: Record<string, unknown>;
  occurredAt: Date;
  deadlines?: DeadlineChanges;
}

/** Which statutory deadlines a step met (late or on time) and which it started. */
export interface DeadlineChanges {
  met: { id: string; dueAt: string; late: boolean }[];
  opened: { id: string; dueAt: string }[];
}

/** One step of a case's life as the workflow decided it; sequence 0 is the registration. */
export interface TransitionRecord extends TimelineStep {
  phase: string;
  /** Where the case stands after the step: a hand-off changes the track, an escorted transfer the district. */
  jurisdiction?: { track: string; districtCode: string; stateCode: string };
  openDeadlines: OpenDeadlineRecord[];
  deadlines?: DeadlineChanges;
  registration?: CaseRegistrationRecord;
}

/** A missed deadline raised to one rung of the ladder. */
export interface EscalationRecord extends TimelineStep {
  escalation: {
    id: string;
    deadlineId: string;
    obligation: string;
    citation: string;
    rung: number;
    toBody: string;
    districtCode: string;
    stateCode: string;
    dueAt: Date;
  };
}

export interface EscalationActionRecord extends TimelineStep {
  escalationId: string;
  action: 'ACKNOWLEDGE' | 'RESOLVE';
  note: string | null;
}

export interface CaseListFilter {
  stateCode?: string;
  districtCode?: string;
  track?: string;
  phase?: string;
  /** only cases with a deadline due before this time */
  overdueAt?: Date;
  registeredFrom?: Date;
  registeredTo?: Date;
  after?: { registeredAt: Date; id: string };
  limit: number;
}

/** What the MIS dashboards count, from the step that reached it: production and SIR on time or late, restoration, closure. */
function milestonesOf(t: TransitionRecord) {
  const late = (suffix: string) => t.deadlines?.met.find((m) => m.id.endsWith(suffix))?.late ?? false;
  switch (t.eventType) {
    case 'PRODUCED_BEFORE_CWC':
    case 'PRODUCED_BEFORE_JJB':
      return { producedAt: t.occurredAt, productionLate: late('.production') };
    case 'SIR_SUBMITTED':
      return { sirSubmittedAt: t.occurredAt, sirLate: late('.sir') };
    case 'CHILD_RESTORED':
      return { restoredAt: t.occurredAt };
    case 'CLOSE_CASE':
      return { closedAt: t.occurredAt };
    default:
      return {};
  }
}

export class CaseRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: Db) {
    this.audit = new AuditRepository(db);
  }

  /** Case row, timeline entry and audit entry in one transaction; false when already written. */
  recordTransition(t: TransitionRecord): Promise<boolean> {
    return this.writeStep({ ...t, ...(t.deadlines && { deadlines: t.deadlines }) }, t.registration ? 'case.registered' : `case.event.${t.eventType}`, async (tx) => {
      const nextDueAt = t.openDeadlines.map((d) => d.dueAt).sort()[0];
      const projection = {
        state: t.toState,
        phase: t.phase,
        sequence: t.sequence,
        nextDueAt: nextDueAt ? new Date(nextDueAt) : null,
        openDeadlines: t.openDeadlines as unknown as Prisma.InputJsonArray,
      };
      if (t.registration) {
        const r = t.registration;
        await tx.case.create({
          data: { id: t.caseId, track: r.track, districtCode: r.districtCode, stateCode: r.stateCode, childName: r.childName, registeredAt: r.registeredAt, registeredBy: r.registeredBy, ...projection },
        });
        return;
      }
      await tx.case.updateMany({ where: { id: t.caseId, sequence: { lt: t.sequence } }, data: { ...projection, ...t.jurisdiction, ...milestonesOf(t) } });
      // An obligation met late: its escalations stay on record, marked with when it was met.
      const open = new Set(t.openDeadlines.map((d) => `${d.id}@${new Date(d.dueAt).toISOString()}`));
      const unmet = await tx.escalation.findMany({ where: { caseId: t.caseId, metAt: null }, select: { id: true, deadlineId: true, dueAt: true } });
      const met = unmet.filter((e) => !open.has(`${e.deadlineId}@${e.dueAt.toISOString()}`)).map((e) => e.id);
      if (met.length) await tx.escalation.updateMany({ where: { id: { in: met } }, data: { metAt: t.occurredAt } });
    });
  }

  /** Escalation row, timeline entry and audit entry in one transaction; false when already written. */
  recordEscalation(e: EscalationRecord): Promise<boolean> {
    return this.writeStep(e, 'case.escalated', async (tx) => {
      await tx.escalation.create({ data: { ...e.escalation, caseId: e.caseId, raisedAt: e.occurredAt } });
      await this.advanceSequence(tx, e);
    });
  }

  /** Acknowledgement or resolution of an escalation; the miss itself stays as it was recorded. */
  recordEscalationAction(a: EscalationActionRecord): Promise<boolean> {
    return this.writeStep(a, `escalation.${a.action.toLowerCase()}`, async (tx) => {
      const data =
        a.action === 'ACKNOWLEDGE'
          ? { status: 'ACKNOWLEDGED', acknowledgedAt: a.occurredAt, acknowledgedBy: a.actorId }
          : { status: 'RESOLVED', resolvedAt: a.occurredAt, resolvedBy: a.actorId, resolutionNote: a.note };
      await tx.escalation.update({ where: { id: a.escalationId }, data });
      await this.advanceSequence(tx, a);
    });
  }

  /** The case row's sequence counts every timeline step, so the audit verifier knows the chain's length. */
  private async advanceSequence(tx: DbTransaction, step: TimelineStep): Promise<void> {
    await tx.case.updateMany({ where: { id: step.caseId, sequence: { lt: step.sequence } }, data: { sequence: step.sequence } });
  }

  private async writeStep(step: TimelineStep, auditAction: string, project: (tx: DbTransaction) => Promise<void>): Promise<boolean> {
    try {
      return await this.db.$transaction(async (tx) => {
        const seen = await tx.timelineEntry.findUnique({
          where: { caseId_sequence: { caseId: step.caseId, sequence: step.sequence } },
          select: { id: true },
        });
        if (seen) return false;
        await project(tx);
        await tx.timelineEntry.create({
          data: {
            caseId: step.caseId,
            sequence: step.sequence,
            eventType: step.eventType,
            fromState: step.fromState,
            toState: step.toState,
            actorId: step.actorId,
            actorRole: step.actorRole,
            payload: step.payload as Prisma.InputJsonObject,
            ...(step.deadlines && { deadlines: step.deadlines as unknown as Prisma.InputJsonObject }),
            occurredAt: step.occurredAt,
          },
        });
        await this.audit.append(tx, {
          chain: `case:${step.caseId}`,
          action: auditAction,
          actorId: step.actorId,
          actorRole: step.actorRole,
          subjectType: 'case',
          subjectId: step.caseId,
          detail: { sequence: step.sequence, event: step.eventType, from: step.fromState, to: step.toState, payload: step.payload },
          at: step.occurredAt,
        });
        return true;
      });
    } catch (err) {
      // A concurrent retry of the same step won the unique (caseId, sequence): already written.
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') return false;
      throw err;
    }
  }

  /** A page of cases, newest registration first; `after` is the last row of the previous page. */
  list(f: CaseListFilter) {
    return this.db.case.findMany({
      where: {
        ...(f.stateCode !== undefined && { stateCode: f.stateCode }),
        ...(f.districtCode !== undefined && { districtCode: f.districtCode }),
        ...(f.track && { track: f.track }),
        ...(f.phase && { phase: f.phase }),
        ...(f.overdueAt && { nextDueAt: { lt: f.overdueAt } }),
        ...((f.registeredFrom || f.registeredTo) && {
          registeredAt: { ...(f.registeredFrom && { gte: f.registeredFrom }), ...(f.registeredTo && { lt: f.registeredTo }) },
        }),
        ...(f.after && {
          OR: [{ registeredAt: { lt: f.after.registeredAt } }, { registeredAt: f.after.registeredAt, id: { lt: f.after.id } }],
        }),
      },
      orderBy: [{ registeredAt: 'desc' }, { id: 'desc' }],
      take: f.limit,
    });
  }

  /** Open cases with a deadline running, soonest due first: what a body must act on next. */
  queue(f: { stateCode?: string; districtCode?: string; tracks?: string[]; limit: number }) {
    return this.db.case.findMany({
      where: {
        ...(f.stateCode !== undefined && { stateCode: f.stateCode }),
        ...(f.districtCode !== undefined && { districtCode: f.districtCode }),
        ...(f.tracks && { track: { in: f.tracks } }),
        nextDueAt: { not: null },
        phase: { not: 'CLOSED' },
      },
      orderBy: [{ nextDueAt: 'asc' }, { id: 'asc' }],
      take: f.limit,
    });
  }

  findById(caseId: string) {
    return this.db.case.findUnique({ where: { id: caseId } });
  }

  timeline(caseId: string) {
    return this.db.timelineEntry.findMany({ where: { caseId }, orderBy: { sequence: 'asc' } });
  }

  escalations(caseId: string) {
    return this.db.escalation.findMany({ where: { caseId }, orderBy: [{ raisedAt: 'asc' }, { rung: 'asc' }] });
  }
}
