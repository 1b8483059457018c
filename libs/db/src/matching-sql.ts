// The statements of a match (the report, its keys' counts, the candidate search, the kept pairs) run as plain SQL: through
// Prisma's raw queries by default, or through a pg pool of their own, which skips Prisma's query compiler (3–4 ms of CPU
// a match) and the transaction that turns sequential scans and JIT off.
import pg from 'pg';
import type { Db } from './client.js';

/** Runs one parameterised statement ($1, $2, ...) and returns its rows. */
export interface MatchingSql {
  query<T>(text: string, values: readonly unknown[]): Promise<T[]>;
  /** A statement that must be answered from indexes: sequential scans and JIT off while it runs. */
  indexOnly<T>(text: string, values: readonly unknown[]): Promise<T[]>;
}

/** Through Prisma's raw queries, on the client the repository already has. */
export function prismaMatchingSql(db: Db): MatchingSql {
  return {
    query: <T>(text: string, values: readonly unknown[]) => db.$queryRawUnsafe<T[]>(text, ...values),
    indexOnly: async <T>(text: string, values: readonly unknown[]) => {
      const [, rows] = await db.$transaction([
        db.$queryRaw`SELECT set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)`,
        db.$queryRawUnsafe<T[]>(text, ...values),
      ]);
      return rows;
    },
  };
}

/**
 * A pool for matching alone. Every statement of a match is answered from an index (a report by id, keys by value, the
 * GIN lookup of blocking terms, upserts and updates by key), so its sessions keep sequential scans and JIT off: an
 * overlap of a hundred terms looks unselective to the planner, which would otherwise scan the table or compile the query.
 */
export function createMatchingPool(databaseUrl: string, max = 2): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max, options: '-c enable_seqscan=off -c jit=off' });
  // An idle session lost when PostgreSQL restarts: the pool drops it and opens another on next use. Unheard, the error
  // would end the worker (test/chaos found it); the query that needs the database meets the outage itself.
  pool.on('error', () => undefined);
  return pool;
}

export function poolMatchingSql(pool: pg.Pool): MatchingSql {
  const query = async <T>(text: string, values: readonly unknown[]) => (await pool.query(text, [...values])).rows as T[];
  return { query, indexOnly: query };
}
