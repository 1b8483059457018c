// Issue #22: the API probed as an attacker or a careless client would, over HTTP against the real stack
// (PostgreSQL, Redis, Temporal and the worker). Each probe once answered a 500 or took what it should refuse.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { as, isolatedDistrict } from '@raksha/test-support/auth';
import { startStack, type Stack } from '@raksha/test-support/stack';
import { demoUserId } from '@raksha/prisma/seed-users';
import { randomBytes, randomUUID } from 'node:crypto';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_PASSWORD } from '@raksha/prisma/seed-users';
import { encodeIdCursor, encodeTimeCursor } from '@raksha/contracts';
import { EVENT_PAYLOAD_MAX_BYTES, JSON_DEPTH_MAX } from '../src/problem/request-body.js';
import { API_CSP, WEB_APP_CSP } from '../src/infrastructure/security-headers.js';
import { createApp } from '../src/app.js';
import { problemStatuses } from '../src/problem/openapi-problems.js';
import request from 'supertest';

/** Sends a Buffer's bytes as they are (supertest would write JSON of the Buffer). */
const raw = (bytes: Buffer) => bytes as unknown as string;
const b64 = (text: string) => Buffer.from(text).toString('base64url');
const produce = { type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'LOST', producedBy: 'SJPU Jaipur' } };

