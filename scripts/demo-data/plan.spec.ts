// The demo's year as planned (prisma/demo/plan.ts): the same for the same day, the size and mix a newcomer's dashboards
// need, and every history one the case machine takes whole.
import { describe, expect, it } from '@jest/globals';
import { planDemo } from '../../prisma/demo/plan.js';

describe('the demo data’s plan', () => {
  const day = new Date('2026-12-07T05:00:00Z');
  const plan = planDemo(day);

  it('is the same for the same day, and another for another day', () => {
    expect(planDemo(new Date('2026-12-07T23:59:00Z'))).toEqual(plan);
    expect(planDemo(new Date('2026-12-08T05:00:00Z')).cases[0]!.registeredAt).not.toBe(plan.cases[0]!.registeredAt);
  });

  it('spreads 300–600 cases of both tracks over the three districts and the twelve months before the day', () => {
    expect(plan.cases.length).toBeGreaterThanOrEqual(300);
    expect(plan.cases.length).toBeLessThanOrEqual(600);
    expect(new Set(plan.cases.map((c) => c.track))).toEqual(new Set(['CNCP', 'CICL']));
    expect(new Set(plan.cases.map((c) => c.districtCode))).toEqual(new Set(['RJ-JAIPUR', 'RJ-JODHPUR', 'MH-PUNE']));
    const months = new Set(plan.cases.map((c) => c.registeredAt.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(12);
    expect(plan.cases.every((c) => Date.parse(c.registeredAt) < day.getTime() && c.history.every((e) => Date.parse(e.at) <= day.getTime()))).toBe(true);
    expect(new Set(plan.cases.map((c) => c.recordId)).size).toBe(plan.cases.length);
  });

  it('gives every child a name and a history the machine takes whole: productions late and on time, restorations, plans, orders', () => {
    expect(plan.cut).toBe(0);
    expect(plan.cases.every((c) => c.child.name.trim().length > 1)).toBe(true);
    const steps = new Set(plan.cases.flatMap((c) => c.history.map((e) => e.type)));
    for (const type of ['PRODUCED_BEFORE_CWC', 'CHILD_RESTORED', 'ICP_PREPARED', 'ICP_REVIEWED', 'FOLLOW_UP_REPORT_FILED', 'PRODUCED_BEFORE_JJB', 'BAIL_DECIDED', 'JJB_FINAL_ORDER_PASSED']) expect(steps).toContain(type);
    const late = plan.cases.filter((c) => c.track === 'CNCP' && c.history[0]?.type === 'PRODUCED_BEFORE_CWC' && Date.parse(c.history[0].at) - Date.parse(c.registeredAt) > 24 * 3_600_000);
    expect(late.length).toBeGreaterThan(10);
  });

  it('plans missing reports by the police and the citizen, and found reports of the same children to confirm', () => {
    const missing = plan.reports.filter((r) => r.kind === 'MISSING');
    expect(missing.some((r) => r.filedBy === 'citizen.demo')).toBe(true);
    expect(missing.filter((r) => r.filedBy.startsWith('sho.')).every((r) => r.policeRef)).toBe(true);
    const toConfirm = plan.reports.filter((r) => r.kind === 'FOUND' && r.confirm);
    expect(toConfirm.length).toBeGreaterThan(10);
    expect(toConfirm.every((f) => missing.some((m) => m.recordId === f.sameChildAs))).toBe(true);
  });
});
