// `npm run bench:porting`: porting a legacy register of N reports (TrackChild-like CSV, 4 missing to 1 found) with the
// worker as `npm start` runs it — time to import, time until every imported report is matched on the throttled
// backfill queue, and the latency of live case events (a registration and a production before the CWC, one after the
// other) before and while it runs. Not a test: it prints figures; docs/benchmarks.md records a run.
// Usage: npm run bench:porting -- [--reports 100000] [--matching-per-second 50] [--probe-ms 500] [--baseline-s 20]
//        [--database-url …bench…] [--admin-url …] [--redis-url redis://127.0.0.1:6379/9] [--temporal-address 127.0.0.1:7233]
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import { Client, Connection } from '@temporalio/client';
import { enqueueLegacyImport, loadLegacySource, readExport, stageLegacyImport } from '@raksha/activities';
import { loadTestConfig, redisConnectionOptions, requireDataKeys } from '@raksha/config';
import { BACKFILL_MATCHING_QUEUE, LEGACY_IMPORT_QUEUE, MATCHING_QUEUE } from '@raksha/contracts';
import { caseDataConverter } from '@raksha/contracts/temporal/payload-codec';
import { applyEventUpdate, type CaseRegistration, caseWorkflowId, registrationUpdate } from '@raksha/contracts/temporal';
import { createDb, LegacyImportRepository, Sealer } from '@raksha/db';
import { startCaseWorker } from '@raksha/worker/case-worker';
import { bundleCaseWorkflows } from '@raksha/worker/workflow-bundle';
import { assertBenchRedis, prepareBenchDatabase } from './lib/setup.js';
import { formatMs, percentile, round, summarise } from './lib/stats.js';

const { values: args } = parseArgs({
  options: {
    reports: { type: 'string', default: '100000' },
    'matching-per-second': { type: 'string', default: '50' },
    'probe-ms': { type: 'string', default: '500' },
    'baseline-s': { type: 'string', default: '20' },
    'database-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgresql://raksha:raksha@127.0.0.1:5432/raksha_bench' },
    'admin-url': { type: 'string' },
    'redis-url': { type: 'string', default: 'redis://127.0.0.1:6379/9' },
    'temporal-address': { type: 'string', default: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log('npm run bench:porting -- [--reports 100000] [--matching-per-second 50] [--probe-ms 500] [--baseline-s 20] [--database-url …] [--redis-url …] [--temporal-address …]');
  process.exit(0);
}
const N = Number(args.reports);
const benchUrl = args['database-url']!;
const adminUrl = args['admin-url'] ?? benchUrl.replace(/\/[^/]*$/, '/postgres');
const redisUrl = args['redis-url']!;
assertBenchRedis(redisUrl);
const log = (m: string) => console.log(`[bench:porting ${new Date().toISOString().slice(11, 19)}] ${m}`);

// A register's worth of children: names common and rare, as a state's register has them.
const GIVEN = ['Aarav', 'Pooja', 'Rahul', 'Sunita', 'Mohit', 'Priya', 'Arjun', 'Kavita', 'Ravi', 'Lakshmi', 'Suresh', 'Anita', 'Deepak', 'Neha', 'Vijay', 'Rekha', 'Manoj', 'Geeta', 'Sanjay', 'Kiran', 'Ajay', 'Meena', 'Rohit', 'Seema', 'Amit', 'Rani', 'Karan', 'Shanti', 'Vikas', 'Radha'];
const FAMILY = ['Meena', 'Sharma', 'Kumar', 'Singh', 'Jat', 'Gurjar', 'Bishnoi', 'Rathore', 'Verma', 'Yadav', 'Saini', 'Prajapat', 'Bairwa', 'Joshi', 'Chauhan', 'Mali', 'Regar', 'Khan', 'Qureshi', 'Devi'];
const FATHERS = ['Ramesh', 'Suresh', 'Mahesh', 'Dinesh', 'Mukesh', 'Rajesh', 'Naresh', 'Ganesh', 'Prakash', 'Kailash', 'Mohan', 'Shyam', 'Gopal', 'Hari', 'Bhanwar'];
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 2 ** 32);
}
const csvField = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

