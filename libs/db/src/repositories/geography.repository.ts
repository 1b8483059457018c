import type { Db } from '../client.js';

export class GeographyRepository {
  constructor(private readonly db: Db) {}

  findDistrict(code: string) {
    return this.db.district.findUnique({ where: { code }, include: { state: true } });
  }
}
