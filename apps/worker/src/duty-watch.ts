// The missed-duty scan: once a day, shortly after midnight in India, each CWC's and JJB's latest period whose due time
// has passed is assessed — sittings (s.28(1)), visits to each institution (s.30(viii)), the F.16 return (R.17(v)),
// the JJB's pendency report (s.16(3)) — and each miss gets an obligation watch, which raises it up the state's ladder
// like a case's missed deadline (DCPU at once, SCPS after 7 days, the monitoring cell after 30). A BullMQ job
// scheduler fires it (one run however many workers schedule it); a miss already escalated is left to its watch.
import type { ConnectionOptions } from 'bullmq';
import type { Client } from '@temporalio/client';
import { watchMissedDuties } from '@raksha/activities';
import { obligationChangedSignal, obligationWatchId, type WatchedObligation } from '@raksha/contracts/temporal';
import type { BodyDutyRepository, DeadlinePolicyRepository } from '@raksha/db';
import { startDailyJob } from './daily-job.js';

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

export function startDutyWatch(
  connection: ConnectionOptions,
  deps: { duties: BodyDutyRepository; policies: DeadlinePolicyRepository; tell: (w: WatchedObligation) => Promise<unknown> },
  now: () => Date = () => new Date(),
) {
  return startDailyJob(connection, { queue: DUTY_WATCH_QUEUE, schedulerId: SCHEDULER_ID, name: 'missed-duties', pattern: PATTERN, timeZone: TIME_ZONE, run: async () => (await watchMissedDuties(deps, now())).length });
}
