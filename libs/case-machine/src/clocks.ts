import type { CaseContext, DeadlineClock } from './context.js';
import type { CaseEvent } from './events.js';
import { resolveDeadlinePolicy, type DeadlineCondition, type DeadlineId, type DeadlinePolicy } from './policy.js';
import { addIsoDuration, dateOfBirth, isAtOrAfter } from './time.js';

export const ORPHANED_OR_ABANDONED = ['ORPHAN', 'ABANDONED'] as const;

/** The time of the event being taken (the init event has none: the case's registration). */
export function eventTime(context: CaseContext, event: CaseEvent | { type: string }): string {
  return 'at' in event && typeof event.at === 'string' ? event.at : context.registeredAt;
}

export function policyOf(context: CaseContext): DeadlinePolicy {
  return resolveDeadlinePolicy(context.policyOverrides);
}

function isUpTo2AtProduction(context: CaseContext): boolean {
  const dob = dateOfBirth(context.child, context.registeredAt);
  // Age unknown: the earlier (2-month) s.38(1) deadline protects the child.
  if (dob === undefined) return true;
  return isAtOrAfter(addIsoDuration(dob, 'P2Y'), context.production?.at ?? context.registeredAt);
}

export function deadlineApplies(condition: DeadlineCondition | undefined, context: CaseContext): boolean {
  const orphanedOrAbandoned = (ORPHANED_OR_ABANDONED as readonly string[]).includes(
    context.production?.circumstance ?? '',
  );
  switch (condition) {
    case undefined:
      return true;
    case 'ORPHAN_OR_ABANDONED_UP_TO_2':
      return orphanedOrAbandoned && isUpTo2AtProduction(context);
    case 'ORPHAN_OR_ABANDONED_OVER_2':
      return orphanedOrAbandoned && !isUpTo2AtProduction(context);
    case 'FOSTER_CARE':
      return context.finalOrder?.order === 'FOSTER_CARE';
    case 'NO_AFTERCARE_PLAN':
      return context.aftercarePlanRef === undefined && dateOfBirth(context.child, context.registeredAt) !== undefined;
    case 'AGE_DETERMINATION_PENDING':
      return isAgeDeterminationPending(context);
    case 'ON_LEAVE':
      return isOnLeave(context);
    case 'FAMILY_VERIFICATION_PENDING':
      return isFamilyVerificationPending(context);
  }
}

export const isAgeDeterminationPending = (context: CaseContext): boolean =>
  context.ageDetermination !== undefined && context.ageDetermination.determinedAt === undefined;

export const isFamilyVerificationPending = (context: CaseContext): boolean =>
  context.familyTrace !== undefined && context.familyTrace.verifiedAt === undefined;

export const isOnLeave = (context: CaseContext): boolean => context.leave !== undefined && context.leave.endedAt === undefined;

/** s.98(1): a leave order fixes its own period, the days granted plus the journey, instead of the rule's. */
function periodFixedByOrder(id: DeadlineId, context: CaseContext): string | undefined {
  return id === 'cncp.returnFromLeave' && context.leave
    ? `P${context.leave.days + context.leave.journeyDays}D`
    : undefined;
}

/** When a deadline's period starts, given the event now entering its state: after its waiting period, where it has one. */
export function clockStart(id: DeadlineId, context: CaseContext, event: CaseEvent | { type: string }): string {
  const rule = policyOf(context)[id];
  const start = fromTime(rule.from, context, event);
  return rule.opensAfter ? addIsoDuration(start, rule.opensAfter) : start;
}

function fromTime(from: string, context: CaseContext, event: CaseEvent | { type: string }): string {
  const now = eventTime(context, event);
  if (from === 'stateEntry' || from === event.type) return now;
  if (from === 'eighteenthBirthday') {
    return addIsoDuration(dateOfBirth(context.child, context.registeredAt) ?? now, 'P18Y');
  }
  return context.milestones[from as keyof CaseContext['milestones']] ?? now;
}

/**
 * s.35(3): when the surrendering parent's time to reconsider ends, by the case's policy; the legally-free
 * deadline counts from the same moment, so the guard and the deadline never disagree.
 */
export function reconsiderationEndsAt(context: CaseContext): string | undefined {
  const period = policyOf(context)['cncp.legallyFreeAfterSurrender'].opensAfter;
  return context.surrender && period ? addIsoDuration(context.surrender.at, period) : undefined;
}

/** s.98(1): the longest leave the case's policy allows, the period the return-from-leave deadline reads. */
export function leaveAllowedUntil(context: CaseContext, from: string): string {
  return addIsoDuration(from, policyOf(context)['cncp.returnFromLeave'].within);
}

export function startClocks(
  context: CaseContext,
  event: CaseEvent | { type: string },
  ids: readonly DeadlineId[],
): CaseContext['deadlines'] {
  const policy = policyOf(context);
  const deadlines = { ...context.deadlines };
  for (const id of ids) {
    if (!deadlineApplies(policy[id].appliesIf, context)) continue;
    const period = periodFixedByOrder(id, context);
    deadlines[id] = { startedAt: clockStart(id, context, event), extensions: [], ...(period ? { period } : {}) };
  }
  return deadlines;
}

export function withoutKeys<T extends object>(record: T, ids: readonly PropertyKey[]): T {
  const copy = { ...record } as Record<PropertyKey, unknown>;
  for (const id of ids) delete copy[id];
  return copy as T;
}

/** Due time of a running clock: start + period (the order's own, else the rule's) + any extensions granted. */
export function clockDueAt(clock: DeadlineClock, within: string): string {
  return clock.extensions.reduce(addIsoDuration, addIsoDuration(clock.startedAt, clock.period ?? within));
}

export function dueAtOf(context: CaseContext, id: DeadlineId): string | undefined {
  const clock = context.deadlines[id];
  return clock ? clockDueAt(clock, policyOf(context)[id].within) : undefined;
}
