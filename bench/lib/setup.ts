// The benchmark's own PostgreSQL database and Redis logical database, so neither the app's data
// nor the tests' are touched (and the bench worker's notification processor never takes their jobs).
import { Queue } from 'bullmq';
import pg from 'pg';
import { redisConnectionOptions } from '@raksha/config';
import { NOTIFICATION_QUEUE } from '@raksha/contracts';
import { createDb } from '@raksha/db';
import { applyMigrations } from '@raksha/prisma/migrations-lib';
import { seed } from '@raksha/prisma/seed';

const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

/** Refuses anything that does not look like a benchmark database: this module truncates it. */
export function assertBenchDatabase(url: string): void {
  const name = databaseName(url);
  if (!/bench/i.test(name)) throw new Error(`refusing to use database "${name}" for the benchmark: its name must contain "bench"`);
}

export function assertBenchRedis(url: string): void {
  if (redisConnectionOptions(url).db === 0) {
    throw new Error(`refusing Redis database 0 (${url}) for the benchmark: the app and the tests use it; pass e.g. redis://127.0.0.1:6379/9`);
  }
}

/**
 * Creates the database if missing (connecting through `adminUrl`, whose role needs CREATEDB),
 * applies the migrations, empties every table but the migration history, and seeds it.
 */
export async function prepareBenchDatabase(adminUrl: string, benchUrl: string): Promise<void> {
  assertBenchDatabase(benchUrl);
  const name = databaseName(benchUrl);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }
  await applyMigrations(benchUrl);
  await truncateBenchDatabase(benchUrl);
  const db = createDb(benchUrl);
  try {
    await seed(db);
  } finally {
    await db.$disconnect();
  }
}

/** Every table of the public schema except the migration history, so each run starts equal. */
export async function truncateBenchDatabase(benchUrl: string): Promise<void> {
  assertBenchDatabase(benchUrl);
  const client = new pg.Client({ connectionString: benchUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    if (rows.length) {
      await client.query(`TRUNCATE ${rows.map((r) => `"public"."${r.tablename.replaceAll('"', '""')}"`).join(', ')} RESTART IDENTITY CASCADE`);
    }
  } finally {
    await client.end();
  }
}

/** Removes the bench Redis database's notification queue (jobs, counters, completed ids). */
export async function clearBenchRedis(redisUrl: string): Promise<void> {
  assertBenchRedis(redisUrl);
  const queue = new Queue(NOTIFICATION_QUEUE, { connection: redisConnectionOptions(redisUrl) });
  try {
    await queue.obliterate({ force: true });
  } finally {
    await queue.close();
  }
}

/** A short query helper on a fresh pool (the measurements read the database directly). */
export function benchPool(benchUrl: string): pg.Pool {
  assertBenchDatabase(benchUrl);
  return new pg.Pool({ connectionString: benchUrl, max: 2 });
}

/**
 * Runs `load` with the tables' secondary indexes and foreign keys set aside, then builds them again: a bulk load of
 * millions of rows is several times faster into bare tables, and one index build (sorted, parallel) is cheaper than
 * millions of index insertions. Primary keys and the constraints' own unique indexes stay. The indexes and foreign keys
 * come back exactly as the migrations made them (their definitions are read from the catalogue first).
 */
export async function withoutIndexes(pool: pg.Pool, tables: readonly string[], load: () => Promise<void>, log: (line: string) => void): Promise<void> {
  const names = tables.map((t) => `"public"."${t.replaceAll('"', '""')}"`);
  const { rows: indexes } = await pool.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i
     WHERE i.indrelid = ANY($1::regclass[]) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [names],
  );
  const { rows: foreignKeys } = await pool.query<{ table: string; name: string; definition: string }>(
    `SELECT conrelid::regclass::text AS table, quote_ident(conname) AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
     WHERE contype = 'f' AND (conrelid = ANY($1::regclass[]) OR confrelid = ANY($1::regclass[]))`,
    [names],
  );
  for (const fk of foreignKeys) await pool.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${fk.name}`);
  for (const index of indexes) await pool.query(`DROP INDEX ${index.name}`);
  log(`set aside ${indexes.length} indexes and ${foreignKeys.length} foreign keys of ${tables.join(', ')}`);
  try {
    await load();
  } finally {
    const t0 = Date.now();
    const client = await pool.connect();
    try {
      await client.query(`SET maintenance_work_mem = '1GB'`);
      await client.query('SET max_parallel_maintenance_workers = 2');
      for (const index of indexes) await client.query(index.definition);
      for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} ${fk.definition}`);
    } finally {
      client.release();
    }
    log(`built ${indexes.length} indexes and checked ${foreignKeys.length} foreign keys again in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}
