// `npm run bench`: throughput and latency of case events, deadline lateness at scale, and memory.
// Not a test: it prints figures (and writes them as JSON); docs/benchmarks.md records a run.
// Usage: npm run bench -- [--only updates|deadlines] [--cases 2000] [--update-cases 256]
//        [--concurrency 1,8,32,64] [--spread 60] [--due-in 0] [--keep] [--help]
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { loadConfig, requireDataKeys } from '@raksha/config';
import { caseDataConverter } from '@raksha/contracts/temporal/payload-codec';
import { runDeadlineBenchmark, type DeadlineBenchResult } from './deadlines.js';
import { clearBenchRedis, assertBenchRedis, prepareBenchDatabase } from './lib/setup.js';
import { formatMs, mib, round } from './lib/stats.js';
import { runTimerBurst, type TimerBurstResult } from './timers.js';
import { runUpdateBenchmark, type UpdateBenchResult } from './updates.js';
import { REPO_ROOT } from './lib/proc.js';

const HELP = `npm run bench -- [options]
  --only <updates|deadlines>   run one part: (a) Update throughput, or (b)+(c) deadlines and memory
  --cases <n>                  (b)/(c): open case workflows whose deadlines fall due together [2000]
  --start-concurrency <n>      (b): workflow starts in flight [32]
  --spread <s>                 (b): due times spread over this many seconds; 0 = one instant [60]
  --due-in <s>                 (b): first due time, seconds after the first start; 0 = 120 + 0.06 s/case [0]
  --drain-limit <s>            (b): give up waiting for escalations this long after the last due time [900]
  --update-cases <n>           (a): workflows per concurrency level [256]
  --events-per-case <n>        (a): Updates per workflow [4]
  --concurrency <list>         (a): Updates in flight, one run per value [1,8,32,64]
  --phase-limit <s>            (a): wall-clock limit of each measured phase [600]
  --history-sample <n>         (a): histories read for the time breakdown [20]
  --memory-only                (c) only: deadlines a day away; RSS once all --cases are registered, no escalations
  --max-cached-workflows <n>   (b)/(c): the worker's WORKER_MAX_CACHED_WORKFLOWS [its default, 1000]
  --notifications <process|worker>  the notification processor in its own process, as npm start runs it, or inside the worker [process]
  --bare-timers                (b′) after (b): as many no-op workflows with one timer each, due over the same spread (the limit of (b))
  --keep                       leave the (b) workflows open (terminate later, see docs/benchmarks.md)
  --database-url <url>         [BENCH_DATABASE_URL or postgresql://raksha:raksha@127.0.0.1:5432/raksha_bench]
  --admin-url <url>            database to connect to for CREATE DATABASE [.../raksha_test]
  --redis-url <url>            Redis logical database for the bench's notification queue [redis://127.0.0.1:6379/9]
  --temporal-address <addr>    [TEMPORAL_ADDRESS, else 127.0.0.1:7233, or 127.0.0.1:7633 with RAKSHA_TEMPORAL=cluster]
  --out <dir>                  results JSON and worker logs [$TMPDIR/raksha-bench-<run id>]
Env BENCH_WORKER_NODE_ARGS: extra node flags for the worker processes, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"`;

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    cases: { type: 'string', default: '2000' },
    'start-concurrency': { type: 'string', default: '32' },
    spread: { type: 'string', default: '60' },
    'due-in': { type: 'string', default: '0' },
    'drain-limit': { type: 'string', default: '900' },
    'update-cases': { type: 'string', default: '256' },
    'events-per-case': { type: 'string', default: '4' },
    concurrency: { type: 'string', default: '1,8,32,64' },
    'phase-limit': { type: 'string', default: '600' },
    'history-sample': { type: 'string', default: '20' },
    notifications: { type: 'string', default: 'process' },
    keep: { type: 'boolean', default: false },
    'memory-only': { type: 'boolean', default: false },
    'bare-timers': { type: 'boolean', default: false },
    'max-cached-workflows': { type: 'string' },
    'database-url': { type: 'string' },
    'admin-url': { type: 'string' },
    'redis-url': { type: 'string' },
    'temporal-address': { type: 'string' },
    namespace: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});
if (args.help) {
  console.log(HELP);
  process.exit(0);
}

