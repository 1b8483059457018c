import type { Db } from '../client.js';

/** The figures an operator watches (GET /metrics): counts only, no row's content. */
export class OperationsRepository {
  constructor(private readonly db: Db) {}

  /** Escalations not yet resolved, by rung and the body each is raised to. */
  async openEscalationsByRung(): Promise<{ rung: number; toBody: string; count: number }[]> {
    const rows = await this.db.escalation.groupBy({ by: ['rung', 'toBody'], where: { status: { not: 'RESOLVED' } }, _count: { _all: true } });
    return rows.map((r) => ({ rung: r.rung, toBody: r.toBody, count: r._count._all }));
  }

  /** Deliveries that failed for good (every attempt spent, or refused by the gateway), by channel. */
  async failedDeliveriesByChannel(): Promise<{ channel: string; count: number }[]> {
    const rows = await this.db.delivery.groupBy({ by: ['channel'], where: { status: 'FAILED' }, _count: { _all: true } });
    return rows.map((r) => ({ channel: r.channel, count: r._count._all }));
  }
}
