import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import OAuth2Server from '@node-oauth/oauth2-server';
import type { RakshaConfig } from '@raksha/config';
import type { PartnerTokenResponse } from '@raksha/contracts';
import { type PartnerClientRecord, PartnerRepository } from '@raksha/db';
import { isPartnerScope, type JurisdictionLevel, type PartnerKind } from '@raksha/domain';
import { RAKSHA_CONFIG } from '../infrastructure/tokens.js';
import { DomainError, unauthenticated } from '../problem/domain-errors.js';
import type { PartnerPrincipal } from './partner.principal.js';

/** What the OAuth library hands between the model's calls: the client with its record. */
interface OAuthClient extends OAuth2Server.Client {
  record: PartnerClientRecord;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Whether a presented client secret is the one whose hash is kept (constant time). */
export function secretMatches(secret: string, hash: string): boolean {
  const given = Buffer.from(sha256(secret), 'hex');
  const kept = Buffer.from(hash, 'hex');
  return given.length === kept.length && timingSafeEqual(given, kept);
}

/** A request as the OAuth library reads it (its headers, method, query and parsed form). */
export interface OAuthHttpRequest {
  headers: Record<string, string | string[] | undefined>;
  method: string;
  query: Record<string, unknown>;
  body: unknown;
}

/**
 * The OAuth 2.0 client-credentials grant (RFC 6749 s.4.4) and bearer tokens (RFC 6750) for partner systems, through
 * @node-oauth/oauth2-server: it parses the token request (client_secret_basic and client_secret_post), issues random
 * tokens and checks their expiry; the model here keeps only their SHA-256, and of each client only its secret's.
 */
@Injectable()
export class PartnerTokensService {
  private readonly server: OAuth2Server;

  constructor(
    private readonly partners: PartnerRepository,
    @Inject(RAKSHA_CONFIG) config: RakshaConfig,
  ) {
    const model: OAuth2Server.ClientCredentialsModel = {
      getClient: async (clientId: string, clientSecret: string) => {
        if (!UUID.test(clientId) || !clientSecret) return false;
        const record = await this.partners.findById(clientId);
        if (!record || record.revokedAt || !secretMatches(clientSecret, record.secretHash)) return false;
        return { id: record.id, grants: ['client_credentials'], record } satisfies OAuthClient;
      },
      getUserFromClient: async (client) => ({ clientId: client.id }),
      // No scope asked: every scope the client was granted. Any scope it was not granted: invalid_scope.
      validateScope: async (_user, client, scope) => {
        const granted = (client as OAuthClient).record.scopes;
        if (!scope || scope.length === 0) return granted;
        return scope.every((s) => granted.includes(s)) ? scope : false;
      },
      saveToken: async (token, client, user) => {
        await this.partners.saveToken({
          tokenHash: sha256(token.accessToken),
          clientId: client.id,
          scopes: token.scope ?? [],
          expiresAt: token.accessTokenExpiresAt!,
          createdAt: new Date(),
        });
        return { ...token, client, user };
      },
      getAccessToken: async (accessToken: string) => {
        const row = await this.partners.findToken(sha256(accessToken));
        if (!row || row.client.revokedAt) return false;
        return {
          accessToken,
          accessTokenExpiresAt: row.expiresAt,
          scope: row.scopes,
          client: { id: row.clientId, grants: ['client_credentials'], record: row.client } satisfies OAuthClient,
          user: { clientId: row.clientId },
        };
      },
      verifyScope: async () => true,
    };
    this.server = new OAuth2Server({ model, accessTokenLifetime: config.auth.partnerTokenTtlSeconds, allowBearerTokensInQueryString: false });
  }

  /** Answers a token request: the token response, and the headers RFC 6749 s.5.1 asks (no caching). */
  async issue(req: OAuthHttpRequest): Promise<{ body: PartnerTokenResponse; headers: Record<string, string> }> {
    const response = new OAuth2Server.Response();
    try {
      await this.server.token(new OAuth2Server.Request(req as never), response, { requireClientAuthentication: { client_credentials: true } });
    } catch (err) {
      throw tokenRequestProblem(err);
    }
    return { body: response.body as PartnerTokenResponse, headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' } };
  }

  /** The partner a bearer token stands for, or 401 (missing, unknown, expired, or its client revoked). */
  async authenticate(req: OAuthHttpRequest): Promise<PartnerPrincipal> {
    let token: OAuth2Server.Token;
    try {
      token = await this.server.authenticate(new OAuth2Server.Request(req as never), new OAuth2Server.Response());
    } catch (err) {
      const e = err as { name?: string; message?: string };
      if (e.name === 'server_error') throw err;
      throw unauthenticated(e.name === 'unauthorized_request' ? 'no bearer token' : 'the token is not valid now: expired, revoked or unknown; ask POST /oauth/token for a new one');
    }
    const record = (token.client as OAuthClient).record;
    return {
      clientId: record.id,
      name: record.name,
      kind: record.kind as PartnerKind,
      scopes: (token.scope ?? []).filter(isPartnerScope),
      jurisdiction: { level: record.level as JurisdictionLevel, stateCode: record.stateCode, districtCode: record.districtCode, thanaCode: null },
      requestsPerMinute: record.requestsPerMinute,
    };
  }
}

/** The library's OAuth error as problem+json, keeping RFC 6749 s.5.2's `error` code for OAuth clients. */
function tokenRequestProblem(err: unknown): unknown {
  const e = err as { name?: string; message?: string; code?: number };
  if (!e.name || e.name === 'server_error' || typeof e.code !== 'number') return err;
  const oauth = { error: e.name, error_description: e.message };
  if (e.name === 'invalid_client') return new DomainError('invalid-client', e.message ?? 'client authentication failed', oauth);
  return new DomainError('token-request-invalid', e.message ?? 'invalid token request', oauth);
}
