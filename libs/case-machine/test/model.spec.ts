import { describe, it, expect } from '@jest/globals';
import { getAdjacencyMap, getShortestPaths, type StatePath } from '@xstate/graph';
import {
  addIsoDuration,
  CASE_EVENT_TYPES,
  CASE_PHASES,
  caseMachine,
  DEFAULT_DEADLINE_POLICY,
  describeState,
  openDeadlines,
  persistCaseSnapshot,
  restoreCaseSnapshot,
  sampleEvents,
  type CaseEvent,
  type CaseInput,
  type CaseSnapshot,
} from '../src/index.js';
import { machineTransitions } from '../src/diagram.js';

// Each event is tried an hour after the last one and a year after it, so elapsed-time rules go both ways.
const STEPS = ['PT1H', 'P1Y'];

function enabledEvents(snapshot: CaseSnapshot): CaseEvent[] {
  if (snapshot.status !== 'active') return [];
  const from = snapshot.context.lastEventAt;
  return CASE_EVENT_TYPES.flatMap((type) =>
    STEPS.flatMap((step) => sampleEvents(type, snapshot.context, addIsoDuration(from, step))),
  ).filter((event) => snapshot.can(event));
}

/** What the guards read, and nothing that only grows (times, counters), so the state space is finite. */
function serializeState(snapshot: CaseSnapshot): string {
  const c = snapshot.context;
  return JSON.stringify({
    value: snapshot.value,
    track: c.track,
    circumstance: c.production?.circumstance,
    surrendered: !!c.surrender,
    finding: c.sir?.finding,
    order: c.finalOrder?.order,
    restorationOrder: !!c.restorationOrder,
    aftercarePlan: !!c.aftercarePlanRef,
    transfer: !!c.transfer,
    reported: c.followUpReports > 0,
    offence: c.offence,
    extended: !!c.inquiryExtension,
    magistrate: c.magistrateExtensions.length > 0,
    reentered: c.episode > 1,
    deadlines: Object.keys(c.deadlines).sort(),
    waivers: Object.keys(c.waivers).sort(),
  });
}

const INPUTS: CaseInput[] = [
  { caseId: 'infant-girl', track: 'CNCP', registeredAt: '2025-01-06T10:00:00+05:30', child: { ageYears: 1, gender: 'FEMALE' }, districtCode: 'D', stateCode: 'S' },
  { caseId: 'boy-17', track: 'CNCP', registeredAt: '2025-01-06T10:00:00+05:30', child: { ageYears: 17, gender: 'MALE' }, districtCode: 'D', stateCode: 'S' },
  { caseId: 'cicl-17', track: 'CICL', registeredAt: '2025-01-06T10:00:00+05:30', child: { ageYears: 17, gender: 'MALE' }, districtCode: 'D', stateCode: 'S' },
];

type Path = StatePath<CaseSnapshot, CaseEvent>;
const RESTORATION_ORDERS = new Set(['RESTORATION_ORDERED', 'SURRENDER_RECONSIDERED']);
const NEW_EPISODE = new Set(['REENTERED_CARE', 'REFERRED_TO_CWC']);

