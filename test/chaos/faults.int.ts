// The fault suite's short version (`npm run chaos` runs every fault, docs/chaos.md): a system of its own under a small
// load of registrations, case events and missing/found reports, while PostgreSQL and then Redis are killed and started
// again (the two that restart in a second; a worker's restart takes half a minute, so it is left to `npm run chaos`).
// Clients retry after a 503 with the same Idempotency-Key, as the web app's outbox does.
import { describe, expect, it } from '@jest/globals';
import { runFaultSuite } from './suite.js';

describe('faults survived (PostgreSQL and Redis killed under load)', () => {
  it('answers 503 with Retry-After while they are down, then holds every accepted request once, escalates the deadlines that fell due, and keeps its audit chains whole', async () => {
    const report = await runFaultSuite({ faults: ['postgres', 'redis'], downMs: 6_000, settleMs: 5_000, clients: 3, productionPeriod: 'PT10S' });

    for (const fault of report.faults) {
      // while down: refused for a moment, never a 500, never a hang; then back
      expect({ fault: fault.fault, serverErrors: fault.serverErrors, hung: fault.hung, withoutRetryAfter: fault.unavailableWithoutRetryAfter }).toEqual({
        fault: fault.fault,
        serverErrors: 0,
        hung: 0,
        withoutRetryAfter: 0,
      });
      // back: the kinds of request it refused went through again after the restart
      expect(fault.recoveryMs).not.toBeNull();
    }
    // /health names what is down, with Retry-After
    expect(report.faults.map((f) => [f.fault, f.health])).toEqual([
      ['postgres', { status: 503, retryAfter: '5', down: ['postgres'] }],
      ['redis', { status: 503, retryAfter: '5', down: ['redis'] }],
    ]);
    // the database down: every request needs it (sign-in's session, the case, the report), and the API says so
    expect(report.faults.find((f) => f.fault === 'postgres')!.answers['503']).toBeGreaterThan(0);
    // nor did the worker or the API end by themselves (an idle database session lost once ended the worker)
    expect(report.exits).toEqual([]);
    // every request answered 2xx is held exactly once; the load ended with none left unanswered
    expect(report.total.accepted).toBeGreaterThan(10);
    expect({ lost: report.total.lost.map((r) => r.kind), duplicated: report.total.duplicated.map((r) => r.kind), unanswered: report.total.unanswered }).toEqual({ lost: [], duplicated: [], unanswered: 0 });
    expect(report.total.refused.map((r) => r.refused)).toEqual([]);
    // production deadlines that fell due while PostgreSQL or Redis was down escalated once, their notices delivered once
    expect(report.deadlines.due).toBeGreaterThan(0);
    expect(report.deadlines).toMatchObject({ escalated: report.deadlines.due, notified: report.deadlines.due, duplicatedEscalations: 0, duplicatedNotices: 0 });
    expect(report.audit.breaks).toBe(0);
  }, 420_000);
});
