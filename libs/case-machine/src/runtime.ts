import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import type { Actor, BodyType, OpenDeadline } from '@raksha/domain';
import { caseMachine, type CasePhase, type CaseStateMeta } from './machine.js';
import type { CaseInput } from './context.js';
import { CASE_EVENT_TYPES, type CaseEvent, type CaseEventType } from './events.js';
import { maySend } from './authority.js';
import { clockDueAt, policyOf } from './clocks.js';
import { pettyTerminationAt } from './guards.js';
import type { DeadlineId, DeadlinePolicy, EscalationRung } from './policy.js';
import { sampleEvents } from './samples.js';

export type CaseSnapshot = SnapshotFrom<typeof caseMachine>;
/** The JSON form a Temporal workflow keeps and restores (continue-as-new). */
export type PersistedCaseSnapshot = ReturnType<typeof caseMachine.getPersistedSnapshot>;

/** What the workflow runs as activities after a transition (named actions and their params). */
export interface CaseAction {
  type: string;
  params?: unknown;
}

export interface CaseStep {
  snapshot: CaseSnapshot;
  actions: CaseAction[];
  changed: boolean;
}

const toActions = (actions: readonly { type: string; params?: unknown }[]): CaseAction[] =>
  actions.map((a) => (a.params === undefined ? { type: a.type } : { type: a.type, params: a.params }));

export function initialCaseSnapshot(input: CaseInput): CaseSnapshot;
export function initialCaseSnapshot(input: CaseInput, options: { withActions: true }): CaseStep;
export function initialCaseSnapshot(input: CaseInput, options?: { withActions: true }): CaseSnapshot | CaseStep {
  const [snapshot, actions] = initialTransition(caseMachine, input);
  return options?.withActions ? { snapshot, actions: toActions(actions), changed: true } : snapshot;
}

export function persistCaseSnapshot(snapshot: CaseSnapshot): PersistedCaseSnapshot {
  return caseMachine.getPersistedSnapshot(snapshot);
}

export function restoreCaseSnapshot(persisted: PersistedCaseSnapshot | CaseSnapshot): CaseSnapshot {
  return caseMachine.resolveState(persisted as Parameters<typeof caseMachine.resolveState>[0]);
}

/**
 * Steps the case by an event already parsed by `parseCaseEvent` (`prepareCaseEvent` takes an event
 * from outside through it): no `allowedEvents` on refusal. `changed: false` when the state cannot take it.
 */
export function stepCaseEvent(snapshot: CaseSnapshot, event: CaseEvent): CaseStep {
  if (snapshot.status !== 'active' || !snapshot.can(event)) return { snapshot, actions: [], changed: false };
  const [next, actions] = transition(caseMachine, snapshot, event);
  return { snapshot: next, actions: toActions(actions), changed: true };
}

export interface AllowedEventsOptions {
  /** Time the events would happen (defaults to the case's latest event): elapsed-time rules depend on it. */
  at?: string;
  body?: BodyType;
}

/** Event types the case can take now, for this role when given, with guards evaluated on sample payloads. */
export function allowedEvents(
  snapshot: CaseSnapshot,
  roleOrOptions?: Actor | AllowedEventsOptions,
  options: AllowedEventsOptions = {},
): CaseEventType[] {
  const role = typeof roleOrOptions === 'string' ? roleOrOptions : undefined;
  const opts = typeof roleOrOptions === 'object' ? roleOrOptions : options;
  if (snapshot.status !== 'active') return [];
  const at = opts.at ?? snapshot.context.lastEventAt;
  return CASE_EVENT_TYPES.filter(
    (type) =>
      (role === undefined || maySend(type, role, opts.body)) &&
      sampleEvents(type, snapshot.context, at).some((event) => snapshot.can(event)),
  );
}

/** An open deadline as the workflow arms it: with who owes it, since when, on what basis, and its escalation ladder. */
export interface ArmedDeadline extends OpenDeadline {
  id: DeadlineId;
  owner: string;
  startedAt: string;
  basis: 'statute' | 'policy';
  ladder: readonly EscalationRung[];
}

/** Deadlines running in this state, not waived, with due times from the case's policy (or the one given). */
export function openDeadlines(snapshot: CaseSnapshot, policy?: DeadlinePolicy): ArmedDeadline[] {
  const effective = policy ?? policyOf(snapshot.context);
  return (Object.entries(snapshot.context.deadlines) as [DeadlineId, NonNullable<(typeof snapshot.context.deadlines)[DeadlineId]>][])
    .filter(([id]) => snapshot.context.waivers[id] === undefined)
    .map(([id, clock]) => {
      const rule = effective[id];
      return {
        id,
        obligation: rule.obligation,
        owner: rule.owner,
        dueAt: clockDueAt(clock, rule.within),
        startedAt: clock.startedAt,
        citation: rule.citation,
        basis: rule.basis,
        ladder: rule.ladder,
      };
    })
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}

/** Statutory consequences the workflow must send as SYSTEM when their time comes (s.14(4)). */
export function scheduledSystemEvents(snapshot: CaseSnapshot): { type: 'PROCEEDINGS_TERMINATED'; at: string; citation: string }[] {
  const at = snapshot.status === 'active' ? pettyTerminationAt(snapshot.context) : undefined;
  return at ? [{ type: 'PROCEEDINGS_TERMINATED', at, citation: 's.14(4)' }] : [];
}

/** Dotted path of the deepest active state, e.g. `cncp.beforeCwc.inquiry.awaitingSir`. */
export function statePath(snapshot: CaseSnapshot): string {
  const parts: string[] = [];
  let value: unknown = snapshot.value;
  while (value !== undefined) {
    if (typeof value === 'string') {
      parts.push(value);
      break;
    }
    const [key, child] = Object.entries(value as Record<string, unknown>)[0] ?? [];
    if (key === undefined) break;
    parts.push(key);
    value = child;
  }
  return parts.join('.');
}

export interface StateDescription {
  state: string;
  label: string;
  citation: string;
  phase: CasePhase;
}

/** Label and citation of the deepest state, phase of the nearest state that declares one. */
export function describeState(snapshot: CaseSnapshot): StateDescription {
  const state = statePath(snapshot);
  const meta = snapshot.getMeta() as Record<string, CaseStateMeta | undefined>;
  const parts = state.split('.');
  let described: CaseStateMeta | undefined;
  let phase: CasePhase | undefined;
  for (let i = parts.length; i > 0; i--) {
    const m = meta[`case.${parts.slice(0, i).join('.')}`];
    if (!m) continue;
    described ??= m;
    phase ??= m.phase;
  }
  return {
    state,
    label: described?.label ?? state,
    citation: described?.citation ?? '',
    phase: phase ?? 'REGISTERED',
  };
}

export function casePhase(snapshot: CaseSnapshot): CasePhase {
  return describeState(snapshot).phase;
}
