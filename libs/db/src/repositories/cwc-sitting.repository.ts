import { randomUUID } from 'node:crypto';
import type { Db } from '../client.js';

export interface CwcSittingRecord {
  sittingOn: Date;
  caseIds: string[];
  recordedBy: string;
  recordedAt: Date;
}

/** The days a CWC sat and the cases it heard (s.28(1)); one row per CWC and day. */
export class CwcSittingRepository {
  constructor(private readonly db: Db) {}

  /** Records the day's sitting, or replaces the cause list of a day already recorded. */
  record(bodyId: string, sittingOn: Date, caseIds: string[], recordedBy: string, recordedAt: Date): Promise<CwcSittingRecord> {
    return this.db.cwcSitting.upsert({
      where: { bodyId_sittingOn: { bodyId, sittingOn } },
      create: { id: randomUUID(), bodyId, sittingOn, caseIds, recordedBy, recordedAt },
      update: { caseIds, recordedBy, recordedAt },
      select: { sittingOn: true, caseIds: true, recordedBy: true, recordedAt: true },
    });
  }

  /** The sittings from `from` (inclusive) to `to` (exclusive), in order of day. */
  between(bodyId: string, from: Date, to: Date): Promise<CwcSittingRecord[]> {
    return this.db.cwcSitting.findMany({
      where: { bodyId, sittingOn: { gte: from, lt: to } },
      orderBy: { sittingOn: 'asc' },
      select: { sittingOn: true, caseIds: true, recordedBy: true, recordedAt: true },
    });
  }

  /** Of these case ids, those registered in the district (the cases a CWC of it may hear). */
  async casesOfDistrict(caseIds: string[], districtCode: string): Promise<Set<string>> {
    const rows = await this.db.case.findMany({ where: { id: { in: caseIds }, districtCode }, select: { id: true } });
    return new Set(rows.map((r) => r.id));
  }
}
