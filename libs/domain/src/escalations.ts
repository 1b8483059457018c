/**
 * A missed deadline raised to one rung of its ladder: what the rung's body is told and the read model keeps.
 * `Time` is a Date in the database and an ISO string across the workflow boundary and on the wire.
 */
export interface Escalation<Time = string> {
  id: string;
  deadlineId: string;
  obligation: string;
  citation: string;
  rung: number;
  toBody: string;
  districtCode: string;
  stateCode: string;
  dueAt: Time;
}

/** How far the body raised to has dealt with an escalation. */
export const ESCALATION_STATUSES = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

