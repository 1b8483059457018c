import type { Role } from './roles.js';

/** What a role may do at the API; which case events it may send is the case machine's EVENT_AUTHORITY. */
export const PERMISSIONS = [
  'case:register:CNCP', // a found, rescued, surrendered or abandoned child
  'case:register:CICL', // an apprehension
  'case:read',
  'case:event',
  'queue:read', // "my queue": cases awaiting the user's body
  'escalation:read',
  'escalation:act', // acknowledge, resolve
  'policy:manage', // a state's own deadline periods
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const POLICE: Permission[] = ['case:register:CNCP', 'case:register:CICL', 'case:read', 'case:event'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  CWC_MEMBER: ['case:register:CNCP', 'case:read', 'case:event', 'queue:read'],
  JJB_MEMBER: ['case:read', 'case:event', 'queue:read'],
  DCPU_OFFICER: ['case:register:CNCP', 'case:read', 'case:event', 'queue:read', 'escalation:read', 'escalation:act'],
  PROBATION_OFFICER: ['case:read', 'case:event', 'queue:read'],
  SJPU_OFFICER: POLICE,
  CHILD_WELFARE_POLICE_OFFICER: POLICE,
  STATION_OFFICER: POLICE,
  CCI_STAFF: ['case:register:CNCP', 'case:read', 'case:event', 'queue:read'],
  CHILDLINE_WORKER: ['case:register:CNCP', 'case:read'],
  SCPS_OFFICER: ['case:read', 'escalation:read', 'escalation:act', 'policy:manage'],
  SARA_OFFICER: ['case:read'],
  STATE_MONITOR: ['case:read', 'escalation:read', 'escalation:act'],
  NATIONAL_MONITOR: ['case:read', 'escalation:read'],
  // Citizens file reports (missing and found children) and see only those; no case records.
  CITIZEN: [],
};

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r]?.includes(permission));
}
