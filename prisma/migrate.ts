// `npm run db:migrate`: applies pending migrations offline (see migrations-lib.ts).
import { loadConfig } from '@raksha/config';
import { applyMigrations } from './migrations-lib.js';

try {
  const applied = await applyMigrations(loadConfig().databaseUrl);
  console.log(applied.length ? `applied ${applied.length} migration(s): ${applied.join(', ')}` : 'database is up to date');
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
