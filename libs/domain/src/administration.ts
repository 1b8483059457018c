import type { BodyType } from './bodies.js';
import type { Jurisdiction } from './jurisdiction.js';
import type { Role } from './roles.js';

/**
 * Delegated administration: who onboards whom. The national administrator (MWCD) sets up the states, each
 * state's administrator (at its SCPS) its state's and districts' bodies, each district's administrator (at its
 * DCPU) the district's. Each acts only inside the jurisdiction of their own body (elsewhere: 404).
 */
export const ADMIN_ROLES = ['NATIONAL_ADMIN', 'STATE_ADMIN', 'DISTRICT_ADMIN'] as const satisfies readonly Role[];
export type AdminRole = (typeof ADMIN_ROLES)[number];

/** The bodies a person holding each role belongs to; an invitation or a move to any other kind is refused. */
export const ROLE_BODIES: Record<Role, readonly BodyType[]> = {
  CWC_MEMBER: ['CWC'],
  JJB_MEMBER: ['JJB'],
  DCPU_OFFICER: ['DCPU'],
  PROBATION_OFFICER: ['DCPU'],
  SJPU_OFFICER: ['SJPU'],
  CHILD_WELFARE_POLICE_OFFICER: ['POLICE_STATION'],
  STATION_OFFICER: ['POLICE_STATION'],
  CCI_STAFF: ['CCI'],
  CHILDLINE_WORKER: ['CHILDLINE'],
  SCPS_OFFICER: ['SCPS'],
  SARA_OFFICER: ['SARA'],
  STATE_MONITOR: ['STATE_MONITORING_CELL', 'SCPCR'],
  NATIONAL_MONITOR: ['MWCD', 'NCRB'],
  CITIZEN: [],
  NATIONAL_ADMIN: ['MWCD'],
  STATE_ADMIN: ['SCPS'],
  DISTRICT_ADMIN: ['DCPU'],
};

const STATE_BODIES = ['SCPS', 'SARA', 'SCPCR', 'STATE_MONITORING_CELL'] as const satisfies readonly BodyType[];
/** CCIs are registered through the institutions registry (their s.41 registration and capacity), not here. */
const DISTRICT_BODIES = ['CWC', 'JJB', 'SJPU', 'POLICE_STATION', 'CHILDLINE', 'DM_OFFICE', 'BCPC', 'VCPC'] as const satisfies readonly BodyType[];
const STATE_ROLES = ['STATE_ADMIN', 'SCPS_OFFICER', 'SARA_OFFICER', 'STATE_MONITOR'] as const satisfies readonly Role[];
const DISTRICT_ROLES = [
  'DISTRICT_ADMIN',
  'DCPU_OFFICER',
  'PROBATION_OFFICER',
  'CWC_MEMBER',
  'JJB_MEMBER',
  'SJPU_OFFICER',
  'CHILD_WELFARE_POLICE_OFFICER',
  'STATION_OFFICER',
  'CCI_STAFF',
  'CHILDLINE_WORKER',
] as const satisfies readonly Role[];

/** What each administrator may create: which kinds of body, and which roles they may give people. */
export const ADMINISTRATION: Record<AdminRole, { bodies: readonly BodyType[]; roles: readonly Role[] }> = {
  NATIONAL_ADMIN: { bodies: ['MWCD', 'NCRB', ...STATE_BODIES], roles: ['NATIONAL_ADMIN', 'NATIONAL_MONITOR', ...STATE_ROLES] },
  STATE_ADMIN: { bodies: [...STATE_BODIES, 'DCPU', ...DISTRICT_BODIES], roles: [...STATE_ROLES, ...DISTRICT_ROLES] },
  DISTRICT_ADMIN: { bodies: DISTRICT_BODIES, roles: DISTRICT_ROLES },
};

export function isAdminRole(role: string): role is AdminRole {
  return (ADMIN_ROLES as readonly string[]).includes(role);
}

/** Whether one of these roles may create (and edit, deactivate) a body of this kind. */
export function mayAdministerBody(roles: readonly string[], type: BodyType): boolean {
  return roles.some((r) => isAdminRole(r) && ADMINISTRATION[r].bodies.includes(type));
}

/** Whether one of these roles may give a person this role (invite, move) or take it away (deactivate). */
export function mayGrantRole(roles: readonly string[], role: Role): boolean {
  return roles.some((r) => isAdminRole(r) && ADMINISTRATION[r].roles.includes(role));
}

/** Whether a person holding this role may belong to a body of this kind. */
export function roleFitsBody(role: Role, type: BodyType): boolean {
  return ROLE_BODIES[role].includes(type);
}

/**
 * Whether an administrator whose body has jurisdiction `j` administers a body (or a person of one) at this
 * place: the nation everything; a state its state's bodies and districts; a district its own.
 */
export function administers(j: Jurisdiction, place: { stateCode: string | null; districtCode: string | null }): boolean {
  switch (j.level) {
    case 'NATIONAL':
      return true;
    case 'STATE':
      return place.stateCode !== null && place.stateCode === j.stateCode;
    default:
      return place.districtCode !== null && place.districtCode === j.districtCode;
  }
}
