// Runs the Prisma CLI (offline WebAssembly schema engine, see prisma.config.ts) and returns its output.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function prisma(args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [`${ROOT}/node_modules/prisma/build/index.js`, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
  });
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

/** SQL that takes a database from the schema `from` (a .prisma file, or empty) to `to`. */
export function diffSql(from: string | 'empty', to: string): string {
  const fromArgs = from === 'empty' ? ['--from-empty'] : ['--from-schema-datamodel', from];
  const r = prisma(['migrate', 'diff', ...fromArgs, '--to-schema-datamodel', to, '--script']);
  if (r.status !== 0) throw new Error(`prisma migrate diff failed:\n${r.stderr}`);
  return r.stdout;
}

export const SCHEMA = `${ROOT}prisma/schema.prisma`;
/** The schema that the committed migrations produce, written by new-migration.ts with each migration. */
export const MIGRATED_SCHEMA = `${ROOT}prisma/migrations/schema.migrated.prisma`;