/** The invariants every generated path must keep; returns the broken ones. */
function violations(initial: CaseSnapshot, steps: { event: CaseEvent; state: CaseSnapshot }[]): string[] {
  const broken: string[] = [];
  let produced: 'CWC' | 'JJB' | undefined;
  let restorationOrdered = false;
  const latest: Partial<Record<string, string>> = {};
  let prev = initial;
  for (const { event, state } of steps) {
    if (NEW_EPISODE.has(event.type)) {
      produced = undefined;
      restorationOrdered = false;
    }
    if (event.type === 'PRODUCED_BEFORE_CWC') produced = 'CWC';
    if (event.type === 'PRODUCED_BEFORE_JJB') produced = 'JJB';
    if (event.type === 'FINAL_ORDER_PASSED' && produced !== 'CWC') broken.push('CWC final order before production');
    if (event.type === 'JJB_FINAL_ORDER_PASSED' && produced !== 'JJB') broken.push('JJB final order before production');
    if (RESTORATION_ORDERS.has(event.type) || (event.type === 'FINAL_ORDER_PASSED' && event.order === 'RESTORATION')) {
      restorationOrdered = true;
    }
    if (event.type === 'CHILD_RESTORED' && !restorationOrdered) broken.push('restored without a restoration order');
    if (event.type === 'CLOSE_CASE') {
      if (openDeadlines(prev).length > 0) broken.push('closed with an open deadline');
      for (const waiver of Object.values(prev.context.waivers)) if (!waiver?.reasons.trim()) broken.push('waiver without reasons');
    }
    latest[event.type] = event.at;
    for (const d of openDeadlines(state)) {
      const from = DEFAULT_DEADLINE_POLICY[d.id].from;
      if (from !== 'stateEntry' && from !== 'eighteenthBirthday' && d.startedAt !== latest[from]) {
        broken.push(`${d.id} started at ${d.startedAt}, not at the latest ${from}`);
      }
    }
    const described = describeState(state);
    if (!described.label || !(CASE_PHASES as readonly string[]).includes(described.phase)) broken.push(`undescribed ${described.state}`);
    if ((described.phase === 'CLOSED') !== (state.status === 'done')) broken.push('CLOSED phase and done status disagree');
    prev = state;
  }
  return broken;
}

describe('model-based paths through the JJ-Act machine (@xstate/graph)', () => {
  const options = (input: CaseInput) => ({ input, events: enabledEvents, serializeState: (s: CaseSnapshot) => serializeState(s) });
  const taken = new Set<unknown>();
  const reached = new Set<string>();
  let pathCount = 0;
  const failures: string[] = [];

  for (const input of INPUTS) {
    const shortest = new Map<string, Path>();
    for (const path of getShortestPaths(caseMachine, options(input))) shortest.set(serializeState(path.state), path);
    const adjacency = getAdjacencyMap(caseMachine, options(input));
    const initial = caseMachine.getInitialSnapshot(undefined as never, input);
    for (const t of machineTransitions()) {
      // The eventless routing by track is taken by the initial snapshot itself.
      if (t.event === 'always' && (t.transition.target?.[0]?.key ?? '') === input.track.toLowerCase()) taken.add(t.transition);
    }
    for (const [source, { state, transitions }] of Object.entries(adjacency)) {
      const head = shortest.get(source);
      if (!head) continue;
      for (const { event, state: next } of Object.values(transitions)) {
        for (const t of caseMachine.getTransitionData(state, event)) taken.add(t);
        const steps = [...head.steps.filter((s) => s.event.type !== 'xstate.init'), { event, state: next }];
        pathCount++;
        reached.add(describeState(next).state);
        for (const v of violations(initial, steps as { event: CaseEvent; state: CaseSnapshot }[])) {
          failures.push(`${input.caseId}: ${steps.map((s) => s.event.type).join(' → ')}: ${v}`);
        }
      }
    }
  }

  it('generates paths that keep every invariant: no final order before production, no closure with an open deadline, restoration only after a restoration order, deadlines counted from their event', () => {
    expect(pathCount).toBeGreaterThan(200);
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it('reaches every state of the machine', () => {
    const leaves = (node: typeof caseMachine.root): string[] => {
      const children = Object.values(node.states);
      if (children.length === 0) return node.type === 'history' ? [] : [node.id.replace(/^case\./, '')];
      return children.flatMap(leaves);
    };
    const unreached = leaves(caseMachine.root).filter((id) => id !== 'registered' && !reached.has(id));
    expect(unreached).toEqual([]);
  });

  it('takes every transition of the machine', () => {
    const missed = machineTransitions()
      .filter(({ transition }) => !taken.has(transition))
      .map(({ source, event }) => `${source.id} on ${event}`);
    expect(missed).toEqual([]);
  });

  it('restores every reached state from its persisted JSON', () => {
    const input = INPUTS[0]!;
    for (const path of getShortestPaths(caseMachine, options(input))) {
      const restored = restoreCaseSnapshot(JSON.parse(JSON.stringify(persistCaseSnapshot(path.state))));
      expect(serializeState(restored)).toBe(serializeState(path.state));
    }
  });
});
