// The fault suite's short version (`npm run chaos` runs every fault, docs/chaos.md): a system of its own under a small
// load of registrations, case events and missing/found reports, while the worker and then Redis are killed and started
// again. Clients retry after a 503 with the same Idempotency-Key, as the web app's outbox does.
import { describe, expect, it } from '@jest/globals';
import { runFaultSuite } from './suite.js';

describe('faults survived (the worker and Redis killed under load)', () => {
  it('answers 503 with Retry-After while they are down, then holds every accepted request once, escalates the deadlines that fell due, and keeps its audit chains whole', async () => {
    const report = await runFaultSuite({ faults: ['worker', 'redis'], downMs: 6_000, settleMs: 6_000, clients: 3, productionPeriod: 'PT15S' });

    for (const fault of report.faults) {
      // while down: refused for a moment, never a 500, never a hang; then back
      expect({ fault: fault.fault, serverErrors: fault.serverErrors, hung: fault.hung, withoutRetryAfter: fault.unavailableWithoutRetryAfter }).toEqual({
        fault: fault.fault,
        serverErrors: 0,
        hung: 0,
        withoutRetryAfter: 0,
      });
      expect(fault.recoveryMs).not.toBeNull();
      expect(fault.ledger.accepted).toBeGreaterThan(0);
    }
    // a worker down: the API cannot register a case (its registration is the workflow's) and says so
    expect(report.faults.find((f) => f.fault === 'worker')!.answers['503']).toBeGreaterThan(0);
    // every request answered 2xx is held exactly once; the load ended with none left unanswered
    expect(report.total.accepted).toBeGreaterThan(10);
    expect({ lost: report.total.lost.map((r) => r.kind), duplicated: report.total.duplicated.map((r) => r.kind), unanswered: report.total.unanswered }).toEqual({ lost: [], duplicated: [], unanswered: 0 });
    expect(report.total.refused.map((r) => r.refused)).toEqual([]);
    // production deadlines that fell due while the worker or Redis was down escalated once, their notices delivered once
    expect(report.deadlines.due).toBeGreaterThan(0);
    expect(report.deadlines).toMatchObject({ escalated: report.deadlines.due, notified: report.deadlines.due, duplicatedEscalations: 0, duplicatedNotices: 0 });
    expect(report.audit.breaks).toBe(0);
  }, 240_000);
});
