import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { requireTokenSecret, type RakshaConfig } from '@raksha/config';
import { RAKSHA_CONFIG } from '../infrastructure/tokens.js';
import { unauthenticated } from '../problem/domain-errors.js';

export const TOKEN_ISSUER = 'raksha';

/** What a Raksha access token asserts: this user, signed in under this session, until `exp`. */
export interface AccessClaims {
  /** user id */
  sub: string;
  /** session id: logout revokes it, and every access token carrying it with it */
  sid: string;
  /** issued at, seconds since the epoch */
  iat: number;
  /** expires at, seconds since the epoch */
  exp: number;
  iss: typeof TOKEN_ISSUER;
}

export interface IssuedRefreshToken {
  token: string;
  /** what the database keeps: the token itself never is */
  hash: string;
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
const SEGMENT = /^[A-Za-z0-9_-]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** `<session id>.<32 random bytes, base64url>`: the session id lets a rotated token be recognised when replayed. */
const REFRESH_TOKEN = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;
const MAX_ACCESS_TOKEN_LENGTH = 2048;
/** `mfa.<user id>.<expiry, epoch seconds>.<signature>`: what the password step hands a person with a second step. */
const CHALLENGE = /^mfa\.([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;
/** Long enough to open the app and type a code, short enough that a stolen challenge is soon worthless. */
export const CHALLENGE_TTL_SECONDS = 5 * 60;
/** tolerated difference between this server's clock and the one that signed (another API instance) */
const CLOCK_SKEW_SECONDS = 60;

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function parseSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Access tokens: compact JWS, HS256 over the configured secret, short-lived. Refresh tokens: opaque
 * random strings the database knows only by their SHA-256.
 */
@Injectable()
export class TokenService {
  private readonly key: Buffer;
  readonly accessTokenTtlSeconds: number;
  private readonly refreshTokenTtlMs: number;

  constructor(@Inject(RAKSHA_CONFIG) config: RakshaConfig) {
    this.key = Buffer.from(requireTokenSecret(config), 'utf8');
    this.accessTokenTtlSeconds = config.auth.accessTokenTtlSeconds;
    this.refreshTokenTtlMs = config.auth.refreshTokenTtlDays * 86_400_000;
  }

  signAccess(userId: string, sessionId: string, now: Date = new Date()): string {
    const iat = Math.floor(now.getTime() / 1000);
    const claims: AccessClaims = { sub: userId, sid: sessionId, iat, exp: iat + this.accessTokenTtlSeconds, iss: TOKEN_ISSUER };
    const signingInput = `${HEADER}.${base64url(JSON.stringify(claims))}`;
    return `${signingInput}.${this.signature(signingInput)}`;
  }

  /** The token's claims when its signature, issuer and lifetime hold at `now`; Unauthenticated otherwise. */
  verifyAccess(token: string, now: Date = new Date()): AccessClaims {
    const invalid = () => unauthenticated('the access token is not valid');
    const parts = token.length <= MAX_ACCESS_TOKEN_LENGTH ? token.split('.') : [];
    if (parts.length !== 3 || !parts.every((p) => SEGMENT.test(p))) throw invalid();
    const [header, payload, signature] = parts as [string, string, string];
    // Compared as canonical base64url text: a signature re-encoded with other trailing bits is refused too.
    if (!sameString(signature, this.signature(`${header}.${payload}`))) throw invalid();
    const h = parseSegment(header);
    const c = parseSegment(payload);
    if (h?.alg !== 'HS256' || !c) throw invalid();
    if (c.iss !== TOKEN_ISSUER || typeof c.sub !== 'string' || typeof c.sid !== 'string' || !UUID.test(c.sid)) throw invalid();
    if (typeof c.iat !== 'number' || typeof c.exp !== 'number') throw invalid();
    const nowSeconds = Math.floor(now.getTime() / 1000);
    if (c.exp <= nowSeconds) throw unauthenticated('the access token has expired; refresh it');
    if (c.iat > nowSeconds + CLOCK_SKEW_SECONDS) throw invalid();
    return { sub: c.sub, sid: c.sid, iat: c.iat, exp: c.exp, iss: TOKEN_ISSUER };
  }

  issueRefresh(sessionId: string): IssuedRefreshToken {
    const token = `${sessionId}.${randomBytes(32).toString('base64url')}`;
    return { token, hash: this.hashRefresh(token) };
  }

  /** The session a refresh token names and the hash to look for; undefined when it cannot be one of ours. */
  parseRefresh(token: string): { sessionId: string; hash: string } | undefined {
    const match = REFRESH_TOKEN.exec(token);
    if (!match || !UUID.test(match[1]!)) return undefined;
    return { sessionId: match[1]!, hash: this.hashRefresh(token) };
  }

  /** A challenge for the second sign-in step: proof, for CHALLENGE_TTL_SECONDS, that this user gave the right password. */
  signChallenge(userId: string, now: Date = new Date()): string {
    const input = `mfa.${userId}.${Math.floor(now.getTime() / 1000) + CHALLENGE_TTL_SECONDS}`;
    return `${input}.${this.signature(input)}`;
  }

  /** The user a challenge was issued to, while it is ours and unexpired; undefined otherwise. */
  verifyChallenge(challenge: string, now: Date = new Date()): string | undefined {
    const match = CHALLENGE.exec(challenge);
    if (!match || !UUID.test(match[1]!)) return undefined;
    const [input, signature] = [`mfa.${match[1]}.${match[2]}`, match[3]!];
    if (!sameString(signature, this.signature(input))) return undefined;
    return Number(match[2]) > Math.floor(now.getTime() / 1000) ? match[1] : undefined;
  }

  /** When a session started at `now` ends, however often its refresh token rotates. */
  sessionExpiry(now: Date): Date {
    return new Date(now.getTime() + this.refreshTokenTtlMs);
  }

  private hashRefresh(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  private signature(signingInput: string): string {
    return createHmac('sha256', this.key).update(signingInput).digest('base64url');
  }
}
