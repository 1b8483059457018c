import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { Redis } from 'ioredis';
import type { DependencyStatus, HealthReport } from '@raksha/contracts';
import { pingDatabase, type Db } from '@raksha/db';
import { DB, REDIS, TEMPORAL_CLIENT } from '../infrastructure/tokens.js';


const CHECK_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    @Inject(DB) private readonly db: Db,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async check(): Promise<HealthReport> {
    const [postgres, redis, temporal] = await Promise.all([
      probe(() => pingDatabase(this.db)),
      probe(async () => {
        if (this.redis.status === 'wait') await this.redis.connect();
        await this.redis.ping();
      }),
      probe(async () => {
        await this.temporal.connection.workflowService.getSystemInfo({});
      }),
    ]);
    const all = [postgres, redis, temporal];
    return { status: all.every((d) => d.status === 'up') ? 'up' : 'down', dependencies: { postgres, redis, temporal } };
  }
}

async function probe(check: () => Promise<unknown>): Promise<DependencyStatus> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    return { status: 'down', error: (err as Error).message, latencyMs: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}
