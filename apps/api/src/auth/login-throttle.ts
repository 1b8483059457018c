import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS } from '../infrastructure/tokens.js';
import { tooManyRequests } from '../problem/domain-errors.js';

/** Wrong passwords for one username from one source before that source must wait, and how long it waits. */
export const LOGIN_FAILURES_PER_SOURCE = 5;
export const LOGIN_THROTTLE_SECONDS = 15 * 60;

/** The Redis key counting one username's failures from one source; hashed, so Redis holds no usernames. */
export function loginThrottleKey(username: string, source: string | undefined): string {
  const who = createHash('sha256').update(username.trim().toLowerCase()).digest('base64url').slice(0, 22);
  return `raksha:login-failures:${who}:${source ?? 'unknown'}`;
}

/**
 * Sign-in failures counted per username *and* source address, in Redis (shared by every API instance).
 * A guesser is slowed down without locking the account: the officer signing in from their own device
 * is never locked out by someone else's wrong passwords. An unknown username is counted as a known one
 * is, so the answers never tell which exist. If Redis cannot be reached, sign-in goes on unthrottled
 * (as the rate limiter does; /health reports Redis down).
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger('LoginThrottle');

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** 429 with Retry-After while this source has used up its tries for this username. */
  async check(username: string, source: string | undefined): Promise<void> {
    const key = this.key(username, source);
    const [count, ttl] = (await this.safely(() => Promise.all([this.redis.get(key), this.redis.ttl(key)]))) ?? [null, -2];
    if (Number(count ?? 0) >= LOGIN_FAILURES_PER_SOURCE) throw tooManyRequests(ttl > 0 ? ttl : LOGIN_THROTTLE_SECONDS);
  }

  /** One more failure; the window runs from the first failure. */
  async failed(username: string, source: string | undefined): Promise<void> {
    const key = this.key(username, source);
    await this.safely(() => this.redis.multi().incr(key).expire(key, LOGIN_THROTTLE_SECONDS, 'NX').exec());
  }

  /** A success from this source forgets its failures. */
  async succeeded(username: string, source: string | undefined): Promise<void> {
    await this.safely(() => this.redis.del(this.key(username, source)));
  }

  private key(username: string, source: string | undefined): string {
    return loginThrottleKey(username, source);
  }

  private async safely<T>(op: () => Promise<T>): Promise<T | undefined> {
    try {
      if (this.redis.status === 'wait') await this.redis.connect();
      return await op();
    } catch (err) {
      this.logger.warn(`sign-in throttle unavailable: ${(err as Error).message}`);
      return undefined;
    }
  }
}
