// (a) applyEvent Updates through the real case workflow, its activities and PostgreSQL, against a
// bare Update that returns at once: same client, same concurrency, same request payloads.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { applyEventUpdate, type CaseActor, type CaseEventRequest, type CaseRegistration, caseWorkflowId, registrationUpdate } from '@raksha/contracts/temporal';
import { noopUpdate } from './noop.workflow.js';
import { breakdownUpdates, type UpdateBreakdown } from './lib/history.js';
import { runBounded, within, type PoolResult } from './lib/pool.js';
import { startCaseWorkerChildren, type CaseWorkerChildren } from './lib/case-worker.js';
import { CpuMeter, startNodeChild, temporalServerPid, type NodeChild } from './lib/proc.js';
import { summarise, type Summary } from './lib/stats.js';

/** One Update that has no answer in this long counts as failed (the run goes on, and says so). */
const CALL_LIMIT_MS = 60_000;

const CWC: CaseActor = { id: 'bench-cwc', role: 'CWC_MEMBER', body: 'CWC' };

/** A CNCP case's life in events: the brief's four, then restoration and repeating follow-ups. */
function caseEvent(step: number, caseNo: number): Omit<CaseEventRequest, 'idempotencyKey'> {
  const ref = (p: string) => `${p}/${caseNo}/${step}`;
  const script: [string, Record<string, unknown>][] = [
    ['PRODUCED_BEFORE_CWC', { circumstance: 'LOST', producedBy: 'SJPU Jaipur' }],
    ['INTERIM_PLACEMENT_ORDERED', { placement: 'CHILDRENS_HOME', orderRef: ref('CWC/JPR/F18') }],
    ['SIR_ORDERED', { sirRef: `SIR/${caseNo}` }],
    ['SIR_SUBMITTED', { sirRef: `SIR/${caseNo}`, finding: 'FAMILY_TRACED' }], // the report the order asked for
    ['FINAL_ORDER_PASSED', { order: 'RESTORATION', orderRef: ref('CWC/JPR/37'), reasons: 'parents traced and verified by the DCPU' }],
    ['CHILD_RESTORED', { restoredTo: 'PARENT' }],
  ];
  const [type, payload] = script[step] ?? ['FOLLOW_UP_REPORT_FILED', { reportRef: ref('FU') }];
  return { type, payload, actor: CWC };
}

export interface UpdateBenchOptions {
  client: Client;
  runId: string;
  namespace: string;
  workerEnv: NodeJS.ProcessEnv;
  logDir: string;
  /** Workflows per concurrency level (fresh ones each level). */
  cases: number;
  eventsPerCase: number;
  concurrency: readonly number[];
  /** Wall-clock limit of each measured phase. */
  phaseLimitMs: number;
  /** Histories read for the breakdown, per phase. */
  historySample: number;
  /** The notification processor in its own process (as `npm start` runs it), not inside the worker. */
  notificationsApart: boolean;
  log: (line: string) => void;
}

export interface PhaseResult {
  workflows: number;
  /** start + first Update (registration for the case, a no-op Update for the baseline) */
  setup: { seconds: number; latency: Summary; failed: number };
  updates: number;
  failed: number;
  timedOut: boolean;
  seconds: number;
  perSecond: number;
  latency: Summary;
  breakdown: UpdateBreakdown;
  /** CPU ms per Update while they ran: each worker, the dev server, PostgreSQL, Redis, this client, and the whole machine. */
  cpuMsPerUpdate: Record<string, number>;
  firstError?: string;
}

export interface UpdateLevelResult {
  concurrency: number;
  caseWorkflow: PhaseResult;
  bareUpdate: PhaseResult;
  /** case events/s ÷ bare Updates/s */
  ratio: number;
}

export interface UpdateBenchResult {
  taskQueues: { cases: string; noop: string };
  levels: UpdateLevelResult[];
}

