import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasPermission, type Permission } from '@raksha/domain';
import { forbidden, memberTermLapsed, secondStepRequired, unauthenticated } from '../problem/domain-errors.js';
import { DURING_ENROLMENT, PARTNER_ROUTE, PUBLIC_ROUTE, REQUIRED_PERMISSION, type AuthenticatedRequest } from './decorators.js';
import { can, PrincipalResolver } from './principal.js';

/**
 * The one place a request is authenticated and its role checked against the route's permission; a CWC / JJB
 * member outside their term of office holds their member role in name only (member-term-lapsed).
 * A session whose roles need the second sign-in step it has not passed may only set it up (DuringEnrolment).
 * Jurisdiction (which cases a body may know of) is the services' AccessPolicy: 404, not 403.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly principals: PrincipalResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    // A partner system's route: its token is an OAuth client's, which the PartnerGuard checks instead.
    if (this.reflector.getAllAndOverride<unknown>(PARTNER_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { headers: Record<string, string | undefined>; ip?: string }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw unauthenticated('no bearer token');
    const principal = await this.principals.authenticate(token);
    request.principal = request.ip ? { ...principal, from: request.ip } : principal;
    if (principal.enrolmentOnly && !this.reflector.getAllAndOverride<boolean>(DURING_ENROLMENT, targets)) throw secondStepRequired();
    const needed = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (needed && !can(request.principal, needed)) {
      // A member outside their term: say so, rather than that their role may not.
      const lapsed = principal.lapsed;
      if (lapsed && hasPermission(lapsed.roles, needed)) throw memberTermLapsed(lapsed.roles.includes('CWC_MEMBER') ? 'CWC' : 'JJB', lapsed.term, lapsed.today);
      throw forbidden(`${principal.roles.join(', ')} may not ${needed}`);
    }
    return true;
  }
}
