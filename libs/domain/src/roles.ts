import type { BodyType } from './bodies.js';

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
  // Administrators (libs/domain's administration.ts): they onboard bodies and people, and act on no case.
  'NATIONAL_ADMIN',
  'STATE_ADMIN',
  'DISTRICT_ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

/** The workflow itself acts as SYSTEM when a statutory period runs out (e.g. s.14(4) termination). */
export const SYSTEM_ACTOR = 'SYSTEM' as const;
export type Actor = Role | typeof SYSTEM_ACTOR;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

const CHILD_WELFARE_POLICE = ['SJPU_OFFICER', 'CHILD_WELFARE_POLICE_OFFICER'] as const;

/** Roles the rules name together: authorisation, the machine and the pages read these, never a list of their own. */
export const ROLE_GROUPS = {
  /** Officers designated to deal with children: the SJPU and each station's child welfare police officer (s.107). */
  childWelfarePolice: CHILD_WELFARE_POLICE,
  /** The police: the child welfare police and the station's officer in charge. */
  police: [...CHILD_WELFARE_POLICE, 'STATION_OFFICER'],
  /** The members of the Boards that decide a child's case: the CWC (s.27) and the JJB (s.4). */
  boards: ['CWC_MEMBER', 'JJB_MEMBER'],
  /** Who keeps a child's care plan and e-file while in care: the institution's staff, the DCPU and the probation officer (s.30(vi)). */
  careStaff: ['CCI_STAFF', 'DCPU_OFFICER', 'PROBATION_OFFICER'],
  /** Who watches a state or the country without acting on cases: they search rather than list. */
  monitors: ['STATE_MONITOR', 'NATIONAL_MONITOR'],
} as const satisfies Record<string, readonly Role[]>;
export type RoleGroup = keyof typeof ROLE_GROUPS;

/** The police's bodies: the district's SJPU and the police stations. */
export const POLICE_BODIES = ['SJPU', 'POLICE_STATION'] as const satisfies readonly BodyType[];

/** Who acts (acknowledges, resolves) for each rung of an escalation ladder, by the body the rung reaches. */
export const ESCALATION_ACTORS = {
  DCPU: ['DCPU_OFFICER'],
  SCPS: ['SCPS_OFFICER'],
  STATE_MONITORING_CELL: ['STATE_MONITOR'],
} as const satisfies Partial<Record<BodyType, readonly Role[]>>;

/** Whether any of these roles belongs to the group. */
export function hasRoleIn(roles: readonly string[], group: RoleGroup): boolean {
  const members: readonly string[] = ROLE_GROUPS[group];
  return roles.some((r) => members.includes(r));
}

/** The roles that act for an escalation raised to this body (none for a body no rung reaches). */
export function escalationActorsOf(body: string): readonly Role[] {
  return Object.hasOwn(ESCALATION_ACTORS, body) ? ESCALATION_ACTORS[body as keyof typeof ESCALATION_ACTORS] : [];
}

/**
 * Who must sign in with a second step (a TOTP code from an authenticator app, RFC 6238): everyone who acts for a
 * body — officers, staff, members and administrators — since they read children's records. A citizen may choose it.
 */
export const SECOND_STEP_OPTIONAL_ROLES = ['CITIZEN'] as const satisfies readonly Role[];

/** Whether these roles need the second sign-in step: any role that is not optional does. */
export function secondStepRequired(roles: readonly string[]): boolean {
  const optional: readonly string[] = SECOND_STEP_OPTIONAL_ROLES;
  return roles.some((r) => isRole(r) && !optional.includes(r));
}
