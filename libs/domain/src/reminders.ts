/**
 * How long an escalation may stay unacknowledged before it is sent again. This is Raksha's policy, not statute:
 * a child not produced within 24 hours (s.31(1), s.10(1)) needs someone within hours, other obligations within a
 * day. Production-type deadlines are those whose id ends in `.production`.
 */
export const ESCALATION_REMINDER_POLICY = {
  production: { afterHours: 2, basis: 'Raksha policy: an unproduced child (s.31(1), s.10(1)) cannot wait a working day' },
  other: { afterHours: 24, basis: 'Raksha policy: one working day to acknowledge' },
} as const;

export function reminderAfterHours(deadlineId: string): number {
  return deadlineId.endsWith('.production') ? ESCALATION_REMINDER_POLICY.production.afterHours : ESCALATION_REMINDER_POLICY.other.afterHours;
}

/**
 * The reminder's second step: an escalation still unacknowledged this many reminder intervals after it was raised
 * (once to the body, then this) goes to the body's head (bodies.ts BODY_HEAD) by name, before the ladder climbs.
 */
export const HEAD_REMINDER_INTERVALS = 2;

export function headReminderAfterHours(deadlineId: string): number {
  return HEAD_REMINDER_INTERVALS * reminderAfterHours(deadlineId);
}