async function setupWorkflows(count: number, concurrency: number, limitMs: number, start: (i: number) => Promise<WorkflowHandle>) {
  const handles: WorkflowHandle[] = new Array(count);
  const latencies: number[] = [];
  const t0 = performance.now();
  const pool = await runBounded(
    [...Array(count).keys()],
    concurrency,
    limitMs,
    async (i) => {
      const began = performance.now();
      handles[i] = await start(i);
      latencies.push(performance.now() - began);
    },
    true,
  );
  if (pool.failed || pool.timedOut) {
    throw new Error(`setting up ${count} workflows: ${pool.failed} failed, timed out: ${pool.timedOut}: ${describeError(pool.firstError)} (see the worker log)`);
  }
  return { handles, setup: { seconds: (performance.now() - t0) / 1000, latency: summarise(latencies), failed: pool.failed } };
}

/** Sends `eventsPerCase` Updates to each workflow, round robin across workflows, in order within one. */
async function drive(
  cpu: CpuMeter,
  handles: readonly WorkflowHandle[],
  eventsPerCase: number,
  concurrency: number,
  limitMs: number,
  send: (handle: WorkflowHandle, request: CaseEventRequest) => Promise<unknown>,
) {
  const n = handles.length;
  const chains: Promise<unknown>[] = handles.map(() => Promise.resolve());
  const latencies: number[] = [];
  cpu.start();
  const t0 = performance.now();
  const pool: PoolResult = await runBounded([...Array(n * eventsPerCase).keys()], concurrency, limitMs, async (k) => {
    const i = k % n;
    const step = Math.floor(k / n);
    const before = chains[i]!;
    const mine = (async () => {
      await before; // the previous event of the same case has its answer
      const request = { ...caseEvent(step, i), idempotencyKey: randomUUID() };
      const began = performance.now();
      await within(CALL_LIMIT_MS, `${request.type} to ${handles[i]!.workflowId}`, send(handles[i]!, request));
      latencies.push(performance.now() - began);
    })();
    chains[i] = mine.catch(() => undefined);
    await mine;
  });
  const seconds = (performance.now() - t0) / 1000;
  const used = cpu.stop();
  const cpuMsPerUpdate = Object.fromEntries(Object.entries(used).map(([group, ms]) => [group, latencies.length ? ms / latencies.length : Number.NaN]));
  return {
    cpuMsPerUpdate,
    updates: latencies.length,
    failed: pool.failed,
    timedOut: pool.timedOut,
    seconds,
    perSecond: latencies.length / seconds,
    latency: summarise(latencies),
    ...(pool.firstError === undefined ? {} : { firstError: describeError(pool.firstError) }),
  };
}

/** The error and its causes on one line (an Update failure carries the workflow's reason as its cause). */
function describeError(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err; e !== undefined && parts.length < 4; e = e instanceof Error ? e.cause : undefined) {
    parts.push(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  }
  return parts.join(' <- ');
}

async function terminateAll(handles: readonly WorkflowHandle[], reason: string): Promise<void> {
  await runBounded(handles.filter(Boolean), 16, 300_000, async (h) => {
    await h.terminate(reason).catch(() => undefined);
  });
}

