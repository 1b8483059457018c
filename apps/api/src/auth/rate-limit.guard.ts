import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { RakshaConfig } from '@raksha/config';
import { RAKSHA_CONFIG, REDIS } from '../infrastructure/tokens.js';
import { tooManyRequests } from '../problem/domain-errors.js';

/**
 * Counts one request in the current one-minute window of `key` (every API instance shares it through Redis) and
 * refuses it with 429 past `limit`. If Redis is unreachable the request goes through: /health reports Redis down.
 */
export async function limitPerMinute(redis: Redis, logger: Logger, key: string, limit: number): Promise<void> {
  const now = Date.now();
  const window = Math.floor(now / 60_000);
  const windowKey = `raksha:rate:${key}:${window}`;
  let count: number;
  try {
    if (redis.status === 'wait') await redis.connect();
    const [[, incremented]] = (await redis.multi().incr(windowKey).expire(windowKey, 61).exec()) as [[Error | null, number]];
    count = incremented;
  } catch (err) {
    logger.warn(`rate limiter unavailable: ${(err as Error).message}`);
    return;
  }
  if (count > limit) throw tooManyRequests(Math.ceil(((window + 1) * 60_000 - now) / 1000));
}

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
    await limitPerMinute(this.redis, this.logger, request.ip ?? 'unknown', this.config.auth.rateLimitPerMinute);
    return true;
  }
}
