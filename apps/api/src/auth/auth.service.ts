import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { LoginResponse, SecondStepBody, SignedInBody, SignedInUser, TokenResponse } from '@raksha/contracts';
import { AuditRepository, seatOf, SessionRepository, UserRepository, type AuditRecord, type BodyRecord } from '@raksha/db';
import { dayInIndia, isBodyType, isRole, JURISDICTION_LEVELS, lapsedRoles, secondStepRequired, type JurisdictionLevel } from '@raksha/domain';
import { invalidCredentials, secondStepFailed, unauthenticated } from '../problem/domain-errors.js';
import { burnPasswordCheck, verifyPassword } from '@raksha/db/password';
import { PrincipalResolver, userChain, type Principal } from './principal.js';
import { CHALLENGE_TTL_SECONDS, TokenService } from './token.service.js';
import { SecondStepService } from './second-step.service.js';
import { LoginThrottle } from './login-throttle.js';

/** Where a sign-in came from, for the audit trail. */
export interface RequestOrigin {
  ip?: string | undefined;
  userAgent?: string | undefined;
}

interface StoredUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  body: BodyRecord | null;
  totpEnabledAt: Date | null;
}

export { userChain };
export const UNKNOWN_USER_CHAIN = 'auth:unknown';

function origin(o: RequestOrigin): Record<string, string> {
  return { ...(o.ip && { ip: o.ip }), ...(o.userAgent && { userAgent: o.userAgent.slice(0, 256) }) };
}

/** An audit record in the user's own chain; details never carry a password or a token. */
function userAudit(userId: string, action: string, at: Date, detail: Record<string, unknown>): AuditRecord {
  return { chain: userChain(userId), action, actorId: userId, subjectType: 'user', subjectId: userId, detail, at };
}

function signedInBody(body: BodyRecord): SignedInBody {
  const level = body.level as JurisdictionLevel;
  if (!isBodyType(body.type) || !JURISDICTION_LEVELS.includes(level)) {
    throw new Error(`body ${body.id} has an unknown type (${body.type}) or level (${body.level})`);
  }
  return { id: body.id, type: body.type, name: body.name, level, stateCode: body.stateCode, districtCode: body.districtCode, thanaCode: body.thanaCode };
}

function signedInUser(user: StoredUser): SignedInUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    // A role this build does not know grants nothing.
    roles: user.roles.filter(isRole),
    body: user.body ? signedInBody(user.body) : null,
    secondStep: { required: secondStepRequired(user.roles), enrolled: user.totpEnabledAt !== null },
  };
}

/** A session of these roles that has not passed the second step may only set it up. */
const enrolmentOnly = (user: SignedInUser, secondStepAt: Date | null) => user.secondStep.required && secondStepAt === null;

/**
 * Sign-in, token refresh (rotating), sign-out, and turning an access token into the principal of a
 * request. The principal is read from the database on every request: a revoked session, a
 * disabled account or a changed role takes effect at the next request.
 */
