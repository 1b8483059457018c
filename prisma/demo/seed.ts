// `npm run demo:data` (run by `npm start` once its worker and API are up): a year of realistic demo work in the demo
// districts, so that a newcomer signs in to a system in use (docs/demo-data.md). Through the services, never behind
// them: each child's case is started as the API's registration starts one (the same case workflow) and brought to where
// its history says by the machine's own events at their dates, as a ported register's children are (docs/porting.md,
// each step marked imported from the "Raksha demo" register); reports are filed, accepted and their matches confirmed
// through the API's ReportsService, as the demo districts' station officers and the demo citizen. Deterministic for a
// day (prisma/demo/plan.ts) and idempotent: a second run finds it all there and does nothing; a run cut short is
// finished by the next. Never for a deployment.
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { legacyCaseId } from '@raksha/activities';
import type { Principal } from '@raksha/api/auth/principal';
import { idempotentId } from '@raksha/api/infrastructure/idempotency';
import type { ReportsService } from '@raksha/api/reports/reports.service';
import { deadlineOverridesOf, type DeadlinePolicyOverrides } from '@raksha/case-machine';
import { loadConfig, redisConnectionOptions, requireDataKeys, type RakshaConfig } from '@raksha/config';
import { MATCHING_QUEUE } from '@raksha/contracts';
import type { CaseActor } from '@raksha/contracts/temporal';
import { caseDataConverter } from '@raksha/contracts/temporal/payload-codec';
import { createDb, DeadlinePolicyRepository, type Db } from '@raksha/db';
import { rollUpTrends, trendRollupDeps } from '@raksha/worker/trend-rollup';
import type { BodyType, Role } from '@raksha/domain';
import { demoUserId } from '../seed-users.js';
import { SEED_STATES } from '../seed-data.js';
import { DEMO_REGISTER, DEMO_SOURCE, planDemo, type DemoCase, type DemoPlan, type DemoReport } from './plan.js';

/** The import id every demo case's workflow carries in its memo: a second run knows the cases it started itself. */
const DEMO_IMPORT_ID = 'raksha-demo-data';
const CASES_AT_ONCE = 16;
/** How long the run waits for the worker: to replay the cases' histories, and to match the reports. */
const WAIT_MS = 6 * 60_000;

/**
 * Ids of the demo's cases and reports: the same for the same database on every run, another database's otherwise. A
 * case's workflow id is never used twice on a Temporal server (REJECT_DUPLICATE), so a database made afresh next to the
 * same Temporal store (`npm run db:reset`, a second checkout) gets demo cases of its own rather than none.
 */
interface DemoIds {
  caseId(c: Pick<DemoCase, 'recordId'>): string;
  reportKey(r: Pick<DemoReport, 'recordId'>): string;
  reportId(r: Pick<DemoReport, 'recordId' | 'filedBy'>): string;
}
async function demoIds(db: Db, today: Date): Promise<DemoIds> {
  // The database's own mark (when its national administrator was created, the demo seed's first step) and the day the
  // demo is planned for: another day's plan has other dates, so other ids (and a database seeded then keeps its own).
  const { createdAt } = await db.user.findUniqueOrThrow({ where: { id: demoUserId('admin.india') }, select: { createdAt: true } });
  const salt = `${createdAt.getTime().toString(36)}:${today.toISOString().slice(0, 10)}`;
  const reportKey = (r: Pick<DemoReport, 'recordId'>) => `demo-data:${salt}:${r.recordId}`;
  return {
    caseId: (c) => legacyCaseId(DEMO_SOURCE, `${salt}:${c.recordId}`),
    reportKey,
    reportId: (r) => idempotentId(demoUserId(r.filedBy), reportKey(r), 'report'),
  };
}

/** Whether the day's demo is all there: every case projected with its whole history, every report filed. */
async function complete(db: Db, plan: DemoPlan, id: DemoIds): Promise<boolean> {
  const ids = plan.cases.map(id.caseId);
  const [cases, steps, reports] = await Promise.all([
    db.case.count({ where: { id: { in: ids } } }),
    db.timelineEntry.count({ where: { caseId: { in: ids }, importedFrom: DEMO_REGISTER } }),
    db.childReport.count({ where: { id: { in: plan.reports.map(id.reportId) } } }),
  ]);
  return cases === plan.cases.length && steps >= historySteps(plan) && reports === plan.reports.length;
}
/** The timeline entries the demo's cases have once replayed: each case's registration and each step of its history. */
const historySteps = (plan: DemoPlan) => plan.cases.reduce((n, c) => n + 1 + c.history.length, 0);

/** Any demo case at all: a database seeded on an earlier day keeps that day's demo (a new day would plan other dates). */
async function seededBefore(db: Db): Promise<boolean> {
  return (await db.timelineEntry.count({ where: { importedFrom: DEMO_REGISTER }, take: 1 })) > 0;
}

