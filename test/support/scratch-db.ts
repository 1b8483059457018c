// A throwaway database with the migrations applied, for tests that must own all rows (or break them).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadTestConfig } from '@raksha/config';
import { applyMigrations } from '../../prisma/migrations-lib.js';

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
  return { url, drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
