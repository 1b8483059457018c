// Backups that restore: a backup taken while cases are being registered and worked, restored into a fresh database and
// a fresh Temporal store, runs on: the open cases take events, their statutory timers fire, the audit chains verify.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { loadTestConfig } from '@raksha/config';
import { caseWorkflowId } from '@raksha/contracts/temporal';
import { AuditRepository } from '@raksha/db';
import { DocumentStore } from '@raksha/documents';
import { caseWorkflowBundle } from '../support/workflow-bundle.js';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { as } from '@raksha/test-support/auth';
import { createScratchDb, type ScratchDb } from '@raksha/test-support/scratch-db';
import { eventually, startStack, type Stack } from '@raksha/test-support/stack';
import { startTemporalDevServer, type TemporalDevServer } from '@raksha/test-support/temporal-dev-server';
import { takeBackup } from '../../scripts/backup/backup.js';
import { restoreBackup, RestoreRefused } from '../../scripts/backup/restore.js';

const run = promisify(execFile);
/** Rajasthan's production period here: none runs out before the backup (taken seconds after registration), all within the test. */
const PRODUCTION_PERIOD = 'PT20S';

describe('npm run backup / npm run restore', () => {
  let bundle: WorkflowBundleWithSourceMap;
  let work: string;
  let source: ScratchDb;
  let restoredUrl: string;
  let temporalBefore: TemporalDevServer | undefined;
  let temporalAfter: TemporalDevServer | undefined;
  let before: Stack | undefined;
  let after: Stack | undefined;
  const taskQueue = `backup-${randomUUID()}`;
  const redisUrl = loadTestConfig().redisUrl;
  const marker = `raksha:backup-test:${randomUUID()}`;

  beforeAll(async () => {
    bundle = await caseWorkflowBundle();
    work = await mkdtemp(join(tmpdir(), 'raksha-backup-'));
    source = await createScratchDb();
    restoredUrl = Object.assign(new URL(source.url), { pathname: `/raksha_restored_${randomBytes(4).toString('hex')}` }).toString();
  });

  afterAll(async () => {
    await after?.stop();
    await temporalAfter?.stop();
    await before?.stop().catch(() => undefined);
    await temporalBefore?.stop();
    await source?.drop();
    const admin = new pg.Client({ connectionString: loadTestConfig().databaseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(new URL(restoredUrl).pathname.slice(1))} WITH (FORCE)`).finally(() => admin.end());
    const redis = new Redis(redisUrl);
    await redis.del(marker);
    redis.disconnect();
    await rm(work, { recursive: true, force: true });
  });

  it('restores a backup taken mid-load into a fresh database and Temporal store: open cases continue, their timers fire, the audit chains verify', async () => {
    // A running system: its own Temporal store, database and task queue, cases being registered.
    temporalBefore = await startTemporalDevServer(join(work, 'before.sqlite'));
    const stackVars = (databaseUrl: string, temporal: TemporalDevServer) => ({ TEST_DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_TASK_QUEUE: taskQueue });
    before = await startStack(bundle, stackVars(source.url, temporalBefore));
    await before.http
      .put('/states/RJ/deadline-policy/cncp.production')
      .set(await as(before, 'scps.rj'))
      .send({ within: PRODUCTION_PERIOD, reason: 'a backup test: the period falls due after the restore' })
      .expect(200);
    const cwc = await as(before, 'cwc.jaipur');
    const register = (i: number) =>
      before!.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', child: { name: `Backup Child ${i}`, ageYears: 8 } }).expect(201);
    for (let i = 0; i < 3; i++) await register(i);
    // a Pune case, under the statutory 24 hours: produced after the restore, whenever that is
    const produced: string = (
      await before.http.post('/cases').set(await as(before, 'cwc.pune')).send({ track: 'CNCP', districtCode: 'MH-PUNE', child: { name: 'Backup Child Pune', ageYears: 8 } }).expect(201)
    ).body.caseId;
    const redis = new Redis(redisUrl);
    await redis.set(marker, 'queued before the backup');
    redis.disconnect();
    // an order's file in the documents' directory (its row would name it by this hash)
    const documents = new DocumentStore(join(work, 'documents'));
    const order = Buffer.from('%PDF-1.7 an order of the CWC, kept with the case');
    const orderHash = await documents.put(order);

    // The backup, while more registrations arrive.
    const [{ dir, manifest }] = await Promise.all([
      takeBackup({ databaseUrl: source.url, temporal: { kind: 'sqlite', file: join(work, 'before.sqlite') }, redisUrl, documentsDir: documents.dir }, join(work, 'backups')),
      Promise.all([3, 4, 5].map(register)),
    ]);
    expect(manifest.files.map((f) => f.name)).toEqual(['documents.tar', 'postgres.dump', 'redis.rdb', 'temporal.sqlite']);
    expect(manifest.documents).toEqual({ file: 'documents.tar', count: 1 });
    const sums = await readFile(join(dir, 'SHA256SUMS'), 'utf8');
    await expect(run('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir })).resolves.toBeDefined();
    expect(sums.split('\n').filter(Boolean)).toHaveLength(4);
    await before.stop();
    before = undefined;
    await temporalBefore.stop();
    temporalBefore = undefined;

    // Restored into fresh places only; then the system starts on them.
    const restoredTemporal = join(work, 'restored', 'temporal.sqlite');
    const restoredDocuments = new DocumentStore(join(work, 'restored', 'documents'));
    await restoreBackup(dir, { databaseUrl: restoredUrl, temporal: { kind: 'sqlite', file: restoredTemporal }, redisDir: join(work, 'restored', 'redis'), documentsDir: restoredDocuments.dir });
    expect(await restoredDocuments.get(orderHash)).toEqual(order);
    await expect(restoreBackup(dir, { databaseUrl: restoredUrl, temporal: { kind: 'sqlite', file: join(work, 'other.sqlite') } })).rejects.toThrow(RestoreRefused);
    const restored = new pg.Client({ connectionString: restoredUrl });
    await restored.connect();
    const { rows } = await restored.query('SELECT count(*)::int AS n FROM "Escalation"').finally(() => restored.end());
    expect(rows[0].n).toBe(0); // no period had run out when the backup was taken: what escalates below, escalates after the restore
    temporalAfter = await startTemporalDevServer(restoredTemporal);
    after = await startStack(bundle, stackVars(restoredUrl, temporalAfter));

    // The database and the workflows agree: every case restored has its workflow running, and every workflow its case
    // (a registration the lock held back is written by its activity, run again after the restore).
    const client = await after.temporal();
    const running = async () => {
      const ids: string[] = [];
      for await (const w of client.workflow.list({ query: "WorkflowType = 'caseWorkflow' AND ExecutionStatus = 'Running'" })) ids.push(w.workflowId);
      return ids.sort();
    };
    const cases = await eventually(async () => {
      const rows = await after!.db.case.findMany({ select: { id: true } });
      const ids = rows.map((c) => caseWorkflowId(c.id)).sort();
      return JSON.stringify(ids) === JSON.stringify(await running()) ? rows : undefined;
    }, 30_000);
    expect(cases.map((c) => c.id)).toContain(produced);
    expect(cases.length).toBeGreaterThanOrEqual(4);

    // An open case takes the next event; the others' production periods run out after the restore and escalate.
    const waiting = cases.map((c) => c.id).filter((id) => id !== produced);
    await after.http
      .post(`/cases/${produced}/events`)
      .set(await as(after, 'cwc.pune'))
      .send({ type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'LOST', producedBy: 'SJPU Pune' } })
      .expect(200);
    await eventually(async () => ((await after!.db.escalation.count({ where: { caseId: { in: waiting } } })) >= waiting.length ? true : undefined), 90_000);
    expect(await after.db.escalation.count({ where: { caseId: produced } })).toBe(0);

    // The audit chains came through whole, and Redis's queued work with them.
    const { chains, breaks } = await new AuditRepository(after.db).verifyAll();
    expect(chains).toBeGreaterThan(0);
    expect(breaks).toEqual([]);
    const socket = join(work, 'restored', 'check.sock');
    await run('redis-server', ['--daemonize', 'yes', '--port', '0', '--unixsocket', socket, '--dir', join(work, 'restored', 'redis'), '--appendonly', 'yes']);
    await eventually(async () => ((await run('redis-cli', ['-s', socket, 'ping']).catch(() => ({ stdout: '' }))).stdout.includes('PONG') ? true : undefined));
    const restoredMarker = await run('redis-cli', ['-s', socket, '-n', new URL(redisUrl).pathname.slice(1) || '0', 'get', marker]);
    await run('redis-cli', ['-s', socket, 'shutdown', 'nosave']).catch(() => undefined);
    expect(restoredMarker.stdout.trim()).toBe('queued before the backup');
  }, 240_000);
});
