// One event taken by a case: checked against the machine the way the workflow takes it, and the
// step projected into what the read model records. Pure, so production and tests share one path.
import type { CaseMilestones, DeadlineChanges, OpenDeadline, Track } from '@raksha/domain';
import type { CaseTransitionMeta, MilestoneMark } from './machine.js';
import { machineTransitions } from './transitions.js';
import { parseCaseEvent, type CaseEvent, type CaseEventType, type EventIssue } from './events.js';
import { policyOf } from './clocks.js';
import { allowedEvents, describeState, openDeadlines, stepCaseEvent, type ArmedDeadline, type CaseSnapshot, type CaseStep } from './runtime.js';

export type CaseEventRejectionReason = 'STALE_VERSION' | 'INVALID_PAYLOAD' | 'EVENT_NOT_ALLOWED' | 'IDEMPOTENCY_KEY_REUSED';

/** Why a case did not take an event, with the events it can take instead. */
export interface CaseEventRejection {
  reason: CaseEventRejectionReason;
  state: string;
  message: string;
  allowedEvents: CaseEventType[];
  issues?: EventIssue[];
  /** STALE_VERSION: the version the case is at now, to read again */
  currentVersion?: number;
}

export type PreparedCaseEvent = { rejection: CaseEventRejection } | { rejection?: undefined; event: CaseEvent; next: CaseStep };

export interface CaseEventAttempt {
  type: string;
  payload: Record<string, unknown>;
  at: string;
  /** The case's version now (its sequence). */
  sequence: number;
  /** The version the sender saw; a case that has moved on since rejects the event. */
  expectedSequence?: number;
}

/** The step this event would make now, or why the case cannot take it (parses and steps the machine once). */
export function prepareCaseEvent(
  snapshot: CaseSnapshot,
  request: CaseEventAttempt,
  allowedAt: (at: string) => CaseEventType[] = (at) => allowedEvents(snapshot, { at }),
): PreparedCaseEvent {
  const { type, payload, at, sequence, expectedSequence } = request;
  const reject = (reason: CaseEventRejectionReason, message: string, extra?: Pick<CaseEventRejection, 'issues' | 'currentVersion'>): PreparedCaseEvent => ({
    rejection: { reason, state: describeState(snapshot).state, message, allowedEvents: allowedAt(at), ...extra },
  });
  if (expectedSequence !== undefined && expectedSequence !== sequence) {
    return reject('STALE_VERSION', `the case changed since version ${expectedSequence}; it is now at version ${sequence}`, { currentVersion: sequence });
  }
  const parsed = parseCaseEvent({ ...payload, type, at });
  if (!parsed.ok) return reject('INVALID_PAYLOAD', `invalid ${type} event`, { issues: parsed.issues });
  const next = stepCaseEvent(snapshot, parsed.event);
  if (!next.changed) return reject('EVENT_NOT_ALLOWED', `a case in "${describeState(snapshot).label}" cannot take ${type}`);
  return { event: parsed.event, next };
}

/** What one step writes to the case's record and timeline. */
export interface StepProjection {
  fromState: string;
  toState: string;
  phase: string;
  /** Which deadlines this event met (and whether late), which ended without being met, and which it started. */
  deadlines: DeadlineChanges;
  openDeadlines: OpenDeadline[];
  /** Where the case is now: after a hand-off or an escorted transfer, no longer where it was registered. */
  jurisdiction: { track: Track; districtCode: string; stateCode: string };
  /** Where the case was before this step moved it to another district (an escorted s.95 transfer): its sender keeps sight of it. */
  movedFrom?: { districtCode: string; stateCode: string };
  milestones: CaseMilestones;
}

/** The milestone each event marks, read from the meta of the machine's transitions. */
const MILESTONE_OF: ReadonlyMap<string, MilestoneMark> = new Map(
  machineTransitions().flatMap(({ event, transition }) => {
    const mark = (transition.meta as CaseTransitionMeta | undefined)?.milestone;
    return mark ? [[event, mark] as const] : [];
  }),
);

/** The milestone an event of this type marks at `at`, given the deadlines it met. */
export function milestonesOf(eventType: string, at: string, met: DeadlineChanges['met']): CaseMilestones {
  const mark = MILESTONE_OF.get(eventType);
  if (!mark) return {};
  const { late } = mark;
  if (!late) return { [mark.at]: at };
  return { [mark.at]: at, [late.flag]: met.find((m) => m.id.endsWith(`.${late.deadline}`))?.late ?? false };
}

/** The deadline as people see it on a case (its public shape), from the one the machine armed. */
export const shownDeadline = (d: ArmedDeadline): OpenDeadline => ({ id: d.id, obligation: d.obligation, dueAt: d.dueAt, citation: d.citation });

/** The record of one step from `before` to `next` by an event of `eventType` at `at`. */
export function projectStep(before: CaseSnapshot, next: CaseStep, eventType: string, at: string): StepProjection {
  const key = (d: { id: string; dueAt: string }) => `${d.id}@${d.dueAt}`;
  const was = openDeadlines(before);
  const now = openDeadlines(next.snapshot);
  const nowKeys = new Set(now.map(key));
  const wasKeys = new Set(was.map(key));
  const overdue = (d: { dueAt: string }) => Date.parse(at) > Date.parse(d.dueAt);
  const stillOpen = new Set(now.map((d) => d.id));
  const fulfils = (d: ArmedDeadline) => policyOf(before.context)[d.id].fulfilledBy.includes(eventType);
  const closed = was.filter((d) => !nowKeys.has(key(d)));
  const deadlines: DeadlineChanges = {
    met: closed.filter(fulfils).map((d) => ({ id: d.id, dueAt: d.dueAt, late: overdue(d) })),
    // A deadline still running under a new due time (an extension, a recount) has moved, not ended: `opened` shows it.
    ended: closed.filter((d) => !fulfils(d) && !stillOpen.has(d.id)).map((d) => ({ id: d.id, dueAt: d.dueAt, overdue: overdue(d) })),
    opened: now.filter((d) => !wasKeys.has(key(d))).map((d) => ({ id: d.id, dueAt: d.dueAt })),
  };
  const to = describeState(next.snapshot);
  const { track, districtCode, stateCode } = next.snapshot.context;
  const from = before.context;
  return {
    ...((from.districtCode !== districtCode || from.stateCode !== stateCode) && { movedFrom: { districtCode: from.districtCode, stateCode: from.stateCode } }),
    fromState: describeState(before).state,
    toState: to.state,
    phase: to.phase,
    deadlines,
    openDeadlines: now.map(shownDeadline),
    jurisdiction: { track, districtCode, stateCode },
    milestones: milestonesOf(eventType, at, deadlines.met),
  };
}
