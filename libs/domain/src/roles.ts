/** What a person does within their body; authorisation reads these, never job titles. */
export const ROLES = [
  'CWC_MEMBER',
  'JJB_MEMBER',
  'DCPU_OFFICER',
  'PROBATION_OFFICER', // also the social worker / CWO who prepares an SIR
  'SJPU_OFFICER',
  'CHILD_WELFARE_POLICE_OFFICER',
  'STATION_OFFICER',
  'CCI_STAFF',
  'CHILDLINE_WORKER',
  'SCPS_OFFICER',
  'SARA_OFFICER',
  'STATE_MONITOR',
  'NATIONAL_MONITOR',
  'CITIZEN',
] as const;
export type Role = (typeof ROLES)[number];

/** The workflow itself acts as SYSTEM when a statutory period runs out (e.g. s.14(4) termination). */
export const SYSTEM_ACTOR = 'SYSTEM' as const;
export type Actor = Role | typeof SYSTEM_ACTOR;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
