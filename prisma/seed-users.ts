// Demo bodies and users for the demo geography of seed-data.ts: one body of each kind per district,
// state and the nation, and one user per body and role, all signing in with DEMO_PASSWORD.
import { createHash, randomUUID } from 'node:crypto';
import { UserRepository, type BodyRecord, type Db } from '@raksha/db';
import { BODY_LEVEL, type BodyType, type Role } from '@raksha/domain';
import { hashPassword } from '@raksha/db/password';
import { SEED_DISTRICTS, SEED_STATES } from './seed-data.js';

/** Every demo user's password. Demo data only: never seed these users into a real deployment. */
export const DEMO_PASSWORD = 'raksha-demo-2026';

export interface DemoBody extends BodyRecord {
  type: BodyType;
}

export interface DemoUser {
  username: string;
  role: Role;
  /** null for the citizen */
  bodyId: string | null;
  displayName: string;
}

/** `<TYPE>-<its most specific code>`, e.g. CWC-RJ-JAIPUR, POLICE_STATION-RJ-JAIPUR-PS-01, SCPS-RJ; a national body by its type alone. */
function body(type: BodyType, name: string, codes: { stateCode?: string; districtCode?: string; thanaCode?: string } = {}): DemoBody {
  const code = codes.thanaCode ?? codes.districtCode ?? codes.stateCode;
  return {
    id: code ? `${type}-${code}` : type,
    type,
    name,
    level: BODY_LEVEL[type],
    stateCode: codes.stateCode ?? null,
    districtCode: codes.districtCode ?? null,
    thanaCode: codes.thanaCode ?? null,
  };
}

const bodies: DemoBody[] = [];
const users: DemoUser[] = [];
const user = (username: string, role: Role, b: DemoBody | null, displayName: string) => users.push({ username, role, bodyId: b?.id ?? null, displayName });

for (const d of SEED_DISTRICTS) {
  const place = { stateCode: d.stateCode, districtCode: d.code };
  const slug = d.name.toLowerCase();
  const cwc = body('CWC', `Child Welfare Committee, ${d.name}`, place);
  const jjb = body('JJB', `Juvenile Justice Board, ${d.name}`, place);
  const dcpu = body('DCPU', `District Child Protection Unit, ${d.name}`, place);
  const sjpu = body('SJPU', `Special Juvenile Police Unit, ${d.name}`, place);
  const station = body('POLICE_STATION', `Police Station 01, ${d.name}`, { ...place, thanaCode: `${d.code}-PS-01` });
  const cci = body('CCI', `Government Children's Home, ${d.name}`, place);
  const childline = body('CHILDLINE', `Childline 1098, ${d.name}`, place);
  bodies.push(cwc, jjb, dcpu, sjpu, station, cci, childline);
  user(`cwc.${slug}`, 'CWC_MEMBER', cwc, `CWC member, ${d.name}`);
  user(`jjb.${slug}`, 'JJB_MEMBER', jjb, `JJB member, ${d.name}`);
  user(`dcpu.${slug}`, 'DCPU_OFFICER', dcpu, `DCPU officer, ${d.name}`);
  user(`probation.${slug}`, 'PROBATION_OFFICER', dcpu, `Probation officer, ${d.name}`);
  user(`sjpu.${slug}`, 'SJPU_OFFICER', sjpu, `SJPU officer, ${d.name}`);
  user(`cwpo.${slug}`, 'CHILD_WELFARE_POLICE_OFFICER', station, `Child welfare police officer, ${d.name}`);
  user(`sho.${slug}`, 'STATION_OFFICER', station, `Station house officer, ${d.name}`);
  user(`cci.${slug}`, 'CCI_STAFF', cci, `CCI staff, ${d.name}`);
  user(`childline.${slug}`, 'CHILDLINE_WORKER', childline, `Childline worker, ${d.name}`);
  user(`admin.${slug}`, 'DISTRICT_ADMIN', dcpu, `District administrator, ${d.name}`);
}

