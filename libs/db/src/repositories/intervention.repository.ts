import type { Db } from '../client.js';
import { Prisma } from '../generated/client.js';
import { AuditRepository } from './audit.repository.js';

/** A call as the helpline passed it on. */
export interface HelplineCallRecord {
  helpline: string;
  callId: string;
  calledAt: Date;
  callerRelation: string;
  childDescription: string;
  distress: string;
  thanaCode: string | null;
  lat: number | null;
  lon: number | null;
  /** the call's canonical body, hashed: what tells a retry from another call under the same id */
  bodyHash: string;
}

export interface NewIntervention {
  id: string;
  helpline: string;
  stateCode: string;
  districtCode: string;
  thanaCode: string | null;
  lat: number | null;
  lon: number | null;
  placeText: string | null;
  ownerBodyId: string;
  childDescription: string;
  childGender: string | null;
  distress: string;
  firstCalledAt: Date;
  respondBy: Date;
}

/** One step the intervention's workflow decided: the child reached, rescued (a case), or the intervention closed. */
export interface InterventionStepRecord {
  interventionId: string;
  action: 'REACHED' | 'RESCUED' | 'CLOSED';
  at: Date;
  actorId: string;
  actorRole: string;
  caseId?: string;
  reason?: string;
  note?: string | null;
}

export interface InterventionFilter {
  stateCode?: string;
  districtCode?: string;
  statuses?: string[];
  limit: number;
}

export const interventionChain = (id: string) => `intervention:${id}`;

const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';

export class InterventionRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: Db) {
    this.audit = new AuditRepository(db);
  }

  /** The call on record under the helpline's call id, with the intervention it belongs to. */
  findCall(helpline: string, callId: string) {
    return this.db.helplineCall.findUnique({ where: { helpline_callId: { helpline, callId } }, include: { intervention: true } });
  }

  findById(id: string) {
    return this.db.intervention.findUnique({ where: { id } });
  }

  /** The readable numbers of rescued children's cases, by case id. */
  async caseNumbers(caseIds: (string | null)[]): Promise<Map<string, string>> {
    const ids = caseIds.filter((id): id is string => id !== null);
    if (ids.length === 0) return new Map();
    const rows = await this.db.case.findMany({ where: { id: { in: ids } }, select: { id: true, caseNumber: true } });
    return new Map(rows.flatMap((r) => (r.caseNumber ? [[r.id, r.caseNumber] as const] : [])));
  }

  calls(interventionId: string) {
    return this.db.helplineCall.findMany({ where: { interventionId }, orderBy: { calledAt: 'asc' } });
  }

  /** Interventions still under way in a district whose first call came since `since`: those a repeat call may join. */
  underWay(districtCode: string, since: Date) {
    return this.db.intervention.findMany({
      where: { districtCode, status: { in: ['OPEN', 'REACHED'] }, firstCalledAt: { gte: since } },
      orderBy: { firstCalledAt: 'desc' },
      take: 50,
    });
  }

  list(f: InterventionFilter) {
    return this.db.intervention.findMany({
      where: {
        ...(f.stateCode !== undefined && { stateCode: f.stateCode }),
        ...(f.districtCode !== undefined && { districtCode: f.districtCode }),
        ...(f.statuses && { status: { in: f.statuses } }),
      },
      orderBy: [{ firstCalledAt: 'desc' }, { id: 'asc' }],
      take: Math.min(f.limit, 200),
      include: { _count: { select: { calls: true } } },
    });
  }

  /**
   * The intervention and its first call, audited, in one transaction; false (nothing written) when the
   * helpline's call id is already on record (a retried request, or the same call sent twice at once).
   */
  async open(i: NewIntervention, call: HelplineCallRecord): Promise<boolean> {
    try {
      await this.db.$transaction(async (tx) => {
        await tx.intervention.create({ data: i });
        await tx.helplineCall.create({ data: { ...call, interventionId: i.id } });
        await this.audit.append(tx, {
          chain: interventionChain(i.id),
          action: 'intervention.opened',
          actorId: null,
          actorRole: `HELPLINE_${call.helpline}`,
          subjectType: 'intervention',
          subjectId: i.id,
          detail: { helpline: call.helpline, callId: call.callId, districtCode: i.districtCode, ownerBodyId: i.ownerBodyId },
          at: call.calledAt,
        });
      });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  /** A repeat call joins an intervention under way; false when the call id is already on record. */
  async join(interventionId: string, call: HelplineCallRecord): Promise<boolean> {
    try {
      await this.db.$transaction(async (tx) => {
        await tx.helplineCall.create({ data: { ...call, interventionId } });
        await this.audit.append(tx, {
          chain: interventionChain(interventionId),
          action: 'intervention.call.joined',
          actorId: null,
          actorRole: `HELPLINE_${call.helpline}`,
          subjectType: 'intervention',
          subjectId: interventionId,
          detail: { helpline: call.helpline, callId: call.callId },
          at: call.calledAt,
        });
      });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  /** The step on the row and the audit chain in one transaction; a retried step (status already there) writes nothing. */
  recordStep(s: InterventionStepRecord): Promise<boolean> {
    const data =
      s.action === 'REACHED'
        ? { status: 'REACHED', reachedAt: s.at }
        : s.action === 'RESCUED'
          ? { status: 'RESCUED', rescuedAt: s.at, caseId: s.caseId ?? null }
          : { status: 'CLOSED', closedAt: s.at, closeReason: s.reason ?? null, closeNote: s.note ?? null };
    return this.db.$transaction(async (tx) => {
      const changed = await tx.intervention.updateMany({ where: { id: s.interventionId, status: { notIn: [s.action, 'RESCUED', 'CLOSED'] } }, data });
      if (changed.count === 0) return false;
      // A rescue reaches the child too, if no one recorded that before.
      if (s.action === 'RESCUED') await tx.intervention.updateMany({ where: { id: s.interventionId, reachedAt: null }, data: { reachedAt: s.at } });
      await this.audit.append(tx, {
        chain: interventionChain(s.interventionId),
        action: `intervention.${s.action.toLowerCase()}`,
        actorId: s.actorId,
        actorRole: s.actorRole,
        subjectType: 'intervention',
        subjectId: s.interventionId,
        detail: { ...(s.caseId && { caseId: s.caseId }), ...(s.reason && { reason: s.reason }), ...(s.note && { note: s.note }) },
        at: s.at,
      });
      return true;
    });
  }
}
