// `npm run db:seed`: idempotent demo data for DATABASE_URL (see README).
import { loadConfig } from '@raksha/config';
import { createDb, type Db } from '@raksha/db';
import { INDIA_GEOGRAPHY } from './geography/index.js';
import { SEED_DISTRICTS } from './seed-data.js';
import { seedBodiesAndUsers, seedDemoEmails } from './seed-users.js';

export async function seed(db: Db): Promise<void> {
  // Every state/UT and district of India (prisma/geography, from LGD); demo bodies and users only in SEED_DISTRICTS.
  await db.$transaction(async (tx) => {
    for (const s of INDIA_GEOGRAPHY.states) {
      await tx.state.upsert({ where: { code: s.code }, create: s, update: { name: s.name, lgdCode: s.lgdCode, kind: s.kind } });
    }
    for (const d of INDIA_GEOGRAPHY.districts) {
      await tx.district.upsert({ where: { code: d.code }, create: d, update: { name: d.name, lgdCode: d.lgdCode, stateCode: d.stateCode } });
    }
  }, { timeout: 120_000 });
  await seedLocalPlaces(db);
  await seedBodiesAndUsers(db);
  await seedInstitutions(db);
}

/** Each demo district's police station area (the demo station's thana), a block and a village in it. */
async function seedLocalPlaces(db: Db): Promise<void> {
  for (const d of SEED_DISTRICTS) {
    const place = { districtCode: d.code, stateCode: d.stateCode };
    for (const p of [
      { code: `${d.code}-PS-01`, kind: 'POLICE_STATION', name: `Police Station 01, ${d.name}`, blockCode: null },
      { code: `${d.code}-PS-02`, kind: 'POLICE_STATION', name: `Police Station 02, ${d.name}`, blockCode: null },
      { code: `${d.code}-BL-01`, kind: 'BLOCK', name: `Block 01, ${d.name}`, blockCode: null },
      { code: `${d.code}-V-01`, kind: 'VILLAGE', name: `Village 01, ${d.name}`, blockCode: `${d.code}-BL-01` },
    ]) {
      await db.localPlace.upsert({ where: { code: p.code }, create: { ...p, ...place }, update: {} });
    }
  }
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
    // `npm start`'s demo: emails to demo users land in the local mail catcher (not the tests' seed)
    await seedDemoEmails(db);
    console.log(
      `seeded ${INDIA_GEOGRAPHY.states.length} states/UTs and ${INDIA_GEOGRAPHY.districts.length} districts; demo bodies and users in ${SEED_DISTRICTS.length} districts, each user with a verified <username>@raksha.invalid email (see README)`,
    );
  } finally {
    await db.$disconnect();
  }
}
