import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Permission } from '@raksha/domain';
import { forbidden, unauthenticated } from '../problem/domain-errors.js';
import { PARTNER_ROUTE, PUBLIC_ROUTE, REQUIRED_PERMISSION, type AuthenticatedRequest } from './decorators.js';
import { can, PrincipalResolver } from './principal.js';

/**
 * The one place a request is authenticated and its role checked against the route's permission.
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
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { headers: Record<string, string | undefined> }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw unauthenticated('no bearer token');
    const principal = await this.principals.authenticate(token);
    request.principal = principal;
    const needed = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (needed && !can(principal, needed)) throw forbidden(`${principal.roles.join(', ')} may not ${needed}`);
    return true;
  }
}
