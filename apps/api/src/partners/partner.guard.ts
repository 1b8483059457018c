import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { Redis } from 'ioredis';
import { PartnerRepository } from '@raksha/db';
import type { PartnerScope } from '@raksha/domain';
import { PARTNER_ROUTE } from '../auth/decorators.js';
import { limitPerMinute } from '../auth/rate-limit.guard.js';
import { REDIS } from '../infrastructure/tokens.js';
import { DomainError } from '../problem/domain-errors.js';
import type { PartnerRequest } from './partner.decorators.js';
import { partnerBodyId } from './partner.principal.js';
import { PartnerTokensService } from './partner-tokens.service.js';

/**
 * The one place a partner system's request is authenticated (401 problem+json, with RFC 6750's WWW-Authenticate),
 * counted against its client's rate (429), checked for the route's scopes (403) and audited with the client's
 * identity on its chain (`partner:<clientId>`), refusals included. Jurisdiction is the services' (404).
 */
@Injectable()
export class PartnerGuard implements CanActivate {
  private readonly logger = new Logger('PartnerRateLimit');

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: PartnerTokensService,
    private readonly partners: PartnerRepository,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const needed = this.reflector.getAllAndOverride<PartnerScope[] | undefined>(PARTNER_ROUTE, [context.getHandler(), context.getClass()]);
    if (!needed) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<Request & PartnerRequest>();
    const response = http.getResponse<Response>();
    let partner;
    try {
      partner = await this.tokens.authenticate({ headers: request.headers, method: request.method, query: {}, body: {} });
    } catch (err) {
      if (err instanceof DomainError && err.status === 401) response.setHeader('WWW-Authenticate', `Bearer realm="raksha-partners", error="invalid_token"`);
      throw err;
    }
    await limitPerMinute(this.redis, this.logger, `partner:${partner.clientId}`, partner.requestsPerMinute);
    const call = { method: request.method, path: request.originalUrl.split('?')[0], query: request.originalUrl.includes('?') ? request.originalUrl.slice(request.originalUrl.indexOf('?') + 1) : undefined, scopes: partner.scopes };
    const at = new Date();
    const who = { actorId: partner.clientId, actorRole: `PARTNER:${partner.kind}`, at };
    const missing = needed.filter((s) => !partner.scopes.includes(s));
    if (missing.length > 0) {
      await this.partners.recordCall(partner.clientId, { ...who, action: 'partner.call.refused', detail: { ...call, missingScopes: missing, bodyId: partnerBodyId(partner.clientId) } });
      response.setHeader('WWW-Authenticate', `Bearer realm="raksha-partners", error="insufficient_scope", scope="${needed.join(' ')}"`);
      throw new DomainError('insufficient-scope', `this needs the scope ${missing.join(' and ')}; the token carries ${partner.scopes.join(' ') || 'none'}`, { scope: needed.join(' ') });
    }
    await this.partners.recordCall(partner.clientId, { ...who, action: 'partner.call', detail: { ...call, bodyId: partnerBodyId(partner.clientId) } });
    request.partner = partner;
    return true;
  }
}
