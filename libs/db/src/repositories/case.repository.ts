import type { Db } from '../client.js';
import { Prisma } from '../generated/client.js';
import { AuditRepository } from './audit.repository.js';

export interface CaseRegistrationRecord {
  track: string;
  districtCode: string;
  stateCode: string;
  childName: string | null;
  registeredAt: Date;
}

/** One step of a case's life as the workflow decided it; sequence 0 is the registration. */
export interface TransitionRecord {
  caseId: string;
  sequence: number;
  eventType: string;
  fromState: string | null;
  toState: string;
  phase: string;
  actorId: string | null;
  actorRole: string | null;
  payload: Record<string, unknown>;
  occurredAt: Date;
  registration?: CaseRegistrationRecord;
}

export class CaseRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: Db) {
    this.audit = new AuditRepository(db);
  }

  /**
   * Case row, timeline entry and audit entry in one transaction. Keyed by (caseId, sequence):
   * a retried activity finds its entry and writes nothing. Returns whether it wrote.
   */
  async recordTransition(t: TransitionRecord): Promise<boolean> {
    try {
      return await this.db.$transaction(async (tx) => {
        const seen = await tx.timelineEntry.findUnique({
          where: { caseId_sequence: { caseId: t.caseId, sequence: t.sequence } },
          select: { id: true },
        });
        if (seen) return false;
        if (t.registration) {
          await tx.case.create({
            data: {
              id: t.caseId,
              track: t.registration.track,
              state: t.toState,
              phase: t.phase,
              districtCode: t.registration.districtCode,
              stateCode: t.registration.stateCode,
              childName: t.registration.childName,
              sequence: t.sequence,
              registeredAt: t.registration.registeredAt,
            },
          });
        } else {
          await tx.case.updateMany({
            where: { id: t.caseId, sequence: { lt: t.sequence } },
            data: { state: t.toState, phase: t.phase, sequence: t.sequence },
          });
        }
        await tx.timelineEntry.create({
          data: {
            caseId: t.caseId,
            sequence: t.sequence,
            eventType: t.eventType,
            fromState: t.fromState,
            toState: t.toState,
            actorId: t.actorId,
            actorRole: t.actorRole,
            payload: t.payload as Prisma.InputJsonObject,
            occurredAt: t.occurredAt,
          },
        });
        await this.audit.append(tx, {
          chain: `case:${t.caseId}`,
          action: t.registration ? 'case.registered' : `case.event.${t.eventType}`,
          actorId: t.actorId,
          actorRole: t.actorRole,
          subjectType: 'case',
          subjectId: t.caseId,
          detail: { sequence: t.sequence, from: t.fromState, to: t.toState, payload: t.payload },
          at: t.occurredAt,
        });
        return true;
      });
    } catch (err) {
      // A concurrent retry of the same transition won the unique (caseId, sequence): already written.
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') return false;
      throw err;
    }
  }

  findById(caseId: string) {
    return this.db.case.findUnique({ where: { id: caseId } });
  }

  timeline(caseId: string) {
    return this.db.timelineEntry.findMany({ where: { caseId }, orderBy: { sequence: 'asc' } });
  }
}
