// Issue #19: partner systems over HTTP against the real stack (PostgreSQL, Redis, Temporal and the worker): registered
// by administrators as OAuth 2.0 clients, tokens by client credentials, scopes, jurisdiction, the event feed, writes.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { caseWorkflowBundle } from '@raksha/test-support/workflow-bundle';
import { AuditRepository } from '@raksha/db';
import { as } from '@raksha/test-support/auth';
import { eventually, startStack, type Stack } from '@raksha/test-support/stack';

/** Tokens live this long here, so a test can watch one expire; long enough for a few requests on a loaded machine. */
const TOKEN_SECONDS = 8;
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('the partner data-sharing API', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(await caseWorkflowBundle(), { PARTNER_TOKEN_TTL_SECONDS: String(TOKEN_SECONDS) });
  });
  afterAll(() => stack?.stop());

  interface Client {
    clientId: string;
    clientSecret: string;
  }
  const register = async (admin: string, body: Record<string, unknown>): Promise<Client> =>
    (await stack.http.post('/partner-clients').set(await as(stack, admin)).send(body).expect(201)).body as Client;
  /** A fresh token (client_secret_basic) for the client, with these scopes or all it was granted. */
  const tokenOf = async (c: Client, scope?: string) => {
    const res = await stack.http
      .post('/oauth/token')
      .set('Authorization', `Basic ${b64(`${c.clientId}:${c.clientSecret}`)}`)
      .type('form')
      .send({ grant_type: 'client_credentials', ...(scope && { scope }) })
      .expect(200);
    return { Authorization: `Bearer ${res.body.access_token as string}` };
  };
  const expectProblem = (res: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, status: number, type: string) => {
    expect({ status: res.status, type: res.body.type }).toEqual({ status, type: `/problems/${type}` });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  };
  /** A child with names of its own (random letters), so no other test's report matches it. */
  const childNamed = () => {
    const word = () => randomBytes(4).toString('hex').replace(/[0-9]/g, (d) => 'ghijklmnop'[Number(d)]!);
    return { name: `${word()} ${word()}`, guardians: [{ relation: 'FATHER', name: `${word()} ${word()}` }], gender: 'FEMALE', ageYears: { min: 8, max: 8 }, identifyingMarks: 'scar above the right eyebrow' };
  };

  it('registers a partner system in the administrator’s state, shows its secret once, and issues tokens by HTTP Basic or the form', async () => {
    const c = await register('admin.rj', { name: 'Rajasthan child protection portal', kind: 'STATE_SYSTEM', scopes: ['reports:read', 'cases:summary', 'feed:read'] });
    expect(c).toMatchObject({ level: 'STATE', stateCode: 'RJ', districtCode: null, revokedAt: null, scopes: ['reports:read', 'cases:summary', 'feed:read'] });
    expect(c.clientSecret).toMatch(/^rks_/);
    const listed = (await stack.http.get('/partner-clients').set(await as(stack, 'admin.rj')).expect(200)).body as Record<string, unknown>[];
    expect(listed.find((l) => l.clientId === c.clientId)).not.toHaveProperty('clientSecret');
    // Another state's administrator neither lists nor finds it.
    const mh = (await stack.http.get('/partner-clients').set(await as(stack, 'admin.mh')).expect(200)).body as { clientId: string }[];
    expect(mh.map((l) => l.clientId)).not.toContain(c.clientId);
    expectProblem(await stack.http.get(`/partner-clients/${c.clientId}`).set(await as(stack, 'admin.mh')), 404, 'partner-client-not-found');
    // Only its secret's hash is kept.
    const kept = await stack.db.partnerClient.findUniqueOrThrow({ where: { id: c.clientId } });
    expect(kept.secretHash).not.toContain(c.clientSecret);

    const basic = await stack.http.post('/oauth/token').set('Authorization', `Basic ${b64(`${c.clientId}:${c.clientSecret}`)}`).type('form').send({ grant_type: 'client_credentials' }).expect(200);
    expect(basic.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: expect.any(Number), scope: 'reports:read cases:summary feed:read' });
    expect(basic.body.expires_in).toBeGreaterThanOrEqual(TOKEN_SECONDS - 1);
    expect(basic.headers['cache-control']).toBe('no-store');
    const post = await stack.http.post('/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: c.clientId, client_secret: c.clientSecret, scope: 'reports:read' }).expect(200);
    expect(post.body.scope).toBe('reports:read');
    const stored = await stack.db.partnerToken.findMany({ where: { clientId: c.clientId } });
    expect(stored.map((t) => t.tokenHash)).not.toContain(post.body.access_token);

    const wrong = await stack.http.post('/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: c.clientId, client_secret: 'rks_guess' });
    expectProblem(wrong, 401, 'invalid-client');
    expect(wrong.body.error).toBe('invalid_client');
    const notGranted = await stack.http.post('/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: c.clientId, client_secret: c.clientSecret, scope: 'reports:write' });
    expectProblem(notGranted, 400, 'token-request-invalid');
    expect(notGranted.body.error).toBe('invalid_scope');
    // A kind is granted only its kind's scopes.
    const refused = await stack.http.post('/partner-clients').set(await as(stack, 'admin.rj')).send({ name: 'Portal', kind: 'STATE_SYSTEM', scopes: ['interventions:write'] });
    expectProblem(refused, 400, 'invalid-input');
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'scopes' })]);

    // A partner's token is no person's, and a person's is no partner's.
    expectProblem(await stack.http.get('/cases').set({ Authorization: `Bearer ${basic.body.access_token}` }), 401, 'unauthenticated');
    expectProblem(await stack.http.get('/partner/v1/reports').set(await as(stack, 'sho.jaipur')), 401, 'unauthenticated');
  });

  it('files a helpline’s found report through the same service as people’s, and it is matched to the missing child', async () => {
    const helpline = await register('admin.rj', { name: 'Childline 1098, Rajasthan', kind: 'HELPLINE_1098', scopes: ['reports:write', 'reports:read', 'feed:read'] });
    const child = childNamed();
    const police = await as(stack, 'sho.jaipur');
    const { body: missing } = await stack.http
      .post('/reports/missing')
      .set(police)
      .send({ child, lastSeenAt: '2026-11-20T18:00:00+05:30', place: { districtCode: 'RJ-JAIPUR', text: 'Jaipur Junction' }, policeRef: 'MD 311/2026' })
      .expect(201);

    const { body: found } = await stack.http
      .post('/partner/v1/reports')
      .set(await tokenOf(helpline))
      .send({ kind: 'FOUND', child: { ...child, ageYears: { min: 7, max: 9 } }, foundAt: '2026-11-22T08:15:00+05:30', place: { districtCode: 'RJ-JODHPUR', text: 'Jodhpur railway station' } })
      .expect(201);
    expect(found).toMatchObject({ kind: 'FOUND', status: 'OPEN', filedBy: { id: helpline.clientId, role: 'CHILDLINE_WORKER', bodyId: `partner:${helpline.clientId}` } });

    const candidate = await eventually(async () => {
      const { body } = await stack.http.get(`/reports/${missing.id}/candidates`).set(police).expect(200);
      return (body.items as { id: string; found: { id: string } }[]).find((c) => c.found.id === found.id);
    }, 30_000);
    expect(candidate.found.id).toBe(found.id);

    // The helpline reads its report back, and its feed says it was filed and matched.
    await stack.http.get(`/partner/v1/reports/${found.id}`).set(await tokenOf(helpline)).expect(200);
    const feed = await eventually(async () => {
      const { body } = await stack.http.get('/partner/v1/events').set(await tokenOf(helpline)).query({ limit: 500 }).expect(200);
      const mine = (body.items as { type: string; subject: { id: string }; data: Record<string, unknown> }[]).filter((e) => e.subject.id === found.id);
      return mine.some((e) => e.type === 'report.matched' && e.data.missingId === missing.id) ? mine : undefined;
    }, 30_000);
    expect(feed[0]).toMatchObject({ type: 'report.filed', data: { reportId: found.id, kind: 'FOUND', status: 'OPEN' } });
    expect(feed.find((e) => e.type === 'report.matched')).toMatchObject({ data: { candidateId: candidate.id, missingId: missing.id, foundId: found.id } });
    expect(JSON.stringify(feed)).not.toContain(child.name);

    // Every call is on the client's audit chain with its identity.
    const calls = await stack.db.auditEntry.findMany({ where: { chain: `partner:${helpline.clientId}`, action: 'partner.call' } });
    expect(calls.map((c) => `${(c.detail as { method: string }).method} ${(c.detail as { path: string }).path}`)).toContain('POST /partner/v1/reports');
    expect(calls.every((c) => c.actorId === helpline.clientId)).toBe(true);
  });

  it('refuses a token without the route’s scope (403) and answers 404 for another state’s records', async () => {
    const portal = await register('admin.rj', { name: 'NGO case system', kind: 'NGO_CASE_SYSTEM', scopes: ['reports:read', 'reports:write', 'cases:summary', 'feed:read'] });
    const readOnly = await tokenOf(portal, 'reports:read');
    const res = await stack.http.post('/partner/v1/reports').set(readOnly).send({ kind: 'FOUND', child: { gender: 'MALE' }, foundAt: '2026-11-22T08:15:00+05:30', place: { districtCode: 'RJ-JAIPUR' } });
    expectProblem(res, 403, 'insufficient-scope');
    expect(res.headers['www-authenticate']).toContain('insufficient_scope');
    expectProblem(await stack.http.get('/partner/v1/cases').set(readOnly), 403, 'insufficient-scope');

    // Maharashtra's records do not exist for a Rajasthan partner.
    const { body: pune } = await stack.http
      .post('/reports/found')
      .set(await as(stack, 'cwc.pune'))
      .send({ child: childNamed(), foundAt: '2026-11-22T08:15:00+05:30', place: { districtCode: 'MH-PUNE' } })
      .expect(201);
    expectProblem(await stack.http.get(`/partner/v1/reports/${pune.id}`).set(readOnly), 404, 'report-not-found');
    const listed = (await stack.http.get('/partner/v1/reports').set(readOnly).query({ limit: 100 }).expect(200)).body as { items: { place: { stateCode: string } }[] };
    expect(listed.items.every((r) => r.place.stateCode === 'RJ')).toBe(true);
    const before = await stack.db.childReport.count({ where: { filedBy: portal.clientId } });
    expectProblem(
      await stack.http.post('/partner/v1/reports').set(await tokenOf(portal)).send({ kind: 'FOUND', child: childNamed(), foundAt: '2026-11-22T08:15:00+05:30', place: { districtCode: 'MH-PUNE' } }),
      404,
      'district-not-found',
    );
    expect(await stack.db.childReport.count({ where: { filedBy: portal.clientId } })).toBe(before);

    // Case summaries carry no child's name (s.74); another state's case is 404.
    const { body: jaipur } = await stack.http.post('/cases').set(await as(stack, 'cwc.jaipur')).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', child: { name: 'Meena Kumari' } }).expect(201);
    const { body: puneCase } = await stack.http.post('/cases').set(await as(stack, 'cwc.pune')).send({ track: 'CNCP', districtCode: 'MH-PUNE', child: { name: 'Meena' } }).expect(201);
    const cases = await tokenOf(portal, 'cases:summary');
    const summary = await stack.http.get(`/partner/v1/cases/${jaipur.caseId}`).set(cases).expect(200);
    expect(summary.body).toMatchObject({ caseNumber: expect.stringMatching(/^RJ\/JAIPUR\/\d{4}\/\d+$/), caseId: jaipur.caseId, districtCode: 'RJ-JAIPUR', track: 'CNCP', stage: expect.any(String), registeredAt: expect.any(String) });
    expect(JSON.stringify(summary.body)).not.toContain('Meena');
    // The readable number finds it too (its slashes URL-encoded).
    const byNumber = await stack.http.get(`/partner/v1/cases/${encodeURIComponent(summary.body.caseNumber)}`).set(cases).expect(200);
    expect(byNumber.body.caseId).toBe(jaipur.caseId);
    expectProblem(await stack.http.get(`/partner/v1/cases/${puneCase.caseId}`).set(cases), 404, 'case-not-found');
    // The feed follows the Jaipur case's steps, without the child's name, and knows nothing of Pune's.
    const steps = await eventually(async () => {
      const { body } = await stack.http.get('/partner/v1/events').set(await tokenOf(portal, 'cases:summary feed:read')).query({ limit: 500 }).expect(200);
      const items = body.items as { type: string; subject: { id: string }; data: Record<string, unknown> }[];
      expect(items.some((e) => e.subject.id === puneCase.caseId)).toBe(false);
      const mine = items.filter((e) => e.subject.id === jaipur.caseId);
      return mine.length > 0 ? mine : undefined;
    }, 30_000);
    expect(steps[0]).toMatchObject({ type: 'case.step', subject: { type: 'case', caseNumber: summary.body.caseNumber }, data: { caseId: jaipur.caseId, track: 'CNCP', sequence: 0, event: 'REGISTERED' } });
    expect(JSON.stringify(steps)).not.toContain('Meena');
  });

  it('answers 401 to an expired token, and to every token of a revoked client or a rotated secret at once', async () => {
    const c = await register('admin.rj', { name: 'ZIPNET Rajasthan', kind: 'POLICE_MISSING_PERSONS', scopes: ['reports:read'] });
    const token = await tokenOf(c);
    await stack.http.get('/partner/v1/reports').set(token).expect(200);
    await new Promise((r) => setTimeout(r, TOKEN_SECONDS * 1000 + 300));
    const expired = await stack.http.get('/partner/v1/reports').set(token);
    expectProblem(expired, 401, 'unauthenticated');
    expect(expired.headers['www-authenticate']).toContain('Bearer');

    const fresh = await tokenOf(c);
    const { body: rotated } = await stack.http.post(`/partner-clients/${c.clientId}/rotate-secret`).set(await as(stack, 'admin.rj')).expect(200);
    expect(rotated.clientSecret).not.toBe(c.clientSecret);
    expectProblem(await stack.http.get('/partner/v1/reports').set(fresh), 401, 'unauthenticated');
    expectProblem(await stack.http.post('/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: c.clientId, client_secret: c.clientSecret }), 401, 'invalid-client');

    const next = await tokenOf({ clientId: c.clientId, clientSecret: rotated.clientSecret });
    await stack.http.get('/partner/v1/reports').set(next).expect(200);
    // Another state's administrator cannot revoke it; its own can, and the token dies at once.
    await stack.http.post(`/partner-clients/${c.clientId}/revoke`).set(await as(stack, 'admin.mh')).expect(404);
    const { body: revoked } = await stack.http.post(`/partner-clients/${c.clientId}/revoke`).set(await as(stack, 'admin.rj')).expect(200);
    expect(revoked.revokedAt).not.toBeNull();
    expectProblem(await stack.http.get('/partner/v1/reports').set(next), 401, 'unauthenticated');
    expectProblem(await stack.http.post('/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: c.clientId, client_secret: rotated.clientSecret }), 401, 'invalid-client');
    const chain = await stack.db.auditEntry.findMany({ where: { chain: `partner:${c.clientId}`, action: { in: ['partner.registered', 'partner.secret-rotated', 'partner.revoked'] } }, orderBy: { position: 'asc' } });
    expect(chain.map((e) => e.action)).toEqual(['partner.registered', 'partner.secret-rotated', 'partner.revoked']);
  });

  it('refuses bad input naming the field, and stores nothing', async () => {
    const c = await register('admin.rj', { name: 'Childline 1098 intake', kind: 'HELPLINE_1098', scopes: ['reports:write'] });
    const token = await tokenOf(c);
    const send = (body: Record<string, unknown>) => stack.http.post('/partner/v1/reports').set(token).send(body);
    const unknownDistrict = await send({ kind: 'FOUND', child: childNamed(), foundAt: '2026-11-22T08:15:00+05:30', place: { districtCode: 'RJ-NOWHERE' } });
    expectProblem(unknownDistrict, 400, 'invalid-input');
    expect(unknownDistrict.body.errors).toEqual([expect.objectContaining({ field: 'place.districtCode' })]);
    const noGender = await send({ kind: 'FOUND', child: { name: 'Ravi' }, foundAt: '2026-11-22T08:15:00+05:30', place: { districtCode: 'RJ-JAIPUR' } });
    expectProblem(noGender, 400, 'invalid-input');
    expect(noGender.body.errors).toEqual([expect.objectContaining({ field: 'child.gender' })]);
    const badCoordinates = await send({ kind: 'FOUND', child: childNamed(), foundAt: '2026-11-22T08:15:00+05:30', place: { districtCode: 'RJ-JAIPUR', lat: 120 } });
    expect(badCoordinates.body.errors).toEqual([expect.objectContaining({ field: 'place.lat' })]);
    // A helpline is not the police: a missing child's report is the station's to file.
    expectProblem(await send({ kind: 'MISSING', child: childNamed(), lastSeenAt: '2026-11-22T08:15:00+05:30', place: { districtCode: 'RJ-JAIPUR' }, policeRef: 'X' }), 403, 'forbidden');
    expect(await stack.db.childReport.count({ where: { filedBy: c.clientId } })).toBe(0);
  });

  it('pages the event feed with after=, in a stable order with no gaps, and refuses a forged cursor', async () => {
    const suffix = randomBytes(3).toString('hex').toUpperCase();
    const districtCode = `RJ-F${suffix}`;
    await stack.db.district.create({ data: { code: districtCode, name: `Feed ${suffix}`, stateCode: 'RJ' } });
    const c = await register('admin.rj', { name: `NGO ${suffix}`, kind: 'NGO_CASE_SYSTEM', scopes: ['reports:write', 'reports:read', 'feed:read'], districtCode });
    expect(c).toMatchObject({ level: 'DISTRICT', districtCode });
    const empty = (await stack.http.get('/partner/v1/events').set(await tokenOf(c)).expect(200)).body;
    expect(empty).toEqual({ items: [], next: null });
    const filed: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { body } = await stack.http
        .post('/partner/v1/reports')
        .set(await tokenOf(c))
        .send({ kind: 'FOUND', child: childNamed(), foundAt: '2026-11-22T08:15:00+05:30', place: { districtCode } })
        .expect(201);
      filed.push(body.id as string);
    }
    // An event shows once every older transaction of the database server has finished: wait for the three.
    await eventually(async () => {
      const { body } = await stack.http.get('/partner/v1/events').set(await tokenOf(c)).query({ limit: 500 }).expect(200);
      return filed.every((id) => (body.items as { subject: { id: string } }[]).some((e) => e.subject.id === id)) ? true : undefined;
    }, 30_000);
    const seen: { cursor: string; type: string; subject: { id: string }; districtCode: string }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const res = await stack.http.get('/partner/v1/events').set(await tokenOf(c)).query({ limit: 2, ...(after && { after }) }).expect(200);
      const body = res.body as { items: typeof seen; next: string | null };
      expect(body.items.length).toBeLessThanOrEqual(2);
      if (body.items.length === 0) {
        expect(body.next).toBe(after);
        break;
      }
      seen.push(...body.items);
      after = body.next;
    }
    expect(seen.every((e) => e.districtCode === districtCode)).toBe(true);
    expect(seen.filter((e) => e.type === 'report.filed').map((e) => e.subject.id)).toEqual(filed);
    expect(new Set(seen.map((e) => e.cursor)).size).toBe(seen.length);

    const forged = await stack.http.get('/partner/v1/events').set(await tokenOf(c)).query({ after: b64('feed|1|x') });
    expectProblem(forged, 400, 'invalid-input');
    expect(forged.body.errors).toEqual([expect.objectContaining({ field: 'after' })]);
  });

  it('holds back what a later transaction wrote while an older one is still writing, so a cursor never skips an event', async () => {
    const suffix = randomBytes(3).toString('hex').toUpperCase();
    const districtCode = `RJ-G${suffix}`;
    await stack.db.district.create({ data: { code: districtCode, name: `Gap ${suffix}`, stateCode: 'RJ' } });
    const c = await register('admin.rj', { name: `NGO ${suffix}`, kind: 'NGO_CASE_SYSTEM', scopes: ['reports:write', 'reports:read', 'feed:read'], districtCode });
    const file = async () =>
      (await stack.http.post('/partner/v1/reports').set(await tokenOf(c)).send({ kind: 'FOUND', child: childNamed(), foundAt: '2026-11-22T08:15:00+05:30', place: { districtCode } }).expect(201)).body.id as string;
    const feed = async (after: string | null) => (await stack.http.get('/partner/v1/events').set(await tokenOf(c)).query(after ? { after } : {}).expect(200)).body as { items: { type: string; subject: { id: string } }[]; next: string | null };
    const first = await file();
    const start = await eventually(async () => {
      const page = await feed(null);
      return page.items.length > 0 ? page : undefined;
    }, 30_000);
    expect(start.items.map((e) => e.subject.id)).toEqual([first]);

    // An older transaction writes on the first report's record and has not committed when a later one files another.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let begun!: () => void;
    const writing = new Promise<void>((resolve) => (begun = resolve));
    const audit = new AuditRepository(stack.db);
    const older = stack.db.$transaction(
      async (tx) => {
        await audit.append(tx, { chain: `report:${first}`, action: 'report.noted', subjectType: 'child-report', subjectId: first, detail: {}, at: new Date() });
        begun();
        await gate;
      },
      { timeout: 30_000 },
    );
    await writing;
    const second = await file();
    // The later report is committed, yet not shown while the older transaction may still write before it.
    const during = await feed(start.next);
    expect(during).toEqual({ items: [], next: start.next });
    release();
    await older;
    const afterwards = await eventually(async () => {
      const page = await feed(start.next);
      return page.items.length >= 2 ? page : undefined;
    }, 30_000);
    expect(afterwards.items.map((e) => [e.type, e.subject.id])).toEqual([
      ['report.updated', first],
      ['report.filed', second],
    ]);
  });

  it('limits each partner to its own rate, with Retry-After', async () => {
    const c = await register('admin.rj', { name: 'A slow partner', kind: 'STATE_SYSTEM', scopes: ['reports:read'], requestsPerMinute: 2 });
    const token = await tokenOf(c);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await stack.http.get('/partner/v1/reports').set(token).query({ limit: 1 }));
    const refused = answers.find((r) => r.status === 429);
    expect(refused).toBeDefined();
    expectProblem(refused!, 429, 'too-many-requests');
    expect(Number(refused!.headers['retry-after'])).toBeGreaterThan(0);
    // Another partner is not slowed by it.
    const other = await register('admin.rj', { name: 'Another partner', kind: 'STATE_SYSTEM', scopes: ['reports:read'] });
    await stack.http.get('/partner/v1/reports').set(await tokenOf(other)).query({ limit: 1 }).expect(200);
  });
});
