// (b) Many cases whose production deadline (s.31(1), shortened by a state policy override) falls
// due in the same minute: how late is the escalation after its due time?
// (c) Memory of the worker process and of the Temporal dev server with that many open case workflows.
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { type CaseRegistration, caseWorkflowId } from '@raksha/contracts/temporal';
import { pollUntil, progressWatch, runBounded, sleep } from './lib/pool.js';
import { startCaseWorkerChildren, type CaseWorkerChildren } from './lib/case-worker.js';
import { CpuMeter, procStatus, RssSampler, temporalServerPid, type NodeChild } from './lib/proc.js';
import { benchPool } from './lib/setup.js';
import { summarise, type Summary } from './lib/stats.js';

export interface DeadlineBenchOptions {
  client: Client;
  runId: string;
  benchDatabaseUrl: string;
  workerEnv: NodeJS.ProcessEnv;
  logDir: string;
  cases: number;
  startConcurrency: number;
  /** Seconds from the start of this phase to the first due time; 0 = estimated from `cases`. */
  dueInSeconds: number;
  /** Due times are spread evenly over this many seconds (60 = "in the same minute"; 0 = one instant). */
  spreadSeconds: number;
  /** After the last due time (or, memory only, after the starts), how long to wait before giving up. */
  drainLimitSeconds: number;
  /** (c) only: deadlines a day away, measure memory once every case is registered, then stop. */
  memoryOnly: boolean;
  /** The worker's WORKER_MAX_CACHED_WORKFLOWS for this run; its configured default otherwise. */
  maxCachedWorkflows?: number;
  terminate: boolean;
  /** The notification processor in its own process (as `npm start` runs it), not inside the worker. */
  notificationsApart: boolean;
  log: (line: string) => void;
}

type Rss = Record<string, number | undefined>;

export interface ProgressPoint {
  /** seconds since the first start */
  t: number;
  registered: number;
  escalated: number;
  workerRssKiB?: number;
  devServerRssKiB?: number;
}

export interface DeadlineBenchResult {
  taskQueue: string;
  cases: number;
  memoryOnly: boolean;
  /** The worker script that ran, and whether the notification processor ran in its own process. */
  worker: string;
  notificationsApart: boolean;
  dueInSeconds: number;
  spreadSeconds: number;
  firstDueAt: string;
  lastDueAt: string;
  start: { seconds: number; failed: number; perSecond: number };
  /** Cases whose registration step (Case row) was written, and when the last one was. */
  registered: number;
  registeredSeconds: number;
  /** All registered before the first due time (otherwise the lateness includes the start backlog). */
  registeredBeforeDue: boolean;
  escalations: number;
  lastEscalationAfterLastDueSeconds: number;
  /** Escalation.raisedAt - dueAt: workflow time when the timer's workflow task ran. */
  raisedLatenessMs: Summary;
  /** TimelineEntry.recordedAt (PostgreSQL now() of the insert's transaction) - dueAt. */
  recordedLatenessMs: Summary;
  /** Notification.createdAt (the DCPU's inbox row, via BullMQ) - dueAt. */
  notifiedLatenessMs: Summary;
  /**
   * CPU ms per escalation from the first due time until every escalation was raised: each process
   * (the worker split by thread), PostgreSQL, Redis, and the whole machine (all cores).
   */
  cpuMsPerEscalation?: Record<string, number>;
  rssKiB: {
    devServerBefore?: number;
    workerIdleBefore?: number;
    /** every case registered, timers armed, nothing running */
    openIdle: Rss;
    peakDuringRun: Record<string, number>;
    atEnd: Rss;
    workerHwm?: number;
  };
  /** Every 10 s: how far registration and escalation had got, and both processes' RSS. */
  progress: ProgressPoint[];
  /** Why the run stopped early (e.g. the worker process died); the figures are of what was written. */
  aborted?: string;
  /** `left`: still running when the time allowed ran out (terminate them by their task queue, docs/benchmarks.md). */
  terminate?: { seconds: number; terminated: number; failed: number; left: number };
}

/** A poll whose count has not moved for this long ends the wait with an error. */
const STALL_MS = 120_000;

