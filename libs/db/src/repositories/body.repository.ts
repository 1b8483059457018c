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

  /** Creates the body, or brings an existing one (same id) up to date. */
  async upsert(body: BodyRecord): Promise<void> {
    const { id, ...fields } = body;
    await this.db.body.upsert({ where: { id }, create: body, update: fields });
  }
}
