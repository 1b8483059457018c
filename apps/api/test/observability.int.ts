// What an operator sees of one journey through the real API and worker: JSON log lines carrying the request's id
// from the API into the workflow and its activities, and never a child's name, a contact or a photograph (JJ Act
// s.74); /metrics by route template, guarded; one trace from the request to the activity; the probes and the
// OpenAPI document (one stack for all: this file took over health.int.ts's checks).
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import request from 'supertest';
import { loadTestConfig } from '@raksha/config';
import { startTracing, type Tracing } from '@raksha/contracts/temporal/tracing';
import { createDb, type Db } from '@raksha/db';
import { createApp } from '@raksha/api/app';
import { encodeJpeg } from '@raksha/faces';
import { startCaseWorker, type RunningWorker } from '@raksha/worker/case-worker';
import { installWorkerRuntime } from '@raksha/worker/observability';
import { bundleCaseWorkflows } from '@raksha/worker/workflow-bundle';
import { seed } from '@raksha/prisma/seed';
import { as } from '@raksha/test-support/auth';
import { eventually, type Stack } from '@raksha/test-support/stack';

/** A stream that keeps every line written to it, as a log collector would. */
function collector(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, lines };
}

const CHILD = 'Zoravar Kesarwani';
const GUARDIAN = 'Sunaina Kesarwani';
const GUARDIAN_PHONE = '9876501234';
const REPORTER_EMAIL = 'reporter.kesarwani@example.org';
// A small photograph of noise: its bytes are what must not reach a log, whether or not a face is found in it.
const PHOTO = encodeJpeg({ width: 48, height: 48, data: Uint8Array.from({ length: 48 * 48 * 3 }, (_, i) => (i * 7919) % 251) }, 80).toString('base64');

