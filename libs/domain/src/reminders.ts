/**
 * A state may set its own intervals as two more entries of its deadline policy (PUT /states/:code/deadline-policy/:id,
 * with a reason, audited like any deadline): `reminder.production` and `reminder.other`, `within` in whole hours.
 * Production-type deadlines are those whose id ends in `.production`.
 */
export const REMINDER_POLICY_IDS = ['reminder.production', 'reminder.other'] as const;
export type ReminderPolicyId = (typeof REMINDER_POLICY_IDS)[number];

/**
 * How long an escalation may stay unacknowledged before it is sent again. This is Raksha's policy, not statute:
 * a child not produced within 24 hours (s.31(1), s.10(1)) needs someone within hours, other obligations within a
 * day.
 */
export const ESCALATION_REMINDER_POLICY: Record<ReminderPolicyId, { afterHours: number; basis: string; obligation: string }> = {
  'reminder.production': {
    afterHours: 2,
    basis: 'Raksha policy: an unproduced child (s.31(1), s.10(1)) cannot wait a working day',
    obligation: 'Remind the body of an escalated production deadline nobody has acknowledged',
  },
  'reminder.other': {
    afterHours: 24,
    basis: 'Raksha policy: one working day to acknowledge',
    obligation: 'Remind the body of any other escalated deadline nobody has acknowledged',
  },
};

/** A state's reminder intervals in hours, where it set them. */
export type ReminderHours = Partial<Record<ReminderPolicyId, number>>;
/** The longest a state may let an escalation wait before the reminder: 3 days, so the head's comes before the SCPS's rung (P7D). */
export const MAX_REMINDER_HOURS = 72;

export function isReminderPolicyId(id: string): id is ReminderPolicyId {
  return (REMINDER_POLICY_IDS as readonly string[]).includes(id);
}

export function reminderPolicyIdOf(deadlineId: string): ReminderPolicyId {
  return deadlineId.endsWith('.production') ? 'reminder.production' : 'reminder.other';
}

/** A reminder interval as the policy writes it, `PT<n>H` (1 to a week); null for anything else. */
export function reminderHoursOf(within: string): number | null {
  const m = /^PT([1-9]\d*)H$/.exec(within);
  const hours = m ? Number(m[1]) : null;
  return hours !== null && hours <= MAX_REMINDER_HOURS ? hours : null;
}

export function reminderAfterHours(deadlineId: string, state: ReminderHours = {}): number {
  const id = reminderPolicyIdOf(deadlineId);
  return state[id] ?? ESCALATION_REMINDER_POLICY[id].afterHours;
}

/**
 * The reminder's second step: an escalation still unacknowledged this many reminder intervals after it was raised
 * (once to the body, then this) goes to the body's head (bodies.ts BODY_HEAD) by name, before the ladder climbs.
 */
export const HEAD_REMINDER_INTERVALS = 2;

export function headReminderAfterHours(deadlineId: string, state: ReminderHours = {}): number {
  return HEAD_REMINDER_INTERVALS * reminderAfterHours(deadlineId, state);
}
