// `npm run db:geography`: every state/UT and district of India (india.json, from LGD) into DATABASE_URL. Reference
// data, not something an administrator creates (no API makes a state or district), so it is loaded as data, by a
// deployment before its first administrator (README, *Starting a deployment*) and by the demo seed. Idempotent.
import { loadConfig } from '@raksha/config';
import { createDb, type Db } from '@raksha/db';
import { INDIA_GEOGRAPHY } from './index.js';

export async function loadGeography(db: Db): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const s of INDIA_GEOGRAPHY.states) {
      await tx.state.upsert({ where: { code: s.code }, create: s, update: { name: s.name, lgdCode: s.lgdCode, kind: s.kind } });
    }
    for (const d of INDIA_GEOGRAPHY.districts) {
      await tx.district.upsert({ where: { code: d.code }, create: d, update: { name: d.name, lgdCode: d.lgdCode, stateCode: d.stateCode } });
    }
  }, { timeout: 120_000 });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const db = createDb(loadConfig().databaseUrl);
  try {
    await loadGeography(db);
    console.log(`loaded ${INDIA_GEOGRAPHY.states.length} states/UTs and ${INDIA_GEOGRAPHY.districts.length} districts`);
  } finally {
    await db.$disconnect();
  }
}