export async function runUpdateBenchmark(o: UpdateBenchOptions): Promise<UpdateBenchResult> {
  const casesQueue = `${o.runId}-cases`;
  const noopQueue = `${o.runId}-noop`;
  let real: CaseWorkerChildren | undefined;
  let noop: NodeChild | undefined;
  const levels: UpdateLevelResult[] = [];
  /** Every workflow started and not yet ended, so an error half-way still cleans up. */
  const opened = new Set<WorkflowHandle>();
  try {
    o.log(`(a) starting the case worker (task queue ${casesQueue}) and the no-op worker (${noopQueue})`);
    // Both settle before either failure is thrown, so the one that did start is stopped below.
    const [realStart, noopStart] = await Promise.allSettled([
      startCaseWorkerChildren({ ...o.workerEnv, TEMPORAL_TASK_QUEUE: casesQueue }, o.logDir, 'updates', o.notificationsApart),
      startNodeChild('bench/noop-worker.ts', { ...o.workerEnv, TEMPORAL_TASK_QUEUE: noopQueue }, join(o.logDir, 'updates-noop-worker.log'), /polling task queue/),
    ]);
    if (realStart.status === 'fulfilled') real = realStart.value;
    if (noopStart.status === 'fulfilled') noop = noopStart.value;
    if (realStart.status === 'rejected') throw realStart.reason;
    if (noopStart.status === 'rejected') throw noopStart.reason;
    if (!real || !noop) throw new Error('unreachable: both workers started');
    const cpu = new CpuMeter(
      {
        caseWorker: real.worker.pid,
        ...(real.notifications ? { notifications: real.notifications.pid } : {}),
        noopWorker: noop.pid,
        devServer: temporalServerPid(),
        benchClient: process.pid,
      },
      undefined,
      ['caseWorker', 'noopWorker'],
    );
    for (const concurrency of o.concurrency) {
      // The case workflow: register (start + registration Update), then the events.
      const registeredAt = new Date().toISOString();
      const cases = await setupWorkflows(o.cases, concurrency, o.phaseLimitMs, async (i) => {
        const registration: CaseRegistration = {
          caseId: randomUUID(),
          track: 'CNCP',
          districtCode: 'RJ-JAIPUR',
          stateCode: 'RJ',
          child: { ageYears: 9, name: `Bench child ${i}` },
          registeredAt,
          registeredBy: { id: 'bench-sjpu', role: 'SJPU_OFFICER', body: 'SJPU' },
        };
        const handle = await o.client.workflow.start('caseWorkflow', {
          taskQueue: casesQueue,
          workflowId: caseWorkflowId(registration.caseId),
          args: [registration],
        });
        opened.add(handle);
        await within(CALL_LIMIT_MS, `registration of ${registration.caseId}`, handle.executeUpdate(registrationUpdate));
        return handle;
      });
      o.log(`(a) c=${concurrency}: ${o.cases} cases registered in ${cases.setup.seconds.toFixed(1)} s; sending ${o.cases * o.eventsPerCase} applyEvent Updates`);
      const realRun = await drive(cpu, cases.handles, o.eventsPerCase, concurrency, o.phaseLimitMs, (h, request) =>
        h.executeUpdate(applyEventUpdate, { args: [request] }),
      );
      const realBreakdown = await breakdownUpdates(cases.handles.slice(0, o.historySample), 'applyEvent');
      await terminateAll(cases.handles, 'benchmark finished');
      for (const h of cases.handles) opened.delete(h);
      o.log(`(a) c=${concurrency}: case workflow ${realRun.perSecond.toFixed(1)} events/s, p50 ${realRun.latency.p50.toFixed(1)} ms, p99 ${realRun.latency.p99.toFixed(1)} ms`);

      // The baseline: start + one (warm-up) no-op Update, then the same requests as no-op Updates.
      const bare = await setupWorkflows(o.cases, concurrency, o.phaseLimitMs, async () => {
        const handle = await o.client.workflow.start('noopWorkflow', { taskQueue: noopQueue, workflowId: `bench-noop-${randomUUID()}` });
        opened.add(handle);
        await within(CALL_LIMIT_MS, 'warm-up no-op Update', handle.executeUpdate(noopUpdate, { args: [null] }));
        return handle;
      });
      const bareRun = await drive(cpu, bare.handles, o.eventsPerCase, concurrency, o.phaseLimitMs, (h, request) =>
        h.executeUpdate(noopUpdate, { args: [request] }),
      );
      const bareBreakdown = await breakdownUpdates(bare.handles.slice(0, o.historySample), 'noop');
      // Terminated, not signalled: a stop signal would need the no-op worker, which may stop first.
      await terminateAll(bare.handles, 'benchmark finished');
      for (const h of bare.handles) opened.delete(h);
      o.log(`(a) c=${concurrency}: bare Update ${bareRun.perSecond.toFixed(1)} /s, p50 ${bareRun.latency.p50.toFixed(1)} ms, p99 ${bareRun.latency.p99.toFixed(1)} ms`);

      levels.push({
        concurrency,
        caseWorkflow: { workflows: o.cases, setup: cases.setup, ...realRun, breakdown: realBreakdown },
        bareUpdate: { workflows: o.cases, setup: bare.setup, ...bareRun, breakdown: bareBreakdown },
        ratio: realRun.perSecond / bareRun.perSecond,
      });
    }
  } finally {
    await terminateAll([...opened], 'benchmark stopped early');
    await Promise.all([real?.stop(), noop?.stop()]);
  }
  return { taskQueues: { cases: casesQueue, noop: noopQueue }, levels };
}
