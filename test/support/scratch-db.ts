// A throwaway database with the migrations applied, for tests that must own all rows (or break them).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadTestConfig } from '@raksha/config';
import { applyMigrations } from '@raksha/prisma/migrations-lib';

const admin = loadTestConfig().databaseUrl;

async function adminQuery(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

export interface ScratchDb {
  url: string;
  drop(): Promise<void>;
}

export async function createScratchDb({ migrate = true } = {}): Promise<ScratchDb> {
  const name = `raksha_scratch_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = Object.assign(new URL(admin), { pathname: `/${name}` }).toString();
  if (migrate) await applyMigrations(url);
  return { url, drop: () => dropDatabase(name) };
}

// FORCE may not end an autovacuum worker that has just started on the database (it has no role the test user may
// signal: "must be a member of the role whose process is being terminated"); it finishes in moments, so try again.
async function dropDatabase(name: string, attempts = 20): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } catch (error) {
      if ((error as { code?: string }).code !== '42501' || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
