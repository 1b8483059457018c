// Which rung of which deadline's ladder falls due next: pure, so unit tests and the workflow agree.
import { addIsoDuration, type ArmedDeadline, type EscalationTarget } from '@raksha/case-machine/workflow';
import type { Escalation, EscalationStatus } from '@raksha/contracts';
import type { EscalationActionRejection, EscalationActionRequest } from '@raksha/contracts/temporal';

export interface DueRung {
  key: string;
  deadline: ArmedDeadline;
  rung: number;
  fireAt: string;
}

/** One key per miss and rung: a deadline restarted in a later episode has a new due time, so a new key. */
export const rungKey = (deadlineId: string, dueAt: string, rung: number) => `${deadlineId}@${dueAt}#${rung}`;

/**
 * The soonest rung not yet raised among the open deadlines, if any. `notBefore` (an imported case): a deadline due
 * before it climbs its ladder from that time instead of its due time; it stays overdue from its due time.
 */
export function nextDueRung(open: readonly ArmedDeadline[], raised: ReadonlySet<string>, notBefore?: string): DueRung | undefined {
  let next: DueRung | undefined;
  for (const deadline of open) {
    deadline.ladder.forEach((step, rung) => {
      const key = rungKey(deadline.id, deadline.dueAt, rung);
      if (raised.has(key)) return;
      const from = notBefore !== undefined && Date.parse(deadline.dueAt) < Date.parse(notBefore) ? notBefore : deadline.dueAt;
      const fireAt = addIsoDuration(from, step.after);
      if (!next || Date.parse(fireAt) < Date.parse(next.fireAt)) next = { key, deadline, rung, fireAt };
    });
  }
  return next;
}

/** The escalation raised for a due rung of a deadline missed at this place: what the rung's body is told and the read model keeps. */
export function escalationOf({ deadline, rung }: DueRung, id: string, place: { districtCode: string; stateCode: string }): Escalation & { toBody: EscalationTarget } {
  const { districtCode, stateCode } = place;
  return { id, deadlineId: deadline.id, obligation: deadline.obligation, citation: deadline.citation, rung, toBody: deadline.ladder[rung]!.to, districtCode, stateCode, dueAt: deadline.dueAt };
}

/** Why an escalation cannot be acknowledged or resolved as asked, or undefined if it can. */
export function escalationActionRejection(
  escalation: { status: EscalationStatus } | undefined,
  req: EscalationActionRequest,
  owner: string,
): EscalationActionRejection | undefined {
  if (!escalation) return { reason: 'UNKNOWN_ESCALATION', message: `${owner} has no escalation ${req.escalationId}` };
  if (escalation.status === 'RESOLVED') return { reason: 'ALREADY_RESOLVED', message: 'the escalation is already resolved' };
  if (req.action === 'ACKNOWLEDGE' && escalation.status === 'ACKNOWLEDGED') {
    return { reason: 'ALREADY_ACKNOWLEDGED', message: 'the escalation is already acknowledged' };
  }
  if (req.action === 'RESOLVE' && !(req.note && req.note.trim().length >= 5)) {
    return { reason: 'NOTE_REQUIRED', message: 'resolving an escalation needs a note of what was done (at least 5 characters)' };
  }
  return undefined;
}
