import type { Db } from '../client.js';

export interface EscalationFilter {
  toBody?: string;
  districtCode?: string;
  stateCode?: string;
  status?: 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED';
  caseId?: string;
  limit?: number;
}

export class EscalationRepository {
  constructor(private readonly db: Db) {}

  findById(id: string) {
    return this.db.escalation.findUnique({ where: { id } });
  }

  list(f: EscalationFilter) {
    return this.db.escalation.findMany({
      where: {
        ...(f.toBody && { toBody: f.toBody }),
        ...(f.districtCode && { districtCode: f.districtCode }),
        ...(f.stateCode && { stateCode: f.stateCode }),
        ...(f.status && { status: f.status }),
        ...(f.caseId && { caseId: f.caseId }),
      },
      orderBy: [{ dueAt: 'asc' }, { rung: 'asc' }],
      take: Math.min(f.limit ?? 100, 500),
    });
  }
}
