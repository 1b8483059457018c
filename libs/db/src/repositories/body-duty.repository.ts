import { randomUUID } from 'node:crypto';
import type { Db } from '../client.js';
import { InstitutionRepository, type RegistryChange } from './institution.repository.js';

export interface CciInspectionRecord {
  id: string;
  cciId: string;
  byBodyId: string;
  visitedAs: string;
  visitedOn: Date;
  findings: string;
  recordedBy: string;
  recordedAt: Date;
}

export interface BodyReturnRecord {
  bodyId: string;
  dutyId: string;
  period: string;
  filedOn: Date;
  pending: number;
  disposed: number;
  recordedBy: string;
  recordedAt: Date;
}

/** A CWC or JJB as the state monitor and the missed-duty watch read it. */
export interface DutyBody {
  id: string;
  type: string;
  name: string;
  stateCode: string;
  districtCode: string;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const returnSelect = { bodyId: true, dutyId: true, period: true, filedOn: true, pending: true, disposed: true, recordedBy: true, recordedAt: true } as const;

/** What the bodies did of their recurring duties: CCI visits with findings, and the returns they filed. */
export class BodyDutyRepository {
  constructor(
    private readonly db: Db,
    private readonly registry = new InstitutionRepository(db),
  ) {}

  /** A visit with its findings; audited on the institution's registry history. */
  recordInspection(i: Omit<CciInspectionRecord, 'id' | 'recordedBy' | 'recordedAt'>, change: RegistryChange): Promise<CciInspectionRecord> {
    return this.db.$transaction(async (tx) => {
      const row = await tx.cciInspection.create({ data: { id: randomUUID(), ...i, recordedBy: change.actorId, recordedAt: change.at } });
      await this.registry.appendChange(tx, i.cciId, 'inspection', change, null, { id: row.id, byBodyId: i.byBodyId, visitedAs: i.visitedAs, visitedOn: day(i.visitedOn), findings: i.findings });
      return row;
    });
  }

  /** The visits to these institutions from `from` (inclusive) to `to` (exclusive), newest first. */
  inspections(cciIds: string[], from: Date, to: Date): Promise<CciInspectionRecord[]> {
    return this.db.cciInspection.findMany({ where: { cciId: { in: cciIds }, visitedOn: { gte: from, lt: to } }, orderBy: [{ visitedOn: 'desc' }, { recordedAt: 'desc' }] });
  }

  /** Each institution's latest visit, whoever made it. */
  async lastInspections(cciIds: string[]): Promise<Map<string, Date>> {
    const rows = await this.db.cciInspection.groupBy({ by: ['cciId'], where: { cciId: { in: cciIds } }, _max: { visitedOn: true } });
    return new Map(rows.flatMap((r) => (r._max.visitedOn ? [[r.cciId, r._max.visitedOn] as const] : [])));
  }

  /** Files the body's return for a period, or replaces the one filed; the body's registry history keeps both versions. */
  fileReturn(r: Omit<BodyReturnRecord, 'recordedBy' | 'recordedAt'>, change: RegistryChange): Promise<BodyReturnRecord> {
    return this.db.$transaction(async (tx) => {
      const key = { bodyId_dutyId_period: { bodyId: r.bodyId, dutyId: r.dutyId, period: r.period } };
      const before = await tx.bodyReturn.findUnique({ where: key, select: returnSelect });
      const after = await tx.bodyReturn.upsert({
        where: key,
        create: { id: randomUUID(), ...r, recordedBy: change.actorId, recordedAt: change.at },
        update: { filedOn: r.filedOn, pending: r.pending, disposed: r.disposed, recordedBy: change.actorId, recordedAt: change.at },
        select: returnSelect,
      });
      const history = (x: BodyReturnRecord | null) => x && { dutyId: x.dutyId, period: x.period, filedOn: day(x.filedOn), pending: x.pending, disposed: x.disposed };
      await this.registry.appendChange(tx, r.bodyId, 'return', change, history(before), history(after));
      return after;
    });
  }

