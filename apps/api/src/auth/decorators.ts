import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Permission } from '@raksha/domain';
import type { Principal } from './principal.js';

export const PUBLIC_ROUTE = 'raksha:public';
export const REQUIRED_PERMISSION = 'raksha:permission';
export const DURING_ENROLMENT = 'raksha:during-enrolment';
/** A partner system's route (partners/partner.decorators.ts PartnerScopes): the scopes it needs; the PartnerGuard authenticates it. */
export const PARTNER_ROUTE = 'raksha:partner-scopes';

/** Reachable without signing in (health, docs, login). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * Open to a session that may only set up the second sign-in step (its roles need one it has not passed): the
 * signed-in principal and enrolment itself. Every other route answers such a session 403 second-step-required.
 */
export const DuringEnrolment = () => SetMetadata(DURING_ENROLMENT, true);

/** The permission a route needs; the AuthGuard answers 403 to a role without it. */
export const RequirePermission = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);

export interface AuthenticatedRequest {
  principal?: Principal;
}

/** The signed-in principal of this request (set by the AuthGuard). */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});
