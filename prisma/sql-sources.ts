// The SQL functions and triggers Prisma cannot declare live as source files under prisma/sql (one object a file,
// `CREATE OR REPLACE`); the migration generator emits each file whose text changed since the last migration.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SQL_DIR = new URL('./sql/', import.meta.url).pathname;
/** The sources as the committed migrations left them, written by new-migration.ts with each migration. */
export const MIGRATED_SQL = new URL('./migrations/sql.migrated.sql', import.meta.url).pathname;

/** Functions before the triggers that execute them. */
const KINDS = ['functions', 'triggers'] as const;
const MARKER = /^-- prisma\/sql\/(\S+)\n/gm;

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

/** Every source in one file, each after a marker line naming it: a copy whose diff reads like the sources'. */
export function renderSqlSources(sources: SqlSources): string {
  return [...sources].map(([path, text]) => `-- prisma/sql/${path}\n${text}`).join('\n');
}

export function parseSqlSources(text: string): SqlSources {
  const sources: SqlSources = new Map();
  const marks = [...text.matchAll(MARKER)];
  marks.forEach((m, i) => {
    const end = i + 1 < marks.length ? marks[i + 1]!.index! - 1 : text.length;
    sources.set(m[1]!, text.slice(m.index! + m[0].length, end));
  });
  return sources;
}

export function readMigratedSql(file = MIGRATED_SQL): SqlSources {
  return existsSync(file) ? parseSqlSources(readFileSync(file, 'utf8')) : new Map();
}

export function writeMigratedSql(sources: SqlSources, file = MIGRATED_SQL): void {
  writeFileSync(file, renderSqlSources(sources));
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
export function sqlSourceChanges(current: SqlSources, migrated: SqlSources): string {
  for (const [path, text] of current) {
    if (!/^\s*CREATE OR REPLACE (FUNCTION|TRIGGER)\b/m.test(text)) {
      throw new Error(`prisma/sql/${path} must create its object with CREATE OR REPLACE, so that a change replaces it`);
    }
  }
  const removed = [...migrated].filter(([path]) => !current.has(path)).sort(([a], [b]) => (a < b ? 1 : -1));
  const changed = [...current].filter(([path, text]) => migrated.get(path) !== text);
  return [...removed.map(([path, text]) => dropOf(path, text)), ...changed.map(([path, text]) => renderSqlSources(new Map([[path, text]])))].join('\n');
}
