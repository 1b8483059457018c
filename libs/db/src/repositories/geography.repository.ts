import type { Db } from '../client.js';

export class GeographyRepository {
  constructor(private readonly db: Db) {}

  findState(code: string) {
    return this.db.state.findUnique({ where: { code } });
  }

  findDistrict(code: string) {
    return this.db.district.findUnique({ where: { code }, include: { state: true } });
  }
}