function register(districts: readonly string[]): string {
  const r = rng(2026);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const lines = ['childId,childStatus,child.name,child.gender,child.age,family.fatherName,eventDate,stateName,districtName,place,firNo'];
  for (let i = 0; i < N; i++) {
    const family = pick(FAMILY);
    const found = r() < 0.2;
    const d = new Date(Date.UTC(2019, 0, 1) + Math.floor(r() * 6 * 365) * 86_400_000);
    const date = `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
    lines.push(
      [`BENCH-${i}`, found ? 'Found' : 'Missing', `${pick(GIVEN)} ${family}`, r() < 0.5 ? 'Male' : 'Female', String(3 + Math.floor(r() * 15)), `${pick(FATHERS)} ${family}`, date, 'Rajasthan', pick(districts), 'bus stand', found ? '' : `DD ${i}/${d.getUTCFullYear()}`]
        .map(csvField)
        .join(','),
    );
  }
  return lines.join('\n') + '\n';
}

log(`preparing ${benchUrl} (migrations, seed) and Redis ${redisUrl}`);
await prepareBenchDatabase(adminUrl, benchUrl);
const config = loadTestConfig({ ...process.env, TEST_DATABASE_URL: benchUrl, TEST_REDIS_URL: redisUrl, TEMPORAL_ADDRESS: args['temporal-address']!, TEMPORAL_TASK_QUEUE: `bench-porting-${randomUUID().slice(0, 8)}`, IMPORT_MATCHING_PER_SECOND: args['matching-per-second']!, LOG_LEVEL: 'error', WORKER_DELIVERS_NOTIFICATIONS: 'false' });
// The worker must use the bench's database and Redis database, never the tests' or the app's.
if (config.databaseUrl !== benchUrl || config.redisUrl !== redisUrl) throw new Error('the worker\'s configuration does not name the bench database and Redis database');
const redis = redisConnectionOptions(redisUrl);
for (const name of [MATCHING_QUEUE, BACKFILL_MATCHING_QUEUE, LEGACY_IMPORT_QUEUE]) {
  const q = new Queue(name, { connection: redis });
  await q.obliterate({ force: true });
  await q.close();
}
const db = createDb(benchUrl);
const importer = await db.user.findUniqueOrThrow({ where: { username: 'scps.rj' } });
const districts = (await db.district.findMany({ where: { stateCode: 'RJ' }, select: { name: true } })).map((d) => d.name);
const text = register(districts);
log(`${N} records generated (${round(Buffer.byteLength(text) / 1048576, 1)} MiB of CSV, ${districts.length} districts of Rajasthan)`);

const worker = await startCaseWorker(config, db, await bundleCaseWorkflows());
const temporal = new Client({ connection: await Connection.connect({ address: config.temporal.address }), namespace: config.temporal.namespace, dataConverter: caseDataConverter(requireDataKeys(config)) });
const backfill = new Queue(BACKFILL_MATCHING_QUEUE, { connection: redis });
const imports = new LegacyImportRepository(db, new Sealer(requireDataKeys(config)));

// Live work: a case registered and produced before the CWC, one after the other, timed end to end.
type Phase = 'baseline' | 'import' | 'matching';
let phase: Phase = 'baseline';
const samples: Record<Phase, { registration: number[]; event: number[] }> = { baseline: { registration: [], event: [] }, import: { registration: [], event: [] }, matching: { registration: [], event: [] } };
let probing = true;
const probes = (async () => {
  for (let i = 0; probing; i++) {
    const registration: CaseRegistration = {
      caseId: randomUUID(),
      track: 'CNCP',
      districtCode: 'RJ-JAIPUR',
      stateCode: 'RJ',
      child: { ageYears: 9, name: `Live child ${i}` },
      registeredAt: new Date().toISOString(),
      registeredBy: { id: 'bench-cwc', role: 'CWC_MEMBER', body: 'CWC' },
    };
    const p = phase;
    const t0 = performance.now();
    const handle = await temporal.workflow.start('caseWorkflow', { taskQueue: config.temporal.taskQueue, workflowId: caseWorkflowId(registration.caseId), args: [registration] });
    await handle.executeUpdate(registrationUpdate);
    const t1 = performance.now();
    await handle.executeUpdate(applyEventUpdate, { args: [{ type: 'PRODUCED_BEFORE_CWC', payload: { circumstance: 'LOST', producedBy: 'SJPU Jaipur' }, idempotencyKey: randomUUID(), actor: { id: 'bench-cwc', role: 'CWC_MEMBER', body: 'CWC' } }] });
    const t2 = performance.now();
    samples[p].registration.push(t1 - t0);
    samples[p].event.push(t2 - t1);
    await handle.terminate('benchmark probe done');
    await new Promise((r) => setTimeout(r, Number(args['probe-ms'])));
  }
})();

// The machine's load (other processes share the cores): the 1-minute load average every 5 s, per phase.
const loads: Record<Phase, number[]> = { baseline: [], import: [], matching: [] };
const loadTimer = setInterval(() => loads[phase].push(loadavg()[0]!), 5000);
log(`baseline: live case events for ${args['baseline-s']} s with nothing imported`);
await new Promise((r) => setTimeout(r, Number(args['baseline-s']) * 1000));

phase = 'import';
const t0 = performance.now();
const mapping = loadLegacySource('trackchild');
const records = readExport(mapping, text, 'csv');
const tRead = performance.now();
const jobs = new Queue(LEGACY_IMPORT_QUEUE, { connection: redis });
const id = await stageLegacyImport({ imports, jobs }, mapping, records, { fileName: 'bench.csv', importer: { userId: importer.id, role: 'SCPS_OFFICER', bodyId: importer.bodyId, isPolice: false } });
await enqueueLegacyImport(jobs, id);
const tStaged = performance.now();
log(`read in ${round((tRead - t0) / 1000)} s, staged in ${round((tStaged - tRead) / 1000)} s; importing`);
let lastShown = 0;
for (;;) {
  const imp = (await imports.find(id))!;
  if (imp.status === 'DONE' || imp.status === 'FAILED') break;
  if (performance.now() - lastShown > 10_000) {
    log(`  ${imp.processed}/${imp.total} rows, ${imp.imported} imported`);
    lastShown = performance.now();
  }
  await new Promise((r) => setTimeout(r, 250));
}
const tImported = performance.now();
const done = (await imports.find(id))!;
log(`imported ${done.imported} (rejected ${done.rejected}) in ${round((tImported - t0) / 1000)} s; matching in the background`);

phase = 'matching';
let leftAtImport: number | undefined;
for (lastShown = 0; ; ) {
  const c = await backfill.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
  const left = (c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0);
  if (left === 0) break;
  if (performance.now() - lastShown > 10_000) {
    const elapsed = (performance.now() - tImported) / 1000;
    leftAtImport ??= left;
    log(`  ${left} reports still to match (${elapsed > 1 ? `${round((leftAtImport - left) / elapsed, 1)}/s since the import ended, ` : ''}load ${round(loadavg()[0]!, 1)})`);
    lastShown = performance.now();
  }
  await new Promise((r) => setTimeout(r, 500));
}
const tMatched = performance.now();
const failed = await backfill.getJobCounts('failed');
probing = false;
await probes;
clearInterval(loadTimer);

const withP95 = (xs: number[]) => ({ ...summarise(xs), p95: percentile([...xs].sort((a, b) => a - b), 95) });
const candidates = await db.matchCandidate.count();
const duplicates = await db.duplicateSuspect.count();
const result = {
  reports: N,
  imported: done.imported,
  rejected: done.rejected,
  matchingPerSecondLimit: Number(args['matching-per-second']),
  seconds: { readAndStage: round((tStaged - t0) / 1000), import: round((tImported - t0) / 1000), untilAllMatched: round((tMatched - t0) / 1000), matchingAfterImport: round((tMatched - tImported) / 1000) },
  importRowsPerSecond: round(done.total / ((tImported - t0) / 1000), 0),
  matchedPerSecond: round(done.imported / ((tMatched - t0) / 1000), 1),
  failedMatchingJobs: failed.failed ?? 0,
  candidatesKept: candidates,
  duplicatesListed: duplicates,
  live: Object.fromEntries(Object.entries(samples).map(([p, s]) => [p, { probes: s.event.length, registration: withP95(s.registration), event: withP95(s.event) }])),
  machine: { cpus: cpus().length, loadavg: loadavg().map((x) => round(x, 2)), meanLoad: Object.fromEntries(Object.entries(loads).map(([p, l]) => [p, round(l.reduce((a, b) => a + b, 0) / l.length, 1)])) },
};
const out = join(tmpdir(), `raksha-bench-porting-${Date.now()}.json`);
writeFileSync(out, JSON.stringify(result, null, 2));
console.log(`\nPorting ${N} reports (${done.imported} imported, ${done.rejected} rejected), matching limited to ${result.matchingPerSecondLimit}/s:`);
console.log(`  import: ${result.seconds.import} s (${result.importRowsPerSecond} rows/s); every report matched after ${result.seconds.untilAllMatched} s (${result.matchedPerSecond} reports/s); ${result.failedMatchingJobs} matching jobs failed`);
console.log(`  ${candidates} match candidates kept, ${duplicates} possible duplicates listed`);
for (const [p, s] of Object.entries(samples)) {
  const r = result.live[p]!;
  console.log(`  live ${p.padEnd(8)}: ${s.event.length} probes, mean load ${result.machine.meanLoad[p]}; registration ${formatMs(r.registration)}, p95 ${round(r.registration.p95)}; event ${formatMs(r.event)}, p95 ${round(r.event.p95)}`);
}
console.log(`  (JSON: ${out})`);

await jobs.close();
await backfill.close();
await temporal.connection.close();
await worker.stop();
await db.$disconnect();
