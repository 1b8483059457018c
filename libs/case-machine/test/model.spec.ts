import { describe, it, expect } from '@jest/globals';
import {
  addIsoDuration,
  CASE_EVENT_TYPES,
  CASE_PHASES,
  caseMachine,
  DEFAULT_DEADLINE_POLICY,
  describeState,
  openDeadlines,
  persistCaseSnapshot,
  prepareCaseEvent,
  restoreCaseSnapshot,
  initialCaseSnapshot,
  sampleEvents,
  type CaseEvent,
  type CaseEventType,
  type CaseInput,
  type CaseSnapshot,
} from '../src/index.js';
import { machineTransitions } from '../src/transitions.js';
import { deadlineApplies } from '../src/clocks.js';

// Events are tried an hour after the last one; those under an elapsed-time rule also a year after, so the rule goes both ways.
const TIMED = new Set<string>([
  'SURRENDER_RECONSIDERED',
  'LEGALLY_FREE_DECLARED',
  'FOLLOW_UP_COMPLETED',
  'PROCEEDINGS_TERMINATED',
  'CHILD_ATTAINED_MAJORITY',
  'INQUIRY_EXTENDED',
]);
const stepsFor = (type: string) => (TIMED.has(type) ? ['PT1H', 'P1Y'] : ['PT1H']);

/** Event types some active state node (or the root) has a transition for. */
function handledTypes(snapshot: CaseSnapshot): CaseEventType[] {
  const parts = describeState(snapshot).state.split('.');
  const nodes = [caseMachine.root, ...parts.map((_, i) => caseMachine.getStateNodeById(`case.${parts.slice(0, i + 1).join('.')}`))];
  const handled = new Set(nodes.flatMap((n) => [...n.transitions.keys()]));
  return CASE_EVENT_TYPES.filter((t) => handled.has(t));
}

function enabledEvents(snapshot: CaseSnapshot): CaseEvent[] {
  if (snapshot.status !== 'active') return [];
  // each step's time once per state, not once per event type
  const at = new Map(['PT1H', 'P1Y'].map((step) => [step, addIsoDuration(snapshot.context.lastEventAt, step)]));
  return handledTypes(snapshot)
    .flatMap((type) => stepsFor(type).flatMap((step) => sampleEvents(type, snapshot.context, at.get(step)!)))
    // Waivers one at a time, in a fixed order, so the search does not try every subset.
    .filter((event, i, all) => event.type !== 'WAIVE_DEADLINE' || all.findIndex((e) => e.type === 'WAIVE_DEADLINE') === i)
    .filter((event) => snapshot.can(event));
}

/** Takes a generated event the way the workflow takes one: its schema, then the machine in its state. */
function take(snapshot: CaseSnapshot, { type, at, ...payload }: CaseEvent): CaseSnapshot | string {
  const prepared = prepareCaseEvent(snapshot, { type, payload, at, sequence: 0 });
  return prepared.rejection ? `${prepared.rejection.reason}: ${prepared.rejection.message}` : prepared.next.snapshot;
}

const INQUIRIES = [{ cncp: 'beforeCwc' }, { cicl: 'beforeJjb' }] as const;

/** What the guards read, and nothing that only grows (times, counters), so the state space is finite. */
function serializeState(snapshot: CaseSnapshot): string {
  const c = snapshot.context;
  // Nothing happens to a closed case, whatever it carried.
  if (snapshot.status === 'done') return JSON.stringify(snapshot.value);
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
    // Only the JJB's guards read the offence; after a referral to the CWC it is history.
    offence: c.track === 'CICL' ? c.offence : undefined,
    extended: !!c.inquiryExtension,
    magistrate: c.magistrateExtensions.length > 0,
    reentered: c.episode > 1,
    waivers: Object.keys(c.waivers).sort(),
    age: [c.child.ageYears, c.child.dateOfBirth],
    // Only the inquiry's guards read the age determination; outside it a finished one is no different from none.
    ageDetermination: INQUIRIES.some((s) => snapshot.matches(s))
      ? [!!c.ageDetermination, !!c.ageDetermination?.determinedAt]
      : undefined,
    onLeave: !!c.leave && !c.leave.endedAt,
    familyVerificationPending: !!c.familyTrace && !c.familyTrace.verifiedAt,
  });
}

const INPUTS: CaseInput[] = [
  { caseId: 'infant-girl', track: 'CNCP', registeredAt: '2025-01-06T10:00:00+05:30', child: { ageYears: 1, gender: 'FEMALE' }, districtCode: 'D', stateCode: 'S' },
  { caseId: 'cicl-17', track: 'CICL', registeredAt: '2025-01-06T10:00:00+05:30', child: { ageYears: 17, gender: 'MALE' }, districtCode: 'D', stateCode: 'S' },
];

