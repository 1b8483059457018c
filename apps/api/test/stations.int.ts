// Places below the district on a child's case (police station, block, village), villages imported under their
// block, and a body's open cases handed on when the person working them is deactivated or moved.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { type CaseRegistration, caseWorkflowId, registrationUpdate } from '@raksha/contracts/temporal';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as, currentTerm, signIn } from '@raksha/test-support/auth';
import { eventually, startStack, type Stack } from '@raksha/test-support/stack';

const PASSWORD = 'jaipur-stations-2026';
/** The demo seed's places of Jaipur (prisma/seed.ts). */
const PS_01 = 'RJ-JAIPUR-PS-01';
const PS_02 = 'RJ-JAIPUR-PS-02';
const BL_01 = 'RJ-JAIPUR-BL-01';
const V_01 = 'RJ-JAIPUR-V-01';

describe('police stations, blocks and villages on a case; cases handed on when their person leaves', () => {
  let stack: Stack;
  let temporal: Client;
  const run = randomBytes(3).toString('hex').toUpperCase();
  type Headers = { Authorization: string };
  /** A CWC or JJB member's term of office, which their invitation or move must carry. */
  const termOf = (role: string) => (role === 'CWC_MEMBER' || role === 'JJB_MEMBER' ? { term: currentTerm() } : {});

  const linkOf = (userId: string) =>
    eventually(async () => {
      const n = await stack.db.notification.findFirst({ where: { recipientUserId: userId, kind: 'ACCOUNT_INVITATION' }, orderBy: { createdAt: 'desc' } });
      return n?.body.match(/#accept-invitation=([A-Za-z0-9_-]{43})/)?.[1];
    });
  /** Invites a person to the body and accepts for them: their id and bearer headers. */
  const onboard = async (admin: Headers, who: string, bodyId: string, role: string, head = false) => {
    const email = `${who}.${run.toLowerCase()}@example.org`;
    const invited = await stack.http.post('/people/invitations').set(admin).send({ email, displayName: who, bodyId, role, head, ...termOf(role) }).expect(201);
    await stack.http.post('/auth/invitations/accept').send({ token: await linkOf(invited.body.person.id), password: PASSWORD }).expect(204);
    // Officers sign in with a second step (TOTP): the helper enrols and answers it.
    const tokens = await signIn(stack, email, PASSWORD);
    return { id: invited.body.person.id as string, headers: { Authorization: `Bearer ${tokens.accessToken}` } };
  };
  const timelineOf = async (reader: Headers, caseId: string) => (await stack.http.get(`/cases/${caseId}/timeline`).set(reader).expect(200)).body as { eventType: string; actor: { id: string }; payload: Record<string, unknown> }[];

  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
    temporal = await stack.temporal();
  });
  afterAll(() => stack?.stop());

  it('registers a case with the police station, block and village where the child was found, shown by name and filtered by in lists', async () => {
    const cwc = await as(stack, 'cwc.jaipur');
    const registered = await stack.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', thanaCode: PS_02, blockCode: BL_01, villageCode: V_01 }).expect(201);
    const read = await stack.http.get(`/cases/${registered.body.caseId}`).set(cwc).expect(200);
    expect(read.body).toMatchObject({
      thanaCode: PS_02,
      blockCode: BL_01,
      villageCode: V_01,
      placeNames: { district: 'Jaipur', thana: 'Police Station 02, Jaipur', block: 'Block 01, Jaipur', village: 'Village 01, Jaipur' },
    });
    const ids = async (query: Record<string, string>) => ((await stack.http.get('/cases').query({ ...query, limit: 100 }).set(cwc).expect(200)).body.items as { id: string }[]).map((c) => c.id);
    expect(await ids({ thanaCode: PS_02 })).toContain(registered.body.caseId);
    expect(await ids({ blockCode: BL_01 })).toContain(registered.body.caseId);
    expect(await ids({ thanaCode: PS_01 })).not.toContain(registered.body.caseId);

    // The station of that thana works it; the next station is told it does not exist.
    expect((await stack.http.get(`/cases/${registered.body.caseId}`).set(await as(stack, 'cwpo.jaipur'))).status).toBe(404);
    // A station's own registration is its thana's.
    const own = await stack.http.post('/cases').set(await as(stack, 'sho.jaipur')).send({ track: 'CICL', districtCode: 'RJ-JAIPUR', child: { ageYears: 15 } }).expect(201);
    expect((await stack.http.get(`/cases/${own.body.caseId}`).set(await as(stack, 'cwpo.jaipur')).expect(200)).body).toMatchObject({ thanaCode: PS_01, placeNames: { thana: 'Police Station 01, Jaipur' } });
  });

  it("refuses a thana, block or village that is not that kind of place of the case's district, naming the field, and registers nothing", async () => {
    const cwc = await as(stack, 'cwc.jaipur');
    const me = (await stack.http.get('/auth/me').set(cwc).expect(200)).body.userId as string;
    const before = await stack.db.case.count({ where: { registeredBy: me } });
    for (const [place, field] of [
      [{ thanaCode: 'RJ-JODHPUR-PS-01' }, 'thanaCode'], // another district's station
      [{ thanaCode: BL_01 }, 'thanaCode'], // a block is not a police station
      [{ blockCode: PS_01 }, 'blockCode'],
      [{ villageCode: 'RJ-JAIPUR-V-NOWHERE' }, 'villageCode'],
      [{ thanaCode: 'rj-jaipur-ps-01' }, 'thanaCode'], // not a place code at all
    ] as const) {
      const refused = await stack.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', ...place }).expect(400);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field })]);
    }
    expect(await stack.db.case.count({ where: { registeredBy: me } })).toBe(before);
  });

  it('imports villages under their block: a dry run, every bad row named, all or none, the same file twice writes once', async () => {
    const admin = await as(stack, 'admin.jaipur');
    const csv = (...rows: string[]) => ['districtCode,kind,code,name,blockCode', ...rows].join('\r\n');
    const importCsv = (body: string, dryRun = false) => stack.http.post(`/places/import${dryRun ? '?dryRun=true' : ''}`).set(admin).set('content-type', 'text/csv').send(body);
    const [block, village] = [`BL-${run}`, `V-${run}`];
    const good = csv(`RJ-JAIPUR,BLOCK,${block},Block ${run}`, `RJ-JAIPUR,VILLAGE,${village},Village ${run},${block}`);
    expect((await importCsv(good, true).expect(200)).body).toEqual({ dryRun: true, imported: 0, valid: 2, ids: [`RJ-JAIPUR-${block}`, `RJ-JAIPUR-${village}`] });

    const bad = await importCsv(
      csv(
        `RJ-JAIPUR,BLOCK,${block},Block ${run}`,
        `RJ-JAIPUR,VILLAGE,${village},Village ${run},BL-NOWHERE${run}`, // no such block
        `RJ-JAIPUR,VILLAGE,W-${run},Another village,PS-01`, // a police station is no village's block
        `RJ-JAIPUR,VILLAGE,X-${run},No block,`,
        `RJ-JAIPUR,POLICE_STATION,PS-${run},A station,${block}`, // only a village names a block
      ),
    ).expect(422);
    // Each with a message key, so the web says it in the reader's language.
    expect(bad.body.rejected.map((r: { row: number; column: string; key?: string }) => [r.row, r.column, r.key])).toEqual([
      [3, 'blockCode', 'import.noBlock'],
      [4, 'blockCode', 'import.noBlock'],
      [5, 'blockCode', 'import.villageBlock'],
      [6, 'blockCode', 'import.blockOnlyVillage'],
    ]);
    expect(await stack.db.localPlace.count({ where: { code: { endsWith: run } } })).toBe(0);

    expect((await importCsv(good).expect(201)).body).toMatchObject({ imported: 2, valid: 2 });
    expect((await importCsv(good).expect(201)).body).toMatchObject({ imported: 0, valid: 2 });
    // An older file without the blockCode column still imports blocks and stations.
    expect((await stack.http.post('/places/import?dryRun=true').set(admin).set('content-type', 'text/csv').send(`districtCode,kind,code,name\r\nRJ-JAIPUR,BLOCK,${block},Block ${run}`).expect(200)).body.valid).toBe(1);
    const villages = await stack.http.get('/places/districts/RJ-JAIPUR/local').query({ kind: 'VILLAGE', blockCode: `RJ-JAIPUR-${block}` }).set(admin).expect(200);
    expect(villages.body).toEqual([{ code: `RJ-JAIPUR-${village}`, kind: 'VILLAGE', name: `Village ${run}`, districtCode: 'RJ-JAIPUR', blockCode: `RJ-JAIPUR-${block}` }]);

    // A case and a report name the village; a village outside the block named with it is refused.
    const cwc = await as(stack, 'cwc.jaipur');
    const wrongBlock = await stack.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', blockCode: BL_01, villageCode: `RJ-JAIPUR-${village}` }).expect(400);
    expect(wrongBlock.body.errors).toEqual([expect.objectContaining({ field: 'villageCode' })]);
    const registered = await stack.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', blockCode: `RJ-JAIPUR-${block}`, villageCode: `RJ-JAIPUR-${village}` }).expect(201);
    expect((await stack.http.get(`/cases/${registered.body.caseId}`).set(cwc).expect(200)).body.placeNames).toMatchObject({ block: `Block ${run}`, village: `Village ${run}` });
    const report = { child: { name: 'Gita', gender: 'FEMALE', ageYears: { min: 8, max: 9 } }, foundAt: '2026-11-04T09:30:00+05:30', place: { districtCode: 'RJ-JAIPUR', villageCode: `RJ-JAIPUR-${village}` } };
    expect((await stack.http.post('/reports/found').set(cwc).send(report).expect(201)).body.place).toMatchObject({ villageCode: `RJ-JAIPUR-${village}` });
    const refused = await stack.http.post('/reports/found').set(cwc).send({ ...report, place: { districtCode: 'RJ-JAIPUR', villageCode: BL_01 } }).expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'place.villageCode' })]);
  });

  it("tells a possible match to the police station whose area the child went missing from, not the district's other stations", async () => {
    const admin = await as(stack, 'admin.jaipur');
    const station = await stack.http.post('/bodies').set(admin).send({ type: 'POLICE_STATION', name: 'Police Station 02, Jaipur', districtCode: 'RJ-JAIPUR', code: 'PS-02' });
    expect([201, 409]).toContain(station.status);
    const officer = await onboard(admin, 'ps02', 'POLICE_STATION-RJ-JAIPUR-PS-02', 'STATION_OFFICER');
    const child = { name: `Meena ${run}`, gender: 'FEMALE', ageYears: { min: 9, max: 9 }, guardians: [{ relation: 'MOTHER', name: `Sarla ${run}` }] };
    const { body: missing } = await stack.http.post('/reports/missing').set(officer.headers).send({ child, lastSeenAt: '2026-11-20T18:00:00+05:30', place: { districtCode: 'RJ-JAIPUR', thanaCode: PS_02 }, policeRef: `DD ${run}/2026` }).expect(201);
    await stack.http.post('/reports/found').set(await as(stack, 'cwc.jaipur')).send({ child, foundAt: '2026-11-21T09:00:00+05:30', place: { districtCode: 'RJ-JAIPUR', text: 'Jaipur Junction' } }).expect(201);

    const alertIn = async (headers: Headers) =>
      ((await stack.http.get('/notifications').set(headers).query({ limit: 200 }).expect(200)).body as { id: string; kind: string; body: string }[]).find((n) => n.kind === 'MATCH_ALERT' && n.body.includes(`DD ${run}/2026`));
    const alert = await eventually(() => alertIn(officer.headers), 30_000);
    expect((await stack.db.notification.findUnique({ where: { id: alert.id } }))?.thanaCode).toBe(PS_02);
    // Police Station 01 of the same district is not told, and cannot open the notice.
    const otherStation = await as(stack, 'sho.jaipur');
    expect(await alertIn(otherStation)).toBeUndefined();
    await stack.http.post(`/notifications/${alert.id}/read`).set(otherStation).expect(404);
    expect(missing.place).toMatchObject({ thanaCode: PS_02 });
  });

  describe("a body's open cases when the person working them leaves", () => {
    let admin: Headers;
    let bodyId: string;
    let reader: Headers;
    const register = async (by: Headers) => (await stack.http.post('/cases').set(by).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR' }).expect(201)).body.caseId as string;
    const assign = (by: Headers, caseId: string, userId: string) => stack.http.post(`/cases/${caseId}/assignment`).set(by).send({ userId }).expect(200);

    beforeAll(async () => {
      admin = await as(stack, 'admin.jaipur');
      reader = await as(stack, 'cwc.jaipur');
      // A bench of Jaipur's CWC of its own, so other tests' people of the CWC never stand in.
      bodyId = (await stack.http.post('/bodies').set(admin).send({ type: 'CWC', name: `CWC bench ${run}`, districtCode: 'RJ-JAIPUR', code: `B${run}` }).expect(201)).body.id;
    });

    it("gives them to the body's head when one is flagged, then back to the body's queue, each a step on the case's timeline", async () => {
      const chair = await onboard(admin, 'chair', bodyId, 'CWC_MEMBER', true);
      const leaving = await onboard(admin, 'leaving', bodyId, 'CWC_MEMBER');
      const moving = await onboard(admin, 'moving', bodyId, 'CWC_MEMBER');
      const [first, second, third, reassignedSince] = [await register(chair.headers), await register(chair.headers), await register(chair.headers), await register(chair.headers)];
      await assign(chair.headers, first, leaving.id);
      await assign(chair.headers, second, leaving.id);
      await assign(chair.headers, third, moving.id);
      // A case given to someone else since is not the leaver's to hand on.
      await assign(chair.headers, reassignedSince, leaving.id);
      await assign(chair.headers, reassignedSince, moving.id);

      await stack.http.post(`/people/${leaving.id}/deactivate`).set(admin).send({}).expect(200);
      for (const caseId of [first, second]) {
        const read = await stack.http.get(`/cases/${caseId}`).set(reader).expect(200);
        expect(read.body.assignee).toEqual({ id: chair.id, displayName: 'chair' });
        const last = (await timelineOf(reader, caseId)).at(-1)!;
        expect(last).toMatchObject({ eventType: 'CASE_ASSIGNED', payload: { assigneeId: chair.id, previousAssigneeId: leaving.id, reason: 'ASSIGNEE_DEACTIVATED' } });
        const audited = await stack.db.auditEntry.findFirst({ where: { chain: `case:${caseId}`, action: 'case.assigned' }, orderBy: { position: 'desc' } });
        expect(audited).toMatchObject({ subjectId: caseId });
      }
      expect((await stack.http.get(`/cases/${reassignedSince}`).set(reader).expect(200)).body.assigneeId).toBe(moving.id);
      const chairs = (await stack.http.get('/cases/mine').set(chair.headers).expect(200)).body.items.map((c: { id: string }) => c.id);
      expect(chairs).toEqual(expect.arrayContaining([first, second]));

      // With the head gone too, nobody is flagged: the head's cases go back to the body's queue.
      await stack.http.post(`/people/${chair.id}/deactivate`).set(admin).send({}).expect(200);
      for (const caseId of [first, second]) {
        expect((await stack.http.get(`/cases/${caseId}`).set(reader).expect(200)).body).toMatchObject({ assigneeId: null, assignee: null });
        const last = (await timelineOf(reader, caseId)).at(-1)!;
        expect(last).toEqual(expect.objectContaining({ eventType: 'CASE_RELEASED', payload: { previousAssigneeId: chair.id, reason: 'ASSIGNEE_DEACTIVATED' } }));
      }

      // A move to another body hands on the mover's cases likewise; the case keeps its place in the CWC's queue.
      await stack.http.post(`/people/${moving.id}/move`).set(admin).send({ bodyId: 'JJB-RJ-JAIPUR', role: 'JJB_MEMBER', ...termOf('JJB_MEMBER') }).expect(200);
      for (const caseId of [third, reassignedSince]) {
        expect((await stack.http.get(`/cases/${caseId}`).set(reader).expect(200)).body.assigneeId).toBeNull();
        expect((await timelineOf(reader, caseId)).at(-1)).toMatchObject({ eventType: 'CASE_RELEASED', payload: { previousAssigneeId: moving.id, reason: 'ASSIGNEE_MOVED' } });
      }
      // Asked again, a deactivation writes no step twice.
      const steps = (await timelineOf(reader, first)).length;
      await stack.http.post(`/people/${leaving.id}/deactivate`).set(admin).send({}).expect(200);
      expect(await timelineOf(reader, first)).toHaveLength(steps);
    });

    it('tells the person working a case of its escalation, and its body always', async () => {
      const member = await onboard(admin, 'escalated', bodyId, 'CWC_MEMBER');
      const registration: CaseRegistration = {
        caseId: randomUUID(),
        track: 'CNCP',
        districtCode: 'RJ-JAIPUR',
        stateCode: 'RJ',
        child: { ageYears: 10 },
        registeredAt: new Date().toISOString(),
        registeredBy: { id: member.id, role: 'CWC_MEMBER', body: 'CWC' },
        // A state rule of a few seconds to produce the child, so the miss happens after the assignment.
        deadlinePolicy: { 'cncp.production': { within: 'PT3S' } },
      };
      const handle = await temporal.workflow.start('caseWorkflow', { taskQueue: stack.config.temporal.taskQueue, workflowId: caseWorkflowId(registration.caseId), args: [registration] });
      await handle.executeUpdate(registrationUpdate);
      await assign(member.headers, registration.caseId, member.id);
      const notices = await eventually(async () => {
        const rows = await stack.db.notification.findMany({ where: { caseId: registration.caseId, kind: 'DEADLINE_ESCALATED' } });
        return rows.length >= 2 ? rows : undefined;
      });
      expect(notices).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ recipientBody: 'PERSON', recipientUserId: member.id }),
          expect.objectContaining({ recipientBody: 'DCPU', districtCode: 'RJ-JAIPUR', recipientUserId: null }),
        ]),
      );
      // The person's notice says what is overdue and never names the child (s.74).
      const theirs = notices.find((n) => n.recipientUserId === member.id)!;
      expect(theirs.subject).toMatch(/^Overdue by/);
      const inbox = await stack.http.get('/notifications').set(member.headers).expect(200);
      expect(JSON.stringify(inbox.body)).toContain(theirs.id);
    });

    it('tells the person working a case of a step once, by name, and the rest of its CWC by the body’s copy', async () => {
      const member = await onboard(admin, 'once', bodyId, 'CWC_MEMBER');
      const caseId = await register(member.headers);
      const send = (type: string, payload: Record<string, unknown>) => stack.http.post(`/cases/${caseId}/events`).set(member.headers).send({ type, payload }).expect(200);
      await send('PRODUCED_BEFORE_CWC', { circumstance: 'LOST', producedBy: 'SJPU' });
      await assign(member.headers, caseId, member.id);
      await send('FAMILY_TRACED', { reportRef: 'MISSING/RJ/7', tracedBy: 'SJPU Jaipur' });
      const traced = await eventually(async () => {
        const rows = await stack.db.notification.findMany({ where: { caseId, kind: 'CASE_FAMILY_TRACED' } });
        return rows.length >= 3 ? rows : undefined;
      });
      // both addressings stay on record: the person by name, and the CWC
      expect(traced.map((n) => n.recipientUserId ?? n.recipientBody).sort()).toEqual(['CWC', 'DCPU', member.id].sort());
      const ofCase = async (who: Headers) =>
        ((await stack.http.get('/notifications').query({ limit: 200 }).set(who).expect(200)).body as { kind: string; caseId: string | null }[]).filter((n) => n.caseId === caseId && n.kind === 'CASE_FAMILY_TRACED');
      expect(await ofCase(member.headers)).toHaveLength(1);
      // the rest of the district's CWC still has it
      expect(await ofCase(reader)).toHaveLength(1);
    });
  });
});