/** The first-rung escalations of this phase's cases (registered at $1), as the CTE `mine`. */
const ESCALATIONS_OF_PHASE = `WITH mine AS (
  SELECT e.* FROM "Escalation" e JOIN "Case" c ON c.id = e."caseId" WHERE c."registeredAt" = $1 AND e.rung = 0)`;

const kib = (x: number | undefined) => (x === undefined ? 'n/a' : `${Math.round(x / 1024)} MiB`);
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function runDeadlineBenchmark(o: DeadlineBenchOptions): Promise<DeadlineBenchResult> {
  const taskQueue = `${o.runId}-deadlines`;
  const pool = benchPool(o.benchDatabaseUrl);
  let children: CaseWorkerChildren | undefined;
  let worker: NodeChild | undefined;
  /** A count from the bench database; every poll also checks the worker is still alive. */
  const count = async (sql: string, params: unknown[] = []) => {
    worker?.assertAlive();
    children?.notifications?.assertAlive();
    return Number((await pool.query<{ n: string }>(sql, params)).rows[0]!.n);
  };
  let sampler: RssSampler | undefined;
  let progressTimer: NodeJS.Timeout | undefined;
  const workflowIds: string[] = [];
  let terminated = false;
  const terminateAll = async () => {
    terminated = true;
    const tt = Date.now();
    o.log(`(b) terminating ${workflowIds.length} workflows`);
    // ~100 a second on the dev server: an hour is enough for 100,000 with room to spare.
    const r = await runBounded(workflowIds, 16, 3_600_000, async (id) => {
      await o.client.workflow.getHandle(id).terminate('benchmark finished');
    });
    return { seconds: (Date.now() - tt) / 1000, terminated: r.done - r.failed, failed: r.failed, left: workflowIds.length - r.done };
  };
  try {
    const devServerPid = temporalServerPid();
    const devServerBefore = devServerPid === undefined ? undefined : procStatus(devServerPid)?.rssKiB;
    const workerScript = 'apps/worker/src/main.ts';
    const cacheEnv = o.maxCachedWorkflows === undefined ? {} : { WORKER_MAX_CACHED_WORKFLOWS: String(o.maxCachedWorkflows) };
    o.log(
      `(b) starting the case worker${o.notificationsApart ? ' and the notification processor in its own process' : ''}, maxCachedWorkflows ${o.maxCachedWorkflows ?? 'as configured'} (task queue ${taskQueue}); Temporal server pid ${devServerPid ?? 'not found'}`,
    );
    children = await startCaseWorkerChildren({ ...o.workerEnv, TEMPORAL_TASK_QUEUE: taskQueue, ...cacheEnv }, o.logDir, 'deadlines', o.notificationsApart);
    worker = children.worker;
    await sleep(2_000);
    const workerIdleBefore = procStatus(worker.pid)?.rssKiB;
    const notificationsPid = children.notifications?.pid;
    sampler = new RssSampler({ worker: worker.pid, devServer: devServerPid, ...(notificationsPid ? { notifications: notificationsPid } : {}) });
    const cpu = new CpuMeter({ worker: worker.pid, devServer: devServerPid, ...(notificationsPid ? { notifications: notificationsPid } : {}) }, undefined, ['worker']);
    let cpuMsPerEscalation: Record<string, number> | undefined;

    // Every case is registered at t0; its production period is stretched so its due time lands
    // at t0 + dueIn + (its share of the spread): all due within `spreadSeconds`.
    const t0 = Date.now();
    const dueInSeconds = o.memoryOnly ? 86_400 : o.dueInSeconds > 0 ? o.dueInSeconds : Math.ceil(120 + o.cases * 0.06);
    const registeredAt = new Date(t0).toISOString();
    const dueOffsetMs = (i: number) => dueInSeconds * 1000 + (o.cases > 1 ? Math.floor((i * o.spreadSeconds * 1000) / (o.cases - 1)) : 0);
    const firstDue = t0 + dueOffsetMs(0);
    const lastDue = t0 + dueOffsetMs(o.cases - 1);
    o.log(`(b) starting ${o.cases} cases; due from ${new Date(firstDue).toISOString()} to ${new Date(lastDue).toISOString()}`);

    const progress: ProgressPoint[] = [];
    const registeredCount = () => count(`SELECT count(*) AS n FROM "Case" WHERE "registeredAt" = $1`, [registeredAt]);
    const escalatedCount = () => count(`${ESCALATIONS_OF_PHASE} SELECT count(*) AS n FROM mine`, [registeredAt]);
    progressTimer = setInterval(() => {
      const rss = sampler!.sample();
      void Promise.all([registeredCount(), escalatedCount()])
        .then(([registered, escalated]) => {
          progress.push({ t: Math.round((Date.now() - t0) / 1000), registered, escalated, workerRssKiB: rss.worker, devServerRssKiB: rss.devServer });
        })
        .catch(() => undefined);
    }, 10_000);
    progressTimer.unref();

    const startCase = async (i: number) => {
      const caseId = randomUUID();
      const within = `PT${(dueOffsetMs(i) / 1000).toFixed(3)}S`;
      const registration: CaseRegistration = {
        caseId,
        track: 'CNCP',
        districtCode: 'RJ-JAIPUR',
        stateCode: 'RJ',
        child: { ageYears: 9 },
        registeredAt,
        registeredBy: { id: 'bench-sjpu', role: 'SJPU_OFFICER', body: 'SJPU' },
        deadlinePolicy: { 'cncp.production': { within } },
      };
      workflowIds.push(caseWorkflowId(caseId));
      await o.client.workflow.start('caseWorkflow', { taskQueue, workflowId: caseWorkflowId(caseId), args: [registration] });
      return caseId;
    };
    // One case first: if the worker cannot register a case (a broken tree), stop before starting thousands.
    const probe = await startCase(0);
    const probed = await pollUntil(async () => ((await count(`SELECT count(*) AS n FROM "Case" WHERE id = $1`, [probe])) > 0 ? true : undefined), 500, 60_000);
    if (!probed) throw new Error(`the worker did not register a first case within 60 s; see ${worker.logFile}`);
    const rest = await runBounded([...Array(o.cases).keys()].slice(1), o.startConcurrency, Math.max(0, firstDue - Date.now() - 5_000), async (i) => {
      await startCase(i);
    });
    const started = { ...rest, done: rest.done + 1 };
    const startSeconds = (Date.now() - t0) / 1000;
    o.log(`(b) ${started.done - started.failed} started in ${startSeconds.toFixed(1)} s (${started.failed} failed${started.timedOut ? ', ran out of time before the first due time' : ''})`);

    let aborted: string | undefined;
    let registered: number | undefined;
    try {
      const registering = progressWatch('registrations (Case rows)', STALL_MS);
      registered = await pollUntil(
        async () => {
          const n = await registeredCount();
          registering(n);
          return n >= o.cases ? Date.now() : undefined;
        },
        1_000,
        o.memoryOnly ? o.drainLimitSeconds * 1000 : Math.max(1_000, lastDue - Date.now() + o.drainLimitSeconds * 1000),
      );
    } catch (err) {
      aborted = message(err);
    }
    const registeredSeconds = ((registered ?? Date.now()) - t0) / 1000;
    const registeredBeforeDue = registered !== undefined && registered < firstDue;
    const registeredNow = Number(
      (await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "Case" WHERE "registeredAt" = $1`, [registeredAt])).rows[0]!.n,
    );
    o.log(`(b) registered: ${registeredNow} cases after ${registeredSeconds.toFixed(1)} s${registeredBeforeDue ? '' : ' (NOT before the first due time)'}`);

    // (c) every case open and waiting on its timer.
    let openIdle: Rss = {};
    if (registeredBeforeDue && !aborted) {
      await sleep(Math.min(10_000, Math.max(0, firstDue - Date.now() - 2_000)));
      openIdle = sampler.sample();
      o.log(`(c) RSS with ${o.cases} open case workflows: worker ${kib(openIdle.worker)}, Temporal server ${kib(openIdle.devServer)}`);
    }

    let drained: true | undefined;
    if (!o.memoryOnly && !aborted) {
      await sleep(Math.max(0, firstDue - Date.now()));
      cpu.start();
      o.log(`(b) first deadline due; waiting for ${o.cases} escalations (limit ${o.drainLimitSeconds} s after the last due time)`);
      try {
        const escalating = progressWatch('escalations', STALL_MS);
        drained = await pollUntil(
          async () => {
            const n = await escalatedCount();
            if (Date.now() > lastDue) escalating(n); // before then a pause is expected
            return n >= o.cases ? true : undefined;
          },
          1_000,
          Math.max(1_000, lastDue - Date.now() + o.drainLimitSeconds * 1000),
        );
        if (!drained) aborted = `not every escalation was raised within ${o.drainLimitSeconds} s of the last due time`;
        const used = cpu.stop();
        const raised = await escalatedCount();
        cpuMsPerEscalation = Object.fromEntries(Object.entries(used).map(([group, ms]) => [group, raised ? ms / raised : Number.NaN]));
        // Wait until each escalation's notification is delivered too (bounded).
        await pollUntil(
          async () =>
            (await count(`${ESCALATIONS_OF_PHASE} SELECT count(*) AS n FROM mine JOIN "Notification" n ON n."dedupeKey" = 'escalation-' || mine.id::text`, [registeredAt])) >= o.cases
              ? true
              : undefined,
          1_000,
          drained ? 120_000 : 1_000,
        );
      } catch (err) {
        aborted = message(err);
      }
    }
    if (aborted) o.log(`(b) stopped early: ${aborted}`);
    const atEnd = sampler.sample();
    clearInterval(progressTimer);

    const { rows } = await pool.query<{ raised: string; recorded: string | null; notified: string | null }>(
      `${ESCALATIONS_OF_PHASE}
      SELECT extract(epoch FROM (e."raisedAt" - e."dueAt")) * 1000 AS raised,
             extract(epoch FROM (t."recordedAt" - e."dueAt")) * 1000 AS recorded,
             extract(epoch FROM (n."createdAt" - e."dueAt")) * 1000 AS notified
        FROM mine e
        LEFT JOIN "TimelineEntry" t ON t."caseId" = e."caseId" AND t."eventType" = 'DEADLINE_ESCALATED' AND t.payload->>'escalationId' = e.id::text
        LEFT JOIN "Notification" n ON n."dedupeKey" = 'escalation-' || e.id::text`,
      [registeredAt],
    );
    const lastRaised = Number(
      (await pool.query<{ t: string | null }>(`${ESCALATIONS_OF_PHASE} SELECT extract(epoch FROM max("raisedAt")) * 1000 AS t FROM mine`, [registeredAt])).rows[0]!.t ??
        Number.NaN,
    );
    const numbers = (xs: (string | null)[]) => xs.filter((x): x is string => x !== null).map(Number);
    sampler.stop();
    const workerHwm = procStatus(worker.pid)?.hwmKiB;

    const terminate = o.terminate ? await terminateAll() : undefined;

    return {
      taskQueue,
      cases: o.cases,
      memoryOnly: o.memoryOnly,
      worker: workerScript,
      notificationsApart: o.notificationsApart,
      dueInSeconds,
      spreadSeconds: o.spreadSeconds,
      firstDueAt: new Date(firstDue).toISOString(),
      lastDueAt: new Date(lastDue).toISOString(),
      start: { seconds: startSeconds, failed: started.failed, perSecond: (started.done - started.failed) / startSeconds },
      registered: registeredNow,
      registeredSeconds,
      registeredBeforeDue,
      escalations: rows.length,
      lastEscalationAfterLastDueSeconds: (lastRaised - lastDue) / 1000,
      raisedLatenessMs: summarise(numbers(rows.map((r) => r.raised))),
      recordedLatenessMs: summarise(numbers(rows.map((r) => r.recorded))),
      notifiedLatenessMs: summarise(numbers(rows.map((r) => r.notified))),
      ...(cpuMsPerEscalation ? { cpuMsPerEscalation } : {}),
      rssKiB: {
        ...(devServerBefore === undefined ? {} : { devServerBefore }),
        ...(workerIdleBefore === undefined ? {} : { workerIdleBefore }),
        openIdle,
        peakDuringRun: { ...sampler.peakKiB },
        atEnd,
        ...(workerHwm === undefined ? {} : { workerHwm }),
      },
      progress,
      ...(aborted ? { aborted } : {}),
      ...(terminate ? { terminate } : {}),
    };
  } finally {
    clearInterval(progressTimer);
    if (o.terminate && !terminated) await terminateAll().catch(() => undefined);
    sampler?.stop();
    await children?.stop();
    await pool.end();
  }
}
