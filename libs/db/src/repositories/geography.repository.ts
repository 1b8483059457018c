import type { Db } from '../client.js';

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

  findDistrict(code: string) {
    return this.db.district.findUnique({ where: { code }, include: { state: true } });
  }
}