describe('operating Raksha: logs, metrics, traces and probes', () => {
  const api = collector();
  const worker = collector();
  const spans = new InMemorySpanExporter();
  let stack: Pick<Stack, 'http' | 'db' | 'config'>;
  let app: INestApplication;
  let running: RunningWorker;
  let db: Db;
  let tracing: Tracing | undefined;

  beforeAll(async () => {
    const config = loadTestConfig({ RATE_LIMIT_PER_MINUTE: '1000000', ...process.env, TEMPORAL_TASK_QUEUE: `test-${randomUUID()}`, LOG_LEVEL: 'debug', OTEL_TRACES_EXPORTER: 'console' });
    installWorkerRuntime(config, worker.stream);
    tracing = startTracing(config, 'test', spans);
    db = createDb(config.databaseUrl);
    await seed(db, config);
    running = await startCaseWorker(config, db, await bundleCaseWorkflows({ tracing: true }), undefined, tracing);
    app = await createApp(config, { checkResponses: true, logDestination: api.stream });
    await app.init();
    stack = { http: request(app.getHttpServer()), db, config };
  });
  afterAll(async () => {
    await app?.close();
    await running?.stop();
    await tracing?.shutdown();
    await db?.$disconnect();
  });

  it('carries one request id from the API through the workflow and its activities, with no child’s name, contact or photo in any log', async () => {
    const requestId = `journey-${randomUUID()}`;
    const cwc = await as(stack as Stack, 'cwc.jaipur');
    const registered = await stack.http
      .post('/cases')
      .set(cwc)
      .set('X-Request-Id', requestId)
      .send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', child: { name: CHILD, ageYears: 9, gender: 'MALE', guardians: [{ name: GUARDIAN, relation: 'MOTHER', phone: GUARDIAN_PHONE }] } })
      .expect(201);
    expect(registered.headers['x-request-id']).toBe(requestId);
    const caseId = registered.body.caseId as string;
    await stack.http.get(`/cases/${caseId}`).set(cwc).expect(200);
    // A citizen's kind of report: the child's name, a guardian, the reporter's contact and a photograph.
    const police = await as(stack as Stack, 'sho.jaipur');
    await stack.http
      .post('/reports/missing')
      .set(police)
      .send({
        child: { name: CHILD, gender: 'MALE', ageYears: { min: 9, max: 9 }, guardians: [{ relation: 'MOTHER', name: GUARDIAN }] },
        lastSeenAt: '2026-11-01T10:00:00+05:30',
        place: { districtCode: 'RJ-JAIPUR', text: 'Sanganer bus stand' },
        policeRef: 'MISSING-DIARY 922/2026',
        reporter: { name: GUARDIAN, phone: GUARDIAN_PHONE, email: REPORTER_EMAIL },
        photo: { contentType: 'image/jpeg', base64: PHOTO },
      })
      .expect(201);
    // A malformed id is not trusted: the API gives the request one of its own.
    const replaced = await stack.http.get('/health/live').set('X-Request-Id', 'no spaces allowed').expect(200);
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

    const parsed = (lines: string[]) => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const apiLine = await eventually(async () => parsed(api.lines).find((l) => JSON.stringify(l).includes(requestId) && l.msg === 'POST /cases 201'));
    expect(apiLine).toMatchObject({ level: 30, service: 'api', route: '/cases', req: { id: requestId, method: 'POST', path: '/cases' }, res: { statusCode: 201 } });
    // The workflow's line for the registration, and the activities it ran, name the request.
    const workerLines = await eventually(async () => {
      const mine = parsed(worker.lines).filter((l) => l.requestId === requestId);
      return mine.some((l) => l.msg === 'update handled') && mine.some((l) => typeof l.activityType === 'string') ? mine : undefined;
    });
    expect(workerLines.find((l) => l.msg === 'update handled')).toMatchObject({ service: 'worker', workflowType: 'caseWorkflow', workflowId: `case-${caseId}` });

    // Everything both processes wrote, JSON and all: no name, phone, email or photo bytes.
    const everything = [...api.lines, ...worker.lines].join('\n');
    expect(api.lines.length + worker.lines.length).toBeGreaterThan(20);
    for (const secret of [CHILD, ...CHILD.split(' '), GUARDIAN, GUARDIAN_PHONE, REPORTER_EMAIL, PHOTO.slice(0, 32), PHOTO.slice(-64, -32)]) expect(everything).not.toContain(secret);

    // One trace from the request through the Update into the workflow and its activity.
    const server = spans.getFinishedSpans().find((s) => s.name === 'POST /cases' && s.attributes['raksha.request_id'] === requestId);
    const trace = spans.getFinishedSpans().filter((s) => s.spanContext().traceId === server?.spanContext().traceId).map((s) => s.name);
    expect(apiLine.traceId).toBe(server?.spanContext().traceId);
    expect(trace).toEqual(expect.arrayContaining(['POST /cases', 'StartWorkflow:caseWorkflow', 'StartWorkflowUpdate:registration', 'HandleUpdate:registration', 'RunActivity:recordTransition']));
  });

  it('serves Prometheus metrics by route template to a local scraper only, and probes for liveness and readiness', async () => {
    const cwc = await as(stack as Stack, 'cwc.jaipur');
    const caseId = randomUUID();
    await stack.http.get(`/cases/${caseId}`).set(cwc).expect(404);
    await stack.http.get('/health/live').expect(200, { status: 'up' });
    for (const probe of ['/health/ready', '/health']) {
      const ready = await stack.http.get(probe).expect(200);
      expect(ready.body).toMatchObject({ status: 'up', dependencies: { postgres: { status: 'up' }, redis: { status: 'up' }, temporal: { status: 'up' } } });
    }

    const { text } = await stack.http.get('/metrics').expect(200).expect('content-type', /text\/plain/);
    expect(text).toMatch(/raksha_http_request_duration_seconds_count\{[^}]*method="GET",route="\/cases\/:id",status="404"[^}]*\} [1-9]/);
    expect(text).not.toContain(caseId);
    expect(text).toMatch(/raksha_queue_jobs\{[^}]*queue="raksha-notifications",state="failed"[^}]*\} \d+/);
    expect(text).toContain('# TYPE raksha_escalations_open gauge');
    expect(text).toContain('# TYPE raksha_deliveries_failed gauge');
    expect(text).toMatch(/raksha_metrics_source_up\{[^}]*source="postgres"[^}]*\} 1/);
    expect(text).toMatch(/raksha_metrics_source_up\{[^}]*source="redis"[^}]*\} 1/);
    expect(text).toContain('process_resident_memory_bytes');
    // Relayed by a proxy (to the internet, for all the API knows): not there.
    await stack.http.get('/metrics').set('X-Forwarded-For', '203.0.113.9').expect(404);
  });

  it('serves the OpenAPI document, the probes in it, and Swagger UI', async () => {
    const doc = await stack.http.get('/docs/openapi.json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/health', '/health/live', '/health/ready', '/cases', '/cases/{id}', '/cases/{id}/events']));
    expect(Object.keys(doc.body.paths)).not.toContain('/metrics');
    const ui = await stack.http.get('/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger-ui');
  });
});
