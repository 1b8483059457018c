// Runs before each integration test file. Every Jest worker but the first points the file's configuration at
// databases of its own (test-workers.ts), before any module reads TEST_DATABASE_URL or TEST_REDIS_URL, so two
// workers never see (or empty) each other's rows, queues or locks.
import { Redis } from 'ioredis';
import pg from 'pg';
import { loadTestConfig } from '@raksha/config';
import { applyMigrations } from '@raksha/prisma/migrations-lib';
import { jestWorker, workerDatabaseUrl, workerRedisUrl } from './test-workers.js';

/**
 * Worker N's database is made once per Jest run, fresh like the one scripts/setup.sh makes for worker 1: a recycled
 * worker process keeps its number and its run (the Jest process, its parent), so the database is marked with the run.
 */
async function freshForThisRun(databaseUrl: string, redisUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const run = `jest run ${process.ppid}`;
  const admin = new pg.Client({ connectionString: Object.assign(new URL(databaseUrl), { pathname: '/postgres' }).toString() });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ run: string | null }>(`SELECT shobj_description(oid, 'pg_database') AS run FROM pg_database WHERE datname = $1`, [name]);
    if (rows[0]?.run === run) return;
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    await applyMigrations(databaseUrl);
    const redis = new Redis(redisUrl, { lazyConnect: true });
    try {
      await redis.connect();
      await redis.flushdb();
    } finally {
      redis.disconnect();
    }
    await admin.query(`COMMENT ON DATABASE "${name}" IS '${run}'`);
  } finally {
    await admin.end();
  }
}

const worker = jestWorker();
if (worker > 1) {
  const { databaseUrl, redisUrl } = loadTestConfig();
  process.env.TEST_DATABASE_URL = workerDatabaseUrl(databaseUrl, worker);
  process.env.TEST_REDIS_URL = workerRedisUrl(redisUrl, worker);
  await freshForThisRun(process.env.TEST_DATABASE_URL, process.env.TEST_REDIS_URL);
}
