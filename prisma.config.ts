// Prisma CLI configuration. The driver adapter makes the CLI use its WebAssembly schema
// engine, so `prisma generate` and `prisma migrate diff` work offline (no engine download).
// Applying migrations is prisma/migrate.ts, which keeps Prisma's own `_prisma_migrations`
// bookkeeping; a connected deployment may instead run `prisma migrate deploy --config prisma/deploy.config.ts`.
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

function localDatabaseUrl(): string {
  const e = process.env;
  const auth = `${encodeURIComponent(e.PGUSER ?? 'raksha')}:${encodeURIComponent(e.PGPASSWORD ?? 'raksha')}`;
  return `postgresql://${auth}@${e.PGHOST ?? '127.0.0.1'}:${e.PGPORT ?? '5432'}/${e.RAKSHA_DB ?? 'raksha'}`;
}

// schema.prisma reads env("DATABASE_URL"); without it the CLI falls back to downloading native engines.
process.env.DATABASE_URL ??= localDatabaseUrl();

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  // The WebAssembly engine connects even to diff two schema files; it writes nothing.
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
});