  returns(bodyIds: string[], dutyId?: string): Promise<BodyReturnRecord[]> {
    return this.db.bodyReturn.findMany({ where: { bodyId: { in: bodyIds }, ...(dutyId && { dutyId }) }, orderBy: { period: 'desc' }, select: returnSelect });
  }

  /** The state's (or district's) active CWCs and JJBs, by district. */
  dutyBodies(stateCode: string, districtCode?: string): Promise<DutyBody[]> {
    return this.db.body
      .findMany({
        where: { type: { in: ['CWC', 'JJB'] }, stateCode, ...(districtCode && { districtCode }), deactivatedAt: null },
        select: { id: true, type: true, name: true, stateCode: true, districtCode: true },
        orderBy: [{ districtCode: 'asc' }, { type: 'asc' }, { id: 'asc' }],
      })
      .then((rows) => rows.flatMap((r) => (r.stateCode && r.districtCode ? [{ ...r, stateCode: r.stateCode, districtCode: r.districtCode }] : [])));
  }

  /** The states that have any CWC or JJB: the watch goes through them one at a time. */
  async dutyStates(): Promise<string[]> {
    const rows = await this.db.body.findMany({ where: { type: { in: ['CWC', 'JJB'] }, deactivatedAt: null, stateCode: { not: null } }, distinct: ['stateCode'], select: { stateCode: true } });
    return rows.flatMap((r) => (r.stateCode ? [r.stateCode] : []));
  }

  /** Active child care institutions of these districts, by district. */
  async ccisOf(districtCodes: string[]): Promise<Map<string, { id: string; name: string }[]>> {
    const rows = await this.db.body.findMany({ where: { type: 'CCI', districtCode: { in: districtCodes }, deactivatedAt: null }, select: { id: true, name: true, districtCode: true }, orderBy: { id: 'asc' } });
    const by = new Map<string, { id: string; name: string }[]>();
    for (const r of rows) by.set(r.districtCode!, [...(by.get(r.districtCode!) ?? []), { id: r.id, name: r.name }]);
    return by;
  }

  /** Distinct days each body sat from `from` to `to` (exclusive). */
  async sittingDays(bodyIds: string[], from: Date, to: Date): Promise<Map<string, Date[]>> {
    const rows = await this.db.cwcSitting.findMany({ where: { bodyId: { in: bodyIds }, sittingOn: { gte: from, lt: to } }, select: { bodyId: true, sittingOn: true } });
    const by = new Map<string, Date[]>();
    for (const r of rows) by.set(r.bodyId, [...(by.get(r.bodyId) ?? []), r.sittingOn]);
    return by;
  }

  /** Each body's latest sitting. */
  async lastSittings(bodyIds: string[]): Promise<Map<string, Date>> {
    const rows = await this.db.cwcSitting.groupBy({ by: ['bodyId'], where: { bodyId: { in: bodyIds } }, _max: { sittingOn: true } });
    return new Map(rows.flatMap((r) => (r._max.sittingOn ? [[r.bodyId, r._max.sittingOn] as const] : [])));
  }

  /** Open cases before each district's CWC (CNCP) or JJB (CICL): `${districtCode}|${track}` → count. */
  async pendingCases(stateCode: string): Promise<Map<string, number>> {
    const rows = await this.db.case.groupBy({ by: ['districtCode', 'track'], where: { stateCode, closedAt: null }, _count: { _all: true } });
    return new Map(rows.map((r) => [`${r.districtCode}|${r.track}`, r._count._all]));
  }

  /** Open escalations of missed duties owed by these bodies. */
  async openDutyEscalations(bodyIds: string[], dutyIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.db.escalation.groupBy({ by: ['bodyId'], where: { bodyId: { in: bodyIds }, deadlineId: { in: [...dutyIds] }, status: { not: 'RESOLVED' }, metAt: null }, _count: { _all: true } });
    return new Map(rows.map((r) => [r.bodyId!, r._count._all]));
  }

  /** Whether any escalation was raised for this missed duty (its watch exists). */
  async escalated(bodyId: string, deadlineId: string, dueAt: Date): Promise<boolean> {
    return (await this.db.escalation.count({ where: { bodyId, deadlineId, dueAt } })) > 0;
  }
}
