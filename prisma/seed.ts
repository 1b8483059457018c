// `npm run db:seed`: idempotent demo data for DATABASE_URL (see README).
import { loadConfig } from '@raksha/config';
import { createDb, type Db } from '@raksha/db';
import { SEED_DISTRICTS, SEED_STATES } from './seed-data.js';
import { seedBodiesAndUsers } from './seed-users.js';

export async function seed(db: Db): Promise<void> {
  for (const s of SEED_STATES) {
    await db.state.upsert({ where: { code: s.code }, create: s, update: { name: s.name } });
  }
  for (const d of SEED_DISTRICTS) {
    await db.district.upsert({ where: { code: d.code }, create: d, update: { name: d.name, stateCode: d.stateCode } });
  }
  await seedBodiesAndUsers(db);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const db = createDb(loadConfig().databaseUrl);
  try {
    await seed(db);
    console.log(`seeded ${SEED_STATES.length} states, ${SEED_DISTRICTS.length} districts, demo bodies and users (see README)`);
  } finally {
    await db.$disconnect();
  }
}