describe('probing the API', () => {
  let stack: Stack;
  let cwc: { Authorization: string };
  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle());
    cwc = await as(stack, 'cwc.jaipur');
  });
  afterAll(() => stack?.stop());

  const register = async () => (await stack.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', child: { name: 'Asha' } }).expect(201)).body.caseId as string;
  const expectProblem = (res: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, status: number, type: string) => {
    expect({ status: res.status, type: res.body.type }).toEqual({ status, type: `/problems/${type}` });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  };

  describe('forged page cursors', () => {
    const forged = [
      b64(`${new Date().toISOString()}|not-a-uuid`), // answered 500: invalid input syntax for type uuid
      b64(`${new Date().toISOString()}|00000000-0000-0000-0000-000000000000' OR '1'='1`),
      b64('2026-13-45T99:99:99Z|00000000-0000-4000-8000-000000000000'),
      'x'.repeat(300),
      '../../etc/passwd',
    ];
    it.each([
      ['/cases', 'cwc.jaipur'],
      ['/cases/queue', 'cwc.jaipur'],
      ['/reports', 'sho.jaipur'],
      ['/institutions', 'dcpu.jaipur'],
      ['/bodies', 'dcpu.jaipur'],
    ])('GET %s refuses every forged cursor with a 400 naming cursor', async (path, username) => {
      const user = await as(stack, username);
      for (const cursor of [...forged, b64("CCI' OR 1=1 --")]) {
        const res = await stack.http.get(path).set(user).query({ cursor });
        expectProblem(res, 400, 'invalid-input');
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
      }
    });

    it('still pages with the cursors it gave', async () => {
      const user = await as(stack, 'cwc.jaipur');
      await stack.http.get('/cases').set(user).query({ cursor: encodeTimeCursor(new Date(), '00000000-0000-4000-8000-000000000000') }).expect(200);
      await stack.http.get('/bodies').set(await as(stack, 'dcpu.jaipur')).query({ cursor: encodeIdCursor('CWC-RJ-JAIPUR') }).expect(200);
    });
  });

  describe('bodies too deep, too large or not UTF-8', () => {
    const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

    it('refuses a deeply nested event payload with 400, and the case is untouched', async () => {
      const caseId = await register();
      for (const depth of [JSON_DEPTH_MAX + 1, 10_000]) {
        const res = await stack.http.post(`/cases/${caseId}/events`).set(cwc).set('Content-Type', 'application/json').send(`{"type":"PRODUCED_BEFORE_CWC","payload":${deep(depth)}}`);
        expectProblem(res, 400, 'body-too-deep');
      }
      expect(await stack.db.timelineEntry.count({ where: { caseId } })).toBe(1);
    });

    it('refuses an event payload over its bound with 413, and any body over the limit with 413', async () => {
      const caseId = await register();
      const big = await stack.http.post(`/cases/${caseId}/events`).set(cwc).send({ ...produce, payload: { ...produce.payload, producedBy: 'x'.repeat(EVENT_PAYLOAD_MAX_BYTES) } });
      expectProblem(big, 413, 'payload-too-large');
      const huge = await stack.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', child: { name: 'x'.repeat(600 * 1024) } });
      expectProblem(huge, 413, 'payload-too-large');
      expect(await stack.db.timelineEntry.count({ where: { caseId } })).toBe(1);
    });

    it('takes a missing report with the largest photo the schema allows', async () => {
      const photo = { contentType: 'image/jpeg', base64: 'A'.repeat(400_000) };
      const res = await stack.http
        .post('/reports/missing')
        .set(await as(stack, 'sho.jaipur'))
        .send({ child: { name: 'Asha', gender: 'FEMALE' }, lastSeenAt: '2026-11-01T17:00:00+05:30', place: { districtCode: 'RJ-JAIPUR' }, policeRef: 'MD 1/2026', photo });
      expect(res.status).toBe(201);
    });

    it('refuses a body that is not UTF-8 with 400 and stores nothing', async () => {
      const body = Buffer.concat([Buffer.from('{"track":"CNCP","districtCode":"RJ-JAIPUR","child":{"name":"As'), Buffer.from([0xff, 0xfe]), Buffer.from('ha"}}')]);
      const before = await stack.db.case.count();
      const res = await stack.http.post('/cases').set(cwc).set('Content-Type', 'application/json').serialize(raw).send(body);
      expectProblem(res, 400, 'invalid-utf8');
      expect(await stack.db.case.count()).toBe(before);
    });

    it('refuses a NUL character in a body with 400 (PostgreSQL cannot store it; an eFile entry holding one answered 500) and stores nothing', async () => {
      const before = await stack.db.case.count();
      const res = await stack.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', child: { name: 'As\u0000ha' } });
      expectProblem(res, 400, 'invalid-input');
      expect(res.body.detail).toContain('NUL');
      expect(await stack.db.case.count()).toBe(before);
      const csv = await stack.http.post('/institutions/import').set(await as(stack, 'scps.rj')).set('Content-Type', 'text/csv').send('name,districtCode,kind,management\r\nHome\u0000,RJ-JAIPUR,CHILDRENS_HOME,GOVERNMENT\r\n');
      expectProblem(csv, 400, 'invalid-input');
    });

    it('refuses a CSV import that is not UTF-8 with 400', async () => {
      const csv = Buffer.concat([Buffer.from('name,kind\nHome '), Buffer.from([0xc3, 0x28]), Buffer.from(',OPEN_SHELTER\n')]);
      const res = await stack.http.post('/institutions/import').set(await as(stack, 'scps.rj')).set('Content-Type', 'text/csv').send(csv);
      expectProblem(res, 400, 'invalid-utf8');
    });
  });

  describe('unknown fields', () => {
    it('refuses an unknown field inside an event payload, naming it, and the timeline stores nothing', async () => {
      const caseId = await register();
      const res = await stack.http.post(`/cases/${caseId}/events`).set(cwc).send({ ...produce, payload: { ...produce.payload, isAdmin: true } });
      expectProblem(res, 400, 'invalid-input');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'payload.isAdmin', key: 'error.unknownField' })]);
      expect(await stack.db.timelineEntry.count({ where: { caseId } })).toBe(1);
    });

    it('names an unknown field of a body by its own path', async () => {
      const res = await stack.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', child: { name: 'Asha', isAdmin: true } });
      expectProblem(res, 400, 'invalid-input');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'child.isAdmin', key: 'error.unknownField' })]);
    });
  });

  describe('CSV injection', () => {
    const formula = '=HYPERLINK("http://evil.example/","Open")';

    it("writes a name that starts like a formula as text in the district's and the state's CSVs", async () => {
      const d = await isolatedDistrict(stack, [4]);
      // A name stored before names were checked: what the export must still defuse.
      await stack.db.body.update({ where: { id: d.ccis[0]! }, data: { name: formula } });
      for (const user of [d.dcpu, await as(stack, 'monitor.rj')]) {
        const res = await stack.http.get('/dashboards/overview').set(user).query({ districtCode: d.districtCode, format: 'csv', section: 'occupancy' }).expect(200);
        expect(res.text).toContain(`"'=HYPERLINK(""http://evil.example/"",""Open"")"`);
        expect(res.text.split('\r\n').some((line) => line.split(',').some((cell) => /^[=+\-@]/.test(cell)))).toBe(false);
      }
    });

    it('refuses such names in a CSV import and in a created institution, naming the column', async () => {
      const scps = await as(stack, 'scps.rj');
      const csv = `name,districtCode,kind,management\r\n"${formula.replaceAll('"', '""')}",RJ-JAIPUR,CHILDRENS_HOME,GOVERNMENT\r\n@SUM(1+1),RJ-JAIPUR,CHILDRENS_HOME,GOVERNMENT\r\n`;
      const imported = await stack.http.post('/institutions/import').set(scps).set('Content-Type', 'text/csv').send(csv);
      expectProblem(imported, 422, 'import-rejected');
      expect(imported.body.rejected).toEqual([expect.objectContaining({ row: 2, column: 'name' }), expect.objectContaining({ row: 3, column: 'name' })]);
      const created = await stack.http.post('/institutions').set(scps).send({ name: '+cmd|/C calc', districtCode: 'RJ-JAIPUR', kind: 'CHILDRENS_HOME', management: 'GOVERNMENT' });
      expectProblem(created, 400, 'invalid-input');
      expect(created.body.errors).toEqual([expect.objectContaining({ field: 'name', message: expect.stringContaining('formula') })]);
    });
  });

  describe("reads of a child's identity are audited", () => {
    const readsOf = (chain: string) => stack.db.auditEntry.findMany({ where: { chain }, orderBy: { position: 'asc' } });
    const child = { name: 'Meena Kumari', gender: 'FEMALE', ageYears: { min: 9, max: 10 } };

    it('audits a missing report, its photo, its candidates and a match candidate, on each report', async () => {
      const police = await as(stack, 'sho.jaipur');
      const photo = { contentType: 'image/png', base64: 'iVBORw0KGgo=' };
      const missing = (await stack.http.post('/reports/missing').set(police).send({ child, lastSeenAt: '2026-11-01T17:00:00+05:30', place: { districtCode: 'RJ-JAIPUR' }, policeRef: 'MD 7/2026', photo }).expect(201)).body;
      const found = (await stack.http.post('/reports/found').set(await as(stack, 'cwc.jaipur')).send({ child, foundAt: '2026-11-03T09:00:00+05:30', place: { districtCode: 'RJ-JAIPUR' } }).expect(201)).body;
      const now = new Date();
      // The matching worker may propose the pair at any moment: insert unless it is there (one statement, no race), then read it.
      const pair = { missingId: missing.id, foundId: found.id };
      await stack.db.matchCandidate.createMany({
        data: [{ id: randomUUID(), ...pair, probability: 0.97, explanation: { fields: [] }, status: 'PROPOSED', createdAt: now, updatedAt: now }],
        skipDuplicates: true,
      });
      const { id: candidateId } = await stack.db.matchCandidate.findUniqueOrThrow({ where: { missingId_foundId: pair } });

      await stack.http.get(`/reports/${missing.id}`).set(police).expect(200);
      await stack.http.get(`/reports/${missing.id}/photo`).set(police).expect(200);
      await stack.http.get(`/reports/${missing.id}/candidates`).set(police).expect(200);
      await stack.http.get(`/match-candidates/${candidateId}`).set(police).expect(200);

      const shoId = demoUserId('sho.jaipur');
      expect((await readsOf(`reads:report:${missing.id}`)).map((e) => [e.action, e.actorId])).toEqual([
        ['report.read', shoId],
        ['report.photo.read', shoId],
        ['report.candidates.read', shoId],
        ['match-candidate.read', shoId],
      ]);
      expect((await readsOf(`reads:report:${found.id}`)).map((e) => e.action)).toEqual(['match-candidate.read']);
    });

    it("audits lists that show children's names, a case's admissions and an institution's roster", async () => {
      const d = await isolatedDistrict(stack, [4]);
      const caseId = (await stack.http.post('/cases').set(d.cwc).send({ track: 'CNCP', districtCode: d.districtCode, child: { name: 'Ravi' } }).expect(201)).body.caseId as string;
      await stack.http.get('/cases').set(d.cwc).expect(200);
      await stack.http.get('/cases/queue').set(d.cwc).expect(200);
      await stack.http.get('/reports').set(await as(stack, 'sho.jaipur')).expect(200);
      await stack.http.get(`/cases/${caseId}/admissions`).set(d.cwc).expect(200);
      await stack.http.get(`/institutions/${d.ccis[0]}/children`).set(d.dcpu).expect(200);

      const mine = await readsOf(`reads:user:${(await stack.db.user.findFirstOrThrow({ where: { bodyId: `CWC-${d.districtCode}` } })).id}`);
      expect(mine.map((e) => [e.action, (e.detail as { shown: { ids: string[] } }).shown.ids])).toEqual([
        ['cases.listed', [caseId]],
        ['cases.queue.listed', [caseId]],
      ]);
      expect((await readsOf(`reads:user:${demoUserId('sho.jaipur')}`)).map((e) => e.action)).toContain('reports.listed');
      expect((await readsOf(`reads:case:${caseId}`)).map((e) => e.action)).toEqual(['case.admissions.read']);
      expect((await readsOf(`reads:institution:${d.ccis[0]}`)).map((e) => e.action)).toEqual(['institution.children.read']);
    });
  });

  describe('sign-in: no enumeration, no lock-out by others', () => {
    const login = (username: string, password: string) => stack.http.post('/auth/login').send({ username, password });
    /** An officer of this test alone, with the demo password. */
    const officer = async (data: { disabledAt?: Date; lockedUntil?: Date } = {}) => {
      const { passwordHash } = await stack.db.user.findUniqueOrThrow({ where: { username: 'dcpu.jaipur' } });
      const username = `probe.${randomBytes(5).toString('hex')}`;
      await stack.db.user.create({ data: { id: randomUUID(), username, displayName: username, passwordHash, bodyId: 'DCPU-RJ-JAIPUR', roles: ['DCPU_OFFICER'], ...data } });
      return username;
    };
    /** Signs in from another address of this machine (127.0.0.2): another source, as the officer's own device is. */
    const loginFromElsewhere = async (username: string, password: string) => {
      const server = stack.app.getHttpServer() as Server;
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const body = JSON.stringify({ username, password });
      return new Promise<number>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, localAddress: '127.0.0.2', method: 'POST', path: '/auth/login', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end(body);
      });
    };
    const answer = (res: { status: number; body: Record<string, unknown> }) => ({ status: res.status, ...res.body, instance: undefined });

    it('answers alike for an unknown name, a wrong password, a disabled and a locked account', async () => {
      const known = await officer();
      const unknown = answer(await login(`probe.nobody.${randomBytes(4).toString('hex')}`, 'guess-1234'));
      expect(unknown).toMatchObject({ status: 401, type: '/problems/invalid-credentials' });
      expect(answer(await login(known, 'guess-1234'))).toEqual(unknown);
      expect(answer(await login(await officer({ disabledAt: new Date() }), DEMO_PASSWORD))).toEqual(unknown);
      expect(answer(await login(await officer({ lockedUntil: new Date(Date.now() + 3_600_000) }), DEMO_PASSWORD))).toEqual(unknown);
    });

    it('throttles a guesser per name and address alike for known and unknown names; the officer still signs in from their own device', async () => {
      const known = await officer();
      const unknown = `probe.nobody.${randomBytes(4).toString('hex')}`;
      for (const username of [known, unknown]) {
        for (let i = 0; i < 5; i++) await login(username, `guess-${i}-abcd`).expect(401);
        const throttled = await login(username, DEMO_PASSWORD);
        expectProblem(throttled, 429, 'too-many-requests');
        expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
      }
      expect(await loginFromElsewhere(known, DEMO_PASSWORD)).toBe(200);
      expect((await stack.db.user.findUniqueOrThrow({ where: { username: known } })).lockedUntil).toBeNull();
    });
  });

  describe('security headers', () => {
    const common = { 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' };

    it('serves the web app with its CSP, never framed, and says nothing of the server', async () => {
      const page = await stack.http.get('/app/').expect(200);
      expect(page.headers).toMatchObject({ ...common, 'content-security-policy': WEB_APP_CSP });
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(page.headers['x-powered-by']).toBeUndefined();
      expect(page.headers['strict-transport-security']).toBeUndefined(); // not behind TLS here
    });

    it('answers the API, its errors and a 404 with the same headers and a CSP that runs nothing', async () => {
      for (const res of [await stack.http.get('/health'), await stack.http.get('/cases'), await stack.http.get('/no-such-route')]) {
        expect(res.headers).toMatchObject({ ...common, 'content-security-policy': API_CSP });
        expect(res.headers['x-powered-by']).toBeUndefined();
      }
    });

    it('sends HSTS when the deployment says it is behind TLS', async () => {
      const app = await createApp({ ...stack.config, hstsMaxAgeSeconds: 31_536_000 });
      await app.init();
      try {
        const res = await request(app.getHttpServer()).get('/health');
        expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      } finally {
        await app.close();
      }
    });
  });

  describe('the OpenAPI document', () => {
    type Operation = { operationId: string; parameters?: { in: string; name: string }[]; requestBody?: object; responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> };
    const operations = async () => {
      const doc = (await stack.http.get('/docs/openapi.json').expect(200)).body as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };
      expect(doc.components.schemas.ProblemDetails).toBeDefined();
      return Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));
    };

    it('declares every refusal of every operation, each as problem+json', async () => {
      const all = await operations();
      expect(all.length).toBeGreaterThan(50);
      for (const { path, method, op } of all) {
        const refusals = Object.keys(op.responses).filter((s) => Number(s) >= 400);
        expect({ route: `${method} ${path}`, refusals }).toEqual({ route: `${method} ${path}`, refusals: expect.arrayContaining(['429', '500', '503']) });
        if (op.parameters?.some((p) => p.in === 'path')) expect(refusals).toEqual(expect.arrayContaining(['400', '404']));
        for (const status of refusals) expect(op.responses[status]!.content?.['application/problem+json']?.schema?.$ref).toBe('#/components/schemas/ProblemDetails');
      }
      const login = all.find((o) => o.method === 'post' && o.path === '/auth/login')!;
      expect(problemStatuses('post', login.op, true)).not.toContain(403);
    });

    it('declares each refusal these probes met, for the operation that answered it', async () => {
      const all = await operations();
      const met: [string, string, number][] = [
        ['get', '/cases', 400],
        ['get', '/cases/queue', 400],
        ['get', '/reports', 400],
        ['get', '/institutions', 400],
        ['get', '/bodies', 400],
        ['post', '/cases/{id}/events', 400],
        ['post', '/cases/{id}/events', 413],
        ['post', '/cases', 400],
        ['post', '/cases', 413],
        ['post', '/institutions/import', 400],
        ['post', '/institutions/import', 422],
        ['post', '/institutions', 400],
        ['post', '/auth/login', 401],
        ['post', '/auth/login', 429],
        ['get', '/cases', 401],
      ];
      for (const [method, path, status] of met) {
        const op = all.find((o) => o.method === method && o.path === path);
        expect({ route: `${method} ${path}`, declared: Object.keys(op?.op.responses ?? {}) }).toEqual({ route: `${method} ${path}`, declared: expect.arrayContaining([String(status)]) });
      }
    });
  });
});
