import type { Db } from '../client.js';

export interface EscalationFilter {
  toBody?: string;
  districtCode?: string;
  stateCode?: string;
  status?: 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED';
  /** only escalations whose obligation is still unmet */
  unmet?: boolean;
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
        ...(f.districtCode !== undefined && { districtCode: f.districtCode }),
        ...(f.stateCode !== undefined && { stateCode: f.stateCode }),
        ...(f.status && { status: f.status }),
        ...(f.caseId && { caseId: f.caseId }),
        ...(f.unmet && { metAt: null }),
      },
      orderBy: [{ dueAt: 'asc' }, { rung: 'asc' }],
      take: Math.min(f.limit ?? 100, 500),
    });
  }
}