function int(name: keyof typeof args, min: number, max: number): number {
  const n = Number(args[name]);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer in ${min}..${max}, got ${String(args[name])}`);
  return n;
}
const only = args.only;
if (only !== undefined && only !== 'updates' && only !== 'deadlines') throw new Error('--only must be "updates" or "deadlines"');
if (args.notifications !== 'process' && args.notifications !== 'worker') throw new Error('--notifications must be "process" or "worker"');
const notificationsApart = args.notifications === 'process';
const concurrency = (args.concurrency ?? '').split(',').map((c) => Number(c.trim()));
if (!concurrency.every((c) => Number.isInteger(c) && c >= 1 && c <= 256)) throw new Error('--concurrency must be a list of integers in 1..256');

const pgUser = encodeURIComponent(process.env.PGUSER ?? 'raksha');
const pgPassword = encodeURIComponent(process.env.PGPASSWORD ?? 'raksha');
const pgHostPort = `${process.env.PGHOST ?? '127.0.0.1'}:${process.env.PGPORT ?? '5432'}`;
const benchDatabaseUrl = args['database-url'] ?? process.env.BENCH_DATABASE_URL ?? `postgresql://${pgUser}:${pgPassword}@${pgHostPort}/raksha_bench`;
const adminUrl = args['admin-url'] ?? `postgresql://${pgUser}:${pgPassword}@${pgHostPort}/${process.env.RAKSHA_TEST_DB ?? 'raksha_test'}`;
const redisUrl = args['redis-url'] ?? `redis://127.0.0.1:${process.env.REDIS_PORT ?? '6379'}/9`;
// The server scripts/services.sh runs in the chosen mode, as libs/config picks it for the worker.
const temporalCluster = process.env.RAKSHA_TEMPORAL === 'cluster';
const temporalServer = temporalCluster ? 'Temporal server (PostgreSQL)' : 'Temporal dev server';
const temporalAddress =
  args['temporal-address'] ??
  process.env.TEMPORAL_ADDRESS ??
  (temporalCluster ? `127.0.0.1:${process.env.TEMPORAL_CLUSTER_PORT ?? '7633'}` : `127.0.0.1:${process.env.TEMPORAL_PORT ?? '7233'}`);
const namespace = args.namespace ?? process.env.TEMPORAL_NAMESPACE ?? 'default';
assertBenchRedis(redisUrl);

const runId = `bench-${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${Math.random().toString(36).slice(2, 6)}`;
const outDir = args.out ?? join(tmpdir(), `raksha-${runId}`);
mkdirSync(outDir, { recursive: true });
const began = Date.now();
// The run holds the event loop open itself, so a call left with nothing to wake it can never end
// the process quietly with exit code 0; and an exit before the figures are printed is an error.
const keepAlive = setInterval(() => undefined, 60_000);
let finished = false;
process.once('exit', (code) => {
  if (!finished && code === 0) {
    console.error('[bench] exited before the results were written');
    process.exitCode = 1;
  }
});
const log = (line: string) => console.log(`[bench +${Math.round((Date.now() - began) / 1000)}s] ${line}`);

const git = (...a: string[]) => {
  try {
    return execFileSync('git', a, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
};
const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGiB: round(totalmem() / 2 ** 30, 1),
  loadAverageAtStart: loadavg().map((l) => round(l, 2)),
  node: process.version,
  // BENCH_COMMIT names the commit when the run is from an exported tree (see docs/benchmarks.md).
  commit: process.env.BENCH_COMMIT ?? git('rev-parse', '--short', 'HEAD'),
  uncommittedChanges: git('status', '--porcelain').split('\n').filter(Boolean).length,
};

log(`run ${runId}; results and worker logs in ${outDir}`);
log(`preparing ${benchDatabaseUrl.replace(/\/\/[^@]*@/, '//')} (create if missing, migrate, empty, seed) and ${redisUrl}`);
await prepareBenchDatabase(adminUrl, benchDatabaseUrl);
await clearBenchRedis(redisUrl);

// What both workers are started with: the bench database and Redis database, never the app's.
// The worker signs no tokens, but its configuration must validate: without a secret in the
// environment it gets a random one used by nothing.
const workerEnv: NodeJS.ProcessEnv = {
  RAKSHA_TOKEN_SECRET: randomBytes(32).toString('hex'),
  ...process.env,
  DATABASE_URL: benchDatabaseUrl,
  REDIS_URL: redisUrl,
  TEMPORAL_ADDRESS: temporalAddress,
  TEMPORAL_NAMESPACE: namespace,
};
const connection = await Connection.connect({ address: temporalAddress });
// the workers encrypt payloads with the data keys of their environment; the bench's client reads them with the same
const client = new Client({ connection, namespace, dataConverter: caseDataConverter(requireDataKeys(loadConfig(workerEnv))) });
let updates: UpdateBenchResult | undefined;
let deadlines: DeadlineBenchResult | undefined;
let timers: TimerBurstResult | undefined;
let failure: unknown;
try {
  if (only !== 'deadlines') {
    updates = await runUpdateBenchmark({
      client,
      runId,
      namespace,
      workerEnv,
      logDir: outDir,
      cases: int('update-cases', 1, 100_000),
      eventsPerCase: int('events-per-case', 1, 150),
      concurrency,
      phaseLimitMs: int('phase-limit', 1, 3_600) * 1000,
      historySample: int('history-sample', 0, 1_000),
      notificationsApart,
      log,
    });
  }
  if (only !== 'updates') {
    deadlines = await runDeadlineBenchmark({
      client,
      runId,
      benchDatabaseUrl,
      workerEnv,
      logDir: outDir,
      cases: int('cases', 1, 100_000),
      startConcurrency: int('start-concurrency', 1, 512),
      dueInSeconds: int('due-in', 0, 7_200),
      spreadSeconds: int('spread', 0, 3_600),
      drainLimitSeconds: int('drain-limit', 10, 7_200),
      memoryOnly: args['memory-only'] ?? false,
      ...(args['max-cached-workflows'] === undefined ? {} : { maxCachedWorkflows: int('max-cached-workflows', 2, 100_000) }),
      terminate: !args.keep,
      notificationsApart,
      log,
    });
    if (args['bare-timers'] && !deadlines.memoryOnly) {
      timers = await runTimerBurst({
        client,
        runId,
        workerEnv,
        logDir: outDir,
        workflows: deadlines.cases,
        startConcurrency: int('start-concurrency', 1, 512),
        dueInSeconds: deadlines.dueInSeconds,
        spreadSeconds: deadlines.spreadSeconds,
        drainLimitSeconds: int('drain-limit', 10, 7_200),
        ...(args['max-cached-workflows'] === undefined ? {} : { maxCachedWorkflows: int('max-cached-workflows', 2, 100_000) }),
        log,
      });
    }
  }
} catch (err) {
  // Whatever was measured before the failure is still written and printed.
  failure = err;
} finally {
  await connection.close();
  if (!args.keep) await clearBenchRedis(redisUrl).catch(() => undefined);
}

const result = {
  runId,
  argv: process.argv.slice(2),
  machine: { ...machine, loadAverageAtEnd: loadavg().map((l) => round(l, 2)) },
  temporal: { server: temporalServer, address: temporalAddress },
  totalSeconds: round((Date.now() - began) / 1000, 0),
  updates,
  deadlines,
  timers,
  ...(failure === undefined ? {} : { failure: failure instanceof Error ? (failure.stack ?? failure.message) : String(failure) }),
};
writeFileSync(join(outDir, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);

console.log('');
console.log(`# Raksha benchmark ${runId} (${machine.cpus} × ${machine.cpuModel}, node ${machine.node}, commit ${machine.commit}; ${temporalServer} ${temporalAddress})`);
for (const level of updates?.levels ?? []) {
  const c = level.caseWorkflow;
  const b = level.bareUpdate;
  console.log(`\n## (a) Updates, ${level.concurrency} in flight, ${c.workflows} workflows × ${c.updates / c.workflows} Updates`);
  console.log(`case workflow applyEvent: ${round(c.perSecond)} events/s, ${formatMs(c.latency)}${c.failed ? `, ${c.failed} FAILED (${c.firstError})` : ''}`);
  console.log(`bare Update:              ${round(b.perSecond)} Updates/s, ${formatMs(b.latency)}${b.failed ? `, ${b.failed} FAILED (${b.firstError})` : ''}`);
  console.log(`ratio (case ÷ bare):      ${round(level.ratio, 3)}`);
  const bd = c.breakdown;
  const acts = Object.entries(bd.activities)
    .map(([name, s]) => `${name} ×${round(s.count, 2)} (queue ${round(s.queueMs)} ms + run ${round(s.runMs)} ms)`)
    .join(', ');
  console.log(
    `per event (${bd.updates} from ${bd.histories} histories): workflow tasks ×${round(bd.workflowTasks.count, 2)} (queue ${round(bd.workflowTasks.queueMs)} ms + run ${round(bd.workflowTasks.runMs)} ms); ${acts}; accepted→completed ${round(bd.acceptedToCompletedMs)} ms`,
  );
  const cpuLine = (x: Record<string, number>) =>
    Object.entries(x)
      .map(([group, ms]) => `${group} ${round(ms, 2)}`)
      .join(', ');
  console.log(`CPU ms per case event: ${cpuLine(c.cpuMsPerUpdate)}`);
  console.log(`CPU ms per bare Update: ${cpuLine(b.cpuMsPerUpdate)}`);
  console.log(
    `per bare Update: workflow tasks ×${round(b.breakdown.workflowTasks.count, 2)} (queue ${round(b.breakdown.workflowTasks.queueMs)} ms + run ${round(b.breakdown.workflowTasks.runMs)} ms)`,
  );
}
if (deadlines) {
  const d = deadlines;
  console.log(`\n## (b) ${d.cases} cases, worker ${d.worker}${d.notificationsApart ? ' + notification processor apart' : ''}${d.memoryOnly ? ' (memory only: deadlines a day away)' : `, due within ${d.spreadSeconds} s (${d.firstDueAt} .. ${d.lastDueAt})`}`);
  if (d.aborted) console.log(`STOPPED EARLY: ${d.aborted}`);
  console.log(
    `started in ${round(d.start.seconds)} s (${round(d.start.perSecond)}/s, ${d.start.failed} failed); ${d.registered}/${d.cases} registered after ${round(d.registeredSeconds)} s${d.registeredBeforeDue ? '' : ' — NOT before the first due time: lateness includes the start backlog'}`,
  );
  if (!d.memoryOnly) {
    console.log(`escalations: ${d.escalations}/${d.cases}; the last raised ${round(d.lastEscalationAfterLastDueSeconds)} s after the last due time`);
    console.log(`raisedAt − dueAt (workflow time):         ${formatMs(d.raisedLatenessMs)}`);
    console.log(`TimelineEntry.recordedAt − dueAt (insert): ${formatMs(d.recordedLatenessMs)}`);
    console.log(`Notification.createdAt − dueAt (inbox):    ${formatMs(d.notifiedLatenessMs)}`);
    if (d.cpuMsPerEscalation) {
      const cpu = Object.entries(d.cpuMsPerEscalation).map(([group, ms]) => `${group} ${round(ms, 2)}`);
      console.log(`CPU ms per escalation (first due time until all raised): ${cpu.join(', ')}`);
    }
  }
  const r = d.rssKiB;
  console.log(`\n## (c) RSS (VmRSS)`);
  console.log(`worker: idle before ${mib(r.workerIdleBefore)}, ${d.cases} open ${mib(r.openIdle.worker)}, peak ${mib(r.peakDuringRun.worker)}, at the end ${mib(r.atEnd.worker)}`);
  if (d.notificationsApart) console.log(`notification processor: ${d.cases} open ${mib(r.openIdle.notifications)}, peak ${mib(r.peakDuringRun.notifications)}`);
  console.log(`${temporalServer}: before ${mib(r.devServerBefore)}, ${d.cases} open ${mib(r.openIdle.devServer)}, peak ${mib(r.peakDuringRun.devServer)}, at the end ${mib(r.atEnd.devServer)}`);
  if (d.terminate) {
    const t = d.terminate;
    console.log(`terminated ${t.terminated} of ${d.cases} workflows in ${round(t.seconds)} s (${t.failed} failed${t.left ? `; ${t.left} left running, out of time: temporal workflow terminate --query "TaskQueue='${d.taskQueue}' AND ExecutionStatus='Running'" --yes` : ''})`);
  }
}
if (timers) {
  const t = timers;
  console.log(`\n## (b′) ${t.workflows} bare timers, due over the same spread`);
  if (t.aborted) console.log(`STOPPED EARLY: ${t.aborted}`);
  console.log(`started in ${round(t.start.seconds)} s (${round(t.start.perSecond)}/s, ${t.start.failed} failed)${t.startedBeforeDue ? '' : ' — NOT all before the first due time'}`);
  console.log(`fired: ${t.completed}/${t.workflows}; timer task's workflow time − dueAt: ${formatMs(t.latenessMs)}`);
  if (t.cpuMsPerTimer) console.log(`CPU ms per timer: ${Object.entries(t.cpuMsPerTimer).map(([group, ms]) => `${group} ${round(ms, 2)}`).join(', ')}`);
  console.log(`RSS with every timer armed: no-op worker ${mib(t.rssKiB.worker)}, ${temporalServer} ${mib(t.rssKiB.server)}`);
}
console.log(`\ntotal ${result.totalSeconds} s; JSON: ${join(outDir, 'result.json')}`);
finished = true;
clearInterval(keepAlive);
if (failure !== undefined) {
  console.error(`\n[bench] FAILED: ${result.failure}\nworker logs: ${outDir}`);
  process.exitCode = 1;
} else if (deadlines?.aborted ?? timers?.aborted) {
  console.error(`\n[bench] (b) stopped early: ${deadlines?.aborted ?? timers?.aborted}\nworker logs: ${outDir}`);
  process.exitCode = 1;
}