@Injectable()
export class AuthService extends PrincipalResolver {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly tokens: TokenService,
    private readonly audit: AuditRepository,
    private readonly throttle: LoginThrottle,
    private readonly secondStep: SecondStepService,
  ) {
    super();
  }

  /**
   * Sign-in. An unknown username, a wrong password, a disabled account and a locked one all answer the same
   * 401; failures are throttled per username and source address (LoginThrottle: 429 with Retry-After), so a
   * guesser is slowed and no one can lock a real officer out of their account. A person with the second step set
   * up gets a challenge instead of tokens (POST /auth/mfa completes it); the throttle forgets this source's
   * failures only once that is done, so a known password does not buy unlimited code guesses.
   */
  async login(username: string, password: string, from: RequestOrigin = {}): Promise<LoginResponse> {
    await this.throttle.check(username, from.ip);
    const now = new Date();
    const user = await this.users.findByUsername(username);
    const refuse = async (): Promise<never> => {
      await this.throttle.failed(username, from.ip);
      throw invalidCredentials();
    };
    if (!user) {
      await burnPasswordCheck(password);
      await this.audit.record({
        chain: UNKNOWN_USER_CHAIN,
        action: 'auth.login_failed',
        subjectType: 'username',
        subjectId: username,
        detail: { reason: 'unknown-user', ...origin(from) },
        at: now,
      });
      return refuse();
    }
    const failure = (reason: string, detail: Record<string, unknown> = {}) =>
      userAudit(user.id, 'auth.login_failed', now, { reason, ...detail, ...origin(from) });

    if (user.disabledAt) {
      await burnPasswordCheck(password);
      await this.audit.record(failure('disabled'));
      return refuse();
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      // An account an administrator locked: not even the right password opens it, and the answer is the same.
      await burnPasswordCheck(password);
      await this.audit.record(failure('locked', { lockedUntil: user.lockedUntil.toISOString() }));
      return refuse();
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      // Counted on the account for the audit trail; it never locks the account (the throttle slows the source).
      await this.users.recordLoginFailure(user.id, (failedLogins) => [failure('wrong-password', { consecutiveFailures: failedLogins })]);
      return refuse();
    }
    if (user.totpEnabledAt) return { secondStep: 'TOTP', challenge: this.tokens.signChallenge(user.id, now), expiresIn: CHALLENGE_TTL_SECONDS };
    await this.throttle.succeeded(username, from.ip);
    return this.startSession(user, now, null, { ...origin(from) });
  }

  /**
   * The second sign-in step: the password step's challenge with a TOTP code (not used before) or one unused
   * recovery code. A wrong one answers 401 naming the field and counts as a failed sign-in of the username from
   * this source (the same throttle, 429 after 5); the account itself is never locked.
   */
  async completeSecondStep(input: SecondStepBody, from: RequestOrigin = {}): Promise<TokenResponse> {
    const now = new Date();
    const userId = this.tokens.verifyChallenge(input.challenge, now);
    const user = userId ? await this.users.findById(userId) : null;
    if (!user || user.disabledAt || !user.totpEnabledAt || !user.totpSecret) throw unauthenticated('the sign-in has expired; sign in with your password again');
    await this.throttle.check(user.username, from.ip);
    const refuse = async (field: 'code' | 'recoveryCode', reason: string, message: string): Promise<never> => {
      await this.throttle.failed(user.username, from.ip);
      await this.audit.record(userAudit(user.id, 'auth.second_step_failed', now, { reason, ...origin(from) }));
      throw secondStepFailed(field, message);
    };
    let detail: Record<string, unknown>;
    if (input.recoveryCode !== undefined) {
      const left = await this.secondStep.useRecoveryCode(user.id, input.recoveryCode, now);
      if (left === null) return refuse('recoveryCode', 'wrong-recovery-code', 'this is not one of your unused recovery codes');
      detail = { secondStep: 'recovery-code', recoveryCodesLeft: left };
    } else {
      const check = await this.secondStep.checkCode(user.id, user.totpSecret, input.code ?? '');
      if (!check.ok) {
        return check.reason === 'used'
          ? refuse('code', 'code-reused', 'this code was used already; wait for the next one your app shows')
          : refuse('code', 'wrong-code', 'this is not the code your authenticator app shows now');
      }
      detail = { secondStep: 'totp' };
    }
    await this.throttle.succeeded(user.username, from.ip);
    return this.startSession(user, now, now, { ...detail, ...origin(from) });
  }

  private async startSession(user: StoredUser, now: Date, secondStepAt: Date | null, detail: Record<string, unknown>): Promise<TokenResponse> {
    const principalUser = signedInUser(user);
    const sessionId = randomUUID();
    const refresh = this.tokens.issueRefresh(sessionId);
    await this.sessions.recordLogin(
      { id: sessionId, userId: user.id, refreshHash: refresh.hash, expiresAt: this.tokens.sessionExpiry(now), at: now, secondStepAt },
      userAudit(user.id, 'auth.login', now, { sessionId, ...detail }),
    );
    return this.tokenResponse(principalUser, sessionId, refresh.token, now, enrolmentOnly(principalUser, secondStepAt));
  }

  /**
   * A new access token and a new refresh token for a current refresh token; the one presented stops
   * working. Presenting one that was already rotated away means a copy exists elsewhere: the whole
   * session is revoked.
   */
  async refresh(refreshToken: string, from: RequestOrigin = {}): Promise<TokenResponse> {
    const now = new Date();
    const session = await this.sessionOf(refreshToken, now);
    const user = session.user;
    if (session.revokedAt) throw unauthenticated('the session has ended; sign in again');
    if (session.expiresAt <= now) throw unauthenticated('the session has expired; sign in again');
    if (user.disabledAt) throw unauthenticated('the account is disabled');
    const principalUser = signedInUser(user);
    const next = this.tokens.issueRefresh(session.id);
    const rotated = await this.sessions.rotate(
      session.id,
      session.refreshHash,
      next.hash,
      now,
      userAudit(user.id, 'auth.refresh', now, { sessionId: session.id, ...origin(from) }),
    );
    // Another request rotated (or revoked) it between our read and write: the same token used twice.
    if (!rotated) await this.refuseReuse(session.id, user.id, now);
    return this.tokenResponse(principalUser, session.id, next.token, now, enrolmentOnly(principalUser, session.secondStepAt));
  }

  /** Ends the session a refresh token (or else a bearer access token) belongs to; ending an ended one is a no-op. */
  async logout(refreshToken: string | undefined, accessToken: string | undefined, from: RequestOrigin = {}): Promise<void> {
    const now = new Date();
    let sessionId: string;
    let userId: string;
    let via: string;
    if (refreshToken) {
      const session = await this.sessionOf(refreshToken, now);
      [sessionId, userId, via] = [session.id, session.userId, 'refresh-token'];
    } else if (accessToken) {
      const claims = this.tokens.verifyAccess(accessToken, now);
      const session = await this.sessions.findById(claims.sid);
      if (!session || session.userId !== claims.sub) throw unauthenticated('the access token is not valid');
      [sessionId, userId, via] = [session.id, session.userId, 'access-token'];
    } else {
      throw unauthenticated('send the refresh token in the body, or the access token as a bearer token');
    }
    await this.sessions.revoke(sessionId, now, userAudit(userId, 'auth.logout', now, { sessionId, via, ...origin(from) }));
  }

  /** The principal of a request: a valid access token of a live session of an enabled user, as the database has them now. */
  async authenticate(accessToken: string): Promise<Principal> {
    const now = new Date();
    const claims = this.tokens.verifyAccess(accessToken, now);
    const session = await this.sessions.findWithUser(claims.sid);
    if (!session || session.userId !== claims.sub) throw unauthenticated('the access token is not valid');
    if (session.revokedAt) throw unauthenticated('the session has ended; sign in again');
    if (session.expiresAt <= now) throw unauthenticated('the session has expired; sign in again');
    if (session.user.disabledAt) throw unauthenticated('the account is disabled');
    const user = signedInUser(session.user);
    // Outside the term of their seat on the body's roster a CWC / JJB member's member role grants nothing (they may
    // still sign in).
    const term = seatOf(session.user.bodyId, session.user.seats)?.term ?? null;
    const today = dayInIndia(now);
    const lapsed = lapsedRoles(user.roles, term, today);
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles.filter((r) => !(lapsed as readonly string[]).includes(r)),
      ...(lapsed.length && term && { lapsed: { roles: lapsed, term, today } }),
      body: user.body,
      secondStep: user.secondStep,
      sessionId: session.id,
      enrolmentOnly: enrolmentOnly(user, session.secondStepAt),
    };
  }

  /**
   * The session a refresh token belongs to (possibly revoked already). A token the session has
   * rotated away from revokes it: Unauthenticated, whatever the request was.
   */
  private async sessionOf(refreshToken: string, now: Date) {
    const parsed = this.tokens.parseRefresh(refreshToken);
    const session = parsed && (await this.sessions.findWithUser(parsed.sessionId));
    if (!parsed || !session) throw unauthenticated('the refresh token is not valid');
    if (!session.revokedAt && session.refreshHash !== parsed.hash) await this.refuseReuse(session.id, session.userId, now);
    return session;
  }

  private async refuseReuse(sessionId: string, userId: string, now: Date): Promise<never> {
    await this.sessions.revoke(sessionId, now, userAudit(userId, 'auth.refresh_reused', now, { sessionId, revoked: true }));
    throw unauthenticated('the refresh token was already used, so the session has been ended; sign in again');
  }

  private tokenResponse(user: SignedInUser, sessionId: string, refreshToken: string, now: Date, enrolmentOnly: boolean): TokenResponse {
    return {
      enrolmentOnly,
      accessToken: this.tokens.signAccess(user.id, sessionId, now),
      tokenType: 'Bearer',
      expiresIn: this.tokens.accessTokenTtlSeconds,
      refreshToken,
      user,
    };
  }
}
