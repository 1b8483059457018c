import type { AuditRecord } from '../audit-chain.js';
import type { Db } from '../client.js';
import { AuditRepository } from './audit.repository.js';

export class GeographyRepository {
  constructor(private readonly db: Db) {}

  findState(code: string) {
    return this.db.state.findUnique({ where: { code } });
  }

  /** Every state and UT, by name: what a place picker offers. */
  states() {
    return this.db.state.findMany({ select: { code: true, name: true, kind: true }, orderBy: { name: 'asc' } });
  }

  districtsOf(stateCode: string) {
    return this.db.district.findMany({ where: { stateCode }, select: { code: true, name: true }, orderBy: { name: 'asc' } });
  }

  /** Every district with its state: what a legacy import resolves district names against. */
  allDistricts() {
    return this.db.district.findMany({ select: { code: true, name: true, stateCode: true } });
  }

  /** A district's blocks, police stations or villages (of one block), by name. */
  localPlacesOf(districtCode: string, kind?: string, blockCode?: string) {
    return this.db.localPlace.findMany({
      where: { districtCode, ...(kind && { kind }), ...(blockCode && { blockCode }) },
      select: { code: true, kind: true, name: true, districtCode: true, blockCode: true },
      orderBy: [{ name: 'asc' }, { code: 'asc' }],
    });
  }

  findLocalPlaces(codes: string[]) {
    return this.db.localPlace.findMany({ where: { code: { in: codes } } });
  }

  /**
   * Creates or renames places by code, all in one transaction with its audit entry: a file imported twice
   * writes nothing the second time. Answers the codes written.
   */
  async upsertLocalPlaces(places: { code: string; kind: string; name: string; districtCode: string; stateCode: string; blockCode?: string | null }[], audit: AuditRecord): Promise<string[]> {
    const existing = new Map((await this.findLocalPlaces(places.map((p) => p.code))).map((p) => [p.code, p]));
    const changed = places.filter((p) => {
      const e = existing.get(p.code);
      return !e || e.name !== p.name || e.kind !== p.kind || e.blockCode !== (p.blockCode ?? null);
    });
    if (changed.length === 0) return [];
    await this.db.$transaction(async (tx) => {
      // New places in one statement; a renamed one (rare) one by one. A place never moves district: its code names it.
      await tx.localPlace.createMany({ data: changed.filter((p) => !existing.has(p.code)), skipDuplicates: true });
      for (const p of changed.filter((c) => existing.has(c.code))) await tx.localPlace.update({ where: { code: p.code }, data: { name: p.name, kind: p.kind, blockCode: p.blockCode ?? null } });
      await new AuditRepository(this.db).append(tx, { ...audit, detail: { ...audit.detail, codes: changed.map((p) => p.code) } });
    });
    return changed.map((p) => p.code);
  }

  findDistrict(code: string) {
    return this.db.district.findUnique({ where: { code }, include: { state: true } });
  }
}
