import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { RakshaConfig } from '@raksha/config';
import { RAKSHA_CONFIG, REDIS } from '../infrastructure/tokens.js';
import { tooManyRequests } from '../problem/domain-errors.js';

/**
 * A fixed one-minute window per client address, counted in Redis so every API instance shares it.
 * If Redis is unreachable the request goes through: /health reports Redis down.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger('RateLimit');

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(RAKSHA_CONFIG) private readonly config: RakshaConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ ip?: string }>();
    const now = Date.now();
    const window = Math.floor(now / 60_000);
    const key = `raksha:rate:${request.ip ?? 'unknown'}:${window}`;
    let count: number;
    try {
      if (this.redis.status === 'wait') await this.redis.connect();
      const [[, incremented]] = (await this.redis.multi().incr(key).expire(key, 61).exec()) as [[Error | null, number]];
      count = incremented;
    } catch (err) {
      this.logger.warn(`rate limiter unavailable: ${(err as Error).message}`);
      return true;
    }
    if (count > this.config.auth.rateLimitPerMinute) {
      throw tooManyRequests(Math.ceil(((window + 1) * 60_000 - now) / 1000));
    }
    return true;
  }
}
