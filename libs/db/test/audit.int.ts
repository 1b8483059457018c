// The audit trail is append-only and hash-chained per case: the verifier names any row edited,
// deleted, re-linked or cut from the end, through the same command an operator runs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { auditHash, AuditRepository, CaseRepository, createDb, type Db } from '@raksha/db';
import { testSealer } from '@raksha/test-support/child-reports';
import { seed } from '@raksha/prisma/seed';
import { createScratchDb, type ScratchDb } from '@raksha/test-support/scratch-db';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

function auditVerify(databaseUrl: string) {
  const r = spawnSync(process.execPath, ['--import', '@swc-node/register/esm-register', 'scripts/audit-verify.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('audit hash chain', () => {
  let scratch: ScratchDb;
  let db: Db;
  let caseId: string;
  const chain = () => `case:${caseId}`;

  beforeAll(async () => {
    scratch = await createScratchDb();
    db = createDb(scratch.url);
    await seed(db);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await scratch?.drop();
  });

  beforeEach(async () => {
    // Each test starts from a clean, intact case history of three steps.
    await db.auditEntry.deleteMany({});
    await db.timelineEntry.deleteMany({});
    await db.childProfileVersion.deleteMany({});
    await db.case.deleteMany({});
    caseId = randomUUID();
    const cases = new CaseRepository(db, testSealer());
    const base = { caseId, fromState: null, actorId: 'u1', actorRole: 'CWC_MEMBER', payload: {}, openDeadlines: [] };
    await cases.recordTransition({
      ...base,
      sequence: 0,
      eventType: 'REGISTERED',
      toState: 'cncp.awaitingProduction',
      phase: 'PRODUCTION',
      occurredAt: new Date('2026-11-01T10:00:00Z'),
      registration: { track: 'CNCP', districtCode: 'RJ-JAIPUR', stateCode: 'RJ', childName: null, registeredAt: new Date('2026-11-01T10:00:00Z'), registeredBy: 'u1' },
    });
    await cases.recordTransition({ ...base, sequence: 1, eventType: 'PRODUCED_BEFORE_CWC', toState: 'b', phase: 'INQUIRY', occurredAt: new Date('2026-11-01T12:00:00Z') });
    await cases.recordTransition({ ...base, sequence: 2, eventType: 'INTERIM_PLACEMENT_ORDERED', toState: 'c', phase: 'INQUIRY', occurredAt: new Date('2026-11-01T13:00:00Z') });
  });

  it('verifies an untouched history, and the command exits 0', async () => {
    expect(await new AuditRepository(db).verifyChain(chain(), 3)).toEqual([]);
    const run = auditVerify(scratch.url);
    expect(run.out).toContain('1 audit chain(s) verified, 0 break(s)');
    expect(run.status).toBe(0);
  });

  it('names an entry whose content was edited in the database', async () => {
    await db.$executeRawUnsafe(`UPDATE "AuditEntry" SET "actorId" = 'someone-else' WHERE chain = $1 AND position = 2`, chain());
    const run = auditVerify(scratch.url);
    expect(run.status).toBe(1);
    expect(run.out).toContain(`BROKEN ${chain()} at position 2: hash-mismatch`);
  });

  it('names an entry deleted from the middle', async () => {
    await db.$executeRawUnsafe(`DELETE FROM "AuditEntry" WHERE chain = $1 AND position = 2`, chain());
    const breaks = await new AuditRepository(db).verifyChain(chain(), 3);
    expect(breaks).toEqual(expect.arrayContaining([{ chain: chain(), position: 2, reason: 'missing-entry' }]));
    expect(auditVerify(scratch.url).status).toBe(1);
  });

  it('names entries cut from the end of a case history', async () => {
    await db.$executeRawUnsafe(`DELETE FROM "AuditEntry" WHERE chain = $1 AND position = 3`, chain());
    const run = auditVerify(scratch.url);
    expect(run.status).toBe(1);
    expect(run.out).toContain(`BROKEN ${chain()} at position 3: missing-tail`);
  });

  it('catches an edit whose hash was recomputed to hide it, at the link to the next entry', async () => {
    const second = await db.auditEntry.findFirstOrThrow({ where: { chain: chain(), position: 2 } });
    const forged = { ...second, actorId: 'someone-else' };
    await db.auditEntry.update({ where: { id: second.id }, data: { actorId: forged.actorId, hash: auditHash(forged) } });
    const breaks = await new AuditRepository(db).verifyChain(chain(), 3);
    expect(breaks).toEqual([{ chain: chain(), position: 3, reason: 'broken-link' }]);
  });
});
