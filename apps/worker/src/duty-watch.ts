// The missed-duty scan: once a day, shortly after midnight in India, each CWC's and JJB's latest period whose due time
// has passed is assessed — sittings (s.28(1)), visits to each institution (s.30(viii)), the F.16 return (R.17(ii)),
// the JJB's pendency report (s.16(3)) — and each miss gets an obligation watch, which raises it up the state's ladder
// like a case's missed deadline (DCPU at once, SCPS after 7 days, the monitoring cell after 30). A BullMQ job
// scheduler fires it (one run however many workers schedule it); a miss already escalated is left to its watch.
import { Queue, Worker as QueueWorker, type ConnectionOptions } from 'bullmq';
import type { Client } from '@temporalio/client';
import { watchMissedDuties } from '@raksha/activities';
import { obligationChangedSignal, obligationWatchId, type WatchedObligation } from '@raksha/contracts/temporal';
import type { BodyDutyRepository, DeadlinePolicyRepository } from '@raksha/db';

export const DUTY_WATCH_QUEUE = 'raksha-duty-watch';
const SCHEDULER_ID = 'missed-duties';
/** 00:30 in India: a month's sittings and visits are due at its end (midnight IST), so the scan sees the month whole. */
const PATTERN = '30 0 * * *';
const TIME_ZONE = 'Asia/Kolkata';

/** Starts (or signals) a missed duty's watch. */
export function dutyWatchTeller(client: Client, taskQueue: string) {
  return (w: WatchedObligation) =>
    client.workflow.signalWithStart('obligationWatchWorkflow', {
      taskQueue,
      workflowId: obligationWatchId(w.subject, w.subjectId),
      args: [w],
      signal: obligationChangedSignal,
      signalArgs: [w],
    });
}

export async function startDutyWatch(
  connection: ConnectionOptions,
  deps: { duties: BodyDutyRepository; policies: DeadlinePolicyRepository; tell: (w: WatchedObligation) => Promise<unknown> },
  now: () => Date = () => new Date(),
) {
  const jobs = new Queue(DUTY_WATCH_QUEUE, { connection });
  await jobs.upsertJobScheduler(SCHEDULER_ID, { pattern: PATTERN, tz: TIME_ZONE }, { name: 'missed-duties', opts: { removeOnComplete: 30, removeOnFail: 30, attempts: 3, backoff: { type: 'exponential', delay: 60_000 } } });
  const worker = new QueueWorker(DUTY_WATCH_QUEUE, async () => (await watchMissedDuties(deps, now())).length, { connection, concurrency: 1 });
  return {
    /** the scheduled job's queue, for whoever wants to run it now (tests, an operator) */
    queue: jobs,
    async close() {
      await worker.close();
      await jobs.close();
    },
  };
}
