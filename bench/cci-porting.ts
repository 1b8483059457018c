// `npm run bench:cci-porting`: porting a CCI register of N children (in care under a reviewed plan, as the sample's
// first row) with the worker as `npm start` runs it — time for the import job to check every record and start its
// case, and time until every case has replayed its history (8 timeline steps each). Not a test: it prints figures;
// docs/benchmarks.md records a run.
// Usage: npm run bench:cci-porting -- [--children 500] [--database-url …bench…] [--admin-url …]
//        [--redis-url redis://127.0.0.1:6379/9] [--temporal-address 127.0.0.1:7233]
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import { enqueueLegacyImport, legacyCaseId, loadLegacySource, readExport, stageLegacyImport } from '@raksha/activities';
import { loadTestConfig, redisConnectionOptions, requireDataKeys } from '@raksha/config';
import { LEGACY_IMPORT_QUEUE } from '@raksha/contracts';
import { createDb, LegacyImportRepository, Sealer } from '@raksha/db';
import { startCaseWorker } from '@raksha/worker/case-worker';
import { bundleCaseWorkflows } from '@raksha/worker/workflow-bundle';
import { assertBenchRedis, prepareBenchDatabase } from './lib/setup.js';
import { round } from './lib/stats.js';

const { values: args } = parseArgs({
  options: {
    children: { type: 'string', default: '500' },
    'database-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgresql://raksha:raksha@127.0.0.1:5432/raksha_bench' },
    'admin-url': { type: 'string' },
    'redis-url': { type: 'string', default: 'redis://127.0.0.1:6379/9' },
    'temporal-address': { type: 'string', default: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' },
  },
});
const N = Number(args.children);
const benchUrl = args['database-url']!;
const adminUrl = args['admin-url'] ?? benchUrl.replace(/\/[^/]*$/, '/postgres');
const redisUrl = args['redis-url']!;
assertBenchRedis(redisUrl);
const log = (m: string) => console.log(`[bench:cci-porting ${new Date().toISOString().slice(11, 19)}] ${m}`);

await prepareBenchDatabase(adminUrl, benchUrl);
const config = loadTestConfig({ ...process.env, TEST_DATABASE_URL: benchUrl, TEST_REDIS_URL: redisUrl, TEMPORAL_ADDRESS: args['temporal-address']!, TEMPORAL_TASK_QUEUE: `bench-cci-${randomUUID().slice(0, 8)}`, LOG_LEVEL: 'error', WORKER_DELIVERS_NOTIFICATIONS: 'false' });
if (config.databaseUrl !== benchUrl || config.redisUrl !== redisUrl) throw new Error('the worker\'s configuration does not name the bench database and Redis database');
const db = createDb(benchUrl);
const dcpu = await db.user.findUniqueOrThrow({ where: { username: 'dcpu.jaipur' } });
const run = randomUUID().slice(0, 6);
const header = 'Admission No,CCI Registration No,Child Name,Sex,Age at Admission,Date of Birth,Category,How Came,Produced By,Produced Before CWC On,Date of Admission,SIR Ordered On,SIR Received On,CWC Order No,CWC Order Date,ICP Date,Last ICP Review,Present Status,Leave From,Leave Days,Restoration Order Date,Restored On';
const day = (i: number, offset: number) => `${String(1 + ((i + offset) % 27)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/2024`;
const rows = Array.from({ length: N }, (_, i) => `B${run}-${i},JJ/REG/RJ-JAIPUR/2023/01,Child ${i},${i % 2 ? 'M' : 'F'},${6 + (i % 10)},,CNCP,Rescued,,${day(i, 0)},${day(i, 0)},${day(i, 0)},${day(i, 0)},CWC/JPR/${i},${day(i, 0)},${day(i, 0)},${String(1 + (i % 27)).padStart(2, '0')}/06/2025,In Care,,,,`);
const mapping = loadLegacySource('cci-register');
const imports = new LegacyImportRepository(db, new Sealer(requireDataKeys(config)));

const worker = await startCaseWorker(config, db, await bundleCaseWorkflows());
const queue = new Queue(LEGACY_IMPORT_QUEUE, { connection: redisConnectionOptions(redisUrl) });
try {
  const t0 = Date.now();
  const id = await stageLegacyImport({ imports, jobs: queue }, mapping, readExport(mapping, [header, ...rows].join('\n'), 'csv'), { fileName: 'bench.csv', importer: { userId: dcpu.id, role: 'DCPU_OFFICER', bodyId: dcpu.bodyId, isPolice: false } });
  await enqueueLegacyImport(queue, id);
  let imp = (await imports.find(id))!;
  while (imp.status !== 'DONE' && imp.status !== 'FAILED') {
    await new Promise((r) => setTimeout(r, 250));
    imp = (await imports.find(id))!;
  }
  const started = Date.now() - t0;
  log(`import ${imp.status}: ${imp.imported} imported, ${imp.rejected} rejected in ${round(started / 1000, 1)} s (${round(N / (started / 1000), 1)} children/s checked and started)`);
  const ids = rows.map((_, i) => legacyCaseId('cci-register', `B${run}-${i}`));
  for (;;) {
    const replayed = await db.case.count({ where: { id: { in: ids }, sequence: 7 } });
    if (replayed === N) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const all = Date.now() - t0;
  log(`every case replayed (8 timeline steps each) ${round(all / 1000, 1)} s after staging: ${round(N / (all / 1000), 1)} children/s, ${round((N * 8) / (all / 1000), 0)} steps/s; ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}`);
} finally {
  await queue.close();
  await worker.stop();
  await db.$disconnect();
}
