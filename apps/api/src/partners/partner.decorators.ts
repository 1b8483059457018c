import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiOAuth2 } from '@nestjs/swagger';
import type { PartnerScope } from '@raksha/domain';
import { PARTNER_ROUTE } from '../auth/decorators.js';
import type { PartnerPrincipal } from './partner.principal.js';

/** The OpenAPI security scheme partner routes declare (OAuth 2.0 client credentials). */
export const PARTNER_SECURITY_SCHEME = 'partner';

/**
 * A route for partner systems, not people: the PartnerGuard authenticates its bearer token as a partner's (401 when
 * missing, expired or revoked), refuses a token without every scope named here (403), counts the call against the
 * client's rate and audits it with the client's identity. The people's AuthGuard leaves such routes alone.
 */
export const PartnerScopes = (...scopes: [PartnerScope, ...PartnerScope[]]) =>
  applyDecorators(SetMetadata(PARTNER_ROUTE, scopes), ApiOAuth2(scopes, PARTNER_SECURITY_SCHEME));

export interface PartnerRequest {
  partner?: PartnerPrincipal;
}

/** The partner system this request acts for (set by the PartnerGuard). */
export const CurrentPartner = createParamDecorator((_: unknown, ctx: ExecutionContext): PartnerPrincipal => {
  const partner = ctx.switchToHttp().getRequest<PartnerRequest>().partner;
  if (!partner) throw new Error('CurrentPartner used on a route without @PartnerScopes');
  return partner;
});
