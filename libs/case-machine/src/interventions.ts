// A helpline call about a child in distress becomes an *intervention*: the district's CHILDLINE unit (or its
// DCPU) must reach the child within the helpline's response time, then either rescue the child (a CNCP case
// begins, s.31(1)'s 24 hours running from the rescue) or close it with a reason. Pure data and rules: the
// intervention workflow, the API and the web read them from here.
import type { EscalationRung } from './policy.js';

/** The helpline systems that pass calls to Raksha: the child helpline, the emergency response system, the women helpline. */
export const HELPLINES = ['1098', '112', '181'] as const;
export type Helpline = (typeof HELPLINES)[number];

export const INTERVENTION_STATUSES = ['OPEN', 'REACHED', 'RESCUED', 'CLOSED'] as const;
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];

/** What an intervention that ends without a case ended with. */
export const INTERVENTION_CLOSE_REASONS = ['NO_CHILD_FOUND', 'RESOLVED_ON_PHONE', 'REFERRED'] as const;
export type InterventionCloseReason = (typeof INTERVENTION_CLOSE_REASONS)[number];

export const INTERVENTION_ACTIONS = ['REACHED', 'RESCUED', 'CLOSED'] as const;
export type InterventionAction = (typeof INTERVENTION_ACTIONS)[number];

/** An emergency's ladder: the DCPU at once, the SCPS a day later (policy: the JJ Act sets no period for a helpline's response). */
export const INTERVENTION_LADDER: readonly EscalationRung[] = [
  { to: 'DCPU', after: 'PT0S' },
  { to: 'SCPS', after: 'PT24H' },
];

/**
 * Reach the child the call is about within the helpline's response time. Policy, not statute: CHILDLINE 1098's
 * standard is 60 minutes; the JJ Act fixes no period for a helpline's response (docs/citations.md).
 */
export const HELPLINE_RESPONSE_RULE = {
  id: 'helpline.response',
  obligation: 'Reach the child the helpline call is about',
  owner: 'CHILDLINE unit of the district, else its DCPU',
  citation: 'CHILDLINE 1098 response standard, 60 minutes (policy; no statutory period)',
  basis: 'policy',
  ladder: INTERVENTION_LADDER,
} as const;

/** Each helpline's response time (policy): 112 and 181 pass a child's call on to the same field response as 1098. */
export const HELPLINE_RESPONSE_TIME: Readonly<Record<Helpline, string>> = { '1098': 'PT60M', '112': 'PT60M', '181': 'PT60M' };

/** A repeat call about the same child at the same place within this window joins the open intervention (policy). */
export const REPEAT_CALL_WINDOW = 'PT24H';

/** Why an action cannot be taken in a status, or undefined when it can. */
export function interventionActionRejection(status: InterventionStatus, action: InterventionAction): string | undefined {
  if (status === 'RESCUED') return 'the child is already rescued: the case carries on from here';
  if (status === 'CLOSED') return 'the intervention is closed';
  if (action === 'REACHED' && status === 'REACHED') return 'the child is already reached';
  return undefined;
}

/** The status an action leads to. */
export const statusAfter = (action: InterventionAction): InterventionStatus => action;

/** The notices an intervention's steps queue, and the status each tells of (a missed response time: still OPEN). */
export const INTERVENTION_NOTICE_STATUS: Readonly<Record<string, InterventionStatus>> = {
  INTERVENTION_OPENED: 'OPEN',
  INTERVENTION_RESPONSE_OVERDUE: 'OPEN',
  INTERVENTION_REACHED: 'REACHED',
  INTERVENTION_RESCUED: 'RESCUED',
  INTERVENTION_CLOSED: 'CLOSED',
};

/** A notice's key names its intervention (`intervention-<id>-<step>`): one form, made and read here. */
export const interventionNoticeKey = (interventionId: string, step: string) => `intervention-${interventionId}-${step}`;
export function interventionOfNoticeKey(noticeKey: string): string | null {
  return /^intervention-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-/i.exec(noticeKey)?.[1] ?? null;
}
