// The workflow entry is preloaded once per worker thread and shared, deep-frozen, by every case
// workflow (apps/worker/src/workflow-bundle.ts): nothing it exports may lead to a Zod schema, and
// the machine must validate and step exactly as before once everything it exports is frozen.
import { describe, expect, it } from '@jest/globals';
import * as shared from '../src/workflow.js';
import { caseEventSchemas } from '../src/index.js';

const reachable = (roots: unknown[]) => {
  const seen = new Set<object>();
  const stack = [...roots];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v)) continue;
    seen.add(v);
    if (typeof v === 'object') for (const k of Reflect.ownKeys(v)) stack.push((v as Record<PropertyKey, unknown>)[k]);
  }
  return seen;
};

/** What the Temporal SDK does to a preloaded module's exports (reusable-vm.ts `deepFreeze`). */
const deepFreeze = (roots: unknown[]) => {
  for (const v of reachable(roots)) {
    try {
      Object.freeze(v);
    } catch {
      // as the SDK: some objects cannot be frozen
    }
  }
};

const AT = '2026-11-01T10:00:00.000Z';
const register = () =>
  shared.initialCaseSnapshot({ caseId: 'c-1', track: 'CNCP', registeredAt: AT, child: { ageYears: 9 }, districtCode: 'RJ-JAIPUR', stateCode: 'RJ' });

describe('the workflow entry (@raksha/case-machine/workflow)', () => {
  // Answers before the freeze, to compare with after it.
  const before = {
    invalid: shared.parseCaseEvent({ type: 'PRODUCED_BEFORE_CWC', at: 'yesterday', circumstance: 'LOSTX' }),
    unknown: shared.parseCaseEvent({ type: 'NOT_AN_EVENT', at: AT }),
    allowed: shared.allowedEvents(register(), { at: AT }),
  };
  const exported = Object.values(shared);

  it('exports nothing that leads to a Zod schema (a frozen schema cannot materialise parse)', () => {
    const schemas = [...reachable(exported)].filter((v) => typeof v === 'object' && '_zod' in v);
    expect(schemas).toEqual([]);
    expect(reachable(exported).has(caseEventSchemas.PRODUCED_BEFORE_CWC)).toBe(false);
  });

  it('validates and steps the machine as before once its exports are deep-frozen', () => {
    deepFreeze(exported);
    expect(Object.isFrozen(shared.caseMachine)).toBe(true);
    expect(shared.parseCaseEvent({ type: 'PRODUCED_BEFORE_CWC', at: 'yesterday', circumstance: 'LOSTX' })).toEqual(before.invalid);
    expect(shared.parseCaseEvent({ type: 'NOT_AN_EVENT', at: AT })).toEqual(before.unknown);
    expect(before.invalid.ok).toBe(false);

    let snapshot = register();
    expect(snapshot.context.child).toEqual({ ageYears: 9 });
    expect(shared.allowedEvents(snapshot, { at: AT })).toEqual(before.allowed);
    const journey = [
      { type: 'PRODUCED_BEFORE_CWC', circumstance: 'LOST', producedBy: 'SJPU Jaipur' },
      { type: 'INTERIM_PLACEMENT_ORDERED', placement: 'CHILDRENS_HOME', orderRef: 'CWC/1' },
      { type: 'SIR_ORDERED', sirRef: 'SIR/1' },
      { type: 'SIR_SUBMITTED', sirRef: 'SIR/1' },
    ];
    for (const [sequence, { type, ...payload }] of journey.entries()) {
      const prepared = shared.prepareCaseEvent(snapshot, { type, payload, at: AT, sequence });
      if (prepared.rejection) throw new Error(JSON.stringify(prepared.rejection));
      expect(prepared.next.changed).toBe(true);
      snapshot = shared.restoreCaseSnapshot(shared.persistCaseSnapshot(prepared.next.snapshot));
    }
    expect(shared.describeState(snapshot).phase).not.toBe('PRODUCTION');
  });
});