for (const s of SEED_STATES) {
  const slug = s.code.toLowerCase();
  const scps = body('SCPS', `State Child Protection Society, ${s.name}`, { stateCode: s.code });
  const sara = body('SARA', `State Adoption Resource Agency, ${s.name}`, { stateCode: s.code });
  const cell = body('STATE_MONITORING_CELL', `State Monitoring Cell, ${s.name}`, { stateCode: s.code });
  bodies.push(scps, sara, cell);
  user(`scps.${slug}`, 'SCPS_OFFICER', scps, `SCPS officer, ${s.name}`);
  user(`sara.${slug}`, 'SARA_OFFICER', sara, `SARA officer, ${s.name}`);
  user(`monitor.${slug}`, 'STATE_MONITOR', cell, `State monitor, ${s.name}`);
  user(`admin.${slug}`, 'STATE_ADMIN', scps, `State administrator, ${s.name}`);
}

const mwcd = body('MWCD', 'Ministry of Women and Child Development');
bodies.push(mwcd);
user('monitor.india', 'NATIONAL_MONITOR', mwcd, 'National monitor, MWCD');
user('admin.india', 'NATIONAL_ADMIN', mwcd, 'National administrator, MWCD');
user('citizen.demo', 'CITIZEN', null, 'Demo citizen');

export const DEMO_BODIES: readonly DemoBody[] = bodies;
export const DEMO_USERS: readonly DemoUser[] = users;

/** A stable UUID per demo username (RFC 9562 version 8, from SHA-256), the same in every database. */
export function demoUserId(username: string): string {
  const b = createHash('sha256').update(`raksha-demo-user:${username}`).digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x80;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The address a demo user is invited at (the .invalid top-level domain reaches nobody, RFC 2606). */
export const demoEmail = (username: string) => `${username}@raksha.invalid`;

/**
 * Invites each demo user who is not there yet, as `invite` does (the administrator of their body's level, in the
 * demo seed's name), and accepts the invitation with DEMO_PASSWORD through the API's own set-password code, so the
 * person has the invitation and its acceptance in their history as anyone invited has. A few at a time: each
 * acceptance hashes the password (argon2id, 20–60 ms on a busy machine).
 */
export async function seedUsers(db: Db, users: readonly DemoUser[], invite: (u: DemoUser) => Promise<{ token: string }>, accept: (token: string) => Promise<void>): Promise<number> {
  const present = new Set((await db.user.findMany({ where: { id: { in: users.map((u) => demoUserId(u.username)) } }, select: { id: true } })).map((u) => u.id));
  const missing = users.filter((u) => !present.has(demoUserId(u.username)));
  for (let i = 0; i < missing.length; i += USERS_AT_ONCE) {
    await Promise.all(
      missing.slice(i, i + USERS_AT_ONCE).map(async (u) => {
        await accept((await invite(u)).token);
      }),
    );
  }
  return missing.length;
}

const USERS_AT_ONCE = 4;

/** The citizen: no service creates a citizen's account yet (citizens file reports once signed in), so their row is written here. */
export async function seedCitizen(db: Db): Promise<void> {
  const citizen = DEMO_USERS.find((u) => u.role === 'CITIZEN')!;
  const id = demoUserId(citizen.username);
  if (await db.user.findUnique({ where: { id }, select: { id: true } })) return;
  await new UserRepository(db).upsert({ id, username: citizen.username, displayName: citizen.displayName, passwordHash: await hashPassword(DEMO_PASSWORD), bodyId: null, roles: [citizen.role] });
}

/**
 * Gives each demo user of a body a verified email, <username>@raksha.invalid, so that under `npm start` the notices
 * and digests they are sent by email land in the local mail catcher (Mailpit). Only `npm run db:seed` does this, never
 * the tests' seed; a user who already has a verified email keeps it.
 */
export async function seedDemoEmails(db: Db): Promise<number> {
  const at = new Date();
  let added = 0;
  for (const u of DEMO_USERS.filter((x) => x.bodyId)) {
    const userId = demoUserId(u.username);
    if (await db.contactVerification.findFirst({ where: { userId, channel: 'EMAIL', verifiedAt: { not: null } } })) continue;
    await db.contactVerification.create({ data: { id: randomUUID(), userId, channel: 'EMAIL', address: `${u.username}@raksha.invalid`, codeHash: 'seeded', expiresAt: at, verifiedAt: at, createdAt: at } });
    added++;
  }
  return added;
}

/** The demo users as a Markdown table, for the README. */
export function demoUsersMarkdown(): string {
  const rows = DEMO_USERS.map((u) => `| \`${u.username}\` | ${u.role} | ${u.bodyId ? `\`${u.bodyId}\`` : '(none)'} |`);
  return ['| username | role | body |', '| --- | --- | --- |', ...rows].join('\n');
}