export async function seedDemoData(db: Db, config: RakshaConfig, today = new Date(), log = (line: string) => console.log(line)): Promise<'SEEDED' | 'ALREADY_THERE'> {
  const plan = planDemo(today);
  const id = await demoIds(db, today);
  if (await complete(db, plan, id)) return 'ALREADY_THERE';
  if ((await db.case.count({ where: { id: id.caseId(plan.cases[0]!) } })) === 0 && (await seededBefore(db))) return 'ALREADY_THERE';
  const started = Date.now();
  log(`[demo] a year of demo work: ${plan.cases.length} cases, ${plan.reports.length} missing and found reports (docs/demo-data.md)`);
  const cases = await startCases(db, config, plan, id, log);
  // The API's own services, as its endpoints use them (loaded only now: a second start ends before needing them).
  const [{ createApp }, { ReportsService }] = await Promise.all([import('@raksha/api/app'), import('@raksha/api/reports/reports.service')]);
  const app = await createApp(config);
  try {
    await fileReports(db, config, app.get(ReportsService), plan, id, log);
  } finally {
    await app.close();
  }
  await waitForHistories(db, plan, id, log);
  // The year's months in the dashboards' trends now, not at the worker's next nightly roll-up.
  await rollUpTrends(trendRollupDeps(db), today);
  log(`[demo] ${plan.cases.length} cases (${cases} started now) and ${plan.reports.length} reports in ${Math.round((Date.now() - started) / 1000)} s`);
  return 'SEEDED';
}

/** Each child's case, started as a registration starts one, replaying its history on the worker. */
async function startCases(db: Db, config: RakshaConfig, plan: DemoPlan, id: DemoIds, log: (line: string) => void): Promise<number> {
  const policies = new Map<string, DeadlinePolicyOverrides>();
  const repo = new DeadlinePolicyRepository(db);
  for (const s of SEED_STATES) policies.set(s.code, deadlineOverridesOf(await repo.forState(s.code)));
  const actors = new Map<string, CaseActor>();
  for (const username of new Set(plan.cases.map((c) => c.registeredBy))) {
    const u = await db.user.findUniqueOrThrow({ where: { id: demoUserId(username) }, select: { id: true, roles: true, body: { select: { id: true, type: true } } } });
    actors.set(username, { id: u.id, role: u.roles[0] as Role, body: u.body!.type as BodyType, bodyId: u.body!.id });
  }
  const present = new Set((await db.case.findMany({ where: { id: { in: plan.cases.map(id.caseId) } }, select: { id: true } })).map((c) => c.id));
  const [{ Client, Connection }, { caseStarter }] = await Promise.all([import('@temporalio/client'), import('@raksha/worker/case-starter')]);
  const connection = await Connection.connect({ address: config.temporal.address });
  let count = 0;
  try {
    const starter = caseStarter(new Client({ connection, namespace: config.temporal.namespace, dataConverter: caseDataConverter(requireDataKeys(config)) }), config.temporal.taskQueue);
    const todo = plan.cases.filter((c) => !present.has(id.caseId(c)));
    for (let i = 0; i < todo.length; i += CASES_AT_ONCE) {
      await Promise.all(
        todo.slice(i, i + CASES_AT_ONCE).map(async (c) => {
          const policy = policies.get(c.stateCode);
          const outcome = await starter.start({
            caseId: id.caseId(c),
            track: c.track,
            districtCode: c.districtCode,
            stateCode: c.stateCode,
            ...(c.thanaCode && { thanaCode: c.thanaCode }),
            child: c.child,
            registeredAt: c.registeredAt,
            registeredBy: actors.get(c.registeredBy)!,
            ...(policy && Object.keys(policy).length ? { deadlinePolicy: policy } : {}),
            // Dated as its registration, not today: the demo is a year lived, so a deadline missed in it climbs its
            // ladder (DCPU, then SCPS) now, without the grace a real port of a register gets (docs/porting.md).
            imported: { register: DEMO_REGISTER, source: DEMO_SOURCE, recordId: c.recordId, importId: DEMO_IMPORT_ID, importedAt: c.registeredAt, history: c.history },
          });
          if (outcome === 'STARTED') count++;
        }),
      );
      if ((i / CASES_AT_ONCE) % 8 === 7) log(`[demo] cases started: ${Math.min(i + CASES_AT_ONCE, todo.length)}/${todo.length}`);
    }
  } finally {
    await connection.close();
  }
  return count;
}

/** The signed-in person a demo user is, as the API's sign-in would make them (past the second step). */
async function principalOf(db: Db, username: string): Promise<Principal> {
  const u = await db.user.findUniqueOrThrow({ where: { id: demoUserId(username) }, include: { body: true } });
  const body = u.body && { id: u.body.id, type: u.body.type as BodyType, name: u.body.name, level: u.body.level as 'DISTRICT', stateCode: u.body.stateCode, districtCode: u.body.districtCode, thanaCode: u.body.thanaCode };
  return { userId: u.id, username: u.username, displayName: u.displayName, roles: u.roles as Role[], body, secondStep: { required: false, enrolled: true }, sessionId: `demo-data:${randomUUID()}`, enrolmentOnly: false };
}

