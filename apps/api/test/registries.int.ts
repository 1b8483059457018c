// The registries: institutions (s.41 registration, capacity, infrastructure), bulk import, CWC/JJB members and sittings.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { AuditRepository } from '@raksha/db';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as, isolatedDistrict, type IsolatedDistrict } from '@raksha/test-support/auth';
import { eventually, startStack, type Stack } from '@raksha/test-support/stack';

const unique = () => randomBytes(3).toString('hex').toUpperCase();
/** A date `days` from today in India (YYYY-MM-DD). */
const inDays = (days: number) => new Date(Date.now() + 5.5 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
const home = (districtCode: string, extra: Record<string, unknown> = {}) => ({
  name: `Test Home ${unique()}`,
  districtCode,
  kind: 'CHILDRENS_HOME',
  management: 'NGO',
  registration: { no: `REG/${unique()}`, from: inDays(-365), until: inDays(1000) },
  capacities: [
    { gender: 'FEMALE', ageBand: '12-17', sanctioned: 25 },
    { gender: 'MALE', ageBand: '6-11', sanctioned: 10 },
  ],
  infrastructure: { KITCHEN: true, LIBRARY: false },
  ...extra,
});

describe('registries', () => {
  let stack: Stack;
  /** a district of the tests' own in Rajasthan, with its CWC and DCPU */
  let own: IsolatedDistrict;
  let scps: { Authorization: string };

  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
    own = await isolatedDistrict(stack, []);
    scps = await as(stack, 'scps.rj');
  });
  afterAll(() => stack?.stop());

  const create = (user: { Authorization: string }, body: Record<string, unknown>) => stack.http.post('/institutions').set(user).send(body);

  describe('institutions', () => {
    it('lets the SCPS register a CCI in any district of its state, with its registration, capacities and an id from its name', async () => {
      const body = home(own.districtCode, { name: `Sneh Aangan ${unique()} Children's Home` });
      const res = await create(scps, body).expect(201);
      expect(res.body).toMatchObject({
        id: `CCI-${own.districtCode}-${body.name.toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/-+$/, '')}`,
        type: 'CCI',
        level: 'DISTRICT',
        stateCode: 'RJ',
        districtCode: own.districtCode,
        kind: 'CHILDRENS_HOME',
        registration: { no: body.registration.no, from: body.registration.from, until: body.registration.until, status: 'VALID' },
        infrastructure: { KITCHEN: true, LIBRARY: false },
        version: 1,
      });
      expect(res.headers.etag).toBe('"1"');
      expect(res.headers.location).toBe(`/institutions/${res.body.id}`);

      const read = await stack.http.get(`/institutions/${res.body.id}`).set(own.dcpu).expect(200);
      expect(read.body.capacities).toEqual(expect.arrayContaining(body.capacities));
      expect(read.headers.etag).toBe('"1"');

      const again = await create(scps, body).expect(409);
      expect(again.body).toMatchObject({ type: '/problems/institution-exists', id: res.body.id });
    });

    it("refuses a DCPU an institution in another district (403), as registering a case there; its own district's it may", async () => {
      await create(await as(stack, 'dcpu.jaipur'), home(own.districtCode)).expect(403);
      await create(own.dcpu, home('RJ-JAIPUR')).expect(403);
      await create(own.dcpu, home(own.districtCode, { id: `CCI-${own.districtCode}-OWN-${unique()}` })).expect(201);
      await create(await as(stack, 'scps.mh'), home(own.districtCode)).expect(403);
    });

    it('answers 404 to a reader outside its jurisdiction, as if the institution did not exist', async () => {
      const { id } = (await create(scps, home(own.districtCode)).expect(201)).body;
      await stack.http.get(`/institutions/${id}`).set(await as(stack, 'monitor.rj')).expect(200);
      await stack.http.get(`/institutions/${id}`).set(await as(stack, 'monitor.india')).expect(200);
      for (const outsider of ['monitor.mh', 'dcpu.jodhpur', 'cci.jaipur']) {
        const res = await stack.http.get(`/institutions/${id}`).set(await as(stack, outsider)).expect(404);
        expect(res.body.type).toBe('/problems/institution-not-found');
        await stack.http.get(`/institutions/${id}/history`).set(await as(stack, outsider)).expect(404);
      }
      await stack.http.patch(`/institutions/${id}`).set(await as(stack, 'dcpu.jaipur')).set('If-Match', '"1"').send({ phone: '0141 222 3333' }).expect(404);
    });

    it('validates kinds, capacities and registration dates, naming each bad field', async () => {
      const res = await create(
        scps,
        home(own.districtCode, {
          kind: 'ORPHANAGE',
          registration: { no: 'REG/1', from: '2025-04-01', until: '2025-03-31' },
          capacities: [
            { gender: 'MALE', ageBand: '6-11', sanctioned: 5 },
            { gender: 'MALE', ageBand: '6-11', sanctioned: 7 },
            { gender: 'FEMALE', ageBand: '0-5', sanctioned: -1 },
          ],
          infrastructure: { HELIPAD: true },
        }),
      ).expect(400);
      const fields = (res.body.errors as { field: string }[]).map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['kind', 'registration.until', 'capacities.1', 'capacities.2.sanctioned', 'infrastructure.HELIPAD']));
      await create(scps, home('RJ-NOWHERE')).expect(400);
      await create(scps, home(own.districtCode, { id: 'cci-lower-case' })).expect(400);
    });

    it('tells EXPIRED, EXPIRING (within 90 days), VALID and UNREGISTERED apart, and finds registrations expiring before a date', async () => {
      const make = async (registration: unknown) => (await create(scps, home(own.districtCode, { registration })).expect(201)).body;
      // Written straight to the database: through the API its registration watch would escalate (tested below),
      // and every run would leave one more open escalation in Rajasthan.
      const expired = { id: `CCI-${own.districtCode}-EXPIRED-${unique()}`, registration: { status: '' } };
      await stack.db.body.create({ data: { id: expired.id, type: 'CCI', name: 'Expired Home', level: 'DISTRICT', stateCode: 'RJ', districtCode: own.districtCode } });
      await stack.db.institution.create({
        data: { bodyId: expired.id, kind: 'CHILDRENS_HOME', management: 'NGO', registrationNo: 'REG/OLD', registeredFrom: new Date(inDays(-1900)), registeredUntil: new Date(inDays(-1)) },
      });
      expired.registration = (await stack.http.get(`/institutions/${expired.id}`).set(own.dcpu).expect(200)).body.registration;
      const expiring = await make({ no: 'REG/SOON', from: inDays(-1800), until: inDays(30) });
      const lastDay = await make({ no: 'REG/TODAY', from: inDays(-1800), until: inDays(0) });
      const valid = await make({ no: 'REG/NEW', from: inDays(-10), until: inDays(1800) });
      const unregistered = await make(null);
      expect([expired, expiring, lastDay, valid, unregistered].map((i) => i.registration.status)).toEqual(['EXPIRED', 'EXPIRING', 'EXPIRING', 'VALID', 'UNREGISTERED']);

      const soon = await stack.http.get('/institutions').query({ districtCode: own.districtCode, registrationExpiringBefore: inDays(91), limit: 100 }).set(own.dcpu).expect(200);
      const ids = (soon.body.items as { id: string }[]).map((i) => i.id);
      expect(ids).toEqual(expect.arrayContaining([expired.id, expiring.id, lastDay.id]));
      expect(ids).not.toContain(valid.id);
      expect(ids).not.toContain(unregistered.id);
    });

    it('escalates a registration that has lapsed to the DCPU of its district (s.41)', async () => {
      const { id } = (await create(scps, home(own.districtCode, { registration: { no: 'REG/LAPSED', from: inDays(-1900), until: inDays(-3) } })).expect(201)).body;
      const escalation = await eventually(async () => (await stack.db.escalation.findFirst({ where: { bodyId: id } })) ?? undefined);
      expect(escalation).toMatchObject({ deadlineId: 'cci.registration', toBody: 'DCPU', districtCode: own.districtCode });
    });

    it('changes an institution only at the version read (If-Match), and its history shows each change with before and after', async () => {
      const created = (await create(scps, home(own.districtCode)).expect(201)).body;
      const id = created.id as string;
      await stack.http.patch(`/institutions/${id}`).set(own.dcpu).send({ phone: '0141 222 3333' }).expect(428);

      const renewal = { no: 'REG/2031', from: inDays(-1), until: inDays(1825) };
      const changed = await stack.http
        .patch(`/institutions/${id}`)
        .set(own.dcpu)
        .set('If-Match', '"1"')
        .send({ name: `${created.name} (renamed)`, registration: renewal, infrastructure: { LIBRARY: true }, capacities: [{ gender: 'FEMALE', ageBand: '12-17', sanctioned: 30 }] })
        .expect(200);
      expect(changed.headers.etag).toBe('"2"');
      expect(changed.body).toMatchObject({
        name: `${created.name} (renamed)`,
        version: 2,
        registration: { ...renewal, status: 'VALID' },
        infrastructure: { KITCHEN: true, LIBRARY: true },
        capacities: [{ gender: 'FEMALE', ageBand: '12-17', sanctioned: 30 }],
      });

      const stale = await stack.http.patch(`/institutions/${id}`).set(scps).set('If-Match', '"1"').send({ phone: '0141 999 0000' }).expect(409);
      expect(stale.body).toMatchObject({ type: '/problems/stale-version', currentVersion: 2 });
      expect((await stack.http.get(`/institutions/${id}`).set(scps).expect(200)).body.phone).toBeNull();

      const history = await stack.http.get(`/institutions/${id}/history`).set(await as(stack, 'monitor.rj')).expect(200);
      expect(history.body).toHaveLength(2);
      expect(history.body[0]).toMatchObject({ position: 1, action: 'institution.created', actor: { role: 'SCPS_OFFICER' }, before: null, after: { id, version: 1 } });
      expect(history.body[1]).toMatchObject({
        position: 2,
        action: 'institution.updated',
        actor: { role: 'DCPU_OFFICER' },
        before: { name: created.name, registrationNo: created.registration.no, capacities: expect.arrayContaining([{ gender: 'MALE', ageBand: '6-11', sanctioned: 10 }]), version: 1 },
        after: { name: `${created.name} (renamed)`, registrationNo: 'REG/2031', capacities: [{ gender: 'FEMALE', ageBand: '12-17', sanctioned: 30 }], version: 2 },
      });
      expect(await new AuditRepository(stack.db).verifyChain(`registry:${id}`, 2)).toEqual([]);
    });

    it('lists the institutions of your jurisdiction only, page by page', async () => {
      const made: string[] = [];
      for (let i = 0; i < 3; i++) made.push((await create(own.dcpu, home(own.districtCode, { kind: 'OPEN_SHELTER' })).expect(201)).body.id);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await stack.http
          .get('/institutions')
          .query({ districtCode: own.districtCode, kind: 'OPEN_SHELTER', limit: 2, ...(cursor && { cursor }) })
          .set(scps)
          .expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...(page.body.items as { id: string; kind: string }[]).map((i) => i.id));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(expect.arrayContaining(made));
      expect(new Set(seen).size).toBe(seen.length);

      const jodhpur = await stack.http.get('/institutions').query({ districtCode: own.districtCode }).set(await as(stack, 'dcpu.jodhpur')).expect(200);
      expect(jodhpur.body).toEqual({ items: [], nextCursor: null });
      const maharashtra = await stack.http.get('/institutions').query({ limit: 100 }).set(await as(stack, 'monitor.mh')).expect(200);
      expect((maharashtra.body.items as { stateCode: string }[]).every((i) => i.stateCode === 'MH')).toBe(true);
    });
  });

  describe('import from CSV', () => {
    const HEADER = 'id,name,districtCode,kind,management,registrationNo,registeredFrom,registeredUntil,address,phone,infrastructure,capacity_FEMALE_12-17,capacity_MALE_6-11';
    /** a file of five rows; `fix` false leaves a bad kind on line 4 and a district outside Rajasthan on line 6 */
    const file = (tag: string, districtCode: string, fix: boolean) =>
      [
        HEADER,
        `CCI-${districtCode}-${tag}-A,"Home A, ${tag}",${districtCode},CHILDRENS_HOME,GOVERNMENT,REG/A,2024-04-01,2029-03-31,"12 Station Road, ""Old"" Town",0141 222 0001,KITCHEN;LIBRARY,40,`,
        `,Open Shelter ${tag},${districtCode},OPEN_SHELTER,NGO,,,,,,,,15`,
        `CCI-${districtCode}-${tag}-C,Home C ${tag},${districtCode},${fix ? 'OBSERVATION_HOME' : 'ORPHANAGE'},GOVERNMENT,,,,,,,10,`,
        `CCI-${districtCode}-${tag}-D,Home D ${tag},${districtCode},SPECIAL_HOME,GOVERNMENT,REG/D,2024-04-01,2029-03-31,,,,5,5`,
        `CCI-${districtCode}-${tag}-E,Home E ${tag},${fix ? districtCode : 'MH-PUNE'},CHILDRENS_HOME,NGO,REG/E,2024-04-01,2029-03-31,,,,,20`,
      ].join('\r\n') + '\r\n';
    const importCsv = (user: { Authorization: string }, csv: string, query: Record<string, string> = {}) =>
      stack.http.post('/institutions/import').query(query).set(user).set('Content-Type', 'text/csv').send(csv);
    const existing = async (ids: string[]) => (await stack.db.body.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((b) => b.id);

    it('imports nothing from a file with bad rows and names each bad row with its reason; the corrected file imports every row', async () => {
      const tag = unique();
      const bad = await importCsv(own.dcpu, file(tag, own.districtCode, false)).expect(422);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(bad.body).toMatchObject({ type: '/problems/import-rejected', rows: 5 });
      expect(bad.body.rejected).toEqual([
        expect.objectContaining({ row: 4, column: 'kind', reason: 'Kind: choose one of the options.', key: 'error.oneOf' }),
        { row: 6, column: 'districtCode', reason: 'district MH-PUNE is outside your jurisdiction', key: 'import.districtOutside' },
      ]);
      const good = [`CCI-${own.districtCode}-${tag}-A`, `CCI-${own.districtCode}-${tag}-D`];
      expect(await existing(good)).toEqual([]);

      const res = await importCsv(own.dcpu, file(tag, own.districtCode, true)).expect(201);
      expect(res.body).toMatchObject({ dryRun: false, imported: 5, valid: 5 });
      expect(res.body.ids).toHaveLength(5);
      expect(res.body.ids[1]).toBe(`CCI-${own.districtCode}-OPEN-SHELTER-${tag}`);
      expect((await existing(res.body.ids)).sort()).toEqual([...res.body.ids].sort());

      const a = (await stack.http.get(`/institutions/${good[0]}`).set(scps).expect(200)).body;
      expect(a).toMatchObject({
        name: `Home A, ${tag}`,
        address: '12 Station Road, "Old" Town',
        management: 'GOVERNMENT',
        registration: { no: 'REG/A', from: '2024-04-01', until: '2029-03-31' },
        infrastructure: { KITCHEN: true, LIBRARY: true },
        capacities: [{ gender: 'FEMALE', ageBand: '12-17', sanctioned: 40 }],
      });
      const history = (await stack.http.get(`/institutions/${good[0]}/history`).set(scps).expect(200)).body;
      expect(history).toEqual([expect.objectContaining({ action: 'institution.imported', before: null })]);

      // Imported again, the same file finds every institution on record as it is: nothing written, nothing refused.
      const twice = await importCsv(own.dcpu, file(tag, own.districtCode, true)).expect(201);
      expect(twice.body).toMatchObject({ imported: 0, valid: 5, ids: res.body.ids });
      expect((await stack.http.get(`/institutions/${good[0]}/history`).set(scps).expect(200)).body).toHaveLength(1);
      // An id on record as another institution (another name) is refused, not overwritten.
      const clash = await importCsv(own.dcpu, `${HEADER}\r\n${good[0]},Another home,${own.districtCode},CHILDRENS_HOME,NGO,,,,,,,,\r\n`).expect(422);
      expect(clash.body.rejected).toEqual([expect.objectContaining({ row: 2, column: 'id', reason: expect.stringMatching(/exists already/) })]);
    });

    it('checks a file on a dry run without writing anything', async () => {
      const tag = unique();
      const dry = await importCsv(scps, file(tag, own.districtCode, true), { dryRun: 'true' }).expect(200);
      expect(dry.body).toMatchObject({ dryRun: true, imported: 0, valid: 5 });
      expect(await existing(dry.body.ids)).toEqual([]);
      const dryBad = await importCsv(scps, file(tag, own.districtCode, false), { dryRun: 'true' }).expect(422);
      expect((dryBad.body.rejected as { row: number }[]).map((r) => r.row)).toEqual([4, 6]); // the SCPS of RJ may not import into Pune either
    });

    it('finds ids repeated within the file, unknown columns and malformed lines', async () => {
      const tag = unique();
      const id = `CCI-${own.districtCode}-${tag}`;
      const twice = [HEADER, `${id},One,${own.districtCode},CHILDRENS_HOME,NGO,,,,,,,,`, `${id},Two,${own.districtCode},CHILDRENS_HOME,NGO,,,,,,,,`, `,Three,${own.districtCode},CHILDRENS_HOME`].join('\n');
      const res = await importCsv(own.dcpu, twice).expect(422);
      expect(res.body.rejected).toEqual([
        { row: 3, column: 'id', reason: `id ${id} is also the id of line 2`, key: 'import.sameKeyAbove', params: { line: 2 } },
        { row: 4, reason: 'the line has 4 fields, the header 13', key: 'import.fieldCount', params: { fields: 4, columns: 13 } },
      ]);
      const header = await importCsv(own.dcpu, `name,districtCode,kind,capacity_MALE_99-100\n`).expect(422);
      expect(header.body.rejected).toEqual([
        expect.objectContaining({ row: 1, column: 'capacity_MALE_99-100', reason: expect.stringContaining('unknown column') }),
        expect.objectContaining({ row: 1, column: 'management', reason: 'the required column management is missing' }),
      ]);
      const quote = await importCsv(own.dcpu, `${HEADER}\n,"Unclosed,${own.districtCode}\n`).expect(422);
      expect(quote.body.rejected).toEqual([expect.objectContaining({ row: 2, reason: expect.stringContaining('never closed') })]);
    });

    it('serves the template, takes the file as JSON too, and refuses one over 2 MB', async () => {
      const template = await stack.http.get('/institutions/import/template').set(own.dcpu).expect(200);
      expect(template.headers['content-type']).toMatch(/^text\/csv/);
      expect(template.text.trim().split(',')).toEqual(
        expect.arrayContaining(['id', 'name', 'districtCode', 'kind', 'management', 'registrationNo', 'registeredFrom', 'registeredUntil', 'capacity_TRANSGENDER_18-20']),
      );
      const tag = unique();
      const json = await stack.http
        .post('/institutions/import')
        .set(own.dcpu)
        .send({ csv: `${template.text}CCI-${own.districtCode}-${tag},Home ${tag},${own.districtCode},PLACE_OF_SAFETY,GOVERNMENT${','.repeat(18)}\n` })
        .expect(201);
      expect(json.body).toMatchObject({ imported: 1, ids: [`CCI-${own.districtCode}-${tag}`] });

      const big = `${HEADER}\n${`,x,${own.districtCode},CHILDRENS_HOME,NGO,,,,${'y'.repeat(500)},,,,\n`.repeat(4500)}`;
      const tooBig = await importCsv(own.dcpu, big).expect(413);
      expect(tooBig.body).toMatchObject({ type: '/problems/import-too-large', limits: { bytes: 2 * 1024 * 1024, rows: 5000 } });
      await stack.http.post('/institutions/import').set(own.dcpu).set('Content-Type', 'application/xml').send('<x/>').expect(415);
    });
  });

  describe('bodies', () => {
    const cwcId = () => `CWC-${own.districtCode}`;

    it("updates a CWC's members and sitting days, audited, and reads them back", async () => {
      const members = [
        { name: 'Smt. Asha Meena', designation: 'CHAIRPERSON', termFrom: '2025-01-01', termTo: '2027-12-31' },
        { name: 'Shri Ravi Sharma', designation: 'MEMBER', termFrom: '2025-01-01' },
      ];
      const put = await stack.http.put(`/bodies/${cwcId()}/members`).set(own.dcpu).send({ members }).expect(200);
      const v = Number(JSON.parse(put.headers.etag!));
      const days = await stack.http.put(`/bodies/${cwcId()}/sitting-days`).set(scps).set('If-Match', `"${v}"`).send({ sittingDays: ['FRI', 'MON', 'WED', 'TUE', 'THU'] }).expect(200);
      expect(days.headers.etag).toBe(`"${v + 1}"`);

      const read = await stack.http.get(`/bodies/${cwcId()}`).set(own.cwc).expect(200);
      expect(read.body).toMatchObject({ id: cwcId(), type: 'CWC', sittingDays: ['MON', 'TUE', 'WED', 'THU', 'FRI'], version: v + 1 });
      expect(read.body.members).toEqual([
        expect.objectContaining({ name: 'Smt. Asha Meena', designation: 'CHAIRPERSON', termFrom: '2025-01-01', termTo: '2027-12-31' }),
        expect.objectContaining({ name: 'Shri Ravi Sharma', designation: 'MEMBER', termTo: null }),
      ]);

      await stack.http.put(`/bodies/${cwcId()}/sitting-days`).set(own.dcpu).set('If-Match', `"${v}"`).send({ sittingDays: ['MON', 'TUE', 'WED', 'THU', 'SAT'] }).expect(409);
      // s.28(1): at least 20 sittings a month, so at least five days of the week.
      const tooFew = await stack.http.put(`/bodies/${cwcId()}/sitting-days`).set(scps).set('If-Match', `"${v + 1}"`).send({ sittingDays: ['TUE', 'FRI'] }).expect(400);
      expect(tooFew.body.errors).toEqual([{ field: 'sittingDays', message: expect.stringContaining('s.28(1)') }]);
      const history = (await stack.http.get(`/bodies/${cwcId()}/history`).set(scps).expect(200)).body as { action: string; before: { sittingDays: string[] }; after: { sittingDays: string[] } }[];
      const sittings = history.filter((h) => h.action === 'body.sittingDays.replaced').at(-1)!;
      expect(sittings.after.sittingDays).toEqual(['MON', 'TUE', 'WED', 'THU', 'FRI']);
      expect(history.some((h) => h.action === 'body.members.replaced')).toBe(true);

      const listed = await stack.http.get('/bodies').query({ type: 'CWC', districtCode: own.districtCode }).set(scps).expect(200);
      expect(listed.body.items).toEqual([expect.objectContaining({ id: cwcId(), members: expect.any(Array) })]);
    });

    it('keeps to the seats the Act gives: one Chairperson and four members for a CWC (s.27)', async () => {
      const chair = (name: string) => ({ name, designation: 'CHAIRPERSON', termFrom: '2025-01-01' });
      const two = await stack.http.put(`/bodies/${cwcId()}/members`).set(own.dcpu).send({ members: [chair('A'), chair('B')] }).expect(400);
      expect(two.body.errors).toEqual([{ field: 'members', message: expect.stringContaining('1 CHAIRPERSON seat') }]);
      const magistrate = await stack.http
        .put(`/bodies/${cwcId()}/members`)
        .set(own.dcpu)
        .send({ members: [{ name: 'C', designation: 'PRINCIPAL_MAGISTRATE', termFrom: '2025-01-01' }] })
        .expect(400);
      expect(magistrate.body.errors[0].field).toBe('members.0.designation');
      await stack.http.put(`/bodies/DCPU-${own.districtCode}/sitting-days`).set(own.dcpu).send({ sittingDays: ['MON'] }).expect(400);
    });

    it("lets only the district's DCPU and the state's SCPS manage a CWC; others are refused (403) or not told it exists (404)", async () => {
      const body = { sittingDays: ['MON', 'TUE', 'WED', 'THU', 'FRI'] };
      await stack.http.put(`/bodies/${cwcId()}/sitting-days`).set(await as(stack, 'dcpu.jaipur')).send(body).expect(404);
      await stack.http.put(`/bodies/${cwcId()}/sitting-days`).set(await as(stack, 'scps.mh')).send(body).expect(404);
      await stack.http.put(`/bodies/${cwcId()}/sitting-days`).set(own.cwc).send(body).expect(403);
      await stack.http.get(`/bodies/${cwcId()}`).set(await as(stack, 'monitor.mh')).expect(404);
      await stack.http.get('/bodies/SCPS-RJ').set(own.cwc).expect(200); // a district's people know their state's bodies
      await stack.http.get('/bodies/SCPS-MH').set(own.cwc).expect(404);
    });
  });
});
