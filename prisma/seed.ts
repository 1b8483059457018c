// `npm run db:seed`: demo data for `npm start` and the tests (see README), built through the API's own administration
// services, as the demo seed acting as each level's administrator: the audit trail of every body, institution and
// person says the demo seed made it. Idempotent: what is there already is left as it is. Never for a deployment,
// which starts from its first national administrator instead (`npm run admin:first`).
import { loadConfig, type RakshaConfig } from '@raksha/config';
import type { NotificationQueue } from '@raksha/contracts';
import { createDb, NO_PASSWORD_YET, type Db } from '@raksha/db';
import { administrationServices, type AdministrationServices } from '@raksha/api/administration';
import type { Principal } from '@raksha/api/auth/principal';
import { NATIONAL_BODY, systemActor } from '@raksha/api/people/system-actor';
import { INDIA_GEOGRAPHY } from './geography/index.js';
import { loadGeography } from './geography/load.js';
import { SEED_DISTRICTS, SEED_STATES } from './seed-data.js';
import { DEMO_BODIES, DEMO_PASSWORD, DEMO_USERS, demoEmail, demoUserId, seedCitizen, seedDemoEmails, seedUsers, type DemoBody, type DemoUser } from './seed-users.js';

/** How the audit trail names the demo seed. */
export const DEMO_SEED_ACTOR = 'system:demo-seed';
const CWC_SITTING_DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;

/** The tests' and benchmarks' seed: the whole demo, unless it is there already. */
export async function seed(db: Db, config?: RakshaConfig): Promise<void> {
  // Every integration stack seeds its database: once it is seeded, a few counts are all this costs.
  if (await seeded(db)) return;
  // The geography is reference data (prisma/geography/load.ts), loaded as data; everything else goes through the services.
  if ((await db.district.count()) !== INDIA_GEOGRAPHY.districts.length) await loadGeography(db);
  await seedDemo(db, config ?? loadConfig());
}

/** Whether the whole demo is there: the geography, every demo body and user signed up, each CWC's sitting days. */
async function seeded(db: Db): Promise<boolean> {
  const [districts, bodies, users, sitting] = await Promise.all([
    db.district.count(),
    db.body.count({ where: { id: { in: DEMO_BODIES.map((b) => b.id) } } }),
    db.user.count({ where: { id: { in: DEMO_USERS.map((u) => demoUserId(u.username)) }, passwordHash: { not: NO_PASSWORD_YET } } }),
    db.body.count({ where: { id: { in: SEED_DISTRICTS.map((d) => `CWC-${d.code}`) }, NOT: { sittingDays: { isEmpty: true } } } }),
  ]);
  return districts === INDIA_GEOGRAPHY.districts.length && bodies === DEMO_BODIES.length && users === DEMO_USERS.length && sitting === SEED_DISTRICTS.length;
}

// The demo seed accepts each invitation itself, at once: there is nobody to send its link to.
const NO_NOTICES: NotificationQueue = { add: async () => undefined };
// Its institutions' registration watches are started by `npm run watches:sync` (`npm start` runs it): the seed needs no Temporal.
const WATCHES_LATER = { tell: async () => undefined };

/** The demo seed, acting as the administrator (or registry officer) of a body's level. */
const nationalAdministrator = systemActor(DEMO_SEED_ACTOR, 'Demo seed', 'NATIONAL_ADMIN', NATIONAL_BODY);
const stateActor = (role: 'STATE_ADMIN' | 'SCPS_OFFICER', stateCode: string): Principal => {
  const scps = DEMO_BODIES.find((b) => b.id === `SCPS-${stateCode}`)!;
  return systemActor(DEMO_SEED_ACTOR, 'Demo seed', role, { id: scps.id, type: scps.type, name: scps.name, level: 'STATE', stateCode, districtCode: null, thanaCode: null });
};
/** Who creates a body, or invites its people: the national administrator a state's or the nation's, the state's administrator a district's. */
const administratorOf = (b: DemoBody): Principal => (b.level === 'NATIONAL' || b.level === 'STATE' ? nationalAdministrator : stateActor('STATE_ADMIN', b.stateCode!));