const RESTORATION_ORDERS = new Set(['RESTORATION_ORDERED', 'SURRENDER_RECONSIDERED']);
const NEW_EPISODE = new Set(['REENTERED_CARE', 'REFERRED_TO_CWC', 'APPREHENDED_FOR_OFFENCE']);

interface PathFacts {
  produced?: 'CWC' | 'JJB';
  restorationOrdered: boolean;
  /** Latest time of each event type on the path. */
  latest: Partial<Record<string, string>>;
  state: CaseSnapshot;
}

/** Checks one step of a path against the invariants; returns the facts after it and what it broke. */
function step(facts: PathFacts, event: CaseEvent, state: CaseSnapshot): [PathFacts, string[]] {
  const broken: string[] = [];
  const prev = facts.state;
  let { produced, restorationOrdered } = facts;
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
  const latest = { ...facts.latest, [event.type]: event.at };
  for (const d of openDeadlines(state)) {
    const { from, appliesIf, opensAfter } = DEFAULT_DEADLINE_POLICY[d.id];
    if (!deadlineApplies(appliesIf, state.context)) broken.push(`${d.id} open though ${appliesIf} no longer holds`);
    const fromAt = latest[from] && opensAfter ? addIsoDuration(latest[from], opensAfter) : latest[from];
    if (from !== 'stateEntry' && from !== 'eighteenthBirthday' && d.startedAt !== fromAt) {
      broken.push(`${d.id} started at ${d.startedAt}, not at the latest ${from}`);
    }
  }
  const described = describeState(state);
  if (!described.label || !(CASE_PHASES as readonly string[]).includes(described.phase)) broken.push(`undescribed ${described.state}`);
  if ((described.phase === 'CLOSED') !== (state.status === 'done')) broken.push('CLOSED phase and done status disagree');
  return [{ produced, restorationOrdered, latest, state }, broken];
}

describe('model-based paths through the JJ-Act machine', () => {
  const taken = new Set<unknown>();
  const reached = new Set<string>();
  let pathCount = 0;
  let stateCount = 0;
  const failures: string[] = [];

  // Breadth first from registration: each state (as serializeState tells them apart) is reached by a shortest path
  // and checked once, then every event it can take is taken and checked: together, every edge of the graph. The
  // facts an invariant needs (what was produced, ordered, and when) are carried along each state's own path.
  interface Visit {
    facts: PathFacts;
    /** The visit this one came from, and the event that led here: the path, named only when something breaks. */
    from?: Visit;
    event?: string;
  }
  const pathOf = (visit: Visit, last?: string): string => {
    const names = last ? [last] : [];
    for (let v: Visit | undefined = visit; v?.event; v = v.from) names.unshift(v.event);
    return names.join(' → ');
  };

  for (const input of INPUTS) {
    const initial = initialCaseSnapshot(input);
    for (const t of machineTransitions()) {
      // The eventless routing by track is taken by the initial snapshot itself.
      if (t.event === 'always' && (t.transition.target?.[0]?.key ?? '') === input.track.toLowerCase()) taken.add(t.transition);
    }
    const seen = new Set<string>([serializeState(initial)]);
    const queue: Visit[] = [{ facts: { restorationOrdered: false, latest: {}, state: initial } }];
    for (let head = 0; head < queue.length; head++) {
      const visit = queue[head]!;
      const end = visit.facts.state;
      stateCount++;
      const restored = restoreCaseSnapshot(JSON.parse(JSON.stringify(persistCaseSnapshot(end))));
      if (serializeState(restored) !== serializeState(end)) failures.push(`${describeState(end).state}: persisted snapshot differs`);
      for (const event of enabledEvents(end)) {
        for (const t of caseMachine.getTransitionData(end, event)) taken.add(t);
        const next = take(end, event);
        if (typeof next === 'string') {
          failures.push(`${input.caseId}: ${pathOf(visit, event.type)}: refused: ${next}`);
          continue;
        }
        pathCount++;
        reached.add(describeState(next).state);
        const [after, broken] = step(visit.facts, event, next);
        for (const v of broken) failures.push(`${input.caseId}: ${pathOf(visit, event.type)}: ${v}`);
        const key = serializeState(next);
        if (seen.has(key)) continue;
        seen.add(key);
        queue.push({ facts: after, from: visit, event: event.type });
      }
    }
  }

  it('generates paths that keep every invariant: no final order before production, no closure with an open deadline, restoration only after a restoration order, deadlines counted from their event and open only while they apply, snapshots that survive JSON', () => {
    expect(stateCount).toBeGreaterThan(50);
    expect(pathCount).toBeGreaterThan(stateCount);
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
});
