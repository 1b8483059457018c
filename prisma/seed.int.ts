// The demo seed builds its bodies, places, homes and people through the API's administration services, in the demo
// seed's name, starting as a deployment does from its first national administrator: what an administrator and the
// demo users then find, on a database that was empty; and a second run changes nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { administrationServices } from '@raksha/api/administration';
import { NationalAdministratorExists } from '@raksha/api/people/first-administrator';
import { createDb, type Db } from '@raksha/db';
import { as } from '@raksha/test-support/auth';
import { createScratchDb, type ScratchDb } from '@raksha/test-support/scratch-db';
import { startStack, type Stack } from '@raksha/test-support/stack';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { DEMO_SEED_ACTOR, seed, seedDemo } from './seed.js';
import { DEMO_PASSWORD, DEMO_USERS, demoUserId } from './seed-users.js';

const outside = { notices: { add: async () => undefined }, registrationWatch: { tell: async () => undefined } };
const history = (entries: { action: string; actor: { id: string | null; role: string | null } }[]) => entries.map((e) => [e.action, e.actor.id, e.actor.role]);

describe('the demo seed, on an empty database', () => {
  const scratch: ScratchDb[] = [];
  let stack: Stack;

  beforeAll(async () => {
    scratch.push(await createScratchDb());
    // The stack seeds its database, as every integration stack does: here an empty one.
    stack = await startStack(await caseWorkflowBundle(), { TEST_DATABASE_URL: scratch[0]!.url });
  });
  afterAll(async () => {
    await stack?.stop();
    for (const s of scratch) await s.drop();
  });

  it("shows in each demo body's history that the demo seed created it, as the administrator of its level", async () => {
    const national = await as(stack, 'admin.india');
    expect(history((await stack.http.get('/bodies/SCPS-RJ/history').set(national).expect(200)).body)).toEqual([['body.created', DEMO_SEED_ACTOR, 'NATIONAL_ADMIN']]);
    const state = await as(stack, 'admin.rj');
    expect(history((await stack.http.get('/bodies/CWC-RJ-JAIPUR/history').set(state).expect(200)).body)).toEqual([
      ['body.created', DEMO_SEED_ACTOR, 'STATE_ADMIN'],
      // The demo member's invitation seats them on the CWC's roster with their term of office.
      ['body.member.seated', DEMO_SEED_ACTOR, 'STATE_ADMIN'],
      ['body.sittingDays.replaced', DEMO_SEED_ACTOR, 'SCPS_OFFICER'],
    ]);
    expect(history((await stack.http.get('/bodies/POLICE_STATION-RJ-JAIPUR-PS-01/history').set(state).expect(200)).body)).toEqual([['body.created', DEMO_SEED_ACTOR, 'STATE_ADMIN']]);
    const scps = await as(stack, 'scps.rj');
    expect(history((await stack.http.get('/institutions/CCI-RJ-JAIPUR/history').set(scps).expect(200)).body)).toEqual([['institution.created', DEMO_SEED_ACTOR, 'SCPS_OFFICER']]);
    const home = await stack.http.get('/institutions/CCI-RJ-JAIPUR').set(scps).expect(200);
    expect(home.body).toMatchObject({ registration: { no: 'JJ/REG/RJ-JAIPUR/2023/01', until: '2028-03-31' }, capacities: expect.arrayContaining([{ gender: 'FEMALE', ageBand: '12-17', sanctioned: 25 }]) });
    const places = await stack.http.get('/places/districts/RJ-JAIPUR/local').set(state).expect(200);
    expect(places.body.map((p: { code: string }) => p.code).sort()).toEqual(['RJ-JAIPUR-BL-01', 'RJ-JAIPUR-PS-01', 'RJ-JAIPUR-PS-02', 'RJ-JAIPUR-V-01']);
  });

  it('has invited each demo user, who accepted with the demo password and signs in by their username', async () => {
    for (const username of ['admin.india', 'cwc.jaipur', 'cci.pune', 'citizen.demo']) {
      await stack.http.post('/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200);
    }
    const district = await as(stack, 'admin.jaipur');
    const people = (await stack.http.get('/people').query({ bodyId: 'CWC-RJ-JAIPUR' }).set(district).expect(200)).body;
    expect(people).toEqual([expect.objectContaining({ id: demoUserId('cwc.jaipur'), username: 'cwc.jaipur', email: 'cwc.jaipur@raksha.invalid', roles: ['CWC_MEMBER'], status: 'ACTIVE' })]);
    const account = await stack.db.auditEntry.findMany({ where: { chain: `user:${demoUserId('cwc.jaipur')}` }, orderBy: { position: 'asc' }, take: 2 });
    expect(account.map((e) => [e.action, e.actorId, e.actorRole])).toEqual([
      ['person.invited', DEMO_SEED_ACTOR, 'STATE_ADMIN'],
      ['person.invitation_accepted', demoUserId('cwc.jaipur'), null],
    ]);
  });

  it('changes nothing when run again', async () => {
    const snapshot = async (db: Db) => ({
      audit: await db.auditEntry.aggregate({ _count: true, _max: { id: true } }),
      users: await db.user.findMany({ select: { id: true, username: true, passwordHash: true, email: true, roles: true, bodyId: true }, orderBy: { id: 'asc' } }),
      bodies: await db.body.findMany({ select: { id: true, version: true, sittingDays: true }, orderBy: { id: 'asc' } }),
      places: await db.localPlace.count(),
      institutions: await db.institution.findMany({ select: { bodyId: true, registrationNo: true, _count: { select: { capacities: true } } }, orderBy: { bodyId: 'asc' } }),
      links: await db.accountLink.count(),
    });
    const before = await snapshot(stack.db);
    expect(before.users.filter((u) => DEMO_USERS.some((d) => demoUserId(d.username) === u.id))).toHaveLength(DEMO_USERS.length);
    await seed(stack.db, stack.config);
    expect(await snapshot(stack.db)).toEqual(before);
    // As `npm run db:seed` runs it: every step, each finding what it would create already there.
    await seedDemo(stack.db, stack.config);
    expect(await snapshot(stack.db)).toEqual(before);
  });

  it("invites a deployment's first national administrator to the Ministry's body, and refuses once one has signed up", async () => {
    const seeded = administrationServices(stack.db, stack.config, outside);
    await expect(seeded.firstAdministrator.invite({ email: 'nodal@wcd.example.org', displayName: 'Nodal officer' })).rejects.toBeInstanceOf(NationalAdministratorExists);

    scratch.push(await createScratchDb());
    const db = createDb(scratch[1]!.url);
    try {
      const services = administrationServices(db, stack.config, outside);
      const issued = await services.firstAdministrator.invite({ email: 'nodal@wcd.example.org', displayName: 'Nodal officer' });
      expect(issued.url).toMatch(/\/app\/#accept-invitation=[A-Za-z0-9_-]{43}$/);
      expect(issued.invitation.person).toMatchObject({ username: 'nodal@wcd.example.org', bodyId: 'MWCD', roles: ['NATIONAL_ADMIN'], status: 'INVITED' });
      const created = await db.auditEntry.findFirstOrThrow({ where: { chain: 'registry:MWCD' } });
      expect([created.action, created.actorId, created.actorRole]).toEqual(['body.created', 'system:first-administrator', 'NATIONAL_ADMIN']);
      // A lost link before anyone signed up: invited again, at another address.
      await services.firstAdministrator.invite({ email: 'nodal2@wcd.example.org', displayName: 'Nodal officer' });
      await services.accountLinks.setPassword('INVITATION', issued.token, 'a long first password');
      await expect(services.firstAdministrator.invite({ email: 'other@wcd.example.org', displayName: 'Someone else' })).rejects.toBeInstanceOf(NationalAdministratorExists);
    } finally {
      await db.$disconnect();
    }
  });
});