/** The demo, step by step; each step leaves what is there already as it is (a run cut short is finished by the next). */
export async function seedDemo(db: Db, config: RakshaConfig): Promise<void> {
  const services = administrationServices(db, config, { notices: NO_NOTICES, registrationWatch: WATCHES_LATER });
  const byId = new Map(DEMO_BODIES.map((b) => [b.id, b]));
  const accept = (token: string) => services.accountLinks.setPassword('INVITATION', token, DEMO_PASSWORD);
  const admin = DEMO_USERS.find((u) => u.role === 'NATIONAL_ADMIN')!;
  // First, as a deployment starts: the Ministry's body and its national administrator.
  await seedUsers(db, [admin], (u) => services.firstAdministrator.invite({ email: demoEmail(u.username), displayName: u.displayName }, nationalAdministrator, as(u)), accept);
  for (const b of DEMO_BODIES.filter((x) => x.level === 'STATE')) await createBody(db, services, b);
  for (const s of SEED_STATES) await importLocalPlaces(services, s.code);
  for (const b of DEMO_BODIES.filter((x) => x.level !== 'NATIONAL' && x.level !== 'STATE' && x.type !== 'CCI')) await createBody(db, services, b);
  await registerInstitutions(db, services);
  const invite = (u: DemoUser) => {
    const body = byId.get(u.bodyId!)!;
    return services.invitations.issue(administratorOf(body), { email: demoEmail(u.username), displayName: u.displayName, bodyId: body.id, role: u.role }, as(u));
  };
  await seedUsers(db, DEMO_USERS.filter((u) => u.bodyId && u !== admin), invite, accept);
  await seedCitizen(db);
  await seedSittingDays(db, services);
}

const as = (u: DemoUser) => ({ id: demoUserId(u.username), username: u.username });

async function createBody(db: Db, services: AdministrationServices, b: DemoBody): Promise<void> {
  if (await db.body.findUnique({ where: { id: b.id }, select: { id: true } })) return;
  await services.bodyAdministration.create(administratorOf(b), {
    type: b.type,
    name: b.name,
    ...(b.districtCode ? { districtCode: b.districtCode } : b.stateCode ? { stateCode: b.stateCode } : {}),
    ...(b.thanaCode && { code: b.thanaCode }),
  });
}

/** Each demo district's police stations, a block and a village in it, imported as a state's administrator imports them (a file already on record writes nothing). */
async function importLocalPlaces(services: AdministrationServices, stateCode: string): Promise<void> {
  const rows = SEED_DISTRICTS.filter((d) => d.stateCode === stateCode).flatMap((d) => [
    [d.code, 'POLICE_STATION', 'PS-01', `Police Station 01, ${d.name}`, ''],
    [d.code, 'POLICE_STATION', 'PS-02', `Police Station 02, ${d.name}`, ''],
    [d.code, 'BLOCK', 'BL-01', `Block 01, ${d.name}`, ''],
    [d.code, 'VILLAGE', 'V-01', `Village 01, ${d.name}`, 'BL-01'],
  ]);
  const csv = ['districtCode,kind,code,name,blockCode', ...rows.map((r) => r.map((c) => `"${c}"`).join(','))].join('\r\n');
  await services.places.import(stateActor('STATE_ADMIN', stateCode), csv, false);
}

/** Each demo district's Government Children's Home, registered (s.41) with a sanctioned capacity by its state's SCPS. */
async function registerInstitutions(db: Db, services: AdministrationServices): Promise<void> {
  for (const d of SEED_DISTRICTS) {
    const id = `CCI-${d.code}`;
    if (await db.body.findUnique({ where: { id }, select: { id: true } })) continue;
    await services.institutions.create(stateActor('SCPS_OFFICER', d.stateCode), {
      id,
      name: DEMO_BODIES.find((b) => b.id === id)!.name,
      districtCode: d.code,
      kind: 'CHILDRENS_HOME',
      management: 'GOVERNMENT',
      registration: { no: `JJ/REG/${d.code}/2023/01`, from: '2023-04-01', until: '2028-03-31' },
      capacities: (['MALE', 'FEMALE'] as const).flatMap((gender) => ([['0-5', 10], ['6-11', 25], ['12-17', 25]] as const).map(([ageBand, sanctioned]) => ({ gender, ageBand, sanctioned }))),
    });
  }
}

/** Each demo CWC sits six days a week (s.28(1): at least twenty days a month), as its SCPS sets them. */
async function seedSittingDays(db: Db, services: AdministrationServices): Promise<void> {
  for (const d of SEED_DISTRICTS) {
    const id = `CWC-${d.code}`;
    const cwc = await db.body.findUniqueOrThrow({ where: { id }, select: { sittingDays: true } });
    if (cwc.sittingDays.length) continue;
    await services.bodies.replaceSittingDays(stateActor('SCPS_OFFICER', d.stateCode), id, undefined, { sittingDays: [...CWC_SITTING_DAYS] });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = loadConfig();
  const db = createDb(config.databaseUrl);
  try {
    // The geography always (an update of prisma/geography reaches an existing database), then every step of the
    // demo, each creating only what is missing.
    await loadGeography(db);
    await seedDemo(db, config);
    // `npm start`'s demo: emails to demo users land in the local mail catcher (not the tests' seed)
    await seedDemoEmails(db);
    console.log(
      `seeded ${INDIA_GEOGRAPHY.states.length} states/UTs and ${INDIA_GEOGRAPHY.districts.length} districts; demo data (not for a deployment) in ${SEED_DISTRICTS.length} districts: bodies and users created by the demo seed through the administration services, each user signing in with the demo password and a verified <username>@raksha.invalid email (see README)`,
    );
  } finally {
    await db.$disconnect();
  }
}
