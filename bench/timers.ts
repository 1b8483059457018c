// (b′) The limit (b) is measured against: as many no-op workflows as (b) has cases, each with one timer to the same
// spread of due times, on the same Temporal server in the same run, and nothing else (no activity, no database, no
// notification). How late their timers' workflow tasks run is what the server and the SDK cost alone.
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { pollUntil, progressWatch, runBounded, sleep } from './lib/pool.js';
import { CpuMeter, procStatus, startNodeChild, temporalServerPid, type NodeChild } from './lib/proc.js';
import { summarise, type Summary } from './lib/stats.js';

export interface TimerBurstOptions {
  client: Client;
  runId: string;
  workerEnv: NodeJS.ProcessEnv;
  logDir: string;
  /** As many workflows as (b)'s cases, due over the same spread, as long after the start. */
  workflows: number;
  startConcurrency: number;
  dueInSeconds: number;
  spreadSeconds: number;
  drainLimitSeconds: number;
  maxCachedWorkflows?: number;
  log: (line: string) => void;
}

export interface TimerBurstResult {
  taskQueue: string;
  workflows: number;
  start: { seconds: number; failed: number; perSecond: number };
  startedBeforeDue: boolean;
  completed: number;
  /** The timer's workflow task's workflow time − its due time (what (b)'s raisedAt − dueAt is for a case). */
  latenessMs: Summary;
  cpuMsPerTimer?: Record<string, number>;
  rssKiB: { worker?: number; server?: number };
  aborted?: string;
}

const STALL_MS = 120_000;
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function runTimerBurst(o: TimerBurstOptions): Promise<TimerBurstResult> {
  const taskQueue = `${o.runId}-timers`;
  let worker: NodeChild | undefined;
  const ids: string[] = [];
  try {
    const serverPid = temporalServerPid();
    const cacheEnv = o.maxCachedWorkflows === undefined ? {} : { WORKER_MAX_CACHED_WORKFLOWS: String(o.maxCachedWorkflows) };
    worker = await startNodeChild(
      'bench/noop-worker.ts',
      { ...o.workerEnv, TEMPORAL_TASK_QUEUE: taskQueue, ...cacheEnv },
      join(o.logDir, 'timers-noop-worker.log'),
      /polling task queue/,
    );
    const cpu = new CpuMeter({ worker: worker.pid, server: serverPid }, { postgres: 'postgres' });
    const t0 = Date.now();
    const dueAt = (i: number) => t0 + o.dueInSeconds * 1000 + (o.workflows > 1 ? Math.floor((i * o.spreadSeconds * 1000) / (o.workflows - 1)) : 0);
    const firstDue = dueAt(0);
    const lastDue = dueAt(o.workflows - 1);
    o.log(`(b′) starting ${o.workflows} bare-timer workflows (task queue ${taskQueue}); due from ${new Date(firstDue).toISOString()} to ${new Date(lastDue).toISOString()}`);
    const started = await runBounded([...Array(o.workflows).keys()], o.startConcurrency, Math.max(0, firstDue - Date.now() - 5_000), async (i) => {
      const workflowId = `${taskQueue}-${i}`;
      ids.push(workflowId);
      await o.client.workflow.start('timerWorkflow', { taskQueue, workflowId, args: [dueAt(i)] });
    });
    const startSeconds = (Date.now() - t0) / 1000;
    const startedBeforeDue = !started.timedOut && Date.now() < firstDue;
    o.log(`(b′) ${started.done - started.failed} started in ${startSeconds.toFixed(1)} s (${started.failed} failed${startedBeforeDue ? '' : ', NOT all before the first due time'})`);
    await sleep(Math.max(0, firstDue - Date.now() - 2_000));
    const rssKiB = { worker: procStatus(worker.pid)?.rssKiB, server: serverPid === undefined ? undefined : procStatus(serverPid)?.rssKiB };
    await sleep(Math.max(0, firstDue - Date.now()));
    cpu.start();

    let aborted: string | undefined;
    const query = `TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Completed'`;
    const completedCount = async () => {
      worker!.assertAlive();
      return (await o.client.workflow.count(query)).count;
    };
    try {
      const completing = progressWatch('bare timers', STALL_MS);
      const drained = await pollUntil(
        async () => {
          const n = await completedCount();
          if (Date.now() > lastDue) completing(n);
          return n >= ids.length - started.failed ? true : undefined;
        },
        1_000,
        Math.max(1_000, lastDue - Date.now() + o.drainLimitSeconds * 1000),
      );
      if (!drained) aborted = `not every bare timer fired within ${o.drainLimitSeconds} s of the last due time`;
    } catch (err) {
      aborted = message(err);
    }
    const used = cpu.stop();
    // Each completed workflow's result is its lateness; read after the burst, so the reads are not part of it (and
    // only the completed ones: a run stopped early must not wait on the rest).
    const completed: string[] = [];
    for await (const execution of o.client.workflow.list({ query })) completed.push(execution.workflowId);
    const lateness: number[] = [];
    await runBounded(completed, 32, 600_000, async (id) => {
      lateness.push(await o.client.workflow.getHandle<(dueAtMs: number) => Promise<number>>(id).result());
    });
    const cpuMsPerTimer = Object.fromEntries(Object.entries(used).map(([group, ms]) => [group, lateness.length ? ms / lateness.length : Number.NaN]));
    if (aborted) o.log(`(b′) stopped early: ${aborted}`);
    return {
      taskQueue,
      workflows: o.workflows,
      start: { seconds: startSeconds, failed: started.failed, perSecond: (started.done - started.failed) / startSeconds },
      startedBeforeDue,
      completed: lateness.length,
      latenessMs: summarise(lateness),
      cpuMsPerTimer,
      rssKiB,
      ...(aborted ? { aborted } : {}),
    };
  } finally {
    // Whatever has not completed (a run stopped early) is terminated, as (b) does with its cases.
    await runBounded(ids, 16, 300_000, async (id) => {
      const handle = o.client.workflow.getHandle(id);
      if ((await handle.describe()).status.name === 'RUNNING') await handle.terminate('benchmark finished');
    }).catch(() => undefined);
    await worker?.stop();
  }
}
