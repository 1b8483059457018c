// Each Jest worker runs its integration tests against a PostgreSQL database and a Redis database of its own, so two
// workers never see (or empty) each other's rows, queues or locks. Worker 1 uses the test database scripts/setup.sh
// migrated and the tests' Redis database; worker N a database of its own (made by worker-env.ts) and the Redis
// database N - 1 above the tests'.

/** The name of worker N's copy of the test database. */
export const workerDatabaseName = (base: string, worker: number) => (worker <= 1 ? base : `${base}_w${worker}`);

/** The URL of worker N's database, given the test database's. */
export function workerDatabaseUrl(base: string, worker: number): string {
  const url = new URL(base);
  url.pathname = `/${workerDatabaseName(url.pathname.slice(1), worker)}`;
  return url.toString();
}

/** The URL of worker N's Redis database, given the tests' (Redis has databases 0–15). */
export function workerRedisUrl(base: string, worker: number): string {
  const url = new URL(base);
  const db = Number(url.pathname.slice(1) || '0') + worker - 1;
  if (db > 15) throw new Error(`Jest worker ${worker} would use Redis database ${db}, and Redis has 0–15: give TEST_REDIS_URL a lower database`);
  url.pathname = `/${db}`;
  return url.toString();
}

/** This process's Jest worker (1 when Jest runs in band). */
export const jestWorker = () => Number(process.env.JEST_WORKER_ID ?? '1');
