// schema.prisma and prisma/sql are the single source of truth: these tests fail when the committed migrations
// and the sources drift apart, or when a migration is edited after it was applied.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createScratchDb, type ScratchDb } from '@raksha/test-support/scratch-db';
import { applyMigrations, MigrationError, readMigrations } from './migrations-lib.js';
import { diffSql, MIGRATED_SCHEMA, SCHEMA } from './prisma-cli.js';
import { migratedRecordOf, readMigratedSql, readSqlSources, sqlSourceChanges } from './sql-sources.js';

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text)).rows;
  } finally {
    await c.end();
  }
}

/** Tables, columns, indexes and constraints, independent of column order. */
async function structure(url: string): Promise<string[]> {
  const columns = await sql<{ d: string }>(
    url,
    `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS d
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  );
  const indexes = await sql<{ d: string }>(url, `SELECT indexdef AS d FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
  const constraints = await sql<{ d: string }>(
    url,
    `SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS d
       FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'`,
  );
  return [...columns, ...indexes, ...constraints].map((r) => r.d).sort();
}

/** Our functions and triggers as PostgreSQL prints them, by their prisma/sql path (extensions' own left out). */
async function definitions(client: pg.Client): Promise<Record<string, string>> {
  const { rows } = await client.query<{ path: string; def: string }>(
    `SELECT 'functions/' || p.proname || '.sql' AS path, pg_get_functiondef(p.oid) AS def FROM pg_proc p
      WHERE p.pronamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
     UNION ALL
     SELECT 'triggers/' || t.tgname || '.sql', pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal`,
  );
  return Object.fromEntries(rows.map((r) => [r.path, r.def]));
}

describe('Prisma migrations', () => {
  const scratch: ScratchDb[] = [];
  const scratchDb = async () => {
    const db = await createScratchDb({ migrate: false });
    scratch.push(db);
    return db.url;
  };
  let migrated: string;

  beforeAll(async () => {
    migrated = await scratchDb();
    await applyMigrations(migrated);
  });
  afterAll(async () => {
    for (const db of scratch) await db.drop();
  });

  it('has a migration for every change to schema.prisma (else: npm run db:migration -- <name>)', () => {
    const pending = diffSql(MIGRATED_SCHEMA, SCHEMA).replace(/^--.*$/gm, '').trim();
    expect(pending).toBe('');
  });

  it('has a migration for every change to prisma/sql (else: npm run db:migration -- <name>)', () => {
    expect(sqlSourceChanges(readSqlSources(), readMigratedSql())).toBe('');
  });

  it('leaves in the database exactly the functions and triggers of prisma/sql, as their files define them', async () => {
    const client = new pg.Client({ connectionString: migrated });
    await client.connect();
    try {
      const fromMigrations = await definitions(client);
      await client.query('BEGIN');
      for (const text of readSqlSources().values()) await client.query(text);
      const fromSources = await definitions(client);
      await client.query('ROLLBACK');
      expect(Object.keys(fromMigrations).sort()).toEqual([...readSqlSources().keys()].sort());
      expect(fromSources).toEqual(fromMigrations);
    } finally {
      await client.end();
    }
  });

  it('generates CREATE OR REPLACE for a changed function and a DROP for a removed trigger, and nothing for the rest', async () => {
    const migratedSources = readSqlSources();
    const changed = new Map(migratedSources);
    const fn = 'functions/raksha_recount_match_keys.sql';
    changed.set(fn, migratedSources.get(fn)!.replace('BEGIN\n', 'BEGIN\n  -- changed\n'));
    changed.delete('triggers/ChildReport_recount_match_keys.sql');
    const generated = sqlSourceChanges(changed, migratedRecordOf(migratedSources));
    expect(generated.match(/^(CREATE OR REPLACE \w+ \S+|DROP \w+ .*)/gm)).toEqual([
      'DROP TRIGGER IF EXISTS "ChildReport_recount_match_keys" ON "ChildReport";',
      'CREATE OR REPLACE FUNCTION raksha_recount_match_keys()',
    ]);
    const db = await scratchDb();
    await applyMigrations(db, [...readMigrations(), { name: '20990101000000_changed', sql: generated, checksum: 'x' }]);
    const [after] = await sql<{ src: string }>(db, `SELECT prosrc AS src FROM pg_proc WHERE proname = 'raksha_recount_match_keys'`);
    expect(after!.src).toContain('-- changed');
    expect(await sql(db, `SELECT 1 FROM pg_trigger WHERE tgname = 'ChildReport_recount_match_keys'`)).toHaveLength(0);
  });

  it('builds from the migrations exactly the database that schema.prisma describes, and what it cannot describe', async () => {
    const fromSchema = await scratchDb();
    await sql(fromSchema, diffSql('empty', SCHEMA));
    const migratedStructure = await structure(migrated);
    // Prisma cannot declare a generated column: the report's search terms exist in raw SQL only (schema.prisma says so).
    const rawSqlOnly = (d: string) => /^ChildReport\.blockTerms |"ChildReport_blockTerms_idx"/.test(d);
    expect(migratedStructure.filter(rawSqlOnly)).toHaveLength(2);
    expect(migratedStructure.filter((d) => !rawSqlOnly(d))).toEqual(await structure(fromSchema));
  });

  it("records each migration as Prisma Migrate does, so `prisma migrate deploy` finds nothing to do", async () => {
    const rows = await sql<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      migrated,
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(readMigrations().map((m) => [m.name, m.checksum]));
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
  });

  it('applies nothing twice', async () => {
    expect(await applyMigrations(migrated)).toEqual([]);
  });

  it('refuses to run when an applied migration was edited afterwards', async () => {
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'f'.repeat(64) } : m));
    await expect(applyMigrations(migrated, edited)).rejects.toThrow(MigrationError);
  });

  it('rolls back a failing migration whole, leaving no half-applied change', async () => {
    const db = await scratchDb();
    const broken = [{ name: '20990101000000_broken', sql: 'CREATE TABLE half (id int); SELECT 1/0;', checksum: 'x' }];
    await expect(applyMigrations(db, broken)).rejects.toThrow(/broken failed and was rolled back/);
    expect(await sql(db, "SELECT 1 FROM information_schema.tables WHERE table_name = 'half'")).toHaveLength(0);
  });

  it("fills the dashboard's milestones of cases projected before the columns existed, from their timelines", async () => {
    const db = await scratchDb();
    const all = readMigrations();
    const backfill = all.findIndex((m) => m.name.endsWith('_case_milestones_backfill'));
    await applyMigrations(db, all.slice(0, backfill));
    await sql(
      db,
      `INSERT INTO "State" (code, name) VALUES ('RJ', 'Rajasthan');
       INSERT INTO "District" (code, name, "stateCode") VALUES ('RJ-JAIPUR', 'Jaipur', 'RJ');
       INSERT INTO "Case" (id, track, state, phase, "districtCode", "stateCode", "registeredAt", "updatedAt") VALUES
         ('00000000-0000-4000-8000-000000000001', 'CNCP', 'closed', 'CLOSED', 'RJ-JAIPUR', 'RJ', '2026-01-01T00:00:00Z', now()),
         ('00000000-0000-4000-8000-000000000002', 'CNCP', 'awaitingProduction', 'PRODUCTION', 'RJ-JAIPUR', 'RJ', '2026-01-01T00:00:00Z', now());
       INSERT INTO "TimelineEntry" ("caseId", sequence, "eventType", "toState", payload, deadlines, "occurredAt") VALUES
         ('00000000-0000-4000-8000-000000000001', 1, 'REGISTERED', 'awaitingProduction', '{}', '{}', '2026-01-01T00:00:00Z'),
         ('00000000-0000-4000-8000-000000000001', 2, 'PRODUCED_BEFORE_CWC', 'inquiry', '{}', '{"met":[{"id":"cncp.production","dueAt":"2026-01-02T00:00:00Z","late":true}]}', '2026-01-03T00:00:00Z'),
         ('00000000-0000-4000-8000-000000000001', 3, 'SIR_SUBMITTED', 'inquiry', '{}', '{"met":[{"id":"cncp.sir","dueAt":"2026-01-18T00:00:00Z","late":false}]}', '2026-01-10T00:00:00Z'),
         ('00000000-0000-4000-8000-000000000001', 4, 'CHILD_RESTORED', 'followUp', '{}', '{}', '2026-02-01T00:00:00Z'),
         ('00000000-0000-4000-8000-000000000001', 5, 'CLOSE_CASE', 'closed', '{}', '{}', '2026-03-01T00:00:00Z'),
         ('00000000-0000-4000-8000-000000000002', 1, 'REGISTERED', 'awaitingProduction', '{}', '{}', '2026-01-01T00:00:00Z');`,
    );
    await applyMigrations(db, all);
    const rows = await sql<Record<string, unknown>>(
      db,
      `SELECT "producedAt", "productionLate", "sirSubmittedAt", "sirLate", "restoredAt", "closedAt" FROM "Case" ORDER BY id`,
    );
    expect(rows).toEqual([
      {
        producedAt: new Date('2026-01-03T00:00:00Z'),
        productionLate: true,
        sirSubmittedAt: new Date('2026-01-10T00:00:00Z'),
        sirLate: false,
        restoredAt: new Date('2026-02-01T00:00:00Z'),
        closedAt: new Date('2026-03-01T00:00:00Z'),
      },
      { producedAt: null, productionLate: null, sirSubmittedAt: null, sirLate: null, restoredAt: null, closedAt: null },
    ]);
  });

  it('numbers the cases registered before case numbers existed, per district and year in order of registration; the next registration continues', async () => {
    const db = await scratchDb();
    const all = readMigrations();
    const numbering = all.findIndex((m) => m.name.endsWith('_case_numbers'));
    await applyMigrations(db, all.slice(0, numbering));
    const registered = (id: number, district: string, at: string) =>
      `('00000000-0000-4000-8000-00000000000${id}', 'CNCP', 'awaitingProduction', 'PRODUCTION', '${district}', 'RJ', '${at}', now())`;
    await sql(
      db,
      `INSERT INTO "State" (code, name) VALUES ('RJ', 'Rajasthan');
       INSERT INTO "District" (code, name, "stateCode") VALUES ('RJ-JAIPUR', 'Jaipur', 'RJ'), ('RJ-SRI-GANGANAGAR', 'Sri Ganganagar', 'RJ');
       INSERT INTO "Case" (id, track, state, phase, "districtCode", "stateCode", "registeredAt", "updatedAt") VALUES
         ${registered(1, 'RJ-JAIPUR', '2026-03-01T00:00:00Z')}, ${registered(2, 'RJ-JAIPUR', '2026-02-01T00:00:00Z')},
         ${registered(3, 'RJ-JAIPUR', '2025-12-31T19:00:00Z')}, ${registered(4, 'RJ-SRI-GANGANAGAR', '2026-05-01T00:00:00Z')};`,
    );
    await applyMigrations(db, all);
    await sql(db, `INSERT INTO "Case" (id, track, state, phase, "districtCode", "stateCode", "registeredAt", "updatedAt") VALUES ${registered(5, 'RJ-JAIPUR', '2026-06-01T00:00:00Z')}`);
    const rows = await sql<{ caseNumber: string }>(db, `SELECT "caseNumber" FROM "Case" ORDER BY id`);
    // 19:00 UTC on 31 December 2025 is 1 January 2026 in India: Jaipur's first case of 2026
    expect(rows.map((r) => r.caseNumber)).toEqual(['RJ/JAIPUR/2026/3', 'RJ/JAIPUR/2026/2', 'RJ/JAIPUR/2026/1', 'RJ/SRI-GANGANAG/2026/1', 'RJ/JAIPUR/2026/4']);
  });
});
