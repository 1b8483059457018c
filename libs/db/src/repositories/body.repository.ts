import type { Db } from '../client.js';

/** A body of the child-protection system as stored: its type and the jurisdiction it serves. */
export interface BodyRecord {
  id: string;
  type: string;
  name: string;
  level: string;
  stateCode: string | null;
  districtCode: string | null;
  thanaCode: string | null;
}

export class BodyRepository {
  constructor(private readonly db: Db) {}

  findById(id: string) {
    return this.db.body.findUnique({ where: { id } });
  }

  /** The district's active bodies of these types, in the order asked (e.g. its CHILDLINE unit, else its DCPU). */
  async firstInDistrict(types: readonly string[], districtCode: string) {
    const found = await this.db.body.findMany({ where: { type: { in: [...types] }, districtCode, deactivatedAt: null }, orderBy: { id: 'asc' } });
    return types.map((t) => found.find((b) => b.type === t)).find((b) => b !== undefined) ?? null;
  }

  /** Creates the body, or brings an existing one (same id) up to date. */
  async upsert(body: BodyRecord): Promise<void> {
    const { id, ...fields } = body;
    await this.db.body.upsert({ where: { id }, create: body, update: fields });
  }
}