/**
 * The reports, each filed by its officer (or the demo citizen, whose reports the station accepts), under an idempotency
 * key of its own; then, once the worker has matched them, the matches the police confirm.
 */
async function fileReports(db: Db, config: RakshaConfig, reports: ReportsService, plan: DemoPlan, id: DemoIds, log: (line: string) => void): Promise<void> {
  const principals = new Map<string, Principal>();
  const as = async (username: string) => principals.get(username) ?? principals.set(username, await principalOf(db, username)).get(username)!;
  await verifiedCitizen(db, plan);
  const filed = new Map<string, string>();
  for (const r of plan.reports) {
    const p = await as(r.filedBy);
    const place = { districtCode: r.districtCode };
    const view =
      r.kind === 'MISSING'
        ? await reports.fileMissing(p, { child: r.child, lastSeenAt: r.occurredAt, place, ...(r.policeRef && { policeRef: r.policeRef }) }, id.reportKey(r))
        : await reports.fileFound(p, { child: r.child, foundAt: r.occurredAt, place }, id.reportKey(r));
    filed.set(r.recordId, view.id);
    // The station accepts a citizen's report (all but the last, left for the newcomer to accept).
    if (view.status === 'PENDING_ACCEPTANCE' && r !== plan.reports.filter((x) => x.filedBy === r.filedBy).at(-1)) {
      await reports.accept(await as(`sho.${r.districtCode === 'MH-PUNE' ? 'pune' : r.districtCode === 'RJ-JODHPUR' ? 'jodhpur' : 'jaipur'}`), view.id, { policeRef: `MPR/${r.districtCode.slice(3)}/C/${r.recordId.slice(-3)}` });
    }
  }
  log(`[demo] ${plan.reports.length} missing and found reports filed; confirming matches once the worker has matched them`);
  const pairs = plan.reports.filter((r) => r.kind === 'FOUND' && r.sameChildAs && r.confirm).map((r) => ({ found: r, missing: plan.reports.find((m) => m.recordId === r.sameChildAs)! }));
  await matchingDone(config);
  let confirmed = 0;
  for (const pair of pairs) {
    const candidate = await db.matchCandidate.findFirst({ where: { missingId: filed.get(pair.missing.recordId)!, foundId: filed.get(pair.found.recordId)! }, select: { id: true, status: true } });
    // The matcher may not keep a pair whose found report says too little: that child stays unmatched in the demo.
    if (candidate?.status !== 'PROPOSED') continue;
    await reports.decide(await as(pair.missing.filedBy), candidate.id, { decision: 'CONFIRM', note: 'Identified by the parents at the station; photo and marks agree' });
    confirmed++;
  }
  log(`[demo] ${confirmed} of ${pairs.length} planned matches confirmed`);
}

/** Until the worker's matching queue is empty (every report filed matched), or the wait is over. */
async function matchingDone(config: RakshaConfig): Promise<void> {
  const queue = new Queue(MATCHING_QUEUE, { connection: redisConnectionOptions(config.redisUrl) });
  try {
    const deadline = Date.now() + WAIT_MS;
    while (Date.now() < deadline) {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      if (Object.values(counts).every((n) => n === 0)) return;
      await new Promise((r) => setTimeout(r, 2000));
    }
  } finally {
    await queue.close();
  }
}

/** The demo citizen files with a verified email (a citizen must, to file), as `npm run db:seed` gives the officers theirs. */
async function verifiedCitizen(db: Db, plan: DemoPlan): Promise<void> {
  for (const username of new Set(plan.reports.filter((r) => r.filedBy.startsWith('citizen.')).map((r) => r.filedBy))) {
    const userId = demoUserId(username);
    if (await db.contactVerification.findFirst({ where: { userId, verifiedAt: { not: null } } })) continue;
    const at = new Date();
    await db.contactVerification.create({ data: { id: randomUUID(), userId, channel: 'EMAIL', address: `${username}@raksha.invalid`, codeHash: 'seeded', expiresAt: at, verifiedAt: at, createdAt: at } });
  }
}

/** Until the worker has replayed every case's history (each step projected), with progress. */
async function waitForHistories(db: Db, plan: DemoPlan, id: DemoIds, log: (line: string) => void): Promise<void> {
  const ids = plan.cases.map(id.caseId);
  const total = historySteps(plan);
  const deadline = Date.now() + WAIT_MS;
  for (let last = -1; ; ) {
    const steps = await db.timelineEntry.count({ where: { caseId: { in: ids }, importedFrom: DEMO_REGISTER } });
    if (steps >= total) return;
    if (Date.now() > deadline) {
      log(`[demo] ${steps}/${total} steps of the cases' histories replayed; the worker goes on with the rest`);
      return;
    }
    if (steps !== last) log(`[demo] replaying the cases' histories: ${steps}/${total} steps`);
    last = steps;
    await new Promise((r) => setTimeout(r, 3000));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = loadConfig();
  const db = createDb(config.databaseUrl);
  try {
    const outcome = await seedDemoData(db, config);
    if (outcome === 'ALREADY_THERE') console.log('[demo] the demo data is there already');
  } finally {
    await db.$disconnect();
  }
}
