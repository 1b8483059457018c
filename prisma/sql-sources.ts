// The SQL functions and triggers Prisma cannot declare live as source files under prisma/sql (one object a file,
// `CREATE OR REPLACE`); the migration generator emits each file whose text changed since the last migration.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SQL_DIR = new URL('./sql/', import.meta.url).pathname;
/** The sources as the committed migrations left them, written by new-migration.ts with each migration. */
export const MIGRATED_SQL = new URL('./migrations/sql.migrated.json', import.meta.url).pathname;

/** Functions before the triggers that execute them. */
const KINDS = ['functions', 'triggers'] as const;

/** Source text by path under prisma/sql (`functions/raksha_record_case_step.sql`), functions first. */
export type SqlSources = Map<string, string>;

export function readSqlSources(dir = SQL_DIR): SqlSources {
  const sources: SqlSources = new Map();
  for (const kind of KINDS) {
    if (!existsSync(join(dir, kind))) continue;
    for (const file of readdirSync(join(dir, kind)).filter((f) => f.endsWith('.sql')).sort()) {
      const text = readFileSync(join(dir, kind, file), 'utf8');
      sources.set(`${kind}/${file}`, text.endsWith('\n') ? text : `${text}\n`);
    }
  }
  return sources;
}

/** What the last migration left of each source: its text's hash, and the statement that removes its object. */
export type MigratedSql = Map<string, { sha256: string; drop: string }>;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The record new-migration.ts keeps of the sources a migration applied (hashes, not a second copy of the SQL). */
export function migratedRecordOf(sources: SqlSources): MigratedSql {
  return new Map([...sources].map(([path, text]) => [path, { sha256: sha256(text), drop: dropOf(path, text) }]));
}

export function readMigratedSql(file = MIGRATED_SQL): MigratedSql {
  if (!existsSync(file)) return new Map();
  return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, { sha256: string; drop: string }>));
}

export function writeMigratedSql(sources: SqlSources, file = MIGRATED_SQL): void {
  writeFileSync(file, `${JSON.stringify(Object.fromEntries(migratedRecordOf(sources)), null, 2)}\n`);
}

/** The statement that removes the object a source file created (its name is unique in the schema). */
function dropOf(path: string, text: string): string {
  const trigger = /CREATE OR REPLACE TRIGGER\s+("[^"]+"|\w+)[\s\S]*?\bON\s+("[^"]+"|\w+)/.exec(text);
  if (path.startsWith('triggers/') && trigger) return `DROP TRIGGER IF EXISTS ${trigger[1]} ON ${trigger[2]};\n`;
  const fn = /CREATE OR REPLACE FUNCTION\s+("[^"]+"|\w+)/.exec(text);
  if (path.startsWith('functions/') && fn) return `DROP FUNCTION IF EXISTS ${fn[1]};\n`;
  throw new Error(`prisma/sql/${path}: cannot tell which function or trigger it created`);
}

/**
 * The migration SQL that takes the database from the `migrated` sources to the current ones: each new or
 * changed file as written (it is `CREATE OR REPLACE`), after dropping the objects of removed files (triggers first).
 */
export function sqlSourceChanges(current: SqlSources, migrated: MigratedSql): string {
  for (const [path, text] of current) {
    if (!/^\s*CREATE OR REPLACE (FUNCTION|TRIGGER)\b/m.test(text)) {
      throw new Error(`prisma/sql/${path} must create its object with CREATE OR REPLACE, so that a change replaces it`);
    }
  }
  const removed = [...migrated].filter(([path]) => !current.has(path)).sort(([a], [b]) => (a < b ? 1 : -1));
  const changed = [...current].filter(([path, text]) => migrated.get(path)?.sha256 !== sha256(text));
  return [...removed.map(([, m]) => m.drop), ...changed.map(([path, text]) => `-- prisma/sql/${path}\n${text}`)].join('\n');
}
