import { randomUUID } from 'node:crypto';
import type { Db } from '../client.js';
import { InstitutionRepository, type RegistryChange } from './institution.repository.js';

export interface CwcSittingRecord {
  sittingOn: Date;
  caseIds: string[];
  recordedBy: string;
  recordedAt: Date;
}

const sittingSelect = { sittingOn: true, caseIds: true, recordedBy: true, recordedAt: true } as const;
const day = (d: Date) => d.toISOString().slice(0, 10);
const asHistory = (s: CwcSittingRecord | null) => (s ? { sittingOn: day(s.sittingOn), caseIds: s.caseIds } : null);

/** The days a CWC (s.28(1)) or JJB (s.7(1)) sat and the cases it heard; one row per body and day. */
export class CwcSittingRepository {
  constructor(
    private readonly db: Db,
    private readonly registry = new InstitutionRepository(db),
  ) {}

  /** Records the day's sitting, or replaces the cause list of a day already recorded; the body's registry history keeps both versions. */
  record(bodyId: string, sittingOn: Date, caseIds: string[], change: RegistryChange): Promise<CwcSittingRecord> {
    return this.db.$transaction(async (tx) => {
      const before = await tx.cwcSitting.findUnique({ where: { bodyId_sittingOn: { bodyId, sittingOn } }, select: sittingSelect });
      const after = await tx.cwcSitting.upsert({
        where: { bodyId_sittingOn: { bodyId, sittingOn } },
        create: { id: randomUUID(), bodyId, sittingOn, caseIds, recordedBy: change.actorId, recordedAt: change.at },
        update: { caseIds, recordedBy: change.actorId, recordedAt: change.at },
        select: sittingSelect,
      });
      await this.registry.appendChange(tx, bodyId, 'sitting', change, asHistory(before), asHistory(after));
      return after;
    });
  }

  /** The sittings from `from` (inclusive) to `to` (exclusive), in order of day. */
  between(bodyId: string, from: Date, to: Date): Promise<CwcSittingRecord[]> {
    return this.db.cwcSitting.findMany({ where: { bodyId, sittingOn: { gte: from, lt: to } }, orderBy: { sittingOn: 'asc' }, select: sittingSelect });
  }

  /** Of these case ids, those of the district on the track a body of the kind hears (a JJB: CICL; a CWC: CNCP). */
  async casesBefore(caseIds: string[], districtCode: string, track: string): Promise<Set<string>> {
    const rows = await this.db.case.findMany({ where: { id: { in: caseIds }, districtCode, track }, select: { id: true } });
    return new Set(rows.map((r) => r.id));
  }
}
