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
  await seedInstitutions(db);
}

/** Each demo district's Government Children's Home with a sanctioned capacity, and its CWC's sitting days. */
async function seedInstitutions(db: Db): Promise<void> {
  for (const d of SEED_DISTRICTS) {
    const bodyId = `CCI-${d.code}`;
    const institution = {
      kind: 'CHILDRENS_HOME',
      management: 'GOVERNMENT',
      registrationNo: `JJ/REG/${d.code}/2023/01`,
      registeredFrom: new Date('2023-04-01'),
      registeredUntil: new Date('2028-03-31'),
    };
    await db.institution.upsert({ where: { bodyId }, create: { bodyId, ...institution }, update: {} });
    for (const gender of ['MALE', 'FEMALE']) {
      for (const [ageBand, sanctioned] of [['0-5', 10], ['6-11', 25], ['12-17', 25]] as const) {
        await db.institutionCapacity.upsert({
          where: { institutionId_gender_ageBand: { institutionId: bodyId, gender, ageBand } },
          create: { institutionId: bodyId, gender, ageBand, sanctioned },
          update: {},
        });
      }
    }
    await db.body.update({ where: { id: `CWC-${d.code}` }, data: { sittingDays: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] } });
  }
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
