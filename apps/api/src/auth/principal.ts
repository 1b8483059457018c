import type { CaseActor } from '@raksha/contracts/temporal';
import { hasPermission, type BodyType, type Jurisdiction, type Permission, type Role } from '@raksha/domain';

/** The audit chain of one user's own acts and of what is done to their account. */
export const userChain = (userId: string) => `user:${userId}`;

/** The signed-in person a request acts for. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  /** null for a citizen */
  body: (Jurisdiction & { id: string; type: BodyType; name: string }) | null;
  /** whether their roles need the second sign-in step (libs/domain secondStepRequired), and whether it is set up */
  secondStep: { required: boolean; enrolled: boolean };
  sessionId: string;
  /** the session may only set up the second step: the roles need it and this session has not passed it */
  enrolmentOnly: boolean;
  /**
   * CWC / JJB member roles the person holds but may not act in today, being outside their term of office (libs/domain
   * member-terms): they are not in `roles`, so every check of a permission they alone gave refuses.
   */
  lapsed?: { roles: Role[]; term: { from: string; until: string | null }; today: string };
  /** the network address the request came from (set per request by the AuthGuard), for the access log */
  from?: string;
}

export function can(principal: Principal, permission: Permission): boolean {
  return hasPermission(principal.roles, permission);
}

/** How the principal appears on a case's timeline, acting in `role` (one of their roles). */
export function caseActor(principal: Principal, role: Role = principal.roles[0] ?? 'CITIZEN'): CaseActor {
  return { id: principal.userId, role, body: principal.body?.type ?? 'PUBLIC', ...(principal.body && { bodyId: principal.body.id }), ...(principal.from && { from: principal.from }) };
}

/** An audit entry's who, what, when and from where: the user, their roles, and (in the detail) the body they acted for and their address. */
export function auditedAction(principal: Principal, action: string, detail: Record<string, unknown> = {}, at = new Date()) {
  return { action, actorId: principal.userId, actorRole: principal.roles.join(','), detail: { ...detail, bodyId: principal.body?.id ?? null, ...(principal.from && { from: principal.from }) }, at };
}

/** Turns a bearer access token into its principal; throws Unauthenticated when it is not valid now. */
export abstract class PrincipalResolver {
  abstract authenticate(accessToken: string): Promise<Principal>;
}
