import { randomUUID } from 'node:crypto';
import type { Db, DbTransaction } from '../client.js';
import { AuditRepository, type AuditRecord } from './audit.repository.js';

export interface AdmissionRecord {
  id: string;
  caseId: string;
  institutionId: string;
  orderRef: string;
  gender: string;
  ageBand: string;
  admittedAt: Date;
  admittedBy: string;
  overCapacityReason: string | null;
  endedAt: Date | null;
  endReason: string | null;
  endNote: string | null;
  endedBy: string | null;
  transferredToId: string | null;
}

export interface OccupancyRow {
  gender: string;
  ageBand: string;
  sanctioned: number;
  occupied: number;
}

export type NewAdmission = Omit<AdmissionRecord, 'endedAt' | 'endReason' | 'endNote' | 'endedBy' | 'transferredToId'>;

export type AdmitOutcome =
  | { ok: true; admission: AdmissionRecord }
  | { ok: false; reason: 'ALREADY_ADMITTED'; admission: AdmissionRecord }
  | { ok: false; reason: 'OVER_CAPACITY'; gender: string; ageBand: string; occupied: number; sanctioned: number }
  | { ok: false; reason: 'NOT_ADMITTED' };

/** The admission or discharge a case step brings with it (libs/case-machine placements.ts `stayChangeOf`). */
export type StayChangeRecord =
  | { place: { placeId: string; orderRef: string; overCapacityReason: string | null; gender: string; ageBand: string } }
  | { end: string };

/** The step a stay change follows: who ordered it, when, and where it stands on the case's timeline. */
export interface StayStep {
  caseId: string;
  sequence: number;
  eventType: string;
  actorId: string | null;
  actorRole: string | null;
  occurredAt: Date;
}

