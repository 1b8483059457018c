// JJ Act 2015 s.24: a child dealt with under the Act suffers no disqualification from the finding (s.24(1)), and the
// relevant records are destroyed "after the expiry of the period of appeal or, as the case may be, a reasonable period
// as may be prescribed" (s.24(2)), except where the Children's Court finds a child of 16–18 in conflict with law for a
// heinous offence under s.19(1)(i): it retains them (s.24(1) and (2) provisos). The appeal lies within 30 days of the
// order (s.101(1)). Which closed cases Raksha schedules for destruction, and why it schedules none of the others.

/** s.101(1): an appeal against an order of the Board lies within thirty days of it. */
export const APPEAL_PERIOD_DAYS = 30;
export const APPEAL_PERIOD_CITATION = 's.101(1)';
/** The destruction rule; the Model Rules' rule on it is marked [verify] in docs/records-destruction.md. */
export const RECORDS_DESTRUCTION_CITATION = 's.24(2); appeal period s.101(1)';

/** What the Board did that s.24 covers. */
export const DESTRUCTION_GROUNDS = ['JJB_FINAL_ORDER', 'RELEASED', 'PROCEEDINGS_TERMINATED'] as const;
export type DestructionGround = (typeof DESTRUCTION_GROUNDS)[number];

/** Why a closed case's records are kept: s.24 does not order their destruction by the Board. */
export const RETENTION_REASONS = ['TRIED_AS_ADULT', 'FOUND_NOT_A_CHILD', 'NOT_A_CHILD_IN_CONFLICT_WITH_LAW', 'NO_ORDER_OF_THE_BOARD'] as const;
export type RetentionReason = (typeof RETENTION_REASONS)[number];

export const DESTRUCTION_GROUND_WORDS: Record<DestructionGround, string> = {
  JJB_FINAL_ORDER: 'the Board found the offence and passed a final order under s.18(1): the records are destroyed once the appeal period has run (s.24(2))',
  RELEASED: 'the Board released the child, the offence not being established (s.17(1)): nothing remains to be kept once the appeal period has run (s.24(2))',
  PROCEEDINGS_TERMINATED: 'the proceedings stood terminated (s.14(4)): nothing remains to be kept once the appeal period has run (s.24(2))',
};

export const RETENTION_WORDS: Record<RetentionReason, string> = {
  TRIED_AS_ADULT:
    'The Board sent the child to the Children’s Court for trial as an adult (s.18(3), s.19). What happens to these records is that Court’s order, not the Board’s: where it finds the child in conflict with law under s.19(1)(i) for a heinous offence, it retains the records (s.24(2) proviso). They are not scheduled for destruction here.',
  FOUND_NOT_A_CHILD:
    'Age determination found the person was 18 or more at the time of the offence (s.94): they were not dealt with under this Act, so s.24 does not apply and the records are not scheduled for destruction.',
  NOT_A_CHILD_IN_CONFLICT_WITH_LAW:
    'Section 24 is about children in conflict with law; this case ended as a child in need of care and protection, whose records are kept as the Act requires.',
  NO_ORDER_OF_THE_BOARD:
    'The case was closed without an order of the Board that s.24 covers (a final order under s.18, a release under s.17 or termination under s.14(4)); the records are kept until the Board orders otherwise.',
};

/** One step of the case as its timeline holds it. */
export interface DestructionStep {
  eventType: string;
  toState: string;
  payload: unknown;
  occurredAt: Date;
}

export type DestructionDecision =
  | { scheduled: true; ground: DestructionGround; orderAt: Date; dueAt: Date; citation: string }
  | { scheduled: false; reason: RetentionReason; citation: string };

const DAY_MS = 86_400_000;

/** When destruction falls due: the appeal period after the order, and never before the case is closed. */
export function destructionDueAt(orderAt: Date, closedAt: Date): Date {
  return new Date(Math.max(orderAt.getTime() + APPEAL_PERIOD_DAYS * DAY_MS, closedAt.getTime()));
}

/**
 * What s.24 makes of a closed case: its track at closure and its steps in order decide. The last decisive step counts
 * (a case referred to the CWC is no longer the Board's; a child tried as an adult is the Children's Court's).
 */
export function destructionDecision(trackAtClosure: string, steps: readonly DestructionStep[], closedAt: Date): DestructionDecision {
  if (trackAtClosure !== 'CICL') return { scheduled: false, reason: 'NOT_A_CHILD_IN_CONFLICT_WITH_LAW', citation: 's.24' };
  let decisive: { ground: DestructionGround; at: Date } | { reason: RetentionReason } | undefined;
  for (const s of steps) {
    if (s.toState.endsWith('transferredToChildrensCourt')) decisive = { reason: 'TRIED_AS_ADULT' };
    else if (s.toState.endsWith('foundNotAChild')) decisive = { reason: 'FOUND_NOT_A_CHILD' };
    else if (s.eventType === 'PROCEEDINGS_TERMINATED') decisive = { ground: 'PROCEEDINGS_TERMINATED', at: s.occurredAt };
    else if (s.eventType === 'JJB_FINAL_ORDER_PASSED') {
      const order = (s.payload as { order?: unknown } | null)?.order;
      decisive = { ground: order === 'RELEASED_NO_OFFENCE' ? 'RELEASED' : 'JJB_FINAL_ORDER', at: s.occurredAt };
    }
  }
  if (!decisive) return { scheduled: false, reason: 'NO_ORDER_OF_THE_BOARD', citation: 's.24(2)' };
  if ('reason' in decisive) return { scheduled: false, reason: decisive.reason, citation: decisive.reason === 'TRIED_AS_ADULT' ? 's.24(2) proviso; s.19(1)(i)' : 's.24; s.94' };
  return { scheduled: true, ground: decisive.ground, orderAt: decisive.at, dueAt: destructionDueAt(decisive.at, closedAt), citation: RECORDS_DESTRUCTION_CITATION };
}