export class AdmissionRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: Db) {
    this.audit = new AuditRepository(db);
  }

  institution(institutionId: string) {
    return this.db.institution.findUnique({ where: { bodyId: institutionId }, include: { body: true, capacities: true } });
  }

  findById(id: string): Promise<AdmissionRecord | null> {
    return this.db.admission.findUnique({ where: { id } });
  }

  /** The child's current stay, if any: a child is in one institution at a time. */
  current(caseId: string): Promise<AdmissionRecord | null> {
    return this.db.admission.findFirst({ where: { caseId, endedAt: null } });
  }

  history(caseId: string): Promise<AdmissionRecord[]> {
    return this.db.admission.findMany({ where: { caseId }, orderBy: { admittedAt: 'asc' } });
  }

  /** Children in the institution now, with the case's name for the list. */
  residents(institutionId: string) {
    return this.db.admission.findMany({
      where: { institutionId, endedAt: null },
      orderBy: { admittedAt: 'asc' },
      include: { case: { select: { childName: true, track: true, state: true, nextDueAt: true } } },
    });
  }

  /** Sanctioned places and children present, per gender and age band, counted now. */
  occupancy(institutionId: string, tx: DbTransaction | Db = this.db): Promise<OccupancyRow[]> {
    return tx.$queryRaw<OccupancyRow[]>`
      SELECT coalesce(c.gender, o.gender) AS gender, coalesce(c."ageBand", o."ageBand") AS "ageBand",
             coalesce(c.sanctioned, 0)::int AS sanctioned, coalesce(o.occupied, 0)::int AS occupied
      FROM (SELECT gender, "ageBand", sanctioned FROM "InstitutionCapacity" WHERE "institutionId" = ${institutionId}) c
      FULL JOIN (SELECT gender, "ageBand", count(*) AS occupied FROM "Admission"
                 WHERE "institutionId" = ${institutionId} AND "endedAt" IS NULL GROUP BY gender, "ageBand") o
        ON o.gender = c.gender AND o."ageBand" = c."ageBand"
      ORDER BY 1, 2`;
  }

  /**
   * Admits the child, checking capacity and the child's other stays under a lock on the institution, so two
   * admissions at once cannot both take the last place. Audited on the institution's admissions chain.
   */
  admit(admission: NewAdmission, audit: Omit<AuditRecord, 'chain' | 'subjectType' | 'subjectId'>): Promise<AdmitOutcome> {
    return this.db.$transaction(async (tx) => {
      const outcome = await this.admitIn(tx, admission);
      if (outcome.ok) await this.audit.append(tx, { ...audit, chain: `admissions:${admission.institutionId}`, subjectType: 'admission', subjectId: admission.id });
      return outcome;
    });
  }

  /** Ends the current stay and admits the child to the next institution, both or neither. */
  transfer(
    fromId: string,
    next: NewAdmission,
    ended: { endedBy: string; endNote: string | null },
    audit: Omit<AuditRecord, 'chain' | 'subjectType' | 'subjectId'>,
  ): Promise<AdmitOutcome> {
    return this.db.$transaction(async (tx) => {
      const from = await tx.admission.findUnique({ where: { id: fromId } });
      if (!from || from.endedAt) return { ok: false, reason: 'NOT_ADMITTED' } as const;
      await tx.admission.update({ where: { id: fromId }, data: { endedAt: next.admittedAt, endReason: 'TRANSFERRED', endNote: ended.endNote, endedBy: ended.endedBy } });
      const outcome = await this.admitIn(tx, next);
      if (!outcome.ok) throw new TransferRefused(outcome); // rolls back the end of the first stay
      await tx.admission.update({ where: { id: fromId }, data: { transferredToId: next.id } });
      await this.audit.append(tx, { ...audit, chain: `admissions:${from.institutionId}`, subjectType: 'admission', subjectId: fromId });
      await this.audit.append(tx, { ...audit, chain: `admissions:${next.institutionId}`, subjectType: 'admission', subjectId: next.id });
      return outcome;
    }).catch((err: unknown) => {
      if (err instanceof TransferRefused) return err.outcome;
      throw err;
    });
  }

  discharge(
    id: string,
    ended: { endedAt: Date; endReason: string; endNote: string | null; endedBy: string },
    audit: Omit<AuditRecord, 'chain' | 'subjectType' | 'subjectId'>,
  ): Promise<AdmissionRecord | null> {
    return this.db.$transaction(async (tx) => {
      const open = await tx.admission.updateManyAndReturn({ where: { id, endedAt: null }, data: ended });
      const done = open[0];
      if (!done) return null;
      await this.audit.append(tx, { ...audit, chain: `admissions:${done.institutionId}`, subjectType: 'admission', subjectId: id });
      return done;
    });
  }

  /**
   * The stay an order brings, inside the transaction that records the order's step (CaseRepository), so the
   * order and the admission are on record together or not at all, and a retried step (already written) changes
   * nothing. An order naming the place the child is in already keeps the stay, now under this order; naming
   * another moves the child (the stay there ends TRANSFERRED). Capacity was checked when the order was made:
   * the order is the CWC's or JJB's decision, so it is admitted as ordered.
   */
  async followOrder(tx: DbTransaction, step: StayStep, change: StayChangeRecord): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`admission:${step.caseId}`}, 0))`;
    const current = await tx.admission.findFirst({ where: { caseId: step.caseId, endedAt: null } });
    const by = step.actorId ?? 'system';
    const audit = (institutionId: string, subjectId: string, action: string, detail: Record<string, unknown>) =>
      this.audit.append(tx, {
        chain: `admissions:${institutionId}`,
        action,
        actorId: step.actorId,
        actorRole: step.actorRole,
        subjectType: 'admission',
        subjectId,
        detail: { caseId: step.caseId, sequence: step.sequence, event: step.eventType, ...detail },
        at: step.occurredAt,
      });
    if ('end' in change) {
      if (!current) return;
      await tx.admission.update({ where: { id: current.id }, data: { endedAt: step.occurredAt, endReason: change.end, endedBy: by } });
      await audit(current.institutionId, current.id, 'admission.discharged', { institutionId: current.institutionId, reason: change.end });
      return;
    }
    const { placeId, orderRef, overCapacityReason, gender, ageBand } = change.place;
    if (current?.institutionId === placeId) {
      await tx.admission.update({ where: { id: current.id }, data: { orderRef } });
      return;
    }
    await tx.$queryRaw`SELECT 1 FROM "Institution" WHERE "bodyId" = ${placeId} FOR UPDATE`;
    const id = randomUUID();
    if (current) {
      await tx.admission.update({ where: { id: current.id }, data: { endedAt: step.occurredAt, endReason: 'TRANSFERRED', endedBy: by, transferredToId: id } });
      await audit(current.institutionId, current.id, 'admission.transferred', { from: current.institutionId, to: placeId, orderRef });
    }
    await tx.admission.create({ data: { id, caseId: step.caseId, institutionId: placeId, orderRef, gender, ageBand, admittedAt: step.occurredAt, admittedBy: by, overCapacityReason } });
    await audit(placeId, id, 'admission.admitted', { institutionId: placeId, orderRef, overCapacityReason });
  }

  private async admitIn(tx: DbTransaction, a: NewAdmission): Promise<AdmitOutcome> {
    await tx.$queryRaw`SELECT 1 FROM "Institution" WHERE "bodyId" = ${a.institutionId} FOR UPDATE`;
    // A case's stays are serialised too, so one child is never admitted to two places at once.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`admission:${a.caseId}`}, 0))`;
    const current = await tx.admission.findFirst({ where: { caseId: a.caseId, endedAt: null } });
    if (current) return { ok: false, reason: 'ALREADY_ADMITTED', admission: current };
    const band = (await this.occupancy(a.institutionId, tx)).find((r) => r.gender === a.gender && r.ageBand === a.ageBand);
    const occupied = band?.occupied ?? 0;
    const sanctioned = band?.sanctioned ?? 0;
    if (occupied >= sanctioned && !a.overCapacityReason) return { ok: false, reason: 'OVER_CAPACITY', gender: a.gender, ageBand: a.ageBand, occupied, sanctioned };
    const admission = await tx.admission.create({ data: a });
    return { ok: true, admission };
  }
}

class TransferRefused extends Error {
  constructor(readonly outcome: AdmitOutcome) {
    super('transfer refused');
  }
}
